"""Documents written at once (``orggraph load --writers N``) leave the very graph that writing them one after
another leaves: every node and relationship with its properties, the versions of a document loaded twice
in one run in the order given, and the instruments the documents share."""

from __future__ import annotations

import json
from pathlib import Path

from neo4j import Driver

from bench.synthetic import corpus
from cli.commands import load_paths
from tests.conftest import SEEDS, wipe
from tests.support.neo4j_target import Neo4jTarget

STATUTE = next(p for p in SEEDS if "estatuto" in p.name)
MANUAL = next(p for p in SEEDS if "manual" in p.name)
WHEN = {"loaded_at", "superseded_at", "changed_at", "token"}  # the clock's and the GraphState's, not the reading's


def graph(driver: Driver, database: str) -> tuple[list[str], list[str]]:
    """Every node and relationship as sorted JSON lines: labels or type, ends by id, properties."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", database_=database
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props", database_=database
    )

    def line(record: dict) -> str:
        props = {k: v for k, v in record.pop("props").items() if k not in WHEN}
        return json.dumps({**record, **props}, sort_keys=True, default=str, ensure_ascii=False)

    return sorted(line(r.data()) for r in nodes), sorted(line(r.data()) for r in rels)


def later_text(tmp_path: Path) -> Path:
    """The statute as reformed on a later day (one fraction reworded): loaded after the statute, the
    statute's text stays as a version."""
    lines = STATUTE.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("- **XVI.** Coordinar la evaluación del desempeño"))
    lines[at] = lines[at].replace("Coordinar", "Dirigir")
    front = next(i for i, line in enumerate(lines) if "Última adición publicada DOF 28-12-2023" in line)
    lines[front] = lines[front].replace("DOF 28-12-2023", "DOF 15-02-2024")
    newer = tmp_path / "later" / STATUTE.name
    newer.parent.mkdir()
    newer.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return newer


def test_writing_documents_at_once_leaves_the_graph_writing_them_in_turn_leaves(
    empty_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    driver = empty_graph
    synthetic = corpus(6, 30, tmp_path / "synthetic")
    paths = [STATUTE, *synthetic[:3], later_text(tmp_path), *synthetic[3:], MANUAL]
    graphs = []
    for writers in (1, 3):
        wipe(driver, neo4j)
        failed = load_paths(driver, neo4j.database, paths, genre=None, force=True, writers=writers)
        assert failed == []
        graphs.append(graph(driver, neo4j.database))
    one_at_a_time, at_once = graphs
    assert at_once == one_at_a_time
    nodes, relationships = one_at_a_time
    assert len(nodes) > 5000 and len(relationships) > 12000
    versions = [json.loads(n) for n in nodes if "DocumentVersion" in json.loads(n)["labels"]]
    assert [v["id"] for v in versions] == ["imss-bienestar/estatuto-organico@2023-12-28"]  # the order given held


def test_what_documents_say_of_a_shared_body_does_not_depend_on_their_order(
    empty_graph: Driver, neo4j: Neo4jTarget
) -> None:
    """Torreón's documents share bodies: the municipality every one of them names, and the Instituto
    Municipal de la Mujer its manual and its reglamento both describe (only the reglamento says what kind of
    body it is). Loaded in either order, one at a time or at once, they leave one graph; the body's kind is
    the one read from what its text says, not from a name."""
    driver = empty_graph
    root = Path(__file__).resolve().parents[2] / "data"
    paths = sorted(p for folder in ("corpus", "heldout") for p in (root / folder).glob("torreon-*.txt"))
    assert len(paths) >= 10
    graphs = []
    for order, writers in ((paths, 1), (paths[::-1], 1), (paths[::-1], 3)):
        wipe(driver, neo4j)
        assert load_paths(driver, neo4j.database, order, genre=None, force=True, writers=writers) == []
        graphs.append(graph(driver, neo4j.database))
    assert graphs[1] == graphs[0] and graphs[2] == graphs[0]
    imm = driver.execute_query(
        "MATCH (o:Organization {id: 'instituto-municipal-de-la-mujer-de-torreon'})-[s:SOURCE]->(d:Document) "
        "RETURN o.kind AS kind, o.kind_basis AS basis, collect(s.kind_basis) AS views",
        database_=neo4j.database,
    ).records[0]
    assert (imm["kind"], imm["basis"]) == ("organismo_descentralizado", "governing_body_and_patrimony")
    assert sorted(imm["views"]) == ["governing_body_and_patrimony", "name"]  # the manual's view stays on its edge
