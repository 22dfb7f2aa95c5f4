"""PDF → lines with pdfplumber: words grouped into lines by position, wide gaps as cell breaks
(with each cell's x so roll-call marks can be put under the right column), ruled tables as
rows, paragraph gaps as blank lines, words broken at line ends joined, and the headers and
footers that repeat on most pages dropped. Pages are read one at a time against a page and
time budget; a PDF without a text layer (a scan) is refused with a hint to run OCR.
"""
from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

from .readers import Document, Limits, Line, ReadError, _fold_cells, _inline, drop_page_furniture, is_furniture, markdown_line




def _pdf_rows(words, gap: float) -> list[tuple[float, Line]]:
    """Words → lines by their top coordinate; wide gaps between words become tabs."""
    rows: list[list] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        cells, xs, current, last = [], [], [], None
        for w in row:
            if last is not None and w["x0"] - last["x1"] > gap:
                cells.append(" ".join(current))
                current = []
            if not current:
                xs.append(w["x0"])
            current.append(w["text"])
            last = w
        cells.append(" ".join(current))
        fonts = [w.get("fontname", "") for w in row]
        bold = all("bold" in f.casefold() or "black" in f.casefold() or "heavy" in f.casefold() for f in fonts)
        line = markdown_line("\t".join(cells))
        if line.blank:
            continue
        out.append((row[0]["top"], replace(line, heading=line.heading or bold, xs=tuple(xs) if len(cells) > 1 else None)))
    return out


def _inside(word, box) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _pdf_page(page) -> list[Line]:
    tables = [t for t in page.find_tables() if len(t.rows) >= 2]
    words = page.extract_words(x_tolerance=1.5, y_tolerance=3, extra_attrs=["fontname", "size"])
    words = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
    sizes = sorted(w["size"] for w in words) or [10]
    gap = max(6.0, sizes[len(sizes) // 2] * 1.2)
    placed = _pdf_rows(words, gap)
    for table in tables:
        rows = []
        for row in table.extract():
            cells = tuple(_inline(" ".join((c or "").split(" "))).strip() for c in row)
            if any(cells):
                rows.append(Line(_fold_cells("\t".join(c.replace("\n", " ") for c in cells)), cells=cells))
        placed.extend((table.bbox[1] + i * 0.001, r) for i, r in enumerate(rows))
    placed.sort(key=lambda p: p[0])
    placed = _dehyphenate(placed)
    out: list[Line] = []
    previous = None
    for top, line in placed:
        # A vertical gap wider than about one and a half lines separates paragraphs.
        if previous is not None and top - previous > sizes[len(sizes) // 2] * 2.1:
            out.append(Line())
        out.append(line)
        previous = top
    return out


def _dehyphenate(placed: list[tuple[float, Line]]) -> list[tuple[float, Line]]:
    """"verksam-" / "heten" → "verksamheten": a word broken at the end of a PDF line."""
    out: list[tuple[float, Line]] = []
    for top, line in placed:
        if out and line.cells is None and out[-1][1].cells is None and "\t" not in line.text:
            previous = out[-1][1]
            if re.search(r"[a-zåäö]{2}-$", previous.text) and re.match(r"[a-zåäö]", line.text):
                out[-1] = (out[-1][0], replace(previous, text=previous.text[:-1] + line.text))
                continue
        out.append((top, line))
    return out


def _drop_pdf_headers(pages: list[list[Line]]) -> list[Line]:
    """Lines at the top or bottom of most pages (digits ignored) are page headers/footers;
    the first page keeps its header because it names the association."""
    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.casefold())

    if len(pages) >= 2:
        counts: dict[str, int] = {}
        for page in pages:
            content = [ln for ln in page if not ln.blank]
            for k in {key(ln) for ln in content[:3] + content[-3:]}:
                counts[k] = counts.get(k, 0) + 1
        threshold = max(2, (len(pages) + 1) // 2)
        furniture = {k for k, n in counts.items() if n >= threshold}
        cleaned = []
        for index, page in enumerate(pages):
            content = [i for i, ln in enumerate(page) if not ln.blank]
            edge = set(content[:3] + content[-3:])
            cleaned.append([ln for i, ln in enumerate(page)
                            if not (i in edge and key(ln) in furniture and (index > 0 or is_furniture(ln)))])
        pages = cleaned
    lines: list[Line] = []
    for page in pages:
        lines.extend(page)
        lines.append(Line())
    return drop_page_furniture(lines)


def read_pdf(path: Path, limits: Limits) -> Document:
    with path.open("rb") as handle:
        if b"%PDF-" not in handle.read(1024):
            raise ReadError(f"{path.name} heter .pdf men är ingen PDF-fil.")
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    deadline = time.monotonic() + limits.max_seconds
    pages: list[list[Line]] = []
    chars = images = 0
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > limits.max_pages:
                raise ReadError(f"{path.name} har {len(pdf.pages)} sidor; gränsen är {limits.max_pages}.")
            for page in pdf.pages:
                if time.monotonic() > deadline:
                    raise ReadError(f"Det tog för lång tid att läsa {path.name} (över {limits.max_seconds:.0f} sekunder).")
                chars += len(page.chars)
                images += len(page.images)
                pages.append(_pdf_page(page))
                page.flush_cache()
    except ReadError:
        raise
    except PDFPasswordIncorrect:
        raise ReadError(f"{path.name} är lösenordsskyddad och kan inte läsas.") from None
    except Exception as error:  # pdfminer raises many kinds on broken files
        name = type(error).__name__
        if "password" in name.casefold() or "encrypt" in str(error).casefold():
            raise ReadError(f"{path.name} är lösenordsskyddad eller krypterad och kan inte läsas.") from None
        raise ReadError(f"{path.name} är en skadad PDF och kan inte läsas ({name}).") from None
    if chars < 20:
        if images:
            raise ReadError(f"{path.name} saknar textlager: den verkar vara inskannad. Kör textigenkänning (OCR) först.")
        raise ReadError(f"{path.name} innehåller ingen text.")
    return Document(_drop_pdf_headers(pages), kind="pdf")
