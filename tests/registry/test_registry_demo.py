"""The register's demo data loads into a freshly built demo Skaraborg and shows up where users look."""
from datetime import date

import pytest
from django.contrib.auth.models import User

from samordna.associations.models import Association
from samordna.board.demo import load_demo
from samordna.board.models import Meeting
from samordna.registry import selectors
from samordna.registry.models import Case

pytestmark = pytest.mark.django_db


def test_demo_loads_into_skaraborg():
    today = date.today()
    load_demo(today)  # the demo command adds the register's demo to each association it builds
    skaraborg = Association.objects.get(slug="skaraborg")
    budget = Case.objects.get(association=skaraborg, number="38/23")
    assert budget.documents.filter(kind="statement").exists()
    assert "underskott" in budget.documents.get(kind="statement").text
    handled = selectors.paragraphs(budget)
    assert [(p.meeting.date, p.title) for p in handled] == [(date(2023, 11, 21), "Budgetplan 2024–2026")]
    assert Case.objects.get(association=skaraborg, number="2022VFN360").imported
    assert selectors.overdue_assignments(skaraborg, today).count() == 1
    assert selectors.unreported_delegated_decisions(skaraborg).count() == 3
    researcher = selectors.assignments(skaraborg).get(title__startswith="Utreda kostnaden")
    assert researcher.paragraph.title == "Uppföljning av förbundets insatser utan personuppgifter"
    upcoming = Meeting.objects.filter(body__association=skaraborg, body__slug="styrelsen", date__gte=today).order_by("date").first()
    suggestions = selectors.agenda_suggestions(upcoming, User.objects.create_superuser("demo"))
    assert suggestions.report_backs == [researcher]
    assert len(suggestions.delegated) == 3
    assert [(c, [n.subject for n in rows]) for c, rows, _ in suggestions.notifications] == [("Lex Heller", ["Ny underleverantör för gruppverksamhet"])]
    assert [c.title for c in suggestions.ready_cases] == ["Upphandling av sakkunnigt revisorsbiträde"]
