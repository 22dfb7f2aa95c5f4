"""The plan and its follow-up as a landscape A4 PDF, like the table boards are used to ("Vad kan gå fel? /
Åtgärdsplan / Bedömning"), laid out by WeasyPrint with the fonts and the network-free fetcher of
samordna.documents.pdf (the protocol stylesheet is not used: this is a different document)."""
from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from samordna.documents.pdf import report_pdf

STYLESHEET = Path(__file__).resolve().parent / "templates" / "control" / "report.css"


def render_report_html(context: dict) -> str:
    return render_to_string("control/report.html", context)


def render_report_pdf(context: dict) -> bytes:
    return report_pdf(render_report_html(context), STYLESHEET)
