"""Turning two-factor authentication off (issue 9 leftovers): allowed with the password for those whose roles do not
require it, refused for administrators and secretaries while it is required; and the menu's "Användare" entry."""
import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts_helpers import PASSWORD, current_code, person, totp_device

from samordna.accounts import services
from samordna.accounts.models import RecoveryCode, RecoveryCodeDevice

pytestmark = pytest.mark.django_db
DISABLE = "/konto/tvastegs/stang-av/"


def _login_with_both_steps(client, username, device):
    client.post("/logga-in/", {"username": username, "password": PASSWORD})
    response = client.post("/konto/tvastegs/", {"token": current_code(device), "next": "/konto/"})
    assert response.status_code == 302 and response.url == "/konto/"


@pytest.fixture
def board_member(client, settings, lake):
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = True
    user = person("ledamot", lake.association, "board_member")
    device = totp_device(user)
    services.new_recovery_codes(user)
    _login_with_both_steps(client, "ledamot", device)
    return user


def test_a_board_member_turns_two_factor_off_with_the_password(client, board_member):
    account = client.get("/konto/").content.decode()
    assert f'href="{DISABLE}"' in account
    response = client.post(DISABLE, {"password": PASSWORD})
    assert response.status_code == 302 and response.url == "/konto/"
    assert not TOTPDevice.objects.filter(user=board_member).exists()
    assert not RecoveryCodeDevice.objects.filter(user=board_member).exists() and not RecoveryCode.objects.exists()
    assert "Tvåstegsverifieringen är avstängd" in client.get("/konto/").content.decode()
    # The next login asks for no code.
    client.post("/logga-ut/")
    login = client.post("/logga-in/", {"username": "ledamot", "password": PASSWORD, "next": "/konto/"})
    assert login.status_code == 302 and login.url == "/konto/"


def test_a_wrong_or_missing_password_changes_nothing(client, board_member):
    wrong = client.post(DISABLE, {"password": "fel-lösen"})
    assert wrong.status_code == 200 and "Lösenordet stämmer inte." in wrong.content.decode()
    empty = client.post(DISABLE, {})
    assert empty.status_code == 200 and "Skriv ditt lösenord." in empty.content.decode()
    assert TOTPDevice.objects.filter(user=board_member, confirmed=True).count() == 1
    assert RecoveryCodeDevice.objects.get(user=board_member).remaining() == services.RECOVERY_CODE_COUNT


def test_the_password_alone_does_not_reach_the_page(client, settings, lake):
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = True
    device = totp_device(person("ledamot", lake.association, "board_member"))
    client.post("/logga-in/", {"username": "ledamot", "password": PASSWORD})
    response = client.post(DISABLE, {"password": PASSWORD})
    assert response.status_code == 302 and response.url.startswith("/konto/tvastegs/?next=")
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


@pytest.mark.parametrize("role", ["admin", "secretary"])
def test_required_users_cannot_turn_it_off(client, settings, lake, role):
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = True
    user = person("redaktor", lake.association, role)
    device = totp_device(user)
    _login_with_both_steps(client, "redaktor", device)
    account = client.get("/konto/").content.decode()
    assert f'href="{DISABLE}"' not in account and "kan inte stängas av" in account
    response = client.post(DISABLE, {"password": PASSWORD})
    assert response.status_code == 403 and "Din roll kräver tvåstegsverifiering" in response.content.decode()
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()


def test_the_service_refuses_a_required_user(settings, lake):
    settings.SAMORDNA_TWO_FACTOR_REQUIRED = True
    user = person("redaktor", lake.association, "secretary")
    totp_device(user)
    with pytest.raises(Exception, match="kräver tvåstegsverifiering"):
        services.disable_second_factor(user)
    assert TOTPDevice.objects.filter(user=user).exists()


def test_without_a_device_the_page_says_so(client, lake):
    client.force_login(person("ledamot", lake.association, "board_member"))
    page = client.get(DISABLE).content.decode()
    assert "inte påslagen" in page and 'name="password"' not in page


# The menu --------------------------------------------------------------------------------------------------------

def _menu(client, slug):
    html = client.get(f"/f/{slug}/").content.decode()
    return html.split('aria-label="Förbundets sidor"', 1)[1].split("</nav>", 1)[0]


def test_the_menu_shows_users_to_the_associations_administrators_only(client, lake):
    slug = lake.association.slug
    client.force_login(person("chefen", lake.association, "admin"))
    assert f'href="/f/{slug}/anvandare/"' in _menu(client, slug)
    users_page = client.get(f"/f/{slug}/anvandare/").content.decode()
    assert f'<a href="/f/{slug}/anvandare/" aria-current="page">Användare</a>' in users_page
    for role in ("secretary", "board_member", "auditor"):
        client.force_login(person(f"inte-admin-{role}", lake.association, role))
        assert "/anvandare/" not in _menu(client, slug), role
