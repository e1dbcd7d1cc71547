"""The `orggraph` command: the local Neo4j, the schema, loading documents, serving the API.

Errors raised on purpose (``OrgGraphError``) print as one readable message and exit with code 1;
usage errors exit with 2 (typer's convention).
"""

from __future__ import annotations

import gc
import logging
import os
import secrets
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from neo4j import Driver, GraphDatabase, RoutingControl
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from rich.console import Console

from orggraph.cypher import query
from orggraph.errors import ConfigurationError, OrgGraphError
from orggraph.localserver import LocalNeo4j, ServerConfig, browser_config, ensure_jars
from orggraph.schema import apply_schema
from orggraph.settings import Settings, get_settings

console = Console()
# The driver's "will be retried" warnings name sockets and repeat; the one-line error below says it all.
logging.getLogger("neo4j").setLevel(logging.ERROR)
err_console = Console(stderr=True)

app = typer.Typer(help="orggraph: Mexican organizational law as a queryable Neo4j graph.", no_args_is_help=True)
neo4j_app = typer.Typer(
    help="The local Neo4j server (no Docker needed): fetch, start, stop, status.", no_args_is_help=True
)
app.add_typer(neo4j_app, name="neo4j")

F = TypeVar("F", bound=Callable[..., Any])


def friendly_errors(func: F) -> F:
    """Turn OrgGraphError into a one-line message and exit code 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except OrgGraphError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True, soft_wrap=True)
            raise typer.Exit(code=1) from exc
        except (ServiceUnavailable, SessionExpired) as exc:
            settings = get_settings()
            message = (
                f"Neo4j at {settings.neo4j_uri} does not answer (gave up after {settings.neo4j_timeout_seconds:g} s); "
                "start it with `orggraph neo4j start` or check NEO4J_URI."
            )
            err_console.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
            raise typer.Exit(code=1) from exc

    return wrapper  # type: ignore[return-value]


# ----------------------------------------------------------------------------- helpers
def local_server(settings: Settings) -> LocalNeo4j:
    return LocalNeo4j(
        ServerConfig(
            home=settings.neo4j_home,
            lib_dir=settings.neo4j_home / "lib",
            bolt_port=settings.neo4j_bolt_port,
            http_port=settings.neo4j_http_port,
            auth_enabled=True,
            http_enabled=True,
            heap=settings.neo4j_heap,
            pagecache=settings.neo4j_pagecache,
            transaction_memory=settings.neo4j_transaction_memory,
            extra=browser_settings(settings),
        )
    )


def browser_settings(settings: Settings) -> dict[str, str]:
    """Make the Neo4j Browser load orggraph's style and guide when it connects."""
    return browser_config(settings.public_url)


def ensure_password(settings: Settings) -> str:
    """NEO4J_PASSWORD, or a password generated once into <neo4j_home>/password (mode 0600)."""
    password = settings.resolved_password()
    if password:
        return password
    password = secrets.token_urlsafe(18)
    settings.neo4j_home.mkdir(parents=True, exist_ok=True)
    fd = os.open(settings.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    return password


def open_driver(settings: Settings) -> Driver:
    return GraphDatabase.driver(settings.neo4j_uri, auth=settings.neo4j_auth(), **settings.driver_options())


def uses_local_server(settings: Settings) -> bool:
    expected = {
        f"bolt://127.0.0.1:{settings.neo4j_bolt_port}",
        f"bolt://localhost:{settings.neo4j_bolt_port}",
        f"neo4j://127.0.0.1:{settings.neo4j_bolt_port}",
        f"neo4j://localhost:{settings.neo4j_bolt_port}",
    }
    return settings.neo4j_uri.rstrip("/") in expected


# ----------------------------------------------------------------------------- neo4j
@neo4j_app.command("fetch")
@friendly_errors
def neo4j_fetch() -> None:
    """Resolve the pinned Neo4j Community and Browser jars from Maven Central (once)."""
    settings = get_settings()
    started = time.monotonic()
    fetched = ensure_jars(settings.neo4j_home / "lib")
    took = time.monotonic() - started
    if fetched:
        console.print(f"Fetched Neo4j jars into {settings.neo4j_home / 'lib'} in {took:.1f}s")
    else:
        console.print(f"Neo4j jars already present in {settings.neo4j_home / 'lib'}")


@neo4j_app.command("start")
@friendly_errors
def neo4j_start() -> None:
    """Fetch if needed, set the password on first start, start detached, wait until Bolt answers."""
    settings = get_settings()
    start_local(settings)


def start_local(settings: Settings) -> None:
    server = local_server(settings)
    ensure_jars(settings.neo4j_home / "lib")
    password = ensure_password(settings)
    server.prepare()
    server.set_initial_password(password)
    started = time.monotonic()
    fresh = server.start(auth=(settings.neo4j_user, password), timeout=settings.neo4j_start_timeout)
    took = time.monotonic() - started
    status = server.status(auth=(settings.neo4j_user, password))
    verb = f"Started in {took:.1f}s" if fresh else "Already running"
    console.print(f"{verb}: Neo4j {status.version} (pid {status.pid}) at {status.bolt_uri}")
    console.print(
        f"Neo4j Browser: {status.http_url}/browser/  (user {settings.neo4j_user}, "
        f"password in {settings.password_file if settings.neo4j_password is None else 'NEO4J_PASSWORD'})"
    )


@neo4j_app.command("stop")
@friendly_errors
def neo4j_stop() -> None:
    """Stop the local server cleanly (SIGTERM; SIGKILL after 60 s)."""
    stopped = local_server(get_settings()).stop()
    console.print("Stopped." if stopped else "Not running.")


@neo4j_app.command("status")
@friendly_errors
def neo4j_status() -> None:
    """Show whether the local server runs and answers. Exit code 3 when it does not run."""
    settings = get_settings()
    status = local_server(settings).status(auth=settings.neo4j_auth())
    if not status.running:
        console.print(f"Not running (home {settings.neo4j_home}).")
        raise typer.Exit(code=3)
    console.print(f"Running: pid {status.pid}, {status.bolt_uri}, Neo4j {status.version or '?'} ({status.detail})")


# ----------------------------------------------------------------------------- schema / serve / up
@app.command("schema")
@friendly_errors
def schema() -> None:
    """Create constraints and indexes (IF NOT EXISTS) in the configured database."""
    settings = get_settings()
    with open_driver(settings) as driver:
        count = apply_schema(driver, settings.neo4j_database)
    console.print(f"Schema applied ({count} statements) to {settings.neo4j_uri}/{settings.neo4j_database}")


@app.command("serve")
@friendly_errors
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default ORGGRAPH_HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default ORGGRAPH_PORT, 8000)")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (default ORGGRAPH_WORKERS, 1); about one per core")
    ] = None,
) -> None:
    """Serve the HTTP API and the explorer with uvicorn."""
    settings = get_settings()
    run_api(settings, host or settings.host, port or settings.port, workers or settings.workers)


def run_api(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    if settings.resolved_password() is None and uses_local_server(settings):
        raise ConfigurationError("No Neo4j password: run `orggraph neo4j start` first or set NEO4J_PASSWORD.")
    base = f"http://{host}:{port}"
    console.print(f"API:            {base}/   (OpenAPI docs: {base}/docs)", highlight=False)
    console.print(f"Explorer:       {base}/", highlight=False)
    if uses_local_server(settings):
        console.print(
            f"Neo4j Browser:  http://127.0.0.1:{settings.neo4j_http_port}/browser/  "
            f"(user {settings.neo4j_user}, password in {settings.password_file})",
            highlight=False,
        )
    # Each worker is a process with its own driver and response cache; the graph's generation, which the
    # caches are keyed by, lives in Neo4j, so every worker sees a load within the same bound.
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, log_level="info", workers=workers)


@app.command("up")
@friendly_errors
def up(
    serve_api: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the API after loading")] = True,
) -> None:
    """The main job: local Neo4j up (unless NEO4J_URI points elsewhere), schema, sample documents, API."""
    settings = get_settings()
    if "NEO4J_URI" not in os.environ or uses_local_server(settings):
        start_local(settings)
    with open_driver(settings) as driver:
        apply_schema(driver, settings.neo4j_database)
        console.print("Schema applied.")
        load_samples(driver, settings)
    if serve_api:
        run_api(settings, settings.host, settings.port, settings.workers)


def load_samples(driver: Driver, settings: Settings) -> None:
    """Load the sample documents shipped in data/documents."""
    paths = sorted(p for p in settings.documents_dir.glob("*.txt"))
    load_paths(driver, settings.neo4j_database, paths, genre=None)


def document_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the text and PDF files inside any directory given."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".pdf"))
        else:
            out.append(path)
    return out


# How a reading report says what an organization's kind was read from (loaders.records.KIND_BASES).
KIND_BASIS_SAID = {
    "says_so": "as its text says",
    "governing_body_and_patrimony": "by its own governing body and patrimony",
    "name": "by its name",
    "municipal_text": "in a municipal government's text",
}


def print_reports(reports: list, *, notes: int) -> None:
    """The reading report of each document as a short block of figures, then its notes (at most
    ``notes`` each). Blocks, not one wide table: they read in any terminal width."""
    for report in reports:
        organization = report.organization_name + (f" ({report.acronym})" if report.acronym else "")
        if report.organization_kind:
            basis = KIND_BASIS_SAID.get(report.organization_kind_basis or "", "")
            organization += f" · {report.organization_kind.replace('_', ' ')}" + (f" ({basis})" if basis else "")
        parts = f"{report.articles} articles" if report.genre in ("statute", "law") else f"{report.sections} sections"
        noise = ", ".join(f"{v} {k}" for k, v in sorted(report.page_noise.items())) or "none"
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(report.notes_by_kind.items()))
        console.print(f"[bold]{report.file}[/]  {report.genre} · {report.title}", highlight=False)
        console.print(f"  organization  {organization}", highlight=False)
        console.print(
            f"  structure     {parts} · {report.units} units ({report.units_listed} listed, "
            f"{report.units_mentioned} only mentioned) · {report.units_with_powers} with powers",
            highlight=False,
        )
        console.print(
            f"  powers        {report.powers} in {report.power_lists} lists · "
            f"{report.unattached_power_lists} lists attached to no unit",
            highlight=False,
        )
        if report.pages:
            console.print(
                f"  pdf           {report.pages} pages · {report.pages_by_ocr} read by OCR · "
                f"{report.pages_without_text} without text",
                highlight=False,
            )
        console.print(f"  page noise    {noise}", highlight=False)
        console.print(f"  notes         {len(report.notes)}" + (f" ({kinds})" if kinds else ""), highlight=False)
        for note in report.notes[:notes]:
            page = f" (p. {note.page})" if note.page else ""
            console.print(f"    {report.file}:{note.line}{page}: {note.kind}: {note.message}", highlight=False)
        if len(report.notes) > notes > 0:
            console.print(f"    … {len(report.notes) - notes} more (orggraph check --notes N)", highlight=False)


def reader_process() -> None:
    """Set up a worker process that only reads documents: no automatic cyclic garbage collection, and
    what the imports made frozen out of it. A reading builds thousands of records that live until it
    ends, so the collector's full passes walked them again and again for nothing (20–30 % of the parse
    CPU); ``parse_one`` collects once, before each document, what the previous one left."""
    gc.disable()
    gc.freeze()


def parse_one(job: tuple[Path, str | None]) -> tuple[Path, Any, str | None]:
    """One document's reading, in a worker process: the records, or the error's one-line message."""
    from loaders import load_file

    if not gc.isenabled():  # a reader process (reader_process): the previous document's cycles go now
        gc.collect()
    path, genre = job
    try:
        return path, load_file(path, genre), None  # type: ignore[arg-type]
    except OrgGraphError as exc:
        return path, None, str(exc)


def read_for_writing(job: tuple[Path, str | None]) -> tuple[Path, Any, str | None]:
    """``parse_one``, then the reading made ready to write (``loaders.writer.prepare``): the rows, not the
    records, go back to the writer, which then has only its transaction to do."""
    from loaders.writer import prepare

    path, parsed, error = parse_one(job)
    return path, (prepare(parsed) if parsed is not None else None), error


def readings(
    paths: list[Path], genre: str | None, jobs: int | None = None, *, ready: bool = False
) -> Iterator[tuple[Path, Any, str | None]]:
    """Each file's reading (the records, or why it is not a document), in the order given, as soon as it is
    read: worker processes (``jobs``, default the CPUs) parse ahead while the caller writes what came back.
    ``ready``: each reading comes back made ready to write (``read_for_writing``), not as records."""
    from concurrent.futures import ProcessPoolExecutor

    read = read_for_writing if ready else parse_one
    workers = min(jobs or os.cpu_count() or 1, len(paths))
    if workers <= 1:
        yield from (read((path, genre)) for path in paths)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=reader_process)
    try:
        yield from pool.map(read, [(path, genre) for path in paths])
    finally:  # the caller stopped early (--strict, an error): drop what is still queued
        pool.shutdown(cancel_futures=True)


def write_readings(
    driver: Driver,
    database: str,
    outcomes: Iterable[tuple[Path, Any, str | None]],
    *,
    replace: bool = False,
    writers: int = 2,
) -> Iterator[tuple[Path, Any, Any, str | None]]:
    """Write each reading made ready (``readings(..., ready=True)``) in its own transaction, up to ``writers``
    at once, and yield in the order given (path, reading, its WriteReport, why it was not written). Neo4j
    runs a transaction on one core: one writer left the other idle while it packed a document and waited
    for each statement, so a load was paced by the writer and Neo4j taking turns. Readings of one document
    are written one after the other, in order (a later text keeps the earlier as a version). A reload
    refused as shrinking is not written and says why; any other error stops the load when it is yielded
    (writes already under way finish: each is a document of its own)."""
    from concurrent.futures import Future, ThreadPoolExecutor

    from loaders.writer import ShrinkingReload, write_rows

    def write(ready: Any) -> tuple[Any, str | None]:
        try:
            return write_rows(driver, database, ready, replace=replace), None
        except ShrinkingReload as refused:
            return None, str(refused)

    Pending = tuple[Path, Any, str | None, "Future[tuple[Any, str | None]] | None"]

    def finished(entry: Pending) -> tuple[Path, Any, Any, str | None]:
        path, ready, error, future = entry
        if future is None:
            return path, None, None, error or "not read"
        report, refused = future.result()
        return path, ready, report, refused

    pending: deque[Pending] = deque()
    with ThreadPoolExecutor(max_workers=max(writers, 1), thread_name_prefix="orggraph-writer") as pool:
        for path, ready, error in outcomes:
            if ready is not None:
                for _, other, _, future in pending:
                    if future is not None and other.document.id == ready.document.id:
                        future.exception()  # waits for the earlier reading of the same document
            while len(pending) >= max(writers, 1):
                yield finished(pending.popleft())
            pending.append((path, ready, error, pool.submit(write, ready) if ready is not None else None))
        while pending:
            yield finished(pending.popleft())


def parse_paths(
    paths: list[Path], genre: str | None, *, strict: bool = True, jobs: int | None = None, ready: bool = False
) -> tuple[list, list[tuple[Path, str]]]:
    """Parse every file, in parallel processes when there are several (``jobs``, default: the CPUs).
    Returns the documents read (``ready``: made ready to write), in the order given, and the files that are
    not documents with why; ``strict`` stops at the first such file, before anything is written."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    results: dict[Path, tuple[Any, str | None]] = {}
    started = time.monotonic()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("Parsing", total=len(paths))
        for path, parsed, error in readings(paths, genre, jobs, ready=ready):
            if error and strict:
                raise OrgGraphError(error)
            results[path] = (parsed, error)
            rate = len(results) / max(time.monotonic() - started, 1e-6)
            progress.update(task, advance=1, description=f"Parsing · {rate:.1f} documents/s")
    parsed = [results[p][0] for p in paths if results[p][0] is not None]
    failed = [(p, results[p][1]) for p in paths if results[p][1]]
    return parsed, failed  # type: ignore[return-value]


def load_paths(
    driver: Driver,
    database: str,
    paths: list[Path],
    genre: str | None,
    *,
    strict: bool = True,
    replace: bool = False,
    verbose: bool = False,
    force: bool = False,
    writers: int = 2,
) -> list[tuple[Path, str]]:
    """Parse every file (in parallel) and write each document in its own transaction. A file that is not a
    document stops the run before anything is written when ``strict`` (every file is read first); otherwise
    it is reported and the others load, each written as soon as it is read while the workers read on (on
    two cores, reading and writing overlap instead of taking turns). A reload that would remove most of a
    loaded document is refused and reported (the others load) unless ``replace``. Prints a line a document
    (``verbose``: the counts table and each reading report with its first notes). A file this version of
    the reader already loaded, byte for byte, is skipped unread unless ``force`` (it would write the same
    graph). Up to ``writers`` documents are written at once (``write_readings``). Returns the files that
    were not loaded, with why."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from loaders.writer import GUARDED, shrinks

    unchanged: list[tuple[Path, str]] = [] if force else already_loaded(driver, database, paths, genre)
    paths = [p for p in paths if p not in {path for path, _ in unchanged}]
    failed: list[tuple[Path, str]] = []
    if strict:
        parsed_first, failed = parse_paths(paths, genre, strict=True, ready=True) if paths else ([], [])
        outcomes: Iterator[tuple[Path, Any, str | None]] = (
            (Path(d.document.source_file), d, None) for d in parsed_first
        )
        total = len(parsed_first)
    else:
        outcomes = readings(paths, genre, ready=True) if paths else iter(())
        total = len(paths)
    started, elements = time.monotonic(), 0
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("Loading" if not strict else "Writing", total=total)
        reports, written = [], []
        for path, document, report, error in write_readings(
            driver, database, outcomes, replace=replace, writers=writers
        ):
            if report is None:
                failed.append((path, error or "not written"))
                progress.update(task, advance=1)
                continue
            reports.append(report)
            written.append((document.document, document.report))  # not its rows: a corpus's would fill memory
            elements += sum(reports[-1].counts.values()) + reports[-1].relationships
            seconds = max(time.monotonic() - started, 1e-6)
            rates = f"{len(written) / seconds:.1f} documents/s · {elements / seconds:,.0f} elements/s"
            progress.update(task, advance=1, description=f"Loading · {rates}")
    elapsed = time.monotonic() - started
    if not verbose:
        for (document, read), report in zip(written, reports, strict=True):
            console.print(
                f"loaded {report.document} · {document.genre} · {read.units} units · {read.powers} powers"
                f" · {len(read.notes)} notes (orggraph check {document.source_file})",
                highlight=False,
            )
        skipped = f", {len(unchanged)} unchanged" if unchanged else ""
        console.print(
            f"Loaded {len(written)} documents{skipped}, {elements:,} nodes and relationships in {elapsed:.1f} s"
        )
    else:
        skipped = f", {len(unchanged)} unchanged (--force writes them again)" if unchanged else ""
        title = f"Loaded {len(written)} documents{skipped}, {elements:,} nodes and relationships in {elapsed:.1f} s"
        table = Table(title=title)
        for column in ("document", "genre", "units", "provisions", "powers", "instruments", "other", "relationships"):
            table.add_column(column, justify="left" if column in ("document", "genre") else "right")
        for (document, _), report in zip(written, reports, strict=True):
            counts = report.counts
            other = sum(v for k, v in counts.items() if k not in ("Unit", "Provision", "Power", "LegalInstrument"))
            table.add_row(
                report.document,
                document.genre,
                str(counts.get("Unit", 0)),
                str(counts.get("Provision", 0)),
                str(counts.get("Power", 0)),
                str(counts.get("LegalInstrument", 0)),
                str(other),
                str(report.relationships),
            )
        console.print(table)
        print_reports([read for _, read in written], notes=5)
    for path, document_id in unchanged:
        console.print(f"unchanged {document_id} (already loaded from {path}; --force writes it again)", highlight=False)
    for report in reports:
        if shrinks(report.previous, report.counts):  # loaded with --replace: say what it removed
            figures = ", ".join(
                f"{name} {report.previous.get(label, 0):,} → {report.counts.get(label, 0):,}"
                for label, name in GUARDED.items()
            )
            console.print(f"[bold yellow]replaced:[/] {report.document} ({figures})", highlight=False)
    for _, error in failed:
        err_console.print(f"[bold red]not loaded:[/] {error}", highlight=False)
    return failed


def already_loaded(driver: Driver, database: str, paths: list[Path], genre: str | None) -> list[tuple[Path, str]]:
    """The files whose very bytes this version of the reader already loaded, with their document ids."""
    from loaders.fingerprint import file_checksum, reader_version

    checksums = {path: checksum for path in paths if (checksum := file_checksum(path)) is not None}
    records, _, _ = driver.execute_query(
        query("document_unchanged"),
        checksums=sorted(set(checksums.values())),
        reader_version=reader_version(),
        genre=genre,
        database_=database,
        routing_=RoutingControl.READ,
    )
    loaded = {r["checksum"]: r["id"] for r in records}
    return [(path, loaded[checksum]) for path, checksum in checksums.items() if checksum in loaded]


class GenreChoice(StrEnum):
    statute = "statute"
    manual = "manual"
    law = "law"


@app.command("load")
@friendly_errors
def load(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Text files of statutes or manuals, or directories of them", exists=True, readable=True),
    ],
    genre: Annotated[GenreChoice | None, typer.Option(help="Force the genre instead of detecting it")] = None,
    strict: Annotated[
        bool, typer.Option(help="Stop at the first file that is not a document, before writing anything")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(help="Load even when a document's new reading would remove most of its loaded units or powers"),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Print each document's counts and reading report with its notes")
    ] = False,
    force: Annotated[
        bool, typer.Option(help="Read and write again the files this version of orggraph already loaded unchanged")
    ] = False,
    writers: Annotated[
        int, typer.Option(min=1, max=16, help="Documents written at once, each in its own transaction")
    ] = 2,
) -> None:
    """Parse documents (in parallel) and write each one to the graph in one transaction (reloading is
    idempotent; a file already loaded unchanged, by this version of orggraph, is skipped unless --force). A
    file that is not a document is reported and skipped, unless --strict. A reload that would remove most of
    a loaded document (a file cut short) is refused with its figures, unless --replace."""
    settings = get_settings()
    files = document_paths(paths)
    with open_driver(settings) as driver:
        apply_schema(driver, settings.neo4j_database)
        failed = load_paths(
            driver,
            settings.neo4j_database,
            files,
            genre.value if genre else None,
            strict=strict,
            replace=replace,
            verbose=verbose,
            force=force,
            writers=writers,
        )
    if failed:
        raise typer.Exit(code=1)


@app.command("unload")
@friendly_errors
def unload(
    documents: Annotated[list[str], typer.Argument(help="Ids of loaded documents (GET /documents lists them)")],
) -> None:
    """Remove loaded documents, each in one transaction: what only it said goes, what other documents also
    say stays, and citations of it elsewhere are unresolved again."""
    from loaders.writer import remove_document

    settings = get_settings()
    missing = []
    with open_driver(settings) as driver:
        for document in documents:
            if remove_document(driver, settings.neo4j_database, document):
                typer.echo(f"removed {document}")
            else:
                missing.append(document)
    for document in missing:
        typer.echo(f"error: no loaded document with id {document!r}", err=True)
    if missing:
        raise typer.Exit(code=1)


@app.command("check")
@friendly_errors
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Text files of statutes or manuals, or directories of them", exists=True, readable=True),
    ],
    genre: Annotated[GenreChoice | None, typer.Option(help="Force the genre instead of detecting it")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The reports as JSON, for machines")] = False,
    notes: Annotated[int, typer.Option(help="How many notes to print per document")] = 10,
) -> None:
    """Read documents without writing anything: how each was read (units, powers, page noise, notes)."""
    import json

    from loaders.report import reading_report

    documents, _ = parse_paths(document_paths(paths), genre.value if genre else None)
    reports = [reading_report(p) for p in documents]
    if as_json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in reports], ensure_ascii=False, indent=2))
        return
    print_reports(reports, notes=notes)


@app.command("who-may")
@friendly_errors
def who_may(
    question: Annotated[str, typer.Argument(help='In Spanish: "firmar resoluciones de pensiones"')],
    organization: Annotated[str | None, typer.Option(help="Only this organization (e.g. imss-bienestar)")] = None,
    show_text: Annotated[bool, typer.Option("--text/--no-text", help="Print each power's text")] = False,
) -> None:
    """Who may do X: every holder, how it holds the power, its conditions and its legal basis."""
    from rich.table import Table

    from questions.parsing import WHO_MAY_CAP, group_holders, matching, parse_who_may

    settings = get_settings()
    parsed = parse_who_may(question)
    with open_driver(settings) as driver:
        records, _, _ = driver.execute_query(
            query("who_may"),
            {
                "actions": parsed.action_stems,
                "objects": parsed.object_stems,
                "organization": organization,
                "document": None,
                "at": None,
            },
            database_=settings.neo4j_database,
            routing_="r",
        )
    rows = matching([r.data() for r in records], parsed)
    holders = group_holders(rows)
    console.print(
        f"[bold]{question}[/]: actions {parsed.actions or '—'}, objects {parsed.objects or '—'}; "
        f"{len(rows)} powers, {len(holders)} holders"
    )
    if len(records) >= WHO_MAY_CAP:
        err_console.print(f"[bold]note:[/] only the first {WHO_MAY_CAP} powers; ask a narrower question.")
    table = Table(show_lines=show_text)
    for column in ("holder", "how", "conditions", "basis (provision · lines)"):
        table.add_column(column)
    for holder in holders:
        for power in holder["powers"]:
            basis = power["legal_basis"]
            provision = basis["provision"]
            via = [d["identifier"] or d["title"] for d in basis["delegated_by"]]
            conditions = "; ".join(f"{c['kind']} de {c['party']['name']}" for c in power["conditions"])
            where = f"{provision['id']} · {provision['line_start']}-{provision['line_end']}"
            if via:
                where += f" · {', '.join(via)}"
            how = power["match"][0] if power["match"] else None
            if how and how["how"] == "equivalence":
                where += f" · {how['action']} ({how['equivalence']['note']})"
            if show_text:
                where += f"\n{power['power']['text']}"
            table.add_row(holder["unit"]["name"], power["basis"], conditions, where)
    console.print(table)


@app.command("ask")
@friendly_errors
def ask(
    question: Annotated[str, typer.Argument(help='In Spanish: "¿A quién reporta la Unidad Jurídica?"')],
    as_json: Annotated[bool, typer.Option("--json", help="The whole answer, as GET /ask gives it")] = False,
) -> None:
    """Ask in Spanish (the kinds GET /ask reads): one sentence per item, with its citation."""
    import asyncio
    import json

    from neo4j import AsyncGraphDatabase

    from app.ask import answer
    from app.db import Reader

    settings = get_settings()

    async def run() -> dict[str, Any]:
        driver = AsyncGraphDatabase.driver(settings.neo4j_uri, auth=settings.neo4j_auth(), **settings.driver_options())
        async with driver:
            reader = Reader(driver, settings.neo4j_database, settings.neo4j_read_deadline_seconds)
            return await answer(reader, question)

    result = asyncio.run(run())
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        return
    head = f"[bold]{result['kind']}[/] {result['slots']} · {result['endpoint']} · {len(result['items'])} items"
    console.print(head, highlight=False, soft_wrap=True)
    for item in result["items"]:
        console.print(f"- {item['text']}\n  [dim]{item['citation']['text']}[/]", highlight=False, soft_wrap=True)


@app.command("diff")
@friendly_errors
def diff_command(
    document: Annotated[str, typer.Argument(help="A loaded document id (imss-bienestar/estatuto-organico)")],
    start: Annotated[
        str | None, typer.Option("--from", help="The earlier day, YYYY-MM-DD (default: the document's first)")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="The later day, YYYY-MM-DD (default: today)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The diff as GET /documents/{id}/diff gives it")] = False,
) -> None:
    """What changed in a document between two days: units, powers, provisions, reporting lines (Markdown)."""
    import datetime as dt

    from loaders.versions import native
    from orggraph.cypher import query
    from orggraph.diff import diff, markdown
    from orggraph.errors import BadRequest, NotFound

    try:
        days = [dt.date.fromisoformat(d) if d else None for d in (start, end)]
    except ValueError as exc:
        raise BadRequest(f"A day is YYYY-MM-DD, e.g. 2023-09-14 ({exc})") from exc
    settings = get_settings()
    with open_driver(settings) as driver:
        records, _, _ = driver.execute_query(
            query("document_timeline"), {"document": document}, database_=settings.neo4j_database, routing_="r"
        )
    if not records:
        raise NotFound(f"No loaded document {document!r}; `orggraph load` it first.")
    timeline = native(records[0].data())
    first = timeline["document"].get("history_from") or timeline["document"].get("valid_from")
    for day in days:
        if day and first and day < first:
            raise NotFound(f"{document} speaks from {first.isoformat()}: ask for that day or later.")
    result = diff(
        timeline, days[0] or timeline["document"].get("valid_from") or dt.date.min, days[1] or dt.date.today()
    )
    if as_json:
        typer.echo(result.model_dump_json(by_alias=True, indent=2))
    else:
        typer.echo(markdown(result), nl=False)


def main() -> None:
    app(prog_name="orggraph")


if __name__ == "__main__":
    sys.exit(main())
