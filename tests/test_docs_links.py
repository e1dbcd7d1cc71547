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


SYMBOL_LINK = re.compile(r"\[([^\]]*`[^\]]*)\]\(([^)\s#]+\.py)#L(\d+)\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_link_to_a_named_function_points_at_its_definition(page: Path) -> None:
    """A link labelled with a function or class (`Assembly.power`) and a line (#L176) lands on its `def` or
    `class`: the docs walk a newcomer from a source line to the API through such links, and a line that
    drifted sends them to the wrong code."""
    drifted = []
    for label, target, line in SYMBOL_LINK.findall(page.read_text(encoding="utf-8")):
        name = re.findall(r"`([^`]+)`", label)[0].split(".")[-1]
        source = (page.parent / target).read_text(encoding="utf-8").splitlines()
        at = source[int(line) - 1] if int(line) <= len(source) else ""
        if not re.match(rf"\s*(async\s+)?(def|class)\s+{re.escape(name)}\b", at):
            drifted.append(f"{target}#L{line} ({name})")
    assert drifted == []
