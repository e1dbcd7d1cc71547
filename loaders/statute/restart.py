"""A statute's article numbering that starts again at 1 after its transitorios: a second document in
the same file, or the same one pasted twice. Neither may be merged into the first as if its articles
were transitory ones (the same text twice used to load as 1,201 extra 'transitory' provisions).

Reform decrees after the transitorios number their own articles too ("Artículo Primero.- Se
reforma …"), but a few: a restart is a run of at least ``MIN_RUN`` consecutive articles 1, 2, 3 …,
as only a whole statute has.
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.statute.structure import ARTICLE, TRANSITORIOS, canonical_article_number, first_article_index
from loaders.text import Line
from orggraph.folding import fold

MIN_RUN = 10
SAME_SHARE = 0.8  # of the first articles compared, this share equal (folded) means the same text again


@dataclass(frozen=True)
class Restart:
    cut: int  # index in the lines where the second text begins
    line: int  # its source line number
    same: bool  # the same articles again (True) or another document (False)


def _articles(lines: list[Line], start: int, end: int) -> list[tuple[int, str, str]]:
    """(index, canonical number, folded text) of each article line in lines[start:end]."""
    out = []
    for i in range(start, end):
        m = ARTICLE.match(lines[i].text)
        if m:
            out.append((i, canonical_article_number(m.group("num")), fold(lines[i].text)))
    return out


def find_restart(lines: list[Line]) -> Restart | None:
    """Where the text starts over after the first transitorios, if it does."""
    first = first_article_index(lines)  # (an índice above it may list the transitorios too)
    if first is None:
        return None
    end_of_body = next((i for i in range(first, len(lines)) if TRANSITORIOS.match(lines[i].text)), None)
    if end_of_body is None:
        return None
    body = _articles(lines, 0, end_of_body)
    after = _articles(lines, end_of_body, len(lines))
    for k, (index, number, _) in enumerate(after):
        if number != "1":
            continue
        run = 1
        while k + run < len(after) and after[k + run][1] == str(run + 1):
            run += 1
        if run < MIN_RUN:
            continue
        compared = min(run, len(body), 20)
        equal = sum(1 for j in range(compared) if after[k + j][2] == body[j][2]) if compared else 0
        cut = _start_of_text(lines, end_of_body, index)
        return Restart(cut=cut, line=lines[cut].number, same=compared > 0 and equal >= SAME_SHARE * compared)
    return None


def _start_of_text(lines: list[Line], after: int, article: int) -> int:
    """The first line of the second text: the earliest of the file's first lines to come again (page
    noise removal may have dropped its title there, as it repeats), else the heading block just above
    its first article."""
    opening = {fold(ln.text) for ln in [ln for ln in lines if ln.text][:5]}
    i = next((i for i in range(after + 1, article) if lines[i].text and fold(lines[i].text) in opening), None)
    if i is None:
        i = article
        while i - 1 > after and (not lines[i - 1].text or lines[i - 1].text.isupper()):
            i -= 1
    while i - 1 > after and not lines[i - 1].text:  # blank, or its title dropped as a running header
        i -= 1
    return i
