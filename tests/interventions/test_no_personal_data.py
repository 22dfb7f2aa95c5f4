"""Follow-up data holds counts only: no field can carry a name, identity number, IP address or exact time."""
from datetime import date

import pytest
from django.apps import apps
from django.db import models
from intervention_builders import month_values

from samordna.interventions import services
from samordna.interventions.models import GoalOutcome, Referral, Report, ReportCount, ReportExit

pytestmark = pytest.mark.django_db
FOLLOW_UP = (Report, ReportCount, ReportExit, GoalOutcome, Referral)
# Free text on a report is screened by rules.privacy before it is stored; every other field is a count or a key.
SCREENED_TEXT = {"comment", "correction_note"}


def test_follow_up_models_have_no_personal_fields():
    for model in FOLLOW_UP:
        for field in model._meta.concrete_fields:
            assert not isinstance(field, (models.DateTimeField, models.TimeField, models.GenericIPAddressField,
                                          models.EmailField)), f"{model.__name__}.{field.name}"
            words = set(field.name.split("_"))
            assert not words & {"name", "personal", "ssn", "ip", "email", "phone", "birth", "address"}, field.name
            if isinstance(field, models.TextField):
                assert field.name in SCREENED_TEXT
            if isinstance(field, models.CharField):
                assert field.max_length <= 30, f"{model.__name__}.{field.name} is a short key, not free text"
            if isinstance(field, models.ForeignKey) and field.related_model is apps.get_model("auth", "User"):
                assert (model, field.name) == (Report, "saved_by"), "only the staff user who saved a report is recorded"


def test_a_saved_report_holds_only_counts_month_and_staff_user(gard, secretary_user):
    report = services.save_report(gard, date(2023, 12, 14), month_values(gard, end=6, started=6, ended=0,
                                                                        comment="Gruppen kom i gång bra."),
                                  user=secretary_user, today=date(2024, 1, 15))
    report.refresh_from_db()
    assert report.month == date(2023, 12, 1), "the period is a month, never a day"
    stored = {f.name: getattr(report, f.attname) for f in Report._meta.concrete_fields}
    for name, value in stored.items():
        if name in ("id", "intervention", "saved_by"):
            continue
        assert isinstance(value, (int, date, str, type(None))), name
        assert not hasattr(value, "hour"), f"{name} carries a clock time"
    for cell in ReportCount.objects.filter(report=report):
        assert isinstance(cell.count, int) and cell.category.replace("-", "").replace("_", "").isalnum()
