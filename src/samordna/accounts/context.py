SECTIONS = {
    "association": "overview",
    "members": "members", "member": "members",
    "charter": "charter", "standard_items": "charter",
    "people": "people", "person": "people",
    "users": "users",
    "audit_log": "audit",
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
    """The association the user acts in (shown in the header), the user's roles there (the menu shows what they may
    open) and which part of the menu the page belongs to."""
    association = getattr(request, "association", None)
    roles = lazy_roles(request, association)
    return {"acting_association": association, "acting_roles": roles,
            "nav": section(getattr(request, "resolver_match", None))}


def lazy_roles(request, association):
    """The roles as a set, looked up only when a template asks (most pages render the menu, public pages do not)."""
    from django.utils.functional import SimpleLazyObject

    from .access import roles_in

    if association is None:
        return frozenset()
    return SimpleLazyObject(lambda: frozenset(roles_in(request.user, association)))
