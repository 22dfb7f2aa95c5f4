"""The Content-Security-Policy in a real browser (issue 9 item 6): the main pages of every app, charts, the import
page's script, the public notice board and survey load without a single CSP or Permissions-Policy complaint."""
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from pages import screenshot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "accounts"))
from accounts_helpers import current_code  # noqa: E402
from url_matrix_data import TABLE, World  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "association", "members", "people", "bodies", "meeting_detail", "agenda", "attendance", "protocol", "paragraph_edit",
    "protocol_read", "paragraph_vote", "adjustment", "protocol_imports", "protocol_import_batch", "protocol_import_preview",
    "cases", "case_detail", "document_upload", "assignments", "interventions", "intervention", "intervention_dashboard",
    "interventions_follow_up", "intervention_follow_up", "intervention_reports", "economy", "economy_plan",
    "economy_budget", "economy_outcome", "economy_population", "internal_control", "control_plan", "control_risk",
    "surveys", "survey_detail", "survey_results", "survey_distribution", "search", "users", "account",
    "two_factor_disable", "notice_board", "notice_protocol", "intervention_catalogue", "survey_answer", "home",
]
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""


def test_main_pages_raise_no_csp_violation(page, live_server):
    world = World()
    admin = world.users["admin"]
    admin.set_password("hemligt-lösen-1")
    admin.save()
    complaints = []
    page.on("console", lambda message: complaints.append(f"{page.url}: {message.text}")
            if message.type == "error" and ("Content Security Policy" in message.text or "Permissions-Policy" in message.text)
            else None)
    page.add_init_script(RECORD)
    # Every actor of the world has an authenticator app, so the login asks for a code too.
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_label("Användarnamn").fill(admin.username)
    page.get_by_label("Lösenord").fill("hemligt-lösen-1")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/tvastegs/**")
    page.get_by_label("Kod").fill(current_code(world.devices["admin"]))
    page.get_by_role("button", name="Verifiera").click()
    page.wait_for_url(f"{live_server.url}/")
    violations, visited = [], 0
    for name in PAGES:
        entry = TABLE[name]
        url = live_server.url + reverse(name, kwargs=entry.kwargs(world)) + (f"?{entry.query}" if entry.query else "")
        response = page.goto(url)
        assert response.status == 200, f"{name}: {response.status}"
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        violations += [f"{name}: {v}" for v in page.evaluate("window.__violations")]
        visited += 1
        if name in ("intervention_dashboard", "control_plan", "economy_outcome"):
            screenshot(page, f"csp-{name}.png")
    assert visited == len(PAGES)
    assert violations == [] and complaints == []


def test_the_policy_really_blocks_an_inline_script(page, live_server):
    """The recorder works: a script injected into a page is refused and reported."""
    from factories import Lake

    Lake()
    page.add_init_script(RECORD)
    page.goto(f"{live_server.url}/")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true';
                             document.body.appendChild(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
