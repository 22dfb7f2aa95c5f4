"""The audit log in the browser: an administrator changes a case, finds the change in the log through the menu,
filters it, and axe-core finds no serious problems. Runs on a live server, so the table flush after the test proves
the append-only guard leaves the test database's own cleaning alone."""
from datetime import date

import pytest
from django.contrib.auth.models import User
from pages import axe_problems, login, screenshot

from samordna.accounts.models import AssociationRole, AuditEvent
from samordna.registry import services as registry_services
from samordna.registry.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_finds_a_change_in_the_audit_log(page, live_server, lake_live):
    association = lake_live.association
    admin = User.objects.create_user("forbundschef", password="hemligt-lösen-1", first_name="Frida")
    AssociationRole.objects.create(user=admin, association=association, role="admin")
    case = registry_services.save_case(Case(association=association, number="21/24", title="Lokal för träffpunkten",
                                            received_on=date(2024, 4, 2)))
    base = f"{live_server.url}/f/{association.slug}"

    login(page, live_server, "forbundschef")
    page.goto(f"{base}/diarium/{case.pk}/")
    assert AuditEvent.objects.filter(object_type="registry.case", object_id=str(case.pk)).exists()

    page.goto(f"{base}/")
    page.get_by_role("navigation", name="Förbundets sidor").get_by_role("link", name="Granskningslogg").click()
    page.wait_for_url(f"{base}/granskningslogg/")
    assert page.get_by_role("heading", name="Granskningslogg").is_visible()
    page.get_by_label("Slag av uppgift").select_option("registry.case")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url("**slag=registry.case**")
    row = page.get_by_role("row").filter(has_text="Lokal för träffpunkten")
    assert row.count() == 1 and "Skapad" in row.inner_text()
    screenshot(page, "audit-log.png")

    page.goto(f"{base}/granskningslogg/?fran=igår")
    assert page.get_by_role("alert").get_by_text("Skriv datumet som ÅÅÅÅ-MM-DD").is_visible()
    assert axe_problems(page, [f"{base}/granskningslogg/", f"{base}/granskningslogg/?slag=registry.case",
                               f"{base}/granskningslogg/?fran=igår"]) == []
