"""`samordna import-protocol FILE --json`: JSON on stdout, warnings on stderr, exit 2 with a Swedish reason."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from protocol_builders import FIXTURES, scanned_pdf_bytes, write_dalarna_docx, write_zip_bomb_docx
from samordna.protocols.interchange import validate

SAMORDNA = Path(sys.executable).parent / "samordna"


def call(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_protocol", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_json_on_stdout_and_warnings_on_stderr(capsys):
    code, out, _ = call(str(FIXTURES / "au_ostergotland.txt"), "--json")
    data = json.loads(out)
    assert code == 0 and validate(data) == [] and data["organisation"] == "Samordningsförbundet Centrala Östergötland"
    assert "varning: Paragrafnumreringen hoppar från § 5 till § 7" in capsys.readouterr().err


def test_docx(tmp_path):
    code, out, _ = call(str(write_dalarna_docx(tmp_path / "protokoll.docx")), "--json")
    assert code == 0 and json.loads(out)["meeting"]["date"] == "2024-05-16"


@pytest.mark.parametrize("name, content, reason", [
    ("tom.txt", b"", "är tom"),
    ("lista.txt", "Inköpslista: mjölk, bröd".encode(), "ser inte ut som ett protokoll"),
    ("anteckning.txt", "Anteckningar från sammanträdet om budgeten.".encode(), "ser inte ut som ett protokoll"),
    ("skannad.pdf", scanned_pdf_bytes(), "saknar textlager"),
    ("gammal.doc", b"\xd0\xcf\x11\xe0", ".doc stöds inte"),
    ("utan_datum.txt", "§ 1 Öppnande\n§ 2 Avslutning\n".encode(), "saknar sammanträdesdatum"),
])
def test_files_that_are_not_protocols_exit_2_with_a_reason(tmp_path, capsys, name, content, reason):
    (tmp_path / name).write_bytes(content)
    code, out, _ = call(str(tmp_path / name), "--json")
    err = capsys.readouterr().err
    assert code == 2 and out == "" and reason in err and "Traceback" not in err


def test_zip_bomb_and_size_limit(tmp_path, capsys):
    assert call(str(write_zip_bomb_docx(tmp_path / "bomb.docx")), "--json")[0] == 2
    assert "zip-bomb" in capsys.readouterr().err
    assert call(str(FIXTURES / "bergsjo.txt"), "--json", "--max-mb", "0.001")[0] == 2
    assert "gränsen är 1 kB" in capsys.readouterr().err


def test_an_unknown_association_is_refused(capsys, db):
    assert call(str(FIXTURES / "bergsjo.txt"), "--association", "exempel")[0] == 2
    assert "Förbundet 'exempel' finns inte" in capsys.readouterr().err


def test_saving_into_an_association_and_again_changes_nothing(capsys, lake):
    from samordna.board.models import Meeting

    code, out, _ = call(str(FIXTURES / "sydnarke.txt"), "--association", lake.association.slug)
    result = json.loads(out)
    assert code == 0 and result["status"] == "imported" and result["date"] == "2024-06-05"
    meeting = Meeting.objects.get(pk=result["meeting"])
    assert meeting.frozen and meeting.paragraphs.count() == result["paragraphs"] == 4
    code, out, _ = call(str(FIXTURES / "sydnarke.txt"), "--association", lake.association.slug)
    assert code == 0 and json.loads(out)["status"] == "duplicate" and Meeting.objects.count() == 1
    assert call(str(FIXTURES / "bergsjo.txt"), "--association", lake.association.slug, "--body", "au")[0] == 2
    assert "Organet 'au' finns inte" in capsys.readouterr().err


def test_usage_errors_in_swedish(capsys):
    assert call("--json")[0] == 2
    assert "Ange protokollfilen" in capsys.readouterr().err
    assert call(str(FIXTURES / "bergsjo.txt"), "--json", "--okänd")[0] == 2
    assert "okända argument" in capsys.readouterr().err


@pytest.mark.skipif(not SAMORDNA.exists(), reason="console script not installed")
def test_console_script_maps_the_hyphenated_name(tmp_path):
    ok = subprocess.run([str(SAMORDNA), "import-protocol", str(FIXTURES / "kronoberg.txt"), "--json"],
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and json.loads(ok.stdout)["organisation"] == "Finsam Kronoberg"
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4 broken")
    bad = subprocess.run([str(SAMORDNA), "import-protocol", str(tmp_path / "x.pdf"), "--json"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stdout == "" and "Traceback" not in bad.stderr and "PDF" in bad.stderr
