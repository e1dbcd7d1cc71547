"""Every id the graph holds answers on every endpoint about it, and the answers agree with the graph.

The endpoint tests pick telling examples; these sweep all of them, because a unit with nothing to list
(no governance line, no instrument, no power of a basis) is exactly where a query returns no row or a
null one.
"""

from __future__ import annotations

from collections import Counter

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from tests.support.neo4j_target import Neo4jTarget


def ids(driver: Driver, database: str, label: str) -> list[str]:
    records, _, _ = driver.execute_query(f"MATCH (n:{label}) RETURN n.id AS id ORDER BY id", database_=database)
    return [r["id"] for r in records]


def test_every_unit_answers_on_every_unit_endpoint(api: TestClient, seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    units = ids(seeded_graph, neo4j.database, "Unit")
    assert len(units) == 68
    records, _, _ = seeded_graph.execute_query(
        """MATCH (u:Unit)
           RETURN u.id AS id,
                  COUNT { (u)-[:HAS_POWER]->() } + COUNT { (u)-[:RETAINS]->() } AS powers,
                  COUNT { (u)<-[:PART_OF]-(:Unit) } AS children,
                  COUNT { (u)-[:DESIGNATES|APPOINTS|REMOVES|PRESIDES|MEMBER_OF|SUBSTITUTES|DELEGATES]-() }
                    AS governance""",
        database_=neo4j.database,
    )
    truth = {r["id"]: r for r in records}
    empty = Counter()
    for unit in units:
        base = f"/units/{unit}"
        detail = api.get(base)
        assert detail.status_code == 200, (unit, detail.text)
        body = detail.json()
        assert len(body["children"]) == truth[unit]["children"]
        assert len(body["governance"]) == truth[unit]["governance"]
        assert all(g["relation"] and g["other"]["id"] for g in body["governance"])
        powers = api.get(f"{base}/powers", params={"limit": 500})
        assert powers.status_code == 200, (unit, powers.text)
        assert powers.json()["total"] == truth[unit]["powers"]
        for suffix in ("superiors", "subordinates", "history", "instruments"):
            response = api.get(f"{base}/{suffix}")
            assert response.status_code == 200, (unit, suffix, response.text)
        instruments = api.get(f"{base}/instruments").json()["instruments"]
        empty["instruments"] += not instruments
        empty["governance"] += not body["governance"]
        empty["powers"] += not truth[unit]["powers"]
    # The sweep did meet the empty cases it is about.
    assert empty["instruments"] > 0 and empty["governance"] > 0 and empty["powers"] > 0


@pytest.mark.parametrize("basis", ["own", "class", "delegated", "retained"])
def test_filtering_powers_by_a_basis_a_unit_lacks_gives_an_empty_page(api: TestClient, basis: str) -> None:
    # The Departamento de Guarderías holds only its own functions.
    response = api.get("/units/imss/unit/departamento-de-guarderias/powers", params={"basis": basis})
    assert response.status_code == 200
    assert (response.json()["total"] > 0) == (basis == "own")


def test_every_instrument_and_provision_answers(api: TestClient, seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    instruments = ids(seeded_graph, neo4j.database, "LegalInstrument")
    for instrument in instruments:
        response = api.get(f"/legal-instruments/{instrument}")
        assert response.status_code == 200, (instrument, response.text)
    provisions = ids(seeded_graph, neo4j.database, "Provision")
    assert len(provisions) == 1372
    for provision in provisions[::7]:  # every seventh: all kinds, without 1372 requests
        response = api.get(f"/provisions/{provision}")
        assert response.status_code == 200, (provision, response.text)
        assert response.json()["provision"]["id"] == provision


def test_who_may_says_which_organization_each_holder_belongs_to(api: TestClient) -> None:
    items = api.get("/who-may", params={"q": "suscribir convenios"}).json()["items"]
    assert items
    assert {item["unit"]["id"].split("/unit/")[0] for item in items} == {item["unit"]["organization"] for item in items}
