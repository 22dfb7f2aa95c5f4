"""Benchmark (issue 3): render a 20-paragraph protocol to PDF and DOCX, and compare with LibreOffice.

    .venv/bin/python bench/render.py [--runs 10] [--lo-runs 5] [--protocol FILE.json]

Prints ONE JSON object: the median and p95 of `render_pdf` and `render_docx` over --runs renders
(after one warm-up render that fills the per-process caches, reported as "first_s"), and – when
LibreOffice (`soffice`) is installed – the median time of `soffice --headless --convert-to pdf` on
the same DOCX, and how many times faster our PDF is. Targets: PDF median <= 0.4 s, DOCX median
<= 0.1 s, PDF at least 3x faster than LibreOffice.

The protocol is the Göteborg seed's expected interchange document (read at run time from
../shared/seeds, which has 20 paragraphs), padded with paragraphs written here if it has fewer; without
the seeds, a protocol built here from scratch.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "expected" / "001_bafa4bed793d0a7f.json"
PARAGRAPHS = 20

TOPICS = [
    ("Uppföljning av insatsen Steget vidare", "följa upp insatsen igen i december."),
    ("Budget för nästa år", "fastställa budgeten enligt kansliets förslag."),
    ("Rapport från beredningsgruppen", "lägga rapporten till handlingarna."),
    ("Ansökan om förlängd projekttid", "bevilja förlängningen till och med juni."),
    ("Översyn av delegationsordningen", "anta den reviderade delegationsordningen."),
]
FILLER = ("Kansliet redogör för läget och svarar på frågor från ledamöterna. Diskussionen rör framför allt hur "
          "deltagarnas väg till arbete eller studier kan kortas och hur parterna kan dela på uppföljningen. "
          "Ledamöterna vill se en sammanställning per kommun inför nästa sammanträde.")


def synthetic(count: int, first: int = 1) -> list[dict]:
    out = []
    for i in range(count):
        title, clause = TOPICS[i % len(TOPICS)]
        out.append({"number": first + i, "title": title, "case_number": f"{10 + i}/24",
                    "text": f"{FILLER}\n\n{FILLER}", "decisions": [clause]})
    return out


def protocol() -> tuple[dict, str]:
    if SEED.exists():
        data = json.loads(SEED.read_text(encoding="utf-8"))
        source = "seeds/expected/001 (Göteborg)"
    else:
        data = {
            "schema": "samordna.protocol/1", "organisation": "Samordningsförbundet Exempelbygd", "body": "Styrelsen",
            "meeting": {"date": "2024-05-14", "start": "09:00", "end": "12:00", "breaks": [{"from": "10:15", "to": "10:30"}],
                        "place": "Kommunhuset, sal Ekbacken", "remote_participation": True, "protocol_label": None},
            "officers": {"chair": "Ada Lind", "vice_chair": None, "secretary": "Bo Ek", "adjusters": ["Cia Holm"]},
            "adjustment": {"date": "2024-05-20", "place": "Kansliet"},
            "notice": {"posted": "2024-05-21", "removed": "2024-06-12", "kept_at": "Kansliet"},
            "attendees": [{"name": n, "role": r, "organisation": o} for n, r, o in (
                ("Ada Lind", "member", "Exempelbygds kommun"), ("Cia Holm", "member", "Försäkringskassan"),
                ("Dan Berg", "member", "Arbetsförmedlingen"), ("Eva Strand", "member", "Regionen"),
                ("Fia Sjö", "substitute", "Regionen"), ("Bo Ek", "official", "Kansliet"))],
            "absent": [], "paragraphs": [],
        }
        source = "built in bench/render.py"
    paragraphs = data["paragraphs"]
    if len(paragraphs) < PARAGRAPHS:
        first = max((p["number"] for p in paragraphs), default=0) + 1
        paragraphs.extend(synthetic(PARAGRAPHS - len(paragraphs), first))
        numbers = [p["number"] for p in paragraphs]
        data["paragraph_range"] = [min(numbers), max(numbers)]
    data["paragraphs"] = paragraphs[:PARAGRAPHS]
    return data, source


def timed(fn, runs: int) -> tuple[float, list[float], object]:
    t = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return first, times, result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))]


def summary(first: float, times: list[float]) -> dict:
    return {"first_s": round(first, 4), "median_s": round(statistics.median(times), 4), "p95_s": round(p95(times), 4),
            "min_s": round(min(times), 4), "runs": len(times)}


def libreoffice(docx: bytes, runs: int) -> dict | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or runs <= 0:
        return None
    with tempfile.TemporaryDirectory(prefix="samordna-bench-") as tmp:
        tmp = Path(tmp)
        source = tmp / "protokoll.docx"
        source.write_bytes(docx)
        command = [soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(tmp / "out"), str(source)]

        def convert():
            done = subprocess.run(command, capture_output=True, timeout=300)
            if done.returncode != 0 or not (tmp / "out" / "protokoll.pdf").exists():
                raise RuntimeError(done.stderr.decode(errors="replace")[-300:])

        first, times, _ = timed(convert, runs)  # the first run also creates the LibreOffice profile
        return {**summary(first, times), "command": "soffice --headless --convert-to pdf"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--lo-runs", type=int, default=5, help="LibreOffice conversions (0: skip)")
    parser.add_argument("--protocol", help="render this interchange JSON instead")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    import weasyprint

    from samordna.documents.render import render_docx, render_pdf

    if args.protocol:
        data, source = json.loads(Path(args.protocol).read_text(encoding="utf-8")), args.protocol
    else:
        data, source = protocol()
    extras = {"content_hash": "0" * 64}
    pdf_first, pdf_times, pdf = timed(lambda: render_pdf(data, extras=extras), args.runs)
    docx_first, docx_times, docx = timed(lambda: render_docx(data, extras=extras), args.runs)
    from pypdf import PdfReader

    result = {
        "protocol": {"source": source, "paragraphs": len(data["paragraphs"]), "attendees": len(data["attendees"]),
                     "pdf_pages": len(PdfReader(io.BytesIO(pdf)).pages), "pdf_bytes": len(pdf), "docx_bytes": len(docx)},
        "pdf": summary(pdf_first, pdf_times),
        "docx": summary(docx_first, docx_times),
        "libreoffice": None,
        "weasyprint": weasyprint.__version__,
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        result["libreoffice"] = libreoffice(docx, args.lo_runs)
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        result["libreoffice"] = {"error": str(error)}
    lo = result["libreoffice"]
    if lo and "median_s" in lo:
        result["libreoffice_over_pdf"] = round(lo["median_s"] / result["pdf"]["median_s"], 2)
    result["targets"] = {
        "pdf_median_le_0.4s": result["pdf"]["median_s"] <= 0.4,
        "docx_median_le_0.1s": result["docx"]["median_s"] <= 0.1,
        "pdf_3x_faster_than_libreoffice": (result["libreoffice_over_pdf"] >= 3) if "libreoffice_over_pdf" in result else None,
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
