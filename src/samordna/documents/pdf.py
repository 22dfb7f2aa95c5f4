"""PDF output: the protocol HTML laid out by WeasyPrint with the fonts shipped in `fonts/`.

What does not change between documents is made once per thread and kept: the font configuration
(with the two @font-face rules) and the parsed print stylesheet. Laying out a protocol is then
only the per-document work. Nothing is fetched from the network: the URL fetcher serves files from
this package and `data:` URLs, and refuses everything else.

Every PDF is tagged (structure tree for screen readers). `archival=True` writes PDF/A-3b with the
fonts embedded (WeasyPrint always embeds subsets of the fonts it uses) and the interchange JSON
attached as the document's source (AFRelationship /Source), so an archive keeps the data with
the print.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import cssselect2
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

HERE = Path(__file__).resolve().parent
FONTS = HERE / "fonts"
STYLESHEET = HERE / "templates" / "documents" / "protocol.css"
# Our own family name for the shipped files, so a Liberation Sans installed on the machine (another
# version, other styles) can never be picked instead: the PDF looks the same everywhere.
FAMILY = "Samordna Sans"
ARCHIVAL_VARIANT = "pdf/a-3b"


class LocalOnlyFetcher(URLFetcher):
    """Serves files below this package and data: URLs; anything else (http, https, ftp, other
    files) is refused, so rendering never touches the network or reads outside the package."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(HERE):
                return super().fetch(url, headers)
        raise ValueError(f"Hämtning utanför programmet är avstängd: {url}")


def _font_face_css() -> str:
    rules = []
    for weight, name in (("normal", "LiberationSans-Regular.ttf"), ("bold", "LiberationSans-Bold.ttf")):
        rules.append(f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: {weight}; '
                     f'src: url("{(FONTS / name).as_uri()}"); }}')
    return "\n".join(rules)


class _Kit(threading.local):
    """Per-thread WeasyPrint objects that are expensive to build and never change."""

    def get(self):
        if not hasattr(self, "stylesheets"):
            self.fetcher = LocalOnlyFetcher()
            self.font_config = FontConfiguration()
            self.stylesheets = [
                CSS(string=_font_face_css(), base_url=str(HERE), url_fetcher=self.fetcher, font_config=self.font_config),
                CSS(filename=str(STYLESHEET), url_fetcher=self.fetcher, font_config=self.font_config),
            ]
        return self


_kit = _Kit()


class _ReportKits(threading.local):
    """The same, per stylesheet, for the apps' own reports (internal control plan, follow-up reports)."""

    def get(self, stylesheet: Path):
        kits = self.__dict__.setdefault("kits", {})
        if stylesheet not in kits:
            fetcher, font_config = LocalOnlyFetcher(), FontConfiguration()
            kits[stylesheet] = (fetcher, font_config, [
                CSS(string=_font_face_css(), base_url=str(HERE), url_fetcher=fetcher, font_config=font_config),
                CSS(string=stylesheet.read_text(encoding="utf-8"), url_fetcher=fetcher, font_config=font_config),
            ])
        return kits[stylesheet]


_report_kits = _ReportKits()


def report_pdf(html: str, stylesheet: Path) -> bytes:
    """A tagged PDF of an app's report with the shipped fonts and no network access."""
    fetcher, font_config, stylesheets = _report_kits.get(stylesheet)
    document = HTML(string=html, base_url=str(HERE), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets, font_config=font_config, pdf_tags=True)


def _fixed_time(protocol: dict) -> dt.datetime:
    """A stable timestamp for attachments (the adjustment or meeting day), so equal input gives equal bytes."""
    for value in ((protocol.get("adjustment") or {}).get("date"), (protocol.get("meeting") or {}).get("date")):
        try:
            return dt.datetime.combine(dt.date.fromisoformat(value), dt.time(12), tzinfo=dt.timezone.utc)
        except (TypeError, ValueError):
            continue
    return dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def footer_css(context: dict) -> str:
    """The page footer of one document: initials lines for the chair and each adjuster (and the
    certifying secretary on an extract), then the content hash when there is one. A few bytes of
    CSS per document; cheaper to lay out than a running element on every page."""
    line = "_" * 12
    text = f"{context['footer_sign']}   " + "   ".join([line] * len(context["sign_slots"]))
    if context["is_extract"]:
        text += f"      Utdragsbestyrkande   {line}"
    if context["content_hash"]:
        text += f"\nInnehållets SHA-256: {context['content_hash']}"
    return f"@page {{ @bottom-left {{ content: {_css_string(text)}; }} }}"


class _ParsedHTML(HTML):
    """An HTML document from a tree that is already parsed. The template writes well-formed XML,
    which the C XML parser reads some 30 times faster than WeasyPrint's pure-Python HTML5 parser;
    the resulting tree is the same (same tags, attributes and text)."""

    def __init__(self, root, *, base_url, url_fetcher):  # not calling super(): it would parse again
        self.base_url = base_url
        self.url_fetcher = url_fetcher
        self.media_type = "print"
        self.wrapper_element = cssselect2.ElementWrapper.from_html_root(root)
        self.etree_element = self.wrapper_element.etree_element


def parse_html(html: str, url_fetcher) -> HTML:
    try:
        root = ElementTree.fromstring(html)
    except ElementTree.ParseError:  # not well-formed after all (a template change?): the HTML5 parser copes
        return HTML(string=html, base_url=str(HERE), url_fetcher=url_fetcher)
    return _ParsedHTML(root, base_url=str(HERE), url_fetcher=url_fetcher)


def html_to_pdf(html: str, *, protocol: dict, footer: str = "", archival: bool = False) -> bytes:
    kit = _kit.get()
    document = parse_html(html, kit.fetcher)
    stylesheets = kit.stylesheets
    if footer:
        stylesheets = [*stylesheets, CSS(string=footer, url_fetcher=kit.fetcher, font_config=kit.font_config)]
    options = {"pdf_tags": True, "stylesheets": stylesheets, "font_config": kit.font_config}
    if archival:
        stamp = _fixed_time(protocol)
        source = json.dumps(protocol, ensure_ascii=False, sort_keys=True, indent=1)
        options.update(
            pdf_variant=ARCHIVAL_VARIANT,
            attachments=[Attachment(string=source, name="protokoll.json", url_fetcher=kit.fetcher,
                                    description="Protokollet i utbytesformatet samordna.protocol/1",
                                    created=stamp, modified=stamp, relationship="Source")],
        )
    return document.write_pdf(**options)
