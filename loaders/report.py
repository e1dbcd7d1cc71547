"""The reading report: how well a document was read, in figures a person can check against the text.

Computed from a ``ParsedDocument`` alone (pure): what ``orggraph check`` prints, what ``orggraph
load`` summarizes, and what the Document node keeps so that ``GET /documents`` shows it.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from loaders.records import Note, ParsedDocument


class ReadingReport(BaseModel):
    file: str
    genre: str
    title: str
    organization: str  # id
    organization_name: str
    acronym: str | None = None
    organization_kind: str | None = None
    organization_kind_basis: str | None = None  # what the kind was read from (loaders.records.KIND_BASES)
    articles: int = 0  # statutes: articles of the body
    sections: int = 0  # manuals: top-level sections
    units: int = 0
    units_listed: int = 0  # by a structure list, table or post description
    units_mentioned: int = 0  # only named in passing (a power's holder, a sentence)
    units_with_powers: int = 0
    powers: int = 0
    power_lists: int = 0
    unattached_power_lists: int = 0  # lists of powers whose holder could not be read
    page_noise: dict[str, int] = {}
    notes_by_kind: dict[str, int] = {}
    notes: list[Note] = []
    source_format: str = "text"
    pages: int | None = None  # a PDF's pages
    pages_without_text: int = 0  # image-only pages (OCR them)
    pages_by_ocr: int = 0  # scanned pages read by OCR

    def figures(self) -> dict[str, int]:
        """The figures the Document node keeps (flat integers, so Neo4j can store them)."""
        return {
            "read_units": self.units,
            "read_units_listed": self.units_listed,
            "read_units_mentioned": self.units_mentioned,
            "read_units_with_powers": self.units_with_powers,
            "read_powers": self.powers,
            "read_power_lists": self.power_lists,
            "read_unattached_power_lists": self.unattached_power_lists,
            "read_page_noise_lines": sum(self.page_noise.values()),
            "read_notes": len(self.notes),
            "read_pages_without_text": self.pages_without_text,
            "read_pages_by_ocr": self.pages_by_ocr,
        }


def reading_report(parsed: ParsedDocument) -> ReadingReport:
    document = parsed.document
    org = next((o for o in parsed.organizations if o.id == document.organization), None)
    holders = {e.source for e in parsed.edges if e.type == "HAS_POWER"}
    provisions = {p.id: p for p in parsed.provisions}
    lists = {provisions[p.provision].parent for p in parsed.powers if p.provision in provisions}
    unattached = sum(1 for n in parsed.notes if n.kind == "power" and "attached to no unit" in n.message)
    listed = sum(1 for u in parsed.units if u.listed)
    return ReadingReport(
        file=document.source_file,
        genre=document.genre,
        title=document.title,
        organization=document.organization,
        organization_name=org.name if org else document.organization,
        acronym=org.acronym if org else None,
        organization_kind=org.kind if org else None,
        organization_kind_basis=org.kind_basis if org else None,
        articles=sum(1 for p in parsed.provisions if p.kind == "articulo" and p.zone == "body"),
        sections=sum(1 for p in parsed.provisions if p.kind == "seccion_manual" and p.parent is None),
        units=len(parsed.units),
        units_listed=listed,
        units_mentioned=len(parsed.units) - listed,
        units_with_powers=sum(1 for u in parsed.units if u.id in holders),
        powers=len(parsed.powers),
        power_lists=len(lists),
        unattached_power_lists=unattached,
        page_noise=dict(parsed.page_noise),
        notes_by_kind=dict(Counter(n.kind for n in parsed.notes)),
        notes=list(parsed.notes),
        source_format=document.source_format,
        pages=document.pages,
        pages_without_text=sum(1 for n in parsed.notes if n.message.endswith("has no text layer (an image: OCR it)")),
        pages_by_ocr=sum(1 for n in parsed.notes if n.kind == "ocr"),
    )
