"""Case numbers (diarienummer) of the association's case register.

Legal source: the registration duty for public documents, Offentlighets- och sekretesslagen
(2009:400) 5 kap. 1–2 §§: a received or drawn-up document is registered (diarieförs) without delay
with, among other things, the date and a case number (diarienummer). The law sets no format; each
förbund chooses one. The common form is a running number per year and the year's two digits
("Dnr 16/23", "Dnr 03/20"); others use "2023-016" or a prefix ("SOF 2023/16"); numbers taken over
from a member's register ("2019KS742", "2022VFN360") are kept exactly as written.

A format is a text with placeholders:
    {nr}     running number               {nr:3}   running number padded with zeros to 3 digits
    {yy}     the year's last two digits   {yyyy}   the year with four digits
The running number restarts each year when the format contains the year, and runs on otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

DEFAULT_FORMAT = "{nr:2}/{yy}"
_TOKEN = re.compile(r"\{([^{}]*)\}")
_NUMBER = re.compile(r"^nr(?::(\d))?$")


@dataclass(frozen=True)
class Format:
    template: str
    parts: tuple = ()  # literal text or ("nr", width) / ("yy",) / ("yyyy",)

    @property
    def has_year(self) -> bool:
        return any(isinstance(p, tuple) and p[0] in ("yy", "yyyy") for p in self.parts)


@dataclass(frozen=True)
class Parsed:
    year: int | None
    sequence: int


@dataclass(frozen=True)
class Check:
    ok: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)
    duplicate_of: str | None = None


def format_errors(template: str) -> list[str]:
    """Why a format cannot be used; empty when it can."""
    template = template or ""
    errors = []
    if not template.strip():
        return ["Ange ett format, till exempel {nr:2}/{yy}."]
    if template.count("{") != template.count("}"):
        errors.append("Formatet har en klammerparentes som inte är stängd.")
    tokens = _TOKEN.findall(template)
    unknown = [t for t in tokens if not _NUMBER.match(t) and t not in ("yy", "yyyy")]
    if unknown:
        errors.append("Okänd platshållare " + ", ".join("{" + t + "}" for t in unknown) + ". Använd {nr}, {nr:3}, {yy} eller {yyyy}.")
    numbers = [t for t in tokens if _NUMBER.match(t)]
    if len(numbers) != 1:
        errors.append("Formatet måste innehålla löpnumret {nr} exakt en gång.")
    if sum(t in ("yy", "yyyy") for t in tokens) > 1:
        errors.append("Formatet får innehålla året ({yy} eller {yyyy}) högst en gång.")
    if re.search(r"\{(?:nr(?::\d)?|yy|yyyy)\}\{(?:nr(?::\d)?|yy|yyyy)\}", template):
        errors.append("Skilj löpnumret och året åt med ett tecken, till exempel / eller -.")
    return errors


def parse_format(template: str) -> Format:
    errors = format_errors(template)
    if errors:
        raise ValueError(" ".join(errors))
    parts, position = [], 0
    for match in _TOKEN.finditer(template):
        if match.start() > position:
            parts.append(template[position:match.start()])
        token = match.group(1)
        number = _NUMBER.match(token)
        parts.append(("nr", int(number.group(1) or 0)) if number else (token,))
        position = match.end()
    if position < len(template):
        parts.append(template[position:])
    return Format(template, tuple(parts))


def format_number(template: str, year: int, sequence: int) -> str:
    out = []
    for part in parse_format(template).parts:
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "nr":
            out.append(str(sequence).zfill(part[1]))
        elif part[0] == "yy":
            out.append(f"{year % 100:02d}")
        else:
            out.append(f"{year:04d}")
    return "".join(out)


def key(number: str) -> str:
    """What two numbers must not share: case, spaces and a leading "Dnr" do not make a number different."""
    text = re.sub(r"\s+", "", (number or "").casefold())
    return re.sub(r"^(dnr|diarienummer|diarienr)[.:]?", "", text)


def _pattern(fmt: Format) -> re.Pattern:
    pieces = []
    for index, part in enumerate(fmt.parts):
        if isinstance(part, str):
            literal = re.sub(r"\s+", "", part.casefold())
            # A format that itself begins with "Dnr" is compared without it, as key() does.
            pieces.append(re.escape(key(literal) if index == 0 else literal))
        elif part[0] == "nr":
            pieces.append(r"(?P<nr>\d{1,7})")
        else:
            pieces.append(r"(?P<year>\d{2})" if part[0] == "yy" else r"(?P<year>\d{4})")
    return re.compile("^" + "".join(pieces) + "$")


def parse_number(template: str, number: str) -> Parsed | None:
    """The year and running number of a number written in the format; None for one written otherwise (imported)."""
    fmt = parse_format(template)
    match = _pattern(fmt).match(key(number))
    if not match:
        return None
    year = match.groupdict().get("year")
    if year is not None:
        year = int(year) + (2000 if len(year) == 2 else 0)
    return Parsed(year, int(match.group("nr")))


def next_number(template: str, year: int, existing: Iterable[str]) -> str:
    """The next free number of the year: one above the highest running number already used in the format."""
    fmt = parse_format(template)
    used = [parse_number(template, n) for n in existing]
    same = [p.sequence for p in used if p is not None and (not fmt.has_year or p.year == year)]
    taken = {key(n) for n in existing}
    sequence = max(same, default=0) + 1
    # A number imported in another spelling may already occupy the next slot.
    while key(format_number(template, year, sequence)) in taken:
        sequence += 1
    return format_number(template, year, sequence)


def check_new(template: str, number: str, existing: Iterable[str]) -> Check:
    """May `number` be registered? Refused when empty or when it names a case already in the register."""
    number = (number or "").strip()
    if not number:
        return Check(False, ("Ange ett diarienummer.",))
    if len(number) > 50:
        return Check(False, ("Diarienumret får vara högst 50 tecken.",))
    wanted = key(number)
    parsed = parse_number(template, number)
    for other in existing:
        same = key(other) == wanted
        if not same and parsed is not None:
            other_parsed = parse_number(template, other)
            same = other_parsed == parsed
        if same:
            return Check(False, (f"Diarienumret {number} finns redan i diariet ({other}). Välj ett annat nummer.",), other)
    return Check(True)
