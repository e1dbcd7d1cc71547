"""Response models: the API's contract. English field names, Spanish data, every list paginated."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from loaders.records import DocumentRecord

T = TypeVar("T")
# The writer stores no empty lists, so an absent list property arrives as null: read it as [].
Strs = Annotated[list[str], BeforeValidator(lambda v: v or [])]


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Page(Model, Generic[T]):
    total: int = Field(description="How many items match, across all pages")
    limit: int
    offset: int
    items: list[T]


class Ref(Model):
    """A unit or organization referred to from elsewhere."""

    id: str
    name: str | None = None
    kind: str | None = None
    label: str | None = Field(None, description="Unit or Organization")
    organization: str | None = Field(None, description="For a unit: the id of its organization, when known")


class QuestionKind(Model):
    kind: str
    examples: Strs


class ErrorDetail(Model):
    code: str = Field(
        description="bad_request, not_found, unauthorized, query_refused, query_timeout, method_not_allowed, "
        "database_unavailable, unreadable_question, internal_error"
    )
    message: str = Field(description="What went wrong and what to do about it, for a person")
    kinds: list[QuestionKind] | None = Field(
        None, description="For unreadable_question (GET /ask): the kinds of question orggraph reads, with examples"
    )


class ErrorBody(Model):
    """Every error the API answers: ``{"error": {"code", "message"}}``, never a stack trace."""

    error: ErrorDetail


class Lines(Model):
    document: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    page_start: int | None = Field(None, description="The printed page, when the source is a PDF")
    page_end: int | None = None


class SourceText(Model):
    """The text of a document an answer rests on: the current one (earlier texts are kept as versions)."""

    id: str = Field(description="The document's id")
    title: str | None = None
    version_day: dt.date | None = Field(
        None, description="The day this text speaks for: its last reform, else its entry into force or publication"
    )
    published: dt.date | None = None
    last_modified: dt.date | None = None
    sha256: str | None = Field(None, description="The checksum of the file this text was read from")
    loaded_at: str | None = None
    earlier_versions: int = Field(
        0, description="Earlier texts kept (GET /documents/{id}/versions); answers never rest on them"
    )


class Sources(Model):
    """What an answer rests on: each document's text, and the day asked."""

    at: dt.date | None = Field(
        None, description="The day the answer is for (the at asked); null: today, the law as it stands"
    )
    documents: list[SourceText] = Field(description="The documents the answer's facts come from, by id")


AnswerSources = Annotated[
    Sources | None, Field(description="The documents (and which text of each) this answer rests on, and the day")
]


# ----------------------------------------------------------------------------- documents
class LabelCount(Model):
    label: str
    count: int


class Reading(Model):
    """How well the document was read (the reading report's figures; ``orggraph check`` shows them)."""

    units: int = Field(description="units the document names")
    units_listed: int = Field(description="units a structure list, table or post description lists")
    units_mentioned: int = Field(description="units only named in passing (a holder, a sentence)")
    units_with_powers: int
    powers: int
    power_lists: int
    unattached_power_lists: int = Field(description="lists of powers whose holder could not be read")
    page_noise_lines: int = Field(description="running headers, footers and page numbers dropped")
    notes: int = Field(description="oddities noted while reading (orggraph check lists them)")
    pages_without_text: int = Field(0, description="a PDF's image-only pages (OCR them)")
    pages_by_ocr: int = Field(0, description="a PDF's scanned pages read by OCR (Tesseract)")


class Document(Model, DocumentRecord):
    """A loaded document: the loader's record (loaders.records.DocumentRecord, the one list of its fields),
    and what the load adds (when, the graph's counts, how well it was read)."""

    model_config = ConfigDict(extra="ignore", frozen=False)  # an answer's model, not the loader's record

    loaded_at: str | None = None
    counts: list[LabelCount] = []
    reading: Reading | None = None


class DocumentLoaded(Model):
    """What POST /documents did: the document written, how well it was read, what it holds."""

    document: Document
    reading_notes: list[str] = Field([], description="The reading report's notes, 'line: kind: message'")


# ----------------------------------------------------------------------------- units
class UnitSummary(Model):
    id: str
    name: str
    kind: str
    organization: str
    aliases: Strs = []
    described: bool | None = None
    documents: Strs = []


class Parent(Ref, Lines):
    basis: str | None = Field(None, description="How the text states the line: structure, text, governing_bodies …")


class ReportingLine(Ref, Lines):
    line: str = Field(description="normative, functional, operational")


class PowerCount(Model):
    basis: str
    count: int


class Governance(Model):
    relation: str = Field(description="DESIGNATES, APPOINTS, REMOVES, PRESIDES, MEMBER_OF, SUBSTITUTES, DELEGATES")
    direction: Literal["in", "out"]
    other: Ref
    role: str | None = None
    scope: str | None = None
    provision: str | None = None
    document: str | None = None
    line_start: int | None = None


class Provenance(Model):
    document: str
    title: str | None = None
    line_start: int
    line_end: int
    page_start: int | None = Field(None, description="The printed page, when the source is a PDF")
    page_end: int | None = None
    described: bool | None = None
    valid_from: dt.date | None = Field(
        None, description="The unit is law by this document from this day (None: before all it tells)"
    )
    valid_to: dt.date | None = Field(None, description="… and until this day (None: still)")


class Statement(Model):
    """What one document says about a fact two documents disagree on."""

    value: Ref
    document: str | None = None
    line_start: int | None = None
    line_end: int | None = None


class Conflict(Model):
    about: Literal["parent"] = Field(description="The fact the documents disagree on: the unit's parent")
    statements: list[Statement] = Field(description="Each document's statement, with its source lines")


class SameBody(Model):
    """An organization that other documents are about, and that is this unit."""

    id: str
    name: str | None = None
    documents: list[DocumentRef] = Field(description="The documents about it (its own reglamento, manuals)")


class UnitDetail(Model):
    unit: UnitSummary
    parents: list[Parent]
    reports_to: list[ReportingLine]
    children: list[Ref]
    power_counts: list[PowerCount]
    retained: int = Field(description="Powers delegated to others that this unit keeps exercising")
    governance: list[Governance]
    provenance: list[Provenance]
    same_as: list[SameBody] = Field(
        [],
        description="The body this unit is, as other documents organize it (a dependencia's own reglamento): "
        "its internal units are under that organization",
    )
    conflicts: list[Conflict] = Field(
        [], description="Facts the documents that speak of the unit state differently; every statement is kept"
    )
    sources: AnswerSources = None


class ChainStep(Lines):
    depth: int
    node: Ref
    line: str = "hierarchical"
    basis: str | None = None


class OtherLine(Lines):
    from_: Ref = Field(alias="from")
    to: Ref
    line: str

    model_config = ConfigDict(populate_by_name=True)


class Superiors(Model):
    unit: Ref
    chain: list[ChainStep] = Field(description="Nearest first, up to the top (the organization)")
    other_lines: list[OtherLine] = Field(description="Normative and other lines of the unit and its superiors")
    sources: AnswerSources = None


class Subordinate(Model):
    id: str
    name: str
    kind: str
    depth: int
    parent: str | None = None


class Subordinates(Page[Subordinate]):
    unit: Ref
    sources: AnswerSources = None


class ProvisionStep(Model):
    """A provision that encloses another: the article of a fraction, the section of a manual's function."""

    id: str
    kind: str
    number: str | None = None


class ProvisionAmendment(Model):
    kind: str = Field(description="added, modified, derogated, relocated, clarified")
    scope: str | None = None
    authority: str = Field(description="DOF, JG …")
    authority_name: str | None = None
    date: dt.date
    provision: str = Field(description="The amended provision: this one, or one that encloses it")


class ProvisionRef(Model):
    id: str
    kind: str
    number: str | None = None
    heading: str | None = None
    text: str | None = None
    status: str | None = Field(None, description="in_force or derogated")
    line_start: int
    line_end: int
    page_start: int | None = Field(None, description="The printed page, when the source is a PDF")
    page_end: int | None = None
    within: list[ProvisionStep] = Field([], description="The provisions that enclose it, outermost first")
    amendments: list[ProvisionAmendment] = Field([], description="Its amendments and those of its enclosing ones")


class DocumentRef(Model):
    id: str
    title: str | None = None
    source_file: str | None = None
    genre: str | None = None


class PowerSummary(Model):
    id: str
    text: str
    actions: Strs = []
    objects: Strs = []
    conditions: Strs = []
    kind: str | None = None
    valid_from: dt.date | None = Field(
        None, description="In force from this day (its provision's, by the amendment notes)"
    )
    valid_to: dt.date | None = Field(None, description="In force until this day, when derogated")
    text_from: dt.date | None = Field(
        None, description="Modified on this day: the text given holds since then (the document prints no earlier text)"
    )


class HeldPower(Model):
    power: PowerSummary
    basis: str = Field(description="own, class (given to every unit of a kind), delegated, retained")
    class_kind: str | None = None
    via: str | None = Field(None, description="The instrument that delegates it, for delegated powers")
    provision: ProvisionRef
    document: DocumentRef


class UnitPowers(Page[HeldPower]):
    unit: Ref
    sources: AnswerSources = None


class HistoryEvent(Model):
    id: str
    kind: str
    role: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    effective: dt.date | None = None
    from_name: str | None = None
    to_name: str | None = None
    description: str
    document: str
    line_start: int
    line_end: int
    instrument: dict[str, Any] | None = None
    others: list[dict[str, Any]] = []


class AmendedProvision(Model):
    id: str
    kind: str
    number: str | None = None
    heading: str | None = None
    status: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    within: list[ProvisionStep] = []


class UnitAmendment(Model):
    date: dt.date
    authority: str
    authority_name: str | None = None
    kind: str = Field(description="added, modified, derogated, relocated, clarified")
    scope: str | None = None
    document: str
    line: int | None = None
    via: str = Field(description="Why it concerns the unit: power (a provision its powers rest on)")
    provision: AmendedProvision


class UnitHistory(Model):
    unit: Ref
    former_names: Strs
    events: list[HistoryEvent]
    amendments: list[UnitAmendment] = Field(
        [], description="Amendments of the provisions the unit's powers rest on (or of their articles), oldest first"
    )
    sources: AnswerSources = None


class UnitInstrument(Model):
    id: str
    title: str
    type: str | None = None
    identifier: str | None = None
    powers: int = Field(description="How many of the unit's powers rest on it")


class UnitInstruments(Model):
    unit: Ref
    instruments: list[UnitInstrument]
    sources: AnswerSources = None


# ----------------------------------------------------------------------------- who may
class Party(Model):
    kind: str
    party: Ref


class InstrumentCitation(Model):
    id: str
    title: str
    type: str | None = None
    identifier: str | None = None
    article: str | None = None
    fraction: str | None = None


class DelegatingInstrument(Model):
    id: str
    title: str
    type: str | None = None
    identifier: str | None = None
    delegated_by: list[Ref] = []


class LegalBasis(Model):
    provision: ProvisionRef
    document: DocumentRef
    instruments: list[InstrumentCitation] = Field(description="What the provision cites")
    delegated_by: list[DelegatingInstrument] = Field(description="The instrument that delegates the power, if any")


class EquivalenceRef(Model):
    id: str = Field(description="The row of questions/equivalences.toml")
    note: str


class ActMatch(Model):
    action: str = Field(description="The power's verb (infinitive)")
    object: str = Field(description="What that act of the power acts on")
    asked: str = Field(description="The action asked for")
    how: str = Field(description="exact (the verb asked for) or equivalence (a row of the table)")
    equivalence: EquivalenceRef | None = None
    object_matched: bool = Field(description="Whether this act's own object holds every object word asked for")


class HolderPower(Model):
    basis: str
    class_kind: str | None = None
    power: PowerSummary
    match: list[ActMatch] = Field([], description="How the power's acts answer the question, best first")
    conditions: list[Party]
    cooperation: list[Party]
    retained_by: list[Ref]
    legal_basis: LegalBasis


class Holder(Model):
    unit: Ref
    bases: list[str] = Field(description="How the unit holds it: own, class, delegated, retained")
    powers: list[HolderPower]


class WhoMayQuestion(Model):
    text: str
    actions: list[str]
    objects: list[str]


class Delegation(Model):
    unit: Ref
    scope: str | None = Field(None, description="all (its powers in general) or power (one named power)")
    retains: bool = Field(False, description="Keeps exercising what it delegates")
    exceptions: str | None = None
    count: int = Field(description="How many units it may delegate to")
    delegates: list[Ref] = Field(description="Up to ten of them")
    provision: dict[str, Any] | None = None
    instrument: dict[str, Any] | None = None
    document: str | None = None


class WhoMay(Page[Holder]):
    question: WhoMayQuestion
    powers: int = Field(description="How many powers match")
    truncated: bool = Field(
        description="True when the powers reached the most one question returns (who_may.cypher's LIMIT): more "
        "powers match; ask a narrower question (an object, an organization, a document)"
    )
    delegations: list[Delegation] = Field([], description="When the action is delegar: who may delegate, to whom")
    sources: AnswerSources = None


# ----------------------------------------------------------------------------- search
class SearchHit(Model):
    type: str = Field(description="unit, power, legal_instrument, provision")
    id: str
    title: str | None = None
    snippet: str = Field(description="The text around the match, matching words in <mark>")
    score: float
    document: str | None = None
    holders: Strs = []
    provision: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    kind: str | None = Field(None, description="For a unit: its kind")
    organization: str | None = Field(None, description="For a unit: its organization")
    aliases: Strs = Field([], description="For a unit: its former names and other spellings")


class Search(Page[SearchHit]):
    query: str
    mode: Literal["all", "any"] = Field(description="all words matched, or (when none did) any word")
    sources: AnswerSources = None


# ----------------------------------------------------------------------------- instruments, provisions, amendments
class InstrumentSummary(Model):
    id: str
    title: str
    type: str
    identifier: str | None = None
    published: dt.date | None = None
    aliases: Strs = []
    cited_by_documents: int = 0
    cited_by_provisions: int = 0


class CitingProvision(Model):
    provision: dict[str, Any]
    article: str | None = None
    fraction: str | None = None


class CitingUnit(Model):
    unit: Ref
    powers: int


class InstrumentDetail(Model):
    instrument: InstrumentSummary
    documents: list[DocumentRef]
    provisions: list[CitingProvision]
    units: list[CitingUnit] = Field(description="Units whose powers rest on a provision citing it")
    changes: list[dict[str, Any]] = []


class AmendmentNote(Model):
    kind: str
    scope: str | None = None
    authority: str
    authority_name: str | None = None
    date: dt.date
    line: int | None = None


class ProvisionDetail(Model):
    provision: dict[str, Any]
    document: DocumentRef
    parent: dict[str, Any] | None = None
    children: list[dict[str, Any]]
    amendments: list[AmendmentNote]
    cites: list[InstrumentCitation]
    power: dict[str, Any] | None = None
    sources: AnswerSources = None


class Referring(Model):
    """A provision, power or document of another loaded document whose citation names this provision."""

    id: str
    label: str = Field(description="Provision, Power or Document")
    kind: str | None = None
    number: str | None = None
    text: str | None = None
    line_start: int | None = None
    document: str = Field(description="The document it is in")
    names: str = Field(description="The provision it cites: this one or a part of it")


class DependentHolder(Model):
    id: str
    name: str
    basis: str | None = None


class DependentPower(Model):
    id: str
    text: str
    holders: list[DependentHolder]


def holders_of(powers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every unit holding one of the dependent powers, once, by name (Cypher's collect drops no-holder nulls)."""
    units = {h["id"]: h for p in powers for h in p["holders"]}
    return sorted(units.values(), key=lambda h: h["name"])


class Dependents(Model):
    """What rests on a provision: what would fall if it were reformed or derogated."""

    provision: dict[str, Any]
    document: DocumentRef
    referring: list[Referring] = Field(description="Citations of it or of its parts, up to three references away")
    powers: list[DependentPower] = Field(description="The powers the referring provisions define, with holders")
    units: list[DependentHolder] = Field(description="Every unit that holds one of those powers")


class InstrumentReferring(Model):
    """A provision, power or document that cites an instrument, or refers to what cites it."""

    id: str
    label: str = Field(description="Provision, Power or Document")
    kind: str | None = None
    number: str | None = None
    text: str | None = None
    line_start: int | None = None
    document: str = Field(description="The document it is in")
    depth: int = Field(
        description="1: it cites the instrument (or a part of its loaded text); 2: it refers to a provision that does"
    )
    article: str | None = Field(None, description="The article it cites, when depth is 1")
    fraction: str | None = None


class InstrumentDependents(Model):
    """What rests on a legal instrument: what would fall if it were reformed or repealed."""

    instrument: dict[str, Any]
    loaded_as: list[DocumentRef] = Field(description="The loaded documents that are this instrument's text")
    total: int = Field(description="How many elements refer to it in all (referring holds at most `limit`)")
    referring: list[InstrumentReferring]
    powers: list[DependentPower] = Field(description="The powers the referring provisions define, with holders")
    units: list[DependentHolder] = Field(description="Every unit that holds one of those powers")


class AmendmentItem(Model):
    date: dt.date
    authority: str
    authority_name: str | None = None
    kind: str
    scope: str | None = None
    document: str
    line: int | None = None
    provision: dict[str, Any]


INT64 = range(-(2**63), 2**63)


def _neo4j_values(value: Any) -> Any:
    """Neo4j integers are 64-bit: refuse a larger one here (400) rather than let the driver fail (500)."""
    if isinstance(value, int) and not isinstance(value, bool) and value not in INT64:
        raise ValueError(f"{value} is out of Neo4j's integer range (64 bits)")
    for item in value.values() if isinstance(value, dict) else value if isinstance(value, list) else []:
        _neo4j_values(item)
    return value


class CypherRequest(Model):
    query: str = Field(min_length=1, max_length=20000, description="Read-only Cypher that Neo4j parses")
    parameters: Annotated[dict[str, Any], AfterValidator(_neo4j_values)] = Field(
        {}, description="$parameters of the query; integers within 64 bits"
    )


class CypherResponse(Model):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="True when the row limit cut the result")
    row_limit: int


class Citation(Model):
    document: str | None = None
    document_title: str | None = None
    provision: str | None = None
    provision_label: str | None = Field(None, description="As lawyers cite it: art. 45, fracc. VIII")
    line_start: int | None = None
    line_end: int | None = None
    page_start: int | None = None
    page_end: int | None = None
    text: str = Field(description="The citation in one line, in Spanish")


class AnswerItem(Model):
    model_config = ConfigDict(extra="allow")

    text: str = Field(description="One Spanish sentence")
    citation: Citation
    unit: str | None = Field(None, description="The unit the sentence is about (the explorer highlights it)")


class Answer(Model):
    model_config = ConfigDict(extra="allow")

    question: str
    kind: str = Field(
        description="who_may, unit_powers, superiors, subordinates, basis, delegation, changes, citations"
    )
    slots: dict[str, Any] = Field(description="What the question names, as read: unit, action, topic, all …")
    endpoint: str = Field(description="The endpoint whose result this is")
    result: dict[str, Any] = Field(description="That endpoint's structured answer")
    items: list[AnswerItem] = Field(description="One sentence per item of the result, with its citation")
    sources: AnswerSources = None
