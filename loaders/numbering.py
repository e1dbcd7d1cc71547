"""Numbering in legal texts: roman fracciones, ordinals, article numbers with Bis/Ter, incisos."""

from __future__ import annotations

import re
from functools import lru_cache

from orggraph.folding import fold

_ROMAN_VALUES = [
    ("M", 1000),
    ("CM", 900),
    ("D", 500),
    ("CD", 400),
    ("C", 100),
    ("XC", 90),
    ("L", 50),
    ("XL", 40),
    ("X", 10),
    ("IX", 9),
    ("V", 5),
    ("IV", 4),
    ("I", 1),
]
ROMAN_RE = r"(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_STRICT_ROMAN = re.compile(rf"^{ROMAN_RE}$")


@lru_cache(maxsize=4096)
def roman_to_int(token: str) -> int:
    token = token.upper()
    if not token or not _STRICT_ROMAN.match(token):
        raise ValueError(f"not a roman numeral: {token!r}")
    total, i = 0, 0
    for symbol, value in _ROMAN_VALUES:
        while token.startswith(symbol, i):
            total += value
            i += len(symbol)
    return total


@lru_cache(maxsize=4096)
def int_to_roman(number: int) -> str:
    """Cached: every fracción asks for the numeral after its previous sibling's."""
    if not 0 < number < 4000:
        raise ValueError(f"cannot write {number} in roman numerals")
    out = []
    for symbol, value in _ROMAN_VALUES:
        while number >= value:
            out.append(symbol)
            number -= value
    return "".join(out)


def is_roman(token: str) -> bool:
    return bool(token) and bool(_STRICT_ROMAN.match(token.upper()))


ORDINALS = {
    "primero": 1,
    "primera": 1,
    "segundo": 2,
    "segunda": 2,
    "tercero": 3,
    "tercera": 3,
    "cuarto": 4,
    "cuarta": 4,
    "quinto": 5,
    "quinta": 5,
    "sexto": 6,
    "sexta": 6,
    "septimo": 7,
    "septima": 7,
    "setimo": 7,
    "octavo": 8,
    "octava": 8,
    "noveno": 9,
    "novena": 9,
    "decimo": 10,
    "decima": 10,
    "unico": 1,
    "unica": 1,
    "decimo primero": 11,
    "decimoprimero": 11,
    "undecimo": 11,
    "decimo segundo": 12,
    "decimosegundo": 12,
    "duodecimo": 12,
    "decimo tercero": 13,
    "decimotercero": 13,
    "decimo cuarto": 14,
    "decimocuarto": 14,
    "decimo quinto": 15,
    "decimoquinto": 15,
}
ORDINAL_RE = (
    r"(?:D[ÉE]CIMO\s+)?(?:PRIMER[OA]|SEGUND[OA]|TERCER[OA]|CUART[OA]|QUINT[OA]|SEXT[OA]|S[ÉE]PTIM[OA]|"
    r"OCTAV[OA]|NOVEN[OA]|D[ÉE]CIM[OA]|[ÚU]NIC[OA])"
)


def ordinal_to_int(word: str) -> int:
    key = re.sub(r"\s+", " ", fold(word).strip())
    if key not in ORDINALS:
        raise ValueError(f"not an ordinal: {word!r}")
    return ORDINALS[key]


# "5", "5o", "5°", "47 Bis", "54 Bis 1", "10 Ter", "3 Quáter" → canonical "5", "47 Bis", "54 Bis 1"
SUFFIXES = {
    "bis": "Bis",
    "ter": "Ter",
    "quater": "Quáter",
    "quinquies": "Quinquies",
    "sexies": "Sexies",
    "septies": "Septies",
    "octies": "Octies",
}
ARTICLE_NUMBER_RE = (
    r"\d{1,4}(?:\s*(?:o|°|º)(?![a-záéíóú]))?"
    r"(?:\s*-?\s*(?i:bis|ter|qu[áa]ter|quinquies|sexies|septies|octies)\b(?:\s*\d{1,2})?"
    # Federal laws insert articles with a capital letter: "Artículo 5 A.", "Artículo 251-A.", "32-D".
    r"|\s?-?\s?[A-Z](?=\s*(?:\.|-|–|:)))?"
)


def canonical_article_number(raw: str) -> str:
    m = re.match(r"^\s*(\d{1,4})\s*(?:o|°|º)?\s*-?\s*(?:([A-Za-zÁáÉé]+)\s*(\d{1,2})?)?\s*$", raw)
    if not m:
        raise ValueError(f"not an article number: {raw!r}")
    number, suffix, sub = m.groups()
    if not suffix:
        return str(int(number))
    if len(suffix) == 1 and suffix.isupper() and not sub:  # "251 A", "251-A": the law's inserted article
        return f"{int(number)} {suffix}"
    key = fold(suffix)
    if key not in SUFFIXES:
        raise ValueError(f"unknown article suffix {suffix!r} in {raw!r}")
    return " ".join(part for part in (str(int(number)), SUFFIXES[key], sub) if part)


def article_sort_key(canonical: str) -> tuple[int, int, int]:
    parts = canonical.split()
    order = list(SUFFIXES.values())
    if len(parts) > 1 and len(parts[1]) == 1:  # "251 A" after every "251 Bis …"
        return int(parts[0]), len(order) + ord(parts[1]) - ord("A") + 1, 0
    suffix = order.index(parts[1]) + 1 if len(parts) > 1 else 0
    sub = int(parts[2]) if len(parts) > 2 else 0
    return int(parts[0]), suffix, sub


def letter_index(letter: str) -> int:
    """ "a" → 1 … "n" → 14, "ñ" → 15, "o" → 16 (Spanish alphabet order)."""
    alphabet = "abcdefghijklmnñopqrstuvwxyz"
    return alphabet.index(letter.lower()) + 1
