"""Accounts in the browser: a secretary/administrator logs in, must enrol two-factor, invites a board member who
accepts the link and gets an account; axe-core finds no serious problems on the account pages."""
import re
from base64 import b32decode

import pytest
from django.contrib.auth.models import User
from django_otp.oath import TOTP
from pages import axe_problems, screenshot

from samordna.accounts.models import AssociationRole

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code_from(secret_text):
    key = b32decode(secret_text.replace(" ", ""))
    return f"{TOTP(key).token():06d}"


def test_login_enrol_invite_and_accept(page, live_server, lake_live, secretary, settings, mailoutbox):
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = True
    lake = lake_live
    AssociationRole.objects.create(user=secretary, association=lake.association, role="admin")
    base = f"{live_server.url}/f/{lake.association.slug}"

    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_label("Användarnamn").fill("sekreterare")
    page.get_by_label("Lösenord").fill("hemligt-lösen-1")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/tvastegs/registrera/**")
    assert page.locator("figure.qr svg").count() == 1
    enrol_problems = axe_problems(page, [page.url])
    page.get_by_label("Kod").fill(_code_from(page.locator("#totp-secret").inner_text()))
    page.get_by_role("button", name="Slå på").click()
    assert page.get_by_role("heading", name="Dina reservkoder").is_visible()
    assert page.locator("ol.recovery-codes li").count() == 10
    screenshot(page, "accounts-recovery-codes.png")
    page.get_by_role("link", name="Jag har sparat koderna – fortsätt").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{base}/anvandare/")
    page.get_by_label("E-postadress").fill("nils.ny@kommun.se")
    page.get_by_label("Roll", exact=True).select_option("board_member")
    page.get_by_role("button", name="Skicka inbjudan").click()
    assert page.get_by_text("En inbjudan är skickad till nils.ny@kommun.se.").is_visible()
    assert page.get_by_role("cell", name="nils.ny@kommun.se", exact=True).is_visible()
    link = re.search(r"https?://\S+/konto/inbjudan/\S+/", mailoutbox[-1].body).group(0)
    staff_problems = axe_problems(page, [f"{base}/anvandare/", f"{live_server.url}/konto/"])
    page.get_by_role("button", name="Logga ut").click()

    page.goto(link)
    invitation_problems = axe_problems(page, [link, f"{live_server.url}/konto/aterstall/",
                                              f"{live_server.url}/logga-in/"])
    page.goto(link)
    page.get_by_label("Förnamn").fill("Nils")
    page.get_by_label("Efternamn").fill("Ny")
    page.get_by_label("Användarnamn").fill("nils")
    page.get_by_label("Välj lösenord").fill("ett-bra-lösen-77")
    page.get_by_label("Upprepa lösenordet").fill("ett-bra-lösen-77")
    page.get_by_role("button", name="Skapa konto").click()
    page.wait_for_url(f"{base}/")
    assert page.get_by_text("Välkommen! Ditt konto är skapat").is_visible()
    assert AssociationRole.objects.filter(user__username="nils", association=lake.association,
                                          role="board_member").exists()
    assert User.objects.get(username="nils").email == "nils.ny@kommun.se"
    assert enrol_problems + staff_problems + invitation_problems == []


def test_second_login_asks_for_the_code(page, live_server, lake_live, secretary):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=secretary, name="app", confirmed=True)
    page.goto(f"{live_server.url}/logga-in/")
    page.get_by_label("Användarnamn").fill("sekreterare")
    page.get_by_label("Lösenord").fill("hemligt-lösen-1")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/tvastegs/**")
    problems = axe_problems(page, [page.url])
    page.get_by_label("Kod").fill("000000" if f"{TOTP(device.bin_key).token():06d}" != "000000" else "111111")
    page.get_by_role("button", name="Verifiera").click()
    assert page.get_by_text("Koden stämmer inte").first.is_visible()
    page.wait_for_timeout(1500)  # django-otp makes each failure double the wait before the next try
    page.get_by_label("Kod").fill(f"{TOTP(device.bin_key).token():06d}")
    page.get_by_role("button", name="Verifiera").click()
    page.wait_for_url(f"{live_server.url}/")
    assert problems == []
