"""People, organisations, parties and staff titles as Swedish protocols write them.

Protocols give no markup for who is a person and what is an organisation, so the
decisions rest on small lexicons: organisation words ("kommun", "Försäkringskassan",
"-regionen", "Finsam"), title suffixes ("-chef", "-ledare", "-sekreterare") and the
shape of a personal name (two to five capitalised words, particles allowed).
"""
from __future__ import annotations

import re

UPPER = "A-ZÅÄÖÉÈÜØÆÁÍÓÚÑÇ"
LOWER = "a-zåäöéèüøæáíóúñçß"
_TOKEN = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}{LOWER}][{LOWER}'’]+)*"
_PARTICLE = r"(?:von|van|af|de|del|der|den|la|le|di|da|dos|du|ben|bin|el|al|zu)"
NAME_RE = re.compile(rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_TOKEN}){{1,4}}")
SINGLE_RE = re.compile(rf"{_TOKEN}")
PARTY_RE = re.compile(r"\(\s*([A-ZÅÄÖa-zåäö]{1,4})\s*\)")

# Words that make a capitalised phrase an organisation rather than a person.
ORG_WORDS = {
    "kommun", "kommuner", "stad", "staden", "region", "regionen", "län", "landsting", "finsam", "sof",
    "försäkringskassan", "arbetsförmedlingen", "samordningsförbund", "samordningsförbundet",
    "förbund", "förbundet", "kansli", "kansliet", "ab", "hb", "ekonomisk", "förening", "stiftelse",
    "universitet", "högskola", "skatteverket", "polisen", "kyrkan", "fou", "arbvux",
}
ORG_SUFFIXES = (
    "kommun", "kassan", "förmedlingen", "regionen", "förbund", "förbundet", "nämnden", "nämnd",
    "förvaltningen", "förvaltning", "styrelsen", "fullmäktige", "utskottet", "enheten", "centrum",
    "gruppen", "rådet", "verket", "myndigheten", "institutet", "bolaget", "akademin", "huset",
    "kansliet", "staden", "stad", "sektorn", "partiet", "kyrkan", "konsult", "consulting",
)
# Last word of a staff title or a board function.
TITLE_SUFFIXES = (
    "chef", "ledare", "sekreterare", "ordförande", "samordnare", "koordinator", "handläggare",
    "administratör", "ekonom", "controller", "revisor", "revisorer", "analytiker", "praktikant",
    "strateg", "utredare", "jurist", "direktör", "kommunikatör", "registrator", "assistent",
    "föredragande", "sakkunnig", "ledamot", "ersättare", "tjänsteperson", "tjänsteman", "stödjare",
    "coach", "rådgivare", "specialist", "student", "observatör", "medarbetare", "pedagog",
    "kurator", "rektor", "inspektör", "protokollförare", "tolk", "projektledare", "företrädare",
    "representant", "adjungerad", "ombud", "sekr", "utvecklare", "konsult", "ordf",
)
TITLE_PREFIXES = {"biträdande", "bitr", "vice", "tf", "t.f", "förste", "andre", "1:e", "2:e", "3:e", "admin",
                  "administrativ", "ställföreträdande", "stf", "senior", "ekonomi", "verksamhets"}

FUNCTION_CODES = {
    "ordförande": "chair", "ordf": "chair", "vice ordförande": "vice_chair", "1:e vice ordförande": "vice_chair",
    "förste vice ordförande": "vice_chair", "v. ordf": "vice_chair", "v ordf": "vice_chair", "vice ordf": "vice_chair",
    "v.ordf": "vice_chair", "v. ordförande": "vice_chair", "sekreterare": "secretary",
}
PARTY_CODES = {"S", "M", "C", "L", "KD", "V", "MP", "SD", "FP", "SP", "KP", "NYD", "FI", "PP"}


def fold(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return [w.strip(".,;:()") for w in text.split()]


def is_abbreviation(token: str) -> bool:
    """"AF", "FK", "VGR", "FoU": two or more capitals mark an organisation code."""
    for segment in token.split("-"):
        letters = [c for c in segment if c.isalpha()]
        if len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2:
            return True
    return False


def is_org_token(token: str) -> bool:
    t = token.casefold().strip(".,;:()")
    return t in ORG_WORDS or t.endswith(ORG_SUFFIXES) or is_abbreviation(token)


def looks_like_org(text: str) -> bool:
    ws = words(text)
    return bool(ws) and any(is_org_token(w) for w in ws)


def is_title(text: str) -> bool:
    """"förbundschef", "bitr. förbundschef", "projekt-/utvecklingsledare", "Förbundschef"."""
    ws = [w for w in text.replace("/", " ").split() if w]
    if not ws or len(ws) > 5:
        return False
    last = ws[-1].casefold().strip(".,;:")
    if not last.endswith(TITLE_SUFFIXES):
        return False
    # Every word before the last is a lower-case qualifier ("biträdande", "admin.").
    return all(w[:1].islower() or w.casefold().strip(".") in TITLE_PREFIXES for w in ws[:-1]) and not looks_like_org(text)


def split_title_prefix(text: str) -> tuple[str | None, str]:
    """"förbundschef sof Sjuhärad" → ("förbundschef", "sof Sjuhärad"): the longest leading title."""
    ws = text.split()
    for n in range(min(len(ws), 5), 0, -1):
        head = " ".join(ws[:n])
        if is_title(head):
            return head, " ".join(ws[n:])
    return None, text


def function_code(function: str | None) -> str | None:
    if not function:
        return None
    key = fold(function).casefold().strip(".,;: ")
    return FUNCTION_CODES.get(key, fold(function).strip(".,;: "))


def _name_tokens_ok(name: str) -> bool:
    return not any(is_org_token(w) for w in name.split())


def find_name(text: str) -> tuple[str, int, int] | None:
    """The first personal name in `text` as (name, start, end), stopping before organisation
    words so "Petra Nord Sof Sjuhärad" gives "Petra Nord"."""
    for m in NAME_RE.finditer(text):
        tokens = m[0].split()
        # "Ordförande Ulf Strand", "Vice ordförande …": a leading title is no part of the name.
        lead = 0
        while lead < len(tokens) and (is_title(tokens[lead]) or tokens[lead].casefold() in TITLE_PREFIXES):
            lead += 1
        tokens = tokens[lead:]
        for i, tok in enumerate(tokens):
            if is_org_token(tok):
                tokens = tokens[:i]
                break
        if len(tokens) >= 2:
            # Re-find the trimmed name so the span covers the original spacing.
            head = re.search(r"\s*".join(map(re.escape, tokens)), text[m.start():])
            return " ".join(tokens), m.start() + head.start(), m.start() + head.end()
    return None


def is_person_name(text: str) -> bool:
    t = fold(text).strip(" .,;:")
    m = NAME_RE.fullmatch(t)
    return bool(m) and _name_tokens_ok(t)


def org_key(name: str | None) -> frozenset[str]:
    """Comparable core of an association's name: "Finsam Göteborg" ~ "Samordningsförbundet Göteborg"."""
    if not name:
        return frozenset()
    generic = {"samordningsförbundet", "samordningsförbund", "finsam", "sof", "förbundet", "i", "för", "kansli", "kansliet"}
    out = set()
    for w in re.split(r"[\s,/]+", name.casefold()):
        w = w.strip(".:;()")
        if not w or w in generic:
            continue
        out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return frozenset(out)


def is_association(name: str | None) -> bool:
    n = (name or "").casefold()
    return any(w in n for w in ("samordningsförbund", "finsam", "sof "))
