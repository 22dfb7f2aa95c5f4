"""The business plan: generated from the data with the office's texts, adopted by a board paragraph and then frozen."""
import io
import re
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document
from economy_setup import budget, plan, with_codes, with_population
from factories import write_paragraph
from pypdf import PdfReader
from test_budget_execution import intervention

from samordna.associations import services as association_services
from samordna.board.models import Body
from samordna.economy import business_plan, services, services_plan
from samordna.economy.models import BudgetLine, BusinessPlan, EconomySettings, PlanGoal
from samordna.interventions import services as intervention_services
from samordna.interventions.models import BudgetLine as InterventionBudget

pytestmark = pytest.mark.django_db
SLUG = "sjolandet"


def flat(value):
    return re.sub(r"\s+", " ", value.replace("\u00a0", " ")).strip()


def all_text(doc):
    parts = [doc["title"], doc["subtitle"]]
    for block in doc["blocks"]:
        parts += [block.get("text", ""), block.get("caption", "")] + block.get("items", []) + block.get("headers", [])
        parts += [" | ".join(row["cells"]) for row in block.get("rows", [])]
    return flat("\n".join(parts))


def quorate_meeting(lake, day):
    meeting = lake.meeting(day)
    lake.afternoon_of_2021_11_25(meeting)
    return meeting


@pytest.fixture
def world(lake):
    with_codes(lake)
    with_population(lake)
    services.save_settings(EconomySettings(association=lake.association, minimum_equity=D(2000)))
    plan(lake, 2024, state_allocation=D(9011))
    result = budget(lake)
    garden = intervention(lake)
    for name, people, kr in (("Mölndals stad", 40, 900_000), ("Lerums kommun", 12, 310_000)):
        intervention_services.save_budget_line(InterventionBudget(intervention=garden, year=2024, amount=kr,
                                                                  planned_participants=people,
                                                                  municipality=lake.members[name]))
    services.save_line(BudgetLine(association=lake.association, budget=result, section=BudgetLine.Section.INDIVIDUAL,
                                  label="Trädgårdsgruppen", amount=D(1210), accounts="4030", intervention=garden))
    business = services_plan.create_plan(lake.association, 2024)
    services_plan.save_texts(business, {"introduction": "Vi samordnar rehabilitering i fem kommuner.",
                                        "vision": "Fler i arbete genom samverkan.",
                                        "focus": "Unga vuxna\nLångtidssjukskrivna",
                                        "governance": "Styrelsen möts sex gånger om året."})
    paragraph = write_paragraph(quorate_meeting(lake, date(2023, 11, 29)), "Verksamhetsplan 2024",
                                decisions="anta verksamhetsplanen för 2024")
    return lake, business, paragraph


def test_new_plan_gets_the_minimum_equity_as_subgoal_and_a_second_plan_copies_texts(world):
    lake, business, _ = world
    (goal,) = business.goals.all()
    assert goal.level == PlanGoal.Level.SUBGOAL and goal.text == "Förbundet ska ha minst 2\u00a0000 tkr eget kapital."
    services_plan.save_goal(PlanGoal(plan=business, text="Fler deltagare går vidare till arbete eller studier",
                                     indicators="Andel avslut till arbete\nAndel avslut till studier"))
    following = services_plan.create_plan(lake.association, 2025)
    assert following.texts["vision"] == "Fler i arbete genom samverkan." and following.goals.count() == 2
    with pytest.raises(ValidationError) as error:
        services_plan.create_plan(lake.association, 2025)
    assert "Det finns redan en verksamhetsplan för 2025." in " ".join(error.value.messages)


def test_document_is_generated_from_the_data(world):
    lake, business, _ = world
    services_plan.save_goal(PlanGoal(plan=business, text="Fler deltagare går vidare till arbete",
                                     indicators="Andel avslut till arbete"))
    text = all_text(business_plan.build(business))
    assert "Verksamhetsplan 2024" in text and "Vi samordnar rehabilitering i fem kommuner." in text
    assert "Fler deltagare går vidare till arbete Indikator: Andel avslut till arbete" in text
    assert "Förbundet ska ha minst 2 000 tkr eget kapital. Indikator: Ekonomisk redovisning tertialvis" in text
    assert "Unga vuxna Långtidssjukskrivna" in text
    # the intervention's participants and funds per municipality, summed
    assert "Mölndals stad | 40 | 900" in text and "Lerums kommun | 12 | 310" in text and "Summering | 52 | 1 210" in text
    # budget lines without an intervention are still shown, overhead as its own table
    assert "Lågtröskelverksamhet, Mölndal | | 9 000" in text
    assert "Kanslipersonal | 2 500" in text and "Summa tkr | 2 800" in text
    assert "Summa kostnader | 14 010" in text and "Eget kapital vid årets slut | 10 990" in text
    assert "Försäkringskassan | 0,25 | 4 505,5" in text and "Summa | 1,00 | 18 022,0" in text


def test_adoption_freezes_the_content_with_its_hash(world):
    lake, business, paragraph = world
    adopted = services_plan.adopt(business, paragraph)
    assert adopted.adopted_on == date(2023, 11, 29) and adopted.paragraph == paragraph
    assert adopted.adopted_by.startswith("Styrelsen 2023-11-29 § ")
    assert re.fullmatch(r"[0-9a-f]{64}", adopted.content_hash) and services_plan.verify(adopted)
    frozen = BusinessPlan.objects.get(pk=adopted.pk)
    # later changes to the data do not change the adopted plan
    line = BudgetLine.objects.get(label="Kanslipersonal")
    line.amount = D(9999)
    services.save_line(line)
    assert business_plan.current(frozen) == frozen.content
    assert "Kanslipersonal | 2 500" in all_text(business_plan.current(frozen))
    assert "Kanslipersonal | 9 999" in all_text(business_plan.build(frozen))
    frozen.content["title"] = "Ändrad i databasen"
    assert not services_plan.verify(frozen)


def test_adopting_twice_and_editing_an_adopted_plan_change_nothing(world):
    lake, business, paragraph = world
    adopted = services_plan.adopt(business, paragraph)
    other = write_paragraph(quorate_meeting(lake, date(2023, 12, 13)), "Verksamhetsplan igen", decisions="anta planen")
    with pytest.raises(ValidationError) as error:
        services_plan.adopt(adopted, other)
    assert "är redan antagen" in " ".join(error.value.messages)
    with pytest.raises(ValidationError) as error:
        services_plan.save_texts(adopted, {"vision": "Ny vision"})
    assert "är antagen" in " ".join(error.value.messages) and "kan inte ändras" in " ".join(error.value.messages)
    with pytest.raises(ValidationError):
        services_plan.save_goal(PlanGoal(plan=adopted, text="Nytt mål"))
    with pytest.raises(ValidationError):
        services_plan.delete_goal(adopted.goals.first())
    fresh = BusinessPlan.objects.get(pk=adopted.pk)
    assert (fresh.paragraph, fresh.content_hash, fresh.texts["vision"]) == (paragraph, adopted.content_hash,
                                                                             "Fler i arbete genom samverkan.")
    assert fresh.goals.count() == 1


def test_adoption_needs_a_board_paragraph_of_the_association(world):
    lake, business, paragraph = world
    committee = association_services.save_body(Body(association=lake.association, name="Arbetsutskottet", slug="au",
                                                    kind=Body.Kind.COMMITTEE, first_number=1))
    from samordna.board import services as board_services
    from samordna.board.models import Meeting
    meeting = board_services.save_meeting(Meeting(body=committee, date=date(2023, 11, 1), start=paragraph.meeting.start,
                                                  place="Kansliet"))
    au_paragraph = write_paragraph(meeting, "Verksamhetsplan")
    for bad, message in ((None, "Välj paragrafen"), (au_paragraph, "antas av styrelsen")):
        with pytest.raises(ValidationError) as error:
            services_plan.adopt(business, bad)
        assert message in " ".join(error.value.messages)
    other = association_services.create_association(slug="annat", name="Annat förbund")
    other_body = association_services.save_body(Body(association=other, name="Styrelsen", slug="s", kind=Body.Kind.BOARD,
                                                     first_number=1))
    foreign = write_paragraph(board_services.save_meeting(Meeting(body=other_body, date=date(2023, 11, 2),
                                                                  start=paragraph.meeting.start, place="X")),
                              "Plan")
    with pytest.raises(ValidationError) as error:
        services_plan.adopt(business, foreign)
    assert "hör inte till förbundets protokoll" in " ".join(error.value.messages)
    assert not BusinessPlan.objects.get(pk=business.pk).adopted


def test_pages_edit_preview_adopt_and_download(staff, world):
    lake, business, paragraph = world
    edit = reverse("economy_business_plan", kwargs={"slug": SLUG, "year": 2024})
    response = staff.post(edit, {"save": "texts", "texts-vision": "Arbete åt fler.", "texts-introduction": "Inledning."})
    assert response.status_code == 302
    assert BusinessPlan.objects.get(pk=business.pk).texts == {"vision": "Arbete åt fler.", "introduction": "Inledning."}
    response = staff.post(edit, {"save": "goal", "goal-level": "goal", "goal-text": "", "goal-position": "1"})
    assert response.status_code == 200 and PlanGoal.objects.count() == 1
    preview = staff.get(reverse("economy_business_plan_preview", kwargs={"slug": SLUG, "year": 2024})).content.decode()
    assert "Arbete åt fler." in preview and "Utkast" in preview
    adopt = reverse("economy_business_plan_adopt", kwargs={"slug": SLUG, "year": 2024})
    assert paragraph.title in staff.get(adopt).content.decode()
    response = staff.post(adopt, {})
    assert response.status_code == 200 and "Välj paragrafen" in response.content.decode()
    assert staff.post(adopt, {"paragraph": paragraph.pk}).status_code == 302
    fresh = BusinessPlan.objects.get(pk=business.pk)
    assert fresh.adopted
    # once adopted: editing says so and changes nothing, adopting again says so
    response = staff.post(edit, {"save": "texts", "texts-vision": "Något annat."})
    assert response.status_code == 200 and "är antagen" in response.content.decode()
    assert BusinessPlan.objects.get(pk=business.pk).texts["vision"] == "Arbete åt fler."
    response = staff.post(adopt, {"paragraph": paragraph.pk})
    assert response.status_code == 200 and "redan antagen" in response.content.decode()
    pdf = staff.get(reverse("economy_business_plan_document", kwargs={"slug": SLUG, "year": 2024, "fmt": "pdf"}))
    text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages))
    assert "Verksamhetsplan 2024" in text and "Arbete åt fler." in text
    assert fresh.content_hash in text.replace(" ", "")
    docx = staff.get(reverse("economy_business_plan_document", kwargs={"slug": SLUG, "year": 2024, "fmt": "docx"}))
    doc = Document(io.BytesIO(docx.content))
    assert fresh.content_hash in doc.sections[0].footer.paragraphs[0].text
    assert any(p.text == "Arbete åt fler." for p in doc.paragraphs)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    assert any(["Summering", "52", "1\u00a0210"] in t for t in tables)


def test_board_member_reads_but_cannot_edit_or_adopt(client, world):
    from django.contrib.auth.models import User

    from samordna.accounts.models import AssociationRole
    lake, business, paragraph = world
    user = User.objects.create_user("ledamot", password="x-hemligt-1")
    AssociationRole.objects.create(user=user, association=lake.association, role="board_member")
    client.force_login(user)
    assert client.get(reverse("economy_business_plans", kwargs={"slug": SLUG})).status_code == 200
    adopt = reverse("economy_business_plan_adopt", kwargs={"slug": SLUG, "year": 2024})
    assert client.post(adopt, {"paragraph": paragraph.pk}).status_code == 403
    assert not BusinessPlan.objects.get(pk=business.pk).adopted
