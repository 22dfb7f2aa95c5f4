"""Public API: a protocol in the interchange format ("samordna.protocol/1") as HTML, PDF or DOCX.

    protocol_context(protocol, extras=None) -> dict      what the documents print (context.py)
    render_html(protocol, extras=None) -> str            standalone HTML with the print CSS inlined
    render_pdf(protocol, extras=None, archival=False)    tagged PDF; archival=True gives PDF/A-3b
    render_docx(protocol, extras=None) -> bytes          Word document with the same content

`extras` (all keys optional): content_hash (SHA-256 hex, printed in every page footer), notice
({posted, appeal_last_day, remove_after, kept_at} for the anslagsbevis), extract_of (paragraph
numbers: a certified extract, "Protokollsutdrag" with "Utdragsbestyrkande"), draft (watermark
"UTKAST – ej justerat"), recording_url, attachments ({paragraph number: [titles]}).

The PDF comes from the same Django template as the HTML; no database is touched.
"""
from __future__ import annotations

from functools import cache

from django.template.loader import render_to_string

from .context import protocol_context

__all__ = ["protocol_context", "render_html", "render_pdf", "render_docx"]

TEMPLATE = "documents/protocol.html"


@cache
def _inline_css() -> str:
    from .pdf import STYLESHEET

    return STYLESHEET.read_text(encoding="utf-8")


def _html(protocol: dict, extras: dict | None, inline_css: str = "") -> str:
    context = protocol_context(protocol, extras=extras)
    context["inline_css"] = inline_css
    return render_to_string(TEMPLATE, context)


def render_html(protocol: dict, *, extras: dict | None = None) -> str:
    """The protocol as one standalone HTML page (print stylesheet inlined, no external resources)."""
    return _html(protocol, extras, _inline_css())


def render_pdf(protocol: dict, *, extras: dict | None = None, archival: bool = False) -> bytes:
    """Tagged PDF of the protocol; `archival=True` gives PDF/A-3b with the JSON attached."""
    from .pdf import footer_css, html_to_pdf

    context = protocol_context(protocol, extras=extras)
    # The stylesheet is not inlined here: the PDF writer adds its parsed, cached copy.
    html = render_to_string(TEMPLATE, context)
    return html_to_pdf(html, protocol=protocol, footer=footer_css(context), archival=archival)


def render_docx(protocol: dict, *, extras: dict | None = None) -> bytes:
    from .word import context_to_docx

    return context_to_docx(protocol_context(protocol, extras=extras))
