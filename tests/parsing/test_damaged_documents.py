"""Real documents damaged the way real files are — lines lost, a page pasted twice, two lines run
together, cut short, stray page furniture — are read or refused, never half-read: the parser either
raises an ``OrgGraphError`` naming the file and line, or returns records that hold together (every
edge between records it returned, ids unique, each unit under at most one parent, no reporting
cycle). Seeded, bounded: a few damaged copies per document, the same ones on every run."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from loaders import load_file
from loaders.records import ParsedDocument
from orggraph.errors import OrgGraphError
from tests.corpus.scoring import CORPUS, HELDOUT

DOCUMENTS = [
    CORPUS / "torreon-contraloria-reglamento-interior.txt",
    CORPUS / "torreon-oficina-presidente-manual-organizacion-2018.txt",
    HELDOUT / "cne-reglamento-interior-2025.txt",
    HELDOUT / "torreon-archivo-municipal-manual-organizacion-2018.txt",
]
COPIES = 6


def damaged(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        damage = rng.choice(["drop", "page twice", "run together", "cut", "furniture"])
        at = rng.randrange(len(lines))
        if damage == "drop":
            del lines[at : at + rng.randint(1, 40)]
        elif damage == "page twice":
            lines[at:at] = lines[at : at + rng.randint(20, 80)]
        elif damage == "run together" and at + 1 < len(lines):
            lines[at : at + 2] = [f"{lines[at]} {lines[at + 1]}"]
        elif damage == "cut":
            lines = lines[: max(at, 10)]
        else:
            lines[at:at] = ["", str(rng.randint(1, 99)), "Página 3 de 58", "No. de Registro:", ""]
    return "\n".join(lines)


def holds_together(parsed: ParsedDocument) -> None:
    nodes = {
        "Document": {parsed.document.id},
        "Organization": {o.id for o in parsed.organizations},
        "Unit": {u.id for u in parsed.units},
        "Provision": {p.id for p in parsed.provisions},
        "Power": {p.id for p in parsed.powers},
        "LegalInstrument": {i.id for i in parsed.instruments},
        "Amendment": {a.id for a in parsed.amendments},
        "ChangeEvent": {c.id for c in parsed.changes},
    }
    assert len(parsed.units) == len(nodes["Unit"]) and len(parsed.provisions) == len(nodes["Provision"])
    assert len(parsed.powers) == len(nodes["Power"])
    for edge in parsed.edges:
        assert edge.source in nodes[edge.source_label], (edge.type, edge.source)
        assert edge.target in nodes[edge.target_label], (edge.type, edge.target)
    parents: dict[str, str] = {}
    for edge in parsed.edges_of("PART_OF"):
        if edge.source_label == "Unit":
            assert edge.source not in parents, f"{edge.source} has two parents"
            parents[edge.source] = edge.target
    for unit in parents:
        seen, node = set(), unit
        while node in parents:
            assert node not in seen, f"a reporting cycle through {node}"
            seen.add(node)
            node = parents[node]
    assert parsed.document.organization in nodes["Organization"]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem[:40])
def test_a_damaged_document_is_read_whole_or_refused_with_its_place(path: Path, tmp_path: Path) -> None:
    rng = random.Random(path.name)  # the same damage on every run
    text = path.read_text(encoding="utf-8")
    read = 0
    for copy in range(COPIES):
        target = tmp_path / f"{copy}-{path.name}"
        target.write_text(damaged(text, rng), encoding="utf-8")
        try:
            parsed = load_file(target)
        except OrgGraphError as error:
            assert target.name in str(error)
            continue
        holds_together(parsed)
        read += 1
    assert read >= COPIES // 2  # most damage is an oddity to note, not a reason to refuse
