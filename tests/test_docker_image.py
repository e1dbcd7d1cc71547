"""The Docker image serves the same product as `scripts/up`: read from the Dockerfile (no Docker
engine runs here), the files the final image holds include everything the app serves — the
explorer, d3, the API consoles' assets, the Neo4j Browser's style and guide — and the packages come
from an npm install of the project's own lock file, not from a CDN."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

from app.routes.explorer import BROWSER_ASSETS, STATIC, VENDOR
from orggraph.settings import PROJECT_ROOT

DOCKERFILE = PROJECT_ROOT / "Dockerfile"
WORKDIR_FILES = "/srv/orggraph"


def stages() -> list[tuple[str | None, list[str]]]:
    """(stage name, its instructions), in order; continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    out: list[tuple[str | None, list[str]]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"FROM\s+\S+(?:\s+AS\s+(\S+))?", line, re.IGNORECASE)
        if m:
            out.append((m.group(1), []))
        else:
            out[-1][1].append(line)
    return out


def ignored(path: Path) -> bool:
    patterns = [
        p.strip()
        for p in (PROJECT_ROOT / ".dockerignore").read_text().splitlines()
        if p.strip() and not p.startswith("#")
    ]
    relative = path.relative_to(PROJECT_ROOT).as_posix()
    return any(
        fnmatch.fnmatch(relative, p)
        or relative.startswith(p.rstrip("/") + "/")
        or fnmatch.fnmatch(path.name, p.split("/")[-1])
        for p in patterns
    )


def image_files() -> set[str]:
    """Paths (relative to the app's directory) the final stage copies, from the build context or
    from the npm stage (whose node_modules is what `npm ci` installs from web/package-lock.json)."""
    named = dict(stages())
    final = stages()[-1][1]
    files: set[str] = set()
    for instruction in final:
        m = re.match(r"COPY\s+(?:--from=(\S+)\s+)?(.+)\s+(\S+)$", instruction, re.IGNORECASE)
        if not m:
            continue
        stage, sources, target = m.group(1), m.group(2).split(), m.group(3)
        target = target.removeprefix("./").rstrip("/")
        if stage:
            assert stage in named, f"COPY --from={stage}: no such stage"
            assert any(i.startswith("RUN npm ci") for i in named[stage]), "the web stage must run npm ci"
            assert any("web/package-lock.json" in i for i in named[stage] if i.startswith("COPY"))
            installed = PROJECT_ROOT / "web" / "node_modules"  # what npm ci installs from the same lock file
            files |= {f"{target}/{p.relative_to(installed).as_posix()}" for p in installed.rglob("*") if p.is_file()}
            continue
        for source in sources:
            path = PROJECT_ROOT / source
            if path.is_dir():
                prefix = "" if target in (".", "") else target + "/"
                files |= {
                    prefix + p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file() and not ignored(p)
                }
            elif path.is_file() and not ignored(path):
                files.add(
                    target + "/" + path.name
                    if len(sources) > 1 or target.endswith("/") or target in (".", "web")
                    else target
                )
    return {f.removeprefix("./") for f in files}


def test_the_image_holds_what_the_app_serves() -> None:
    files = image_files()
    wanted = [p for p in VENDOR.values()] + [
        STATIC / "index.html",
        STATIC / "explorer.js",
        *sorted(STATIC.glob("js/*.js")),
    ]
    wanted += sorted(BROWSER_ASSETS.glob("*"))
    wanted += sorted((PROJECT_ROOT / "data" / "documents").glob("*.txt")) + sorted(
        (PROJECT_ROOT / "cypher").glob("*.cypher")
    )
    missing = [
        p.relative_to(PROJECT_ROOT).as_posix() for p in wanted if p.relative_to(PROJECT_ROOT).as_posix() not in files
    ]
    assert not missing, missing


def test_node_modules_and_local_state_never_come_from_the_build_context() -> None:
    assert ignored(PROJECT_ROOT / "web" / "node_modules" / "d3" / "package.json")
    assert ignored(PROJECT_ROOT / ".neo4j" / "password")
    assert ignored(PROJECT_ROOT / ".venv" / "bin" / "python")


def test_the_image_reads_pdfs_and_scans_as_the_setup_does() -> None:
    """poppler for PDFs, Tesseract with its Spanish data for scanned pages (issue 12), in the final stage."""
    installs = " ".join(i for i in stages()[-1][1] if i.startswith("RUN") and "apt-get install" in i)
    for package in ("poppler-utils", "tesseract-ocr", "tesseract-ocr-spa"):
        assert f" {package} " in f" {installs} ", package
