"""Slice 3: enrolling TOTP, recovery codes (hashed, each usable once), the requirement for editors, freshness."""
import re
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts_helpers import PASSWORD, current_code, person, totp_device

from samordna.accounts import auth, services
from samordna.accounts.models import RecoveryCode, RecoveryCodeDevice

pytestmark = pytest.mark.django_db


def _password_login(client, username):
    return client.post("/logga-in/", {"username": username, "password": PASSWORD})


def test_enrol_page_shows_qr_as_inline_svg_and_the_secret(client):
    client.force_login(person("anna"))
    page = client.get("/konto/tvastegs/registrera/").content.decode()
    assert "<svg" in page and "QR-kod för autentiseringsappen" in page
    device = TOTPDevice.objects.get(user__username="anna", confirmed=False)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page).group(1)
    assert len(secret.replace(" ", "")) == 32
    # Reloading shows the same key, so a half-finished scan is not wasted.
    client.get("/konto/tvastegs/registrera/")
    assert TOTPDevice.objects.filter(user__username="anna").count() == 1
    assert device.confirmed is False


def test_enrolment_with_the_right_code_confirms_and_shows_recovery_codes_once(client):
    client.force_login(person("anna"))
    client.get("/konto/tvastegs/registrera/")
    device = TOTPDevice.objects.get(user__username="anna")
    response = client.post("/konto/tvastegs/registrera/", {"device": device.pk, "token": current_code(device),
                                                          "next": "/konto/"})
    page = response.content.decode()
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", page)
    assert response.status_code == 200 and len(codes) == services.RECOVERY_CODE_COUNT
    device.refresh_from_db()
    assert device.confirmed
    stored = set(RecoveryCode.objects.values_list("digest", flat=True))
    assert not any(code in stored or code.replace("-", "") in stored for code in codes)
    assert client.get("/konto/").status_code == 200  # the session counts as verified


def test_enrolment_with_a_wrong_code_saves_nothing(client):
    client.force_login(person("anna"))
    client.get("/konto/tvastegs/registrera/")
    device = TOTPDevice.objects.get(user__username="anna")
    wrong = "000000" if current_code(device) != "000000" else "111111"
    response = client.post("/konto/tvastegs/registrera/", {"device": device.pk, "token": wrong})
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and not RecoveryCodeDevice.objects.exists()


def test_enrolment_of_someone_elses_device_is_refused(client):
    other = person("olle")
    foreign = services.start_enrolment(other)
    client.force_login(person("anna"))
    response = client.post("/konto/tvastegs/registrera/", {"device": foreign.pk, "token": current_code(foreign)})
    assert "Registreringen har gått ut" in response.content.decode()
    foreign.refresh_from_db()
    assert not foreign.confirmed


def test_each_recovery_code_works_once(client):
    user = person("anna")
    totp_device(user)
    codes = services.new_recovery_codes(user)
    _password_login(client, "anna")
    response = client.post("/konto/tvastegs/", {"token": codes[0].upper(), "next": "/konto/"})
    assert response.status_code == 302 and response.url == "/konto/"
    assert RecoveryCodeDevice.objects.get(user=user).remaining() == len(codes) - 1
    client.post("/logga-ut/")
    _password_login(client, "anna")
    again = client.post("/konto/tvastegs/", {"token": codes[0]})
    assert again.status_code == 200 and "Koden stämmer inte" in again.content.decode()


def test_new_recovery_codes_replace_the_old(client):
    user = person("anna")
    device = totp_device(user)
    old = services.new_recovery_codes(user)
    _password_login(client, "anna")
    client.post("/konto/tvastegs/", {"token": current_code(device)})
    page = client.post("/konto/tvastegs/reservkoder/").content.decode()
    new = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", page)
    assert len(new) == services.RECOVERY_CODE_COUNT and not set(new) & set(old)
    device_ = RecoveryCodeDevice.objects.get(user=user)
    assert device_.verify_token(new[0]) and not device_.verify_token(old[1])


def test_editor_with_2fa_required_is_verified_after_enrolment(client, settings, lake):
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = True
    person("sara", lake.association, "admin")
    _password_login(client, "sara")
    staff_url = f"/f/{lake.association.slug}/anvandare/"
    assert client.get(staff_url).url.startswith("/konto/tvastegs/registrera/")
    client.get("/konto/tvastegs/registrera/")
    device = TOTPDevice.objects.get(user__username="sara")
    client.post("/konto/tvastegs/registrera/", {"device": device.pk, "token": current_code(device)})
    assert client.get(staff_url).status_code == 200


def _request_with(session_values, user):
    request = RequestFactory().get("/")
    request.session = dict(session_values)
    request.user = user
    user.is_verified = lambda: bool(session_values.get("otp_device_id"))
    return request


def test_recently_verified_without_a_device_needs_only_a_fresh_password():
    user = person("anna")
    now = timezone.now()
    fresh = _request_with({"authenticated_at": (now - timedelta(minutes=2)).isoformat()}, user)
    stale = _request_with({"authenticated_at": (now - timedelta(minutes=30)).isoformat()}, user)
    assert auth.recently_verified(fresh, now) and not auth.recently_verified(stale, now)
    assert not auth.recently_verified(_request_with({}, user), now)


def test_recently_verified_with_a_device_needs_the_second_factor_too():
    user = person("anna")
    device = totp_device(user)
    now = timezone.now()
    password_only = {"authenticated_at": (now - timedelta(minutes=1)).isoformat()}
    assert not auth.recently_verified(_request_with(password_only, user), now)
    both = {**password_only, "otp_device_id": device.persistent_id, "second_factor_at": now.isoformat()}
    assert auth.recently_verified(_request_with(both, user), now)
    assert auth.authenticated_at(_request_with(both, user)) == now - timedelta(minutes=1)


def test_logging_in_again_forgets_the_earlier_second_factor(client):
    device = totp_device(person("anna"))
    _password_login(client, "anna")
    client.post("/konto/tvastegs/", {"token": current_code(device)})
    assert client.get("/konto/").status_code == 200
    _password_login(client, "anna")  # re-authentication, e.g. before approving a protocol
    assert "second_factor_at" not in client.session
    assert client.get("/konto/").status_code == 302


def test_a_password_alone_cannot_replace_the_existing_app(client):
    device = totp_device(person("anna"))
    _password_login(client, "anna")
    response = client.get("/konto/tvastegs/registrera/")
    assert response.status_code == 302 and response.url.startswith("/konto/tvastegs/?next=")
    assert list(TOTPDevice.objects.filter(user__username="anna")) == [device]


def test_invitation_waits_for_the_owed_second_factor(client, lake):
    user = person("vera")
    totp_device(user)
    _, token = services.invite(lake.association, user.email, "auditor", None)
    _password_login(client, "vera")
    response = client.post(f"/konto/inbjudan/{token}/")
    assert response.status_code == 302 and response.url.startswith("/konto/tvastegs/")
    assert not user.association_roles.exists()
