"""Fuzzing: whatever comes in, the parser returns an extraction (schema-valid) with warnings, or the
import stops with a ReadError — never another exception, and within bounded time."""
import random
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol_builders import FIXTURES, write_dalarna_docx, write_halland_pdf
from samordna.protocols.extract import extract, extract_lines
from samordna.protocols.interchange import validate
from samordna.protocols.parser import parse
from samordna.protocols.readers import ReadError, lines_from_text

FIXTURE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
FRAGMENTS = [
    "§ 1 Öppnande", "§§ 2-4", "## §3.", "**§ 12** Val", "§", "§ 99999999999", "12 §", "a. Underpunkt", "b) Mer",
    "Beslutande", "Ledamöter", "Ersättare", "Övriga deltagare: förbundschef Ada Ek, Bo Ås.", "Meddelat förhinder:",
    "Anna Berg (S), Exempelby kommun, ordförande", "Bo Ek\tFörsäkringskassan\t§ 4", "Cia (M)*, är med mellan kl 10:15 – 99:99",
    "Datum: 2024-02-30", "Tid: kl 25.00-26.00", "Plats och tid", "Tisdagen den 31 februari", "Sammanträdesdatum",
    "Justerare:", "Sekreterare", "Ordförande", "Justeras", "Anslaget under tiden\t2024-01-01 – 2023-01-01",
    "Beslut:", "Styrelsen beslutar att", "att godkänna", "Att", "beslutar styrelsen:", "Bordläggs.",
    "omedelbart justerad", "Ledamot\tJa\tNej\tAvstår", "Per Ek (M)\tX", "\t\tX", "Resultat\t1\t2\t3",
    "30 ledamöter röstar Ja, 15 röstar Nej, 2 avstår", "Mot beslutet reserverar sig", "§§ Ärenden Beslut",
    "50\tTitel Text här.\tBeslut", "51\t\t", "---", "| a | b |", "**", "*", "\\", "()", "(S)", "Dnr", "Dnr 1/2",
    "Voteringslista: § 1", "Protokoll 6", "2023", "", "   ", "\u200b", "\ufeff§ 2 Två",
]


def check(text: str) -> None:
    try:
        protocol, warnings = extract_lines(lines_from_text(text))
    except ReadError as error:
        assert str(error)
        return
    assert validate(protocol.to_dict()) == []
    assert all(isinstance(w, str) for w in warnings)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_random_text(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=80))
def test_protocol_like_fragments_in_any_order(fragments):
    check("\n".join(fragments))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FIXTURE_TEXTS), st.floats(0, 1), st.floats(0, 1), st.randoms(use_true_random=False))
def test_truncated_and_mangled_fixtures(text, start, end, rnd):
    a, b = sorted((int(start * len(text)), int(end * len(text))))
    check(text[a:b] or text[:a])
    lines = text.splitlines()
    rnd.shuffle(lines)
    check("\n".join(line for line in lines if rnd.random() > 0.3))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIXTURE_TEXTS), st.lists(st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16-le"]),
                                                 min_size=1, max_size=6), st.booleans())
def test_mixed_encodings_from_a_file(text, encodings, bom):
    data = bytearray(b"\xef\xbb\xbf" if bom else b"")
    for k, line in enumerate(text.splitlines()):
        data += line.encode(encodings[k % len(encodings)], errors="replace") + b"\n"
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "protokoll.txt"
        path.write_bytes(bytes(data))
        try:
            protocol, _ = extract(path)
        except ReadError:
            return
        assert validate(protocol.to_dict()) == []


def test_clean_cp1252_file_reads_like_utf8(tmp_path):
    text = FIXTURE_TEXTS[0]
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252", errors="replace"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert extract(tmp_path / "a.txt")[0].to_dict() == extract(tmp_path / "b.txt")[0].to_dict()


def test_huge_lines_take_bounded_time():
    rnd = random.Random(4)
    huge = " ".join(rnd.choice(FRAGMENTS) for _ in range(60000))  # one line of about a megabyte
    started = time.monotonic()
    for text in (huge, FIXTURE_TEXTS[0] + "\n" + huge + "\n" + FIXTURE_TEXTS[0], "§ 1 " + "a" * 2_000_000,
                 "\t".join(["X"] * 100000), "(" * 100000 + "Anna Ek" + ")" * 100000):
        check(text)
    assert time.monotonic() - started < 20


def test_many_lines_take_bounded_time():
    text = "\n".join(FIXTURE_TEXTS) * 40  # about 1.5 MB of protocol text
    started = time.monotonic()
    parse(lines_from_text(text))
    assert time.monotonic() - started < 20


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000), st.sampled_from([".docx", ".pdf", ".txt", ".md"]))
def test_random_bytes_in_any_format(data, suffix):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"fil{suffix}"
        path.write_bytes(data)
        try:
            extract(path)
        except ReadError:
            pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["docx", "pdf"]), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=20))
def test_corrupted_docx_and_pdf(kind, flips):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"p.{kind}"
        (write_dalarna_docx if kind == "docx" else write_halland_pdf)(path)
        data = bytearray(path.read_bytes())
        for where, value in flips:
            data[int(where * (len(data) - 1))] = value
        path.write_bytes(bytes(data))
        try:
            protocol, _ = extract(path)
        except ReadError:
            return
        assert validate(protocol.to_dict()) == []
