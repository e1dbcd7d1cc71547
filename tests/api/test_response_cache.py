"""The response cache (app/cache.py) over real HTTP and a real Neo4j: answers carry an ETag and
Cache-Control, a matching If-None-Match is a 304, and after a load every server answers from the new
graph within the documented bound (ORGGRAPH_GENERATION_CHECK_SECONDS plus one round trip; at most 1 s),
however often it had answered the same question before."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest
from neo4j import Driver

from app.main import create_app
from loaders.records import ParsedDocument
from loaders.writer import write_document
from orggraph.settings import PROJECT_ROOT
from tests.conftest import GraphState, settings_for
from tests.support.live_server import serve
from tests.support.neo4j_target import Neo4jTarget

PENSIONS = "/units/imss/unit/departamento-de-pensiones-en-subdelegaciones/superiors"
BOUND_SECONDS = 1.0  # README and docs/benchmarks.md promise no stale answer past this after a load


@pytest.fixture
def http(seeded_graph: Driver, neo4j: Neo4jTarget) -> Iterator[httpx.Client]:
    with serve(create_app(settings_for(neo4j)), name="cache-uvicorn") as base, httpx.Client(base_url=base) as client:
        yield client


def test_answers_carry_an_etag_and_a_matching_if_none_match_is_a_304(http: httpx.Client) -> None:
    first = http.get(PENSIONS)
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = http.get(PENSIONS)  # from the cache: the same bytes, the same tag
    assert (again.content, again.headers["etag"]) == (first.content, etag)
    assert again.json()["unit"]["name"] == "Departamento de Pensiones en Subdelegaciones"
    not_modified = http.get(PENSIONS, headers={"If-None-Match": f'"other", W/{etag}'})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    assert http.get(PENSIONS, headers={"If-None-Match": '"other"'}).status_code == 200
    head = http.head(PENSIONS, headers={"If-None-Match": etag})
    assert head.status_code == 304
    # errors are not kept nor tagged: an unknown unit is a 404 each time
    missing = http.get("/units/imss/unit/no-such-unit/superiors")
    assert missing.status_code == 404 and "etag" not in missing.headers
    assert "etag" not in http.get("/health").headers


def test_the_cache_keeps_at_most_its_size(seeded_graph: Driver, neo4j: Neo4jTarget) -> None:
    app = create_app(settings_for(neo4j, response_cache_entries=2))
    with serve(app, name="cache-size-uvicorn") as base, httpx.Client(base_url=base) as client:
        for limit in (1, 2, 3, 4):
            assert client.get("/units", params={"limit": limit}).status_code == 200
        layer = app.middleware_stack
        while type(layer).__name__ != "ResponseCache":
            layer = layer.app  # type: ignore[attr-defined]
        assert [key[2] for key in layer.store] == [b"limit=3", b"limit=4"]  # type: ignore[attr-defined]


def test_every_server_answers_from_the_new_graph_within_the_bound_after_a_load(
    empty_graph: Driver, neo4j: Neo4jTarget, seed_documents: dict[str, ParsedDocument]
) -> None:
    """Two servers (as two workers or two machines would be) keep answering the same questions while a
    load commits from outside them; each must give the new answer no later than BOUND_SECONDS after."""
    write_document(empty_graph, neo4j.database, seed_documents["manual"])
    GraphState.seeded = False  # this test leaves only part of the seeds
    questions = ["/documents", "/units?limit=1", "/search?q=junta+de+gobierno"]
    with ExitStack() as stack:
        clients = []
        for name in ("cache-a", "cache-b"):
            base = stack.enter_context(serve(create_app(settings_for(neo4j)), name=name))
            clients.append(stack.enter_context(httpx.Client(base_url=base)))
        before = {q: clients[0].get(q).json() for q in questions}
        for client in clients:  # both have answered (and kept) every question from the old graph
            for q in questions:
                assert client.get(q).json() == before[q]
        etag = clients[0].get("/documents").headers["etag"]
        assert len(before["/documents"]) == 1

        write_document(empty_graph, neo4j.database, seed_documents["statute"])
        committed = time.monotonic()
        # Ask until every answer has changed. A request sent more than BOUND_SECONDS after the commit must
        # get the new answer (the time counted is when it was sent: on a busy machine an answer may take
        # long to come back, and that is not staleness).
        fresh: set[tuple[int, str]] = set()
        late_and_stale: list[tuple[int, str, float]] = []
        while len(fresh) < len(clients) * len(questions) and time.monotonic() - committed < 10:
            for i, client in enumerate(clients):
                for q in questions:
                    sent = time.monotonic() - committed
                    if client.get(q).json() != before[q]:
                        fresh.add((i, q))
                    elif sent > BOUND_SECONDS:
                        late_and_stale.append((i, q, round(sent, 3)))
            time.sleep(0.01)
        assert len(fresh) == len(clients) * len(questions), f"still stale after 10 s; fresh: {fresh}"
        assert late_and_stale == []
        for client in clients:
            assert len(client.get("/documents").json()) == 2
            assert client.get("/units", params={"limit": 1}).json()["total"] > before["/units?limit=1"]["total"]
            changed = client.get("/documents", headers={"If-None-Match": etag})
            assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_an_upload_is_answered_at_once_by_the_server_that_loaded_it(empty_graph: Driver, neo4j: Neo4jTarget) -> None:
    """The worker that wrote the graph does not wait for its next check (app.routes.documents)."""
    GraphState.seeded = False
    text = (PROJECT_ROOT / "tests" / "fixtures" / "statute_plain.txt").read_bytes()
    app = create_app(settings_for(neo4j, write_token="write-token", generation_check_seconds=1.0))
    with serve(app, name="cache-upload") as base, httpx.Client(base_url=base, timeout=60) as client:
        assert client.get("/documents").json() == []
        loaded = client.post(
            "/documents",
            files={"file": ("statute_plain.txt", text, "text/plain")},
            headers={"Authorization": "Bearer write-token"},
        )
        assert loaded.status_code == 201, loaded.text
        assert [d["id"] for d in client.get("/documents").json()] == [loaded.json()["document"]["id"]]
