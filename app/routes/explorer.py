"""The org-chart explorer (a static page over the API) and the Neo4j Browser's style and guide.

Everything is served by the app: the page from app/explorer/static, d3 from the npm package the
project installs (web/node_modules), nothing from a CDN, so the explorer works without internet.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, Response

from orggraph.errors import NotFound
from orggraph.settings import PROJECT_ROOT

router = APIRouter(include_in_schema=False)

STATIC = Path(__file__).resolve().parents[1] / "explorer" / "static"
VENDOR = {"d3.min.js": PROJECT_ROOT / "web" / "node_modules" / "d3" / "dist" / "d3.min.js"}
BROWSER_ASSETS = PROJECT_ROOT / "docs" / "browser"
BROWSER_TYPES = {".grass": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8"}


@router.get("/")
async def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


@router.get("/vendor/{name}")
async def vendor(name: str) -> FileResponse:
    path = VENDOR.get(name)
    if path is None or not path.is_file():
        raise NotFound(f"{name} is not installed: run scripts/setup (it installs web/ with npm)")
    return FileResponse(path, media_type="text/javascript; charset=utf-8")


@router.get("/neo4j-browser/{name}")
async def browser_asset(name: str) -> Response:
    path = BROWSER_ASSETS / name
    if path.suffix not in BROWSER_TYPES or not path.is_file() or path.parent != BROWSER_ASSETS:
        raise NotFound(f"No Neo4j Browser asset {name!r}")
    return FileResponse(path, media_type=BROWSER_TYPES[path.suffix])
