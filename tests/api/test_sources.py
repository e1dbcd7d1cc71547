"""Every read answer says which text of which document it rests on (issue 16): the ``sources`` block.

On the sample documents through a real Neo4j: the estatuto's current text is its last reform of 28 December
2023 (the "Última adición publicada DOF 28-12-2023" of its front page), read from the file whose checksum is
the sample's; the manual speaks from 2022-09-01. A later text loaded while the API runs is what the answers
rest on at once (the texts are kept per graph generation).
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from neo4j import Driver

from app.main import create_app
from app.sources import document_ids
from loaders import load_file
from loaders.writer import write_document
from tests.conftest import GraphState, settings_for
from tests.support.neo4j_target import Neo4jTarget

DOCUMENTS = Path(__file__).resolve().parents[2] / "data" / "documents"
ESTATUTO = DOCUMENTS / "imss-bienestar-estatuto-organico-2023.txt"
MANUAL = DOCUMENTS / "imss-manual-jssptpes-3000-002-002.txt"
DOC = "imss-bienestar/estatuto-organico"
MANUAL_DOC = "imss/manual-de-organizacion-3000-002-002"
UNIT = "imss-bienestar/unit/unidad-juridica"
JEFATURA = "imss/unit/jefatura-de-servicios-de-salud-en-el-trabajo-prestaciones-economicas-y-sociales"
ROUTES = [
    (f"/units/{UNIT}", {}),
    (f"/units/{UNIT}/superiors", {}),
    ("/units/imss-bienestar/unit/direccion-general/subordinates", {}),
    (f"/units/{UNIT}/powers", {}),
    (f"/units/{UNIT}/history", {}),
    (f"/units/{UNIT}/instruments", {}),
    ("/who-may", {"q": "firmar contratos", "organization": "imss-bienestar"}),
    ("/search", {"q": "juridica", "type": "unit"}),
    ("/orgchart", {"root": "imss-bienestar"}),
    ("/ask", {"q": "¿A quién reporta la Unidad Jurídica?"}),
    (f"/provisions/{DOC}/art-54-bis-1/frac-iii", {}),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def texts(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in body["sources"]["documents"]}


def test_every_main_read_names_the_estatutos_current_text(api: TestClient) -> None:
    for path, params in ROUTES:
        response = api.get(path, params=params)
        assert response.status_code == 200, path
        body = response.json()
        assert DOC in texts(body), (path, body["sources"])
        estatuto = texts(body)[DOC]
        assert estatuto["version_day"] == "2023-12-28" and estatuto["last_modified"] == "2023-12-28", path
        assert estatuto["published"] == "2023-09-13" and estatuto["sha256"] == sha256(ESTATUTO), path
        assert estatuto["earlier_versions"] == 0 and body["sources"]["at"] is None, path
        assert set(texts(body)) <= {DOC, MANUAL_DOC}, path


def test_sources_are_the_documents_the_answer_cites(api: TestClient) -> None:
    """No document the answer does not rest on: the manual's unit names the manual only, a search over both
    documents names both, and each cited id is one the answer's facts carry."""
    jefatura = api.get(f"/units/{JEFATURA}/powers", params={"limit": 5}).json()
    assert list(texts(jefatura)) == [MANUAL_DOC]
    assert texts(jefatura)[MANUAL_DOC]["sha256"] == sha256(MANUAL)
    assert texts(jefatura)[MANUAL_DOC]["version_day"] == "2022-09-01"
    both = api.get("/search", params={"q": "jefatura", "type": "unit"}).json()
    organizations = {h["organization"] for h in both["items"]}
    assert organizations == {"imss", "imss-bienestar"} and set(texts(both)) == {DOC, MANUAL_DOC}
    one = api.get("/search", params={"q": "juridica", "type": "unit", "limit": 1}).json()
    assert [h["id"] for h in one["items"]] == [UNIT] and list(texts(one)) == [DOC]
    who = api.get("/who-may", params={"q": "firmar contratos"}).json()
    named = document_ids([who["items"], who["delegations"]])
    assert named and set(texts(who)) == named


def test_sources_say_the_day_asked(api: TestClient) -> None:
    for path, params in ROUTES:
        if path == "/ask" or path.startswith("/provisions"):
            continue
        body = api.get(path, params={**params, "at": "2023-12-31"}).json()
        assert body["sources"]["at"] == "2023-12-31", path
        assert texts(body)[DOC]["version_day"] == "2023-12-28", path
    ask = api.get("/ask", params={"q": "¿A quién reporta la Unidad Jurídica?", "at": "2023-10-01"}).json()
    assert ask["sources"]["at"] == "2023-10-01" and DOC in texts(ask)


def test_a_later_text_loaded_while_serving_is_what_answers_cite(
    seeded_graph: Driver, neo4j: Neo4jTarget, tmp_path: Path
) -> None:
    """The texts are kept per graph generation: a load moves it, and the next answers name the new text."""
    lines = ESTATUTO.read_text(encoding="utf-8").splitlines()
    front = next(i for i, line in enumerate(lines) if "Última adición publicada DOF 28-12-2023" in line)
    lines[front] = lines[front].replace("DOF 28-12-2023", "DOF 15-02-2024")
    newer = tmp_path / ESTATUTO.name
    newer.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with TestClient(create_app(settings_for(neo4j, response_cache_entries=0))) as client:
        before = texts(client.get(f"/units/{UNIT}").json())[DOC]
        assert before["version_day"] == "2023-12-28" and before["earlier_versions"] == 0
        GraphState.seeded = False  # this test changes the graph: the next seeded test reloads the seeds
        write_document(seeded_graph, neo4j.database, load_file(newer))
        time.sleep(0.5)  # past ORGGRAPH_GENERATION_CHECK_SECONDS
        after = texts(client.get(f"/units/{UNIT}").json())[DOC]
    assert after["version_day"] == "2024-02-15" and after["earlier_versions"] == 1
    assert after["sha256"] == sha256(newer) != before["sha256"]
