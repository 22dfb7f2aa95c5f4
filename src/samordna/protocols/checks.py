"""Warnings about what looks wrong in an extracted protocol (Swedish, for the preview)."""
from __future__ import annotations

from .interchange import Protocol


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def check(protocol: Protocol) -> list[str]:
    warnings: list[str] = []
    meeting_date = protocol.meeting.date
    notice = protocol.notice
    if meeting_date and notice and notice.posted and notice.posted < meeting_date:
        warnings.append(f"Anslagsdatumet {notice.posted} ligger före sammanträdet {meeting_date}; troligen ett skrivfel.")
    if notice and notice.posted and notice.removed and notice.removed < notice.posted:
        warnings.append(f"Anslaget tas ned {notice.removed}, före det sätts upp {notice.posted}.")
    adjustment = protocol.adjustment
    if meeting_date and adjustment and adjustment.date and adjustment.date < meeting_date:
        warnings.append(f"Justeringsdatumet {adjustment.date} ligger före sammanträdet {meeting_date}.")

    numbers = sorted({p.number for p in protocol.paragraphs})
    for a, b in zip(numbers, numbers[1:]):
        if b - a > 1:
            missing = f"§ {a + 1}" if b - a == 2 else f"§§ {a + 1}–{b - 1}"
            warnings.append(f"Paragrafnumreringen hoppar från § {a} till § {b} ({missing} saknas).")
    order = [p.number for p in protocol.paragraphs]
    if any(b < a for a, b in zip(order, order[1:])):
        warnings.append("Paragraferna står inte i nummerordning.")
    if protocol.paragraph_range and numbers:
        lo, hi = protocol.paragraph_range
        if numbers[0] != lo or numbers[-1] != hi:
            warnings.append(f"Protokollet anger §§ {lo}–{hi} men paragraferna som hittades är §§ {numbers[0]}–{numbers[-1]}.")

    present = {_norm(a.name) for a in protocol.attendees}
    if any(a.role in ("member", "serving_substitute", "substitute", "co_opted") for a in protocol.attendees):
        for adjuster in protocol.officers.adjusters:
            if _norm(adjuster) not in present:
                warnings.append(f"Justeraren {adjuster} finns inte bland de närvarande.")
        chair = protocol.officers.chair
        if chair and _norm(chair) not in present:
            warnings.append(f"Ordföranden {chair} finns inte bland de närvarande.")
    absent = {_norm(a.name) for a in protocol.absent}
    for name in sorted(present & absent):
        warnings.append(f"{name.title()} står både som närvarande och med förhinder.")
    return warnings
