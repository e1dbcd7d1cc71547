"""How well a reading of a document matches the expectations written by reading it (expectations/*.toml).

A *reading* is what orggraph made of a document — its organization, units with their parents, and
powers grouped by the list that defines them — built either from the parser's records
(``reading_from_parsed``) or from the HTTP API over the loaded graph (``tests/corpus/test_corpus.py``),
so both paths are scored by the same rules:

* a unit is **found** when a unit of the reading has its name (or one of its aliases) — folded,
  without punctuation or a leading article;
* its **parent is right** when the reading's parent is the expected one by the same rule, or the
  organization (or nothing) when the expectation says ``""``;
* a power list is **exact** when the list that holds an item starting with the expected first words
  (near the expected line) has the expected number of items, ends with the expected last words, and
  is held by the expected holders.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTATIONS = Path(__file__).resolve().parent / "expectations"
CORPUS = ROOT / "data" / "corpus"
HELDOUT = ROOT / "data" / "heldout"  # real documents the loaders were not developed on


def document_path(file: str) -> Path:
    """Where a document with expectations lives: the corpus or the held-out set."""
    for folder in (CORPUS, HELDOUT):
        if (folder / file).is_file():
            return folder / file
    raise FileNotFoundError(file)


def key(text: str) -> str:
    """A name as the scoring compares it: folded, no punctuation, no leading article."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", folded)
    while words and words[0] in {"la", "el", "los", "las", "una", "un", "de", "del"}:
        words = words[1:]
    return " ".join(words)


def starts(text: str, prefix: str) -> bool:
    a, b = key(text), key(prefix)
    return bool(b) and a.startswith(b)


@dataclass
class ReadUnit:
    id: str
    name: str
    aliases: list[str]
    parent: str | None  # a unit id of the reading, or None for the organization / nothing

    def keys(self) -> set[str]:
        return {key(n) for n in [self.name, *self.aliases]}


@dataclass
class ReadPower:
    id: str
    text: str
    group: str  # the list it belongs to: the id of the provision that holds its item
    line: int
    holders: set[str]  # unit ids, or the organization id


@dataclass
class Reading:
    organization: str
    organization_names: list[str]  # name, acronym
    units: dict[str, ReadUnit]
    powers: list[ReadPower]
    organization_kind: str | None = None


def reading_from_parsed(parsed) -> Reading:  # a loaders.records.ParsedDocument
    org = next(o for o in parsed.organizations if o.id == parsed.document.organization)
    parents = {
        e.source: (e.target if e.target_label == "Unit" else None)
        for e in parsed.edges
        if e.type == "PART_OF" and e.source_label == "Unit"
    }
    units = {u.id: ReadUnit(u.id, u.name, list(u.aliases), parents.get(u.id)) for u in parsed.units}
    holders: dict[str, set[str]] = {}
    for e in parsed.edges:
        if e.type == "HAS_POWER":
            holders.setdefault(e.target, set()).add(e.source)
    provisions = {p.id: p for p in parsed.provisions}
    powers = [
        ReadPower(
            p.id,
            p.text,
            provisions[p.provision].parent or "",
            p.line_start,
            holders.get(p.id, set()),
        )
        for p in parsed.powers
    ]
    return Reading(org.id, [org.name, org.acronym or "", *org.aliases], units, powers, org.kind)


@dataclass
class Score:
    file: str
    units_listed: int = 0
    units_found: int = 0
    parents_right: int = 0
    lists_checked: int = 0
    lists_exact: int = 0
    organization_right: bool = False
    kind_right: bool = False
    misses: list[str] = field(default_factory=list)

    @property
    def unit_rate(self) -> float:
        return self.parents_right / self.units_listed if self.units_listed else 1.0

    @property
    def list_rate(self) -> float:
        return self.lists_exact / self.lists_checked if self.lists_checked else 1.0


def expectations() -> list[dict]:
    return [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPECTATIONS.glob("*.toml"))]


def score(expected: dict, reading: Reading) -> Score:
    result = Score(expected["file"])
    org = expected["organization"]
    org_keys = {key(org["name"])} | ({key(org["acronym"])} if org.get("acronym") else set())
    read_org_keys = {key(n) for n in reading.organization_names if n}
    result.organization_right = any(
        a == b or (len(a) > 8 and len(b) > 8 and (a in b or b in a)) for a in org_keys for b in read_org_keys
    )
    if not result.organization_right:
        result.misses.append(f"organization: expected {org['name']!r}, read {reading.organization_names}")
    result.kind_right = reading.organization_kind == (org.get("kind") or None)
    if not result.kind_right:
        result.misses.append(f"organization kind: expected {org.get('kind')!r}, read {reading.organization_kind!r}")

    # --- units: match each expected unit to one read unit (the one with the right parent if several)
    expected_units = expected.get("units", [])
    by_name: dict[str, list[dict]] = {}
    for unit in expected_units:
        by_name.setdefault(key(unit["name"]), []).append(unit)
    read_by_key: dict[str, list[ReadUnit]] = {}
    for unit in reading.units.values():
        for k in unit.keys():  # noqa: SIM118 (ReadUnit.keys: its name and aliases, folded)
            read_by_key.setdefault(k, []).append(unit)

    def expected_keys(unit: dict) -> set[str]:
        return {key(n) for n in [unit["name"], *unit.get("aliases", [])]}

    def candidates(unit: dict) -> list[ReadUnit]:
        found: dict[str, ReadUnit] = {}
        for k in expected_keys(unit):
            for r in read_by_key.get(k, []):
                found[r.id] = r
        return list(found.values())

    def parent_ok(unit: dict, read: ReadUnit) -> bool:
        if not unit.get("parent"):
            return read.parent is None
        if read.parent is None or read.parent not in reading.units:
            return False
        parent_entries = by_name.get(key(unit["parent"]), [{"name": unit["parent"]}])
        wanted = set().union(*(expected_keys(p) for p in parent_entries))
        return bool(wanted & reading.units[read.parent].keys())

    used: set[str] = set()
    result.units_listed = len(expected_units)
    for unit in expected_units:
        options = [r for r in candidates(unit) if r.id not in used] or candidates(unit)
        if not options:
            result.misses.append(f"unit not found: {unit['name']!r} (line {unit.get('line')})")
            continue
        result.units_found += 1
        right = [r for r in options if parent_ok(unit, r)]
        chosen = (right or options)[0]
        used.add(chosen.id)
        if right:
            result.parents_right += 1
        else:
            got = reading.units[chosen.parent].name if chosen.parent in reading.units else "(organization)"
            result.misses.append(
                f"parent of {unit['name']!r}: expected {unit.get('parent') or '(organization)'!r}, read {got!r}"
            )

    # --- power lists
    groups: dict[str, list[ReadPower]] = {}
    for power in reading.powers:
        groups.setdefault(power.group, []).append(power)
    for items in groups.values():
        items.sort(key=lambda p: p.line)
    result.lists_checked = len(expected.get("powers", []))
    for plist in expected.get("powers", []):
        line = int(plist["line"])
        firsts = sorted(
            (p for p in reading.powers if line - 2 <= p.line <= line + 80 and starts(p.text, plist["first"])),
            key=lambda p: p.line,
        )
        label = f"art. {plist['article']} (line {line})"
        if not firsts:
            result.misses.append(f"power list {label}: no power starts with {plist['first']!r}")
            continue
        items = groups[firsts[0].group]
        problems = []
        if len(items) != plist["count"]:
            problems.append(f"{len(items)} items, expected {plist['count']}")
        if not starts(items[-1].text, plist["last"]):
            problems.append(f"last item {items[-1].text[:40]!r}, expected {plist['last']!r}")
        holder_names = set()
        for h in firsts[0].holders:
            if h in reading.units:
                holder_names |= reading.units[h].keys()
            elif h == reading.organization:
                holder_names |= {key(n) for n in reading.organization_names if n}
        for holder in plist["holders"]:
            entries = by_name.get(key(holder), [{"name": holder}])
            wanted = set().union(*(expected_keys(e) for e in entries))
            if holder_names.isdisjoint(wanted) and not (
                key(holder) in org_keys and reading.organization in firsts[0].holders
            ):
                problems.append(f"not held by {holder!r}")
        if len(firsts[0].holders) > len(plist["holders"]):
            problems.append(f"{len(firsts[0].holders)} holders, expected {len(plist['holders'])}")
        if problems:
            result.misses.append(f"power list {label}: " + "; ".join(problems))
        else:
            result.lists_exact += 1
    return result
