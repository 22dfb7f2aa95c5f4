"""Hardening (issue 9 item 6): deploy check, security headers, CSRF, error pages that leak nothing."""
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.test import Client

from samordna.accounts.models import AssociationRole
from samordna.associations.models import Member
from samordna.survey import services as survey_services

PRODUCTION = {
    "SAMORDNA_SECRET_KEY": secrets.token_urlsafe(50),
    "SAMORDNA_HTTPS": "1",
    "SAMORDNA_ALLOWED_HOSTS": "samordna.example.se",
}


def _deploy_check(extra):
    # A production process has neither our variables nor the test run's: the browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE for Playwright, and the deploy check rightly refuses it.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAMORDNA_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(extra, DJANGO_SETTINGS_MODULE="samordna.settings", SAMORDNA_DATA_DIR="/tmp/samordna-deploy-check")
    return subprocess.run([sys.executable, "-m", "samordna.cli", "check", "--deploy", "--fail-level", "WARNING"],
                          env=env, capture_output=True, text=True, timeout=120)


def test_deploy_check_with_production_environment_reports_nothing():
    result = _deploy_check(PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_deploy_check_complains_without_secret_key_and_https():
    # The same check must be able to fail: the demo's settings are not production settings.
    result = _deploy_check({})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for code in ("security.W009", "security.W004", "security.W008", "security.W012", "security.W016"):
        assert code in output


def test_debug_is_refused_by_the_deploy_check():
    result = _deploy_check({**PRODUCTION, "SAMORDNA_DEBUG": "1"})
    assert result.returncode != 0 and "security.W018" in result.stdout + result.stderr


# Headers ------------------------------------------------------------------------------------------------------------

def _policy(response):
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part}


def _assert_security_headers(response, referrer=("same-origin",)):
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no nonce, no other origin
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in referrer
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
def test_public_pages_carry_the_security_headers(client, lake):
    for url in ("/", "/logga-in/", f"/f/{lake.association.slug}/anslagstavla/", "/finns-inte/"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        _assert_security_headers(response)


@pytest.mark.django_db
def test_staff_pages_and_downloads_carry_the_security_headers(staff, lake):
    slug = lake.association.slug
    for url in (f"/f/{slug}/", f"/f/{slug}/medlemmar/", "/konto/"):
        response = staff.get(url)
        assert response.status_code == 200, url
        _assert_security_headers(response)


@pytest.mark.django_db
def test_public_survey_stays_cookie_free_with_the_headers(lake):
    questionnaire = survey_services.create_questionnaire(lake.association, "Avslutsenkät")
    distribution = survey_services.create_distribution(lake.association, questionnaire, label="Verkstaden")
    response = Client(enforce_csrf_checks=True).get(f"/e/{distribution.token}/")
    assert response.status_code == 200
    # The survey may be stricter still: it sends no referrer at all.
    _assert_security_headers(response, referrer=("same-origin", "no-referrer"))
    assert "Set-Cookie" not in response.headers and not response.cookies


def test_http_settings_stay_usable_for_the_demo(settings):
    # Without SAMORDNA_HTTPS the demo on http://127.0.0.1 must not be redirected or lose its cookies.
    assert settings.SECURE_SSL_REDIRECT is False and settings.SESSION_COOKIE_SECURE is False
    assert settings.SECURE_HSTS_SECONDS == 0


# CSRF ---------------------------------------------------------------------------------------------------------------

@pytest.fixture
def guarded(lake):
    """A secretary's browser that really checks CSRF tokens (the test client skips the check by default)."""
    user = User.objects.create_user("skrivare", password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="secretary")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    page = browser.get(f"/f/{lake.association.slug}/medlemmar/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    return browser, token


NEW_MEMBER = {"name": "Bergsjö kommun", "short_name": "Bergsjö", "kind": Member.Kind.MUNICIPALITY, "municipality_code": ""}


def test_forged_csrf_token_on_a_staff_post_is_refused_and_changes_nothing(guarded, lake):
    browser, token = guarded
    forged = "A" * len(token)
    response = browser.post(f"/f/{lake.association.slug}/medlemmar/", {**NEW_MEMBER, "csrfmiddlewaretoken": forged})
    assert response.status_code == 403
    page = response.content.decode()
    assert re.search(r"[åäöÅÄÖ]", page), "the refusal is explained in Swedish"
    assert not Member.objects.filter(name="Bergsjö kommun").exists()
    missing = browser.post(f"/f/{lake.association.slug}/medlemmar/", NEW_MEMBER)
    assert missing.status_code == 403 and not Member.objects.filter(name="Bergsjö kommun").exists()


def test_the_real_csrf_token_is_accepted(guarded, lake):
    browser, token = guarded
    response = browser.post(f"/f/{lake.association.slug}/medlemmar/", {**NEW_MEMBER, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Member.objects.filter(association=lake.association, name="Bergsjö kommun").exists()


def test_the_api_takes_no_writes_on_the_session_cookie(guarded, lake):
    """django-ninja's views skip Django's CSRF check; that is safe only because a write needs an Authorization header
    (a token), which another site cannot make a browser send, while the session cookie is good for reading only."""
    browser, _token = guarded
    from samordna.board.models import Meeting

    before = Meeting.objects.count()
    response = browser.post(f"/api/f/{lake.association.slug}/protocols", data="{}", content_type="application/json")
    assert response.status_code in (401, 403) and Meeting.objects.count() == before


# Only the anonymous survey's answer POST may skip CSRF: it sets no cookie, so there is no token to check, and a forged
# answer could only add an anonymous answer that a valid link (and code, where required) allows anyway.
CSRF_EXEMPT_ALLOWED = {"survey/views_public.py"}


def test_csrf_exempt_only_where_justified():
    root = os.path.join(os.path.dirname(__file__), "..", "src", "samordna")
    found = set()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    if re.search(r"@csrf_exempt|csrf_exempt\(", handle.read()):
                        found.add(os.path.relpath(path, root).replace(os.sep, "/"))
    assert found == CSRF_EXEMPT_ALLOWED


# Error pages --------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.urls("hardening_urls")
def test_server_error_page_leaks_nothing(settings):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/boom/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Något gick fel" in page
    for leak in ("Traceback", "hemlig-detalj", "ZeroDivisionError", "settings", "SECRET", "sqlite", "/src/"):
        assert leak not in page


@pytest.mark.django_db
def test_not_found_and_bad_request_pages_are_swedish_and_leak_nothing(client, settings):
    settings.DEBUG = False
    missing = client.get("/finns/inte/alls/")
    assert missing.status_code == 404 and "Sidan finns inte" in missing.content.decode()
    assert "urlpatterns" not in missing.content.decode() and "Using the URLconf" not in missing.content.decode()
    # A Host header we do not serve is a 400 in Swedish, without echoing Django's explanation.
    bad = client.get("/", HTTP_HOST="angripare.example.com")
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "Felaktig begäran" in page and "ALLOWED_HOSTS" not in page and "angripare" not in page
