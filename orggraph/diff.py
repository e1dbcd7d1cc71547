"""What changed in a document between two days: units, powers, provisions and reporting lines (issue 16).

Pure: it compares the windows of validity that loaders.validity gave every fact (read back by
``cypher/document_timeline.cypher``) on two days, so the API (``GET /documents/{id}/diff``) and the CLI
(``orggraph diff``) say the same. Each change names its provision and the amendment notes dated between
the two days that explain it, and changes are grouped by the unit they concern.

A modification note says the printed text holds since its day; the document does not print the text it
replaced, so a reworded power carries ``before: null`` unless the earlier text is known (a word-level diff
is given then).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

LIST_ITEMS = ("fraccion", "inciso", "numeral")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AmendmentNote(Model):
    kind: str = Field(description="added, modified, derogated, relocated, clarified")
    scope: str | None = None
    authority: str
    date: dt.date
    provision: str = Field(description="The provision the note is printed under")


class WordChange(Model):
    op: Literal["equal", "insert", "delete"]
    text: str


class Change(Model):
    subject: Literal["unit", "power", "provision", "line"]
    change: Literal[
        "added", "removed", "renamed", "moved", "reworded", "modified", "derogated", "line_added", "line_removed"
    ]
    id: str = Field(description="The unit, power or provision id")
    text: str | None = Field(None, description="The name, the power's or provision's text (as printed now)")
    before: str | None = Field(None, description="The earlier name, parent or text, when known")
    after: str | None = None
    words: list[WordChange] = Field(default_factory=list, description="A word-level diff, when both texts are known")
    provision: str | None = None
    contains: int = Field(0, description="Provisions inside it that changed with it (a Título added with its articles)")
    notes: list[AmendmentNote] = Field(default_factory=list)
    line_start: int | None = None


class UnitChanges(Model):
    unit: dict[str, str] | None = Field(None, description="The unit concerned; None: the document's other provisions")
    changes: list[Change]


class DocumentDiff(Model):
    document: dict[str, Any]
    from_: dt.date = Field(alias="from")
    to: dt.date
    summary: dict[str, int]
    groups: list[UnitChanges]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def in_force(item: dict[str, Any], day: dt.date) -> bool:
    start, end = item.get("valid_from"), item.get("valid_to")
    return (start is None or start <= day) and (end is None or day < end)


def name_on(unit: dict[str, Any], day: dt.date) -> str:
    """The name a unit bore on ``day``: the former name of the first rename after it, else its name."""
    later = sorted((r for r in unit.get("renames") or [] if r.get("date") and r["date"] > day), key=lambda r: r["date"])
    return later[0]["from_name"] if later and later[0].get("from_name") else unit["name"]


def word_diff(before: str, after: str) -> list[WordChange]:
    """Word-level differences (difflib over words)."""
    a, b = before.split(), after.split()
    out: list[WordChange] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(WordChange(op="delete", text=" ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(WordChange(op="insert", text=" ".join(b[j1:j2])))
        if op == "equal":
            out.append(WordChange(op="equal", text=" ".join(a[i1:i2])))
    return out


def diff(timeline: dict[str, Any], start: dt.date, end: dt.date, later: dict[str, Any] | None = None) -> DocumentDiff:
    """The changes of the document between ``start`` and ``end``, as each day stood. With ``later`` (the
    timeline of a newer version of the document), ``timeline`` says how things stood on ``start`` and
    ``later`` on ``end``; facts are matched by id, and a text that differs is a word-level diff."""
    if later is None and end < start:
        start, end = end, start
    later = later or timeline
    old_provisions = {p["id"]: p for p in timeline["provisions"]}
    old_units = {u["id"]: u for u in timeline["units"]}
    old_powers = {w["id"]: w for w in timeline["powers"]}
    provisions = {**old_provisions, **{p["id"]: p for p in later["provisions"]}}
    new_provisions = {p["id"]: p for p in later["provisions"]}
    new_units = {u["id"]: u for u in later["units"]}
    units = {**old_units, **new_units}

    def notes_of(pid: str | None) -> list[AmendmentNote]:
        """The notes dated in (start, end] of the provision and of those containing it."""
        found: list[AmendmentNote] = []
        while pid and pid in provisions:
            p = provisions[pid]
            for n in p.get("notes") or []:
                if start < n["date"] <= end:
                    found.append(AmendmentNote(**n, provision=pid))
            pid = p.get("parent")
        return sorted(found, key=lambda n: (n.date, n.provision))

    # Who a provision concerns: the holders of the powers it or its article defines.
    holders_of: dict[str, dict[str, dict[str, str]]] = {}
    for w in [*timeline["powers"], *later["powers"]]:
        pid = w["provision"]
        while pid and pid in provisions:
            for h in w.get("holders") or []:
                holders_of.setdefault(pid, {})[h["id"]] = {"id": h["id"], "name": h["name"]}
            pid = provisions[pid].get("parent")

    def concerns(pid: str | None) -> list[dict[str, str]]:
        while pid and pid in provisions:
            if pid in holders_of:
                return list(holders_of[pid].values())
            pid = provisions[pid].get("parent")
        return []

    groups: dict[str | None, list[Change]] = {}
    unit_refs: dict[str, dict[str, str]] = {}

    def put(change: Change, who: Iterable[dict[str, str]]) -> None:
        who = list(who)
        for u in who or [None]:  # type: ignore[list-item]
            key = u["id"] if u else None
            if u:
                unit_refs[key] = {
                    "id": u["id"],
                    "name": name_on(units[u["id"]], end) if u["id"] in units else u["name"],
                }
            groups.setdefault(key, []).append(change)

    # Units: added, removed, renamed, moved, and their reporting lines.
    for u in units.values():
        old, new = old_units.get(u["id"]), new_units.get(u["id"])
        was, now = bool(old and in_force(old, start)), bool(new and in_force(new, end))
        ref = [{"id": u["id"], "name": u["name"]}]
        if now and not was:
            assert new is not None
            put(
                Change(
                    subject="unit", change="added", id=u["id"], text=name_on(new, end), line_start=new.get("line_start")
                ),
                ref,
            )
        elif was and not now:
            assert old is not None
            put(Change(subject="unit", change="removed", id=u["id"], text=name_on(old, start)), ref)
        if not (was and now):
            continue
        assert old is not None and new is not None
        if name_on(old, start) != name_on(new, end):
            put(
                Change(
                    subject="unit", change="renamed", id=u["id"], before=name_on(old, start), after=name_on(new, end)
                ),
                ref,
            )
        lines_then = {(ln["type"], ln.get("kind"), ln["to"]): ln for ln in old["lines"] if in_force(ln, start)}
        lines_now = {(ln["type"], ln.get("kind"), ln["to"]): ln for ln in new["lines"] if in_force(ln, end)}
        parents_then = sorted(k[2] for k in lines_then if k[0] == "PART_OF")
        parents_now = sorted(k[2] for k in lines_now if k[0] == "PART_OF")
        if parents_then and parents_now and parents_then != parents_now:
            line = next(ln for k, ln in lines_now.items() if k[0] == "PART_OF")
            put(
                Change(
                    subject="unit",
                    change="moved",
                    id=u["id"],
                    before=", ".join(parents_then),
                    after=", ".join(parents_now),
                    provision=line.get("provision"),
                    notes=notes_of(line.get("provision")),
                ),
                ref,
            )
        for key in lines_now.keys() ^ lines_then.keys():
            if key[0] == "PART_OF" and parents_then and parents_now:
                continue  # told as a move
            ln = lines_now.get(key) or lines_then[key]
            put(
                Change(
                    subject="line",
                    change="line_added" if key in lines_now else "line_removed",
                    id=u["id"],
                    after=f"{key[0]}{'/' + key[1] if key[1] else ''} → {key[2]}",
                    provision=ln.get("provision"),
                    notes=notes_of(ln.get("provision")),
                    line_start=ln.get("line_start"),
                ),
                ref,
            )

    # Powers: added, removed, reworded.
    with_power = set()
    new_powers = {w["id"]: w for w in later["powers"]}
    for wid in {**old_powers, **new_powers}:
        old_w, new_w = old_powers.get(wid), new_powers.get(wid)
        w = new_w or old_w
        assert w is not None
        with_power.add(w["provision"])
        was, now = bool(old_w and in_force(old_w, start)), bool(new_w and in_force(new_w, end))
        kind = None
        before, words = None, []
        if now and not was:
            kind = "added"
        elif was and not now:
            kind = "removed"
        elif was and now and old_w and old_w["text"] != w["text"]:
            kind, before, words = "reworded", old_w["text"], word_diff(old_w["text"], w["text"])
        elif was and now and w.get("text_from") and start < w["text_from"] <= end:
            kind = "reworded"
        if kind:
            put(
                Change(
                    subject="power",
                    change=kind,  # type: ignore[arg-type]
                    id=w["id"],
                    text=w["text"],
                    before=before,
                    after=w["text"] if kind == "reworded" else None,
                    words=words,
                    provision=w["provision"],
                    notes=notes_of(w["provision"]),
                ),
                w.get("holders") or [],
            )

    # Provisions: the outermost of each change (a Título added is one change containing its articles).
    def change_of(p: dict[str, Any]) -> str | None:
        old, new = old_provisions.get(p["id"]), new_provisions.get(p["id"])
        was, now = bool(old and in_force(old, start)), bool(new and in_force(new, end))
        if now and not was:
            return "added"
        if was and not now:
            return "derogated"
        if was and now and old and new and (old.get("text") or "") != (new.get("text") or ""):
            return "modified"
        if was and now and p.get("text_from") and start < p["text_from"] <= end:
            return "modified"
        return None

    changed = {pid: c for pid, p in provisions.items() if (c := change_of(p))}
    for pid, kind in changed.items():
        p = provisions[pid]
        parent = p.get("parent")
        same_day = _day(provisions[parent], kind) == _day(p, kind) if parent in provisions else False
        if parent in changed and changed[parent] == kind and same_day and (kind != "modified" or _day(p, kind)):
            continue  # told with the provision containing it
        inside = sum(
            1
            for q in changed
            if q != pid
            and changed[q] == kind
            and _within(q, pid, provisions)
            and _day(provisions[q], kind) == _day(p, kind)
        )
        put(
            Change(
                subject="provision",
                change=kind,  # type: ignore[arg-type]
                id=pid,
                text=(p.get("heading") or p.get("text") or "")[:300],
                provision=pid,
                contains=inside,
                notes=notes_of(pid),
                line_start=p.get("line_start"),
            ),
            concerns(pid),
        )
        # A derogated list item of a powers article: a power removed whose text the document no longer prints.
        if kind == "derogated" and p["kind"] in LIST_ITEMS and pid not in with_power and p.get("parent") in holders_of:
            put(
                Change(subject="power", change="removed", id=pid + "/power", provision=pid, notes=notes_of(pid)),
                concerns(pid),
            )

    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, unit_refs.get(kv[0] or "", {}).get("name", "")))
    out = [UnitChanges(unit=unit_refs.get(key) if key else None, changes=changes) for key, changes in ordered]
    summary: dict[str, int] = {}
    seen: set[tuple[str, str, str]] = set()
    for g in out:
        for c in g.changes:
            if (c.subject, c.change, c.id) not in seen:
                seen.add((c.subject, c.change, c.id))
                summary[f"{c.subject}s_{c.change}"] = summary.get(f"{c.subject}s_{c.change}", 0) + 1
    document = {k: v for k, v in later["document"].items() if v is not None}
    return DocumentDiff(document=document, from_=start, to=end, summary=dict(sorted(summary.items())), groups=out)


def _day(p: dict[str, Any], kind: str) -> dt.date | None:
    """The day a provision's change took effect."""
    return {"added": p.get("valid_from"), "derogated": p.get("valid_to"), "modified": p.get("text_from")}[kind]


def _within(pid: str, ancestor: str, provisions: dict[str, dict[str, Any]]) -> bool:
    parent = provisions[pid].get("parent")
    while parent:
        if parent == ancestor:
            return True
        parent = provisions.get(parent, {}).get("parent")
    return False


def markdown(d: DocumentDiff) -> str:
    """A readable rendering: a heading per unit, a line per change with its provision and notes."""
    title = d.document.get("title") or d.document.get("id")
    lines = [f"# {title}: changes from {d.from_.isoformat()} to {d.to.isoformat()}", ""]
    if d.summary:
        lines += [", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in d.summary.items()), ""]
    else:
        lines += ["No changes.", ""]
    for g in d.groups:
        lines += [f"## {g.unit['name']} (`{g.unit['id']}`)" if g.unit else "## Other provisions", ""]
        for c in g.changes:
            what = f"**{c.subject} {c.change.replace('_', ' ')}**"
            body = c.after if c.change in ("line_added", "line_removed") else c.text or c.after or ""
            if c.change in ("renamed", "moved"):
                body = f"{c.before} → {c.after}"
            if c.contains:
                body += f" (with {c.contains} provisions inside)"
            if c.subject == "power" and c.change == "reworded" and c.before is None:
                body += " — the document prints only the text as modified"
            if c.subject == "power" and c.change == "removed" and not c.text:
                body = "its text is no longer printed"
            where = f" — `{c.provision}`" if c.provision else ""
            notes = "; ".join(f"{n.kind} {n.authority} {n.date.isoformat()}" for n in c.notes)
            lines.append(f"- {what}: {_short(body)}{where}" + (f" ({notes})" if notes else ""))
            if c.words:
                lines.append(
                    "  "
                    + " ".join(
                        w.text if w.op == "equal" else f"~~{w.text}~~" if w.op == "delete" else f"**{w.text}**"
                        for w in c.words
                    )
                )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
