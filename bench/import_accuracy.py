"""Score protocol extraction against hand labels: `python bench/import_accuracy.py DIR`.

Every file in DIR with a supported extension (.txt .md .docx .pdf) is extracted and compared
with DIR/expected/<same stem>.json (the interchange format). One JSON object is printed:
per-field true/false positives and negatives with precision, recall and F1, the
micro-averaged overall score (all fields' counts summed), per-file F1, and speed.

Matching. Each field turns a protocol into a multiset of facts (tuples of strings), and a
predicted fact counts as correct when an identical expected fact is left to match
(multiset intersection). Strings are normalised before comparison: Unicode NFC, casefold,
whitespace folded to single spaces, trailing ".,;:" and surrounding space removed. A null
or absent value is no fact, so predicting a value the label leaves null is a false positive
and missing a labelled value a false negative. Paragraph facts are keyed by (number, sub).

Fields:
  header        organisation, body, place, start, end, breaks, remote_participation,
                protocol_label, paragraph_range, adjustment place, notice kept_at
  dates         meeting date, adjustment date, notice posted/removed
  attendees     (name, role)
  organisation  (name, organisation) of attendees and absent
  party         (name, party) of attendees and absent
  details       attendee function, replaces, remote, presence intervals
  absent        (name) of those with förhinder
  officers      (chair|vice_chair|secretary|adjuster, name)
  paragraphs    (number, sub)
  titles        (number, sub, title)
  decisions     (number, sub, decision)
  flags         case_number, time, tabled, adjusted_immediately per paragraph
  votes         yes/no/abstain counts, each ballot (name, party, vote), each reservation
The paragraph `text` (a 400-character excerpt) is not in the F1 scores; `text_agreement` reports
the share of labelled paragraphs whose normalised text equals the extracted one.

Speed is parsing only (the line streams are read once beforehand), on one core, repeated
for at least a second; `files_per_second_with_reading` includes reading the files.
"""
from __future__ import annotations

import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

try:
    from samordna.protocols.extract import extract
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from samordna.protocols.extract import extract
from samordna.protocols.parser import parse
from samordna.protocols.readers import SUPPORTED, ReadError, read

FIELDS = ("header", "dates", "attendees", "organisation", "party", "details", "absent", "officers",
          "paragraphs", "titles", "decisions", "flags", "votes")


def norm(value) -> str:
    text = unicodedata.normalize("NFC", str(value)).casefold()
    return " ".join(text.split()).strip().rstrip(".,;:").strip()


def _key(p: dict) -> tuple[str, str]:
    return str(p.get("number")), norm(p.get("sub") or "")


def facts(d: dict) -> dict[str, Counter]:
    out = {f: Counter() for f in FIELDS}

    def add(field, *parts):
        if any(p is None or p == "" or p is False for p in parts[-1:]):
            return
        out[field][tuple(norm(p) for p in parts)] += 1

    meeting = d.get("meeting") or {}
    add("header", "organisation", d.get("organisation"))
    add("header", "body", d.get("body"))
    for key in ("place", "start", "end", "protocol_label"):
        add("header", key, meeting.get(key))
    if meeting.get("remote_participation"):
        add("header", "remote", "true")
    for b in meeting.get("breaks") or []:
        add("header", "break", f"{b.get('from')}-{b.get('to')}")
    if d.get("paragraph_range"):
        add("header", "paragraph_range", "-".join(map(str, d["paragraph_range"])))
    add("header", "adjustment_place", (d.get("adjustment") or {}).get("place"))
    add("header", "kept_at", (d.get("notice") or {}).get("kept_at"))

    add("dates", "meeting", meeting.get("date"))
    add("dates", "adjustment", (d.get("adjustment") or {}).get("date"))
    add("dates", "posted", (d.get("notice") or {}).get("posted"))
    add("dates", "removed", (d.get("notice") or {}).get("removed"))

    for a in d.get("attendees") or []:
        name = a.get("name")
        add("attendees", name, a.get("role"))
        add("organisation", name, a.get("organisation"))
        add("party", name, a.get("party"))
        add("details", name, "function", a.get("function"))
        add("details", name, "replaces", a.get("replaces"))
        if a.get("remote"):
            add("details", name, "remote", "true")
        for p in a.get("present") or []:
            add("details", name, "present", json.dumps({k: p.get(k) for k in ("from", "to", "from_paragraph", "to_paragraph")
                                                        if p.get(k) is not None}, sort_keys=True))
    for a in d.get("absent") or []:
        add("absent", a.get("name"))
        add("organisation", a.get("name"), a.get("organisation"))
        add("party", a.get("name"), a.get("party"))

    officers = d.get("officers") or {}
    for role in ("chair", "vice_chair", "secretary"):
        add("officers", role, officers.get(role))
    for name in officers.get("adjusters") or []:
        add("officers", "adjuster", name)

    for p in d.get("paragraphs") or []:
        n, sub = _key(p)
        add("paragraphs", n, sub or "-")
        add("titles", n, sub, p.get("title"))
        for decision in p.get("decisions") or []:
            add("decisions", n, sub, decision)
        add("flags", n, sub, "case_number", p.get("case_number"))
        if p.get("time"):
            add("flags", n, sub, "time", f"{p['time'].get('from')}-{p['time'].get('to')}")
        if p.get("tabled"):
            add("flags", n, sub, "tabled", "true")
        if p.get("adjusted_immediately"):
            add("flags", n, sub, "adjusted_immediately", "true")
        vote = p.get("vote") or {}
        for key in ("yes", "no", "abstain"):
            if vote.get(key) is not None:
                add("votes", n, sub, key, vote[key])
        for b in vote.get("ballots") or []:
            add("votes", n, sub, "ballot", b.get("name"), b.get("party") or "-", b.get("vote"))
        for r in p.get("reservations") or []:
            add("votes", n, sub, "reservation", r)
    return out


def score(predicted: dict, expected: dict) -> dict[str, tuple[int, int, int]]:
    got, want = facts(predicted), facts(expected)
    result = {}
    for field in FIELDS:
        tp = sum((got[field] & want[field]).values())
        result[field] = (tp, sum(got[field].values()) - tp, sum(want[field].values()) - tp)
    return result


def text_pairs(predicted: dict, expected: dict) -> tuple[int, int]:
    got = {_key(p): norm(p.get("text") or "") for p in predicted.get("paragraphs") or []}
    want = [(_key(p), norm(p.get("text") or "")) for p in expected.get("paragraphs") or []]
    return sum(got.get(k) == t for k, t in want), len(want)


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def sources(directory: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for path in sorted(directory.iterdir()):
        label = directory / "expected" / f"{path.stem}.json"
        if path.is_file() and path.suffix.casefold() in SUPPORTED and label.exists():
            pairs.append((path, label))
    return pairs


def run(directory: Path, min_seconds: float = 1.0) -> dict:
    pairs = sources(directory)
    totals = {f: [0, 0, 0] for f in FIELDS}
    per_file, errors, streams = {}, {}, []
    texts_equal = texts_total = 0
    for path, label in pairs:
        expected = json.loads(label.read_text(encoding="utf-8"))
        try:
            protocol, _ = extract(path)
            predicted = protocol.to_dict()
            streams.append(read(path).lines)
        except ReadError as error:
            errors[path.name] = str(error)
            predicted = {}
        counts = score(predicted, expected)
        equal, total = text_pairs(predicted, expected)
        texts_equal, texts_total = texts_equal + equal, texts_total + total
        tp = fp = fn = 0
        for field, (a, b, c) in counts.items():
            totals[field][0] += a
            totals[field][1] += b
            totals[field][2] += c
            tp, fp, fn = tp + a, fp + b, fn + c
        per_file[path.name] = prf(tp, fp, fn)["f1"]

    rounds, started = 0, time.perf_counter()
    while streams and (time.perf_counter() - started < min_seconds or rounds < 3):
        for lines in streams:
            parse(lines)
        rounds += 1
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for path, _ in pairs:
        try:
            extract(path)
        except ReadError:
            pass
    read_seconds = time.perf_counter() - started

    fields = {f: prf(*totals[f]) for f in FIELDS}
    overall = prf(*(sum(totals[f][k] for f in FIELDS) for k in range(3)))
    return {
        "directory": str(directory),
        "files": len(pairs),
        "fields": fields,
        "overall": {"precision": overall["precision"], "recall": overall["recall"], "micro_f1": overall["f1"]},
        "per_file_f1": per_file,
        "text_agreement": {"equal": texts_equal, "paragraphs": texts_total,
                           "rate": round(texts_equal / texts_total, 4) if texts_total else None},
        "errors": errors,
        "files_per_second": round(len(streams) * rounds / parse_seconds, 1) if streams and parse_seconds else None,
        "files_per_second_with_reading": round(len(pairs) / read_seconds, 1) if pairs and read_seconds else None,
    }


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        sys.stderr.write("Användning: python bench/import_accuracy.py KATALOG  (med KATALOG/expected/*.json)\n")
        return 2
    print(json.dumps(run(Path(argv[0])), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
