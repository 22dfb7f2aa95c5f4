"""The case register's writes: numbers, documents, paragraphs, agenda; bad input saves nothing."""
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from registry_files import docx, pdf

from samordna.associations import services as association_services
from samordna.board import services as board_services
from samordna.board.models import Body, Meeting, Person
from samordna.registry import selectors, services
from samordna.registry.models import Case, Document

pytestmark = pytest.mark.django_db


def new_case(lake, number, title="Ärende", **extra):
    return services.save_case(Case(association=lake.association, number=number, title=title, received_on=date(2023, 3, 1), **extra))


def test_numbers_follow_the_default_format_per_year(lake):
    assert services.suggest_number(lake.association, 2023) == "01/23"
    new_case(lake, "15/23")
    new_case(lake, "2019KS742", "Utträde ur förbundet")
    assert services.suggest_number(lake.association, 2023) == "16/23"
    assert services.suggest_number(lake.association, 2024) == "01/24"
    imported = Case.objects.get(number="2019KS742")
    assert imported.imported and not Case.objects.get(number="15/23").imported


def test_configurable_format(lake):
    services.save_settings(lake.association, case_number_format="{yyyy}-{nr:3}")
    new_case(lake, "2023-015")
    assert services.suggest_number(lake.association, 2023) == "2023-016"


def test_bad_format_is_refused_and_the_old_one_kept(lake):
    with pytest.raises(ValidationError) as refused:
        services.save_settings(lake.association, case_number_format="{år}")
    assert "case_number_format" in refused.value.message_dict
    assert services.settings_for(lake.association).case_number_format == "{nr:2}/{yy}"


def test_duplicate_number_is_refused_with_a_swedish_message(lake):
    new_case(lake, "16/23", "Samverkan i Skaraborg")
    for number in ("16/23", "Dnr 16/23", " 16/23 "):
        with pytest.raises(ValidationError) as refused:
            new_case(lake, number, "Något annat")
        assert refused.value.message_dict["number"] == [f"Diarienumret {number.strip()} finns redan i diariet (16/23). Välj ett annat nummer."]
    assert Case.objects.filter(association=lake.association).count() == 1


def test_the_same_number_in_another_association_is_fine(lake):
    other = association_services.create_association(slug="annat", name="Annat förbund")
    new_case(lake, "16/23")
    services.save_case(Case(association=other, number="16/23", title="Eget ärende", received_on=date(2023, 3, 1)))
    assert Case.objects.filter(number="16/23").count() == 2


def test_handling_officer_of_another_association_is_refused(lake):
    other = association_services.create_association(slug="annat", name="Annat förbund")
    stranger = Person.objects.create(association=other, name="Främling")
    with pytest.raises(ValidationError) as refused:
        new_case(lake, "16/23", handling_officer=stranger)
    assert "handling_officer" in refused.value.message_dict
    assert not Case.objects.exists()


def test_missing_title_is_refused(lake):
    with pytest.raises(ValidationError) as refused:
        new_case(lake, "16/23", title="")
    assert "title" in refused.value.message_dict
    assert not Case.objects.exists()


def test_documents_keep_their_text(lake):
    case = new_case(lake, "06/22", "Årsredovisning 2022")
    statement = services.add_document(case, filename="tjänsteutlåtande.pdf", data=pdf("Styrelsen föreslås godkänna årsredovisningen"), kind="statement")
    appendix = services.add_document(case, filename="bilaga 1.docx", data=docx("Revisorernas granskningsrapport"), kind="attachment",
                                     title="Granskningsrapport", confidential=True)
    assert statement.title == "tjänsteutlåtande" and "godkänna årsredovisningen" in statement.text
    assert appendix.title == "Granskningsrapport" and appendix.confidential and "granskningsrapport" in appendix.text
    assert bytes(Document.objects.get(pk=statement.pk).content).startswith(b"%PDF")
    assert len(statement.sha256) == 64 and statement.size > 100


@pytest.mark.parametrize(
    "filename, data, kind, field, message",
    [
        ("stor.txt", b"x" * 2000, "attachment", "file", "Största tillåtna storlek"),
        ("skript.js", b"alert(1)", "attachment", "file", "Filtypen .js tas inte emot"),
        ("bilaga.txt", b"text", "okänd", "kind", "Välj typ av handling."),
    ],
)
def test_refused_documents_save_nothing(lake, filename, data, kind, field, message):
    case = new_case(lake, "16/23")
    with pytest.raises(ValidationError) as refused:
        services.add_document(case, filename=filename, data=data, kind=kind, max_size=1000)
    assert any(message in m for m in refused.value.message_dict[field])
    assert not Document.objects.exists()


def test_case_page_lists_the_paragraphs_that_handled_it(lake):
    case = new_case(lake, "41/23", "Tillsvidareanställning av utbildningsledare")
    meeting = lake.meeting()
    lake.afternoon_of_2021_11_25(meeting)
    board_services.save_paragraph(meeting, title="Utbildningsledare", kind="decision", case_number="Dnr 41/23", text="",
                                  start=time(14, 30), tabled=False, decisions_text="delegera ärendet till arbetsutskottet")
    board_services.save_paragraph(meeting, title="Annat", kind="information", case_number="141/23", text="", start=None, tabled=False)
    other = association_services.create_association(slug="annat", name="Annat förbund")
    body = association_services.save_body(Body(association=other, name="Styrelsen", slug="styrelsen"))
    elsewhere = board_services.save_meeting(Meeting(body=body, date=date(2023, 5, 5), start=time(9), place="Där"))
    board_services.save_paragraph(elsewhere, title="Deras ärende", kind="information", case_number="41/23", text="", start=None, tabled=False)
    found = selectors.paragraphs(case)
    assert [p.title for p in found] == ["Utbildningsledare"]
    assert [d.text for d in found[0].decisions.all()] == ["delegera ärendet till arbetsutskottet"]


def test_put_on_agenda_marks_the_case(lake):
    case = new_case(lake, "38/23", "Handlingsplan digitalisering")
    meeting = lake.meeting(date(2023, 4, 28))
    item = services.put_on_agenda(case, meeting, proposal="att anta handlingsplanen")
    assert (item.title, item.case_number, item.kind) == ("Handlingsplan digitalisering", "38/23", "decision")
    case.refresh_from_db()
    assert case.status == Case.Status.ON_AGENDA
    assert selectors.agenda_items(case) == [item]
    with pytest.raises(ValidationError, match="står redan på föredragningslistan"):
        services.put_on_agenda(case, meeting)
    assert meeting.agenda_items.count() == 1


def test_adjusted_meeting_cannot_get_new_cases(lake):
    case = new_case(lake, "38/23")
    meeting = lake.meeting(date(2023, 4, 28))
    meeting.protocol_status = "adjusted"
    meeting.save()
    with pytest.raises(ValidationError, match="justerat"):
        services.put_on_agenda(case, meeting)
    assert not meeting.agenda_items.exists()
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN
