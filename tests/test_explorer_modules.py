"""The explorer is ES modules served as they are (no build step): each small enough to read at once, and
each reached from the entry module, so none is dead weight the page never loads."""

from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "app" / "explorer" / "static"
ENTRY = STATIC / "explorer.js"
MODULES = sorted((STATIC / "js").glob("*.js"))
MAX_LINES = 400
IMPORT = re.compile(r'^import \{[^}]*\} from "(\./[^"]+)";', re.M)


def test_the_page_loads_the_entry_as_a_module() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert '<script type="module" src="/static/explorer.js"></script>' in html


def test_no_module_is_over_400_lines() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in [ENTRY, *MODULES]}
    assert len(sizes) > 10
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_every_module_is_reached_from_the_entry() -> None:
    reached: set[Path] = set()
    todo = [ENTRY]
    while todo:
        module = todo.pop()
        for target in IMPORT.findall(module.read_text(encoding="utf-8")):
            path = (module.parent / target).resolve()
            assert path.is_file(), f"{module.name} imports {target}, which is not there"
            if path not in reached:
                reached.add(path)
                todo.append(path)
    assert sorted(reached) == [p.resolve() for p in MODULES]
