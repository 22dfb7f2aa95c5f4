"""A small reader for SIE 4 files: the accounts (#KONTO) and the vouchers (#VER with #TRANS).

Source: SIE-gruppen, "SIE filformat, version 4B" (the Swedish accounting exchange format): text lines
starting with a #label, fields separated by blanks, "quoted" fields with \\" escapes, object lists in {},
dates as YYYYMMDD, amounts with a decimal point, debit positive and credit negative, and the whole file
in IBM PC 8-bit code page 437 ("#FORMAT PC8"). #RTRANS/#BTRANS are supplementary and removed rows; a
#RTRANS is always followed by the same row as #TRANS for older readers, so both are skipped here.

No maintained Python parser exists (the one on PyPI, pysie-accounting 0.0.2, is a 5 kB unmaintained
package built on pandas and aimed at writing files), so this reads only what the economy needs.
Errors are collected for the whole file and raised together, each with its line number, in Swedish.
"""
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

__all__ = ["SieError", "Transaction", "Voucher", "SieFile", "decode", "parse"]

# å ä ö Å Ä Ö in CP437 and in Latin-1/Windows-1252: a file with only the latter was saved in the wrong code page.
_CP437_SWEDISH = {0x86, 0x84, 0x94, 0x8F, 0x8E, 0x99}
_LATIN1_SWEDISH = {0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6}
_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\{[^}]*\})|(\S+)')


class SieError(ValueError):
    """Every problem in the file as (line number, reason); line 0 concerns the whole file."""

    def __init__(self, errors):
        self.errors = tuple(errors)
        super().__init__("\n".join(f"Rad {n}: {reason}" if n else reason for n, reason in self.errors))


@dataclass(frozen=True)
class Transaction:
    account: str
    amount: Decimal
    date: date
    text: str
    line: int


@dataclass(frozen=True)
class Voucher:
    series: str
    number: str
    date: date
    text: str
    transactions: tuple[Transaction, ...]
    line: int


@dataclass(frozen=True)
class SieFile:
    program: str
    accounts: dict[str, str]
    vouchers: tuple[Voucher, ...]

    def transactions(self):
        for voucher in self.vouchers:
            yield from voucher.transactions


def decode(data: bytes) -> str:
    """The file's text from CP437, refusing files that were saved as UTF-8 or Latin-1 (their å ä ö would break)."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise SieError([(0, "Filen är kodad som UTF-8, men SIE-filer ska vara kodade i CP437 (#FORMAT PC8). "
                            "Exportera filen på nytt från bokföringsprogrammet.")])
    if any(b > 0x7F for b in data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise SieError([(0, "Filen är kodad som UTF-8, men SIE-filer ska vara kodade i CP437 (#FORMAT PC8). "
                                "Exportera filen på nytt från bokföringsprogrammet.")])
        present = set(data)
        if present & _LATIN1_SWEDISH and not present & _CP437_SWEDISH:
            raise SieError([(0, "Filen ser ut att vara kodad som Latin-1/Windows-1252, men SIE-filer ska vara "
                                "kodade i CP437 (#FORMAT PC8). Exportera filen på nytt från bokföringsprogrammet.")])
    return data.decode("cp437")


def _fields(line: str) -> list[str]:
    out = []
    for quoted, objects, plain in _TOKEN.findall(line):
        if objects:
            out.append(objects)
        elif plain:
            out.append(plain)
        else:
            out.append(quoted.replace('\\"', '"'))
    return out


def _date(text: str, n: int, errors) -> date | None:
    try:
        if not re.fullmatch(r"\d{8}", text):
            raise ValueError
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        errors.append((n, f"ogiltigt datum ”{text}” (ska vara ÅÅÅÅMMDD)."))
        return None


def _amount(text: str, n: int, errors) -> Decimal | None:
    try:
        value = Decimal(text)
        if not value.is_finite():
            raise InvalidOperation
        return value
    except InvalidOperation:
        errors.append((n, f"ogiltigt belopp ”{text}” (ska skrivas med decimalpunkt, t.ex. 1250.50)."))
        return None


def parse(data: bytes | str) -> SieFile:
    """Read a SIE 4 file (bytes as stored, or text already decoded). Raises SieError listing every problem."""
    text = decode(data) if isinstance(data, bytes) else data
    errors: list[tuple[int, str]] = []
    accounts: dict[str, str] = {}
    vouchers: list[Voucher] = []
    program, has_flag = "", False
    open_voucher = None  # (series, number, date, text, line, [transactions])
    in_block = False
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "{":
            if open_voucher is None or in_block:
                errors.append((n, "”{” utan en #VER före."))
            in_block = True
            continue
        if line == "}":
            if not in_block:
                errors.append((n, "”}” utan ett öppnat ”{”."))
            else:
                _close(open_voucher, vouchers, errors)
            open_voucher, in_block = None, False
            continue
        fields = _fields(line)
        label, args = fields[0].upper(), fields[1:]
        if not label.startswith("#"):
            errors.append((n, f"raden börjar inte med en #-etikett: ”{line[:40]}”."))
            continue
        if open_voucher is not None and not in_block:
            errors.append((open_voucher[4], "#VER saknar sina rader inom { }."))
            open_voucher = None
        if label == "#FLAGGA":
            has_flag = True
        elif label == "#FORMAT":
            if args[:1] != ["PC8"]:
                errors.append((n, f"#FORMAT {' '.join(args)}: SIE-filer ska vara i formatet PC8 (CP437)."))
        elif label == "#PROGRAM":
            program = " ".join(args)
        elif label == "#KONTO":
            if len(args) < 2 or not args[0].isdigit():
                errors.append((n, "#KONTO ska ha ett kontonummer och ett namn."))
            else:
                accounts[args[0]] = args[1]
        elif label == "#VER":
            if in_block:
                errors.append((n, "#VER inne i en annan verifikation (saknas ”}”?)."))
                continue
            if len(args) < 3:
                errors.append((n, "#VER ska ha serie, nummer och datum."))
                open_voucher = ("", "", None, "", n, [])
                continue
            day = _date(args[2], n, errors)
            open_voucher = (args[0], args[1], day, args[3] if len(args) > 3 else "", n, [])
        elif label == "#TRANS":
            if not in_block:
                errors.append((n, "#TRANS utanför en verifikation."))
                continue
            if len(args) < 3 or not args[0].isdigit() or not args[1].startswith("{"):
                errors.append((n, "#TRANS ska ha kontonummer, objektlista {} och belopp."))
                continue
            amount = _amount(args[2], n, errors)
            day = _date(args[3], n, errors) if len(args) > 3 and args[3] else open_voucher[2]
            if amount is not None and day is not None:
                open_voucher[5].append(Transaction(args[0], amount, day, args[4] if len(args) > 4 else "", n))
        # Every other label (#SIETYP, #RAR, #IB, #RES, #RTRANS, #BTRANS, …) is not needed here.
    if in_block:
        errors.append((open_voucher[4], "Verifikationen avslutas aldrig med ”}”."))
    if not has_flag:
        errors.insert(0, (0, "Filen saknar #FLAGGA och är troligen ingen SIE-fil."))
    if errors:
        raise SieError(errors)
    return SieFile(program, accounts, tuple(vouchers))


def _close(voucher, vouchers, errors):
    series, number, day, text, line, transactions = voucher
    if day is None:
        return  # its date error is already reported
    total = sum((t.amount for t in transactions), Decimal(0))
    if total:
        errors.append((line, f"verifikation {series} {number} balanserar inte (summa {str(total).replace('.', ',')})."))
        return
    vouchers.append(Voucher(series, number, day, text, tuple(transactions), line))
