"""The explorer is ES modules served as they are (no build step): each small enough to read at once, and
each reached from the entry module, so none is dead weight the page never loads."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
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


def test_the_cambios_view_tells_each_unit_by_its_strongest_change() -> None:
    """js/change-kinds.js under Node (it imports nothing): a unit removed, added, renamed, moved or only with
    powers changed gets that colour, the strongest when it has several; powers count under their unit."""
    node = shutil.which("node")
    assert node, "Node is needed for the explorer's module tests (apt-get install nodejs)"
    diff = {
        "groups": [
            {
                "unit": {"id": "a"},
                "changes": [
                    {"subject": "unit", "change": "renamed", "id": "a", "before": "Vieja"},
                    {"subject": "power", "change": "added", "id": "a/p1"},
                    {"subject": "unit", "change": "moved", "id": "a", "before": "x"},
                ],
            },
            {
                "unit": {"id": "b"},
                "changes": [
                    {"subject": "power", "change": "reworded", "id": "b/p"},
                    {"subject": "provision", "change": "derogated", "id": "b/f"},
                ],
            },
            {
                "unit": {"id": "c"},
                "changes": [
                    {"subject": "unit", "change": "removed", "id": "c"},
                    {"subject": "power", "change": "removed", "id": "c/p"},
                ],
            },
            {"unit": {"id": "d"}, "changes": [{"subject": "line", "change": "line_added", "id": "d"}]},
            {"unit": None, "changes": [{"subject": "provision", "change": "added", "id": "t"}]},
        ]
    }
    script = (
        f'import {{ classify, describe }} from "{(STATIC / "js" / "change-kinds.js").as_uri()}";\n'
        f"const units = classify({json.dumps(diff)});\n"
        "console.log(JSON.stringify([...units].map(([id, e]) => [id, e.kind, describe(e)])));"
    )
    out = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [
        ["a", "renamed", "renombrada (antes: Vieja) · movida (antes bajo x) · 1 atribución añadida"],
        ["b", "powers", "1 atribución reformada · 1 disposición derogada"],
        ["c", "removed", "eliminada · 1 atribución suprimida"],
        ["d", "moved", "1 línea añadida"],
    ]
