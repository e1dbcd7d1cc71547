"""The seeds in a real Neo4j: idempotent reloads, atomic loads, provenance, the hierarchy questions."""

from __future__ import annotations

import pytest
from neo4j import Driver

from loaders import load_file
from loaders.records import Edge, ParsedDocument
from loaders.writer import WriteError, write_document
from orggraph.errors import ParseError
from tests.conftest import SEEDS, GraphState
from tests.support.neo4j_target import Neo4jTarget

STATUTE_ORG = "imss-bienestar"
JEFATURA = "imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales"


def snapshot(driver: Driver, database: str) -> dict[str, object]:
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n, collect(n.id) AS ids ORDER BY label", database_=database
    )
    rels, _, _ = driver.execute_query(
        "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type", database_=database
    )
    props, _, _ = driver.execute_query(
        "MATCH (u:Unit) RETURN u.id AS id, u.name AS name, u.aliases AS aliases, u.kind AS kind ORDER BY id",
        database_=database,
    )
    return {
        "nodes": {r["label"]: (r["n"], sorted(r["ids"] or [])) for r in nodes},
        "rels": {r["type"]: r["n"] for r in rels},
        "units": [r.data() for r in props],
    }


def chain(driver: Driver, database: str, unit_id: str) -> list[str]:
    records, _, _ = driver.execute_query(
        "MATCH p = (u:Unit {id: $id})-[:PART_OF*]->(top) WHERE NOT (top)-[:PART_OF]->() "
        "RETURN [n IN tail(nodes(p)) | n.name] AS chain",
        {"id": unit_id},
        database_=database,
    )
    return records[0]["chain"]


def test_loading_twice_changes_nothing(
    empty_graph: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]
) -> None:
    for document in seed_documents.values():
        write_document(empty_graph, neo4j.database, document)
    first = snapshot(empty_graph, neo4j.database)
    for document in seed_documents.values():
        write_document(
            empty_graph, neo4j.database, load_file(SEEDS[[p.name for p in SEEDS].index(document.document.source_file)])
        )
    assert snapshot(empty_graph, neo4j.database) == first
    GraphState.seeded = True


def test_chain_of_command_of_a_coordinacion_reaches_the_junta(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    assert chain(seeded_graph, neo4j.database, f"{STATUTE_ORG}/unit/coordinacion-de-epidemiologia") == [
        "Unidad de Atención a la Salud",
        "Dirección General",
        "Junta de Gobierno",
        "Servicios de Salud del Instituto Mexicano del Seguro Social para el Bienestar",
    ]
    assert chain(seeded_graph, neo4j.database, f"{STATUTE_ORG}/unit/division-de-amparo-y-procedimientos-penales")[
        :4
    ] == ["Coordinación de lo Contencioso", "Unidad Jurídica", "Dirección General", "Junta de Gobierno"]


def test_class_wide_powers_reach_every_unit_of_the_kind(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    records, _, _ = seeded_graph.execute_query(
        """
        MATCH (u:Unit {organization: $org, kind: $kind})
        OPTIONAL MATCH (u)-[:HAS_POWER {basis: 'class'}]->(p:Power)-[:DEFINED_IN]->(f:Provision)
        WHERE f.id STARTS WITH $article + '/'
        RETURN u.name AS unit, count(p) AS powers ORDER BY unit
        """,
        {"org": STATUTE_ORG, "kind": "unidad", "article": "imss-bienestar/estatuto-organico/art-23"},
        database_=neo4j.database,
    )
    # Art. 23 has 14 fracciones; the statute has 5 unidades, and every one holds all 14.
    assert [r["powers"] for r in records] == [14] * 5
    # Art. 24 (11 fracciones) for every coordinación, Art. 70 (14) for every jefatura, Art. 71 (4) for every
    # departamento: the number of units of the kind comes from the structure articles 21 and 68.
    for kind, article, fractions, units in (
        ("coordinacion", "art-24", 11, 30),
        ("jefatura", "art-70", 14, 3),
        ("departamento", "art-71", 4, 2),
    ):
        records, _, _ = seeded_graph.execute_query(
            """
            MATCH (u:Unit {organization: $org, kind: $kind})
            OPTIONAL MATCH (u)-[:HAS_POWER {basis: 'class'}]->(p:Power)-[:DEFINED_IN]->(f:Provision)
            WHERE f.id STARTS WITH $article + '/'
            RETURN count(DISTINCT u) AS units, count(p) AS holdings
            """,
            {"org": STATUTE_ORG, "kind": kind, "article": f"imss-bienestar/estatuto-organico/{article}"},
            database_=neo4j.database,
        )
        assert (records[0]["units"], records[0]["holdings"]) == (units, units * fractions), kind


def test_guarderias_chain_reaches_the_ooad(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    assert chain(seeded_graph, neo4j.database, "imss/unit/departamento-de-guarderias") == [
        "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales",
        "Órgano de Operación Administrativa Desconcentrada",
        "Instituto Mexicano del Seguro Social",
    ]
    records, _, _ = seeded_graph.execute_query(
        "MATCH (:Unit {id: $id})-[r:REPORTS_TO]->(n) RETURN r.kind AS kind, n.name AS name",
        {"id": JEFATURA},
        database_=neo4j.database,
    )
    assert [(r["kind"], r["name"]) for r in records] == [
        ("normative", "Dirección de Prestaciones Económicas y Sociales")
    ]


def test_the_old_name_resolves_to_the_renamed_jefatura(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    records, _, _ = seeded_graph.execute_query(
        "MATCH (u:Unit) WHERE $old IN u.aliases_folded RETURN u.id AS id",
        {"old": "jefatura de servicios de prestaciones economicas y sociales"},
        database_=neo4j.database,
    )
    assert [r["id"] for r in records] == [JEFATURA]
    records, _, _ = seeded_graph.execute_query(
        "MATCH (c:ChangeEvent {kind: 'renamed'})-[:CHANGED]->(u:Unit {id: $id}) "
        "OPTIONAL MATCH (c)-[:BASED_ON]->(i) RETURN c.from_name AS old, c.date AS date, i.identifier AS acuerdo",
        {"id": JEFATURA},
        database_=neo4j.database,
    )
    row = records[0]
    assert (row["old"], row["date"].iso_format(), row["acuerdo"]) == (
        "Jefatura de Servicios de Prestaciones Económicas y Sociales",
        "2017-02-22",
        "ACDO.AS2.HCT.220217/29.P.DA",
    )


def test_every_fact_has_provenance(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    records, _, _ = seeded_graph.execute_query(
        # GraphState is bookkeeping (the generation every load bumps), not a fact of a document
        "MATCH (n) WHERE NOT n:Document AND NOT n:GraphState AND NOT (n)-[:SOURCE]->(:Document) RETURN count(n) AS n",
        database_=neo4j.database,
    )
    assert records[0]["n"] == 0
    records, _, _ = seeded_graph.execute_query(
        "MATCH ()-[r]->() WHERE r.document IS NULL OR r.line_start IS NULL OR r.line_end < r.line_start "
        "RETURN count(r) AS n",
        database_=neo4j.database,
    )
    assert records[0]["n"] == 0


def test_a_failed_write_leaves_the_previous_version_whole(
    seeded_graph: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]
) -> None:
    before = snapshot(seeded_graph, neo4j.database)
    statute = seed_documents["statute"]
    dangling = Edge(
        type="PART_OF",
        source=statute.units[0].id,
        source_label="Unit",
        target="nowhere/unit/x",
        target_label="Unit",
        line_start=1,
        line_end=1,
    )
    broken = statute.model_copy(update={"edges": [*statute.edges, dangling], "units": statute.units[:-3]})
    with pytest.raises(WriteError, match="point to nodes that were not written"):
        write_document(seeded_graph, neo4j.database, broken)
    assert snapshot(seeded_graph, neo4j.database) == before


def test_a_new_version_replaces_the_old_one_without_leftovers(
    empty_graph: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]
) -> None:
    statute = seed_documents["statute"]
    write_document(empty_graph, neo4j.database, statute)
    gone = {u.id for u in statute.units if u.kind == "division"}
    smaller = statute.model_copy(
        update={
            "units": [u for u in statute.units if u.id not in gone],
            "edges": [e for e in statute.edges if e.source not in gone and e.target not in gone],
        }
    )
    report = write_document(empty_graph, neo4j.database, smaller)
    assert report.counts["Unit"] == len(statute.units) - 3
    records, _, _ = empty_graph.execute_query(
        "MATCH (u:Unit) WHERE u.id IN $ids RETURN count(u) AS n", {"ids": sorted(gone)}, database_=neo4j.database
    )
    assert records[0]["n"] == 0


def test_a_statute_cut_short_loads_with_a_note(empty_graph: Driver, neo4j: Neo4jTarget, tmp_path) -> None:
    """An oddity inside a real document is a note in its reading report, not a refusal."""
    text = SEEDS[[p.name for p in SEEDS].index("imss-bienestar-estatuto-organico-2023.txt")].read_text()
    opener = "Artículo 24. Corresponde a cada persona titular de las coordinaciones las atribuciones siguientes:"
    cut = text.index(opener)
    truncated = tmp_path / "truncated.txt"
    truncated.write_text(text[: cut + len(opener)])
    parsed = load_file(truncated)
    line = text[:cut].count("\n") + 1
    assert [(n.line, n.kind) for n in parsed.notes if n.kind == "truncated"] == [(line, "truncated")]
    report = write_document(empty_graph, neo4j.database, parsed)
    assert report.counts["Unit"] == len(parsed.units) > 40


def test_input_that_is_not_a_document_writes_nothing(empty_graph: Driver, neo4j: Neo4jTarget, tmp_path) -> None:
    notes = tmp_path / "minutes.txt"
    notes.write_text("Minuta de la reunión\n\nSe acordó revisar el presupuesto.\nSin más asuntos.\n")
    with pytest.raises(ParseError, match="neither a statute") as info:
        load_file(notes)
    assert info.value.path == str(notes) and info.value.line == 1
    broken_pdf = tmp_path / "scan.txt"  # a PDF is read as one whatever its name; a broken one is refused
    broken_pdf.write_bytes(b"%PDF-1.7\n\x00\x01\x02")
    with pytest.raises(ParseError, match="not a readable PDF"):
        load_file(broken_pdf)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02")
    with pytest.raises(ParseError, match="binary"):
        load_file(binary)
    records, _, _ = empty_graph.execute_query("MATCH (n) RETURN count(n) AS n", database_=neo4j.database)
    assert records[0]["n"] == 0
