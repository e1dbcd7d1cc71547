"""The API's own CPU per request, in-process: what a cold answer costs on top of its read.

Latency ratios (bench/api_vs_driver.py) move with the machine's load; CPU time per request moves much
less. For each scenario this runs, in one process and in turns:

- **app**: the whole ASGI app (middleware, routing, dependencies, the route, its reads, JSON), called
  directly with a GET scope — no HTTP, no socket to a client;
- **reads**: the route's named query through the app's own ``Reader`` (the async driver, records to dicts);
- **driver**: the baseline of bench/api_vs_driver.py, ``execute_query`` and ``record.data()``.

app − reads is what FastAPI, the middleware and the route's Python cost per request.

    .venv/bin/python -m bench.api_cost            # the graph must hold the samples (orggraph load)
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from urllib.parse import urlencode

import typer
from neo4j import GraphDatabase
from rich.console import Console

from app.main import create_app
from bench.api_vs_driver import Scenario, driver_answer, scenarios
from orggraph.cypher import query
from orggraph.settings import Settings, get_settings

console = Console()


async def asgi_get(app: Any, path: str, query_string: bytes) -> int:
    """One GET through the ASGI app; the status."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query_string,
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def cpu_ms(call: Callable[[], Awaitable[object]], n: int) -> float:
    """CPU milliseconds per call over ``n`` calls."""
    start = time.process_time()
    for _ in range(n):
        await call()
    return (time.process_time() - start) / n * 1000


async def measure(settings: Settings, n: int, rounds: int) -> list[tuple[Scenario, dict[str, float]]]:
    """Best of ``rounds`` for each side of each scenario, the sides in turns."""
    app = create_app(settings.model_copy(update={"response_cache_entries": 0}))  # cold: every request reaches Neo4j
    out = []
    with GraphDatabase.driver(
        settings.neo4j_uri, auth=settings.neo4j_auth(), notifications_min_severity="OFF"
    ) as driver:
        async with app.router.lifespan_context(app):
            reader = app.state.reader
            for scenario in scenarios():
                text, params = query(scenario.cypher), scenario.cypher_params
                qs = urlencode(scenario.http_params).encode()

                async def whole(scenario: Scenario = scenario, qs: bytes = qs) -> None:
                    if (status := await asgi_get(app, scenario.path, qs)) != 200:
                        raise RuntimeError(f"{scenario.name}: {status}; are the sample documents loaded?")

                async def reads(scenario: Scenario = scenario) -> None:
                    await reader.rows(scenario.cypher, **scenario.cypher_params)

                async def baseline(text: str = text, params: dict[str, Any] = params) -> None:
                    driver_answer(driver, text, params, settings.neo4j_database)

                sides = {"app": whole, "reads": reads, "driver": baseline}
                best = {name: float("inf") for name in sides}
                for _ in range(rounds):
                    for name, call in sides.items():
                        await cpu_ms(call, max(1, n // 10))  # warm this side again after the others ran
                        best[name] = min(best[name], await cpu_ms(call, n))
                out.append((scenario, best))
    return out


def table(results: list[tuple[Scenario, dict[str, float]]], n: int, rounds: int) -> str:
    lines = [
        "| scenario | app ms CPU | its reads ms CPU | app − reads | driver (execute_query) ms CPU |",
        "|---|---:|---:|---:|---:|",
    ]
    for scenario, best in results:
        lines.append(
            f"| {scenario.name} | {best['app']:.2f} | {best['reads']:.2f} | {best['app'] - best['reads']:.2f} "
            f"| {best['driver']:.2f} |"
        )
    lines += ["", f"CPU per request, best of {rounds} rounds of {n} calls per side, the sides in turns."]
    return "\n".join(lines)


def main(
    n: Annotated[int, typer.Option("-n", help="Calls per side and round")] = 300,
    rounds: Annotated[int, typer.Option(help="Rounds; the best is kept")] = 7,
) -> None:
    """Print the API's own CPU per request next to its reads' and the driver's."""
    import uvloop

    results = uvloop.run(measure(get_settings(), n, rounds))
    print(table(results, n, rounds))


if __name__ == "__main__":
    typer.run(main)
