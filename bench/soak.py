"""Soak: many clients for a minute while documents are reloaded and Neo4j restarts under them.

A throwaway Neo4j (temporary home, loopback) holds the sample documents; the API runs as
``orggraph serve`` runs it. ``--clients`` concurrent clients ask a mix of questions for
``--seconds`` seconds; meanwhile the statute is reloaded at 1/4 of the time and the manual at 3/4,
and Neo4j is stopped and started at 1/2. The report counts requests and answers by status with
p50/p99 latency, and holds as unexpected every 5xx but the 503s answered while Neo4j was down, and
every transport error. Then the graph is compared with a fresh load of the same documents into an
empty database: nothing lost, nothing doubled.

    python -m bench.soak --clients 64 --seconds 60

Loopback only, bounded in time; exits 1 when anything unexpected happened.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from neo4j import Driver, GraphDatabase

from bench.api_vs_driver import start_api
from bench.scale import scratch_neo4j
from loaders import load_file
from loaders.records import ParsedDocument
from loaders.writer import write_document
from orggraph.cypher import query
from orggraph.localserver import LocalNeo4j, free_port
from orggraph.schema import apply_schema
from orggraph.settings import PROJECT_ROOT

DATABASE = "neo4j"
PENSIONES = "imss/unit/departamento-de-pensiones-en-subdelegaciones"
JUNTA = "imss-bienestar/unit/junta-de-gobierno"
QUESTIONS = [
    "/health",
    f"/units/{PENSIONES}/superiors",
    f"/units/{JUNTA}/subordinates",
    f"/units/{PENSIONES}",
    "/who-may?q=firmar+resoluciones+de+pensiones",
    "/who-may?q=suscribir+convenios",
    "/search?q=pensiones",
    "/search?q=jur%C3%ADdica&type=unit",
    "/documents",
    "/orgchart?root=imss-bienestar",
]


class Tally:
    def __init__(self) -> None:
        self.statuses: Counter[str] = Counter()
        self.unexpected: Counter[str] = Counter()
        self.latencies: list[float] = []
        self.neo4j_down = False  # set while Neo4j is stopped: 503s are expected then
        self.down_since: float | None = None
        self.started = time.perf_counter()
        self.when: list[str] = []  # when each unexpected request was sent, to set beside the disturbances


async def client(base: str, tally: Tally, deadline: float, seed: int, busy: threading.Thread) -> None:
    """Ask until the time is up and the reloads and the restart are over."""
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        i = seed
        while time.monotonic() < deadline or busy.is_alive():
            path = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            start = time.perf_counter()
            down_when_sent = tally.neo4j_down or _recently(tally)
            try:
                response = await http.get(path)
            except httpx.HTTPError as exc:
                tally.statuses[type(exc).__name__] += 1
                tally.unexpected[f"{type(exc).__name__} on {path}"] += 1
                tally.when.append(f"{type(exc).__name__} sent at {start - tally.started:.0f} s")
                continue
            tally.latencies.append((time.perf_counter() - start) * 1000)
            status = response.status_code
            tally.statuses[str(status)] += 1
            # a 503 is expected for a request sent, or answered, while Neo4j was down or just back
            expected_503 = status == 503 and (down_when_sent or tally.neo4j_down or _recently(tally))
            if status >= 500 and not expected_503:
                tally.unexpected[f"{status} on {path}"] += 1
                tally.when.append(f"{status} sent at {start - tally.started:.0f} s")


def _recently(tally: Tally) -> bool:
    """A request sent just before Neo4j came back may still be answered 503 (a few seconds' grace)."""
    return tally.down_since is not None and time.monotonic() - tally.down_since < 5


def disturb(
    driver: Driver, server: LocalNeo4j, documents: dict[str, ParsedDocument], tally: Tally, seconds: float
) -> list[str]:
    """Reload the statute, restart Neo4j, reload the manual, at 1/4, 1/2 and 3/4 of the run."""
    log: list[str] = []
    started = time.monotonic()

    def at(fraction: float) -> None:
        time.sleep(max(0.0, started + seconds * fraction - time.monotonic()))

    at(0.25)
    t = time.perf_counter()
    write_document(driver, DATABASE, documents["statute"])
    log.append(f"{time.monotonic() - started:5.1f} s  statute reloaded in {time.perf_counter() - t:.1f} s")
    at(0.5)
    tally.neo4j_down = True
    t = time.perf_counter()
    server.stop()
    log.append(f"{time.monotonic() - started:5.1f} s  Neo4j stopped in {time.perf_counter() - t:.1f} s")
    server.start(auth=None, timeout=180)
    tally.neo4j_down, tally.down_since = False, time.monotonic()
    log.append(f"{time.monotonic() - started:5.1f} s  Neo4j started again ({time.perf_counter() - t:.1f} s down)")
    at(0.75)
    t = time.perf_counter()
    write_document(driver, DATABASE, documents["manual"])
    log.append(f"{time.monotonic() - started:5.1f} s  manual reloaded in {time.perf_counter() - t:.1f} s")
    return log


def fingerprint(driver: Driver) -> dict[str, Any]:
    """Everything but load times: nodes by label and id, relationships by type, endpoints and lines."""
    nodes = driver.execute_query(query("graph_nodes"), database_=DATABASE).records
    rels = driver.execute_query(query("graph_relationships"), database_=DATABASE).records
    return {"nodes": [tuple(r.values()) for r in nodes], "relationships": [tuple(r.values()) for r in rels]}


def run(clients: int, seconds: float) -> int:
    documents = {
        p.document.genre: p for p in (load_file(f) for f in sorted((PROJECT_ROOT / "data" / "documents").glob("*.txt")))
    }
    with tempfile.TemporaryDirectory(prefix="orggraph-soak-") as home, scratch_neo4j("1g", "512m") as server:
        uri = server.config.bolt_uri
        api, api_log = None, Path(home) / "api.log"
        try:
            with GraphDatabase.driver(uri, notifications_min_severity="OFF") as driver:
                apply_schema(driver, DATABASE)
                for parsed in documents.values():
                    write_document(driver, DATABASE, parsed)
                port = free_port()
                os.environ.update({"NEO4J_URI": uri, "ORGGRAPH_NEO4J_HOME": str(Path(home) / "no-password")})
                api = start_api(port, api_log)
                tally = Tally()
                deadline = time.monotonic() + seconds
                log: list[str] = []
                disturber = threading.Thread(
                    target=lambda: log.extend(disturb(driver, server, documents, tally, seconds)), daemon=True
                )
                disturber.start()
                asyncio.run(_clients(f"http://127.0.0.1:{port}", tally, deadline, clients, disturber))
                elapsed = time.monotonic() - deadline + seconds
                disturber.join(timeout=240)
                after_soak = fingerprint(driver)
                with driver.session(database=DATABASE) as session:  # IN TRANSACTIONS needs an implicit one
                    session.run(query("graph_wipe")).consume()
                for parsed in documents.values():
                    write_document(driver, DATABASE, parsed)
                fresh = fingerprint(driver)
        finally:
            if api is not None:
                api.terminate()
                try:
                    api.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    api.kill()
                    print("the API did not stop within 30 s of SIGTERM: killed")
            logged = api_log.read_text(errors="replace") if api_log.exists() else ""
            kept = Path(tempfile.gettempdir()) / "orggraph-soak-api.log"
            kept.write_text(logged)
    same = after_soak == fresh
    total = sum(tally.statuses.values())
    ordered = sorted(tally.latencies)
    print(f"{clients} clients, {elapsed:.0f} s, loopback; {total:,} requests ({total / elapsed:,.0f}/s)")
    for line in log:
        print("  " + line)
    print("answers: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(tally.statuses.items())))
    if ordered:
        p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
        print(f"latency: p50 {statistics.median(ordered):.1f} ms, p99 {p99:.1f} ms")
    print(f"API log ({kept}): {len(logged.splitlines()):,} lines, {logged.count('Traceback'):,} tracebacks")
    print("unexpected: " + (", ".join(f"{k} ×{v}" for k, v in tally.unexpected.items()) or "none"))
    if tally.when:
        print("  " + "; ".join(sorted(set(tally.when))))
    print(
        f"graph after the soak equals a fresh load: {same} "
        f"({len(fresh['nodes']):,} nodes, {len(fresh['relationships']):,} relationships)"
    )
    return 0 if same and not tally.unexpected else 1


async def _clients(base: str, tally: Tally, deadline: float, clients: int, busy: threading.Thread) -> None:
    await asyncio.gather(*(client(base, tally, deadline, seed, busy) for seed in range(clients)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    sys.exit(run(args.clients, min(args.seconds, 600.0)))


if __name__ == "__main__":
    main()
