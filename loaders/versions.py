"""Versions: loading a later text of a loaded document keeps the earlier one (issue 16).

A document's id is its organization and kind, so a newer Estatuto Orgánico of the same body has the same id
and replaces the loaded facts. When the new text is a later one (its last reform, else its publication or
entry into force, is later than the loaded text's), the loaded text is kept first as a ``DocumentVersion``
node: its metadata and its timeline (what ``orggraph.diff`` compares), as JSON. The current text alone
answers the graph's questions; versions answer /documents/{id}/versions and /diff?version=.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from neo4j import ManagedTransaction

from loaders.records import DocumentRecord
from orggraph.cypher import query

DATE_KEYS = frozenset(
    {"valid_from", "valid_to", "text_from", "date", "published", "last_modified", "in_force", "history_from"}
)


def version_day(document: DocumentRecord | dict[str, Any]) -> dt.date | None:
    """The day a text of a document speaks for: its last reform, else its entry into force or publication."""
    get = document.get if isinstance(document, dict) else lambda k: getattr(document, k, None)
    return get("last_modified") or get("in_force") or get("published")


def native(value: Any) -> Any:
    """Neo4j values as Python ones (dates), through lists and maps."""
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [native(v) for v in value]
    return value.to_native() if hasattr(value, "to_native") else value


def dump(timeline: dict[str, Any]) -> str:
    return json.dumps(timeline, ensure_ascii=False, default=lambda d: d.isoformat())


def load(text: str) -> dict[str, Any]:
    """A kept timeline, its dates as dates again."""

    def dates(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {k: dates(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [dates(v) for v in value]
        if key in DATE_KEYS and isinstance(value, str):
            return dt.date.fromisoformat(value[:10])
        return value

    return dates(json.loads(text))


def keep_earlier_version(tx: ManagedTransaction, new: DocumentRecord) -> str | None:
    """Inside the load's transaction, before the loaded text is cleared: keep it as a version when the new
    text is a later one. Returns the version's id, or None when the load replaces it (same or older text)."""
    row = tx.run(query("version_current"), document=new.id).single()
    if row is None:
        return None
    old = native(row["document"])
    old_day, new_day = version_day(old), version_day(new)
    if old.get("sha256") == new.sha256 or old_day is None or new_day is None or new_day <= old_day:
        return None
    timeline = tx.run(query("document_timeline"), document=new.id).single()
    assert timeline is not None
    version_id = f"{new.id}@{old_day.isoformat()}"
    fields = ("title", "published", "last_modified", "in_force", "valid_from", "sha256", "loaded_at", "source_file")
    tx.run(
        query("write_version"),
        row={
            **{k: old.get(k) for k in fields if old.get(k) is not None},
            "id": version_id,
            "document": new.id,
            "version_day": old_day,
            "superseded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "timeline": dump(native(timeline.data())),
        },
    ).consume()
    return version_id
