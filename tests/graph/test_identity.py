"""One graph across documents (issue 17, item 2): the bodies of one municipality, each organized by its
own reglamento or manual, hang from one node of the municipality — however each text names it
("Municipio de Torreón", "R. Ayuntamiento de Torreón", "Republicano Ayuntamiento del Municipio de
Torreón", or only its own name and the municipality in its text)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from loaders import load_file
from loaders.writer import write_document
from tests.conftest import settings_for
from tests.corpus.scoring import CORPUS, HELDOUT
from tests.support.neo4j_target import Neo4jTarget

TORREON = sorted(CORPUS.glob("torreon-*.txt")) + sorted(HELDOUT.glob("torreon-*.txt"))
# Their names and texts place no municipality: the IMPLAN's manual never names Torreón, and the
# Dirección General de Desarrollo Institucional is no "municipal" body by its name.
UNPLACED = {"implan", "direccion-general-de-desarrollo-institucional"}


def test_the_torreon_documents_make_one_municipal_tree(empty_graph: Driver, neo4j: Neo4jTarget) -> None:
    documents = [load_file(path) for path in TORREON]
    for parsed in documents:
        write_document(empty_graph, neo4j.database, parsed)
    records = empty_graph.execute_query(
        """
        MATCH (d:Document)
        MATCH (o:Organization {id: d.organization})
        OPTIONAL MATCH (o)-[:SUB_ORGANIZATION_OF*1..3]->(top:Organization) WHERE NOT (top)-[:SUB_ORGANIZATION_OF]->()
        RETURN o.id AS organization, collect(DISTINCT top.id) AS tops
        """,
        database_=neo4j.database,
    ).records
    tops = {r["organization"]: r["tops"] for r in records}
    assert len(tops) >= 12
    placed = {o for o, t in tops.items() if t == ["municipio-de-torreon"]}
    assert placed == set(tops) - UNPLACED, {o: t for o, t in tops.items() if o not in placed}
    municipalities = empty_graph.execute_query(
        "MATCH (o:Organization) WHERE o.name =~ $government RETURN o.id AS id",
        government=r"^(?:(?:R\.|H\.|Republicano|Honorable)\s+)?(?:Ayuntamiento|Municipio)\b.*Torre.n.*",
        database_=neo4j.database,
    ).records
    assert [r["id"] for r in municipalities] == ["municipio-de-torreon"]  # one node, whatever the text called it
    with TestClient(create_app(settings_for(neo4j))) as api:
        listed = {o["organization"]["id"]: o["organization"] for o in api.get("/organizations").json()}
    municipality = listed["municipio-de-torreon"]
    assert municipality["name"] == "Municipio de Torreón"
    assert {"Ayuntamiento de Torreón", "Republicano Ayuntamiento del Municipio de Torreón"} <= set(
        municipality["aliases"]
    )
    assert listed["administracion-publica-municipal-de-torreon"]["parent"]["id"] == "municipio-de-torreon"
