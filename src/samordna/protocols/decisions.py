"""Decisions in a paragraph body.

An explicit decision block starts at a trigger: a "Beslut" / "Beslut:" heading, or a line
whose subject is an organ and whose verb is "beslutar" ("Styrelsen för Samordningsförbundet
Göteborg beslutar", "Styrelsen beslutar att", "…beslutar att utse X"). Each "att …" clause
after it is one decision, without the leading "att". After "Beslut:" or "beslutar att" the
following lines are clauses even without "att" ("Godkänna upprättad budgetplan.").

Without any trigger, short decision sentences stand on their own: "Läggs till handlingarna.",
"Föredragningslistan godkänns.", "Anita väljs till justerare.", "Bordläggs till nästa möte".
"""
from __future__ import annotations

import re

from .readers import Line

ORGAN = (r"(?:styrelsen|förbundsstyrelsen|arbetsutskottet|utskottet|nämnden|\w+nämnden|kommunfullmäktige|"
         r"kommunstyrelsen|regionfullmäktige|regionstyrelsen|fullmäktige|presidiet|beredningen|årsstämman|"
         r"stämman|mötet|sammanträdet|förbundsdirektionen|direktionen|medlemssamrådet)")
TRIGGER_RE = re.compile(
    rf"^(?:{ORGAN})(?:\s+(?:för|i)\s+[^,.]{{1,80}}?)?\s+(?P<verb>beslutar|beslöt|beslutade)(?:\s+(?:därför|enhälligt|också|även))?"
    r"(?:\s*(?P<att>att)\b)?\s*(?P<colon>:)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Beslutades att …", "Det beslutades", "Beslöts:" — associations write the decision in the passive.
PASSIVE_RE = re.compile(r"^(?:det\s+)?(?:beslutades|beslöts|beslutas)\b\s*(?P<att>att\b)?\s*(?P<colon>:)?\s*(?P<rest>.*)$",
                        re.IGNORECASE)
# "Efter diskussion beslutar styrelsen:" — the organ after the verb, the clauses on the next lines.
INVERTED_RE = re.compile(rf"\b(?P<verb>beslutar|beslöt|beslutade)\s+{ORGAN}(?:\s+(?:därför|enhälligt))?\s*(?P<att>att)?\s*(?P<colon>:)?(?P<rest>)$",
                         re.IGNORECASE)
HEADING_RE = re.compile(r"^(?:[A-ZÅÄÖ][\wåäö]*s\s+)?beslut(?:et)?(?:\s+i\s+korthet)?\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE)
NOT_DECISION_HEAD = re.compile(r"^(?:förslag till beslut|beslutsunderlag|beslutsgång|beslutet skickas|beslutet ska skickas|"
                               r"beslutsförslag|beslutsärenden|beslutet expedieras)", re.IGNORECASE)
SENTENCE_SPLIT_RE = re.compile(r"(?<=[a-zåäö0-9)])\.\s+(?=[A-ZÅÄÖ])")
ATT_RE = re.compile(r"^att\b[\s:]*", re.IGNORECASE)
STOP_RE = re.compile(r"^(?:beslutet skickas|beslutet ska skickas|expedieras|protokollsutdrag|sändlista|skickas till|"
                     r"reservation|mot beslutet|votering|yrkande|propositionsordning|justerandes)", re.IGNORECASE)
PLAIN_RE = re.compile(
    r"^(?:[\wåäöÅÄÖ\-:]+\s+){0,8}?(?:läggs|lades)\s+till\s+handlingarna|"
    r"^(?:[\wåäöÅÄÖ\-:]+\s+){0,8}?(?:godkänns|godkändes|fastställs|fastställdes|antas|antogs|beviljas|beviljades|"
    r"bordläggs|bordlades|väljs|valdes|utses|utsågs|antecknas|noteras|återremitteras|avslås|bifalls|förklaras)\b|"
    r"^(?:\w+\s+){0,3}?antecknar\b.{0,60}\bprotokoll",
    re.IGNORECASE,
)
SUBORDINATE = {"om", "tills", "när", "eftersom", "ifall", "innan", "då", "hur", "vad", "vilket", "vilka", "som", "men",
               "trots", "medan", "sedan", "vi", "man", "de", "inte", "ej", "kommer", "ska", "skall", "kan", "bör"}
NOT_PLAIN_RE = re.compile(r"^(?:om|när|eftersom|innan|då|vid|för att|det|som|hur|vad|varför|inga|ingen)\b|\b(?:kommer|ska|skall|kan|bör|har)\b",
                          re.IGNORECASE)


def _clause(text: str) -> str:
    # "att bevilja 250 000 kronor," / "…; samt" continue a list; the joiner is not part of the clause,
    # and neither is a list number ("1. Kommunen begär …").
    text = re.sub(r"^(?:\d{1,2}|[a-z])[.)]\s+(?=\S)", "", text.strip())
    text = " ".join(ATT_RE.sub("", text, count=1).split())
    return re.sub(r"(?:[,;]|\s+(?:och|samt))+$", "", text).strip()


def is_trigger(line: Line) -> re.Match | None:
    text = line.text.strip()
    if line.blank or NOT_DECISION_HEAD.match(text):
        return None
    m = HEADING_RE.match(text) or TRIGGER_RE.match(text) or PASSIVE_RE.match(text) or INVERTED_RE.search(text)
    if m and m.re is INVERTED_RE and not (m["att"] or m["colon"]):
        return None  # "… beslutar styrelsen" needs "att" or ":" to announce clauses
    if m and m.re is TRIGGER_RE and m["verb"].casefold() != "beslutar" and m["rest"] and not (m["att"] or m["colon"]):
        return None  # "Styrelsen beslutade den 3 oktober …" tells of an earlier decision
    return m


class DecisionReader:
    """Reads the decisions of one paragraph body (a list of lines)."""

    def __init__(self, lines: list[Line]):
        # "Kassören redovisade läget. Beslutades att …": a trigger inside a line starts its own line.
        self.lines = []
        for line in lines:
            pieces = SENTENCE_SPLIT_RE.split(line.text) if not line.blank and ". " in line.text else [line.text]
            if len(pieces) > 1 and any(is_trigger(Line(p.strip())) for p in pieces[1:]):
                self.lines.extend(Line(p.strip(), bullet=line.bullet) for p in pieces if p.strip())
            else:
                self.lines.append(line)

    def decisions(self) -> list[str]:
        explicit = self._explicit()
        return explicit if explicit is not None else self._plain()

    def _explicit(self) -> list[str] | None:
        found: list[str] | None = None
        i = 0
        while i < len(self.lines):
            m = is_trigger(self.lines[i])
            if not m:
                i += 1
                continue
            found = [] if found is None else found
            groups = m.groupdict()
            rest = " ".join((groups.get("rest") or "").split())
            heading = m.re is HEADING_RE or (m.re is PASSIVE_RE and not rest)
            open_clauses = heading or bool(groups.get("att") or groups.get("colon"))
            collected = 0
            inner = TRIGGER_RE.match(rest) if rest and m.re is HEADING_RE else None
            if inner and inner["att"] and inner["rest"]:
                rest = inner["rest"]  # "Beslut: Kommunstyrelsen beslutar att lägga …"
            if rest:
                if heading or groups.get("colon"):
                    found.append(_clause(rest))
                elif groups.get("att"):
                    found.append(rest)
                else:  # "Styrelsen beslutar enligt förslaget." is itself the decision
                    found.append(" ".join(self.lines[i].text.split()))
                # After an inline decision only further "att" lines continue it.
                open_clauses, collected = False, 1
            i = self._clauses(i + 1, found, open_clauses, collected)
        return found

    def _clauses(self, i: int, found: list[str], open_clauses: bool, collected: int) -> int:
        """Collect the clauses after a trigger; returns the index to continue from."""
        gap = False
        while i < len(self.lines):
            line = self.lines[i]
            text = line.text.strip()
            if line.blank:
                gap = collected > 0
                i += 1
                continue
            if line.rule or is_trigger(line) or STOP_RE.match(text):
                break
            att = bool(ATT_RE.match(text))
            if (collected and found and not att and not line.bullet and text[:1].islower()
                    and not found[-1].endswith((".", ";", ":", "!", "?"))):
                found[-1] = _clause(f"{found[-1]} {text.replace(chr(9), ' ')}")  # a clause wrapped onto this line
                i += 1
                continue
            if line.heading and not att:
                if collected:
                    break
                i += 1
                continue
            if line.italic and not att and re.search(r"beslut|förslag", text, re.IGNORECASE):
                i += 1  # "*Kommunfullmäktiges beslut i enlighet med …*" names the decision, it is not one
                continue
            if att:
                found.append(_clause(text))
            elif open_clauses and not (gap and not line.bullet):
                found.append(_clause(text.replace("\t", " ")))
            else:
                break
            collected += 1
            gap = False
            i += 1
        return i

    def _plain(self) -> list[str]:
        out = []
        for line in self.lines:
            if line.blank or line.heading or line.rule or "\t" in line.text:
                continue
            for sentence in re.split(r"(?<=[.!])\s+(?=[A-ZÅÄÖ])", line.text.strip()):
                m = PLAIN_RE.search(sentence)
                if len(sentence) > 200 or not m:
                    continue
                lead = [w.casefold().strip(",") for w in sentence[: m.end()].split()[1:-1]]
                if SUBORDINATE & set(lead):
                    continue  # "Arbetet vilar tills vi vet om planen godkänns" decides nothing
                if NOT_PLAIN_RE.search(sentence) and not sentence.casefold().startswith("bordläggs"):
                    continue
                out.append(" ".join(sentence.split()))
        return out


def table_decisions(cell: str) -> list[str]:
    """The decision column of a "§§ Ärenden Beslut" table: one decision, or its "att" clauses."""
    text = " ".join(cell.split())
    if not text:
        return []
    m = TRIGGER_RE.match(text)
    if m and m["att"]:
        parts = re.split(r"\s+(?=att\s)", m["rest"])
        return [_clause(p) for p in parts if p.strip()]
    clauses = re.split(r"(?:^|\s+)(?=[Aa]tt\s)", text)
    if len(clauses) > 1 and not clauses[0].strip():
        return [_clause(p) for p in clauses if p.strip()]
    return [text]
