"""Accuracy on labelled protocols: our own fixtures (.txt, plus a .docx and a .pdf built here) always,
and the five seeds in ../shared/seeds when they are there (read at run time, never copied)."""
import json
import shutil
import sys
from pathlib import Path

import pytest

from protocol_builders import FIXTURES, write_dalarna_docx, write_halland_pdf, write_samrad_pdf
from samordna.protocols.extract import extract
from samordna.protocols.interchange import Protocol, validate

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import import_accuracy  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def fixture_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("fixtures")
    shutil.copytree(FIXTURES / "expected", directory / "expected")
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, directory)
    write_dalarna_docx(directory / "styrelse_dalarna.docx")
    write_halland_pdf(directory / "styrelse_halland.pdf")
    write_samrad_pdf(directory / "samrad_alvdalen.pdf")
    return directory


def test_every_label_is_valid_against_the_schema():
    for path in sorted((FIXTURES / "expected").glob("*.json")):
        assert validate(json.loads(path.read_text(encoding="utf-8"))) == [], path.name


def test_own_fixtures_in_three_formats(fixture_dir):
    result = import_accuracy.run(fixture_dir, min_seconds=0.1)
    assert result["files"] == 11 and not result["errors"]
    assert {Path(name).suffix for name in result["per_file_f1"]} == {".txt", ".docx", ".pdf"}
    assert result["overall"]["micro_f1"] >= 0.95, result["per_file_f1"]
    for field in ("attendees", "paragraphs", "titles", "decisions", "officers", "dates"):
        assert result["fields"][field]["f1"] >= 0.95, (field, result["fields"][field])


def test_extractions_are_schema_valid_and_round_trip(fixture_dir):
    for path in sorted(fixture_dir.iterdir()):
        if path.is_file():
            protocol, _ = extract(path)
            data = protocol.to_dict()
            assert validate(data) == [], path.name
            assert Protocol.from_dict(data).to_dict() == data


@pytest.mark.skipif(not (SEEDS / "expected").is_dir(), reason="../shared/seeds is not there")
def test_seed_targets_of_issue_4():
    result = import_accuracy.run(SEEDS, min_seconds=0.5)
    assert result["files"] == 5 and not result["errors"]
    assert result["overall"]["micro_f1"] >= 0.95
    assert result["fields"]["attendees"]["f1"] >= 0.97 and result["fields"]["paragraphs"]["f1"] >= 0.97
    assert result["files_per_second"] >= 20


def test_bench_prints_json_and_refuses_a_missing_directory(fixture_dir, capsys):
    assert import_accuracy.main([str(fixture_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == 11
    assert import_accuracy.main(["/nonexistent"]) == 2


def test_scoring_normalises_case_space_and_trailing_punctuation():
    expected = {"organisation": "Samordningsförbundet X", "body": "Styrelsen", "meeting": {"date": "2024-01-01"},
                "attendees": [{"name": "Anna  Ek", "role": "member"}],
                "paragraphs": [{"number": 1, "title": "Öppnande", "decisions": ["godkänna planen."]}]}
    predicted = json.loads(json.dumps(expected).replace("Anna  Ek", "anna ek").replace("planen.", "planen"))
    scores = import_accuracy.score(predicted, expected)
    assert all(fp == fn == 0 for _, fp, fn in scores.values())
    predicted["paragraphs"][0]["decisions"] = []
    assert import_accuracy.score(predicted, expected)["decisions"] == (0, 0, 1)
