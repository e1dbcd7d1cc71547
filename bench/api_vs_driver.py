"""How much the HTTP API costs over the raw driver running the very same Cypher, measured in one run.

For each scenario the baseline is the neo4j driver executing the named Cypher file the route
uses, with the parameters the route would pass, and turning records into dicts. The API side is
a real uvicorn process serving the app, hit over loopback HTTP with keep-alive, twice: cold (the
response cache off: every request reaches Neo4j) and warm (the cache on: repeated questions are
answered from memory). Both talk to the same Neo4j, so the ratio isolates what FastAPI, pydantic, JSON
and HTTP add, and what the cache saves. Then a throughput run on the chain of command: the driver and
the API (cold and warm, 1, 2 and 4 workers), each with 64 keep-alive connections for 30 s.

    python -m bench.api_vs_driver                # uses NEO4J_URI / the local server's password
    python -m bench.api_vs_driver --write docs/benchmarks.md
    python -m bench.api_vs_driver --seconds 5 --workers 1   # a quick look

The graph must hold the sample documents (`scripts/up` or `orggraph up --no-serve`).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from neo4j import READ_ACCESS, AsyncGraphDatabase, Driver, GraphDatabase, RoutingControl
from rich.console import Console

from bench import load
from orggraph.cypher import query
from orggraph.localserver import free_port
from orggraph.settings import PROJECT_ROOT, get_settings
from questions.parsing import parse_search, parse_who_may

console = Console()


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str  # what the API is asked
    http_params: dict[str, str]
    cypher: str  # the named query the route runs
    cypher_params: dict[str, Any]


def scenarios() -> list[Scenario]:
    who = parse_who_may("firmar resoluciones de pensiones")
    search = parse_search("pensiones")
    pensions = "imss/unit/departamento-de-pensiones-en-subdelegaciones"
    return [
        Scenario(
            "chain of command", f"/units/{pensions}/superiors", {}, "unit_superiors", {"id": pensions, "at": None}
        ),
        Scenario(
            "subordinates (whole statute)",
            "/units/imss-bienestar/unit/junta-de-gobierno/subordinates",
            {},
            "unit_subordinates",
            {"id": "imss-bienestar/unit/junta-de-gobierno", "depth": None, "limit": 200, "offset": 0, "at": None},
        ),
        Scenario("unit detail", f"/units/{pensions}", {}, "unit_detail", {"id": pensions, "at": None}),
        Scenario(
            "who may sign pension resolutions",
            "/who-may",
            {"q": "firmar resoluciones de pensiones"},
            "who_may",
            {
                "actions": who.action_stems,
                "objects": who.object_stems,
                "organization": None,
                "document": None,
                "at": None,
            },
        ),
        Scenario(
            "full-text search",
            "/search",
            {"q": "pensiones"},
            "search",
            {"q": search.lucene, "types": None, "fetch": 520, "offset": 0, "limit": 20, "at": None},
        ),
    ]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def interleaved(calls: dict[str, Callable[[], object]], n: int, warmup: int) -> dict[str, list[float]]:
    """Latencies (ms) of each call, taken in turns (a, b, c, a, b, c …): a machine whose load changes during
    the run slows every side alike, so the ratios hold better than with one side after the other."""
    for _ in range(warmup):
        for call in calls.values():
            call()
    out: dict[str, list[float]] = {name: [] for name in calls}
    clock = time.perf_counter
    for _ in range(n):
        for name, call in calls.items():
            start = clock()
            call()
            out[name].append((clock() - start) * 1000)
    return out


def start_api(
    port: int, log: Path | None = None, env: dict[str, str] | None = None, workers: int = 1
) -> subprocess.Popen[bytes]:
    """The app as `orggraph serve` runs it (uvicorn, app factory, ``workers`` processes), without the access
    log; ``env`` adds settings (ORGGRAPH_RESPONSE_CACHE_ENTRIES=0: the cache off). Its stderr goes to
    ``log`` (a temporary file by default): a pipe nobody reads would fill up and stall the server the
    first time it logs much."""
    log = log or Path(tempfile.mkstemp(prefix="orggraph-api-", suffix=".log")[1])
    command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log", "--workers", str(workers)]
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=stderr, env={**os.environ, **(env or {})}
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the API did not start: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the API did not answer /health within 60 s")


COLD = {"ORGGRAPH_RESPONSE_CACHE_ENTRIES": "0"}
WARM: dict[str, str] = {}


@contextmanager
def api_server(env: dict[str, str], workers: int = 1) -> Iterator[int]:
    """A uvicorn API on a free loopback port for the length of the block; yields the port."""
    port = free_port()
    process = start_api(port, env=env, workers=workers)
    try:
        yield port
    finally:
        process.terminate()
        process.wait(20)


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def machine_notes(neo4j_version: str, load_at_start: str) -> list[str]:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    settings = get_settings()
    return [
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}",
        f"load average (1, 5, 15 min) {load_at_start} at the start and {load_average()} at the end: other work on "
        "the machine shares its two cores with Neo4j, the API and the load generator",
        f"Python {platform.python_version()}; Neo4j {neo4j_version} (heap {settings.neo4j_heap}, "
        f"page cache {settings.neo4j_pagecache}); API, Neo4j and the load generator on the same machine, loopback",
        "uvicorn, log level warning, no access log; the API asked over raw HTTP/1.1 keep-alive connections "
        "(bench.load): one at a time for latency, many for throughput",
    ]


@dataclass
class Latencies:
    """Sequential latencies (ms) of one scenario: the driver two ways, the API cold and warm."""

    scenario: Scenario
    driver: list[float]  # execute_query: a managed transaction, as the driver's manual recommends
    autocommit: list[float]  # session.run: one auto-commit round trip, as the API reads
    cold: list[float]
    warm: list[float]


def driver_answer(driver: Driver, text: str, params: dict[str, Any], database: str) -> list[dict[str, Any]]:
    """The baseline: the route's Cypher through ``execute_query`` (a managed read transaction), as dicts."""
    records = driver.execute_query(text, params, routing_=RoutingControl.READ, database_=database).records
    return [r.data() for r in records]


def latencies(n: int, warmup: int, cold_port: int, warm_port: int) -> tuple[list[Latencies], str]:
    settings = get_settings()
    out = []
    with GraphDatabase.driver(
        settings.neo4j_uri, auth=settings.neo4j_auth(), notifications_min_severity="OFF"
    ) as driver:
        version = driver.execute_query(query("neo4j_version")).records[0]["version"]
        with load.RawClient("127.0.0.1", cold_port) as cold, load.RawClient("127.0.0.1", warm_port) as warm:
            for scenario in scenarios():
                text = query(scenario.cypher)

                def raw(text: str = text, scenario: Scenario = scenario) -> object:
                    return driver_answer(driver, text, scenario.cypher_params, settings.neo4j_database)

                def autocommit(text: str = text, scenario: Scenario = scenario) -> object:
                    with driver.session(database=settings.neo4j_database, default_access_mode=READ_ACCESS) as s:
                        return [r.data() for r in s.run(text, scenario.cypher_params)]

                def http(client: load.RawClient, scenario: Scenario = scenario) -> object:
                    status, body = client.get(scenario.path, scenario.http_params)
                    if status != 200:
                        raise RuntimeError(f"{scenario.name}: {status} {body[:200]!r}")
                    return json.loads(body)

                if not raw() or not http(cold):
                    raise RuntimeError(f"{scenario.name}: no answer; are the sample documents loaded?")
                taken = interleaved(
                    {"driver": raw, "autocommit": autocommit, "cold": lambda: http(cold), "warm": lambda: http(warm)},
                    n,
                    warmup,
                )
                out.append(Latencies(scenario, **taken))
    return out, version


async def _driver_load(scenario: Scenario, connections: int, seconds: float) -> load.LoadResult:
    """The driver's side of a throughput run: ``connections`` async callers for ``seconds``."""
    settings = get_settings()
    text = query(scenario.cypher)
    out = load.LoadResult(seconds=seconds)
    async with AsyncGraphDatabase.driver(
        settings.neo4j_uri, auth=settings.neo4j_auth(), notifications_min_severity="OFF"
    ) as driver:

        async def caller(until: float) -> None:
            while time.perf_counter() < until:
                start = time.perf_counter()
                try:
                    result = await driver.execute_query(
                        text, scenario.cypher_params, routing_=RoutingControl.READ, database_=settings.neo4j_database
                    )
                    [r.data() for r in result.records]
                except Exception:
                    out.errors += 1
                    continue
                out.latencies_ms.append((time.perf_counter() - start) * 1000)

        await asyncio.gather(*(caller(time.perf_counter() + 1) for _ in range(connections)))  # warm the pool
        out.latencies_ms.clear()
        started = time.perf_counter()
        await asyncio.gather(*(caller(started + seconds) for _ in range(connections)))
        out.seconds = time.perf_counter() - started
    return out


def driver_load(scenario: Scenario, connections: int, seconds: float) -> load.LoadResult:
    try:
        import uvloop

        return uvloop.run(_driver_load(scenario, connections, seconds))
    except ImportError:
        return asyncio.run(_driver_load(scenario, connections, seconds))


@dataclass
class Run:
    label: str
    workers: int
    result: load.LoadResult


def throughput(scenario: Scenario, connections: int, seconds: float, worker_counts: list[int]) -> list[Run]:
    """The driver, then the API cold and warm with each worker count, one after the other."""
    runs = [Run("driver (execute_query)", 0, driver_load(scenario, connections, seconds))]
    for label, env in (("API cold (cache off)", COLD), ("API warm (cache on)", WARM)):
        for workers in worker_counts:
            with api_server(env, workers) as port:
                load.run("127.0.0.1", port, scenario.path, scenario.http_params, connections=connections, seconds=2)
                result = load.run(
                    "127.0.0.1", port, scenario.path, scenario.http_params, connections=connections, seconds=seconds
                )
            runs.append(Run(label, workers, result))
    return runs


def latency_table(rows: list[Latencies]) -> str:
    lines = [
        "| scenario | driver p50 / p99 ms | driver auto-commit p50 | API cold p50 / p99 ms | cold p50 ratio "
        "| API warm p50 / p99 ms | warm p50 ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        d50 = pct(r.driver, 50)
        lines.append(
            f"| {r.scenario.name} (`{r.scenario.cypher}`) | {d50:.2f} / {pct(r.driver, 99):.2f} "
            f"| {pct(r.autocommit, 50):.2f} | {pct(r.cold, 50):.2f} / {pct(r.cold, 99):.2f} "
            f"| {pct(r.cold, 50) / d50:.2f}× | {pct(r.warm, 50):.2f} / {pct(r.warm, 99):.2f} "
            f"| {pct(r.warm, 50) / d50:.2f}× |"
        )
    return "\n".join(lines) + "\n"


def throughput_table(scenario: Scenario, runs: list[Run], connections: int) -> str:
    driver = runs[0].result
    lines = [
        f"| {scenario.name}, {connections} connections | workers | req/s | p50 ms | p99 ms | errors "
        "| req/s vs driver | p50 vs driver |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        r = run.result
        lines.append(
            f"| {run.label} | {run.workers or '–'} | {r.rate:,.0f} | {r.pct(50):.1f} | {r.pct(99):.1f} | {r.errors} "
            f"| {r.rate / driver.rate:.2f}× | {r.pct(50) / driver.pct(50):.2f}× |"
        )
    return "\n".join(lines) + "\n"


def main(
    n: Annotated[int, typer.Option(help="Sequential calls per scenario and side")] = 300,
    warmup: Annotated[int, typer.Option(help="Calls before measuring")] = 30,
    connections: Annotated[int, typer.Option(help="Keep-alive connections (and driver callers) for throughput")] = 64,
    seconds: Annotated[float, typer.Option(help="Length of each throughput run")] = 30.0,
    workers: Annotated[str, typer.Option(help="uvicorn worker counts for the throughput runs; empty: none")] = "1,2,4",
    write: Annotated[Path | None, typer.Option(help="Also replace the results block of this markdown file")] = None,
) -> None:
    """Benchmark the API (cache off and on) against the raw driver on the same queries, in one run."""
    load_at_start = load_average()
    with api_server(COLD) as cold_port, api_server(WARM) as warm_port:
        rows, version = latencies(n, warmup, cold_port, warm_port)
    console.print(latency_table(rows))
    chain = scenarios()[0]
    runs = throughput(chain, connections, seconds, [int(w) for w in workers.split(",") if w.strip()])
    console.print(throughput_table(chain, runs, connections))
    notes = machine_notes(version, load_at_start)
    for note in notes:
        console.print(f"[dim]{note}[/]")
    if write:
        markdown = (
            f"{latency_table(rows)}\n{n} calls per side, one at a time and in turns (driver, auto-commit, cold, "
            f"warm, driver …), after {warmup} rounds of warm-up; ratios against the driver's `execute_query` "
            "in the same run.\n\n"
            f"{throughput_table(chain, runs, connections)}\n{seconds:g} s per run after 2 s of warm-up; "
            "each API run is a fresh server.\n\n" + "\n".join(f"- {note}" for note in notes) + "\n"
        )
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        text = write.read_text(encoding="utf-8") if write.exists() else f"{start}\n{end}\n"
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        write.write_text(f"{head}{start}\n{markdown}{end}{tail}", encoding="utf-8")
        console.print(f"Results written to {write}")


if __name__ == "__main__":
    typer.run(main)
