"""The dashboard's charts are drawn once per set of figures (drawing was most of the page's time in bench/followup.py)."""
from datetime import date

import pygal
import pytest
from intervention_builders import month_values

from samordna.interventions import dashboard, services

pytestmark = pytest.mark.django_db


def test_same_figures_reuse_the_chart_new_figures_redraw_it(gard, secretary_user, monkeypatch):
    dashboard._bar_chart.cache_clear()
    drawn = []
    real = pygal.HorizontalBar

    def counting(**config):
        drawn.append(config["title"])
        return real(**config)

    monkeypatch.setattr(dashboard.pygal, "HorizontalBar", counting)
    today = date.today()
    month = date(today.year - 1, 12, 1) if today.month == 1 else date(today.year, today.month - 1, 1)
    services.save_report(gard, month, month_values(gard, end=8, started=8, ended=0), user=secretary_user, today=today)
    first = dashboard.dashboard(gard.association, today, staff=True)
    second = dashboard.dashboard(gard.association, today, staff=True)
    assert len(drawn) == 2 and second["participants_chart"] == first["participants_chart"]
    assert "Gården" in first["participants_chart"] and "<script" not in first["participants_chart"]
    services.save_report(gard, month, month_values(gard, end=9, started=9, ended=0), user=secretary_user, today=today)
    third = dashboard.dashboard(gard.association, today, staff=True)
    assert drawn.count("Deltagare nu och platser samtidigt") == 2 and third["participants_chart"] != first["participants_chart"]
