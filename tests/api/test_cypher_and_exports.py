"""POST /cypher refuses writes (by the database, in a READ transaction), file and network access, missing
tokens and runaway queries; the JSON-LD export is valid JSON-LD and keeps every unit."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from neo4j.exceptions import ClientError
from pyld import jsonld

from app.main import create_app
from orggraph.cypher import all_names, query
from tests.conftest import settings_for
from tests.support.neo4j_target import Neo4jTarget

TOKEN = {"Authorization": "Bearer test-token"}


def cypher(api: TestClient, text: str, headers: dict[str, str] | None = None, **parameters: object):
    body = {"query": text, "parameters": parameters}
    return api.post("/cypher", json=body, headers=TOKEN if headers is None else headers)


def test_reads_work_with_parameters_and_a_row_limit(api: TestClient) -> None:
    ok = cypher(api, "MATCH (u:Unit {id: $id}) RETURN u.name AS name", id="imss-bienestar/unit/unidad-juridica")
    assert ok.status_code == 200 and ok.json()["rows"] == [["Unidad Jurídica"]]
    many = cypher(api, "UNWIND range(1, 500) AS i RETURN i").json()
    assert (len(many["rows"]), many["truncated"], many["row_limit"]) == (50, True, 50)


@pytest.mark.parametrize(
    "text",
    [
        "CREATE (:Unit {id: 'x'})",
        "MATCH (u:Unit {id: 'imss-bienestar/unit/unidad-juridica'}) SET u.name = 'hacked'",
        "MERGE (n:Organization {id: 'x'})",
        "MATCH (n) DETACH DELETE n",
        "CALL db.createLabel('Evil')",
    ],
)
def test_writes_are_refused_by_the_database_or_the_allow_list(
    api: TestClient, seeded_graph: Driver, neo4j: Neo4jTarget, text: str
) -> None:
    response = cypher(api, text)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "query_refused"
    records, _, _ = seeded_graph.execute_query(
        "MATCH (u:Unit {id: 'imss-bienestar/unit/unidad-juridica'}) RETURN u.name AS name, count{ (n) } AS n",
        database_=neo4j.database,
    )
    assert records[0]["name"] == "Unidad Jurídica"


def test_writes_are_refused_by_the_database_itself(api: TestClient) -> None:
    # No keyword filter: the READ transaction is what stops a write.
    message = cypher(api, "MATCH (u:Unit) WITH u LIMIT 1 SET u.touched = true").json()["error"]["message"]
    assert "read" in message.lower()


@pytest.mark.parametrize(
    "text",
    [
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "load csv with headers from 'https://example.com/x.csv' AS row RETURN row",
        "CALL dbms.listConfig()",
        "CALL apoc.load.json('https://example.com')",
    ],
)
def test_reading_outside_the_graph_is_refused(api: TestClient, text: str) -> None:
    assert cypher(api, text).status_code == 403


@pytest.mark.parametrize(
    "text",
    [
        # Quoting a name does not change the procedure the plan calls (issue 13, item 4).
        "CALL `dbms`.`killConnections`(['bolt-1'])",
        "CALL `dbms.listConnections`()",
        "CALL dbms.listConnections()",
        "CALL dbms.queryJmx('*:*')",
        "CALL db.clearQueryCaches()",
        "CALL () { CALL `dbms`.`listConnections`() YIELD connectionId RETURN connectionId } RETURN connectionId",
        # Administration commands: some plan as reads, others on the system database (item 5).
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        "SHOW TRANSACTIONS",
        "SHOW TRANSACTIONS YIELD * RETURN 1",
        "SHOW USERS",
        "SHOW DATABASES",
        "SHOW SETTINGS",
        "SHOW CURRENT USER",
        "SHOW PRIVILEGES",
        "USE system SHOW DATABASES YIELD *",
        "CALL dbms.components()",
    ],
)
def test_what_the_plan_does_decides_not_the_text(api: TestClient, text: str) -> None:
    response = cypher(api, text)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "query_refused"


def test_what_neo4j_cannot_plan_does_not_run(api: TestClient) -> None:
    response = cypher(api, "USE system SHOW USERS")  # Neo4j: "The `USE` clause is not required …"
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_request"


@pytest.mark.parametrize(
    "text", ["CALL db.labels()", "CALL `db`.`labels`() YIELD label RETURN label", "SHOW INDEXES YIELD name RETURN name"]
)
def test_allowed_procedures_and_schema_listings_run(api: TestClient, text: str) -> None:
    response = cypher(api, text)
    assert response.status_code == 200, response.text
    assert response.json()["rows"]


def test_a_query_that_ignores_its_termination_is_answered_at_its_timeout(api: TestClient) -> None:
    # Neo4j marks the transaction terminated at 1 s but evaluates this one expression for ~10 s (item 6).
    started = time.monotonic()
    response = cypher(api, "RETURN size(reduce(s = '', i IN range(1, 100000) | s + 'xxxxxxxxxx')) AS n")
    took = time.monotonic() - started
    assert response.status_code == 408, response.text
    assert took < 4, f"answered after {took:.1f} s"


def test_a_memory_hungry_query_is_refused_by_the_server_cleanly(api: TestClient) -> None:
    # db.memory.transaction.max in the local server's config stops it; no retry, no 500 (item 6).
    started = time.monotonic()
    text = "UNWIND range(1, 100000) AS i RETURN size(collect($pad + toString(i))) AS n"  # ~1 GB of strings
    response = cypher(api, text, pad="x" * 10_000)
    took = time.monotonic() - started
    assert response.status_code == 403, response.text
    assert "memory" in response.json()["error"]["message"]
    assert took < 4, f"answered after {took:.1f} s"


def test_the_server_itself_refuses_file_urls(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    if neo4j.kind == "env":
        pytest.skip("a foreign server's configuration is not ours to assert")  # its settings are not orggraph's
    with pytest.raises(ClientError, match=r"(?i)file"):
        seeded_graph.execute_query(
            "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1", database_=neo4j.database
        )


def test_tokens(api: TestClient, neo4j: Neo4jTarget) -> None:
    assert cypher(api, "RETURN 1", headers={}).status_code == 401
    assert cypher(api, "RETURN 1", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert cypher(api, "RETURN 1", headers={"Authorization": "test-token"}).status_code == 401  # no scheme
    assert cypher(api, "RETURN 1", headers={"Authorization": "Basic test-token"}).status_code == 401
    assert cypher(api, "RETURN 1", headers={"Authorization": "bearer test-token"}).status_code == 200
    with TestClient(create_app(settings_for(neo4j))) as disabled:
        response = disabled.post("/cypher", json={"query": "RETURN 1"}, headers=TOKEN)
    assert response.status_code == 403 and "disabled" in response.json()["error"]["message"]


def test_a_runaway_query_stops_at_its_timeout(api: TestClient) -> None:
    response = cypher(api, "UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(*)")
    assert response.status_code == 408
    assert response.json()["error"]["code"] == "query_timeout"


def test_jsonld_export_is_valid_and_keeps_every_unit(api: TestClient, seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    document = api.get("/export/jsonld").json()
    expanded = jsonld.expand(document)
    org = "http://www.w3.org/ns/org#"
    units = [n for n in expanded if f"{org}OrganizationalUnit" in n.get("@type", [])]
    records, _, _ = seeded_graph.execute_query("MATCH (u:Unit) RETURN count(u) AS n", database_=neo4j.database)
    assert len(units) == records[0]["n"] == 68
    guarderias = next(n for n in units if n["@id"].endswith("/units/imss/unit/departamento-de-guarderias"))
    assert guarderias[f"{org}subOrganizationOf"][0]["@id"].endswith(
        "/units/imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales"
    )
    jefatura = next(
        n
        for n in units
        if n["@id"].endswith(
            "/imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales"
        )
    )
    assert jefatura[f"{org}reportsTo"][0]["@id"].endswith("direccion-de-prestaciones-economicas-y-sociales")
    assert jsonld.to_rdf(document, {"format": "application/n-quads"})  # and it converts to RDF


def test_every_named_query_compiles(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    """EXPLAIN each cypher/*.cypher (the schema and the write template excepted) with every parameter null."""
    import re

    for name in all_names():
        if name in ("schema", "write_edges"):
            continue
        text = query(name)
        params = {p: None for p in re.findall(r"\$(\w+)", text)}
        params.update({p: [] for p in ("rows", "ids", "actions", "objects") if p in params})
        params.update({p: 0 for p in ("limit", "offset", "fetch") if p in params})
        params.update({"row": {}} if "row" in params else {})
        seeded_graph.execute_query(f"EXPLAIN {text}", params, database_=neo4j.database)
