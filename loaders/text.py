"""Stage 1 of every loader: bytes → numbered, cleaned lines (page noise is ``loaders.pages``).

Guarantees: every ``Line`` keeps its 1-based source line number; ``text`` is NFC, single-spaced,
without markdown emphasis, quote markers, bullet glyphs or running headers; ``bullet`` says the
source line carried a list bullet (a glyph, "·", "•" or a leading "- "); ``indented`` says the
bullet was indented (a sub-item). Nothing here knows a genre.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from orggraph.errors import ParseError

# Bullets as PDF extraction renders them: private-use Symbol-font glyphs, and common bullets.
BULLET_CHARS = "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\u2022\u00b7\u25cf\u25aa\u25a0\u2023\u2043\u25e6\u2013"
_BULLET_RE = re.compile(rf"^\s*(?:[{BULLET_CHARS}]|[-–](?=\s))\s*")
_BOLD = re.compile(r"\*\*(.*?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\*)|(?<!\*)\*(?![*\w])")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
# A private-use glyph is a space (Symbol-font bullets left mid-line): one pass replaces both by one space.
_SPACES_OR_PRIVATE_USE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\ue000-\uf8ff]+")
# What that pass replaces but plain spaces: a line without it is single-spaced more cheaply (or is already).
_ODD_SPACING = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\ue000-\uf8ff]")


@dataclass(frozen=True)
class Line:
    number: int
    raw: str
    text: str
    bullet: bool = False
    indented: bool = False

    @property
    def blank(self) -> bool:
        return not self.text


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # category Cc but tab, newlines, form feed


def decode(data: bytes, path: str | Path) -> str:
    """UTF-8 (or, failing that, Windows-1252) text; refuses binary and empty input."""
    if not data.strip():
        raise ParseError("the file is empty", path, 1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ParseError("the file is binary (it contains NUL bytes), not extracted text", path, line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as other:
            line = data[: exc.start].count(b"\n") + 1
            cp_line = data[: other.start].count(b"\n") + 1
            raise ParseError(
                f"the file is neither UTF-8 (from line {line}) nor Windows-1252 (from line {cp_line}) text; "
                "a file whose parts were saved in different encodings must be saved again as UTF-8",
                path,
                line,
            ) from exc
    controls = len(_CONTROL.findall(text))
    if controls > max(10, len(text) // 200):
        raise ParseError("the file looks binary (too many control characters)", path, 1)
    return text


_QUOTE_MARK = re.compile(r"^\s*>+\s?")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_INDENTED = re.compile(r"^[ \t]+\S")


def clean(raw: str) -> tuple[str, bool, bool]:
    """One source line → (text, has_bullet, bullet_is_indented). Each markdown pattern runs only on a
    line holding its mark (">", "#", "*"), and the spacing (and private-use) one on a line with spacing
    or a glyph to replace: most lines hold none, and a search costs more than an ``in``."""
    line = unicodedata.normalize("NFC", raw.replace("\f", " "))
    if ">" in line:
        line = _QUOTE_MARK.sub("", line)  # markdown quote markers from the extraction
    if _RULE.match(line):
        return "", False, False  # a horizontal rule between pages
    if "#" in line:
        line = _HEADING_MARK.sub("", line)  # markdown headings ("## TÍTULO PRIMERO")
    if "*" in line:
        line = _BOLD.sub(r"\1", line).replace("**", "")
        line = _ITALIC.sub("", line)
    indented = bool(_INDENTED.match(line))
    match = _BULLET_RE.match(line)
    bullet = match is not None
    if match:
        line = line[match.end() :]
    if not line.isascii() and _ODD_SPACING.search(line):
        line = _SPACES_OR_PRIVATE_USE.sub(" ", line)
    elif "\t" in line:  # an ASCII line's only spacing besides the space
        line = _SPACES.sub(" ", line)
    elif "  " in line:
        line = _single_spaced(line)
    return line.strip(), bullet, bullet and indented


def _single_spaced(line: str) -> str:
    """A line whose only spacing is plain spaces, each run of them one space, as the spacing patterns
    make it but for a space at either end, which the caller strips anyway. Joining the words costs a
    tenth of the pattern's pass on a text extracted with its layout (a match for every space)."""
    return " ".join(word for word in line.split(" ") if word)


def read_lines(text: str) -> list[Line]:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        cleaned, bullet, indented = clean(raw)
        lines.append(Line(number, raw, cleaned, bullet, indented))
    return lines


_ABBREVIATIONS = ("H", "Lic", "Art", "Arts", "No", "Núm", "Fracc", "Dr", "Dra", "Ing", "C", "pág", "Sr", "Sra")
_ABBREVIATION_DOT = re.compile(rf"\b({'|'.join(_ABBREVIATIONS)})\.")
_DECIMAL_DOT = re.compile(r"(\d)\.(\d)")
_SENTENCE_BREAK = re.compile(r"(?<=[.])\s+(?=[A-ZÁÉÍÓÚÑ¿])")  # ";" joins clauses of one sentence


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, not breaking after common abbreviations ("H.", "Art.")."""
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    """Cached: several readers (governance, history, organs) split the same statements."""
    if _abbreviation_before_a_dot(text):
        text = _ABBREVIATION_DOT.sub(r"\1<DOT>", text)
    protected = _DECIMAL_DOT.sub(r"\1<DOT>\2", text)
    parts = _SENTENCE_BREAK.split(protected)
    return tuple(p.replace("<DOT>", ".").strip() for p in parts if p.strip())


def _abbreviation_before_a_dot(text: str) -> bool:
    """Whether one of the abbreviations comes right before a ".", as in every match of _ABBREVIATION_DOT:
    a text without one (most) is not searched by it, whose word boundary is tried at every position
    (5 µs a paragraph, where testing its few dots costs under 1)."""
    dot = text.find(".")
    while dot != -1:
        if text.endswith(_ABBREVIATIONS, 0, dot):
            return True
        dot = text.find(".", dot + 1)
    return False


# The non-ASCII letters re.IGNORECASE takes for an ASCII one (its simple case mapping and the
# extra cases of re._casefix), which str.lower() alone leaves apart ("İ" lowers to "i" + a dot).
_IGNORECASE_ASCII = str.maketrans({"İ": "i", "K": "k", "ı": "i", "ſ": "s"})


def keyed(text: str) -> str:
    """The text as a case-blind pattern sees its letters, for a reader's cheap test of its trigger
    words before its patterns run: an ASCII word a pattern matches ignoring case is a substring of this."""
    low = text.lower()
    if low.isascii() or not ("ı" in low or "ſ" in low or "\u0307" in low):  # "İ" lowers to "i" + U+0307
        return low
    return text.translate(_IGNORECASE_ASCII).lower()  # rare: translating every non-ASCII text cost more


# The Latin-1 characters str.isalpha() takes for letters, and those of them str.isupper() takes for capitals.
_LATIN1_LETTERS = bytes(b for b in range(256) if chr(b).isalpha())
_LATIN1_CAPITALS = bytes(b for b in range(256) if chr(b).isalpha() and chr(b).isupper())


def upper_ratio(text: str) -> float:
    """The share of capitals among a text's letters (0.0 without letters): how the readers tell a heading
    or a title in capitals from prose. A Latin-1 text (Spanish, its accents) is counted by deleting its
    letters, then its capitals, from its bytes: 25x faster than testing each character in Python, which
    text with other characters (typographic quotes, dashes) still does. Asked of whole intros."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        letters = [c for c in text if c.isalpha()]
        return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    count = len(data) - len(data.translate(None, _LATIN1_LETTERS))
    return (len(data) - len(data.translate(None, _LATIN1_CAPITALS))) / count if count else 0.0
