"""Officers named by labels: "Sekreterare: X", "Ordförande X", "Justerare\n\nX, Org",
"Sara Myr / Sekreterare" (the name above its label, as under a signature line),
"Ordförande<tab>Justerare" over the two names, "Justeras" over "Anna Nord, ordförande   Bo Ek".
"""
from __future__ import annotations

import re

from . import names
from .labels import OFFICER_KEYS, Label, match_label, value_lines
from .readers import Line


class OfficerReader:
    """Fills `header.officers` (and `header.officer_orgs`, `header.consumed`) from the labels."""

    def __init__(self, lines: list[Line], labels: list[Label], region: list[int], header):
        self.lines, self.labels, self.region, self.h = lines, labels, region, header

    def read(self) -> None:
        off = self.h.officers
        for key, name in self._officer_rows():
            if key == "adjusters" and name not in off.adjusters:
                off.adjusters.append(name)
            elif key != "adjusters" and getattr(off, key) is None:
                setattr(off, key, name)
        for lab in self.labels:
            if lab.key not in OFFICER_KEYS or lab.index in self.h.consumed:
                continue
            found = self._officer_names(lab)
            if not found:
                continue
            if lab.key == "adjusters":
                for name in found:
                    if name not in off.adjusters:
                        off.adjusters.append(name)
            elif getattr(off, lab.key) is None:
                setattr(off, lab.key, found[0])

    def _officer_rows(self) -> list[tuple[str, str]]:
        """"Ordförande<tab>Justerare" over "Sofia Ek<tab>Leo Dahlin": signature boxes side by side."""
        out = []
        for i in self.region:
            parts = [p for p in self.lines[i].parts() if p] if not self.lines[i].blank else []
            keys = [lab.key if (lab := match_label(Line(p), i)) and not lab.inline else None for p in parts]
            if len(keys) < 2 or not all(k in OFFICER_KEYS for k in keys):
                continue
            j = i + 1
            while j < len(self.lines) and j - i <= 4 and self.lines[j].blank:
                j += 1
            if j >= len(self.lines):
                continue
            values = [p for p in self.lines[j].parts() if p]
            if len(values) != len(keys) or not all(_names(v) for v in values):
                continue
            self.h.consumed.update((i, j))
            out.extend((key, _names(value)[0][0]) for key, value in zip(keys, values))
        return out

    def _officer_names(self, lab: Label) -> list[str]:
        candidates: list[tuple[int, str]] = []
        if lab.inline:
            candidates = [(lab.index, lab.inline)]
        else:
            prev = lab.index - 1
            if (not lab.colon and prev >= 0 and prev not in self.h.consumed and not self.lines[prev].blank
                    and names.is_person_name(self.lines[prev].text) and not match_label(self.lines[prev], prev)):
                candidates = [(prev, self.lines[prev].text)]
            else:
                candidates = value_lines(self.lines, lab, limit=3)
        out = []
        for index, text in candidates:
            found = _names(text)
            if not found:
                break
            self.h.consumed.add(index)
            for name, org in found:
                # "Justeras: Anna Nord, ordförande   Bo Ek, justerare" — the chair signs too but does not adjust.
                function = names.function_code(org) if org and names.is_title(org) else None
                if lab.key == "adjusters" and function in ("chair", "secretary", "vice_chair"):
                    continue
                out.append(name)
                if org and not function:
                    self.h.officer_orgs.setdefault(name, org)
            if lab.key != "adjusters":
                break
        return out


def _names(text: str) -> list[tuple[str, str | None]]:
    """Names in a signature value, each with what follows it after a comma (organisation or
    function): "Alva Lind, Skövde kommun", "Tor Ang och Ann Strid",
    "Irma Lund (S), Kjell Nord (M)", "Ulf Strand, ordförande<tab>Leila Hamid, justerare"."""
    text = names.PARTY_RE.sub("", text.replace("\t", "  "))
    out: list[tuple[str, str | None]] = []
    for chunk in re.split(r"\s{2,}|\s+och\s+|\s*;\s*|\s*&\s*", text.strip()):
        for part in chunk.split(","):
            part = part.strip(" .:")
            if names.is_person_name(part):
                out.append((names.fold(part), None))
            elif part and out and out[-1][1] is None:
                out[-1] = (out[-1][0], part)
            elif part:
                break
    return out
