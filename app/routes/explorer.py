"""The org-chart explorer (a static page over the API) and the Neo4j Browser's style and guide.

Everything is served by the app: the page from app/explorer/static, d3 from the npm package the
project installs (web/node_modules), nothing from a CDN, so the explorer works without internet.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, Response

from orggraph.errors import NotFound
from orggraph.settings import PROJECT_ROOT

router = APIRouter(include_in_schema=False)

STATIC = Path(__file__).resolve().parents[1] / "explorer" / "static"
NODE_MODULES = PROJECT_ROOT / "web" / "node_modules"
VENDOR = {
    "d3.min.js": NODE_MODULES / "d3" / "dist" / "d3.min.js",
    # The OpenAPI consoles at /docs and /redoc, served from here so that they work offline.
    "swagger-ui-bundle.js": NODE_MODULES / "swagger-ui-dist" / "swagger-ui-bundle.js",
    "swagger-ui.css": NODE_MODULES / "swagger-ui-dist" / "swagger-ui.css",
    "favicon-32x32.png": NODE_MODULES / "swagger-ui-dist" / "favicon-32x32.png",
    "redoc.standalone.js": NODE_MODULES / "redoc" / "bundles" / "redoc.standalone.js",
}
VENDOR_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png"}
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
    return FileResponse(path, media_type=VENDOR_TYPES[path.suffix])


@router.get("/docs")
async def swagger_ui() -> Response:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="orggraph — API",
        swagger_js_url="/vendor/swagger-ui-bundle.js",
        swagger_css_url="/vendor/swagger-ui.css",
        swagger_favicon_url="/vendor/favicon-32x32.png",
    )


@router.get("/redoc")
async def redoc() -> Response:
    return get_redoc_html(
        openapi_url="/openapi.json",
        title="orggraph — API",
        redoc_js_url="/vendor/redoc.standalone.js",
        redoc_favicon_url="/vendor/favicon-32x32.png",
        with_google_fonts=False,
    )


@router.get("/neo4j-browser/{name}")
async def browser_asset(name: str) -> Response:
    path = BROWSER_ASSETS / name
    if path.suffix not in BROWSER_TYPES or not path.is_file() or path.parent != BROWSER_ASSETS:
        raise NotFound(f"No Neo4j Browser asset {name!r}")
    return FileResponse(path, media_type=BROWSER_TYPES[path.suffix])
