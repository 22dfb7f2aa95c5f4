SECTIONS = {
    "association": "overview",
    "members": "members", "member": "members",
    "charter": "charter", "standard_items": "charter",
    "people": "people", "person": "people",
}
# Pages of these apps belong to the menu entry of their app, whatever their URL name.
APP_SECTIONS = {"registry", "interventions", "survey", "economy", "control", "search"}


def section(match):
    if match is None:
        return "bodies"
    app = match.func.__module__.split(".")[1] if match.func.__module__.startswith("samordna.") else ""
    if app in APP_SECTIONS:
        return app
    return SECTIONS.get(match.url_name, "bodies")


def acting_association(request):
    """The association the user acts in (shown in the header) and which part of the menu the page belongs to."""
    return {"acting_association": getattr(request, "association", None),
            "nav": section(getattr(request, "resolver_match", None))}
