"""DOCX output with python-docx: the same content as the PDF (from the same context), as a real Word
document – heading styles for the title, sections and paragraphs, tables for the header facts,
attendance, signatures, the notice certificate and the ballots, and a footer with "Justerandes
signatur" and the page number as Word fields ("Sida PAGE av NUMPAGES").

The styled, empty base document (A4, Arial, Swedish language, heading styles) is built once per
process and kept as bytes; each render opens a copy and only adds content.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from functools import cache
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

FONT = "Arial"  # Word's offices have it; LibreOffice maps it to the metric-compatible Liberation Sans.
ACCENT = RGBColor(0x0F, 0x2F, 0x57)
GREY = RGBColor(0x44, 0x44, 0x44)
RED = RGBColor(0xA0, 0x00, 0x00)
TEXT_WIDTH = Mm(168)


def _plain_fonts(rpr) -> None:
    """Name the font outright (dropping theme-font references, which would win over a name)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)


@cache
def _base() -> bytes:
    doc = Document()
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _plain_fonts(defaults)
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), "sv-SE")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.1
    for name, size, before in (("Heading 1", 20, 4), ("Heading 2", 12.5, 12), ("Heading 3", 10.5, 6)):
        style = doc.styles[name]
        _plain_fonts(style.element.get_or_add_rPr())
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = ACCENT if name != "Heading 1" else RGBColor(0x11, 0x11, 0x11)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.keep_with_next = True
    for name in ("Header", "Footer"):
        style = doc.styles[name]
        style.font.size = Pt(8)
        style.paragraph_format.space_after = Pt(0)
        # The template's Letter-size tab stops would centre the page number; one right stop instead.
        tabs = style.paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(22), Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    section.header_distance, section.footer_distance = Mm(9), Mm(9)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _twips(length) -> int:
    return int(length) // 635  # EMU to twentieths of a point


def _text(value: str) -> str:
    return escape(_INVALID_XML.sub("", value))


def _run(text: str, *, bold: bool = False, color: RGBColor | None = None, size: float | None = None) -> str:
    """A w:r; newlines in `text` become line breaks."""
    props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color is not None else "") + (
        f'<w:sz w:val="{round(size * 2)}"/>' if size else "")
    parts = [f'<w:t xml:space="preserve">{_text(line)}</w:t>' for line in text.split("\n")]
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{'<w:br/>'.join(parts)}</w:r>"


def _p(runs: str = "", *, style: str | None = None, indent=None, space_after: float | None = None,
       keep_next: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "") + (
        f'<w:spacing w:after="{round(space_after * 20)}"/>' if space_after is not None else "") + (
        f'<w:ind w:left="{_twips(indent)}"/>' if indent is not None else "")
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>"


class _Writer:
    """Builds the body as WordprocessingML text and parses it once: python-docx's object API costs a
    few hundred microseconds per cell, which adds up to more than the 0.1 s budget for a protocol."""

    def __init__(self, context: dict):
        self.c = context
        self.doc = Document(io.BytesIO(_base()))
        # Style ids: python-docx's lookup by name scans every style each time.
        styles = self.doc.styles
        self.h = {n: styles[f"Heading {n}"].style_id for n in (1, 2, 3)}
        self.grid = styles["Table Grid"].style_id
        self.body: list[str] = []

    # -- small builders --------------------------------------------------------------------

    def para(self, text: str = "", *, bold: bool = False, size: float | None = None, color=None, indent=None,
             space_after: float | None = None, extra: str = ""):
        self.body.append(_p((_run(text, bold=bold, size=size, color=color) if text else "") + extra,
                            indent=indent, space_after=space_after))

    def heading(self, text: str, level: int):
        self.body.append(_p(_run(text), style=self.h[level]))

    def table(self, rows: list[list[str]], widths: list, *, header: list[str] | None = None, grid: bool = False,
              bold_first: bool = False, footer: list[str] | None = None, keep_together: bool = False):
        """A table; `keep_together` keeps all its rows on one page (Word: keep with next)."""
        widths = [_twips(w) for w in widths]
        out = ["<w:tbl><w:tblPr>", f'<w:tblStyle w:val="{self.grid}"/>' if grid else "",
               f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>',
               '<w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>',
               '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
               'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
               "".join(f'<w:gridCol w:w="{w}"/>' for w in widths), "</w:tblGrid>"]
        all_rows = [(header, True, True)] if header else []
        all_rows += [(r, False, False) for r in rows]
        if footer:
            all_rows.append((footer, True, False))
        last = len(all_rows) - 1
        for i, (values, strong, is_header) in enumerate(all_rows):
            keep = keep_together and i < last
            # The header row repeats on each page and is the table's header for screen readers.
            out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if is_header else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for j, (value, width) in enumerate(zip(values, widths)):
                run = _run(value, bold=strong or (bold_first and j == 0)) if value else ""
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                           f'{_p(run, space_after=1, keep_next=keep)}</w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.body.append("".join(out))

    def facts(self, rows: list[tuple[str, str]], *, grid: bool = False):
        if rows:
            self.table([[k, v] for k, v in rows], [Mm(50), TEXT_WIDTH - Mm(50)], grid=grid, bold_first=True,
                       keep_together=grid)

    def signatures(self, people: list[dict]):
        per_row = 3
        width = TEXT_WIDTH // per_row
        for start in range(0, len(people), per_row):
            chunk = people[start:start + per_row]
            rows = [[s["role"] for s in chunk], ["\n" + "_" * 24 for _ in chunk],
                    [s["name"] for s in chunk]]
            self.table(rows, [width] * len(chunk), keep_together=True)
            self.para(space_after=2)

    # -- page furniture --------------------------------------------------------------------

    def _field(self, paragraph, instruction: str, placeholder: str):
        def run_with(child):
            r = OxmlElement("w:r")
            r.append(child)
            paragraph._p.append(r)

        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        run_with(begin)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        run_with(instr)
        separate = OxmlElement("w:fldChar")
        separate.set(qn("w:fldCharType"), "separate")
        run_with(separate)
        text = OxmlElement("w:t")
        text.text = placeholder
        run_with(text)
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run_with(end)

    def furniture(self):
        c = self.c
        section = self.doc.sections[0]
        head = section.header.paragraphs[0]
        head.text = " · ".join(x for x in (c["organisation"], c["body"], f"{c['title']} {c['date']}".strip()) if x)
        if c["draft"]:
            run = head.add_run(f"    {c['draft_text']}")
            run.bold, run.font.color.rgb = True, RED
        foot = section.footer.paragraphs[0]
        line = "_" * 12
        text = f"{c['footer_sign']}   " + "   ".join([line] * len(c["sign_slots"]))
        if c["is_extract"]:
            text += f"      Utdragsbestyrkande   {line}"
        foot.add_run(text + "\tSida ")
        self._field(foot, "PAGE", "1")
        foot.add_run(" av ")
        self._field(foot, "NUMPAGES", "1")
        if c["content_hash"]:
            section.footer.add_paragraph(f"Innehållets SHA-256: {c['content_hash']}", style="Footer")

    def properties(self):
        c = self.c
        props = self.doc.core_properties
        props.title = c["doc_title"]
        props.subject = c["title"]
        props.author = c["organisation"]
        props.last_modified_by = "samordna"
        props.language = "sv-SE"
        props.keywords = "protokoll"
        props.comments = f"SHA-256 {c['content_hash']}" if c["content_hash"] else ""
        props.revision = 1
        try:  # a stable date (the meeting's), so equal input gives an equal document
            stamp = dt.datetime.combine(dt.date.fromisoformat(c["date"]), dt.time(12))
        except ValueError:
            stamp = dt.datetime(2000, 1, 1)
        props.created = props.modified = stamp
        props.last_printed = stamp

    # -- content ---------------------------------------------------------------------------

    def head(self):
        c = self.c
        self.para(c["organisation"], bold=True, size=13, space_after=0)
        self.para(c["body"], size=11, space_after=2)
        self.heading(c["title"], 1)
        if c["draft"]:
            self.para(c["draft_text"], bold=True, color=RED)
        rows = list(c["header"])
        if c["content_hash"]:
            rows.append(("SHA-256", c["content_hash"]))
        self.facts(rows)

    def attendance(self):
        widths = [Mm(72), Mm(52), Mm(44)]
        for section in self.c["attendance"]:
            self.heading(section["heading"], 2)
            for group in section["groups"]:
                if group["heading"]:
                    self.heading(group["heading"], 3)
                self.table([[r["label"], r["organisation"], r["note"]] for r in group["rows"]], widths,
                           header=["Namn", "Organisation", "Anmärkning"])

    def adjustment_and_notice(self):
        c = self.c
        self.heading("Justering", 2)
        self.facts(c["adjustment_rows"])
        self.heading("Underskrifter", 3)
        self.signatures(c["signatures"])
        self.heading("Anslagsbevis", 2)
        self.para("Justeringen av protokollet har tillkännagetts genom anslag på förbundets anslagstavla.")
        self.facts(c["certificate"]["rows"], grid=True)
        self.para(space_after=2)
        self.signatures([{"role": "Underskrift", "name": c["certificate"]["signer"]}])

    def paragraphs(self):
        for p in self.c["paragraphs"]:
            self.heading(p["heading"], 2)
            meta = " · ".join(x for x in (f"Dnr {p['case_number']}" if p["case_number"] else "", p["time"]) if x)
            if meta:
                self.para(meta, color=GREY, size=9)
            for line in p["disqualifications"]:
                self.para(line)
            for block in p["text"]:
                self.para("\n".join(block))
            if p["attachments"]:
                self.para("Bilagor: ", bold=True, extra=_run("; ".join(p["attachments"])))
            if p.get("recordings"):
                self.para("Inspelning: ", bold=True, extra=_run("; ".join(p["recordings"])))
            self.proceedings(p)
            if p["tabled"]:
                self.para("Ärendet bordläggs.", bold=True)
            if p["decisions"]:
                self.heading("Beslut", 3)
                if p["decision_intro"]:
                    self.para(p["decision_intro"], indent=Mm(5))
                for d in p["decisions"]:
                    self.para(d, indent=Mm(5))
            if p["vote"] and not p["vote_detail"]:
                vote = p["vote"]
                self.heading("Omröstning", 3)
                if vote["ballots"]:
                    self.table([[b["name"], b["yes"], b["no"], b["abstain"]] for b in vote["ballots"]],
                               [Mm(90), Mm(20), Mm(20), Mm(20)], grid=True, header=["Ledamot", "Ja", "Nej", "Avstår"],
                               footer=["Resultat", str(vote["yes"]), str(vote["no"]), str(vote["abstain"])])
                self.para(f"Resultat: {vote['result']}", bold=True)
            if p["reservation_text"]:
                self.para(p["reservation_text"])
            for r in p["written_reservations"]:
                self.para(f"Skriftlig reservation av {r['name']}:", bold=True)
                for block in r["motivation"]:
                    self.para("\n".join(block))
            for change in p["attendance_changes"]:
                self.para(change, color=GREY)
            if p["adjusted_immediately"]:
                self.para("Paragrafen förklaras omedelbart justerad.", bold=True)

    def proceedings(self, p):
        """Motions, order of questions and the roll-call vote, as a municipal extract prints them."""
        if p["motions"]:
            self.heading("Yrkanden", 3)
            for motion in p["motions"]:
                self.para(motion)
        vote = p["vote_detail"]
        if not vote:
            return
        if vote["order_of_questions"]:
            self.heading("Propositionsordning", 3)
            self.para(vote["order_of_questions"])
            self.para(vote["order_decision"])
        self.heading("Omröstning", 3)
        if vote["question"]:
            self.para(vote["question"], bold=True)
        self.para(f"Omröstning begärs. {vote['proposition']}")
        self.table([[b["name"], b["represents"], b["yes"], b["no"], b["abstain"]] for b in vote["ballots"]],
                   [Mm(62), Mm(50), Mm(16), Mm(16), Mm(16)], grid=True,
                   header=["Ledamot", "Företräder", "Ja", "Nej", "Avstår"],
                   footer=["Resultat", "", str(vote["yes"]), str(vote["no"]), str(vote["abstain"])])
        self.para(vote["result"], bold=True)
        if vote.get("lot"):
            self.para(vote["lot"])

    def certification(self):
        c = self.c
        self.heading("Utdragsbestyrkande", 2)
        adjusted = c["certification"]["adjusted"]
        self.para("Utdraget stämmer överens med originalprotokollet" + (f", justerat {adjusted}" if adjusted else "") + ".")
        self.signatures([{"role": "Sekreterare", "name": c["certification"]["secretary"]}])

    def build(self) -> bytes:
        self.furniture()
        self.properties()
        self.head()
        self.attendance()
        if not self.c["is_extract"]:
            self.adjustment_and_notice()
        self.paragraphs()
        if self.c["is_extract"]:
            self.certification()
        body = self.doc.element.body
        anchor = body.sectPr
        for element in parse_xml(f"<w:body {W_NS}>{''.join(self.body)}</w:body>"):
            anchor.addprevious(element)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def context_to_docx(context: dict) -> bytes:
    return _Writer(context).build()
