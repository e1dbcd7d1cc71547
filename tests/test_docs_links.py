"""The README and docs/ link to files of the repository by relative paths: each must still be there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(page: Path) -> None:
    links = [
        link
        for link in LINK.findall(page.read_text(encoding="utf-8"))
        if not re.match(r"^[a-z]+:", link) and not link.startswith("#")
    ]
    missing = [link for link in links if not (page.parent / link.split("#")[0]).exists()]
    assert missing == []
