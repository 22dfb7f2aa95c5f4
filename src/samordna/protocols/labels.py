"""Labelled fields of a protocol's header and trailer: "Datum: …", "Tid Onsdag den …",
"Plats och tid" with its value on the next lines, "Sammanträdesdatum\t2023-11-21".

A label is recognised at the start of a line, followed by a colon, a tab, a space and a
value, or nothing (the value then sits on the next non-blank lines). The longest label wins,
so "Datum och ort för justering" is not read as "Datum".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .readers import Line

LABELS: list[tuple[str, str]] = [
    ("adjust", r"datum och ort för justering|datum och plats för justering|justeringens plats och tid|"
               r"justeringens tid och plats|plats och tid för justering|tid och plats för justering|justeringsdatum|"
               r"justeringsdag|justerat datum|justeringsort|justering"),
    ("notice_posted", r"datum (?:då|för) anslag(?:et|s)? (?:sätts upp|sattes upp|uppsättande)|anslaget (?:sätts upp|sattes upp|uppsatt)|"
                      r"datum för anslagets uppsättande|anslagsdatum|anslaget publicerat|publicerat|anslaget den"),
    ("notice_removed", r"datum (?:då|för) anslag(?:et|s)? (?:tas ned|tas ner|togs ned|nedtagande)|anslaget (?:tas ned|tas ner|nedtas)|"
                       r"datum för anslagets nedtagande|anslaget tas bort"),
    ("notice_range", r"tillkännages|anslaget under tiden|anslagsperiod|anslagstid|anslaget under perioden|anslaget"),
    ("kept_at", r"förvaringsplats för protokollet|förvaringsplats för protokoll|förvaringsplats|protokollet förvaras"),
    ("meeting_date", r"sammanträdesdatum|mötesdatum|datum för sammanträdet|sammanträdesdag"),
    ("place_time", r"plats och tid|tid och plats|plats och datum|datum och plats|datum, tid och plats|plats, datum och tid|datum och tid"),
    ("date", r"datum"),
    ("time", r"tid|klockan|tidpunkt"),
    ("place", r"plats|mötesplats|sammanträdeslokal|lokal"),
    ("organ", r"beslutande organ|beslutsinstans|organ"),
    ("range", r"paragrafer|omfattning|paragraf|§§"),
    ("vice_chair", r"1:e vice ordförande|förste vice ordförande|vice ordförande"),
    ("secretary", r"sekreterare|vid protokollet|protokollförare|sekr\."),
    ("chair", r"ordförande|ordf\."),
    ("adjusters", r"utses att justera|utsedd att justera|utsedda att justera|utsedd justerare|justerare|justerande|justeras"),
    ("signatures", r"underskrifter|underskrift|signaturer"),
    ("notice_head", r"anslag/bevis|anslag\s*/\s*bevis|bevis om anslag|anslagsbevis|tillkännagivande av justerat protokoll|"
                    r"tillkännagivande|anslag"),
]
_ALL = "|".join(f"(?P<{key}>{pattern})" for key, pattern in sorted(LABELS, key=lambda kv: -max(len(p) for p in kv[1].split("|"))))
LABEL_RE = re.compile(rf"^(?:{_ALL})(?![\wåäöÅÄÖ])\s*(?P<colon>:)?[\t ]*(?P<value>.*)$", re.IGNORECASE)
OFFICER_KEYS = {"secretary", "chair", "vice_chair", "adjusters"}
SIGNATURE_KEYS = {"signatures", "adjust", "notice_head", "notice_range", "notice_posted", "notice_removed", "kept_at"}


@dataclass
class Label:
    key: str
    index: int
    inline: str      # the value on the label's own line ("" when it is on the next lines)
    colon: bool
    heading: bool


def match_label(line: Line, index: int) -> Label | None:
    if line.blank or line.bullet:
        return None
    text = line.text.strip()
    m = LABEL_RE.match(text)
    if not m:
        return None
    key = next(k for k, v in m.groupdict().items() if v is not None and k not in ("colon", "value"))
    if key in ("signatures", "notice_head") and m["value"]:
        # "Underskrifter<tab>Sekreterare<tab>Tove Lind": the heading's value is itself a label.
        inner = match_label(Line(m["value"].strip()), index)
        if inner:
            return inner
    value = "\t".join(" ".join(c.split()) for c in m["value"].split("\t")).strip()
    value = re.sub(r"^[._…\s]+$", "", value)  # "Sekreterare ................" leaves room for a signature
    # A long sentence that merely begins with a label word ("Tid för nästa möte …") is no label.
    if not m["colon"] and value and "\t" not in text and len(text) > 120:
        return None
    return Label(key, index, value, bool(m["colon"]), line.heading)


def value_lines(lines: list[Line], label: Label, limit: int = 4) -> list[tuple[int, str]]:
    """The value of a label without an inline value: the next block of non-blank lines."""
    out: list[tuple[int, str]] = []
    i = label.index + 1
    while i < len(lines) and lines[i].blank and i - label.index <= 4:
        i += 1
    while i < len(lines) and not lines[i].blank and len(out) < limit:
        if match_label(lines[i], i) or lines[i].text.lstrip().startswith("§ ") and re.match(r"^§\s*\d+\s+[A-ZÅÄÖ]", lines[i].text):
            break
        out.append((i, lines[i].text.strip()))  # tabs kept: "Anna Nord, ordförande<tab>Bo Ek, justerare"
        i += 1
    return out
