"""Issue 3 item 5: the secretary chooses the notice's posting day – on or after the justering, at the latest the second
day after it (moved past holidays), never in the past; appeal and take-down dates follow; the public board shows a
future posting only from that day."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from factories import write_paragraph

from samordna.board import adjustment
from samordna.board.models import Meeting
from samordna.notices import selectors
from samordna.protocols.export import seal_hash
from samordna.rules.deadlines import latest_posting, notice_dates, posting_problems


# The rule ----------------------------------------------------------------------------------------


def test_goteborg_posted_on_the_adjustment_day_is_fine():
    assert posting_problems(date(2023, 4, 5), date(2023, 4, 5), today=date(2023, 4, 5)) == ()
    assert notice_dates(date(2023, 4, 5), date(2023, 4, 5)).remove_after == date(2023, 4, 27)


def test_the_second_day_falling_on_good_friday_moves_past_easter():
    # Adjusted Wednesday 2023-04-05: the second day is Långfredag, then Easter Saturday, Sunday and Monday.
    assert latest_posting(date(2023, 4, 5)) == date(2023, 4, 11)
    assert posting_problems(date(2023, 4, 5), date(2023, 4, 11)) == ()
    late = posting_problems(date(2023, 4, 5), date(2023, 4, 12))
    assert late == ("Anslaget ska sättas upp senast 2023-04-11, andra dagen efter justeringen 2023-04-05 (2023-04-07 är "
                    "ingen arbetsdag, så fristen går ut nästa arbetsdag). 2023-04-12 är för sent.",)


def test_before_the_adjustment_or_in_the_past_is_refused():
    assert posting_problems(date(2023, 4, 5), date(2023, 4, 4)) == (
        "Anslaget kan inte sättas upp 2023-04-04, före justeringen 2023-04-05.",)
    assert posting_problems(date(2023, 4, 3), date(2023, 4, 4), today=date(2023, 4, 5)) == (
        "Anslaget kan inte sättas upp i efterhand (2023-04-04). Välj i dag, 2023-04-05, eller en senare dag.",)


@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)), st.integers(-5, 10))
def test_a_choosable_day_always_gives_an_appeal_time_of_at_least_three_weeks(adjusted, offset):
    posted = adjusted + timedelta(days=offset)
    ok = posting_problems(adjusted, posted) == ()
    assert ok == (adjusted <= posted <= latest_posting(adjusted))
    if ok:
        dates = notice_dates(adjusted, posted)
        assert dates.warnings == ()
        assert dates.appeal_last_day >= posted + timedelta(days=21) and dates.remove_after == dates.appeal_last_day + timedelta(days=1)


# The service, the board and the page -----------------------------------------------------------------

@pytest.fixture
def adjusted(lake):
    meeting = lake.meeting(timezone.localdate() - timedelta(days=7))
    write_paragraph(meeting, "Verksamhetsplan", kind="information", text="Förslaget föredras.")
    today = timezone.localdate()
    Meeting.objects.filter(pk=meeting.pk).update(protocol_status="adjusted", adjusted_on=today, notice_posted=today,
                                                 content_hash=seal_hash(meeting))
    meeting.refresh_from_db()
    return meeting


@pytest.mark.django_db
def test_a_later_posting_day_moves_the_dates_and_hides_the_notice_until_then(adjusted, lake, client):
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    dates = adjustment.set_notice_posted(adjusted, tomorrow)
    assert Meeting.objects.get(pk=adjusted.pk).notice_posted == tomorrow
    assert dates == notice_dates(today, tomorrow)
    assert selectors.notices(lake.association) == []
    assert [n.meeting.pk for n in selectors.notices(lake.association, today=tomorrow)] == [adjusted.pk]
    slug = lake.association.slug
    assert client.get(reverse("notice_protocol", args=[slug, adjusted.pk])).status_code == 404
    assert client.get(reverse("notice_protocol_pdf", args=[slug, adjusted.pk])).status_code == 404
    assert client.get(reverse("notice_board_json", args=[slug])).json()["notices"] == []
    assert "Verksamhetsplan" not in client.get(reverse("notice_board", args=[slug])).content.decode()
    # And back to today: on the board at once.
    adjustment.set_notice_posted(adjusted, today)
    assert client.get(reverse("notice_protocol", args=[slug, adjusted.pk])).status_code == 200
    assert client.get(reverse("notice_board_json", args=[slug])).json()["notices"][0]["posted"] == today.isoformat()


@pytest.mark.django_db
def test_bad_days_are_refused_and_change_nothing(adjusted):
    today = timezone.localdate()
    for bad, reason in ((today - timedelta(days=1), "före justeringen"),
                        (latest_posting(today) + timedelta(days=1), "för sent"), (None, "ÅÅÅÅ-MM-DD")):
        with pytest.raises(ValidationError, match=reason):
            adjustment.set_notice_posted(adjusted, bad)
        assert Meeting.objects.get(pk=adjusted.pk).notice_posted == today


@pytest.mark.django_db
def test_a_notice_up_since_an_earlier_day_cannot_be_moved_nor_a_draft_be_posted(adjusted, lake):
    today = timezone.localdate()
    Meeting.objects.filter(pk=adjusted.pk).update(adjusted_on=today - timedelta(days=2), notice_posted=today - timedelta(days=2))
    adjusted.refresh_from_db()
    with pytest.raises(ValidationError, match="kan inte ändras"):
        adjustment.set_notice_posted(adjusted, today)
    draft = lake.meeting(today)
    with pytest.raises(ValidationError, match="inte justerat ännu"):
        adjustment.set_notice_posted(draft, today)
    assert Meeting.objects.get(pk=draft.pk).notice_posted is None


@pytest.mark.django_db
def test_the_page_keeps_a_refused_day_and_says_why(adjusted, staff, lake):
    url = reverse("notice_posting", args=[lake.association.slug, adjusted.pk])
    assert "Spara anslagsdagen" in staff.get(url).content.decode()
    today = timezone.localdate()
    early = (today - timedelta(days=3)).isoformat()
    response = staff.post(url, {"posted": early})
    page = response.content.decode()
    assert response.status_code == 400 and "före justeringen" in page and f'value="{early}"' in page
    response = staff.post(url, {"posted": "5 april"})
    assert response.status_code == 400 and "Skriv anslagsdagen som ÅÅÅÅ-MM-DD" in response.content.decode()
    assert Meeting.objects.get(pk=adjusted.pk).notice_posted == today
    tomorrow = today + timedelta(days=1)
    response = staff.post(url, {"posted": tomorrow.isoformat()}, follow=True)
    assert f"Anslaget sätts upp {tomorrow.isoformat()}" in response.content.decode()
    assert Meeting.objects.get(pk=adjusted.pk).notice_posted == tomorrow
