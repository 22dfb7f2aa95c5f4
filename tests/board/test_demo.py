"""The demo data: loaded once for the module, its facts checked through the selectors."""
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from samordna.accounts.models import AssociationRole
from samordna.associations.models import Association, Member
from samordna.board import calendar, selectors
from samordna.board.demo import SLUGS, load_demo
from samordna.board.management.commands import demo as demo_command
from samordna.board.models import AgendaItem, Attendance, Meeting, Paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """Build the demo once; everything is rolled back after the module so other tests never see it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            created = load_demo()
            yield created
            transaction.set_rollback(True)


def board_meeting(slug, day):
    return Meeting.objects.get(body__association__slug=slug, body__slug="styrelsen", date=day)


def verdicts(meeting):
    """Paragraph label ("1128", "6 a.") → its quorum verdict."""
    return {q.paragraph.label: q for q in selectors.quorum_by_paragraph(meeting)}


def numbers(meeting):
    return sorted({p.number for p in meeting.paragraphs.all()})


def test_all_four_associations_are_created_with_their_members(demo):
    assert [a.slug for a in demo] == list(SLUGS) == ["insjoriket", "goteborg", "skaraborg", "sjuharad"]
    counts = {a.slug: a.members.count() for a in Association.objects.filter(slug__in=SLUGS)}
    assert counts == {"insjoriket": 8, "goteborg": 4, "skaraborg": 17, "sjuharad": 11}
    assert not Member.objects.filter(association__slug="skaraborg", name__startswith="Grästorp").exists()
    charters = {a.slug: (a.charter.numbering, a.charter.substitute_order) for a in Association.objects.filter(slug__in=SLUGS)}
    assert charters == {"insjoriket": ("continuous", "listed"), "goteborg": ("per_year", "listed"),
                        "skaraborg": ("per_meeting", "listed"), "sjuharad": ("per_year", "population")}


def test_insjoriket_numbers_run_on_across_meetings():
    held = list(Meeting.objects.filter(body__association__slug="insjoriket", body__slug="styrelsen", date__year=2021))
    all_numbers = [n for m in held for n in numbers(m)]
    assert all_numbers == list(range(all_numbers[0], 1137))
    november = board_meeting("insjoriket", date(2021, 11, 25))
    assert numbers(november) == list(range(1121, 1137))
    paragraph_1117 = Paragraph.objects.get(meeting__body__association__slug="insjoriket", number=1117)
    assert paragraph_1117.title.startswith("Avsiktsförklaring")
    assert selectors.next_paragraph_number(board_meeting("insjoriket", date(2022, 2, 4))) == 1137


def test_insjoriket_2021_11_25_loses_its_quorum_after_15():
    meeting = board_meeting("insjoriket", date(2021, 11, 25))
    q = verdicts(meeting)
    assert q["1121"].verdict.serving_count == 7 and q["1121"].verdict.quorate
    assert q["1127"].verdict.serving_count == 5 and q["1127"].verdict.quorate
    assert q["1128"].verdict.serving_count == 4 and not q["1128"].verdict.quorate
    assert q["1128"].reason == "4 av 8 platser tjänstgör; minst 5 krävs"
    tabled = {p.number for p in meeting.paragraphs.filter(tabled=True)}
    decided_late = {int(label) for label, v in q.items() if not v.verdict.quorate and v.paragraph.kind == "decision"}
    assert tabled == decided_late == {1128, 1131, 1132}
    serving = " ".join(name for v in q.values() for name in v.serving_names)
    assert "Håkan Nyberg" not in serving and "Lena Åberg" not in serving  # present, but their member is too
    assert "Jonas Hedlund (ersätter Ingrid Falk)" in q["1127"].serving_names
    assert "Helena Wikström" in q["1121"].serving_names and "Helena Wikström" not in q["1124"].serving_names
    absent = set(meeting.attendances.filter(status=Attendance.Status.ABSENT).values_list("person__name", flat=True))
    assert absent == {"Johan Ekdahl", "Christer Blom"}
    assert meeting.adjusters.count() == 2 and meeting.chair.name == "Birgitta Lindqvist"


def test_insjoriket_tabled_items_come_back_on_the_next_agenda():
    february = board_meeting("insjoriket", date(2022, 2, 4))
    taken_up = set(february.agenda_items.filter(tabled_from__isnull=False).values_list("tabled_from__number", flat=True))
    assert taken_up == {1128, 1132}
    assert [p.number for p in selectors.tabled_suggestions(february)] == [1131]


def test_goteborg_numbers_per_year_and_a_serving_substitute():
    spans = [numbers(board_meeting("goteborg", day)) for day in (date(2023, 1, 27), date(2023, 2, 24), date(2023, 3, 24))]
    assert spans == [list(range(1, 17)), list(range(17, 34)), list(range(34, 54))]
    march = board_meeting("goteborg", date(2023, 3, 24))
    q = verdicts(march)
    assert all(v.verdict.quorate and v.verdict.serving_count == 8 for v in q.values())
    assert "Therese Alm (ersätter Oskar Lundell)" in q["45"].serving_names
    assert march.attendances.get(person__name="Fatima Ali").remote
    assert march.paragraphs.get(number=45).adjusted_immediately
    committee = Meeting.objects.get(body__association__slug="goteborg", body__slug="arbetsutskottet", date=date(2023, 4, 14))
    assert all(v.verdict.quorate for v in verdicts(committee).values())
    assert committee.paragraphs.filter(decisions__isnull=False).exists()


def test_skaraborg_co_opted_municipalities_never_count():
    meeting = board_meeting("skaraborg", date(2023, 11, 21))
    assert meeting.label == "Protokoll 6" and numbers(meeting) == list(range(1, 11))
    assert set(meeting.paragraphs.exclude(sub="").values_list("number", flat=True)) == {5, 6, 7}
    assert meeting.paragraphs.filter(number=6).exclude(sub="").count() == 11
    q = verdicts(meeting)
    assert all(v.verdict.seats == 4 and v.verdict.serving_count == 4 and v.verdict.quorate for v in q.values())
    co_opted = meeting.attendances.filter(role="co_opted", status=Attendance.Status.PRESENT)
    assert co_opted.count() == 13
    assert not any(a.person.name in " ".join(q["6 a."].serving_names) for a in co_opted)
    assert meeting.attendances.filter(status=Attendance.Status.ABSENT).count() == 12


def test_sjuharad_municipal_seat_follows_population_order():
    september = board_meeting("sjuharad", date(2023, 9, 13))
    orders = dict(september.body.mandates.values_list("person__name", "substitute_order"))
    # The board's own listing puts Tranemo's substitute first; the charter's population order wins.
    assert orders["Birgitta Ahlin"] < orders["Elin Grahn"]
    q = verdicts(september)
    assert "Elin Grahn (ersätter Roger Svedberg)" in q["38"].serving_names
    assert not any("Birgitta Ahlin" in name for name in q["38"].serving_names)
    groups = {g.name: (g.seats, g.members.count()) for g in september.body.seat_groups.all()}
    assert groups["Kommunerna"] == (1, 8) and sum(seats for seats, _ in groups.values()) == 4
    assert numbers(board_meeting("sjuharad", date(2023, 11, 29))) == list(range(50, 63))


def test_every_association_has_officers_a_plan_and_meetings_ahead():
    for slug in SLUGS:
        held = Meeting.objects.filter(body__association__slug=slug, paragraphs__isnull=False).distinct()
        assert held.exists()
        for meeting in held:
            assert meeting.chair and meeting.secretary, meeting
        assert Meeting.objects.filter(body__association__slug=slug, date__gt=date.today()).count() >= 3
        assert AgendaItem.objects.filter(meeting__body__association__slug=slug, meeting__date__gt=date.today()).exists()
        board = Association.objects.get(slug=slug).bodies.get(slug="styrelsen")
        assert calendar.meeting_plan_ics(board).count(b"BEGIN:VEVENT") == board.meetings.count() >= 6
        assert board.presidium_terms.exists()


def test_loading_again_changes_nothing_and_the_command_creates_the_login(client, monkeypatch):
    before = (Meeting.objects.count(), Paragraph.objects.count(), Attendance.objects.count())
    assert load_demo() == []
    # Django's own commands are not under test here: record them instead of running migrate (slow) or a server.
    called = []
    monkeypatch.setattr(demo_command, "call_command", lambda name, *args, **kwargs: called.append(name))
    call_command("demo", no_serve=True, verbosity=0)
    assert called == ["migrate"]
    assert (Meeting.objects.count(), Paragraph.objects.count(), Attendance.objects.count()) == before
    user = User.objects.get(username="demo")
    assert user.check_password("samordna-demo")
    roles = AssociationRole.objects.filter(user=user, role="admin")
    assert set(roles.values_list("association__slug", flat=True)) == set(SLUGS)

    client.force_login(user)
    november = board_meeting("insjoriket", date(2021, 11, 25))
    for name in ("association", "protocol_read", "attendance", "protocol", "agenda"):
        args = ["insjoriket"] if name == "association" else ["insjoriket", november.pk]
        assert client.get(reverse(name, args=args)).status_code == 200, name
    page = client.get(reverse("protocol", args=["insjoriket", november.pk])).content.decode()
    assert "4 av 8 platser tjänstgör; minst 5 krävs" in page
