"""Fetch the Neo4j server and Browser jars with the machine's Maven.

No PyPI, npm or Debian package ships a Neo4j server, so the jars come from Maven Central. The
closure is copied into a temporary folder and renamed into place only when complete, so an
interrupted fetch never looks like a finished one.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from orggraph.errors import Neo4jHarnessError

# Newest 5.26 LTS on Maven Central when pinned (5.26.31+ were not published there).
NEO4J_VERSION = "5.26.30"
# Newest Browser jar on Maven Central; served at /browser by the 5.26 server.
BROWSER_VERSION = "5.24.0"

POM = Path(__file__).with_name("pom.xml")
MARKER = "ORGGRAPH_JARS"


def _marker_text() -> str:
    return f"neo4j={NEO4J_VERSION}\nbrowser={BROWSER_VERSION}\n"


def jars_present(lib_dir: Path) -> bool:
    marker = lib_dir / MARKER
    return marker.is_file() and marker.read_text(encoding="utf-8") == _marker_text()


def ensure_jars(lib_dir: Path, *, quiet: bool = True) -> bool:
    """Make sure ``lib_dir`` holds the pinned jars. Returns True when it fetched, False when present."""
    if jars_present(lib_dir):
        return False
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jHarnessError(
            "Maven (`mvn`) is not on PATH: it is needed once to fetch the Neo4j jars from Maven Central. "
            "Install Maven and Java 17, or point NEO4J_URI at an existing Neo4j."
        )
    lib_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lib-", dir=lib_dir.parent) as tmp:
        staging = Path(tmp) / "lib"
        command = [
            mvn,
            "-B",
            *(["-q"] if quiet else []),
            "-f",
            str(POM),
            f"-Dneo4j.version={NEO4J_VERSION}",
            f"-Dneo4j.browser.version={BROWSER_VERSION}",
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={staging}",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
            raise Neo4jHarnessError(f"Maven could not fetch Neo4j {NEO4J_VERSION}:\n{tail}")
        required = ["neo4j-server-", "neo4j-bolt-", "neo4j-fulltext-index-", "neo4j-browser-"]
        names = [p.name for p in staging.glob("*.jar")]
        missing = [r for r in required if not any(n.startswith(r) for n in names)]
        if missing:
            raise Neo4jHarnessError(f"Maven finished but these jars are missing: {missing}")
        (staging / MARKER).write_text(_marker_text(), encoding="utf-8")
        if lib_dir.exists():
            shutil.rmtree(lib_dir)
        staging.rename(lib_dir)
    return True
