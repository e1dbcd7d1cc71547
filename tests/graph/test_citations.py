"""Citations resolve across documents (issue 17, item 1): a citation of a loaded document becomes an
edge to the provision it names (or to the document when it names no article), whichever of the two
documents is loaded first; removing the cited document leaves the citation unresolved again, and
nothing else of the citing document changes."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from loaders import load_file
from loaders.writer import remove_document, write_document
from tests.conftest import SEEDS, settings_for
from tests.corpus.scoring import CORPUS, HELDOUT
from tests.support.neo4j_target import Neo4jTarget

ORGANICO = CORPUS / "torreon-reglamento-organico-administracion-publica-municipal.txt"
OFICINA = CORPUS / "torreon-oficina-presidente-manual-organizacion-2018.txt"  # cites its arts. 18 and 34
TESORERIA = HELDOUT / "torreon-tesoreria-reglamento-interior.txt"  # cites it without an article


def references(driver: Driver, database: str, document: str) -> set[tuple[str, str]]:
    """(what cites, what it refers to) for the references a document makes."""
    records = driver.execute_query(
        "MATCH (s)-[r:REFERS_TO {document: $document}]->(t) RETURN s.id AS source, t.id AS target",
        document=document,
        database_=database,
    ).records
    return {(r["source"], r["target"]) for r in records}


def test_a_citation_refers_to_the_provision_it_names_whichever_loads_first(
    empty_graph: Driver, neo4j: Neo4jTarget
) -> None:
    organico, oficina, tesoreria = load_file(ORGANICO), load_file(OFICINA), load_file(TESORERIA)
    database = neo4j.database
    write_document(empty_graph, database, oficina)  # the citing manual first: nothing to refer to yet
    assert references(empty_graph, database, oficina.document.id) == set()

    write_document(empty_graph, database, organico)
    cited = {target for _, target in references(empty_graph, database, oficina.document.id)}
    base = organico.document.id
    assert {f"{base}/art-18", f"{base}/art-34/frac-ii", f"{base}/art-34/frac-iii", f"{base}/art-34/frac-iv"} <= cited
    assert base in cited  # the legal framework names the reglamento without an article

    write_document(empty_graph, database, tesoreria)  # the cited document loaded before the citing one
    assert base in {target for _, target in references(empty_graph, database, tesoreria.document.id)}
    # … and the manual's citations of the Tesorería's reglamento resolve now too
    assert tesoreria.document.id in {target for _, target in references(empty_graph, database, oficina.document.id)}

    before = references(empty_graph, database, oficina.document.id)
    write_document(empty_graph, database, oficina)  # reloading is idempotent
    assert references(empty_graph, database, oficina.document.id) == before

    with TestClient(create_app(settings_for(neo4j))) as api:  # "if article 34 is reformed, what falls?"
        answer = api.get(f"/provisions/{base}/art-34/dependents")
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert {r["names"] for r in body["referring"]} == {f"{base}/art-34/frac-{n}" for n in ("ii", "iii", "iv")}
        assert {r["document"] for r in body["referring"]} == {oficina.document.id}
        units = {u["name"] for u in body["units"]}
        assert {"Secretaria Privada", "Secretaria Técnica", "Coordinador de Giras y Eventos"} <= units
        assert api.get(f"/provisions/{base}/art-34").status_code == 200  # the provision itself, as before
        assert api.get(f"/provisions/{base}/art-999/dependents").status_code == 404

    assert remove_document(empty_graph, database, base)
    left = {target for _, target in references(empty_graph, database, oficina.document.id)}
    assert left == {tesoreria.document.id}  # those of the removed reglamento are unresolved again
    assert references(empty_graph, database, tesoreria.document.id) == set()
    units = empty_graph.execute_query(
        "MATCH (u:Unit)-[:SOURCE]->(:Document {id: $document}) RETURN count(u) AS n",
        document=oficina.document.id,
        database_=database,
    ).records[0]["n"]
    assert units == len(oficina.units)  # the citing manual is whole
    assert not remove_document(empty_graph, database, base)  # gone already


def test_every_citation_of_a_loaded_document_resolves(empty_graph: Driver, neo4j: Neo4jTarget) -> None:
    """On the corpus and held-out documents: every citation whose instrument is a loaded document
    refers to something in it (its provisions, or the document itself)."""
    for path in sorted(CORPUS.glob("*.txt")) + sorted(HELDOUT.glob("*.txt")):
        write_document(empty_graph, neo4j.database, load_file(path))
    record = empty_graph.execute_query(
        """
        MATCH (s)-[c:CITES]->(:LegalInstrument)-[:LOADED_AS]->(target:Document)
        WHERE c.document <> target.id
        RETURN count(c) AS citations,
               count(CASE WHEN EXISTS { MATCH (s)-[r:REFERS_TO {document: c.document}]->(t)
                                        WHERE t = target OR (t:Provision AND t.id STARTS WITH target.id + '/') }
                          THEN 1 END) AS resolved
        """,
        database_=neo4j.database,
    ).records[0]
    assert record["citations"] >= 15
    assert record["resolved"] == record["citations"]


RIIMSS = Path(__file__).resolve().parents[1] / "fixtures" / "riimss_extract.txt"  # stands for the IMSS's reglamento
RIIMSS_INSTRUMENT = "mx/reglamento/reglamento-interior-del-instituto-mexicano-del-seguro-social"


def test_the_imss_manual_rests_on_articles_of_the_imss_reglamento_once_it_is_loaded(
    seeded_graph: Driver, neo4j: Neo4jTarget
) -> None:
    """The issue's own example: the manual's "Artículo 81 del Reglamento Interior del IMSS" (and its
    fracciones, arts. 139, 142, 144, 145) refer to those provisions; the instrument's dependents list
    the manual's provisions and the powers and units resting on them; unloading undoes it."""
    database = neo4j.database
    manual = next(p for p in SEEDS if "manual" in p.name)
    reglamento = load_file(RIIMSS)
    write_document(seeded_graph, database, reglamento)
    try:
        base = reglamento.document.id
        cited = {t for _, t in references(seeded_graph, database, load_file(manual).document.id)}
        expected = {f"{base}/art-81/frac-{n}" for n in ("i", "ii", "iii", "xii")}
        expected |= {f"{base}/art-{n}" for n in ("5", "81", "139", "144", "145")} | {f"{base}/art-142/frac-i"}
        assert expected <= cited, expected - cited
        with TestClient(create_app(settings_for(neo4j))) as api:
            answer = api.get(f"/legal-instruments/{RIIMSS_INSTRUMENT}/dependents")
            assert answer.status_code == 200, answer.text
            body = answer.json()
            assert [d["id"] for d in body["loaded_as"]] == [base]
            assert body["total"] == len(body["referring"]) >= 20
            assert {r["depth"] for r in body["referring"]} <= {1, 2}
            depth_one = {r["document"] for r in body["referring"] if r["depth"] == 1}
            assert "imss/manual-de-organizacion-3000-002-002" in depth_one
            assert body["powers"] and body["units"]  # the manual's functions resting on the cited articles
            limited = api.get(f"/legal-instruments/{RIIMSS_INSTRUMENT}/dependents", params={"limit": 3}).json()
            assert len(limited["referring"]) == 3 and limited["total"] == body["total"]
            assert api.get("/legal-instruments/mx/ley/no-such-law/dependents").status_code == 404
            assert api.get(f"/legal-instruments/{RIIMSS_INSTRUMENT}").status_code == 200  # the detail, as before
    finally:
        assert remove_document(seeded_graph, database, reglamento.document.id)
    assert not {t for _, t in references(seeded_graph, database, "imss/manual-de-organizacion-3000-002-002")} & expected


def test_two_documents_that_place_a_unit_differently_are_both_kept_and_shown(
    seeded_graph: Driver, neo4j: Neo4jTarget
) -> None:
    """The IMSS reglamento puts the Subdelegación under the Delegación (art. 142); the manual, under the
    Órgano de Operación Administrativa Desconcentrada: one unit node, both statements, the conflict shown."""
    reglamento = load_file(RIIMSS)
    write_document(seeded_graph, neo4j.database, reglamento)
    try:
        with TestClient(create_app(settings_for(neo4j))) as api:
            detail = api.get("/units/imss/unit/subdelegacion").json()
            assert {p["document"] for p in detail["provenance"]} == {
                reglamento.document.id,
                "imss/manual-de-organizacion-3000-002-002",
            }
            [conflict] = detail["conflicts"]
            assert conflict["about"] == "parent"
            said = {(s["document"], s["value"]["id"]) for s in conflict["statements"]}
            assert (reglamento.document.id, "imss/unit/delegacion") in said
            assert len({value for _, value in said}) == 2 and all(s["line_start"] for s in conflict["statements"])
            # Where the two documents agree, there is nothing to show.
            agreed = api.get("/units/imss/unit/direccion-de-prestaciones-economicas-y-sociales").json()
            assert len(agreed["provenance"]) == 2 and agreed["conflicts"] == []
    finally:
        assert remove_document(seeded_graph, neo4j.database, reglamento.document.id)


LSS = Path(__file__).resolve().parents[1] / "fixtures" / "lss_extract.txt"  # stands for the Ley del Seguro Social
LSS_INSTRUMENT = "mx/ley/ley-del-seguro-social"
# A reglamento in the genre's phrasing that cites the law down to its inserted article and its fracciones.
CITING = """REGLAMENTO INTERIOR DEL INSTITUTO MEXICANO DEL SEGURO SOCIAL

Artículo 1. El presente Reglamento tiene por objeto establecer la organización y funcionamiento del Instituto \
Mexicano del Seguro Social, en términos del artículo 251 A de la Ley del Seguro Social.

Artículo 2. El Instituto ejercerá las facultades que le confiere el artículo 251, fracciones II y III, de la \
Ley del Seguro Social.

Artículo 3. Para el despacho de los asuntos, el Instituto contará con las unidades siguientes:

I. La Dirección General, y

II. La Dirección de Prestaciones Económicas y Sociales.
"""


def test_a_law_loads_as_a_document_and_the_citations_of_it_resolve_whichever_loads_first(
    empty_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    """The IMSS manual cites the Ley del Seguro Social by name only (its Marco Jurídico, and functions
    "conforme a la Ley del Seguro Social"): once a text of the law is loaded, those citations refer to the
    law's document; a citation naming an article refers to that article or fracción. Unloading the law
    leaves them unresolved."""
    database = neo4j.database
    manual = load_file(next(p for p in SEEDS if "manual" in p.name))
    law = load_file(LSS)
    (tmp_path / "riimss.txt").write_text(CITING, encoding="utf-8")
    reglamento = load_file(tmp_path / "riimss.txt")
    manual_citations = [e for e in manual.edges if e.type == "CITES" and e.target == LSS_INSTRUMENT]
    assert len(manual_citations) >= 4 and not any(e.props.get("article") for e in manual_citations)

    write_document(empty_graph, database, law)  # the law first
    write_document(empty_graph, database, manual)
    write_document(empty_graph, database, reglamento)
    doc = law.document.id

    def to_law(citing: str) -> set[tuple[str, str]]:
        return {(s, t) for s, t in references(empty_graph, database, citing) if t == doc or t.startswith(f"{doc}/")}

    assert {t for _, t in to_law(manual.document.id)} == {doc}
    assert len(to_law(manual.document.id)) == len({e.source for e in manual_citations})
    assert {t for _, t in to_law(reglamento.document.id)} == {
        f"{doc}/art-251-a",
        f"{doc}/art-251/frac-ii",
        f"{doc}/art-251/frac-iii",
    }
    with TestClient(create_app(settings_for(neo4j))) as api:
        listed = {d["id"]: d for d in api.get("/documents").json()}
        assert listed[doc]["genre"] == "law" and listed[doc]["title"] == "Ley del Seguro Social"
        provision = api.get(f"/provisions/{doc}/art-251-a").json()
        assert "órganos de operación administrativa desconcentrada" in provision["provision"]["text"]
        assert [a["kind"] for a in provision["amendments"]] == ["added"]  # "Artículo adicionado DOF 20-12-2001"
        dependents = api.get(f"/legal-instruments/{LSS_INSTRUMENT}/dependents").json()
        assert [d["id"] for d in dependents["loaded_as"]] == [doc]
        assert {r["document"] for r in dependents["referring"]} >= {manual.document.id, reglamento.document.id}

    assert remove_document(empty_graph, database, doc)  # unloading the law: unresolved again
    assert to_law(manual.document.id) == set()
    assert to_law(reglamento.document.id) == set()
    write_document(empty_graph, database, law)  # the law last: resolved the same
    assert {t for _, t in to_law(manual.document.id)} == {doc}
    assert len(to_law(reglamento.document.id)) == 3
