"""The pages render for staff, keep what was typed on errors, and hide other associations."""
from datetime import date, time

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samordna.accounts.models import AssociationRole
from samordna.associations import services as association_services
from samordna.board import services
from samordna.board.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(lake):
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    services.save_paragraph(meeting, title="Budget", kind="decision", text="Förslaget presenteras.", start=time(14, 30),
                            tabled=False, decisions_text="fastställa budgeten")
    services.save_paragraph(meeting, title="Intern kontrollplan", kind="decision", text="", start=time(15, 10), tabled=True,
                            decisions_text="Ärendet bordläggs")
    return meeting


def test_every_staff_page_renders(staff, lake, held):
    slug = lake.association.slug
    person = lake.people["Ledamot Mölndals"]
    paragraph = held.paragraphs.first()
    urls = [
        reverse("association", args=[slug]), reverse("members", args=[slug]),
        reverse("member", args=[slug, lake.members["Mölndals stad"].pk]), reverse("charter", args=[slug]),
        reverse("people", args=[slug]), reverse("person", args=[slug, person.pk]), reverse("bodies", args=[slug]),
        reverse("body", args=[slug, "styrelsen"]), reverse("meeting_plan", args=[slug, "styrelsen"]) + "?ar=2021",
        reverse("standard_items", args=[slug]), reverse("meeting_detail", args=[slug, held.pk]),
        reverse("agenda", args=[slug, held.pk]), reverse("attendance", args=[slug, held.pk]),
        reverse("attendance_person", args=[slug, held.pk, person.pk]), reverse("protocol", args=[slug, held.pk]),
        reverse("paragraph_edit", args=[slug, held.pk, paragraph.pk]), reverse("protocol_read", args=[slug, held.pk]),
    ]
    for url in urls:
        response = staff.get(url)
        assert response.status_code == 200, url


def test_public_pages_need_no_login(client, lake, held):
    assert client.get("/").status_code == 200
    assert "Samordningsförbundet Sjölandet" in client.get("/").content.decode()
    assert client.get(reverse("public_page", args=[lake.association.slug])).status_code == 200
    assert client.get(reverse("association", args=[lake.association.slug])).status_code == 302


def test_other_associations_are_invisible(client, lake, held):
    other = association_services.create_association(slug="annat", name="Annat förbund")
    user = User.objects.create_user("annan", password="x")
    AssociationRole.objects.create(user=user, association=other, role="admin")
    client.force_login(user)
    assert client.get(reverse("protocol_read", args=[lake.association.slug, held.pk])).status_code == 404
    assert client.get(reverse("protocol_read", args=["annat", held.pk])).status_code == 404


def test_board_member_reads_but_cannot_write(client, lake, held):
    user = User.objects.create_user("ledamot", password="x")
    AssociationRole.objects.create(user=user, association=lake.association, role="board_member")
    client.force_login(user)
    url = reverse("protocol", args=[lake.association.slug, held.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"title": "Försök"}).status_code == 403


def test_protocol_read_is_laid_out_like_the_document(staff, lake, held):
    html = staff.get(reverse("protocol_read", args=[lake.association.slug, held.pk])).content.decode()
    for text in ("Ledamöter", "Tjänstgörande ersättare", "Ersättare Partille", "Anmält förhinder", "kl. 13:30–14:00",
                 "§ 1121 Budget", "Ersättare Partille, Partille kommun, ersätter Ledamot Partille", "att fastställa budgeten", "Ärendet bordläggs", "§§ 1121–1122", "kl. 13:30–14:00"):
        assert text in html, text


def test_non_quorate_decision_is_refused_and_input_kept(staff, lake, held):
    url = reverse("protocol", args=[lake.association.slug, held.pk])
    response = staff.post(url, {"title": "Handlingsplan jämställdhet", "kind": "decision", "start": "15:20",
                                "text": "Planen föredras.", "decisions_text": "anta handlingsplanen"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "4 av 8 platser tjänstgör; minst 5 krävs" in html
    assert "Handlingsplan jämställdhet" in html and "anta handlingsplanen" in html
    assert held.paragraphs.count() == 2


def test_meeting_form_keeps_input_on_error(staff, lake):
    url = reverse("meeting_plan", args=[lake.association.slug, "styrelsen"])
    response = staff.post(url, {"date": "2022-02-04", "start": "16:00", "end": "13:00", "place": "Rådhuset"})
    html = response.content.decode()
    assert "Sluttiden måste vara efter starttiden." in html and "Rådhuset" in html
    assert not Meeting.objects.filter(date=date(2022, 2, 4)).exists()


def test_attendance_interval_errors_are_shown(staff, lake, held):
    person = lake.people["Ledamot Härryda"]
    url = reverse("attendance_person", args=[lake.association.slug, held.pk, person.pk])
    data = {"status": "present", "presence-TOTAL_FORMS": "2", "presence-INITIAL_FORMS": "0",
            "presence-0-start": "13:30", "presence-0-end": "14:30", "presence-1-start": "14:00", "presence-1-end": "15:00"}
    html = staff.post(url, data).content.decode()
    assert "överlapp" in html
    assert not held.attendances.filter(person=person).exists()


def test_ical_download_and_feed(staff, client, lake, held):
    body = lake.board
    download = staff.get(reverse("meeting_calendar", args=[lake.association.slug, body.slug]))
    assert download["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in download.content
    feed = client.get(reverse("meeting_feed", args=[lake.association.slug, body.slug, body.calendar_token]))
    assert feed.status_code == 200 and b"DTSTART;TZID=Europe/Stockholm:20211125T133000" in feed.content
    assert client.get(reverse("meeting_feed", args=[lake.association.slug, body.slug, "fel"])).status_code == 404


def test_a_protocol_page_reads_the_same_number_of_queries_however_long_it_is(staff, lake, held):
    """The protocol is read per kind of thing (paragraphs, decisions, motions, reservations …), never per paragraph:
    a long protocol must not make the page many times slower."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samordna.board import votes

    slug = lake.association.slug
    pages = [reverse("protocol_read", args=[slug, held.pk]), reverse("protocol", args=[slug, held.pk])]

    def counts():
        result = []
        for url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert staff.get(url).status_code == 200
            result.append(len(queries))
        return result

    short = counts()
    member = lake.people["Ledamot Mölndals"]
    for n in range(6):
        paragraph = services.save_paragraph(held, title=f"Ärende {n}", kind="decision", text="Föredras.",
                                            start=time(14, 31 + n), tabled=False, decisions_text="bifalla förslaget")
        votes.add_motion(paragraph, mover=member, text="bifall till förslaget")
        votes.add_reservation(paragraph, person=member)
    longer = counts()
    assert longer == short
    page = staff.get(pages[0]).content.decode()
    assert page.count("Mot beslutet reserverar sig") == 6 and page.count("bifall till förslaget") >= 6
