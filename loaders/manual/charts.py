"""Organigramas drawn in text.

``pdftotext -layout`` keeps each box of a chart where it stood on the page, so a chart reads as
clusters of short lines: a box is the run of consecutive lines whose cells share columns
("Coordinación de" / "Archivo de" / "Concentración"). Where a box hangs is read from the page:

* a box stacked right under another at the same left edge is its sibling (a column of boxes joined
  by one connector: "Coordinación de Archivo Histórico" / "… de Concentración" / "… de Trámite");
* otherwise it hangs from the nearest box above whose columns it overlaps.

A post's own chart ("Organigrama del Puesto") draws the post first and those under it below.
Charts are weak evidence: the parser uses them only for units nothing else places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text import Line

_CELL = re.compile(r"\S+(?: \S+)*")  # words one space apart; two or more spaces end a cell
_PROSE_CELL = 48  # a cell this long is a sentence, not a box's line
_STACK_COLUMNS = 3  # left edges this close are one column
_STACK_GAP = 4  # lines between stacked boxes


@dataclass
class Box:
    name: str
    line: int  # first line
    last: int
    left: int
    right: int
    prose: bool = False

    def overlaps(self, other: Box) -> bool:
        return self.left <= other.right and other.left <= self.right


def boxes(lines: list[Line]) -> list[Box]:
    """The boxes drawn in ``lines``, in reading order (top to bottom, left to right)."""
    found: list[Box] = []
    open_boxes: list[Box] = []
    for line in lines:
        if not line.text:
            open_boxes = []
            continue
        raw = line.raw.replace("\t", "    ")
        still_open: list[Box] = []
        for m in _CELL.finditer(raw):
            text, left, right = m.group(0), m.start(), m.end()
            cell = Box(text, line.number, line.number, left, right, prose=len(text) > _PROSE_CELL)
            # (a box's next line may come after a line of the box beside it: "Asistente de" / … / "Dirección")
            box = next((b for b in open_boxes if b.last >= line.number - 2 and b.overlaps(cell)), None)
            if box is None:
                found.append(cell)
                still_open.append(cell)
                continue
            box.name = f"{box.name} {text}"
            box.last, box.left, box.right = line.number, min(box.left, left), max(box.right, right)
            box.prose = box.prose or cell.prose
            still_open.append(box)
        open_boxes = [b for b in open_boxes if b not in still_open and b.last >= line.number - 1] + still_open
    return [b for b in found if not b.prose and not re.search(r"[.;:]$", b.name) and len(b.name.split()) <= 10]


def hierarchy(drawn: list[Box]) -> dict[int, int | None]:
    """Each box's parent box (indexes into ``drawn``), as the page draws it; None at the top."""
    parent: dict[int, int | None] = {}
    for i, box in enumerate(drawn):
        above = [j for j in range(i) if drawn[j].last < box.line]
        stacked = [
            j
            for j in above
            if abs(drawn[j].left - box.left) <= _STACK_COLUMNS and 0 < box.line - drawn[j].last <= _STACK_GAP
        ]
        if stacked and parent.get(stacked[-1]) is not None:
            parent[i] = parent[stacked[-1]]
            continue
        overlapping = [j for j in above if drawn[j].overlaps(box)]
        parent[i] = max(overlapping, key=lambda j: drawn[j].last) if overlapping else None
    return parent
