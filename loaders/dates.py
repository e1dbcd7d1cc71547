"""Spanish dates as legal texts write them: "13 de septiembre de 2023", "1° de julio de 2020",
"28-11-2023", "en el mes de agosto del año 2001"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from orggraph.folding import fold

MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
_MONTH = "|".join(MONTHS)
FULL_DATE = re.compile(
    rf"\b(\d{{1,2}})\s*(?:°|º|o\.)?\s+de\s+({_MONTH})\s+(?:de|del)\s+(?:año\s+)?(\d{{4}})\b", re.IGNORECASE
)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b")
MONTH_YEAR = re.compile(rf"\b(?:mes\s+de\s+)?({_MONTH})\s+(?:de|del)\s+(?:año\s+)?(\d{{4}})\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:en\s+el\s+)?a[ñn]o\s+(?:de\s+)?(19\d\d|20\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    value: date
    precision: str  # "day", "month" or "year"
    start: int
    end: int


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Every date in ``text`` in reading order, most precise reading first where they overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in FULL_DATE.finditer(text):
        value = _safe(int(m.group(3)), MONTHS[fold(m.group(2))], int(m.group(1)))
        if value:
            found.append(DateMention(value, "day", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in NUMERIC_DATE.finditer(text):
        value = _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if value and free(m.start(), m.end()):
            found.append(DateMention(value, "day", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in MONTH_YEAR.finditer(text):
        if free(m.start(), m.end()):
            found.append(DateMention(date(int(m.group(2)), MONTHS[fold(m.group(1))], 1), "month", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in YEAR.finditer(text):
        if free(m.start(), m.end()):
            found.append(DateMention(date(int(m.group(1)), 1, 1), "year", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str) -> date | None:
    dates = find_dates(text)
    return dates[0].value if dates else None


def parse_numeric(text: str) -> date | None:
    """ "28-11-2023" → 2023-11-28 (day first, as Mexican texts write it)."""
    m = NUMERIC_DATE.search(text)
    return _safe(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
