"""Spanish text folded for comparing and searching: lower case, no accents or tildes. The one definition,
shared by the loaders, the question reader and the API (and Neo4j's indexed *_folded properties)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def _fold_slow(text: str) -> str:
    """Decomposed, without its combining marks, lower case. The marks are deleted by one ``str.translate``
    over the distinct characters, not a generator over every character: a whole document is folded so."""
    decomposed = unicodedata.normalize("NFKD", text)
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.combining(ch)}
    return decomposed.translate(marks).lower()


# Every Latin letter with a diacritic → its ASCII base, as _fold_slow maps it: one str.translate does
# for a whole article what a generator over its decomposition did character by character.
_LATIN = {i: _fold_slow(chr(i)) for i in range(0x80, 0x250) if _fold_slow(chr(i)).isascii()}


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lower case without accents or tildes ("Órgano" → "organo", "Muñoz" → "munoz"). Cached: the
    parsers fold the same names many times."""
    if text.isascii():
        return text.lower()
    latin = text.translate(_LATIN)
    return latin.lower() if latin.isascii() else _fold_slow(text)


def fold_keep_length(text: str) -> str:
    """Like ``fold`` but character by character, so offsets in the result match the input."""
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base[:1].lower() if base else ch.lower()
