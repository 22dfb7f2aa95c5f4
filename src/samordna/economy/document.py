"""One neutral document (headings, text, tables of already formatted cells) rendered as HTML, PDF and DOCX.

The financing plan, the budget and the business plan are built as plain dicts of this shape, so that an adopted
business plan can be frozen as JSON and printed again, byte for byte the same content, whatever happens to the data
it came from later:

    {"organisation": str, "title": str, "subtitle": str, "footer": str,
     "blocks": [{"type": "heading", "level": 1|2|3, "text": str},
                {"type": "text", "text": str},                       # blank lines separate paragraphs
                {"type": "list", "items": [str, ...]},
                {"type": "table", "caption": str, "headers": [str, ...], "numeric": [column index, ...],
                 "rows": [{"cells": [str, ...], "kind": "" | "total" | "group"}, ...]}]}

PDF goes through samordna.documents.pdf.report_pdf (the shipped fonts, no network); DOCX starts from the styled base
document of samordna.documents.word (A4, Arial, Swedish, heading styles).
"""
from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from django.template.loader import render_to_string

from samordna.documents.pdf import report_pdf

STYLESHEET = Path(__file__).resolve().parent / "templates" / "economy" / "document.css"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def heading(text, level=2):
    return {"type": "heading", "level": level, "text": text}


def text(value):
    return {"type": "text", "text": value}


def bullets(items):
    return {"type": "list", "items": list(items)}


def table(caption, headers, rows, numeric=()):
    """`rows`: lists of cells, or (cells, kind) with kind "total" or "group"."""
    out = []
    for row in rows:
        cells, kind = (row, "") if isinstance(row, list) else row
        out.append({"cells": ["" if c is None else str(c) for c in cells], "kind": kind})
    return {"type": "table", "caption": caption, "headers": list(headers), "numeric": list(numeric), "rows": out}


def document(organisation, title, blocks, subtitle="", footer=""):
    return {"organisation": organisation, "title": title, "subtitle": subtitle, "footer": footer, "blocks": blocks}


def canonical(doc) -> bytes:
    """The bytes the content hash is taken over: sorted keys, no insignificant whitespace, UTF-8."""
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(doc) -> str:
    return hashlib.sha256(canonical(doc)).hexdigest()


def paragraphs(value):
    return [" ".join(p.split("\n")).strip() for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _prepared(doc):
    """Text blocks split into paragraphs for the template."""
    blocks = []
    for block in doc["blocks"]:
        if block["type"] == "text":
            block = block | {"paragraphs": paragraphs(block["text"])}
        blocks.append(block)
    return doc | {"blocks": blocks}


def body_html(doc) -> str:
    """The document's body for a web page (the preview), in the page's own styles."""
    return render_to_string("economy/_document_body.html", {"doc": _prepared(doc)})


def to_html(doc, hash_line="") -> str:
    return render_to_string("economy/document_print.html", {"doc": _prepared(doc), "hash_line": hash_line})


def to_pdf(doc, hash_line="") -> bytes:
    return report_pdf(to_html(doc, hash_line), STYLESHEET)


def to_docx(doc, hash_line="") -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from samordna.documents import word

    out = Document(io.BytesIO(word._base()))  # the shared styled base: A4, Arial, sv-SE, heading styles
    out.core_properties.title = doc["title"]
    out.core_properties.language = "sv-SE"
    out.add_paragraph(doc["organisation"]).runs[0].bold = True
    out.add_heading(doc["title"], level=1)
    if doc["subtitle"]:
        out.add_paragraph(doc["subtitle"])
    for block in doc["blocks"]:
        kind = block["type"]
        if kind == "heading":
            out.add_heading(block["text"], level=min(3, block["level"] + 1))
        elif kind == "text":
            for para in paragraphs(block["text"]):
                out.add_paragraph(para)
        elif kind == "list":
            for item in block["items"]:
                out.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            if block["caption"]:
                caption = out.add_paragraph()
                caption.add_run(block["caption"]).bold = True
                caption.paragraph_format.keep_with_next = True
            grid = out.add_table(rows=1, cols=len(block["headers"]))
            grid.style = "Table Grid"
            numeric = set(block["numeric"])
            rows = [({"cells": block["headers"], "kind": "header"})] + block["rows"]
            for n, row in enumerate(rows):
                cells = grid.rows[0].cells if n == 0 else grid.add_row().cells
                for i, (target, value) in enumerate(zip(cells, row["cells"])):
                    para = target.paragraphs[0]
                    run = para.add_run(value)
                    run.bold = row["kind"] in ("header", "total", "group")
                    run.font.size = Pt(9)
                    if i in numeric:
                        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            out.add_paragraph()
    footer_text = " · ".join(x for x in (doc["footer"], hash_line) if x)
    if footer_text:
        footer = out.sections[0].footer.paragraphs[0]
        footer.text = footer_text
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
