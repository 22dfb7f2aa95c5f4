"""The plan and its follow-up as a landscape A4 PDF, like the table boards are used to ("Vad kan gå fel? /
Åtgärdsplan / Bedömning"), laid out by WeasyPrint with the fonts and the network-free fetcher of
samordna.documents.pdf (the protocol stylesheet is not used: this is a different document)."""
from __future__ import annotations

import threading
from pathlib import Path

from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from samordna.documents.pdf import FAMILY, FONTS, HERE, LocalOnlyFetcher

STYLESHEET = Path(__file__).resolve().parent / "templates" / "control" / "report.css"


class _Kit(threading.local):
    def get(self):
        if not hasattr(self, "stylesheets"):
            self.fetcher = LocalOnlyFetcher()
            self.font_config = FontConfiguration()
            faces = "\n".join(
                f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; src: url("{(FONTS / name).as_uri()}"); }}'
                for weight, name in (("normal", "LiberationSans-Regular.ttf"), ("bold", "LiberationSans-Bold.ttf")))
            self.stylesheets = [
                CSS(string=faces, base_url=str(HERE), url_fetcher=self.fetcher, font_config=self.font_config),
                CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=self.fetcher, font_config=self.font_config),
            ]
        return self


_kit = _Kit()


def render_report_html(context: dict) -> str:
    return render_to_string("control/report.html", context)


def render_report_pdf(context: dict) -> bytes:
    kit = _kit.get()
    document = HTML(string=render_report_html(context), base_url=str(HERE), url_fetcher=kit.fetcher)
    return document.write_pdf(stylesheets=kit.stylesheets, font_config=kit.font_config, pdf_tags=True)
