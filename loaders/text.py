"""Stage 1 of every loader: bytes → numbered, cleaned lines, running headers removed.

Guarantees: every ``Line`` keeps its 1-based source line number; ``text`` is NFC, single-spaced,
without markdown emphasis, quote markers, bullet glyphs or running headers; ``bullet`` says the
source line carried a list bullet (a glyph, "·", "•" or a leading "- "); ``indented`` says the
bullet was indented (a sub-item). Nothing here knows a genre.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from orggraph.errors import ParseError

# Bullets as PDF extraction renders them: private-use Symbol-font glyphs, and common bullets.
BULLET_CHARS = "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\u2022\u00b7\u25cf\u25aa\u25a0\u2023\u2043\u25e6\u2013"
_BULLET_RE = re.compile(rf"^\s*(?:[{BULLET_CHARS}]|[-–](?=\s))\s*")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_BOLD = re.compile(r"\*\*(.*?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\*)|(?<!\*)\*(?![*\w])")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_PAGE = re.compile(r"\bP[áa]gina\s+\d+\s+de\s+\d+\b|^\s*-?\s*\d{1,3}\s*-?\s*$|^\s*P[áa]g\.\s*\d+\s*$", re.IGNORECASE)


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


def fold(text: str) -> str:
    """Lower case without accents or tildes ("Órgano" → "organo", "Muñoz" → "munoz")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def fold_keep_length(text: str) -> str:
    """Like ``fold`` but character by character, so offsets in the result match the input."""
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base[:1].lower() if base else ch.lower()


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
        except UnicodeDecodeError:
            line = data[: exc.start].count(b"\n") + 1
            raise ParseError("the file is neither UTF-8 nor Windows-1252 text", path, line) from exc
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(10, len(text) // 200):
        raise ParseError("the file looks binary (too many control characters)", path, 1)
    return text


def clean(raw: str) -> tuple[str, bool, bool]:
    """One source line → (text, has_bullet, bullet_is_indented)."""
    line = unicodedata.normalize("NFC", raw.replace("\f", " "))
    line = re.sub(r"^\s*>+\s?", "", line)  # markdown quote markers from the extraction
    if _RULE.match(line):
        return "", False, False  # a horizontal rule between pages
    line = re.sub(r"^\s*#{1,6}\s+", "", line)  # markdown headings ("## TÍTULO PRIMERO")
    line = _BOLD.sub(r"\1", line).replace("**", "")
    line = _ITALIC.sub("", line)
    indented = bool(re.match(r"^[ \t]+\S", line))
    match = _BULLET_RE.match(line)
    bullet = match is not None
    if match:
        line = line[match.end() :]
    line = _PRIVATE_USE.sub(" ", line)
    line = _SPACES.sub(" ", line).strip()
    return line, bullet, bullet and indented


def read_lines(text: str) -> list[Line]:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        cleaned, bullet, indented = clean(raw)
        lines.append(Line(number, raw, cleaned, bullet, indented))
    return lines


def _is_title_case_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8


@dataclass
class Cleaned:
    lines: list[Line]
    removed: list[tuple[int, str]]  # running headers/footers removed, (line, text), for metadata

    @property
    def headers(self) -> list[str]:
        return [text for _, text in self.removed]

    def header_lines(self) -> list[tuple[int, str]]:
        return sorted(self.removed)


_LAST_CHANGE = re.compile(r"^(Última (?:modificación|reforma|adición)\b[^\d]*\d{1,2}[-/]\d{1,2}[-/]\d{4})\s*(.*)$")


def strip_running_headers(lines: list[Line]) -> Cleaned:
    """Blank out running headers and footers, keeping line numbers.

    Signals, none tied to one document: (1) page-number lines ("Página 11 de 41 …"), with the
    upper-case lines just above them when those repeat in the document; (2) the document's first
    line (its title) repeated later; (3) a repeated "Última modificación/reforma …" line. A header
    glued to real text ("Última modificación JG … Artículo adicionado …") keeps the real text.
    """
    out = list(lines)
    headers: list[tuple[int, str]] = []
    repeats = Counter(fold(ln.text) for ln in lines if not ln.blank)
    first_index = next((i for i, ln in enumerate(lines) if not ln.blank), None)
    title_key = fold(lines[first_index].text) if first_index is not None else ""

    def blank_out(i: int, keep: str = "") -> None:
        removed = out[i].text[: len(out[i].text) - len(keep)].strip() if keep else out[i].text
        if removed:
            headers.append((out[i].number, removed))
        out[i] = replace(out[i], text=keep, bullet=False, indented=False)

    for i, ln in enumerate(lines):
        if ln.blank or i == first_index:
            continue
        if len(title_key) > 20 and fold(ln.text) == title_key:
            blank_out(i)
            continue
        m = _LAST_CHANGE.match(ln.text)
        if m and repeats[fold(m.group(1))] + sum(1 for x in lines if x.text.startswith(m.group(1) + " ")) >= 2:
            blank_out(i, m.group(2))

    for i, ln in enumerate(out):
        if ln.text and _PAGE.search(ln.text):
            blank_out(i)
            j, taken = i - 1, 0
            while j >= 0 and taken < 4 and i - j <= 8:
                if out[j].blank:
                    j -= 1
                    continue
                if _is_title_case_heading(out[j].text) and repeats[fold(out[j].text)] >= 2:
                    blank_out(j)
                    taken += 1
                    j -= 1
                    continue
                break
    return Cleaned(out, headers)


def source_lines(path: str | Path, data: bytes | None = None) -> Cleaned:
    """Read a file (or given bytes) into cleaned lines with running headers removed."""
    raw = Path(path).read_bytes() if data is None else data
    return strip_running_headers(read_lines(decode(raw, path)))


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, not breaking after common abbreviations ("H.", "Art.")."""
    protected = re.sub(r"\b(H|Lic|Art|Arts|No|Núm|Fracc|Dr|Dra|Ing|C|pág|Sr|Sra)\.", r"\1<DOT>", text)
    protected = re.sub(r"(\d)\.(\d)", r"\1<DOT>\2", protected)
    parts = re.split(r"(?<=[.])\s+(?=[A-ZÁÉÍÓÚÑ¿])", protected)  # ";" joins clauses of one sentence
    return [p.replace("<DOT>", ".").strip() for p in parts if p.strip()]
