"""Shared data for the document tests: a protocol written for these tests (every feature the
documents print), the seed protocols' expected interchange documents when ../shared is present,
and helpers that say what a rendered document must contain."""
import copy
import json
import re
from pathlib import Path

import pytest

from samordna.documents.context import decision_line

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "expected"
SEED_FILES = sorted(SEEDS.glob("*.json")) if SEEDS.is_dir() else []
GOTEBORG = SEEDS / "001_bafa4bed793d0a7f.json"

# A made-up association and meeting, in our own words; it exercises every part of the layout.
PROTOCOL = {
    "schema": "samordna.protocol/1",
    "organisation": "Samordningsförbundet Norrforsen",
    "body": "Styrelsen",
    "meeting": {
        "date": "2024-03-12", "start": "09:00", "end": "12:15",
        "breaks": [{"from": "10:30", "to": "10:45"}],
        "place": "Folkets hus, lilla salen, Storgatan 3", "remote_participation": True,
        "protocol_label": "Protokoll 2 2024",
    },
    "paragraph_range": [12, 20],
    "officers": {"chair": "Ingrid Falk", "vice_chair": "Johan Åström", "secretary": "Lena Mård",
                 "adjusters": ["Pia Nyberg", "Omar Haddad"]},
    "adjustment": {"date": "2024-03-19", "place": "Norrforsen, förbundets kansli"},
    "notice": {"posted": "2024-03-20", "removed": "2024-04-11", "kept_at": "Förbundets kansli, Bruksvägen 9"},
    "attendees": [
        {"name": "Ingrid Falk", "role": "member", "function": "chair", "organisation": "Norrforsens kommun",
         "party": "S"},
        {"name": "Johan Åström", "role": "member", "function": "vice_chair", "organisation": "Försäkringskassan"},
        {"name": "Pia Nyberg", "role": "member", "organisation": "Region Norrland", "party": "M", "remote": True},
        {"name": "Omar Haddad", "role": "member", "organisation": "Arbetsförmedlingen"},
        {"name": "Karin Berglöf", "role": "serving_substitute", "organisation": "Ängsby kommun", "party": "C",
         "replaces": "Sven Ödman"},
        {"name": "Tove Lindqvist", "role": "substitute", "organisation": "Region Norrland", "party": "V",
         "present": [{"from": "09:30", "to": "11:00"}]},
        {"name": "Elias Rönn", "role": "substitute", "organisation": "Norrforsens kommun",
         "present": [{"to_paragraph": 15}]},
        {"name": "Maja Strand", "role": "co_opted", "organisation": "Bäckebo kommun"},
        {"name": "Lena Mård", "role": "official", "function": "förbundschef", "organisation": "Kansliet"},
        {"name": "Alva Ek", "role": "official", "function": "controller", "organisation": "Kansliet",
         "present": [{"from_paragraph": 16}]},
        {"name": "Nils Hed", "role": "guest", "function": "utvärderare", "organisation": "Högskolan i Forsby",
         "present": [{"from_paragraph": 14, "to_paragraph": 14}]},
    ],
    "absent": [
        {"name": "Sven Ödman", "organisation": "Ängsby kommun", "party": "KD"},
        {"name": "Greta Holm", "organisation": "Försäkringskassan", "role": "ersättare"},
    ],
    "paragraphs": [
        {"number": 12, "title": "Mötet öppnas", "text": "Ordföranden hälsar alla välkomna."},
        {"number": 13, "title": "Verksamhetsplan med budget 2025", "case_number": "7/24",
         "text": "Kansliet har tagit fram ett förslag.\n\nFörslaget bygger på de dialoger som hållits med parterna under "
                 "hösten.\nEn sammanfattning skickades ut med kallelsen.",
         "decisions": ["anta verksamhetsplanen med budget för 2025", "Kansliet får i uppdrag att följa upp planen."]},
        {"number": 14, "title": "Utvärdering av insatsen Nästa steg", "case_number": "3/23",
         "text": "Utvärderaren presenterar resultaten.", "decisions": ["notera informationen"]},
        {"number": 15, "title": "Policy för representation", "text": "Underlaget behöver kompletteras.",
         "tabled": True},
        {"number": 16, "title": "Firmatecknare", "text": "Nya firmatecknare behöver utses.",
         "decisions": ["utse förbundschefen och ordföranden att var för sig teckna förbundets firma"],
         "adjusted_immediately": True},
        {"number": 17, "title": "Medlemsavgift för nästa år", "text": "Två förslag ställs mot varandra.",
         "decisions": ["avgiften höjs med två procent"],
         "vote": {"yes": 3, "no": 1, "abstain": 1, "ballots": [
             {"name": "Ingrid Falk", "party": "S", "vote": "yes"},
             {"name": "Johan Åström", "vote": "yes"},
             {"name": "Pia Nyberg", "party": "M", "vote": "no"},
             {"name": "Omar Haddad", "vote": "yes"},
             {"name": "Karin Berglöf", "party": "C", "vote": "abstain"}]},
         "reservations": ["Pia Nyberg (M)"]},
        {"number": 18, "sub": "a", "title": "Rapport från kansliet", "text": "Förbundschefen rapporterar."},
        {"number": 18, "sub": "b", "title": "Rapport från beredningsgruppen", "text": "Ingen rapport denna gång."},
        {"number": 19, "title": "Dialog om samverkan", "time": {"from": "11:15", "to": "11:50"},
         "text": "Ledamöterna diskuterar samverkan med skolan.", "attendance_changes": ["Tove Lindqvist lämnar mötet."]},
        {"number": 20, "title": "Mötet avslutas", "text": "Ordföranden tackar och avslutar mötet."},
    ],
}

NOTICE = {"posted": "2024-03-20", "appeal_last_day": "2024-04-10", "remove_after": "2024-04-11",
          "kept_at": "Förbundets kansli, Bruksvägen 9"}
HASH = "5f" * 32


def squash(text: str) -> str:
    """Whitespace folded to single spaces, so line and column breaks do not matter."""
    return re.sub(r"\s+", " ", text).strip()


def heading(paragraph: dict) -> str:
    sub = paragraph.get("sub")
    return f"§ {paragraph['number']} {sub} " if sub else f"§ {paragraph['number']} "


def expectations(protocol: dict, extract_of=None) -> list[str]:
    """Strings the rendered document must contain: every name, paragraph heading and decision."""
    wanted = set(extract_of or [])
    paragraphs = [p for p in protocol["paragraphs"] if not wanted or p["number"] in wanted]
    out = []
    if not extract_of:
        out += [a["name"] for a in protocol.get("attendees") or []]
        out += [a["name"] for a in protocol.get("absent") or []]
    for p in paragraphs:
        out.append(heading(p) + p["title"])
        out += [decision_line(d) for d in p.get("decisions") or []]
        vote = p.get("vote") or {}
        out += [b["name"] for b in vote.get("ballots") or []]
    return [squash(s) for s in out]


def load(path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
