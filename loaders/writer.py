"""The one place where records become graph elements.

One document, one transaction: the shared nodes it will write are locked first, in one order (two loads
that share nodes queue instead of deadlocking), the relationships of its previous load are removed, then nodes are
MERGEd on their constrained ids — shared ones (units, organizations, instruments) and the document's own
(provisions, powers, amendments, change events: kept from its previous load, and rewritten property by
property, so an unchanged one costs no store or index write), its own nodes the new reading lacks are
deleted, then relationships are created in UNWIND batches, one statement per (type, from label, to label),
their endpoints found by the element ids the node statements returned. A failure anywhere rolls the whole
load back, and loading the same records again leaves the same graph.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import TransientError

from loaders.citations import citation_key, document_keys, provision_paths
from loaders.fingerprint import reader_version
from loaders.identity import body_key, municipality_id
from loaders.records import EDGE_TYPES, KIND_BASES, DocumentRecord, ParsedDocument
from loaders.report import ReadingReport, reading_report
from loaders.versions import keep_earlier_version
from orggraph.cypher import query
from orggraph.errors import OrgGraphError
from orggraph.folding import fold

BATCH = 2000
# The id of the one GraphState node, whose generation every load bumps (cypher/write_generation.cypher).
GRAPH_STATE = "graph"


# A reload that would leave less than this share of the units, provisions or powers an earlier load of
# the same document wrote is refused unless the caller says to replace it: a file cut short, cut
# mid-word or half re-encoded reads as a much smaller document of the same title, and would silently
# replace the whole one.
KEEP_AT_LEAST = 0.5
GUARDED = {"Unit": "units", "Provision": "provisions", "Power": "powers"}


class WriteError(OrgGraphError):
    """The graph refused part of a document; nothing of it was written."""


class ShrinkingReload(WriteError):
    """Loading this reading would remove most of what the graph holds of the document; nothing was written."""

    def __init__(self, source_file: str, document: str, before: dict[str, int], after: dict[str, int]) -> None:
        self.document, self.before, self.after = document, before, after
        figures = ", ".join(
            f"{name} {before.get(label, 0):,} → {after.get(label, 0):,}" for label, name in GUARDED.items()
        )
        super().__init__(
            f"{source_file}: loading it would remove most of what the graph holds of {document} ({figures}); "
            "is the file cut short or damaged? Nothing was written. If this reading is right, load it again "
            "with --replace (the API: replace=true)."
        )


@dataclass(frozen=True)
class WriteReport:
    document: str
    counts: dict[str, int]
    relationships: int
    previous: dict[str, int] = field(default_factory=dict)  # the counts of the load this one replaced
    seconds: float = 0.0  # the transaction's wall time, retries included


def shrinks(before: dict[str, int], after: dict[str, int]) -> bool:
    """True when a guarded count falls below KEEP_AT_LEAST of a meaningful earlier count (10 or more)."""
    return any(before.get(label, 0) >= 10 and after.get(label, 0) < KEEP_AT_LEAST * before[label] for label in GUARDED)


class Rows(list):  # type: ignore[type-arg]
    """A batch of parameter rows whose ``repr`` is short. The driver formats every RUN's parameters for
    its debug log before it knows whether debug is on (``" ".join(map(repr, fields))`` in Bolt5x5.run):
    for a 2,000-row batch that repr cost more client CPU than packing the rows (about 19 ms a document)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _batches(rows: list[dict[str, Any]]) -> list[Rows]:
    return [Rows(rows[i : i + BATCH]) for i in range(0, len(rows), BATCH)]


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None and v != [] and v != ""}


@dataclass(frozen=True)
class DocumentRows:
    """One reading made ready to write: its record, its reading report and the parameter rows of every write
    statement. ``orggraph load``'s reader processes make it (``prepare``), so that the one writer, whose
    turn with Neo4j paces a load, only writes: the records of a synthetic document pickle to about 0.7 MB
    and took the writer ~60 ms to unpickle and ~30 ms to turn into rows; these rows are 0.4 MB, ~13 ms."""

    document: DocumentRecord
    report: ReadingReport
    rows: dict[str, Any]


def prepare(parsed: ParsedDocument) -> DocumentRows:
    """A reading → what ``write_rows`` writes (pure)."""
    report = reading_report(parsed)
    return DocumentRows(parsed.document, report, rows_for(parsed, report))


def rows_for(parsed: ParsedDocument, report: ReadingReport | None = None) -> dict[str, Any]:
    """Records → the parameter rows of each write statement (pure; tested without Neo4j). ``report`` is the
    reading's report when the caller has it already (``prepare``)."""
    doc = parsed.document
    defines_power = {p.provision for p in parsed.powers}
    provisions = []
    for p in parsed.provisions:
        row = p.model_dump()
        row.pop("parent", None)
        if p.id not in defines_power and (p.text or p.heading):
            row["search_text"] = fold(" ".join(x for x in (p.heading, p.text) if x))
        provisions.append(_clean(row))
    powers = []
    for pw in parsed.powers:
        row = pw.model_dump(exclude={"conditions"})
        row["conditions"] = [f"{c.kind}: {c.text}" for c in pw.conditions]
        row["search_text"] = fold(pw.text)
        powers.append(_clean(row))
    municipality = municipality_id(parsed)
    units = [
        {
            **u.model_dump(exclude={"aliases", "described"}),
            "name_folded": fold(u.name),
            "identity": f"{municipality}|{body_key(u.name, municipality)}" if municipality else None,
            "aliases": u.aliases,
            "aliases_folded": [fold(a) for a in u.aliases],
            "described": u.described,
        }
        for u in parsed.units
    ]
    organizations = [
        {
            **o.model_dump(),
            "kind_rank": KIND_BASES.index(o.kind_basis) if o.kind and o.kind_basis else -1,
            "search_text": fold(" ".join(x for x in (o.name, o.acronym, *o.aliases) if x)),
        }
        for o in parsed.organizations
    ]
    for row in organizations:  # the document's own body: another document may list it as a unit
        if row["id"] == doc.organization and municipality and municipality != doc.organization:
            row["identity"] = f"{municipality}|{body_key(row['name'], municipality)}"
    instruments = [
        {
            **i.model_dump(),
            "search_text": fold(" ".join([i.title, *(i.aliases), i.identifier or ""])),
            "citation_key": citation_key(i.title),
        }
        for i in parsed.instruments
    ]
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in parsed.edges:
        props = {k: v for k, v in e.props.items() if v is not None}
        if e.type == "CITES":  # the provisions it names, as the cited document's own ids end
            props["paths"] = provision_paths(e.props.get("article"), e.props.get("fraction"))
        props["document"] = doc.id
        props["line_start"], props["line_end"] = e.line_start, e.line_end
        if e.page_start is not None:
            props["page_start"] = e.page_start
        if e.page_end is not None:
            props["page_end"] = e.page_end
        edges[(e.type, e.source_label, e.target_label)].append({"source": e.source, "target": e.target, "props": props})
    document = _clean(
        {
            **doc.model_dump(),
            **(report or reading_report(parsed)).figures(),
            "citation_keys": document_keys(parsed),
            "reader_version": reader_version(),  # with sha256: a later load of the same file may skip it
        }
    )
    by_id = lambda row: row["id"]  # noqa: E731
    return {  # shared nodes in id order: two loads writing at once lock them in the same order, not into a deadlock
        "document": document,
        "organizations": sorted(organizations, key=by_id),
        "units": sorted(units, key=by_id),
        "provisions": provisions,
        "powers": powers,
        "instruments": sorted(instruments, key=by_id),
        "amendments": [a.model_dump() for a in parsed.amendments],
        "changes": [_clean(c.model_dump()) for c in parsed.changes],
        "edges": dict(edges),
    }


# The node statements, in order, and the label each writes (the edges find their endpoints by label and id).
NODE_STATEMENTS = {
    "organizations": "Organization",
    "units": "Unit",
    "instruments": "LegalInstrument",
    "provisions": "Provision",
    "powers": "Power",
    "amendments": "Amendment",
    "changes": "ChangeEvent",
}
# The node statements that write the nodes a document owns (MERGEd on the id, then checked).
OWNED = frozenset({"provisions", "powers", "amendments", "changes"})
ElementIds = dict[tuple[str, str], str]
EdgeRows = dict[tuple[str, str, str], list[dict[str, Any]]]


def _write(tx: ManagedTransaction, ready: DocumentRows, replace: bool) -> WriteReport:
    document, rows = ready.document.id, ready.rows
    shared = {name: sorted({row["id"] for row in rows[name]}) for name in ("organizations", "units", "instruments")}
    tx.run(query("write_lock_shared"), document=document, **shared).consume()
    before = _counts(tx, document)
    keep_earlier_version(tx, ready.document)  # a later text of a loaded document: the loaded one stays a version
    detached = tx.run(query("write_detach_document"), document=document).single()
    previous_shared = detached["shared_ids"] if detached else []
    eids = _write_nodes(tx, ready.document, rows)
    if detached and detached["owned_eids"]:
        tx.run(query("write_drop_stale"), eids=detached["owned_eids"]).consume()
    written_total = _write_edges(tx, ready.document, rows["edges"], eids)
    tx.run(query("write_finish"), ids=sorted(set(previous_shared).union(*shared.values()))).consume()
    tx.run(query("write_citations"), document=document).consume()
    tx.run(query("write_identities"), document=document).consume()
    if previous_shared:
        tx.run(query("write_drop_orphans"), ids=previous_shared).consume()
    counts = _counts(tx, document)
    if not replace and shrinks(before, counts):
        raise ShrinkingReload(ready.document.source_file, document, before, counts)  # rolls the load back
    tx.run(query("write_generation"), id=GRAPH_STATE).consume()  # last: the node's lock is held briefly
    return WriteReport(document, counts, written_total, before)


def _counts(tx: ManagedTransaction, document: str) -> dict[str, int]:
    return {r["label"]: r["count"] for r in tx.run(query("document_counts"), document=document)}


def _write_nodes(tx: ManagedTransaction, doc: DocumentRecord, rows: dict[str, Any]) -> ElementIds:
    """Write the document's nodes; returns the element id of each, by (label, id): the edges then find
    their endpoints by element id, a direct store lookup, not a seek in an index of 80-character ids.
    The nodes a document owns are MERGEd on their ids: one that is another document's, or an id twice,
    fails the load as CREATE's uniqueness constraint did."""
    document = doc.id
    eids: ElementIds = {}
    loaded_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")  # when written, not when read
    found = tx.run(query("write_document"), row={**rows["document"], "loaded_at": loaded_at}).single()
    if found is not None:
        eids["Document", document] = found["eid"]
    for name, label in NODE_STATEMENTS.items():
        written_ids: set[str] = set()
        for batch in _batches(rows[name]):
            written = tx.run(query(f"write_{name}"), rows=batch, document=document).single()
            if written is not None:  # two lists, not a record a node: the driver unpacks records slowly
                eids.update(zip([(label, i) for i in written["ids"]], written["eids"], strict=True))
                written_ids.update(written["ids"])
        if name in OWNED and len(written_ids) != len(rows[name]):
            taken = sorted({row["id"] for row in rows[name]} - written_ids)[:3]
            raise WriteError(
                f"{doc.source_file}: {len(rows[name]) - len(written_ids)} {label} nodes were not written: an id "
                f"given twice, or another document's (e.g. {taken})"
            )
    return eids


def _endpoints(tx: ManagedTransaction, edges: EdgeRows, eids: ElementIds) -> None:
    """Add to ``eids`` the endpoints the document's edges name but its nodes are not (another document's, or
    none: a relationship to a node that does not exist is then not written, and the load fails)."""
    wanted = {
        (label, row[end])
        for (_, source, target), rows in edges.items()
        for label, end in ((source, "source"), (target, "target"))
        for row in rows
    }
    missing = sorted({i for label, i in wanted if (label, i) not in eids})
    if missing:
        for record in tx.run(query("write_element_ids"), ids=missing):
            eids[record["label"], record["id"]] = record["eid"]


def _write_edges(tx: ManagedTransaction, doc: DocumentRecord, edges: EdgeRows, eids: ElementIds) -> int:
    """Create the relationships, one statement per (type, from label, to label); returns how many."""
    _endpoints(tx, edges, eids)
    template = query("write_edges")
    written_total = 0
    for (rel_type, source_label, target_label), edge_rows in sorted(edges.items()):
        sources, targets = EDGE_TYPES[rel_type]  # the whitelist: nothing else reaches the query text
        if source_label not in sources or target_label not in targets:
            raise WriteError(f"{rel_type} from {source_label} to {target_label} is not in the graph model")
        statement = template.replace("{TYPE}", rel_type).replace("{FROM}", source_label).replace("{TO}", target_label)
        for batch in _batches(edge_rows):
            by_element = Rows(
                {  # an id with no element id matches no node: the count below tells
                    "source": eids.get((source_label, r["source"]), r["source"]),
                    "target": eids.get((target_label, r["target"]), r["target"]),
                    "props": r["props"],
                }
                for r in batch
            )
            written = tx.run(statement, rows=by_element).single()["written"]
            if written != len(batch):
                missing = _missing_endpoints(batch, source_label, target_label, eids)
                raise WriteError(
                    f"{doc.source_file}: {len(batch) - written} {rel_type} relationships "
                    f"point to nodes that were not written, e.g. {missing}"
                )
            written_total += written
    return written_total


def _missing_endpoints(batch: list[dict[str, Any]], source: str, target: str, eids: ElementIds) -> list[str]:
    """The first ids of a batch that name no node of their label: ``_endpoints`` already looked every one up."""
    ids = {r["source"] for r in batch if (source, r["source"]) not in eids}
    ids |= {r["target"] for r in batch if (target, r["target"]) not in eids}
    return sorted(ids)[:3]


def write_document(driver: Driver, database: str, parsed: ParsedDocument, *, replace: bool = False) -> WriteReport:
    """Write one parsed document in one transaction (all or nothing); idempotent. A reload that would
    remove most of the document's units, provisions or powers raises ShrinkingReload unless ``replace``."""
    return write_rows(driver, database, prepare(parsed), replace=replace)


def write_rows(driver: Driver, database: str, ready: DocumentRows, *, replace: bool = False) -> WriteReport:
    """``write_document`` for a reading already made ready (``prepare``, in a reader process)."""
    started = time.perf_counter()
    try:
        with driver.session(database=database) as session:
            report = session.execute_write(_write, ready, replace)
        return dataclasses.replace(report, seconds=time.perf_counter() - started)
    except TransientError as exc:
        if "MemoryPoolOutOfMemoryError" not in (exc.code or ""):
            raise
        raise WriteError(
            f"{ready.document.source_file}: writing it needs more memory in one transaction than Neo4j allows "
            "(db.memory.transaction.max); nothing was written. Raise ORGGRAPH_NEO4J_TRANSACTION_MEMORY (and the "
            "heap, ORGGRAPH_NEO4J_HEAP) and restart Neo4j."
        ) from exc


def remove_document(driver: Driver, database: str, document: str) -> bool:
    """Remove a loaded document and everything only it said, in one transaction (False: not loaded).
    Citations of it in other documents become unresolved again; what other documents say stays."""

    def remove(tx: ManagedTransaction) -> bool:
        cleared = tx.run(query("write_clear_document"), document=document).single()
        if cleared is None:
            return False
        tx.run(query("write_remove_document"), document=document).consume()
        if cleared["shared_ids"]:
            tx.run(query("write_drop_orphans"), ids=cleared["shared_ids"]).consume()
            tx.run(query("write_finish"), ids=cleared["shared_ids"]).consume()  # what the others say
        tx.run(query("write_generation"), id=GRAPH_STATE).consume()  # cached answers are stale now
        return True

    with driver.session(database=database) as session:
        return session.execute_write(remove)
