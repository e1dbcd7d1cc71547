"""Numbered lists as manuals print them: "1. …", "5.3 …", "IV. …", "a) …".

An item starts only where the *expected next* number starts a line (or, glued after a page break,
follows a sentence end inside a line), so a wrapped line that happens to begin with a number is
never an item. Everything else, blank lines included, continues the current item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.numbering import int_to_roman, roman_to_int
from loaders.text import Line


@dataclass
class Item:
    number: str
    text: str
    line_start: int
    line_end: int


def _marker(style: str, n: int, prefix: str) -> str:
    if style == "arabic":
        return rf"{re.escape(prefix)}{n}\s*[.)]?"
    if style == "roman":
        return rf"{int_to_roman(n)}\s*[.)]"
    if style == "letter":
        return rf"{chr(ord('a') + n - 1)}\s*\)"
    raise ValueError(style)


def detect_style(lines: list[Line], prefix: str = "") -> str | None:
    """The numbering a block uses: arabic ("1."), roman ("I.") or letters ("a)")."""
    for line in lines:
        text = line.text
        if not text:
            continue
        if re.match(rf"^{re.escape(prefix)}1\s*[.)]?\s+\S", text):
            return "arabic"
        if re.match(r"^I\s*[.)]\s+\S", text):
            return "roman"
        if re.match(r"^a\s*\)\s+\S", text):
            return "letter"
    return None


def split_items(lines: list[Line], style: str, prefix: str = "") -> tuple[list[Line], list[Item]]:
    """(lines before the first item, the items). ``prefix`` is e.g. "5." for "5.1", "5.2" …"""
    items: list[Item] = []
    preamble: list[Line] = []
    expected = 1
    for line in lines:
        text = line.text
        if not text:
            continue
        start = re.match(rf"^(?:{_marker(style, expected, prefix)})\s+(?=\S)", text)
        if start:
            items.append(Item(_number(style, expected, prefix), "", line.number, line.number))
            expected += 1
            text = text[start.end() :]
        elif not items:
            preamble.append(line)
            continue
        # A number glued into a line after a page break: "… contable. 5. Atender …".
        while (
            glued := re.search(rf"(?<=[.;:])\s+(?:{_marker(style, expected, prefix)})\s+(?=[A-ZÁÉÍÓÚÑ])", text)
        ) is not None:
            _extend(items[-1], text[: glued.start()], line.number)
            items.append(Item(_number(style, expected, prefix), "", line.number, line.number))
            expected += 1
            text = text[glued.end() :]
        _extend(items[-1], text, line.number)
    return preamble, items


def _number(style: str, n: int, prefix: str) -> str:
    if style == "roman":
        return int_to_roman(n)
    if style == "letter":
        return chr(ord("a") + n - 1)
    return f"{prefix}{n}"


def _extend(item: Item, text: str, line: int) -> None:
    text = text.strip()
    if not text:
        return
    if item.text.endswith("-") and not item.text.endswith(" -"):
        item.text = item.text + text  # "IMSS-" + "SNTSS": a compound broken at the line end
    else:
        item.text = f"{item.text} {text}".strip()
    item.line_end = line


def bullet_items(lines: list[Line]) -> list[Item]:
    """A bulleted list ("•", "·", "-"): each bullet starts an item; other lines, sub-bullets ("o")
    included, go on with the item above (sub-items belong to their item)."""
    items: list[Item] = []
    for line in lines:
        if not line.text:
            continue
        if line.bullet or (items and _lost_bullet(items[-1].text, line.text)):
            items.append(Item(str(len(items) + 1), "", line.number, line.number))
        elif not items:
            continue
        text = re.sub(r"^o\s+", "", line.text) if re.match(r"^\s*o\s{2,}", line.raw) else line.text
        _extend(items[-1], text, line.number)
    return [i for i in items if i.text]


def _lost_bullet(previous: str, text: str) -> bool:
    """A function whose bullet the PDF lost: after an item that ended its sentence, a line opening
    with a capitalised infinitive ("Atender las solicitudes …", "Realizar sus actividades …")."""
    return previous.rstrip().endswith((".", ";")) and bool(re.match(r"^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:ar|er|ir)\b", text))


def roman_value(token: str) -> int:
    return roman_to_int(token)
