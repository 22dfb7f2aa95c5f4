"""Reading uploaded files into rows: population figures as SCB exports them, and booked amounts as CSV or SIE 4.

Each reader returns rows plus a list of (line number, Swedish reason); the services save nothing when that list
is not empty.
"""
import calendar
import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from samordna.rules import sie


def decode_text(data: bytes) -> str:
    """CSV files come as UTF-8 (with or without BOM) or, from older exports, as Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _rows(text: str):
    sample = text[:2000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
        dialect = type("Guessed", (csv.excel,), {"delimiter": delimiter})
    # newline="" as the csv module asks, so a lone \r (old Mac exports) is a line break, not a crash.
    return list(csv.reader(io.StringIO(text, newline=""), dialect))


NOT_TEXT = "Filen är ingen textfil. Spara den som CSV (semikolonavgränsad text) och försök igen."


def _binary(data: bytes) -> bool:
    """Zip archives (.xlsx), images and other binary files hold NUL bytes; CSV exports in UTF-8 or Windows-1252 never do."""
    return b"\x00" in data[:65536]


def parse_day(text: str) -> date | None:
    """2023-06-30, or SCB's period codes: 2023M06 (end of month) and 2023 (end of year)."""
    text = text.strip().strip('"')
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        try:
            return date(*(int(x) for x in m.groups()))
        except ValueError:
            return None
    if m := re.fullmatch(r"(\d{4})M(\d{2})", text):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            return date(year, month, calendar.monthrange(year, month)[1])
        return None
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 12, 31)
    return None


def parse_number(text: str) -> Decimal | None:
    cleaned = re.sub(r"[\s\u00a0]", "", text).replace("−", "-").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


@dataclass(frozen=True)
class PopulationRow:
    line: int
    code: str
    name: str
    date: date
    population: int


def read_population(data: bytes):
    """Columns: municipality code, name, date, population; or SCB's "1490 Borås", date, population."""
    rows, errors = [], []
    if _binary(data):
        return rows, [(0, NOT_TEXT)]
    table = _rows(decode_text(data))
    if not table:
        return rows, [(0, "Filen är tom.")]
    start = 1 if not re.match(r"\s*\d{4}", table[0][0] if table[0] else "") else 0
    for n, cells in enumerate(table[start:], start=start + 1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if len(cells) == 3 and (m := re.fullmatch(r"(\d{4})\s+(.+)", cells[0])):
            cells = [m[1], m[2], cells[1], cells[2]]
        if len(cells) < 4:
            errors.append((n, "raden ska ha kommunkod, kommun, datum och folkmängd."))
            continue
        code, name, day_text, people_text = cells[:4]
        reasons = []
        if not re.fullmatch(r"\d{4}", code):
            reasons.append(f"kommunkoden ”{code}” ska vara fyra siffror")
        day = parse_day(day_text)
        if day is None:
            reasons.append(f"datumet ”{day_text}” kan inte läsas (skriv 2023-06-30 eller 2023M06)")
        people = parse_number(people_text)
        if people is None or people != people.to_integral_value() or people < 0:
            reasons.append(f"folkmängden ”{people_text}” är inget heltal större än eller lika med noll")
        if reasons:
            errors.append((n, "; ".join(reasons) + "."))
        else:
            rows.append(PopulationRow(n, code, name, day, int(people)))
    if not rows and not errors:
        errors.append((0, "Filen innehåller inga rader med folkmängd."))
    return rows, errors


@dataclass(frozen=True)
class Booking:
    line: int
    date: date
    account: str
    amount: Decimal  # kronor, debit positive as in the books


def read_bookings_csv(data: bytes):
    """Columns: date, account, amount in kronor (costs positive, income negative, as booked)."""
    rows, errors = [], []
    if _binary(data):
        return rows, [(0, NOT_TEXT)]
    table = _rows(decode_text(data))
    if not table:
        return rows, [(0, "Filen är tom.")]
    start = 0 if table[0] and parse_day(table[0][0]) else 1
    for n, cells in enumerate(table[start:], start=start + 1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if len(cells) < 3:
            errors.append((n, "raden ska ha datum, konto och belopp."))
            continue
        day, account, amount = parse_day(cells[0]), cells[1], parse_number(cells[2])
        reasons = []
        if day is None:
            reasons.append(f"datumet ”{cells[0]}” kan inte läsas (skriv 2024-03-31)")
        if not account.isdigit():
            reasons.append(f"kontot ”{account}” ska vara ett kontonummer")
        if amount is None:
            reasons.append(f"beloppet ”{cells[2]}” är inget tal")
        if reasons:
            errors.append((n, "; ".join(reasons) + "."))
        else:
            rows.append(Booking(n, day, account, amount))
    if not rows and not errors:
        errors.append((0, "Filen innehåller inga bokförda belopp."))
    return rows, errors


def read_bookings_sie(data: bytes):
    try:
        parsed = sie.parse(data)
    except sie.SieError as error:
        return [], list(error.errors)
    return [Booking(t.line, t.date, t.account, t.amount) for t in parsed.transactions()], []


def looks_like_sie(data: bytes) -> bool:
    return data.lstrip()[:7].upper() == b"#FLAGGA"


def parse_accounts(text: str):
    """"5410, 6540-6549" → [(5410, 5410), (6540, 6549)]; raises ValueError with a Swedish reason."""
    ranges = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        m = re.fullmatch(r"(\d{3,6})(?:\s*[-–]\s*(\d{3,6}))?", part)
        if not m:
            raise ValueError(f"”{part}” är inget konto eller kontointervall (skriv t.ex. 5410 eller 6540-6549).")
        low, high = int(m[1]), int(m[2] or m[1])
        if high < low:
            raise ValueError(f"Intervallet ”{part}” slutar före det börjar.")
        ranges.append((low, high))
    return ranges
