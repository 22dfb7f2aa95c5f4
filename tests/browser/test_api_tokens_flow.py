"""API tokens in the browser: from Mitt konto, create a key, copy it from the page, read the API with it, revoke it;
axe-core finds no serious problems on the page."""
import re
import urllib.error
import urllib.request

import pytest
from pages import axe_problems, login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _get(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_create_use_and_revoke_a_token(page, live_server, lake_live, secretary):
    slug = lake_live.association.slug
    # The first request loads the whole URLconf; on a busy machine that alone can outlast a page timeout.
    urllib.request.urlopen(f"{live_server.url}/logga-in/", timeout=60).close()
    page.set_default_timeout(30_000)
    login(page, live_server)
    page.goto(f"{live_server.url}/konto/")
    page.get_by_role("link", name=re.compile("API-nycklar för andra system")).click()
    page.wait_for_url("**/api/nycklar/")
    page.get_by_label("Namn på nyckeln").fill("Intranätets mötesplan")
    page.get_by_role("button", name="Skapa nyckeln").click()
    token = page.get_by_label("Nyckel", exact=True).input_value()
    assert token.startswith("smd_")
    screenshot(page, "api-tokens-created.png")
    assert _get(f"{live_server.url}/api/f/{slug}/meetings", token) == 200

    problems = axe_problems(page, [f"{live_server.url}/api/nycklar/"])
    assert page.get_by_role("cell", name="Gäller", exact=True).is_visible()
    page.get_by_role("button", name=re.compile("Återkalla")).click()
    assert page.get_by_text("är återkallad och fungerar inte längre").is_visible()
    assert page.get_by_role("cell", name="Återkallad", exact=True).is_visible()
    assert _get(f"{live_server.url}/api/f/{slug}/meetings", token) == 401
    assert problems == []
