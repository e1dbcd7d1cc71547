"""Typed records: what a parser produces and the writer consumes. Pure data, no Neo4j.

Every record carries its provenance (``line_start``/``line_end`` in the source document); the
writer adds the document id. Relationships are ``Edge`` records whose type and endpoint labels
are checked against ``EDGE_TYPES``, so a parser cannot invent a relationship the model lacks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

Scalar = str | int | float | bool | dt.date | None
PropValue = Scalar | list[str] | list[int]

Label = Literal["Document", "Organization", "Unit", "Provision", "Power", "LegalInstrument", "Amendment", "ChangeEvent"]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def but(self, **changes: Any) -> Self:
        """This record with ``changes``, not validated again: ``model_copy(update=...)`` without pydantic's
        generic copying (three dict and set copies a record), which the validity pass paid for every
        provision, power, unit and edge of a document. Records have no extras nor private attributes."""
        return self._unvalidated({**self.__dict__, **changes}, self.__pydantic_fields_set__ | changes.keys())

    @classmethod
    def _unvalidated(cls, values: dict[str, Any], fields_set: set[str]) -> Self:
        """The record of ``values`` (every field, in the model's order), made as pydantic makes one but
        without validating: for callers that checked what validation would refuse."""
        record = object.__new__(cls)
        _set_dict(record, values)
        _set_fields_set(record, fields_set)
        _set_extra(record, None)
        _set_private(record, None)
        return record


# The four slots every pydantic model has, set through their descriptors: ``object.__setattr__(record,
# name, value)`` looks each descriptor up by name along the record's classes first (0.6 µs of a record's
# 3.5 µs ``but``, for the thousands of edges, powers and dated copies a document makes).
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class Span(Record):
    line_start: int = Field(ge=1)
    line_end: int = Field(ge=1)
    # The printed pages those lines are on, when the source is a PDF (set by ``loaders.pages_of``).
    page_start: int | None = Field(default=None, ge=1)
    page_end: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.line_end < self.line_start:
            raise ValueError(f"line_end {self.line_end} < line_start {self.line_start}")
        return self


class DocumentRecord(Record):
    """A loaded document: what it is, where its text came from. The API's ``Document`` (app/models.py)
    is this record and what the load adds, so a field added here is answered by GET /documents too."""

    id: str
    title: str
    genre: Literal["statute", "manual", "law"]
    organization: str
    issuer: str | None = None
    published: dt.date | None = None
    last_modified: dt.date | None = None
    in_force: dt.date | None = None
    clave: str | None = None
    source_file: str
    sha256: str
    line_count: int
    source_format: Literal["text", "pdf"] = "text"
    pages: int | None = Field(default=None, description="a PDF's page count")
    # Set by loaders.validity: the day it became law, and the earliest day it speaks for (an earlier
    # dated event it tells, such as a rename); a question about an earlier day has no answer in it.
    valid_from: dt.date | None = None
    history_from: dt.date | None = None


class Dated(Record):
    """A fact's window of validity, [valid_from, valid_to); None is unbounded (set by loaders.validity)."""

    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


# What an organization's kind was read from, weakest first: where documents disagree the graph keeps the
# kind read from the strongest ("says_so": the text says what its body is; cypher/write_finish.cypher).
KIND_BASES = ("municipal_text", "name", "governing_body_and_patrimony", "says_so")


class OrganizationRecord(Span):
    id: str
    name: str
    acronym: str | None = None
    external: bool = False
    kind: str | None = None  # secretaria, organo_desconcentrado, organismo_descentralizado, …
    kind_basis: str | None = None  # what the kind was read from: one of KIND_BASES
    parent: str | None = None  # the organization id of the body above it, when the text says so
    aliases: list[str] = []  # the short names the text calls it by ("Contraloría Municipal", "la Secretaría")


class UnitRecord(Span, Dated):
    id: str
    name: str
    kind: str
    organization: str
    aliases: list[str] = []
    described: bool = False  # the document gives it powers or functions
    listed: bool = False  # a structure list, table or post description lists it (not only mentioned)


ProvisionKind = Literal[
    "titulo",
    "capitulo",
    "seccion",
    "articulo",
    "parrafo",
    "fraccion",
    "inciso",
    "numeral",
    "transitorios",
    "transitorio",
    "decreto",
    "seccion_manual",
    "politica",
    "funcion",
    "marco_juridico",
    "referencia",
    "atribucion",
    "apartado",
]


class ProvisionRecord(Span, Dated):
    id: str
    kind: ProvisionKind
    number: str | None = None
    heading: str | None = None
    text: str = ""
    status: Literal["in_force", "derogated"] = "in_force"
    parent: str | None = None  # a provision id; None means the document itself
    order: int = 0
    zone: Literal["body", "transitory", "decree", "front"] = "body"
    text_from: dt.date | None = None  # modified then: the printed text holds only since this day


class Condition(Record):
    kind: str  # validación, autorización, opinión, aprobación, propuesta, intervención …
    unit: str | None = None  # resolved unit id
    text: str


PowerKind = Literal["facultad", "funcion", "atribucion", "delegada"]
POWER_KINDS = frozenset(get_args(PowerKind))


class PowerRecord(Span, Dated):
    id: str
    provision: str
    text: str
    actions: list[str] = []
    objects: list[str] = []
    action_stems: list[str] = []
    scope_stems: list[str] = []
    conditions: list[Condition] = []
    kind: PowerKind = "facultad"
    text_from: dt.date | None = None

    @classmethod
    def built(
        cls,
        *,
        id: str,
        provision: str,
        text: str,
        actions: list[str],
        objects: list[str],
        action_stems: list[str],
        scope_stems: list[str],
        conditions: list[Condition],
        kind: str,
        line_start: int,
        line_end: int,
    ) -> PowerRecord:
        """The power ``PowerRecord(...)`` validates into, for the assembly, whose arguments are typed
        (the lists are the record's from now on): what validation would refuse of them (a kind the
        model lacks, lines before 1 or out of order) is refused here, and pydantic's check of every
        field and its copies of the five lists are skipped — 7.6 µs a power → 2.5 µs."""
        if kind not in POWER_KINDS:
            raise ValueError(f"unknown power kind {kind!r}")
        if not 1 <= line_start <= line_end:
            raise ValueError(f"lines {line_start}-{line_end} of power {id} are out of order")
        values = {
            "valid_from": None,
            "valid_to": None,
            "line_start": line_start,
            "line_end": line_end,
            "page_start": None,
            "page_end": None,
            "id": id,
            "provision": provision,
            "text": text,
            "actions": actions,
            "objects": objects,
            "action_stems": action_stems,
            "scope_stems": scope_stems,
            "conditions": conditions,
            "kind": kind,
            "text_from": None,
        }
        return cls._unvalidated(values, set(_BUILT_POWER_FIELDS))


# The fields ``PowerRecord.built`` sets, as validating ``PowerRecord(...)`` with them marks them set.
_BUILT_POWER_FIELDS = (
    "id",
    "provision",
    "text",
    "actions",
    "objects",
    "action_stems",
    "scope_stems",
    "conditions",
    "kind",
    "line_start",
    "line_end",
)


class InstrumentRecord(Span):
    id: str
    title: str
    type: str
    identifier: str | None = None
    published: dt.date | None = None
    issuer: str | None = None
    aliases: list[str] = []


class AmendmentRecord(Span):
    id: str
    authority: str  # "DOF", "JG" …
    authority_name: str | None = None
    date: dt.date


class ChangeEventRecord(Span):
    id: str
    kind: Literal["renamed", "moved", "created", "restructured", "abolished"]
    date: dt.date | None = None
    date_precision: Literal["day", "month", "year"] | None = None
    effective: dt.date | None = None
    from_name: str | None = None
    to_name: str | None = None
    description: str


# type → (allowed source labels, allowed target labels)
EDGE_TYPES: dict[str, tuple[set[str], set[str]]] = {
    "PART_OF": ({"Unit"}, {"Unit", "Organization"}),
    "REPORTS_TO": ({"Unit"}, {"Unit", "Organization"}),
    "HAS_POWER": ({"Unit", "Organization"}, {"Power"}),
    "DEFINED_IN": ({"Power"}, {"Provision"}),
    "DELEGATES": ({"Unit", "Organization"}, {"Unit"}),
    "RETAINS": ({"Unit"}, {"Power"}),
    "REQUIRES": ({"Power"}, {"Unit", "Organization"}),
    "IN_COORDINATION_WITH": ({"Power"}, {"Unit", "Organization"}),
    "DESIGNATES": ({"Unit", "Organization"}, {"Unit"}),
    "APPOINTS": ({"Unit", "Organization"}, {"Unit"}),
    "REMOVES": ({"Unit", "Organization"}, {"Unit"}),
    "PRESIDES": ({"Unit", "Organization"}, {"Unit"}),
    "MEMBER_OF": ({"Unit", "Organization"}, {"Unit"}),
    "SUBSTITUTES": ({"Unit"}, {"Unit"}),
    "CITES": ({"Provision", "Document", "Power"}, {"LegalInstrument"}),
    "AMENDED_BY": ({"Provision"}, {"Amendment"}),
    "CONTAINS": ({"Document", "Provision"}, {"Provision"}),
    "HAS_POLICY": ({"Unit"}, {"Provision"}),
    "CHANGED": ({"ChangeEvent"}, {"Unit", "Organization"}),
    "BASED_ON": ({"ChangeEvent", "Power"}, {"LegalInstrument"}),
    "ISSUED_BY": ({"Document", "LegalInstrument"}, {"Unit", "Organization"}),
    "SUB_ORGANIZATION_OF": ({"Organization"}, {"Organization"}),
}


class Edge(Span):
    type: str
    source: str
    source_label: Label
    target: str
    target_label: Label
    props: dict[str, PropValue] = {}

    @model_validator(mode="after")
    def _allowed(self) -> Edge:
        _check_relationship(self.type, self.source_label, self.target_label)
        return self

    @classmethod
    def built(
        cls,
        rel_type: str,
        source: str,
        source_label: Label,
        target: str,
        target_label: Label,
        line_start: int,
        line_end: int,
        props: dict[str, PropValue],
    ) -> Edge:
        """The edge ``Edge(...)`` validates into, for the assembly, whose arguments are typed and whose
        ``props`` dict is its own: what validation would refuse of them (a relationship the model lacks,
        lines out of order) is refused here, in Python, and pydantic's check of each field's type and
        its copy of ``props`` are skipped — 6 µs an edge → 2.5 µs, for thousands of edges a document."""
        if (rel_type, source_label, target_label) not in _RELATIONSHIPS:
            _check_relationship(rel_type, source_label, target_label)  # raises, saying what is wrong
        if not 1 <= line_start <= line_end:
            raise ValueError(f"lines {line_start}-{line_end} of a {rel_type} edge are out of order")
        values = {
            "line_start": line_start,
            "line_end": line_end,
            "page_start": None,
            "page_end": None,
            "type": rel_type,
            "source": source,
            "source_label": source_label,
            "target": target,
            "target_label": target_label,
            "props": props,
        }
        return cls._unvalidated(values, _BUILT_FIELD_SET.copy())

    @property
    def key(self) -> str:
        """What makes two edges of the same type between the same nodes different facts."""
        return edge_key(self.type, self.props)


# The fields ``Edge.built`` sets, as validating ``Edge(...)`` with them marks them set.
_BUILT_FIELDS = ("line_start", "line_end", "type", "source", "source_label", "target", "target_label", "props")
_BUILT_FIELD_SET = set(_BUILT_FIELDS)  # copied for each edge: a record's fields set is its own
# Every (type, source label, target label) ``EDGE_TYPES`` allows: one lookup an edge.
_RELATIONSHIPS = frozenset(
    (rel_type, source, target)
    for rel_type, (sources, targets) in EDGE_TYPES.items()
    for source in sources
    for target in targets
)


def _check_relationship(rel_type: str, source_label: str, target_label: str) -> None:
    """An edge's type and endpoint labels must be a relationship of ``EDGE_TYPES``."""
    if rel_type not in EDGE_TYPES:
        raise ValueError(f"unknown relationship type {rel_type!r}")
    sources, targets = EDGE_TYPES[rel_type]
    if source_label not in sources or target_label not in targets:
        raise ValueError(f"{rel_type} cannot go from {source_label} to {target_label}")


def edge_key(rel_type: str, props: dict[str, PropValue]) -> str:
    """An edge's ``key`` from its type and properties, before it is built: the assembly drops a repeated
    fact (the same unit named twice in one article) without validating a record only to discard it."""
    wanted = KEY_PROPS.get(rel_type)
    if not wanted or not props:  # most edges (CONTAINS, PART_OF, DEFINED_IN) have no key
        return ""
    return "|".join(f"{k}={v}" for k, v in sorted(props.items()) if k in wanted)


# Properties that distinguish parallel edges of a type (a unit may hold a power both as its own
# and by delegation; a provision may cite two articles of one law). Other types: one edge per pair.
KEY_PROPS: dict[str, tuple[str, ...]] = {
    "HAS_POWER": ("basis",),
    "REPORTS_TO": ("kind",),
    "AMENDED_BY": ("kind", "scope"),
    "REQUIRES": ("kind",),
    "IN_COORDINATION_WITH": ("kind",),
    "CITES": ("article", "fraction"),
    "MEMBER_OF": ("role",),
    "DELEGATES": ("scope", "instrument", "provision"),
    "SUBSTITUTES": ("provision",),
}


NoteKind = Literal[
    "title",  # no title line, a decree wrapper, the organization read from the text
    "page-noise",  # running headers, footers and page numbers dropped
    "numbering",  # a numeral out of sequence, a list item without its numeral, a duplicate id
    "structure",  # a list that could not be placed, a truncated list, text outside any article
    "unit",  # a unit named in a way orggraph could not place
    "power",  # a power list attached to no unit
    "truncated",  # the text seems to end early
    "repeated",  # the text starts over after its transitorios: the same document pasted twice, read once
    "ocr",  # a scanned PDF page read by OCR: its text may hold misreadings
    "other",
]


class Note(Record):
    """An oddity met while reading a real document: it is reported, and the rest still loads."""

    line: int
    kind: NoteKind = "other"
    message: str
    page: int | None = None  # a PDF's page


class ParsedDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document: DocumentRecord
    organizations: list[OrganizationRecord] = []
    units: list[UnitRecord] = []
    provisions: list[ProvisionRecord] = []
    powers: list[PowerRecord] = []
    instruments: list[InstrumentRecord] = []
    amendments: list[AmendmentRecord] = []
    changes: list[ChangeEventRecord] = []
    edges: list[Edge] = []
    notes: list[Note] = []
    page_noise: dict[str, int] = {}  # page-number / running-header lines dropped, by kind

    def counts(self) -> dict[str, int]:
        return {
            "organizations": len(self.organizations),
            "units": len(self.units),
            "provisions": len(self.provisions),
            "powers": len(self.powers),
            "instruments": len(self.instruments),
            "amendments": len(self.amendments),
            "changes": len(self.changes),
            "edges": len(self.edges),
        }

    def edges_of(self, kind: str) -> list[Edge]:
        return [e for e in self.edges if e.type == kind]
