"""A generated Reglamento Interior of 2,000 units in the genre's varied phrasings (``bench/synthetic.py``)
is read exactly: every unit, its parent and its number of powers, as the answer written beside it says."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.synthetic import write
from loaders import load_file


def test_a_two_thousand_unit_reglamento_is_read_exactly(tmp_path: Path) -> None:
    document = tmp_path / "reglamento.txt"
    expected = json.loads(write(2000, document).read_text(encoding="utf-8"))
    parsed = load_file(document)
    names = {u.id: u.name for u in parsed.units} | {o.id: o.name for o in parsed.organizations}
    organization = names[parsed.document.organization]
    parents = {names[e.source]: names[e.target] for e in parsed.edges_of("PART_OF") if e.source_label == "Unit"}
    powers = Counter(names[e.source] for e in parsed.edges_of("HAS_POWER"))
    assert organization == expected["organization"]
    assert len(parsed.units) == len(expected["units"]) == 2000
    assert {name: parents.get(name) for name in expected["units"]} == {
        name: unit["parent"] or organization for name, unit in expected["units"].items()
    }
    assert {name: powers.get(name) for name in expected["units"]} == {
        name: unit["powers"] for name, unit in expected["units"].items()
    }
