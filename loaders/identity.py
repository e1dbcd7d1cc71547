"""Which body of one document is which unit of another: a key for a municipal body's name.

A municipality's Reglamento Orgánico lists its dependencias as units ("Tesorería Municipal",
"Dirección General de Contraloría Municipal"); each dependencia's own reglamento or manual is about it
as an organization, named in full ("Tesorería Municipal del Ayuntamiento de Torreón", "Contraloría
del Municipio de Torreón"). The key says the municipality's the same way ("del Municipio de Torreón",
"del Ayuntamiento de Torreón" → "municipal") and drops "Dirección General de", so both spellings meet;
the writer links the two nodes (SAME_AS) only within one municipality, and only while the key names one
unit there.

Inside one body, its reglamento and its manual may name one unit differently: the post that heads it
("Director de Ingresos") or the unit ("Dirección de Ingresos"), with or without "Dirección General de".
``unit_key`` says both the same way, and ``fold_chart`` makes an org chart show each unit once. It folds
at reading time, over the SAME_AS links and the documents' own nodes, rather than merging nodes at load
time: a merged node would need one id for names two documents spell differently (which id wins would
depend on the loading order), and unloading one of the documents would have to split it again; kept
apart, every node and edge still says which document states it, and unloading a document takes its
nodes and links with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from loaders.citations import STATE
from loaders.mentions import post_to_unit_name
from loaders.records import ParsedDocument
from orggraph.folding import fold

MUNICIPALITY_PREFIX = "municipio-de-"
_CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e", "r"}
# "Directora (o) de Agenda de Género", "Reportero (a)": the other gender of a post's name.
_GENDER = re.compile(r"\s*\((?:a|o|as|os)\)", re.I)
# A unit named only by its head ("Dirección General", "Gerencia General", a post's "Director General"):
# at the top of a body's own document, the post heading the body, that is, the body.
_BARE_HEADS = {"direccion", "direccion general", "gerencia general", "coordinacion general", "titular"}


def municipality_id(parsed: ParsedDocument) -> str | None:
    """The id of the municipality the document's organization belongs to (itself or an ancestor)."""
    orgs = {o.id: o for o in parsed.organizations}
    current, seen = orgs.get(parsed.document.organization), set()
    while current is not None and current.id not in seen:
        if current.id.startswith(MUNICIPALITY_PREFIX):
            return current.id
        seen.add(current.id)
        current = orgs.get(current.parent) if current.parent else None
    return None


def body_key(name: str, municipality: str) -> str:
    """ "Tesorería Municipal del Ayuntamiento de Torreón" and "Tesorería Municipal" → "tesoreria municipal";
    "Contraloría del Municipio de Torreón" and "Dirección General de Contraloría Municipal" → "contraloria
    municipal"; a Contraloría's own "Archivo" stays "archivo", not the "Archivo Municipal"."""
    place = municipality.removeprefix(MUNICIPALITY_PREFIX).replace("-", " ")
    place = re.escape(place) + rf"(?:\s+{STATE})*$"  # "… de Torreón, Coahuila de Zaragoza": the words of a state
    key = _words(_unit_form(name))
    # "… del Republicano Ayuntamiento del Municipio de Torreón": the Ayuntamiento's, which says enough.
    key = re.sub(rf"(ayuntamiento)\s+del\s+municipio\s+de\s+{place}", r"\1", key)
    # "… del Ayuntamiento de Torreón", "… del Municipio de Torreón": the municipality's, "Municipal".
    key = re.sub(
        rf"\s+del\s+(?:(?:r|h|republicano|honorable)\s+)?(?:ayuntamiento|municipio)\s+de\s+{place}", " municipal", key
    )
    key = re.sub(rf"\s+de\s+{place}", "", key)  # "Instituto Municipal de la Mujer de Torreón"
    return _key_words(key)


def unit_key(name: str) -> str:
    """A unit's key inside one body, whatever the document calls it: "Director de Ingresos", "Dirección de
    Ingresos" and "Ingresos" → "ingresos"; "Jefe de Acervos" and "Jefatura de Acervos" → "jefatura acervos"."""
    return _key_words(_words(_unit_form(name)))


def _unit_form(name: str) -> str:
    """The unit a post heads ("Directora (o) de Agenda" → "Dirección de Agenda"); a unit's name as it is."""
    name = _GENDER.sub("", name).strip()
    return post_to_unit_name(name) or name


def _words(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9ñ ]+", " ", fold(name))).strip()


def _key_words(key: str) -> str:
    # "Dirección General de Contraloría Municipal" is the "Contraloría Municipal"; "Dirección de Ingresos"
    # the "Ingresos" a manual's chart box says. A bare "Dirección General" stays itself.
    key = re.sub(r"^direccion (?:general )?de\s+", "", key)
    words = [w for w in key.split() if w not in _CONNECTORS]
    return " ".join(dict.fromkeys(words))  # "Tesorería Municipal" + "municipal" once


def fold_chart(root: str, nodes: list[dict[str, Any]], lines: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """An org chart's nodes with each unit once. ``nodes``: the chart's rows (``id``, ``name``, ``parent``,
    ``organization``, ``documents``; ``label`` Organization for a body shown as a node, ``same_as`` the bodies
    a unit is, by cypher/write_identities.cypher). Two nodes are one unit when they belong to one body, have
    one ``unit_key`` and either come from different documents (its reglamento and its manual) or hang from one
    parent (a post and the unit it heads, both in one manual). A node with a bare head ("Director General")
    at the top of a body's own document is that body. The node kept is the shallowest (then the first by
    id); it lists the others in ``same_as`` and every document behind them, and ``parents`` keeps each
    parent any of them was given, with its documents, when they disagree. Depths are counted again from
    the root; lines are redirected to the nodes kept. Returns ``{"nodes": …, "lines": …}``."""
    by_id = {n["id"]: n for n in nodes}
    boss: dict[str, str] = {n["id"]: n["id"] for n in nodes}

    def find(node: str) -> str:
        while boss[node] != node:
            boss[node] = boss[boss[node]]
            node = boss[node]
        return node

    def rank(node: str) -> tuple[int, str]:
        return (by_id[node].get("depth") or 0, node)

    def union(a: str, b: str) -> None:
        a, b = find(a), find(b)
        if a != b:
            keep, gone = sorted((a, b), key=rank)
            boss[gone] = keep

    units = [n for n in nodes if n.get("label", "Unit") == "Unit"]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for n in units:  # one body's unit, named by two of its documents
        if n.get("organization"):
            groups.setdefault((n["organization"], unit_key(n["name"])), []).append(n)
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if set(a.get("documents") or ()).isdisjoint(b.get("documents") or ()):
                    union(a["id"], b["id"])
    for n in units:  # the post heading a body, at the top of the body's own document
        parent = by_id.get(n.get("parent") or "")
        if parent is None or unit_key(n["name"]) not in _BARE_HEADS:
            continue
        bodies = [parent["id"]] if parent.get("label") == "Organization" else parent.get("same_as") or []
        if n.get("organization") in bodies:
            union(parent["id"], n["id"])
    # From the top down, a unit named alike under one parent is one unit: the municipality's reglamento and
    # the Tesorería's own both hang a "Dirección de Ingresos" from the Tesorería; a manual lists the
    # "Jefatura de Acervos" and describes the "Jefe de Acervos".
    first: dict[tuple[str, str], str] = {}
    for n in sorted(units, key=lambda n: rank(n["id"])):
        parent = n.get("parent") or ""
        place = (find(parent) if parent in boss else parent, unit_key(n["name"]))
        if place in first:
            union(first[place], n["id"])
        else:
            first[place] = n["id"]
    kept: dict[str, dict[str, Any]] = {}
    parents: dict[str, dict[str, set[str]]] = {}
    for n in sorted(nodes, key=lambda n: rank(n["id"])):
        head = find(n["id"])
        first = by_id[head]
        node = kept.setdefault(head, {**first, "same_as": list(first.get("same_as") or []), "documents": []})
        if n["id"] != head:
            node["same_as"].append(n["id"])
        node["documents"] = sorted({*node["documents"], *(n.get("documents") or ())})
        parent = n.get("parent")
        if parent is not None and parent in boss and find(parent) != head:
            parents.setdefault(head, {}).setdefault(find(parent), set()).update(n.get("documents") or ())
        elif parent is not None and parent not in boss and parent != head:
            parents.setdefault(head, {}).setdefault(parent, set()).update(n.get("documents") or ())
    for head, node in kept.items():
        given = parents.get(head, {})
        own = node.get("parent")
        own = find(own) if own in boss else own
        node["parent"] = own if own in given or not given else sorted(given)[0]
        if len(given) > 1:  # the documents disagree about where it hangs: both statements, with their sources
            node["parents"] = [{"id": p, "documents": sorted(d)} for p, d in sorted(given.items())]
    depth: dict[str, int] = {root: 0}

    def depth_of(node: str, seen: frozenset[str] = frozenset()) -> int:
        if node in depth:
            return depth[node]
        parent = kept[node]["parent"] if node in kept else None
        if parent is None or parent in seen or (parent not in kept and parent != root):
            depth[node] = 1
        else:
            depth[node] = depth_of(parent, seen | {node}) + 1
        return depth[node]

    for head, node in kept.items():
        node["depth"] = depth_of(head)
    folded = sorted(kept.values(), key=lambda n: (n["depth"], n["name"]))
    seen_lines: set[tuple[str, str, str | None]] = set()
    out_lines = []
    for line in lines:
        source = find(line["from"]) if line["from"] in boss else line["from"]
        target = find(line["to"]) if line["to"] in boss else line["to"]
        if source != target and (source, target, line.get("kind")) not in seen_lines:
            seen_lines.add((source, target, line.get("kind")))
            out_lines.append({**line, "from": source, "to": target})
    return {"nodes": folded, "lines": out_lines}
