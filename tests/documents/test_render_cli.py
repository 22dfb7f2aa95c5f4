"""`samordna render-protocol`: writes PDF or DOCX from an interchange file without a database;
bad input gives one Swedish line on stderr and exit status 2 (no traceback, no "CommandError:").

pytest-django refuses database access in tests without the django_db mark, so these tests also
show that the command never touches it.
"""
import io
import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from render_data import PROTOCOL, squash
from samordna.protocols.export import content_hash

SAMORDNA = Path(sys.executable).with_name("samordna")


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "protokoll.json"
    path.write_text(json.dumps(PROTOCOL, ensure_ascii=False), encoding="utf-8")
    return path


def run(*args) -> dict:
    out = StringIO()
    call_command("render_protocol", *map(str, args), stdout=out)
    return json.loads(out.getvalue())


def fails(capsys, *args) -> str:
    with pytest.raises(SystemExit) as exit_info:
        call_command("render_protocol", *map(str, args), stdout=StringIO())
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("samordna render-protocol: ")
    assert "CommandError" not in err and "Traceback" not in err
    return err


def test_pdf_with_content_hash(source, tmp_path):
    out = tmp_path / "protokoll.pdf"
    report = run(source, "--format", "pdf", "--out", out, "--hash")
    content = out.read_bytes()
    assert report["format"] == "pdf" and report["bytes"] == len(content) and content[:5] == b"%PDF-"
    text = squash(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))
    assert "§ 17 Medlemsavgift för nästa år" in text
    assert f"SHA-256: {content_hash(PROTOCOL)}" in text


def test_archival_pdf(source, tmp_path):
    out = tmp_path / "arkiv.pdf"
    assert run(source, "--format", "pdf", "--out", out, "--archival")["archival"] is True
    xmp = PdfReader(out).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp


def test_docx_format_from_the_file_name_and_an_extract(source, tmp_path):
    out = tmp_path / "utdrag.docx"
    assert run(source, "--out", out, "--extract", "16,17")["format"] == "docx"
    import docx

    document = docx.Document(out)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "§ 16 Firmatecknare" in headings and "§ 17 Medlemsavgift för nästa år" in headings
    assert "§ 13 Verksamhetsplan med budget 2025" not in headings


@pytest.mark.parametrize("args, message", [
    (["{missing}", "--format", "pdf", "--out", "{out}"], "finns inte"),
    (["{source}", "--format", "odt", "--out", "{out}"], "Okänt format: 'odt'. Välj pdf eller docx."),
    (["{source}", "--out", "{tmp}/protokoll.txt"], "Ange formatet med --format pdf eller --format docx."),
    (["{source}", "--format", "pdf"], "Ange filen som ska skrivas med --out FIL."),
    ([], "Ange protokollfilen"),
    (["{source}", "--format", "docx", "--out", "{out}", "--archival"], "--archival gäller bara PDF"),
    (["{source}", "--format", "pdf", "--out", "{tmp}/saknas/x.pdf"], "katalogen finns inte"),
    (["{source}", "--format", "pdf", "--out", "{out}", "--extract", "99"], "Protokollet har ingen § 99."),
    (["{source}", "--format", "pdf", "--out", "{out}", "--extract", "tolv"], "Ogiltiga paragrafnummer"),
    (["{source}", "--format", "pdf", "--out", "{out}", "--okänd"], "okända argument"),
])
def test_bad_arguments(capsys, source, tmp_path, args, message):
    values = {"source": source, "missing": tmp_path / "saknas.json", "out": tmp_path / "x.pdf", "tmp": tmp_path}
    assert message in fails(capsys, *[a.format(**values) for a in args])
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("content, message", [
    ("{inte json", "är inte giltig JSON (rad 1, kolumn 2)"),
    (json.dumps({"schema": "samordna.protocol/1"}), "följer inte protokollformatet: protokollet: obligatoriskt fält saknas"),
    (json.dumps({**PROTOCOL, "meeting": {"date": "2024-13-40"}}), "meeting.date: '2024-13-40' är inget giltigt datum"),
    (json.dumps({**PROTOCOL, "paragraphs": [{"number": "tolv", "title": "x"}]}), "paragraphs[0].number: ska vara heltal"),
])
def test_invalid_protocol_files(capsys, tmp_path, content, message):
    path = tmp_path / "fel.json"
    path.write_text(content, encoding="utf-8")
    assert message in fails(capsys, path, "--format", "pdf", "--out", tmp_path / "x.pdf")


def test_console_script_success_and_failure(source, tmp_path):
    out = tmp_path / "protokoll.docx"
    done = subprocess.run([str(SAMORDNA), "render-protocol", str(source), "--format", "docx", "--out", str(out)],
                          capture_output=True, encoding="utf-8", cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["out"] == str(out) and out.read_bytes()[:2] == b"PK"
    done = subprocess.run([str(SAMORDNA), "render-protocol", "saknas.json", "--format", "pdf", "--out", "x.pdf"],
                          capture_output=True, encoding="utf-8", cwd=tmp_path, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == "samordna render-protocol: Filen saknas.json finns inte."
    assert done.stdout == "" and not (tmp_path / "x.pdf").exists()
