SECTIONS = {
    "association": "overview",
    "members": "members", "member": "members",
    "charter": "charter", "standard_items": "charter",
    "people": "people", "person": "people",
}


def acting_association(request):
    """The association the user acts in (shown in the header) and which part of the menu the page belongs to."""
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else None
    return {"acting_association": getattr(request, "association", None), "nav": SECTIONS.get(name, "bodies")}
