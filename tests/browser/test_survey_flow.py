"""The exit survey end to end: a secretary sets it up, a participant answers on a phone, nothing identifies them."""
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection
from pages import login, screenshot

from samordna.survey import services
from samordna.survey.models import Answer, Response

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _serious(axe, page):
    results = axe.run(page)
    assert results.response["passes"], "axe ran no checks"
    return [f"{page.url}: {v['id']} – {v['help']}" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def test_secretary_sets_up_and_a_participant_answers_on_a_phone(page, browser, live_server, lake_live, secretary):
    slug = lake_live.association.slug
    axe = Axe()
    problems = []
    # The live server's first request loads every template and app; on a busy machine that alone can take 10 s.
    page.set_default_navigation_timeout(30_000)
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{slug}/enkater/")
    problems += _serious(axe, page)
    page.get_by_role("button", name="Skapa enkät").click()
    page.wait_for_url(re.compile(r".*/enkater/\d+/$"))
    problems += _serious(axe, page)
    page.get_by_role("button", name="Publicera version 1").click()
    assert page.get_by_text("Version 1 är publicerad").is_visible()
    page.get_by_role("link", name="Enkäter").first.click()
    page.get_by_label("Enkät", exact=True).select_option(label="Avslutsenkät")
    page.get_by_label("Benämning").fill("Hälsoskolan")
    page.get_by_role("button", name="Skapa utskick").click()
    page.wait_for_url(re.compile(r".*/enkater/utskick/\d+/$"))
    problems += _serious(axe, page)
    link = page.locator(".short-link a").get_attribute("href")
    assert re.search(r"/e/[a-z0-9]{8}/$", link)
    assert page.locator("img[alt^='QR-kod']").evaluate("img => img.naturalWidth") > 0

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE", is_mobile=True,
                                has_touch=True)
    mobile = phone.new_page()
    outside = []
    mobile.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live_server.url)
              and not r.url.startswith("data:") else None)
    mobile.goto(link)
    problems += _serious(axe, mobile)
    # Large touch targets: every choice is at least 44 px high.
    heights = mobile.locator("label.option").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44
    # No horizontal scrolling on the phone, nor at 200 % zoom (half the CSS width).
    assert mobile.evaluate("document.documentElement.scrollWidth") <= 390
    mobile.set_viewport_size({"width": 195, "height": 422})
    assert mobile.evaluate("document.documentElement.scrollWidth") <= 195
    mobile.set_viewport_size({"width": 390, "height": 844})
    mobile.get_by_role("group", name="Min hälsa har blivit bättre").get_by_text("4", exact=True).click()
    mobile.get_by_role("group", name="Skulle du rekommendera").get_by_text("Ja", exact=True).click()
    mobile.get_by_role("group", name="Ålder").get_by_text("30–39 år").click()
    mobile.get_by_label("Vill du säga något mer?").fill("Personnumret 811228-9874 kanske behövs")
    mobile.get_by_role("button", name="Skicka svaren").click()
    assert mobile.get_by_role("alert").filter(has_text="personnummer").is_visible()
    assert Response.objects.count() == 0
    mobile.get_by_label("Vill du säga något mer?").fill("Lagom långa träffar.")
    mobile.get_by_role("button", name="Skicka svaren").click()
    mobile.wait_for_url(re.compile(r".*/tack/$"))
    assert mobile.get_by_role("heading", name="Tack för dina svar!").is_visible()
    assert phone.cookies() == []
    assert outside == []
    phone.close()

    response = Response.objects.get()
    answers = {a.question.key: a for a in Answer.objects.select_related("question")}
    assert answers["halsa"].number == 4 and answers["rekommendera"].number == 1
    assert answers["alder"].choice == "30-39" and answers["kommentar"].text == "Lagom långa träffar."
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT * FROM "{Response._meta.db_table}"')
        row = cursor.fetchone()
    assert len(row) == 5 and response.quarter in (1, 2, 3, 4)
    assert not any(re.search(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|\d{2}:\d{2}|Mozilla", str(v)) for v in row)

    page.goto(f"{live_server.url}/f/{slug}/enkater/{response.version.questionnaire_id}/resultat/")
    assert page.get_by_text("Gruppen har färre än 5 svar").is_visible()
    problems += _serious(axe, page)
    assert problems == []


def test_results_with_cross_tables_by_background(page, live_server, lake_live, secretary):
    """A year of answers: the target-group tables open without JavaScript-only tricks and hide small bands."""
    from datetime import date

    slug = lake_live.association.slug
    questionnaire = services.create_questionnaire(lake_live.association, "Avslutsenkät", publish_on=date(2024, 1, 2))
    distribution = services.create_distribution(lake_live.association, questionnaire, label="Hälsoskolan")
    version = questionnaire.current
    questions = {q.key: str(q.pk) for q in version.questions.all()}
    plan = [("5", "kvinna", "30-39", "ja")] * 11 + [("2", "kvinna", "40-49", "nej")] * 6 + \
        [("4", "man", "30-39", "ja")] * 8 + [("3", "man", "40-49", "nej")] * 5 + [("1", "annat", "60-66", "nej")] * 2
    for health, gender, age, recommend in plan:
        services.submit_response(distribution, version.pk, {
            questions["halsa"]: [health], questions["kon"]: [gender], questions["alder"]: [age],
            questions["rekommendera"]: [recommend]}, date(2024, 5, 6))
    page.set_default_navigation_timeout(30_000)
    login(page, live_server)
    page.goto(f"{live_server.url}/f/{slug}/enkater/{questionnaire.pk}/resultat/?ar=2024")
    assert page.get_by_role("heading", name="Svaren efter bakgrund").is_visible()
    table = page.get_by_role("table", name=re.compile("Min hälsa har blivit bättre.*Efter: Kön"))
    assert table.is_visible()
    women = table.get_by_role("row", name=re.compile("^Kvinna"))
    assert women.get_by_role("cell").all_inner_texts()[:3] == ["11", "6", "0"]
    small = table.get_by_role("row", name=re.compile("^Annat eller vill inte svara"))
    assert "<5" in small.inner_text()
    # The other outcomes are folded; a click on the summary opens them (plain <details>, no script).
    summary = page.locator("details.cross-tables summary", has_text="Skulle du rekommendera")
    summary.click()
    assert page.get_by_role("table", name=re.compile("Skulle du rekommendera.*Efter: Ålder")).is_visible()
    screenshot(page, "survey-cross-tables.png")
    axe = Axe()
    assert _serious(axe, page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    screenshot(page, "survey-cross-tables-phone.png")
