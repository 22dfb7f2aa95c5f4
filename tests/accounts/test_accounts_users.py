"""Slice 2: the user list for administrators, roles, invitations and password reset."""
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts_helpers import PASSWORD, person
from samordna.accounts import services
from samordna.accounts.models import AssociationRole, Invitation, token_digest
from samordna.associations import services as association_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, lake):
    client.force_login(person("chef", lake.association, "admin", first_name="Cecilia", last_name="Chef"))
    return client


def _url(lake, rest=""):
    return f"/f/{lake.association.slug}/anvandare/{rest}"


def _invite(admin_client, lake, email="ny@kommun.se", role="board_member"):
    return admin_client.post(_url(lake, "bjud-in/"), {"email": email, "role": role})


def _link_from_mail():
    return re.search(r"https?://[^/\s]+(/konto/inbjudan/[^\s]+/)", mail.outbox[-1].body).group(1)


def test_admin_sees_users_with_roles(admin_client, lake):
    person("sekr", lake.association, "secretary", first_name="Siv", last_name="Sekr")
    page = admin_client.get(_url(lake)).content.decode()
    assert "Siv Sekr" in page and "Sekreterare" in page and "Förbundschef/administratör" in page


def test_secretary_and_board_member_may_not_manage_users(client, lake):
    for username, role in [("sekr", "secretary"), ("led", "board_member")]:
        client.force_login(person(username, lake.association, role))
        assert client.get(_url(lake)).status_code == 403
        assert client.post(_url(lake, "bjud-in/"), {"email": "x@y.se", "role": "admin"}).status_code == 403
    assert not Invitation.objects.exists()


def _other():
    return association_services.create_association(slug="grannen", name="Grannförbundet", numbering="continuous")


def test_admin_of_another_association_gets_404(client, lake):
    client.force_login(person("annan", _other(), "admin"))
    assert client.get(_url(lake)).status_code == 404


def test_change_and_remove_a_role(admin_client, lake):
    user = person("sekr", lake.association, "secretary")
    role = AssociationRole.objects.get(user=user)
    assert admin_client.post(_url(lake, f"roll/{role.pk}/"), {"action": "change", "role": "auditor"}).status_code == 302
    role.refresh_from_db()
    assert role.role == "auditor"
    admin_client.post(_url(lake, f"roll/{role.pk}/"), {"action": "remove"})
    assert not AssociationRole.objects.filter(pk=role.pk).exists()


def test_the_last_admin_cannot_be_removed_or_demoted(admin_client, lake):
    role = AssociationRole.objects.get(user__username="chef")
    response = admin_client.post(_url(lake, f"roll/{role.pk}/"), {"action": "change", "role": "reporter"}, follow=True)
    assert "minst en administratör" in response.content.decode()
    admin_client.post(_url(lake, f"roll/{role.pk}/"), {"action": "remove"})
    role.refresh_from_db()
    assert role.role == "admin"


def test_a_role_of_another_association_is_404(admin_client, lake):
    foreign = AssociationRole.objects.create(user=person("x"), association=_other(), role="secretary")
    assert admin_client.post(_url(lake, f"roll/{foreign.pk}/"), {"action": "remove"}).status_code == 404
    assert AssociationRole.objects.filter(pk=foreign.pk).exists()


def test_invitation_mails_a_one_time_link_and_stores_only_a_digest(admin_client, lake):
    response = _invite(admin_client, lake)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    link = _link_from_mail()
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert invitation.token_digest == token_digest(token) and token not in invitation.token_digest
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    assert "ny@kommun.se" in mail.outbox[-1].to


@pytest.mark.parametrize("data,message", [
    ({"email": "inte-en-adress", "role": "admin"}, "giltig e-postadress"),
    ({"email": "a@b.se", "role": "kung"}, "Välj en roll i listan"),
    ({"email": "", "role": "admin"}, "Skriv en e-postadress"),
])
def test_bad_invitation_input_saves_nothing(admin_client, lake, data, message):
    response = admin_client.post(_url(lake, "bjud-in/"), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox
    if data["email"]:
        assert f'value="{data["email"]}"' in response.content.decode()


def test_duplicate_invitation_is_refused(admin_client, lake):
    _invite(admin_client, lake)
    response = _invite(admin_client, lake)
    assert response.status_code == 400 and "redan en giltig inbjudan" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_accepting_creates_the_account_with_password_and_role(admin_client, lake, client):
    _invite(admin_client, lake)
    admin_client.logout()
    link = _link_from_mail()
    assert "Skapa konto" in client.get(link).content.decode()
    response = client.post(link, {"first_name": "Nils", "last_name": "Ny", "username": "nils",
                                  "password1": "ett-bra-lösen-77", "password2": "ett-bra-lösen-77"})
    assert response.status_code == 302
    user = User.objects.get(username="nils")
    assert user.email == "ny@kommun.se" and user.check_password("ett-bra-lösen-77")
    assert AssociationRole.objects.filter(user=user, association=lake.association, role="board_member").exists()
    assert client.get(f"/f/{lake.association.slug}/").status_code == 200
    client.logout()
    assert client.get(link).status_code == 404  # one time only


def test_bad_account_input_keeps_the_form_and_saves_nothing(admin_client, lake, client):
    person("upptagen")
    _invite(admin_client, lake)
    admin_client.logout()
    link = _link_from_mail()
    response = client.post(link, {"username": "upptagen", "password1": "kort", "password2": "annat"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Lösenorden är inte likadana" in page
    response = client.post(link, {"username": "upptagen", "password1": "ett-bra-lösen-77",
                                   "password2": "ett-bra-lösen-77"})
    assert "Användarnamnet är upptaget" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None
    assert not User.objects.filter(email="ny@kommun.se").exists()


def test_expired_and_revoked_links_are_refused(admin_client, lake, client):
    _invite(admin_client, lake)
    link = _link_from_mail()
    invitation = Invitation.objects.get()
    admin_client.post(_url(lake, f"inbjudan/{invitation.pk}/aterkalla/"))
    admin_client.logout()
    assert client.get(link).status_code == 404
    invitation.revoked_at = None
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    response = client.get(link)
    assert response.status_code == 404 and "gäller inte längre" in response.content.decode()
    assert client.get("/konto/inbjudan/pahittad-token/").status_code == 404


def test_existing_user_in_another_association_gets_the_role_added(lake, client):
    other = _other()
    existing = person("vera", other, "secretary", email="vera@kommun.se")
    invitation, token = services.invite(lake.association, "Vera@Kommun.se", "auditor", None)
    client.force_login(existing)
    assert "Ta emot inbjudan" in client.get(f"/konto/inbjudan/{token}/").content.decode()
    client.post(f"/konto/inbjudan/{token}/")
    assert set(existing.association_roles.values_list("association__slug", "role")) == {
        ("grannen", "secretary"), (lake.association.slug, "auditor")}
    invitation.refresh_from_db()
    assert invitation.accepted_by == existing


def test_invitation_for_someone_else_is_refused(lake, client):
    _, token = services.invite(lake.association, "annan@kommun.se", "auditor", None)
    client.force_login(person("vera"))
    client.post(f"/konto/inbjudan/{token}/")
    assert not AssociationRole.objects.filter(user__username="vera").exists()
    with pytest.raises(ValidationError):
        services.accept_as_existing_user(services.find_invitation(token), User.objects.get(username="vera"))


def test_password_reset_mails_a_link_that_sets_a_new_password(client):
    person("anna", email="anna@kommun.se")
    response = client.post("/konto/aterstall/", {"email": "anna@kommun.se"})
    assert response.status_code == 302 and response.url == "/konto/aterstall/skickad/"
    body = mail.outbox[-1].body
    assert "Välj ett nytt lösenord" in body
    link = re.search(r"https?://[^/\s]+(/konto/aterstall/[^\s]+/)", body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session marker
    response = client.post(form_url, {"new_password1": "nytt-lösen-2024", "new_password2": "nytt-lösen-2024"})
    assert response.status_code == 302
    assert User.objects.get(username="anna").check_password("nytt-lösen-2024")


def test_password_reset_pages_are_in_swedish(client):
    assert "Återställ lösenord" in client.get("/konto/aterstall/").content.decode()
    assert "Länken gäller inte" in client.get("/konto/aterstall/MQ/fel-token/").content.decode()


def test_account_page_lists_roles_and_links_user_admin(admin_client, lake):
    page = admin_client.get("/konto/").content.decode()
    assert lake.association.name in page and "Förbundschef/administratör" in page
    assert _url(lake) in page and "Slå på tvåstegsverifiering" in page
    assert PASSWORD not in page


def test_demo_gives_every_demo_association_its_people_and_one_shared_auditor():
    from samordna.board.demo import load_demo
    from samordna.accounts import demo

    for association in load_demo():
        demo.load(association, timezone.localdate())
    auditor = User.objects.get(username="demo-revisor")
    assert auditor.association_roles.count() >= 4
    assert AssociationRole.objects.filter(user__username="insjoriket-chef", role="admin").exists()
    assert Invitation.objects.filter(association__slug="insjoriket", accepted_at__isnull=True).count() == 1
    assert not User.objects.get(username="insjoriket-chef").has_usable_password()
