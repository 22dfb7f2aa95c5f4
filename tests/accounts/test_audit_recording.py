"""The audit log records every write through the services, in the same transaction, and is append-only (issue 9, 4)."""
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.test import Client

from samordna.accounts import audit
from samordna.accounts.models import AssociationRole, AuditEvent
from samordna.associations import services as association_services
from samordna.associations.models import Member
from samordna.registry import services as registry_services
from samordna.registry.models import Case

pytestmark = pytest.mark.django_db


def _events(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("pk"))


def _case(lake, number="3/24", title="Samverkan kring lokaler"):
    return registry_services.save_case(Case(association=lake.association, number=number, title=title,
                                            received_on=date(2024, 2, 1)))


def test_a_service_write_records_who_what_before_and_after(lake):
    clerk = User.objects.create_user("registrator")
    with audit.acting(clerk):
        case = _case(lake)
        registry_services.set_status(case, Case.Status.CLOSED)
    created, changed = _events(object_type="registry.case", object_id=str(case.pk))
    assert created.action == "create" and changed.action == "update"
    assert created.association_id == lake.association.pk and created.actor == clerk
    assert created.actor_name == "registrator" and created.object_kind == Case._meta.verbose_name
    assert created.after["title"] == "Samverkan kring lokaler" and created.after["number"] == "3/24"
    assert created.before is None
    assert changed.before == {"status": "open"}
    assert changed.after == {"status": "closed"}
    assert "3/24" in changed.object_repr


def test_an_unchanged_save_records_nothing_and_a_change_only_what_changed(lake):
    member = lake.members["Mölndals stad"]
    before = AuditEvent.objects.count()
    association_services.save_member(member)
    assert AuditEvent.objects.count() == before
    member.short_name = "Mölndal"
    association_services.save_member(member)
    event = AuditEvent.objects.latest("pk")
    assert event.action == "update" and event.before == {"short_name": ""} and event.after == {"short_name": "Mölndal"}
    assert event.association_id == lake.association.pk


def test_the_association_is_found_through_parents(lake):
    """A meeting has no association field; its body has."""
    meeting = lake.meeting(date(2024, 3, 14))
    event = _events(object_type="board.meeting", object_id=str(meeting.pk))[0]
    assert event.association_id == lake.association.pk and event.action == "create"
    assert event.after["date"] == "2024-03-14"


def test_a_rolled_back_transaction_leaves_no_event(lake):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            _case(lake, number="9/24")
            assert AuditEvent.objects.count() > before  # written inside the same transaction …
            raise RuntimeError("avbryt")
    assert AuditEvent.objects.count() == before  # … and gone with it
    assert not Case.objects.filter(number="9/24").exists()


def test_a_delete_keeps_the_deleted_values_and_the_association(lake):
    case = _case(lake, number="4/24")
    pk = case.pk
    case.delete()
    event = AuditEvent.objects.latest("pk")
    assert event.action == "delete" and event.object_id == str(pk) and event.association_id == lake.association.pk
    assert event.before["number"] == "4/24" and event.after is None


def test_outside_a_request_the_actor_is_system():
    association = association_services.create_association(slug="forbundet-x", name="Samordningsförbundet X")
    event = _events(object_type="associations.association")[0]
    assert event.actor is None and event.actor_name == "system" and event.association_id == association.pk


def test_a_request_records_the_user_method_and_path(lake):
    user = User.objects.create_user("kanslist")
    AssociationRole.objects.create(user=user, association=lake.association, role="secretary")
    client = Client()
    client.force_login(user)
    url = f"/f/{lake.association.slug}/diarium/nytt/"
    response = client.post(url, {"number": "5/24", "title": "Avtal om städning", "received_on": "2024-02-01",
                                 "status": "open", "handling_officer": "", "description": ""})
    assert response.status_code == 302
    [event] = _events(object_type="registry.case", action="create", actor=user)
    assert event.method == "POST" and event.path == url and event.actor_name == "kanslist"
    assert event.after["title"] == "Avtal om städning"


def test_secrets_and_binary_content_are_never_written(lake):
    user = User.objects.create_user("nyckelpiga", password="ett-langt-losen-42")
    user.set_password("ett-annat-losen-43")
    user.save()
    created, changed = _events(object_type="auth.user", object_id=str(user.pk))
    assert created.after["password"] == "[dold]" and changed.after == {"password": "[dold]"}
    case = _case(lake, number="6/24")
    document = registry_services.add_document(case, filename="brev.txt", data="Ett brev om lokaler.".encode(),
                                              kind="incoming")
    stored = _events(object_type="registry.document", object_id=str(document.pk))[0].after
    assert stored["content"] == {"byte": 20, "sha256": document.sha256}
    everything = " ".join(str(e.before) + str(e.after) for e in AuditEvent.objects.all())
    assert "argon2" not in everything and "pbkdf2" not in everything and user.password not in everything


def test_login_bookkeeping_is_not_an_event(lake):
    user = User.objects.create_user("inloggad", password="ett-langt-losen-42")
    response = Client().post("/logga-in/", {"username": "inloggad", "password": "ett-langt-losen-42"})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).last_login is not None
    assert not AuditEvent.objects.filter(object_type="auth.user", action="update").exists()


def test_an_event_cannot_be_changed_or_deleted_through_the_app(lake):
    _case(lake, number="8/24")
    event = AuditEvent.objects.latest("pk")
    event.object_repr = "något annat"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).update(object_repr="något annat")
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.object_repr != "något annat"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="databastriggern finns bara i PostgreSQL")
def test_postgresql_refuses_raw_update_and_delete(lake):
    _case(lake, number="10/24")
    pk = AuditEvent.objects.latest("pk").pk
    table = AuditEvent._meta.db_table
    for sql in (f"UPDATE {table} SET object_repr = 'ändrad' WHERE id = %s", f"DELETE FROM {table} WHERE id = %s"):
        with pytest.raises(DatabaseError, match="Granskningsloggen kan bara byggas på"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [pk])
    assert AuditEvent.objects.filter(pk=pk).exclude(object_repr="ändrad").exists()


def test_removing_a_user_keeps_their_events_with_the_name(lake):
    """The one change let through (by the trigger too): ON DELETE SET NULL of the actor; the name stays."""
    user = User.objects.create_user("slutat")
    with audit.acting(user):
        case = _case(lake, number="11/24")
    user.delete()
    event = _events(object_type="registry.case", object_id=str(case.pk))[0]
    assert event.actor is None and event.actor_name == "slutat"


def test_quiet_context_records_nothing(lake):
    before = AuditEvent.objects.count()
    with audit.quiet():
        _case(lake, number="12/24")
    assert AuditEvent.objects.count() == before


def test_bulk_helpers_record_each_row(lake):
    first, second = _case(lake, number="13/24"), _case(lake, number="14/24")
    before = AuditEvent.objects.count()
    changed = audit.record_update(Case.objects.filter(pk__in=[first.pk, second.pk]), status=Case.Status.CLOSED)
    assert changed == 2
    events = list(AuditEvent.objects.order_by("-pk")[:2])
    assert AuditEvent.objects.count() == before + 2
    assert {e.object_id for e in events} == {str(first.pk), str(second.pk)}
    assert all(e.after == {"status": "closed"} for e in events)
    members = Member.objects.bulk_create([Member(association=lake.association, name="Ny kommun", kind="municipality")])
    audit.record_created(members)
    assert AuditEvent.objects.latest("pk").after["name"] == "Ny kommun"


def test_identify_names_the_api_tokens_owner(lake):
    owner = User.objects.create_user("nyckelägare")
    with audit.acting():
        audit.identify(owner)
        case = _case(lake, number="15/24")
    assert _events(object_type="registry.case", object_id=str(case.pk))[0].actor == owner
    later = _case(lake, number="16/24")
    assert _events(object_type="registry.case", object_id=str(later.pk))[0].actor_name == "system"


def test_adjusting_a_protocol_is_its_own_kind_of_event(lake):
    meeting = lake.meeting(date(2024, 4, 18))
    meeting.protocol_status = "adjusted"
    meeting.adjusted_on = date(2024, 4, 25)
    meeting.save(update_fields=["protocol_status", "adjusted_on"])
    event = AuditEvent.objects.latest("pk")
    assert event.action == "adjustment" and event.get_action_display() == "Protokoll justerat"
    assert event.before == {"protocol_status": "draft", "adjusted_on": None}
    assert event.after == {"protocol_status": "adjusted", "adjusted_on": "2024-04-25"}


def test_service_bulk_writes_leave_every_row_in_the_log(lake):
    """Standard items, a questionnaire's questions and a chosen posting day are written in bulk or by update():
    each row still gets its event."""
    from django.utils import timezone

    from samordna.board import adjustment
    from samordna.board import services as board_services
    from samordna.board.models import Meeting, StandardItem
    from samordna.survey import services as survey_services
    from samordna.survey.defaults import default_questions

    StandardItem.objects.filter(association=lake.association).delete()
    mark = AuditEvent.objects.latest("pk").pk
    board_services.ensure_standard_items(lake.association)
    items = StandardItem.objects.filter(association=lake.association)
    assert sorted(int(e.object_id) for e in _events(object_type="board.standarditem", action="create", pk__gt=mark)) \
        == sorted(items.values_list("pk", flat=True)) and items.exists()

    questionnaire = survey_services.create_questionnaire(lake.association, "Avslutsenkät")
    questions = _events(object_type="survey.question", action="create", pk__gt=mark)
    assert len(questions) == len(default_questions()) and all(e.association_id == lake.association.pk for e in questions)
    assert {e.after["version"] for e in questions} == {questionnaire.versions.get().pk}

    today = timezone.localdate()
    meeting = lake.meeting(today)
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="adjusted", adjusted_on=today)
    meeting.refresh_from_db()
    adjustment.set_notice_posted(meeting, today)
    posted = _events(object_type="board.meeting", object_id=str(meeting.pk), action="update")[-1]
    assert posted.before == {"notice_posted": None} and posted.after == {"notice_posted": today.isoformat()}
