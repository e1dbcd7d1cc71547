"""Where a worker's milliseconds go: py-spy samples one uvicorn worker under load, and each sample is
charged to the innermost frame that belongs to a known layer (routing, dependency injection, the
driver's session and transaction, Bolt I/O, record conversion, pydantic, JSON …).

    .venv/bin/pip install -e '.[bench]'        # py-spy
    python -m bench.profile --seconds 15 --no-cache    # --cache: the warm path

py-spy must be allowed to read the worker's memory (same user; ptrace not forbidden).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from bench import load
from bench.api_vs_driver import start_api
from orggraph.localserver import free_port

PATH = "/units/imss/unit/departamento-de-pensiones-en-subdelegaciones/superiors"

# Innermost match wins: a sample in pydantic called from a route is pydantic's, not the route's.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("JSON encoding", ("json/encoder.py", "json/__init__.py", "orjson", "JSONResponse.render")),
    ("pydantic validation and serialization", ("pydantic", "fastapi/_compat", "serialize_response")),
    ("record conversion (native(), record.data())", ("app/db.py:native", "native (app/db.py", "_data.py")),
    (
        "Bolt decoding (packstream, hydration)",
        ("packstream", "hydration", "_codec", "neo4j/_async/io/_bolt5", "_bolt5.py", "_rust"),
    ),
    ("driver: socket reads and writes", ("neo4j/_async/io/_common.py", "neo4j/_async_compat/network")),
    (
        "driver: session, transaction, pool",
        ("neo4j/_async/work", "neo4j/_async/driver.py", "neo4j/_async/io/_pool", "neo4j/_async/io/_bolt", "neo4j/"),
    ),
    ("response cache and ETag", ("app/cache.py", "app/generation.py")),
    ("thread pool hops (sync dependencies)", ("anyio/to_thread", "run_in_threadpool", "anyio/_backends")),
    ("dependency injection", ("fastapi/dependencies",)),
    ("routing and endpoint dispatch", ("starlette/routing", "fastapi/routing")),
    ("middleware (ours and Starlette's)", ("app/middleware.py", "starlette/middleware", "starlette/_exception")),
    ("route code", ("app/routes",)),
    ("HTTP protocol (uvicorn, httptools)", ("uvicorn/protocols", "httptools", "h11")),
]
# Charged only when no layer above claims the sample: the loop runs every layer's callbacks.
GENERIC = ("event loop and sockets", ("asyncio/", "uvloop", "selectors"))
# A worker thread waiting for work is idle, although py-spy does not see it so.
IDLE = ("Condition.wait (threading.py", "_acquire_restore (threading.py", "_worker (concurrent/futures")


def layer_of(stack: str) -> str | None:
    """The layer a sample belongs to; None for an idle thread."""
    frames = stack.split(";")
    if any(frames[-1].startswith(idle) for idle in IDLE):
        return None
    for frame in reversed(frames):
        for name, needles in LAYERS:
            if any(needle in frame for needle in needles):
                return name
    name, needles = GENERIC
    return name if any(needle in stack for needle in needles) else "other"


def breakdown(raw: Path) -> Counter[str]:
    """Samples per layer from py-spy's ``--format raw`` output (one ``stack count`` per line)."""
    counts: Counter[str] = Counter()
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        layer = layer_of(stack) if stack and count.isdigit() else None
        if layer:
            counts[layer] += int(count)
    return counts


def markdown(counts: Counter[str], title: str) -> str:
    total = sum(counts.values()) or 1
    lines = [f"| layer ({title}) | share of busy samples |", "|---|---:|"]
    lines += [f"| {name} | {n / total:.0%} |" for name, n in counts.most_common()]
    return "\n".join(lines) + "\n"


def main(
    seconds: Annotated[float, typer.Option(help="How long to sample under load")] = 15.0,
    connections: Annotated[int, typer.Option(help="Concurrent keep-alive connections")] = 64,
    cache: Annotated[bool, typer.Option(help="Response cache on (warm) or off (cold)")] = False,
    path: Annotated[str, typer.Option(help="What to ask")] = PATH,
) -> None:
    """Profile one API worker answering ``path`` under load; print the share of each layer."""
    port = free_port()
    env = {"ORGGRAPH_RESPONSE_CACHE_ENTRIES": "4096" if cache else "0"}
    api = start_api(port, env=env)
    raw = Path(tempfile.mkstemp(prefix="orggraph-spy-", suffix=".txt")[1])
    try:
        spy_bin = str(Path(sys.executable).parent / "py-spy")
        spy = subprocess.Popen(
            [spy_bin, "record", "-p", str(api.pid), "-d", str(int(seconds)), "-r", "100", "-f", "raw", "-o", str(raw)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        result: list[load.LoadResult] = []
        thread = threading.Thread(
            target=lambda: result.append(load.run("127.0.0.1", port, path, connections=connections, seconds=seconds))
        )
        thread.start()
        spy.wait()
        thread.join()
    finally:
        api.terminate()
        api.wait(10)
    run = result[0]
    print(f"{run.rate:.0f} req/s under the profiler, p50 {run.pct(50):.1f} ms, errors {run.errors}")
    print(markdown(breakdown(raw), "cache on" if cache else "cache off"))


if __name__ == "__main__":
    typer.run(main)
