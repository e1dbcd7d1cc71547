"""Validity in time (loaders.validity) on the sample documents, checked against their own notes.

The expectations are read from the raw text here, with a reading of the notes independent of the
parser's: a note line ("Fracción derogada JG 28-11-2023") dates the numbered item or article just
above it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from loaders.records import ParsedDocument

DOC = "imss-bienestar/estatuto-organico"
ESTATUTO = Path(__file__).resolve().parents[2] / "data" / "documents" / "imss-bienestar-estatuto-organico-2023.txt"
BEFORE_REFORMS = dt.date(2023, 9, 14)
AFTER_REFORMS = dt.date(2023, 12, 31)


def in_force(fact: object, day: dt.date) -> bool:
    start, end = fact.valid_from, fact.valid_to  # type: ignore[attr-defined]
    return (start is None or start <= day) and (end is None or day < end)


@pytest.fixture(scope="module")
def statute(seed_documents: dict[str, ParsedDocument]) -> ParsedDocument:
    return seed_documents["statute"]


@pytest.fixture(scope="module")
def manual(seed_documents: dict[str, ParsedDocument]) -> ParsedDocument:
    return seed_documents["manual"]


def test_the_document_is_law_from_its_publication(statute: ParsedDocument) -> None:
    assert statute.document.valid_from == dt.date(2023, 9, 13)
    assert statute.document.history_from == dt.date(2023, 9, 13)


def test_titulo_quinto_is_law_only_from_the_decree_that_added_it(statute: ParsedDocument) -> None:
    by_id = {p.id: p for p in statute.provisions}
    quinto = by_id[f"{DOC}/tit-5"]
    assert quinto.heading == "De las Coordinaciones Estatales"
    inside = [p for p in statute.provisions if p.line_start >= quinto.line_start and p.line_end <= 2040]
    inside = [p for p in inside if _within(p, quinto.id, by_id)]
    assert len(inside) > 50
    assert all(not in_force(p, BEFORE_REFORMS) and in_force(p, AFTER_REFORMS) for p in inside)
    powers = [pw for pw in statute.powers if _within(by_id[pw.provision], quinto.id, by_id)]
    assert powers and all(pw.valid_from == dt.date(2023, 9, 27) for pw in powers)


def _within(p, ancestor: str, by_id) -> bool:  # type: ignore[no-untyped-def]
    while p is not None:
        if p.id == ancestor:
            return True
        p = by_id.get(p.parent) if p.parent else None
    return False


@pytest.mark.parametrize("provision", ["art-21/frac-ix", "art-41/frac-xiv", "art-56"])
def test_derogated_provisions_were_law_until_the_junta_derogated_them(statute: ParsedDocument, provision: str) -> None:
    p = next(p for p in statute.provisions if p.id == f"{DOC}/{provision}")
    assert in_force(p, BEFORE_REFORMS)
    assert not in_force(p, AFTER_REFORMS)
    assert p.valid_to == dt.date(2023, 11, 28)


def _notes_in_raw_text() -> dict[str, set[tuple[str, dt.date]]]:
    """Article number → {(verb, date)} for every note line of the body, read from the raw file."""
    note = re.compile(
        r"(Fracci[óo]n|Art[íi]culo|T[íi]tulo|Secci[óo]n|P[áa]rrafo)\s+(adicionad|modificad|derogad|reubicad)[oa]\s+"
        r"(DOF|JG)\s+(\d\d)-(\d\d)-(\d{4})"
    )
    article = re.compile(r"^\s*Art[íi]culo\s+(\d+(?:\s+Bis(?:\s+\d+)?)?)\.", re.IGNORECASE)
    found: dict[str, set[tuple[str, dt.date]]] = {}
    current = None
    for number, line in enumerate(ESTATUTO.read_text(encoding="utf-8").splitlines(), start=1):
        if number > 2040:  # the transitorios and the reform decrees
            break
        m = article.match(line)
        if m:
            current = m.group(1).lower().replace(" ", "-")
        for n in note.finditer(line):
            if current and n.group(1).lower().startswith(("fracc", "art", "p")):
                day = dt.date(int(n.group(6)), int(n.group(5)), int(n.group(4)))
                found.setdefault(current, set()).add((n.group(2), day))
    return found


def test_every_added_or_derogated_article_note_dates_a_provision_of_that_article(statute: ParsedDocument) -> None:
    """Each article whose notes add or derogate something has a provision whose window starts or ends then."""
    notes = _notes_in_raw_text()
    assert len(notes) >= 35
    windows: dict[str, set[tuple[str, dt.date]]] = {}
    for p in statute.provisions:
        m = re.match(rf"{DOC}/art-([0-9a-z-]+?)(?:/|$)", p.id)
        if not m or p.zone != "body":
            continue
        art = windows.setdefault(m.group(1), set())
        if p.valid_from and p.valid_from > dt.date(2023, 9, 13):
            art.add(("adicionad", p.valid_from))
        if p.valid_to:
            art.add(("derogad", p.valid_to))
        if p.text_from:
            art.add(("modificad", p.text_from))
    for art, dated in notes.items():
        for verb, day in dated:
            if verb == "reubicad":
                continue
            assert (verb, day) in windows.get(art, set()), f"art. {art}: {verb}o {day} dates none of its provisions"


def test_units_of_titulo_quinto_are_not_law_before_it(statute: ParsedDocument) -> None:
    units = {u.id.rsplit("/", 1)[1]: u for u in statute.units}
    for name in ("coordinacion-estatal", "jefatura-de-servicios-juridicos", "departamento-de-accion-comunitaria"):
        assert units[name].valid_from == dt.date(2023, 9, 27)
    assert in_force(units["unidad-juridica"], BEFORE_REFORMS)
    assert not any(u.valid_to for u in statute.units)


def test_a_renamed_unit_existed_before_its_rename(manual: ParsedDocument) -> None:
    jefatura = next(u for u in manual.units if u.id.endswith("salud-en-el-trabajo-prestaciones-economicas-y-sociales"))
    assert jefatura.valid_from is None  # it existed, under its former name, before 1 March 2017
    assert manual.document.valid_from == dt.date(2022, 9, 1)
    assert manual.document.history_from == dt.date(1995, 1, 1)
