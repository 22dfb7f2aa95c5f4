"""Headless Debian Chromium driven by Playwright through the real pages (never a downloaded browser)."""
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from factories import Lake

from samordna.accounts.models import AssociationRole

CHROMIUM = "/usr/bin/chromium"
# Playwright's sync API runs an event loop in this thread; Django's ORM is safe here because the test owns the thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium saknas ({CHROMIUM}); webbläsartesterna hoppas över."
        if os.environ.get("SAMORDNA_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=sv-SE"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    # Generous: a live server's first answer took over 10 s while the two cores were shared with other test runs.
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def lake_live(transactional_db):
    return Lake()


@pytest.fixture
def secretary(lake_live):
    user = User.objects.create_user("sekreterare", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake_live.association, role="secretary")
    return user
