"""Words and stems for the search index (Snowball's Swedish stemmer, the algorithm PostgreSQL's `swedish` uses)."""
import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[0-9]+(?:[/:.-][0-9]+)*|[^\W\d_]+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("swedish")
MAX_WORD = 40


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text or "") if len(w) <= MAX_WORD]


def stems(text: str) -> list[str]:
    return [_stem(w) for w in words(text)]


def stem(word: str) -> str:
    return _stem(word.casefold())


@lru_cache(maxsize=200_000)  # protocols repeat their words; the pure-Python stemmer is the cost of indexing
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)
