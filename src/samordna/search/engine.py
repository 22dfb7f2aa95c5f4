"""Full-text search of one association: PostgreSQL's `swedish` tsvector or SQLite's FTS5, behind one interface.

Why it is fast at national scale: every query is scoped to one association inside the index itself (the association
is a lexeme of PostgreSQL's tsvector; an FTS5 `scope` token on SQLite), so the index reads and ranking only ever see
one association's matches. Compound words: each query word is widened to the association's indexed stems that contain it
("förbund" → "samordningsförbundet", "förbundschef"), looked up in a small vocabulary table with a trigram index.
All words must match; when that finds nothing, any word may (and the result says so).

Order of hits: PostgreSQL ranks the newest 200 matches with ts_rank (title words weigh more); SQLite lists title
matches before text matches, newest first — FTS5's bm25 would first count every match of every widened word in the
whole index, which took seconds at a million paragraphs.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction

from .models import SearchEntry, SearchTerm
from .text import stem, stems, words

MAX_WORDS = 8
MAX_EXPANSIONS = 30
MIN_TERM = 2
CANDIDATES = 200
# Above this many estimated matches in one association, reading its entries newest first finds CANDIDATES matches
# sooner than fetching every match through GIN (measured at 12 500 entries per association: crossover near 2 500).
COMMON = 2500


@dataclass
class Entry:
    key: str
    kind: str
    title: str
    url: str
    text: str = ""
    date: date | None = None
    body: str = ""
    case_number: str = ""
    restricted: bool = False


@dataclass
class Hit:
    kind: str
    title: str
    date: date | None
    url: str
    snippet: list[tuple[str, bool]] = field(default_factory=list)  # (text, matched)

    @property
    def snippet_text(self):
        return "".join(part for part, _ in self.snippet)


@dataclass
class Result:
    hits: list[Hit]
    any_word: bool = False  # no entry held every word; these hold some


def _terms(entry: Entry) -> str:
    return " ".join(stems(f"{entry.title} {entry.case_number}") + stems(entry.text))


@transaction.atomic  # one commit for the row, its vocabulary and its FTS5 row (SQLite syncs each commit to disk)
def put(association_id: int, entries: list[Entry]) -> None:
    """Add or replace entries (by key)."""
    if not entries:
        return
    rows = []
    for e in entries:
        row, _ = SearchEntry.objects.update_or_create(
            association_id=association_id, key=e.key,
            defaults={"kind": e.kind, "title": e.title[:400], "url": e.url[:300], "text": e.text, "date": e.date,
                      "year": e.date.year if e.date else None, "body": e.body[:50], "case_number": e.case_number[:50],
                      "terms": _terms(e), "restricted": e.restricted})
        rows.append(row)
    _after_write(association_id, rows)


@transaction.atomic
def bulk_add(association_id: int, entries: list[Entry]) -> None:
    """Add new entries in one go (imports and benchmarks); keys must not exist yet."""
    rows = SearchEntry.objects.bulk_create([
        SearchEntry(association_id=association_id, key=e.key, kind=e.kind, title=e.title[:400], url=e.url[:300],
                    text=e.text, date=e.date, year=e.date.year if e.date else None, body=e.body[:50],
                    case_number=e.case_number[:50], terms=_terms(e), restricted=e.restricted)
        for e in entries], batch_size=2000)
    if connection.vendor != "postgresql" and rows and rows[0].pk is None:
        keys = [r.key for r in rows]
        rows = list(SearchEntry.objects.filter(association_id=association_id, key__in=keys))
    _after_write(association_id, rows, new=True)


def _after_write(association_id, rows, new=False):
    if connection.vendor == "postgresql":
        # The vocabulary is the tsvectors' own lexemes, so a widened word matches them exactly.
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_searchterm (association_id, term) SELECT DISTINCT %s, left(w, 40) "
                "FROM search_searchentry e, unnest(tsvector_to_array(e.document)) w "
                "WHERE e.id = ANY(%s) AND length(w) >= %s AND w ~ '[[:alpha:]]' AND w !~ '^a[0-9]+$' "
                "ON CONFLICT DO NOTHING",
                [association_id, [r.pk for r in rows], MIN_TERM])
        return
    vocabulary = {t for r in rows for t in r.terms.split() if widens(t)}
    SearchTerm.objects.bulk_create([SearchTerm(association_id=association_id, term=t[:40]) for t in vocabulary],
                                   ignore_conflicts=True, batch_size=5000)
    with connection.cursor() as cursor:
        if not new:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(r.pk,) for r in rows])
        cursor.executemany("INSERT INTO search_fts (rowid, scope, title, terms) VALUES (%s, %s, %s, %s)",
                           [(r.pk, _scope(r), " ".join(stems(f"{r.title} {r.case_number}")), r.terms) for r in rows])


def optimize() -> None:
    """Merge the index after a large load (an import of an association's whole history, the benchmark). FTS5 writes
    each batch as a new segment and a query reads every segment; PostgreSQL's GIN is settled by VACUUM ANALYZE."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE search_searchentry")
        else:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")


@transaction.atomic
def remove(association_id: int, keys) -> None:
    found = SearchEntry.objects.filter(association_id=association_id, key__in=list(keys))
    ids = list(found.values_list("pk", flat=True))
    if ids and connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(i,) for i in ids])
    found.delete()


def remove_prefix(association_id: int, prefix: str) -> None:
    keys = SearchEntry.objects.filter(association_id=association_id, key__startswith=prefix).values_list("key", flat=True)
    remove(association_id, list(keys))


# Querying --------------------------------------------------------------------------------------------------------


def widens(term: str) -> bool:
    """Whether a stem belongs in the vocabulary that widens query words. Numbers (§ numbers, Dnr, amounts, dates)
    are most of an archive's distinct tokens but are never part of a compound word; leaving them out keeps the
    substring lookup small. They stay in the index itself, so "16/23" is still found."""
    return len(term) >= MIN_TERM and any(ch.isalpha() for ch in term)


def expand(association_id: int, word: str) -> list[str]:
    """The stems a query word stands for: its own, and the association's stems that contain it."""
    own = stem(word)
    if not widens(own):
        return [own, word.casefold()]
    escaped = own.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # "ark" inside "parkering" is not a match: short words only widen to words that start with them.
    pattern = f"{escaped}%" if len(own) < 4 else f"%{escaped}%"
    with connection.cursor() as cursor:
        cursor.execute("SELECT term FROM search_searchterm WHERE association_id = %s AND term LIKE %s ESCAPE '\\' "
                       "ORDER BY length(term), term LIMIT %s", [association_id, pattern, MAX_EXPANSIONS])
        found = [row[0] for row in cursor.fetchall()]
    # [own stem, the word as typed, widened stems]: PostgreSQL's Snowball build and the Python one disagree on a
    # few words ("steget"), so PostgreSQL stems the typed word itself.
    return [own, word.casefold()] + [t for t in found if t != own]


def _tsquery(groups, any_word):
    """SQL for the tsquery and its parameters: each typed word stemmed by PostgreSQL itself, or any lexeme of the
    association that contains its stem (taken as it is: stemming a stem again can cut it further)."""
    quote = lambda t: "'" + t.replace("'", "''").replace("\\", "") + "'"  # noqa: E731
    parts, params = [], []
    for own, typed, *found in groups:
        parts.append("(to_tsquery('swedish', %s) || to_tsquery('simple', %s))")
        params += [quote(typed), " | ".join(quote(t) for t in [own, *found])]
    return (" || " if any_word else " && ").join(parts), params


def _scope(row) -> str:
    """The FTS5 scope tokens of a row: association, year, kind, body, and whether anyone may see it."""
    tokens = [f"k{row.kind}", "open" if not row.restricted else "closed"]
    if row.year:
        tokens.append(f"y{row.year}")
    if row.body:
        tokens.append("b" + re.sub(r"[^0-9a-z]", "", row.body.lower()))
    return scope_tokens(row.association_id, tokens)


def scope_tokens(association_id, tokens) -> str:
    """Every scope token carries its association ("a41", "a41open", "a41y2019"): a bare "open" or "y2019" would
    have a doclist spanning every association, and FTS5 reads the doclists it intersects."""
    return " ".join([f"a{association_id}"] + [f"a{association_id}{t}" for t in tokens])


def _fts_query(association_id, groups, any_word, filters, restricted, column="terms"):
    quote = lambda t: '"' + t.replace('"', '""') + '"'  # noqa: E731
    wanted = []
    if filters.get("year"):
        wanted.append(f"y{filters['year']}")
    if filters.get("kind"):
        wanted.append(f"k{filters['kind']}")
    if filters.get("body"):
        wanted.append("b" + re.sub(r"[^0-9a-z]", "", filters["body"].lower()))
    if not restricted:
        wanted.append("open")
    scope = scope_tokens(association_id, wanted).split()[1 if wanted else 0:]
    parts = ["(" + " OR ".join(quote(t) for t in group) + ")" for group in groups]
    return ("scope : (" + " AND ".join(quote(t) for t in scope) + f") AND {column} : ("
            + (" OR " if any_word else " AND ").join(parts) + ")")


def _ranked_ids(association_id, groups, filters, restricted, limit, any_word):
    """The ids of the best `limit` entries."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return _pg_ids(cursor, association_id, groups, filters, restricted, limit, any_word)
        return _fts_ids(cursor, association_id, groups, filters, restricted, limit, any_word)


def _pg_ids(cursor, association_id, groups, filters, restricted, limit, any_word):
    """PostgreSQL: rank the newest CANDIDATES matches with ts_rank and keep the best: ranking every match of a
    common word is what costs, and in a protocol archive the recent matches are the ones wanted first.

    The newest matches are found one of two ways, chosen by PostgreSQL's own estimate of how many of the association's
    entries match. A common word: read the association's entries newest first (btree on association_id, id DESC) and
    stop at CANDIDATES matches — a few hundred rows. A rarer word: the GIN index, where the association's own lexeme
    ("a41", migration 0005) lets GIN walk the association's short posting list; the equality is written "+ 0" so the
    planner does not also read the association's whole btree range and AND the two bitmaps. Either way the matches
    are picked by id alone and only the chosen rows' documents are read again for ranking."""
    where, params = "", []
    for column in ("kind", "year", "body", "case_number"):
        if filters.get(column) not in (None, ""):
            where += f" AND e.{column} = %s"
            params.append(filters[column])
    if not restricted:
        where += " AND NOT e.restricted"
    query, query_params = _tsquery(groups, any_word)
    scoped = f"e.document @@ (to_tsquery('simple', %s) && ({query}))"
    scoped_params = [f"a{association_id}", *query_params]
    cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT e.id FROM search_searchentry e WHERE {scoped}", scoped_params)
    plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    if plan[0]["Plan"]["Plan Rows"] >= COMMON:
        match, match_params = f"e.association_id = %s AND e.document @@ ({query})", [association_id, *query_params]
    else:
        match, match_params = f"e.association_id + 0 = %s AND {scoped}", [association_id, *scoped_params]
    cursor.execute(
        f"SELECT c.id FROM (SELECT e.id FROM search_searchentry e WHERE {match}{where} ORDER BY e.id DESC LIMIT %s) n "
        f"JOIN search_searchentry c ON c.id = n.id ORDER BY ts_rank(c.document, ({query})) DESC, c.id DESC LIMIT %s",
        [*match_params, *params, CANDIDATES, *query_params, limit])
    return [row[0] for row in cursor.fetchall()]


def _fts_ids(cursor, association_id, groups, filters, restricted, limit, any_word):
    """SQLite: entries whose title holds the words first, then those whose text does, newest first within each.
    FTS5 walks its doclists in rowid order and stops at the limit; bm25 would have to count every match of
    every widened word across all associations first, which is what made it slow at scale."""
    case_number = filters.get("case_number")
    ids = []
    for column in ("title", "terms"):
        match = _fts_query(association_id, groups, any_word, filters, restricted, column)
        if case_number:  # few rows carry one case number
            cursor.execute("SELECT search_fts.rowid FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid "
                           "WHERE search_fts MATCH %s AND e.case_number = %s ORDER BY search_fts.rowid DESC LIMIT %s",
                           [match, case_number, limit + len(ids)])
        else:
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s",
                           [match, limit + len(ids)])
        ids += [row[0] for row in cursor.fetchall() if row[0] not in ids]
        if len(ids) >= limit:
            break
    return ids[:limit]


def search(association_id: int, query: str, filters=None, *, restricted=False, limit=20) -> Result:
    """The best `limit` entries for `query`; any string is a valid query (nothing searchable gives no hits)."""
    filters = filters or {}
    query_words = list(dict.fromkeys(words(query)))[:MAX_WORDS]
    groups = [expand(association_id, w) for w in query_words]
    if not groups:
        return Result([])
    any_word = False
    ids = _ranked_ids(association_id, groups, filters, restricted, limit, any_word)
    if not ids and len(groups) > 1:
        any_word = True
        ids = _ranked_ids(association_id, groups, filters, restricted, limit, any_word)
    rows = SearchEntry.objects.only("kind", "title", "date", "url", "text").in_bulk(ids)
    pattern = _matcher({t for group in groups for t in group})
    hits = [Hit(rows[i].kind, rows[i].title, rows[i].date, rows[i].url, snippet(rows[i].text or rows[i].title, pattern))
            for i in ids if i in rows]
    return Result(hits, any_word)


def _matcher(wanted: set[str]) -> re.Pattern | None:
    """Whole words that contain a wanted stem. The look-behind makes a match start only at a word's first letter:
    without it the engine retries the leading letters from every position of every word, which cost a millisecond a
    snippet."""
    terms = sorted((t for t in wanted if t), key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<![^\W_])[^\W_]*?(?:" + "|".join(map(re.escape, terms)) + r")[^\W_]*", re.IGNORECASE)


def snippet(text: str, pattern: re.Pattern | None, width: int = 110) -> list[tuple[str, bool]]:
    """A piece of the text around the first matching word (`pattern` from _matcher), matching words marked."""
    if pattern is None:
        return [(text[: width * 2], False)]
    first = pattern.search(text)
    centre = first.start() if first else 0
    start = max(0, centre - width // 2)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < centre else start
    end = min(len(text), start + width * 2)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > centre else end
    parts, at = [], start
    for m in pattern.finditer(text, start, end):
        if m.start() > at:
            parts.append((text[at:m.start()], False))
        parts.append((m.group(), True))
        at = m.end()
    if at < end:
        parts.append((text[at:end], False))
    if start > 0:
        parts.insert(0, ("… ", False))
    if end < len(text):
        parts.append((" …", False))
    return parts
