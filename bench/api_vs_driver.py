"""How much the HTTP API costs over the raw driver running the very same Cypher, measured in one run.

For each scenario the baseline is the neo4j driver executing the named Cypher file the route
uses, with the parameters the route would pass, and turning records into dicts. The API side is
a real uvicorn process serving the app, hit over loopback HTTP with keep-alive. Both talk to the
same Neo4j, so the ratio isolates what FastAPI, pydantic, JSON and HTTP add.

    python -m bench.api_vs_driver                # uses NEO4J_URI / the local server's password
    python -m bench.api_vs_driver --write docs/benchmarks.md

The graph must hold the sample documents (`scripts/up` or `orggraph up --no-serve`).
"""

from __future__ import annotations

import asyncio
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from neo4j import AsyncGraphDatabase, GraphDatabase, RoutingControl
from rich.console import Console
from rich.table import Table

from orggraph.cypher import query
from orggraph.localserver import free_port
from orggraph.questions import parse_search, parse_who_may
from orggraph.settings import PROJECT_ROOT, get_settings

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
        Scenario("chain of command", f"/units/{pensions}/superiors", {}, "unit_superiors", {"id": pensions}),
        Scenario(
            "subordinates (whole statute)",
            "/units/imss-bienestar/unit/junta-de-gobierno/subordinates",
            {},
            "unit_subordinates",
            {"id": "imss-bienestar/unit/junta-de-gobierno", "depth": None, "limit": 200, "offset": 0},
        ),
        Scenario("unit detail", f"/units/{pensions}", {}, "unit_detail", {"id": pensions}),
        Scenario(
            "who may sign pension resolutions",
            "/who-may",
            {"q": "firmar resoluciones de pensiones"},
            "who_may",
            {"actions": who.action_stems, "objects": who.object_stems, "organization": None, "document": None},
        ),
        Scenario(
            "full-text search",
            "/search",
            {"q": "pensiones"},
            "search",
            {"q": search.lucene, "types": None, "fetch": 520, "offset": 0, "limit": 20},
        ),
    ]


@dataclass
class Figures:
    latencies_ms: list[float]
    throughput: float  # requests per second under concurrency

    def pct(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def sequential(call: Callable[[], object], n: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        call()
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


async def concurrent(call: Callable[[], Awaitable[object]], total: int, workers: int) -> float:
    """Requests per second with `workers` callers sharing `total` requests."""
    remaining = total

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(workers)))
    return total / (time.perf_counter() - start)


def start_api(port: int, log: Path | None = None) -> subprocess.Popen[bytes]:
    """The app as `orggraph serve` runs it (uvicorn, app factory, one worker), without the access log.
    Its stderr goes to ``log`` (a temporary file by default): a pipe nobody reads would fill up and
    stall the server the first time it logs much."""
    log = log or Path(tempfile.mkstemp(prefix="orggraph-api-", suffix=".log")[1])
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            cwd=PROJECT_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=os.environ.copy(),
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


def machine_notes(neo4j_version: str) -> list[str]:
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
        f"Python {platform.python_version()}; Neo4j {neo4j_version} (heap {settings.neo4j_heap}, "
        f"page cache {settings.neo4j_pagecache}); API and Neo4j on the same machine, loopback",
        "uvicorn, one worker, log level warning (no access log); httpx client with keep-alive",
    ]


def run(n: int, warmup: int, workers: int, total: int) -> tuple[list[tuple[Scenario, Figures, Figures]], list[str]]:
    settings = get_settings()
    auth = settings.neo4j_auth()
    port = free_port()
    api = start_api(port)
    results = []
    try:
        with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
            version = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v").records[0][
                "v"
            ]
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                for scenario in scenarios():
                    text = query(scenario.cypher)

                    def raw(text: str = text, scenario: Scenario = scenario) -> object:
                        records = driver.execute_query(
                            text,
                            scenario.cypher_params,
                            routing_=RoutingControl.READ,
                            database_=settings.neo4j_database,
                        ).records
                        return [r.data() for r in records]

                    def http(scenario: Scenario = scenario) -> object:
                        response = client.get(scenario.path, params=scenario.http_params)
                        response.raise_for_status()
                        return response.json()

                    if not raw() or not http():
                        raise RuntimeError(f"{scenario.name}: no answer; are the sample documents loaded?")
                    driver_ms = sequential(raw, n, warmup)
                    api_ms = sequential(http, n, warmup)
                    driver_rps, api_rps = asyncio.run(throughput(scenario, port, workers, total))
                    results.append((scenario, Figures(driver_ms, driver_rps), Figures(api_ms, api_rps)))
    finally:
        api.terminate()
        api.wait(10)
    return results, machine_notes(version)


async def throughput(scenario: Scenario, port: int, workers: int, total: int) -> tuple[float, float]:
    settings = get_settings()
    text = query(scenario.cypher)
    async with AsyncGraphDatabase.driver(settings.neo4j_uri, auth=settings.neo4j_auth()) as driver:

        async def raw() -> object:
            result = await driver.execute_query(
                text, scenario.cypher_params, routing_=RoutingControl.READ, database_=settings.neo4j_database
            )
            return [r.data() for r in result.records]

        await concurrent(raw, workers * 4, workers)
        driver_rps = await concurrent(raw, total, workers)
    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits) as client:

        async def http() -> object:
            response = await client.get(scenario.path, params=scenario.http_params)
            response.raise_for_status()
            return response.content

        await concurrent(http, workers * 4, workers)
        api_rps = await concurrent(http, total, workers)
    return driver_rps, api_rps


def report(results: list[tuple[Scenario, Figures, Figures]], notes: list[str], n: int, workers: int) -> str:
    lines = [
        f"| scenario | driver p50 ms | API p50 ms | p50 ratio | driver p99 ms | API p99 ms | p99 ratio "
        f"| driver req/s ({workers} callers) | API req/s | throughput ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scenario, driver, api in results:
        d50, a50, d99, a99 = driver.pct(50), api.pct(50), driver.pct(99), api.pct(99)
        lines.append(
            f"| {scenario.name} (`{scenario.cypher}`) | {d50:.1f} | {a50:.1f} | {a50 / d50:.2f}× | {d99:.1f} "
            f"| {a99:.1f} | {a99 / d99:.2f}× | {driver.throughput:.0f} | {api.throughput:.0f} "
            f"| {api.throughput / driver.throughput:.2f}× |"
        )
    lines += ["", f"{n} sequential calls per side after warm-up; throughput with {workers} concurrent callers.", ""]
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def main(
    n: Annotated[int, typer.Option(help="Sequential calls per scenario and side")] = 300,
    warmup: Annotated[int, typer.Option(help="Calls before measuring")] = 30,
    workers: Annotated[int, typer.Option(help="Concurrent callers for throughput")] = 8,
    total: Annotated[int, typer.Option(help="Calls per throughput measurement")] = 600,
    write: Annotated[Path | None, typer.Option(help="Also replace the results block of this markdown file")] = None,
) -> None:
    """Benchmark the API against the raw driver on the same queries, in one run."""
    results, notes = run(n, warmup, workers, total)
    table = Table(title="API vs raw driver (same Cypher, same run)")
    for column in ("scenario", "driver p50", "API p50", "ratio", "driver p99", "API p99", "req/s driver→API"):
        table.add_column(column, justify="left" if column == "scenario" else "right")
    for scenario, driver, api in results:
        table.add_row(
            scenario.name,
            f"{driver.pct(50):.1f} ms",
            f"{api.pct(50):.1f} ms",
            f"{api.pct(50) / driver.pct(50):.2f}×",
            f"{driver.pct(99):.1f} ms",
            f"{api.pct(99):.1f} ms",
            f"{driver.throughput:.0f} → {api.throughput:.0f}",
        )
    console.print(table)
    for note in notes:
        console.print(f"[dim]{note}[/]")
    if write:
        markdown = report(results, notes, n, workers)
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        text = write.read_text(encoding="utf-8") if write.exists() else f"{start}\n{end}\n"
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        write.write_text(f"{head}{start}\n{markdown}{end}{tail}", encoding="utf-8")
        console.print(f"Results written to {write}")


if __name__ == "__main__":
    typer.run(main)
