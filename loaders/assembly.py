"""What both genre parsers share after reading the text: collecting records and edges into one
``ParsedDocument``, and turning power texts into power records with their semantic edges."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders import ids
from loaders.instruments import InstrumentRegistry
from loaders.mentions import UnitRegistry
from loaders.records import (
    AmendmentRecord,
    ChangeEventRecord,
    Condition,
    DocumentRecord,
    Edge,
    Label,
    Note,
    NoteKind,
    ParsedDocument,
    PowerRecord,
    PropValue,
    ProvisionKind,
    ProvisionRecord,
    edge_key,
)
from loaders.semantics import Party, analyze


@dataclass
class Assembly:
    """Records of one document under construction. Edges are de-duplicated on (type, ends, key)."""

    organization: str
    document: str = ""  # the document id: top-level provisions hang from it
    units: UnitRegistry = field(init=False)
    instruments: InstrumentRegistry = field(default_factory=InstrumentRegistry)
    provisions: dict[str, ProvisionRecord] = field(default_factory=dict)
    powers: dict[str, PowerRecord] = field(default_factory=dict)
    amendments: dict[str, AmendmentRecord] = field(default_factory=dict)
    changes: list[ChangeEventRecord] = field(default_factory=list)
    edges: dict[tuple[str, str, str, str], Edge] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    # (type, source) → the keys of its edges: a unit's parent is replaced without scanning every edge.
    _from: dict[tuple[str, str], set[tuple[str, str, str, str]]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.units = UnitRegistry(self.organization)

    def edges_from(self, rel_type: str, source: str) -> list[tuple[str, str, str, str]]:
        return list(self._from.get((rel_type, source), ()))

    def remove_edge(self, key: tuple[str, str, str, str]) -> None:
        del self.edges[key]
        self._from[(key[0], key[1])].discard(key)

    def note(self, line: int, kind: NoteKind, message: str) -> None:
        self.notes.append(Note(line=max(line, 1), kind=kind, message=message))

    def provision(
        self,
        kind: ProvisionKind,
        parent: str | None,
        part: str,
        line_start: int,
        line_end: int | None = None,
        *,
        order: int = 0,
        id_base: str | None = None,
        **fields: object,
    ) -> str:
        """The one place a provision is made: its id (``parent`` + ``part``, made unique), its record
        and the CONTAINS edge from its parent (the document when ``parent`` is None). Returns the id
        it got, which callers must use: a duplicate ("art-5" twice) becomes "art-5-2". ``id_base``
        roots the id elsewhere than the parent: articles are "<document>/art-5" inside any chapter."""
        wanted = ids.child(id_base or parent or self.document, part)
        provision_id, suffix = wanted, 2
        while provision_id in self.provisions:
            provision_id = ids.duplicate(wanted, suffix)
            suffix += 1
        if provision_id != wanted:
            self.note(line_start, "numbering", f"provision {wanted} appears twice; the second is {provision_id}")
        end = max(line_end or line_start, line_start)
        self.provisions[provision_id] = ProvisionRecord(
            id=provision_id,
            kind=kind,
            parent=parent,
            order=order,
            line_start=line_start,
            line_end=end,
            **fields,  # type: ignore[arg-type]
        )
        self.edge(
            "CONTAINS",
            parent or self.document,
            "Provision" if parent else "Document",
            provision_id,
            "Provision",
            line_start,
            end,
            order=order,
        )
        return provision_id

    def edge(
        self,
        rel_type: str,
        source: str,
        source_label: Label,
        target: str,
        target_label: Label,
        line_start: int,
        line_end: int | None = None,
        /,
        **props: PropValue,
    ) -> None:
        if source == target and rel_type not in ("CITES",):
            return
        present = {k: v for k, v in props.items() if v is not None} if props else props  # most edges have none
        key = (rel_type, source, target, edge_key(rel_type, present))
        if key in self.edges:  # the first statement of a fact stands
            return
        start = max(line_start, 1)
        self.edges[key] = Edge.built(
            rel_type, source, source_label, target, target_label, start, max(line_end or line_start, start), present
        )
        self._from.setdefault((rel_type, source), set()).add(key)

    def party_edge(
        self,
        rel_type: str,
        source: str,
        source_label: Label,
        party: Party,
        line: int,
        /,
        reverse: bool = False,
        **props: PropValue,
    ) -> bool:
        """An edge to (or, with ``reverse``, from) a resolved party; False when the party is only text."""
        if party.unit:
            target, label = party.unit, "Unit"
        elif party.organization:
            target, label = party.organization, "Organization"
        else:
            return False
        if reverse:
            self.edge(rel_type, target, label, source, source_label, line, **props)  # type: ignore[arg-type]
        else:
            self.edge(rel_type, source, source_label, target, label, line, **props)  # type: ignore[arg-type]
        return True

    def amendment(
        self,
        provision: str,
        authority: str,
        when,
        kind: str,
        scope: str | None,
        line: int,
        document: str,
        authority_name: str | None = None,
    ) -> None:
        amendment = ids.amendment_id(document, authority, when)
        if amendment not in self.amendments:
            self.amendments[amendment] = AmendmentRecord(
                id=amendment,
                authority=authority,
                date=when,
                authority_name=authority_name,
                line_start=line,
                line_end=line,
            )
        self.edge("AMENDED_BY", provision, "Provision", amendment, "Amendment", line, kind=kind, scope=scope)

    def power(
        self,
        provision: ProvisionRecord,
        text: str,
        holders: list[tuple[str, str]],
        *,
        kind: str = "facultad",
        class_kind: str | None = None,
        **edge_props: PropValue,
    ) -> PowerRecord:
        """A power defined by ``provision``, held by ``holders`` [(unit id, basis)], with its semantics."""
        meaning = analyze(text, self.units, provision.line_start)
        conditions = [Condition(kind=k, unit=p.unit or p.organization, text=p.text) for k, p in meaning.conditions]
        record = PowerRecord.built(
            id=ids.power_id(provision.id),
            provision=provision.id,
            text=text,
            actions=meaning.actions,
            objects=meaning.objects,
            action_stems=meaning.action_stems,
            scope_stems=meaning.scope_stems,
            conditions=conditions,
            kind=kind,
            line_start=provision.line_start,
            line_end=provision.line_end,
        )
        self.powers[record.id] = record
        span = (provision.line_start, provision.line_end)
        self.edge("DEFINED_IN", record.id, "Power", provision.id, "Provision", *span)
        for unit, basis in holders:
            label = "Unit" if unit in self.units else "Organization"
            self.edge(
                "HAS_POWER", unit, label, record.id, "Power", *span, basis=basis, class_kind=class_kind, **edge_props
            )
        for condition_kind, party in meaning.conditions:
            self.party_edge("REQUIRES", record.id, "Power", party, provision.line_start, kind=condition_kind)
        for cooperation_kind, party in meaning.cooperation:
            self.party_edge(
                "IN_COORDINATION_WITH", record.id, "Power", party, provision.line_start, kind=cooperation_kind
            )
        for party in meaning.retained_by:
            if party.unit:
                self.edge("RETAINS", party.unit, "Unit", record.id, "Power", *span)
        if meaning.retained_by_holder:
            for unit, _ in holders:
                if unit in self.units:
                    self.edge("RETAINS", unit, "Unit", record.id, "Power", *span)
        return record

    def attach_orphans(self, organization: str) -> None:
        """Units the text names but never places are at least part of the organization."""
        placed = {e.source for e in self.edges.values() if e.type == "PART_OF"}
        for unit in self.units.ids():  # not records(): building every unit's record only to read two fields
            if unit not in placed:
                line = self.units.records_line(unit)
                self.edge("PART_OF", unit, "Unit", organization, "Organization", line, basis="organization")

    def cite(self, source: str, source_label: Label, text: str, line: int) -> None:
        for citation in self.instruments.find_citations(text, line):
            self.edge(
                "CITES",
                source,
                source_label,
                citation.instrument,
                "LegalInstrument",
                line,
                article=citation.article,
                fraction=citation.fraction,
            )

    def build(self, document: DocumentRecord) -> ParsedDocument:
        return ParsedDocument(
            document=document,
            organizations=self.units.org_records(),
            units=self.units.records(),
            provisions=list(self.provisions.values()),
            powers=list(self.powers.values()),
            instruments=self.instruments.records(),
            amendments=list(self.amendments.values()),
            changes=self.changes,
            edges=list(self.edges.values()),
            notes=self.notes,
        )
