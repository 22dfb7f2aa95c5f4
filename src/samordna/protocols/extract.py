"""`extract(path)`: read a file and parse it into a Protocol with Swedish warnings.

Raises ReadError (Swedish message) for a file that cannot be read as a protocol at all:
unsupported type, empty, too big, broken, scanned without text, or without anything a
protocol has (neither paragraphs nor an attendance list, or no meeting date).
"""
from __future__ import annotations

from pathlib import Path

from .interchange import Protocol
from .parser import parse
from .readers import DEFAULT_LIMITS, Limits, Line, ReadError, read


def extract_lines(lines: list[Line], name: str = "Filen") -> tuple[Protocol, list[str]]:
    """Parse a line stream; ReadError when it holds no protocol that can be imported."""
    protocol, warnings = parse(lines)
    if not protocol.paragraphs and not protocol.attendees:
        raise ReadError(f"{name} ser inte ut som ett protokoll: varken paragrafer (§) eller närvarolista hittades.")
    if not protocol.meeting.date:
        raise ReadError(f"{name} saknar sammanträdesdatum; utan datum kan mötet inte importeras.")
    return protocol, warnings


def extract(path, limits: Limits = DEFAULT_LIMITS) -> tuple[Protocol, list[str]]:
    document = read(path, limits)
    protocol, warnings = extract_lines(document.lines, Path(path).name)
    return protocol, document.warnings + warnings
