"""Scale: how parsing, writing and the API's questions behave as the graph grows to 1,000 documents.

The graph starts with the two sample documents; the questions asked of them (chain of command,
subordinates, who-may, search — the Cypher the API runs, with the API's parameters) are timed on
the samples alone, then again after 10, 100 and 1,000 synthetic Reglamentos Interiores of distinct
Secretarías (``bench/synthetic.py``, ``--units`` units each) are added. The questions do not change,
so their latencies should not either: a query that scans grows with the graph, one that starts from
an index does not. Each question is also PROFILEd on the largest graph (database hits).

    python -m bench.scale --sizes 10,100,1000 --write docs/benchmarks.md --plot docs/scale.png

It starts its own Neo4j (temporary home, loopback, free ports) so that nothing of yours is wiped.
Documents load as ``orggraph load`` loads them: ``--workers`` processes parse ahead while each
document read is written in its own transaction, ``--writers`` at once. Load MB/s is bytes over the
wall time of the whole; parse MB/s per core is bytes over the CPU seconds the workers spent; written
records/s is records over the time spent in the transactions.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver, GraphDatabase

from bench.api_vs_driver import Scenario, scenarios
from bench.synthetic import corpus
from cli.commands import parse_one, reader_process, write_readings
from loaders import load_file
from loaders.writer import DocumentRows, prepare, remove_document
from orggraph.cypher import query
from orggraph.errors import OrgGraphError
from orggraph.localserver import LocalNeo4j, ServerConfig, ensure_jars, free_port
from orggraph.schema import apply_schema
from orggraph.settings import PROJECT_ROOT

QUESTIONS = ("chain of command", "subordinates (whole statute)", "who may sign pension resolutions", "full-text search")
DATABASE = "neo4j"


@dataclass
class Step:
    documents: int  # synthetic documents in the graph (besides the two samples)
    units: int = 0  # units in the graph
    nodes: int = 0
    relationships: int = 0
    parsed_mb: float = 0.0
    load_wall_s: float = 0.0  # parse and write, overlapped as orggraph load does
    parse_cpu_s: float = 0.0  # text → records, in the reader processes
    prepare_cpu_s: float = 0.0  # records → the rows the writer sends, in the reader processes too
    write_s: float = 0.0
    records: int = 0  # nodes and relationships the parser produced for the new documents
    latencies: dict[str, list[float]] = field(default_factory=dict)

    def p(self, question: str, pct: float) -> float:
        ordered = sorted(self.latencies[question])
        return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _parse(path: Path) -> tuple[DocumentRows, float, float]:
    """A document read as orggraph load reads it in a reader process (``cli.commands.read_for_writing``: the
    records, then the rows the writer sends), and the CPU each step took."""
    start = time.process_time()
    _, parsed, error = parse_one((path, None))
    if error:
        raise OrgGraphError(error)
    read = time.process_time()
    ready = prepare(parsed)
    return ready, read - start, time.process_time() - read


def records_of(ready: DocumentRows) -> int:
    rows = ready.rows
    nodes = sum(len(rows[name]) for name in ("units", "provisions", "powers", "instruments", "amendments", "changes"))
    return nodes + sum(len(edges) for edges in rows["edges"].values())


def add_documents(driver: Driver, paths: list[Path], workers: int, writers: int, step: Step) -> None:
    """Load ``paths`` as ``orggraph load`` does: ``workers`` processes read ahead, in order, while each
    document read is written in its own transaction, ``writers`` at once (``cli.commands.write_readings``).
    The parse CPU is the workers' own; the write time is the sum of the transactions' (more than the wall
    time when they overlap); the load time is the wall time of the whole."""
    step.parsed_mb = sum(p.stat().st_size for p in paths) / 1e6
    start = time.perf_counter()

    def readings(pool: ProcessPoolExecutor) -> Iterator[tuple[Path, DocumentRows, None]]:
        for path, (ready, parse_cpu, prepare_cpu) in zip(paths, pool.map(_parse, paths), strict=True):
            step.parse_cpu_s += parse_cpu
            step.prepare_cpu_s += prepare_cpu
            yield path, ready, None

    with ProcessPoolExecutor(max_workers=workers, initializer=reader_process) as pool:
        for _, ready, report, error in write_readings(driver, DATABASE, readings(pool), writers=writers):
            if report is None:
                raise OrgGraphError(error or "not written")
            step.write_s += report.seconds
            step.records += records_of(ready)
    step.load_wall_s = time.perf_counter() - start


def ask(driver: Driver, questions: list[Scenario], n: int, warmup: int, step: Step) -> None:
    for scenario in questions:
        text = query(scenario.cypher)
        for _ in range(warmup):
            driver.execute_query(text, scenario.cypher_params, database_=DATABASE)
        out = []
        for _ in range(n):
            start = time.perf_counter()
            records, _, _ = driver.execute_query(text, scenario.cypher_params, database_=DATABASE)
            [r.data() for r in records]
            out.append((time.perf_counter() - start) * 1000)
        step.latencies[scenario.name] = out


def db_hits(driver: Driver, scenario: Scenario) -> int:
    """Total database hits of the question's PROFILEd plan."""
    summary = driver.execute_query(
        "PROFILE " + query(scenario.cypher), scenario.cypher_params, database_=DATABASE
    ).summary

    def total(plan: Any) -> int:
        return plan.get("dbHits", 0) + sum(total(child) for child in plan.get("children", []))

    return total(summary.profile)


def census(driver: Driver, step: Step) -> None:
    record = driver.execute_query(query("graph_size"), database_=DATABASE).records[0]
    step.units, step.nodes, step.relationships = record["units"], record["nodes"], record["rels"]


@contextmanager
def scratch_neo4j(heap: str, pagecache: str) -> Iterator[LocalNeo4j]:
    """A throwaway local server (temporary home, loopback, free ports, auth off), started; stopped after."""
    lib = Path(os.environ.get("ORGGRAPH_NEO4J_LIB", PROJECT_ROOT / ".neo4j" / "lib"))
    ensure_jars(lib)
    with tempfile.TemporaryDirectory(prefix="orggraph-scratch-") as home:
        config = ServerConfig(
            home=Path(home),
            lib_dir=lib,
            bolt_port=free_port(),
            http_port=free_port(),
            auth_enabled=False,
            http_enabled=False,
            heap=heap,
            pagecache=pagecache,
        )
        server = LocalNeo4j(config)
        server.start(auth=None, timeout=180)
        try:
            yield server
        finally:
            server.stop()


def run(
    sizes: list[int],
    units: int,
    workers: int,
    writers: int,
    n: int,
    warmup: int,
    heap: str,
    pagecache: str,
    folder: Path,
):
    questions = [s for s in scenarios() if s.name in QUESTIONS]
    steps: list[Step] = []
    hits: dict[str, tuple[int, int]] = {}
    with (
        scratch_neo4j(heap, pagecache) as server,
        GraphDatabase.driver(server.config.bolt_uri, notifications_min_severity="OFF") as driver,
    ):
        apply_schema(driver, DATABASE)
        version = driver.execute_query(query("neo4j_version")).records[0]["version"]
        samples = Step(documents=0)
        add_documents(driver, sorted((PROJECT_ROOT / "data" / "documents").glob("*.txt")), workers, writers, samples)
        census(driver, samples)
        ask(driver, questions, warmup * 10, 0, Step(documents=0))  # a cold JVM would flatter every later size
        ask(driver, questions, n, warmup, samples)
        steps.append(samples)
        first_hits = {s.name: db_hits(driver, s) for s in questions}
        loaded = 0
        for size in sizes:
            step = Step(documents=size)
            paths = corpus(size - loaded, units, folder, first=loaded)
            add_documents(driver, paths, workers, writers, step)
            loaded = size
            census(driver, step)
            ask(driver, questions, n, warmup, step)
            steps.append(step)
            print(
                f"{size} documents: {step.units} units, load {step.load_wall_s:.1f} s "
                f"(parse CPU {step.parse_cpu_s:.1f} s, rows {step.prepare_cpu_s:.1f} s, write {step.write_s:.1f} s)"
            )
        hits = {s.name: (first_hits[s.name], db_hits(driver, s)) for s in questions}
        warm = samples_warm(driver, workers, writers)
    return steps, hits, warm, machine(version, heap, pagecache, workers, writers)


def samples_warm(driver: Driver, workers: int, writers: int, rounds: int = 3) -> tuple[float, float]:
    """The two samples loaded again on the largest graph, warm (Neo4j's plans compiled, the parsers imported),
    as ``orggraph load`` loads them: removed first, then loaded (the wall time of reading and writing both);
    then loaded over themselves (``--force``: in each document's transaction its earlier relationships removed
    and written again, its own nodes kept and rewritten only where they changed, i.e. not at all). Medians of
    ``rounds``; the graph ends as it was."""
    paths = sorted((PROJECT_ROOT / "data" / "documents").glob("*.txt"))
    ids = [load_file(path).document.id for path in paths]
    first, again = [], []
    for _ in range(rounds):
        for document in ids:
            remove_document(driver, DATABASE, document)
        step = Step(documents=0)
        add_documents(driver, paths, workers, writers, step)
        first.append(step.load_wall_s)
        step = Step(documents=0)
        add_documents(driver, paths, workers, writers, step)
        again.append(step.load_wall_s)
    return statistics.median(first), statistics.median(again)


def machine(version: str, heap: str, pagecache: str, workers: int, writers: int) -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown CPU",
    )
    kb = int(Path("/proc/meminfo").read_text().split()[1])
    return [
        f"{cpu}, {os.cpu_count()} cores, {kb / 1024 / 1024:.0f} GiB RAM; {platform.system()} {platform.release()}",
        f"Python {platform.python_version()}; Neo4j {version} (heap {heap}, page cache {pagecache}); "
        f"parsing in {workers} processes, {writers} documents written at once; "
        "questions through the Python driver over loopback",
    ]


def table(steps: list[Step], hits: dict[str, tuple[int, int]], warm: tuple[float, float], notes: list[str]) -> str:
    base = steps[0]
    lines = [
        "| graph | units | nodes | relationships | load MB/s (wall) | parse MB/s per core | written records/s |"
        " load time s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for step in steps:
        label = "the two samples" if step.documents == 0 else f"+ {step.documents:,} synthetic documents"
        lines.append(
            f"| {label} | {step.units:,} | {step.nodes:,} | {step.relationships:,} "
            f"| {step.parsed_mb / step.load_wall_s:.2f} | {step.parsed_mb / max(step.parse_cpu_s, 1e-9):.2f} "
            f"| {step.records / step.write_s:,.0f} | {step.load_wall_s:.1f} |"
        )
    lines += [
        "",
        "| question | " + " | ".join(f"p50 / p99 ms at {s.units:,} units" for s in steps) + " | p50 ratio, largest"
        " / samples | db hits, samples → largest |",
        "|---|" + "---:|" * (len(steps) + 2),
    ]
    for question in base.latencies:
        cells = " | ".join(f"{s.p(question, 50):.1f} / {s.p(question, 99):.1f}" for s in steps)
        ratio = steps[-1].p(question, 50) / base.p(question, 50)
        lines.append(f"| {question} | {cells} | {ratio:.2f}× | {hits[question][0]:,} → {hits[question][1]:,} |")
    lines += [
        "",
        f"On the largest graph, warm, the two samples load in {warm[0]:.2f} s (removed first; read and written as "
        f"orggraph load does) and load over themselves (--force) in {warm[1]:.2f} s; medians of 3.",
        "",
    ]
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines)


def plot(steps: list[Step], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    units = [s.units for s in steps]
    fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
    for question in steps[0].latencies:
        ax.plot(units, [s.p(question, 50) for s in steps], marker="o", label=f"{question} (p50)")
    ax.set_xscale("log")
    ax.set_xlabel("units in the graph")
    ax.set_ylabel("ms")
    ax.set_ylim(bottom=0)
    ax.set_title("The API's questions as the graph grows")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out)


def replace_between(path: Path, marker: str, text: str) -> None:
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    content = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if not pattern.search(content):
        raise SystemExit(f"{path}: no {start} … {end} markers")
    path.write_text(pattern.sub(lambda _: f"{start}\n{text}\n{end}", content), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="cumulative synthetic document counts")
    parser.add_argument("--units", type=int, default=100, help="units per synthetic document")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--writers", type=int, default=2, help="documents written at once (orggraph load --writers)")
    parser.add_argument("-n", type=int, default=200, help="timed calls per question and size")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "orggraph-scale-corpus")
    parser.add_argument("--write", type=Path, help="replace the scale section of this markdown file")
    parser.add_argument("--plot", type=Path, help="draw the p50s against units as a PNG")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    steps, hits, warm, notes = run(
        sizes, args.units, args.workers, args.writers, args.n, args.warmup, args.heap, args.pagecache, args.corpus
    )
    text = table(steps, hits, warm, notes)
    print(text)
    if args.write:
        replace_between(args.write, "scale", text)
    if args.plot:
        plot(steps, args.plot)
    print("median parse MB/s per core:", statistics.median(s.parsed_mb / s.parse_cpu_s for s in steps[1:]))


if __name__ == "__main__":
    main()
