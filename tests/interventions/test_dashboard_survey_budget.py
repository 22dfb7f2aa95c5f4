"""Survey results and budget execution on the board's dashboard and in the reports (issues 5 item 7, 6 item 4, 7 item 6)."""
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samordna.accounts.models import AssociationRole
from samordna.economy import services as economy
from samordna.economy.models import Actual, BudgetLine
from samordna.interventions import reports, services
from samordna.interventions.dashboard_budget import booked_outcome, dashboard_budget
from samordna.interventions.survey_results import survey_summary
from samordna.rules import followup
from samordna.survey.services import create_distribution, create_questionnaire, submit_response

pytestmark = pytest.mark.django_db
YEAR = date.today().year


def answer(distribution, day, **by_key):
    """One response with the given answers by question code (scale and yes/no as in the survey's own form)."""
    version = distribution.questionnaire.current
    questions = {q.key: q for q in version.questions.all()}
    submit_response(distribution, version.pk, {str(questions[k].pk): [v] for k, v in by_key.items()}, day)


@pytest.fixture
def surveyed(gard, lake):
    """Gården: ten answers in the first quarter (health 5 from all; respect 5 from six, 4 from four)."""
    questionnaire = create_questionnaire(lake.association, "Avslutsenkät", publish_on=date(YEAR, 1, 1))
    distribution = create_distribution(lake.association, questionnaire, intervention=gard)
    for n in range(10):
        answer(distribution, date(YEAR, 2, 1), halsa="5", respekt="5" if n < 6 else "4", rekommendera="ja")
    return distribution


def board_client(client, lake):
    user = User.objects.create_user("ledamot", password="x-hemligt-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="board_member")
    client.force_login(user)
    return client


def test_survey_summary_uses_only_published_counts(surveyed, lake):
    summary = survey_summary(lake.association, YEAR)
    keys = [key for key, _ in summary.columns]
    assert keys[:2] == ["halsa", "aktivitetsformaga"] and "kon" not in keys, "background questions are not outcomes"
    row = summary.rows[0]
    assert row.intervention.name == "Gården" and row.responses == 10
    assert row.shares["halsa"] == 100 and row.shares["rekommendera"] == 100
    # Four answered 4 on respect: a hidden count, so the share of 4–5 (which would give it away) is not shown.
    assert row.shares["respekt"] is None and row.cells[keys.index("respekt")] == "Visas inte"
    assert row.cells[keys.index("aktivitetsformaga")] == "–", "nobody answered it: nothing is hidden"
    assert survey_summary(lake.association, YEAR - 1) is None


def test_small_group_is_never_shown(surveyed, lake, gard):
    from samordna.interventions.models import Intervention

    other = services.save_intervention(
        Intervention(association=lake.association, name="Bryggan", kind="individual", orientation=gard.orientation,
                     start=date(YEAR - 1, 1, 1)), owners=[lake.members["Mölndals stad"]], municipalities=[])
    small = create_distribution(lake.association, surveyed.questionnaire, intervention=other)
    for _ in range(3):
        answer(small, date(YEAR, 2, 1), halsa="5")
    rows = {row.intervention.name: row for row in survey_summary(lake.association, YEAR).rows}
    assert rows["Bryggan"].responses is None and rows["Bryggan"].shares == {}
    assert all(cell == "Visas inte" for cell in rows["Bryggan"].cells)


def test_dashboard_shows_survey_and_empty_budget(client, surveyed, lake):
    page = board_client(client, lake).get(reverse("intervention_dashboard", args=["sjolandet"])).content.decode()
    assert "Deltagarnas svar i avslutsenkäten" in page and "100 %" in page
    assert "Min hälsa har blivit bättre" in page
    assert f"Det finns ingen budget för {YEAR} ännu" in page


def test_half_year_report_shows_quarters_never_their_sum(surveyed, lake, gard):
    answer(surveyed, date(YEAR, 5, 1), halsa="5")  # one answer in the second quarter
    report = reports.intervention_report(gard, followup.make_period("half", YEAR, 1))
    table = next(t for s in report.sections for t in s.tables if t.caption.startswith("Avslutsenkäten"))
    assert [row[1] for row in table.rows] == [f"kvartal 1 {YEAR}", f"kvartal 2 {YEAR}"]
    assert 11 not in [row[2] for row in table.rows], "the half-year's 11 answers would reveal the lone second quarter"
    assert table.rows[1][2] == "<5"
    year = reports.intervention_report(gard, followup.make_period("year", YEAR, 1))
    table = next(t for s in year.sections for t in s.tables if t.caption.startswith("Avslutsenkäten"))
    assert [row[1] for row in table.rows] == [str(YEAR)]


def test_report_without_survey_says_so(gard):
    report = reports.intervention_report(gard, followup.make_period("year", YEAR, 1))
    notes = [n for s in report.sections for n in s.notes]
    assert "Avslutsenkäten: inga svar för insatsen under året." in notes


@pytest.fixture
def budget(gard, lake):
    budget = economy.ensure_budget(lake.association, YEAR)
    line = economy.save_line(BudgetLine(association=lake.association, budget=budget, section="individual",
                                        label="Grön rehabilitering", intervention=gard, amount=Decimal("480"),
                                        forecast=Decimal("450")))
    economy.save_line(BudgetLine(association=lake.association, budget=budget, section="overhead", category="office_staff",
                                 label="Kansliet", amount=Decimal("900")))
    economy.save_line(BudgetLine(association=lake.association, budget=budget, section="income", label="Bidrag",
                                 amount=Decimal("1500")))
    Actual.objects.create(association=lake.association, line=line, month=1, amount=Decimal("40.25"))
    Actual.objects.create(association=lake.association, line=line, month=5, amount=Decimal("35"))
    return line


def test_budget_on_the_dashboard(client, budget, lake):
    data = dashboard_budget(lake.association, YEAR)
    titles = [s.title for s in data.sections]
    assert titles == ["Intäkter", "Individinriktade insatser", "Styrning, ledning och administration"]
    individual = data.sections[1]
    assert individual.outcome == Decimal("75.25") and individual.lines[0][1] == "Gården"
    assert data.chart.startswith("<svg") and "<script" not in data.chart
    page = board_client(client, lake).get(reverse("intervention_dashboard", args=["sjolandet"])).content.decode()
    assert "Budget, utfall och prognos" in page and "Grön rehabilitering" in page
    # The participants chart and the budget chart (no month reported, so no queue chart).
    assert page.count("<svg") == 2 and f"Budget, utfall hittills och prognos {YEAR} (tkr)" in page
    assert "Det finns ingen budget" not in page


def test_booked_outcome_in_reports_and_national_export(budget, gard, lake):
    assert booked_outcome([gard], followup.make_period("tertial", YEAR, 1)) == {gard.pk: 40_250}
    assert booked_outcome([gard], followup.make_period("year", YEAR, 1)) == {gard.pk: 75_250}
    assert booked_outcome([gard], followup.make_period("year", YEAR - 1, 1)) == {}, "no line that year"
    report = reports.intervention_report(gard, followup.make_period("half", YEAR, 1))
    costs = next(t for s in report.sections for t in s.tables if t.caption.startswith("Budget, utfall"))
    assert costs.rows[0][2] == 75_250
    row = reports.national_rows(lake.association, followup.make_period("year", YEAR, 1))[0]
    assert row[1] == "Gården" and row[8] == 75_250


def test_reporter_sees_no_links_to_board_pages(client, lake, gard, reporter_user, secretary_user):
    services.assign_reporter(gard, reporter_user)
    client.force_login(reporter_user)
    page = client.get(reverse("interventions", args=["sjolandet"])).content.decode()
    for name in ("intervention_reports", "intervention_dashboard", "interventions_follow_up"):
        assert reverse(name, args=["sjolandet"]) not in page
        assert client.get(reverse(name, args=["sjolandet"])).status_code == 403
    client.force_login(secretary_user)
    page = client.get(reverse("interventions", args=["sjolandet"])).content.decode()
    assert reverse("intervention_reports", args=["sjolandet"]) in page and "Rapporter till styrelsen" in page

