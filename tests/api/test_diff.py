"""GET /documents/{id}/diff and `orggraph diff` on the estatuto, through a real Neo4j.

The expectation is read here from the raw text of the estatuto, with its own small reading of the amendment
notes (not loaders.statute's): each note line ("Fracción derogada JG 28-11-2023") dates the título, article
or fracción just above it. The diff from 14 September 2023 (after publication, before the first reform) to
today must list exactly what the notes dated since add, modify and derogate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

DOC = "imss-bienestar/estatuto-organico"
ESTATUTO = Path(__file__).resolve().parents[2] / "data" / "documents" / "imss-bienestar-estatuto-organico-2023.txt"
FROM = dt.date(2023, 9, 14)
BODY = (147, 2040)  # the body's lines: the índice above, the transitorios and reform decrees below
ROMAN = {"PRIMERO": "1", "SEGUNDO": "2", "TERCERO": "3", "CUARTO": "4", "QUINTO": "5", "SEXTO": "6"}
VERBS = {"adicionad": "added", "modificad": "modified", "derogad": "derogated", "reubicad": "relocated"}
NOTE = re.compile(
    r"(T[íi]tulo|Secci[óo]n|Art[íi]culo|Fracci[óo]n|P[áa]rrafo)\s+(adicionad|modificad|derogad|reubicad)[oa]\s+"
    r"(?:DOF|JG)\s+(\d\d)-(\d\d)-(\d{4})"
)
TITULO = re.compile(r"^\s*T[ÍI]TULO\s+([A-ZÁÉÍÓÚ]+)")
ARTICULO = re.compile(r"^\s*Art[íi]culo\s+(\d+(?:\s+Bis(?:\s+\d+)?)?)\.", re.IGNORECASE)
FRACCION = re.compile(r"^\s*-?\s*(?:\*\*)?([IVXL]+)\.(?:\*\*)?\s")


def notes_since(day: dt.date) -> dict[str, set[tuple[str, ...]]]:
    """kind → the provisions the notes dated after ``day`` name: ('tit', n), ('art', n), ('frac', art, x),
    ('par', art), ('sec',); and 'powers': the articles that list powers (their first line says so)."""
    found: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    titulo = article = fraction = None
    lines = ESTATUTO.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not BODY[0] <= number <= BODY[1]:
            continue
        if m := TITULO.match(line):
            titulo, article, fraction = ROMAN.get(m.group(1)), None, None
        elif m := ARTICULO.match(line):
            article, fraction = m.group(1).lower().replace(" ", "-"), None
            if re.search(
                r"\.\s+Son\s+(?:las\s+)?(?:facultades|atribuciones)|siguientes\s+(?:facultades|atribuciones)", line
            ):
                found["powers"].add(("art", article))
        elif (m := FRACCION.match(line)) and article:
            fraction = "i" if m.group(1) == "L" else m.group(1).lower()
        for n in NOTE.finditer(line):
            when = dt.date(int(n.group(5)), int(n.group(4)), int(n.group(3)))
            verb = VERBS[n.group(2)]
            if when <= day or verb == "relocated":
                continue
            scope = n.group(1).lower()[:3]
            key: tuple[str, ...] = {
                "tít": ("tit", titulo or ""),
                "tit": ("tit", titulo or ""),
                "sec": ("sec",),
                "art": ("art", article or ""),
                "fra": ("frac", article or "", fraction or ""),
                "pár": ("par", article or ""),
                "par": ("par", article or ""),
            }[scope]
            found[verb].add(key)
    return found


def key_of(provision_id: str) -> tuple[str, ...]:
    """A diff's provision id → the key notes_since gives the same provision."""
    rest = provision_id.removeprefix(DOC + "/")
    if m := re.fullmatch(r"tit-(\d+)", rest):
        return ("tit", m.group(1))
    if re.search(r"(^|/)sec-[^/]+$", rest):
        return ("sec",)
    m = re.match(r"art-([0-9a-z-]+?)(?:/(frac-([a-z]+)|par-\d+).*)?$", rest)
    assert m, provision_id
    if m.group(3):
        return ("frac", m.group(1), m.group(3))
    if m.group(2):
        return ("par", m.group(1))
    return ("art", m.group(1))


@pytest.fixture(scope="module")
def expected() -> dict[str, set[tuple[str, ...]]]:
    notes = notes_since(FROM)
    # What lies in an added título or article was added with it: the diff tells the outermost once.
    added_titles = {k[1] for k in notes["added"] if k[0] == "tit"}
    assert added_titles == {"5"}
    quinto = {f"{n}" for n in range(61, 77)}  # the articles of the Título Quinto, by its decree (line 2057)
    notes["added"] = {
        k
        for k in notes["added"]
        if k[0] == "tit" or (k[1] not in quinto and not (k[0] == "frac" and ("art", k[1]) in notes["added"]))
    }
    # Modified after it was added, but added after the first day: from that day, an addition.
    notes["modified"] = {k for k in notes["modified"] if k[0] == "sec" or k[1] not in quinto}
    return notes


def test_the_diff_lists_exactly_the_provisions_the_notes_change(
    api: TestClient, expected: dict[str, set[tuple[str, ...]]]
) -> None:
    body = api.get(f"/documents/{DOC}/diff", params={"from": FROM.isoformat()}).json()
    changes = [c for g in body["groups"] for c in g["changes"] if c["subject"] == "provision"]
    got: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for c in changes:
        got[c["change"]].add(key_of(c["id"]))
        assert c["notes"], f"{c['id']}: a change without the note that explains it"
    assert got["added"] == expected["added"]
    assert (
        got["derogated"]
        == expected["derogated"]
        == {
            ("frac", "21", "ix"),
            ("frac", "41", "xiv"),
            ("art", "56"),
        }
    )
    assert got["modified"] == expected["modified"]
    quinto = next(c for c in changes if c["id"] == f"{DOC}/tit-5")
    assert quinto["change"] == "added" and quinto["contains"] > 50
    assert {(n["kind"], n["authority"], n["date"]) for n in quinto["notes"]} == {("added", "DOF", "2023-09-27")}


def test_the_diff_lists_exactly_the_powers_the_notes_change(
    api: TestClient, expected: dict[str, set[tuple[str, ...]]]
) -> None:
    body = api.get(f"/documents/{DOC}/diff", params={"from": FROM.isoformat()}).json()
    powers = [c for g in body["groups"] for c in g["changes"] if c["subject"] == "power"]
    power_articles = {k[1] for k in expected["powers"]}
    got = defaultdict(set)
    for c in powers:
        got[c["change"]].add(key_of(c["provision"]))
    # Every fracción a note derogates or modifies in an article of powers is a power removed or reworded.
    derogated = {k for k in expected["derogated"] if k[0] == "frac" and k[1] in power_articles}
    assert derogated == {("frac", "41", "xiv")} and got["removed"] == derogated
    modified = {k for k in expected["modified"] if k[0] == "frac" and k[1] in power_articles}
    assert {k for k in got["reworded"] if k[0] == "frac"} == modified
    # Every power added is inside a provision a note added; every fracción added of a powers article is one.
    added_quinto = {k for k in got["added"] if k[1] in {str(n) for n in range(61, 77)}}
    assert len(added_quinto) > 80
    for k in got["added"] - added_quinto:
        assert k in expected["added"] or ("art", k[1]) in expected["added"], k
    added = {k for k in expected["added"] if k[0] == "frac" and k[1] in power_articles}
    assert added <= got["added"]


def test_the_diff_groups_by_unit_and_lists_the_units_added(api: TestClient) -> None:
    body = api.get(f"/documents/{DOC}/diff", params={"from": FROM.isoformat(), "to": "2023-12-31"}).json()
    added = {c["id"] for g in body["groups"] for c in g["changes"] if c["subject"] == "unit" and c["change"] == "added"}
    assert {
        "imss-bienestar/unit/coordinacion-estatal",
        "imss-bienestar/unit/jefatura-de-servicios-juridicos",
        "imss-bienestar/unit/departamento-de-planeacion-estrategica",
    } <= added
    assert not any(c["change"] == "removed" for g in body["groups"] for c in g["changes"] if c["subject"] == "unit")
    estatal = next(
        g for g in body["groups"] if g["unit"] and g["unit"]["id"] == "imss-bienestar/unit/coordinacion-estatal"
    )
    assert any(c["subject"] == "power" and c["change"] == "added" for c in estatal["changes"])
    assert body["summary"]["units_added"] == len(added)


def test_the_diff_before_the_first_reform_and_in_markdown(api: TestClient) -> None:
    same = api.get(f"/documents/{DOC}/diff", params={"from": "2023-09-13", "to": FROM.isoformat()}).json()
    assert same["groups"] == [] and same["summary"] == {}
    text = api.get(f"/documents/{DOC}/diff", params={"from": FROM.isoformat(), "format": "markdown"})
    assert text.headers["content-type"].startswith("text/markdown")
    assert "## Coordinación Estatal" in text.text and "derogated JG 2023-11-28" in text.text
    assert api.get(f"/documents/{DOC}/diff", params={"from": "2023-01-01"}).status_code == 404
    assert api.get("/documents/nope/diff").status_code == 404
    assert api.get(f"/documents/{DOC}/diff", params={"from": "14-09-2023"}).status_code == 400


def test_the_manual_diff_tells_the_2017_rename(api: TestClient) -> None:
    body = api.get(
        "/documents/imss/manual-de-organizacion-3000-002-002/diff", params={"from": "2016-12-31", "to": "2017-03-01"}
    ).json()
    renamed = [c for g in body["groups"] for c in g["changes"] if c["change"] == "renamed"]
    assert [(c["before"], c["after"]) for c in renamed] == [
        (
            "Jefatura de Servicios de Prestaciones Económicas y Sociales",
            "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales",
        )
    ]
