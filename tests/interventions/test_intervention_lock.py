"""Kind, orientation, follow-up method and ESF are locked once a count report exists (as in Uppföljning Finsam)."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from intervention_builders import month_values

from samordna.interventions import services
from samordna.interventions.forms import InterventionForm
from samordna.interventions.models import Intervention, Orientation

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(gard, secretary_user):
    services.save_report(gard, date(2023, 1, 1), month_values(gard, end=6, started=6, ended=0), user=secretary_user,
                         today=date(2023, 2, 1))
    return Intervention.objects.get(pk=gard.pk)


def owners(i):
    return {"owners": list(i.owners.all()), "municipalities": list(i.municipalities.all())}


def test_free_to_change_before_the_first_report(gard):
    other = Orientation.objects.get(association=gard.association, kind="individual", name="Samordnande")
    gard.orientation, gard.esf_funded, gard.follow_up_method = other, True, "national"
    services.save_intervention(gard, **owners(gard))
    assert Intervention.objects.get(pk=gard.pk).esf_funded is True
    assert not services.is_locked(gard) and not InterventionForm(instance=gard, association=gard.association).locked


@pytest.mark.parametrize("field, value", [
    ("kind", "structural"), ("follow_up_method", "national"), ("esf_funded", True),
])
def test_service_refuses_a_change_after_the_first_report(reported, field, value):
    setattr(reported, field, value)
    with pytest.raises(ValidationError) as error:
        services.save_intervention(reported, **owners(reported))
    assert set(error.value.message_dict) == {field}
    assert "första månadsrapporten" in error.value.message_dict[field][0]
    assert getattr(Intervention.objects.get(pk=reported.pk), field) != value


def test_service_refuses_another_orientation_but_saves_other_changes(reported):
    reported.orientation = Orientation.objects.get(association=reported.association, kind="individual", name="Samordnande")
    with pytest.raises(ValidationError) as error:
        services.save_intervention(reported, **owners(reported))
    assert error.value.message_dict["orientation"][0].startswith("Preciserad inriktning: kan inte ändras")
    fresh = Intervention.objects.get(pk=reported.pk)
    fresh.provider = "Nya gården AB"
    services.save_intervention(fresh, **owners(fresh))
    assert Intervention.objects.get(pk=reported.pk).provider == "Nya gården AB"


def test_form_shows_the_locked_fields_read_only_and_keeps_them(staff, reported):
    url = reverse("intervention_edit", args=["sjolandet", reported.pk])
    page = staff.get(url).content.decode()
    assert "är låsta eftersom insatsen har månadsrapporter" in page
    assert page.count("disabled") >= 4 and "Låst: kan inte ändras" in page
    form = InterventionForm(instance=reported, association=reported.association)
    data = {name: form[name].value() for name in form.fields}
    data.update(name="Gården i Lerum", kind="structural", esf_funded="on",
                orientation=Orientation.objects.get(association=reported.association, name="Kompetensutveckling").pk,
                start="2023-01-01", owners=[m.pk for m in reported.owners.all()],
                municipalities=[m.pk for m in reported.municipalities.all()])
    data = {k: v for k, v in data.items() if v not in (None, False)}
    response = staff.post(url, data)
    assert response.status_code == 302
    saved = Intervention.objects.get(pk=reported.pk)
    assert saved.name == "Gården i Lerum"
    assert (saved.kind, saved.orientation_id, saved.esf_funded) == ("individual", reported.orientation_id, False)
