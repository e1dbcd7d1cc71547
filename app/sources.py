"""Which text of which document an answer rests on (issue 16): the ``sources`` block of the read answers.

A document loaded again with a later text keeps the earlier one as a version (loaders.versions); every
answer is read from the current text, filtered to ``at`` when asked. So an answer says, for each document
behind it, which text that is (its last reform's or publication day and its checksum) and the day asked.

Cheap on purpose: the documents are those the answer already names (a ``document`` or ``documents`` key),
and their texts are read once per graph generation (one indexed lookup of the ids not yet known) and then
kept in memory, so a warm worker answers ``sources`` without a round trip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from app.db import Reader
from app.generation import Generation
from loaders.versions import version_day
from orggraph.errors import DatabaseUnavailable


def document_ids(value: Any, out: set[str] | None = None) -> set[str]:
    """The ids under ``document`` (an id or a {id} map) and ``documents`` keys, anywhere in an answer."""
    out = set() if out is None else out
    if isinstance(value, dict):
        for key, v in value.items():
            if key == "document":
                _add(v, out)
            elif key == "documents" and isinstance(v, list):
                for item in v:
                    _add(item, out)
            elif isinstance(v, (dict, list)):
                document_ids(v, out)
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, (dict, list)):
                document_ids(v, out)
    return out


def _add(value: Any, out: set[str]) -> None:
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        ident = value.get("id") or value.get("document")
        if isinstance(ident, str):
            out.add(ident)


class Sources:
    """The texts of the loaded documents, as answers cite them, kept per graph generation (one a worker)."""

    def __init__(self, generation: Generation) -> None:
        self.generation = generation
        self.token: str | None = None
        self.known: dict[str, dict[str, Any] | None] = {}  # None: not a loaded document

    async def block(
        self, reader: Reader, at: dt.date | None, answer: Any = None, ids: Iterable[str] = ()
    ) -> dict[str, Any]:
        """``{"at", "documents"}`` for an answer (the documents it names) and/or explicit document ids."""
        wanted = sorted(document_ids(answer, set(ids)) if answer is not None else set(ids))
        texts = await self._texts(reader, wanted)
        return {"at": at, "documents": [texts[i] for i in wanted if texts.get(i)]}

    async def _texts(self, reader: Reader, ids: list[str]) -> dict[str, dict[str, Any] | None]:
        try:
            token = await self.generation.current() if self.generation.reader else None
            fresh = self.generation.reader is not None
        except DatabaseUnavailable:  # no promise about freshness: ask, keep nothing
            token, fresh = None, False
        if not fresh or token != self.token:
            self.known = {}
            self.token = token
        known = self.known if fresh else {}
        missing = [i for i in ids if i not in known]
        if missing:
            found = {row["id"]: text_of(row) for row in await reader.rows("answer_sources", ids=missing)}
            for ident in missing:
                known[ident] = found.get(ident)
        return {i: known[i] for i in ids}


def text_of(row: dict[str, Any]) -> dict[str, Any]:
    """A document's current text as an answer cites it."""
    return {
        "id": row["id"],
        "title": row["title"],
        "version_day": version_day(row),
        "published": row["published"],
        "last_modified": row["last_modified"],
        "sha256": row["sha256"],
        "loaded_at": row["loaded_at"],
        "earlier_versions": row["earlier_versions"],
    }


async def cite(
    sources: Sources | None, reader: Reader, at: dt.date | None, answer: Any = None, ids: Iterable[str] = ()
) -> dict[str, Any] | None:
    """The ``sources`` block of a route's answer; None when the route is called as a function (by GET /ask)."""
    return None if sources is None else await sources.block(reader, at, answer, ids)
