"""The internal control pages through the Django client: roles, tenants, forms, heat map, PDF."""
import io
import re

import pytest
from control_builders import future_meeting, other_association, plan_with_risks
from django.contrib.auth.models import User
from django.urls import reverse
from pypdf import PdfReader

from samordna.accounts.models import AssociationRole
from samordna.control.models import ControlPlan, FollowUp, Risk

pytestmark = pytest.mark.django_db


def url(name, lake, **kwargs):
    return reverse(name, kwargs={"slug": lake.association.slug, **kwargs})


@pytest.fixture
def board_member(client, lake):
    user = User.objects.create_user("ledamot", password="hemligt-lösen-2")
    AssociationRole.objects.create(user=user, association=lake.association, role="board_member")
    client.force_login(user)
    return client


def test_menu_entry_and_plan_list(staff, lake):
    plan_with_risks(lake)
    response = staff.get(url("internal_control", lake))
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<a href="/f/sjolandet/intern-kontroll/" aria-current="page">Intern kontroll</a>', html)
    assert "Internkontrollplan 2021" in html and "Inte antagen" in html


def test_create_plan_and_duplicate_year_message(staff, lake):
    response = staff.post(url("internal_control", lake), {"year": "2024"})
    assert response.status_code == 302 and response["Location"] == url("control_plan", lake, year=2024)
    response = staff.post(url("internal_control", lake), {"year": "2024"})
    assert response.status_code == 200
    assert "Det finns redan en internkontrollplan för 2024." in response.content.decode()
    assert ControlPlan.objects.filter(association=lake.association).count() == 1


def test_plan_page_has_table_accessible_heat_map_and_data_table(staff, lake):
    plan_with_risks(lake)
    html = staff.get(url("control_plan", lake, year=2021)).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="heat-title heat-desc"' in html
    assert '<title id="heat-title">Riskkarta, internkontrollplan 2021</title>' in html
    assert "R1 Nyckelpersoner i insatserna slutar: sannolikhet 4, konsekvens 2, riskvärde 8 (hög)" in html
    assert "<caption>Riskkartan som tabell" in html
    assert "Risken har ökat från 6 till 8." in html
    assert 'class="status status-deviation">Avvikelse' in html
    assert "Lägg till risk" in html


def test_board_member_reads_but_cannot_write(board_member, lake):
    plan, staffing, _ = plan_with_risks(lake)
    response = board_member.get(url("control_plan", lake, year=2021))
    assert response.status_code == 200 and "Lägg till risk" not in response.content.decode()
    assert board_member.get(url("control_risk", lake, year=2021, risk_id=staffing.pk)).status_code == 200
    writes = [(url("internal_control", lake), {"year": "2030"}),
              (url("control_plan", lake, year=2021), {"plan-year": "2021"}),
              (url("control_risk_new", lake, year=2021), {"title": "x", "probability": "1", "consequence": "1"}),
              (url("control_risk", lake, year=2021, risk_id=staffing.pk), {"delete": "risk"}),
              (url("control_follow_up", lake, year=2021, risk_id=staffing.pk), {}),
              (url("control_copy", lake, year=2021), {"copy-year": "2022"}),
              (url("control_settings", lake), {"matrix_size": "5"})]
    for address, data in writes:
        assert board_member.post(address, data).status_code == 403, address
    assert board_member.get(url("control_follow_up", lake, year=2021, risk_id=staffing.pk)).status_code == 403
    assert Risk.objects.count() == 2 and ControlPlan.objects.count() == 1


def test_other_association_and_wrong_ids_are_404(staff, lake):
    plan, staffing, _ = plan_with_risks(lake)
    other, _ = other_association()
    assert staff.get(reverse("internal_control", kwargs={"slug": other.slug})).status_code == 404
    assert staff.get(url("control_plan", lake, year=1990)).status_code == 404
    assert staff.get(url("control_risk", lake, year=2021, risk_id=99999)).status_code == 404
    foreign_plan = ControlPlan.objects.create(association=other, year=2021)
    foreign = Risk.objects.create(association=other, plan=foreign_plan, title="Annans", probability=1, consequence=1)
    assert staff.get(url("control_risk", lake, year=2021, risk_id=foreign.pk)).status_code == 404
    assert staff.get(url("control_report_pdf", lake, year=1990)).status_code == 404


def test_add_risk_out_of_range_keeps_input_and_saves_nothing(staff, lake):
    staff.post(url("internal_control", lake), {"year": "2022"})
    data = {"title": "Insatser fylls inte", "process": "Insatser", "probability": "5", "consequence": "2",
            "frequency": "quarterly", "action_plan": "Marknadsföring hos handläggarna."}
    response = staff.post(url("control_risk_new", lake, year=2022), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sannolikheten ska vara ett heltal från 1 till 4 (matrisen är 4 × 4)." in html
    assert 'value="Insatser fylls inte"' in html and "Marknadsföring hos handläggarna." in html
    assert not Risk.objects.exists()
    data["probability"] = "3"
    response = staff.post(url("control_risk_new", lake, year=2022), data)
    assert response.status_code == 302
    assert Risk.objects.get().frequency == "quarterly"


def test_follow_up_entry(staff, lake):
    plan, _, data = plan_with_risks(lake)
    address = url("control_follow_up", lake, year=2021, risk_id=data.pk)
    bad = staff.post(address, {"date": "2021-11-20", "status": "ongoing", "assessment": "Arbete pågår",
                               "new_probability": "7", "new_consequence": ""})
    html = bad.content.decode()
    assert "Ny sannolikhet: Sannolikheten ska vara ett heltal från 1 till 4" in html and "Arbete pågår" in html
    missing = staff.post(address, {"date": "2021-11-20", "assessment": "Arbete pågår"}).content.decode()
    assert "Status: Detta fält måste fyllas i." in missing
    assert not FollowUp.objects.filter(risk=data).exists()
    good = staff.post(address, {"date": "2021-11-20", "status": "ongoing", "assessment": "Arbete pågår",
                                "new_probability": "1", "new_consequence": ""})
    assert good.status_code == 302
    follow_up = FollowUp.objects.get(risk=data)
    assert (follow_up.status, follow_up.new_probability, follow_up.new_consequence) == ("ongoing", 1, 4)
    assert follow_up.association == lake.association


def test_delete_and_edit_risk(staff, lake):
    plan, staffing, data = plan_with_risks(lake)
    response = staff.post(url("control_risk", lake, year=2021, risk_id=data.pk),
                          {"title": "Resultat saknas", "probability": "2", "consequence": "3", "frequency": "yearly"})
    assert response.status_code == 302
    data.refresh_from_db()
    assert (data.title, data.consequence) == ("Resultat saknas", 3)
    staff.post(url("control_risk", lake, year=2021, risk_id=staffing.pk), {"delete": "risk"})
    assert list(plan.risks.values_list("title", flat=True)) == ["Resultat saknas"]


def test_copy_and_agenda_buttons(staff, lake):
    plan_with_risks(lake)
    meeting = future_meeting(lake)
    response = staff.post(url("control_agenda", lake, year=2021), {"agenda-meeting": meeting.pk, "agenda-purpose": "follow_up"})
    assert response.status_code == 302 and response["Location"] == reverse("agenda", args=[lake.association.slug, meeting.pk])
    assert meeting.agenda_items.get().kind == "information"
    again = staff.post(url("control_agenda", lake, year=2021), {"agenda-meeting": meeting.pk, "agenda-purpose": "follow_up"})
    assert "står redan på föredragningslistan" in again.content.decode()
    response = staff.post(url("control_copy", lake, year=2021), {"copy-year": "2022"})
    assert response.status_code == 302
    bad = staff.post(url("control_copy", lake, year=2021), {"copy-year": "2022"})
    assert "Det finns redan en internkontrollplan för 2022." in bad.content.decode()
    assert ControlPlan.objects.filter(association=lake.association).count() == 2


def test_settings_page(staff, lake):
    response = staff.post(url("control_settings", lake), {"matrix_size": "5", "probability_labels": "1\n2\n3",
                                                           "consequence_labels": ""})
    assert "Ange en benämning per steg för sannolikhet: 5 rader behövs, 3 är ifyllda." in response.content.decode()
    assert staff.post(url("control_settings", lake), {"matrix_size": "5"}).status_code == 302
    html = staff.get(url("control_settings", lake)).content.decode()
    assert "Mycket sannolik" in html


def test_pdf_report_is_landscape_with_the_table(staff, lake):
    plan_with_risks(lake)
    response = staff.get(url("control_report_pdf", lake, year=2021))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in ("Internkontrollplan 2021 med uppföljning", "Vad kan gå fel?", "Nyckelpersoner i insatserna",
                     "Avvikelse", "Riskkarta"):
        assert expected in text


def test_a_value_changed_behind_the_services_back_does_not_break_the_page(staff, lake):
    plan, staffing, _ = plan_with_risks(lake)
    Risk.objects.filter(pk=staffing.pk).update(probability=5)  # e.g. through the admin after a 5 × 5 period
    FollowUp.objects.filter(risk=staffing).update(new_probability=None, new_consequence=None)
    html = staff.get(url("control_plan", lake, year=2021)).content.decode()
    assert "R1 Nyckelpersoner i insatserna slutar: sannolikhet 4, konsekvens 2" in html
