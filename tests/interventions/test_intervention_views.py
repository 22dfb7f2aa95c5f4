"""The pages: status codes, tenants kept apart, readers cannot write, reporters only for their interventions."""
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from intervention_builders import month_values

from samordna.accounts.models import AssociationRole
from samordna.associations.services import create_association
from samordna.interventions import services
from samordna.interventions.models import Contract, Intervention, PeriodLock, Report

pytestmark = pytest.mark.django_db


def login_as(client, lake, role, username=None):
    user = User.objects.create_user(username or role, password="hemligt-lösen-1")
    AssociationRole.objects.create(user=user, association=lake.association, role=role)
    client.force_login(user)
    return user


def last_month():
    today = date.today().replace(day=1)
    return date(today.year - 1, 12, 1) if today.month == 1 else date(today.year, today.month - 1, 1)


def report_url(gard, month):
    return reverse("intervention_report", args=[gard.association.slug, gard.pk, month.year, month.month])


def test_list_and_detail(staff, lake, gard):
    response = staff.get(reverse("interventions", args=["sjolandet"]))
    assert response.status_code == 200 and "Gården" in response.content.decode()
    detail = staff.get(reverse("intervention", args=["sjolandet", gard.pk])).content.decode()
    assert "Gröna gården AB" in detail and "12 per grupp" in detail


def test_other_association_is_404(staff, lake, gard):
    create_association(slug="annat", name="Annat förbund")
    assert staff.get(reverse("interventions", args=["annat"])).status_code == 404
    other = create_association(slug="tredje", name="Tredje förbundet")
    services.ensure_defaults(other)
    assert staff.get(reverse("intervention", args=["tredje", gard.pk])).status_code == 404


def test_register_through_the_form(staff, lake):
    services.ensure_defaults(lake.association)
    orientation = lake.association.orientations.get(name="Samordnande")
    data = {"name": "Balder", "kind": "individual", "orientation": orientation.pk, "follow_up_method": "counts",
            "owners": [lake.members["Mölndals stad"].pk], "municipalities": [lake.members["Mölndals stad"].pk],
            "start": "2021-01-01", "capacity_at_once": "20", "published": "on"}
    response = staff.post(reverse("intervention_create", args=["sjolandet"]), data)
    balder = Intervention.objects.get(name="Balder")
    assert response.status_code == 302 and balder.capacity_at_once == 20


def test_bad_registration_keeps_input_and_saves_nothing(staff, lake):
    services.ensure_defaults(lake.association)
    structural = lake.association.orientations.get(name="Kompetensutveckling")
    data = {"name": "Fel inriktning", "kind": "individual", "orientation": structural.pk, "follow_up_method": "counts",
            "owners": [lake.members["Mölndals stad"].pk], "start": "2021-01-01"}
    response = staff.post(reverse("intervention_create", args=["sjolandet"]), data)
    page = response.content.decode()
    assert response.status_code == 200 and "hör till strukturövergripande" in page and 'value="Fel inriktning"' in page
    assert not Intervention.objects.filter(name="Fel inriktning").exists()


def test_board_member_reads_but_cannot_write(client, lake, gard):
    login_as(client, lake, "board_member")
    assert client.get(reverse("interventions", args=["sjolandet"])).status_code == 200
    assert client.get(reverse("intervention_create", args=["sjolandet"])).status_code == 403
    response = client.post(reverse("intervention", args=["sjolandet", gard.pk]),
                           {"save": "goal", "goal-indicator": "x", "goal-comparison": "gte", "goal-target": "5", "goal-unit": "%"})
    assert response.status_code == 403 and gard.goals.count() == 1
    assert client.get(report_url(gard, last_month())).status_code == 403


def test_add_contract_on_the_detail_page(staff, gard):
    response = staff.post(reverse("intervention", args=["sjolandet", gard.pk]), {
        "save": "contract", "contract-provider": "Gröna gården AB", "contract-start": "2023-01-01", "contract-end": "2023-12-31",
        "contract-extension_options": "ett år till, sedan ny upphandling", "contract-decide_by": "2023-11-21"})
    assert response.status_code == 302 and Contract.objects.get().decide_by == date(2023, 11, 21)


def test_staff_saves_a_monthly_report(staff, gard):
    month = last_month()
    assert staff.get(report_url(gard, month)).status_code == 200
    response = staff.post(report_url(gard, month), month_values(gard, end=5, started=5, ended=0))
    assert response.status_code == 302 and Report.objects.get().participants_end == 5
    page = staff.get(report_url(gard, month)).content.decode()
    assert 'value="5"' in page


def test_report_that_does_not_add_up_is_refused_with_field_named(staff, gard):
    values = month_values(gard, end=5, started=5, ended=0)
    values["started__age__30-39"] = 4
    response = staff.post(report_url(gard, last_month()), values)
    page = response.content.decode()
    assert response.status_code == 400 and "Påbörjade: summan per åldersgrupp (4)" in page
    assert 'href="#id_started__age__16-19"' in page and not Report.objects.exists()


def test_reporter_for_another_intervention_is_refused(client, lake, gard):
    reporter = login_as(client, lake, "reporter", "rapportor")
    other = services.save_intervention(Intervention(association=lake.association, name="Annan", orientation=gard.orientation,
                                                    start=date(2023, 1, 1)), owners=[lake.members["Lerums kommun"]], municipalities=[])
    services.assign_reporter(other, reporter)
    # Not assigned to the Gården: the intervention is not even visible to this reporter.
    assert client.get(report_url(gard, last_month())).status_code == 404
    listing = client.get(reverse("interventions", args=["sjolandet"])).content.decode()
    assert "Annan" in listing and "Gården" not in listing
    response = client.post(report_url(other, last_month()), month_values(other, end=2, started=2, ended=0))
    assert response.status_code == 302 and Report.objects.get().intervention == other


def test_reader_posting_a_report_gets_a_swedish_refusal(client, lake, gard):
    login_as(client, lake, "auditor")
    response = client.post(report_url(gard, last_month()), month_values(gard, end=2, started=2, ended=0))
    assert response.status_code == 403 and "inte rapportör" in response.content.decode()
    assert not Report.objects.exists()


def test_locked_month_shows_and_refuses(staff, lake, gard):
    month = last_month()
    staff.post(reverse("intervention_settings", args=["sjolandet"]), {"save": "lock", "lock-month": month.strftime("%Y-%m")})
    assert PeriodLock.objects.filter(month=month).exists()
    response = staff.post(report_url(gard, month), month_values(gard, end=2, started=2, ended=0))
    assert response.status_code == 400 and "är låst" in response.content.decode() and not Report.objects.exists()


def test_follow_up_page_hides_small_counts_for_board_members(client, lake, gard, secretary_user):
    month = last_month()
    services.save_report(gard, month, month_values(gard, end=3, started=3, ended=0), user=secretary_user, today=date.today())
    login_as(client, lake, "board_member")
    url = reverse("intervention_follow_up", args=["sjolandet", gard.pk]) + f"?typ=month&ar={month.year}&nr={month.month}"
    page = client.get(url).content.decode()
    assert "&lt;5" in page and "Påbörjade" in page
    bad = client.get(reverse("intervention_follow_up", args=["sjolandet", gard.pk]) + "?typ=tertial&ar=2023&nr=9")
    assert bad.status_code == 200 and "Tertial nummer 9 finns inte" in bad.content.decode()


def test_follow_up_for_staff_shows_exact_counts(staff, gard, secretary_user):
    month = last_month()
    services.save_report(gard, month, month_values(gard, end=3, started=3, ended=0), user=secretary_user, today=date.today())
    url = reverse("intervention_follow_up", args=["sjolandet", gard.pk]) + f"?typ=month&ar={month.year}&nr={month.month}"
    page = staff.get(url).content.decode()
    assert "&lt;5" not in page and '<span class="figure">3</span>' in page


def test_public_catalogue_without_login(client, lake, gard):
    url = reverse("intervention_catalogue", args=["sjolandet"])
    page = client.get(url).content.decode()
    assert "Gården" in page
    assert "Gården" in client.get(url, {"q": "stress"}).content.decode()
    assert "Gården" in client.get(url, {"q": "Lerums"}).content.decode()
    assert "Inga insatser hittades" in client.get(url, {"q": "dykning"}).content.decode()
    entry = client.get(reverse("catalogue_entry", args=["sjolandet", gard.pk])).content.decode()
    assert "Handläggaren på FK" in entry
    gard.published = False
    gard.save()
    assert client.get(reverse("catalogue_entry", args=["sjolandet", gard.pk])).status_code == 404
    assert client.get(reverse("intervention_catalogue", args=["finns-inte"])).status_code == 404


def test_settings_edit_the_lists(staff, lake):
    services.ensure_defaults(lake.association)
    url = reverse("intervention_settings", args=["sjolandet"])
    staff.post(url, {"save": "exit", "exit-name": "Föräldraledighet", "exit-position": "10"})
    assert lake.association.exit_reasons.filter(name="Föräldraledighet").exists()
    response = staff.post(url, {"save": "exit", "exit-name": "arbete", "exit-position": "11"})
    assert "finns redan" in response.content.decode()


def test_month_picker_redirects_to_the_month(staff, gard):
    url = reverse("intervention_report_pick", args=["sjolandet", gard.pk])
    response = staff.get(url, {"manad": "2023-11"})
    assert response.status_code == 302 and response.url.endswith(f"/insatser/{gard.pk}/rapport/2023/11/")
    bad = staff.get(url, {"manad": "2023-13"}, follow=True)
    assert "ÅÅÅÅ-MM" in bad.content.decode()
    assert staff.get(reverse("intervention_report", args=["sjolandet", gard.pk, 2023, 13])).status_code == 404


def test_period_overview_page(client, lake, gard, secretary_user):
    month = last_month()
    services.save_report(gard, month, month_values(gard, end=3, started=3, ended=0), user=secretary_user, today=date.today())
    login_as(client, lake, "board_member")
    url = reverse("interventions_follow_up", args=["sjolandet"])
    page = client.get(url, {"typ": "month", "ar": month.year, "nr": month.month,
                            "medlem": lake.members["Mölndals stad"].pk}).content.decode()
    assert "Gården" in page and "&lt;5" in page and "Summor per kolumn visas inte" in page
    page = client.get(url, {"typ": "year", "ar": month.year, "nr": 1, "medlem": lake.members["Partille kommun"].pk}).content.decode()
    assert "Inga insatser för Partille kommun" in page


def test_group_starts_added_and_upcoming_ones_shown_publicly(staff, client, gard):
    url = reverse("intervention", args=["sjolandet", gard.pk])
    future = date(date.today().year + 1, 2, 15)
    assert staff.post(url, {"save": "group", "group-date": future.isoformat()}).status_code == 302
    assert staff.post(url, {"save": "group", "group-date": "2020-01-15"}).status_code == 302
    again = staff.post(url, {"save": "group", "group-date": future.isoformat()})
    assert again.status_code == 200 and "finns redan" in again.content.decode()
    assert gard.group_starts.get(date=future).places == 12
    entry = client.get(reverse("catalogue_entry", args=["sjolandet", gard.pk])).content.decode()
    assert future.isoformat() in entry and "2020-01-15" not in entry


def test_extension_decision_links_the_board_paragraph(staff, lake, gard):
    from samordna.board.models import Paragraph

    contract = Contract.objects.create(intervention=gard, provider="Gröna gården AB", start=date(2023, 1, 1),
                                       end=date(2023, 12, 31), extension_options="ett år till", decide_by=date(2023, 11, 30))
    paragraph = Paragraph.objects.create(meeting=lake.meeting(day=date(2023, 11, 21)), number=1140,
                                         title="Förlängning av avtal – Gården")
    url = reverse("contract_edit", args=["sjolandet", gard.pk, contract.pk])
    assert "§ 1140 Förlängning av avtal" in staff.get(url).content.decode()
    bad = staff.post(url, {"provider": "Gröna gården AB", "start": "2023-01-01", "end": "2023-12-31",
                           "extended_until": "2023-06-30", "decision_paragraph": paragraph.pk})
    assert bad.status_code == 200 and "Förlängt till: ska ligga efter" in bad.content.decode()
    response = staff.post(url, {"provider": "Gröna gården AB", "start": "2023-01-01", "end": "2023-12-31",
                                "extension_options": "ett år till", "decide_by": "2023-11-30",
                                "extended_until": "2024-12-31", "decision_paragraph": paragraph.pk})
    contract.refresh_from_db()
    assert response.status_code == 302 and contract.decided and contract.decision_paragraph == paragraph
    detail = staff.get(reverse("intervention", args=["sjolandet", gard.pk])).content.decode()
    assert "förlängt till 2024-12-31" in detail and "§ 1140" in detail


def test_threshold_is_configurable_but_never_below_3(staff, client, lake, gard, secretary_user):
    url = reverse("intervention_settings", args=["sjolandet"])
    refused = staff.post(url, {"save": "threshold", "threshold-threshold": "2"})
    assert refused.status_code == 200 and "inte vara lägre än 3" in refused.content.decode()
    assert staff.post(url, {"save": "threshold", "threshold-threshold": "3"}).status_code == 302
    month = last_month()
    services.save_report(gard, month, month_values(gard, end=4, started=4, ended=0), user=secretary_user, today=date.today())
    login_as(client, lake, "board_member")
    page = client.get(reverse("intervention_follow_up", args=["sjolandet", gard.pk]),
                      {"typ": "month", "ar": month.year, "nr": month.month}).content.decode()
    assert '<span class="figure">4</span>' in page and "&lt;3" in page
