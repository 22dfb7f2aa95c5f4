"""Search: Swedish stems, compound words, scoping to one association, filters, snippets; any input is a query."""
import io
import json
from datetime import date, time

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import Lake

from samordna.accounts.models import AssociationRole
from samordna.associations import services as association_services
from samordna.board import services
from samordna.board.models import Body, Meeting
from samordna.search import engine


def write(meeting, title, text, decisions="", case_number=""):
    return services.save_paragraph(meeting, title=title, kind="decision", text=text, start=None, tabled=False,
                                   decisions_text=decisions, case_number=case_number)


@pytest.fixture
def minutes(lake):
    meeting = lake.meeting(day=date(2023, 5, 17))
    lake.afternoon_of_2021_11_25(meeting)
    write(meeting, "Elings ark – förlängning av avtalet", "Insatsen har haft 9 deltagare; avtalet kan förlängas ett år.",
          "förlänga avtalet med Elings ark till och med 2024-12-31", case_number="16/23")
    write(meeting, "Budget 2024", "Kansliet redovisar samordningsförbundets budget för nästa år.", "fastställa budgeten")
    write(meeting, "Intern kontroll", "Risker i upphandlingen följs upp.", "godkänna uppföljningen")
    return meeting


def titles(result):
    return [h.title for h in result.hits]


def test_stemmed_words_find_their_paragraph(lake, minutes):
    result = engine.search(lake.association.pk, "elings arks förlängning")
    assert titles(result)[0].startswith("§") and "Elings ark" in titles(result)[0]
    assert not result.any_word


def test_a_compound_word_is_found_from_its_part(lake, minutes):
    result = engine.search(lake.association.pk, "förbund budget")
    assert any("Budget 2024" in t for t in titles(result))
    hit = next(h for h in result.hits if "Budget 2024" in h.title)
    assert ("samordningsförbundets", True) in hit.snippet and ("budget", True) in hit.snippet


def test_decisions_and_case_numbers_are_searchable(lake, minutes):
    assert any("Elings" in t for t in titles(engine.search(lake.association.pk, "2024-12-31")))
    assert titles(engine.search(lake.association.pk, "16/23"))[0].startswith("§")
    assert titles(engine.search(lake.association.pk, "upphandlingen"))[0].endswith("Intern kontroll")


def test_numbers_are_searchable_but_never_widen_a_word(lake, minutes):
    from samordna.search.models import SearchTerm

    vocabulary = set(SearchTerm.objects.filter(association=lake.association).values_list("term", flat=True))
    assert "samordningsförbundet" in vocabulary or any("förbund" in t for t in vocabulary)
    assert not [t for t in vocabulary if not any(ch.isalpha() for ch in t)]
    assert engine.expand(lake.association.pk, "23") == ["23", "23"]
    assert titles(engine.search(lake.association.pk, "9 deltagare"))[0].startswith("§")


def test_a_snippet_marks_whole_words_that_hold_a_stem():
    pattern = engine._matcher({"förbund", "budget"})
    parts = engine.snippet("Kansliet redovisar samordningsförbundets budget och förbundsordningen.", pattern)
    assert [p for p, marked in parts if marked] == ["samordningsförbundets", "budget", "förbundsordningen"]


def test_all_words_first_then_any_word(lake, minutes):
    result = engine.search(lake.association.pk, "budget zebrafink")
    assert result.any_word and any("Budget 2024" in t for t in titles(result))


def test_filters_year_body_and_kind(lake, minutes):
    assert engine.search(lake.association.pk, "budget", {"year": 2022}).hits == []
    assert engine.search(lake.association.pk, "budget", {"year": 2023}).hits
    assert engine.search(lake.association.pk, "budget", {"body": "annat"}).hits == []
    kinds = {h.kind for h in engine.search(lake.association.pk, "budget", {"kind": "paragraph"}).hits}
    assert kinds == {"paragraph"}


def test_another_association_never_sees_the_hits(lake, minutes):
    other = association_services.create_association(slug="annat", name="Samordningsförbundet Annat", numbering="per_year")
    assert engine.search(other.pk, "budget").hits == []


def test_edits_and_deletions_follow_the_index(lake, minutes):
    paragraph = minutes.paragraphs.get(title="Intern kontroll")
    services.delete_paragraph(paragraph)
    assert engine.search(lake.association.pk, "upphandlingen").hits == []


def test_protocols_are_found_by_who_attended(lake, minutes):
    hits = engine.search(lake.association.pk, "Ersättare Alingsås", {"kind": "protocol"}).hits
    assert hits and hits[0].title == "Protokoll Styrelsen 2023-05-17"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_any_input_is_a_query(lake, minutes, query):
    result = engine.search(lake.association.pk, query)
    assert isinstance(result.hits, list)


@pytest.mark.parametrize("query", ['"', "'", "*", "a OR", "NEAR(", "förbund:", "scope : a1", "\\", "& | !", "😀", "a" * 300])
def test_query_syntax_of_the_engines_is_never_an_error(lake, minutes, query):
    engine.search(lake.association.pk, query)


def test_search_page_and_filters(staff, lake, minutes):
    base = f"/f/{lake.association.slug}/sok/"
    page = staff.get(base, {"q": "förbund budget", "ar": "tjugo", "slag": "okänd"}).content.decode()
    assert "Budget 2024" in page and "<mark>samordningsförbundets</mark>" in page
    assert staff.get(base, {"q": "\x00'\""}).status_code == 200


def test_search_page_is_for_the_association_only(client, lake, minutes):
    client.force_login(User.objects.create_user("annan"))
    assert client.get(f"/f/{lake.association.slug}/sok/", {"q": "budget"}).status_code == 404


def test_search_command_prints_json(lake, minutes):
    out = io.StringIO()
    call_command("search", "elings arks förlängning", "--association", lake.association.slug, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["hits"][0]["kind"] == "paragraph" and "Elings" in data["hits"][0]["title"]
    assert data["hits"][0]["url"].endswith(f"/moten/{minutes.pk}/protokoll/las/#p1121")


def test_search_command_refuses_an_unknown_association(db, capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("search", "budget", "--association", "finns-inte")
    assert exit_.value.code == 2 and "finns inte" in capsys.readouterr().err


def test_cases_and_document_text_are_found_confidential_only_for_staff(lake, staff, client):
    from samordna.registry import services as registry
    from samordna.registry.models import Case

    case = registry.save_case(Case(association=lake.association, number="16/23", title="Upphandling av expertjurist",
                                   received_on=date(2023, 3, 1)))
    registry.add_document(case, filename="utlatande.txt", data="Förslaget gäller juridiskt stöd i arbetsrätt.".encode(),
                          kind="statement", title="Tjänsteutlåtande")
    registry.add_document(case, filename="hemlig.txt", data="Sekretessbelagd bedömning av anbudsgivarna.".encode(),
                          kind="attachment", title="Anbudsbedömning", confidential=True)
    assert [h.kind for h in engine.search(lake.association.pk, "expertjurist").hits] == ["case"]
    assert engine.search(lake.association.pk, "arbetsrätt").hits[0].kind == "document"
    assert engine.search(lake.association.pk, "anbudsgivarna").hits == []
    assert engine.search(lake.association.pk, "anbudsgivarna", restricted=True).hits[0].title.startswith("Anbudsbedömning")
    assert "Anbudsbedömning" in staff.get(f"/f/{lake.association.slug}/sok/", {"q": "anbudsgivare"}).content.decode()
    member = User.objects.create_user("ledamot")
    AssociationRole.objects.create(user=member, association=lake.association, role="board_member")
    client.force_login(member)
    assert "Anbudsbedömning" not in client.get(f"/f/{lake.association.slug}/sok/", {"q": "anbudsgivare"}).content.decode()
