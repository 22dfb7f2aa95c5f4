"""Slice 1: Argon2 hashing, lockout on user name and address together, session expiry, the login steps."""
import pytest
from django.conf import settings
from django.contrib.auth.models import User

from accounts_helpers import PASSWORD, current_code, person, totp_device

pytestmark = pytest.mark.django_db


def _login(client, username, password, address="10.0.0.1", **extra):
    return client.post("/logga-in/", {"username": username, "password": password, **extra}, REMOTE_ADDR=address)


def test_passwords_are_hashed_with_argon2():
    user = person("anna")
    assert user.password.startswith("argon2$")
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sessions_expire_and_cookies_are_guarded():
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.AUTHENTICATION_BACKENDS[0].startswith("axes.")


def test_correct_password_logs_in_and_records_the_time(client):
    person("anna")
    response = _login(client, "anna", PASSWORD)
    assert response.status_code == 302 and response.url == "/"
    assert "authenticated_at" in client.session


def test_wrong_password_shows_swedish_message_and_stays_logged_out(client):
    person("anna")
    response = _login(client, "anna", "fel-lösen")
    assert response.status_code == 200
    assert "Inloggningen misslyckades" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_that_user_name_from_that_address_only(client):
    person("anna")
    person("bertil")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "anna", "fel-lösen")
    locked = _login(client, "anna", PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Inloggningen är tillfälligt spärrad" in page and "För många misslyckade försök" in page
    assert "_auth_user_id" not in client.session
    # Another user name from the same address still works …
    assert _login(client, "bertil", PASSWORD).status_code == 302
    client.logout()
    # … and so does the same user name from another address.
    assert _login(client, "anna", PASSWORD, address="10.0.0.2").status_code == 302


def test_failures_below_the_limit_do_not_lock(client):
    person("anna")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "anna", "fel-lösen")
    assert _login(client, "anna", PASSWORD).status_code == 302


def test_user_with_a_device_is_sent_to_the_second_step(client):
    totp_device(person("anna"))
    response = _login(client, "anna", PASSWORD, next="/konto/")
    assert response.status_code == 302
    assert response.url == "/konto/tvastegs/?next=%2Fkonto%2F"
    # Until the code is given every other page leads back to the second step.
    blocked = client.get("/konto/")
    assert blocked.status_code == 302 and blocked.url.startswith("/konto/tvastegs/")


def test_login_with_code_reaches_the_page(client):
    device = totp_device(person("anna"))
    _login(client, "anna", PASSWORD)
    response = client.post("/konto/tvastegs/", {"token": current_code(device), "next": "/konto/"})
    assert response.status_code == 302 and response.url == "/konto/"
    assert client.get("/konto/").status_code == 200


def test_wrong_code_keeps_the_user_at_the_second_step(client):
    device = totp_device(person("anna"))
    _login(client, "anna", PASSWORD)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    response = client.post("/konto/tvastegs/", {"token": wrong})
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()
    assert client.get("/konto/").status_code == 302


def test_a_right_code_right_after_a_wrong_one_is_throttled(client):
    device = totp_device(person("anna"))
    _login(client, "anna", PASSWORD)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    client.post("/konto/tvastegs/", {"token": wrong})
    response = client.post("/konto/tvastegs/", {"token": current_code(device)})
    assert "För många felaktiga koder i rad" in response.content.decode()
    assert client.get("/konto/").status_code == 302


def test_next_to_another_site_is_ignored(client):
    person("anna")
    response = _login(client, "anna", PASSWORD, next="https://example.com/")
    assert response.url == "/"


def test_secretary_must_enrol_when_required(client, settings, lake):
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = True
    person("sara", lake.association, "secretary")
    response = _login(client, "sara", PASSWORD)
    assert response.url.startswith("/konto/tvastegs/registrera/")
    staff_page = client.get(f"/f/{lake.association.slug}/")
    assert staff_page.status_code == 302 and staff_page.url.startswith("/konto/tvastegs/registrera/")


def test_board_member_needs_no_second_factor(client, settings, lake):
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = True
    person("bo", lake.association, "board_member")
    assert _login(client, "bo", PASSWORD).url == "/"
    assert client.get(f"/f/{lake.association.slug}/").status_code == 200


def test_logout_works_while_the_second_factor_is_owed(client):
    totp_device(person("anna"))
    _login(client, "anna", PASSWORD)
    client.post("/logga-ut/")
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(username="anna").exists()
