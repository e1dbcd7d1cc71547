"""PDFs read directly: the four corpus PDFs give the same answers as their text twins (made with
``pdftotext -layout``), through both PDF engines, and every record keeps the page it is printed on.

Pages are checked against an independent reading: pypdfium2's plain text of the page (no layout),
in which the provision's first words must appear.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from loaders import load_file
from loaders.pdf import ocr_available
from loaders.records import ParsedDocument
from orggraph.errors import ParseError
from tests.conftest import settings_for
from tests.corpus.scoring import CORPUS, document_path

PDFS = CORPUS / "pdf"
TWINS = {
    "torreon-reglamento-interior-simas.pdf": "torreon-simas-reglamento-interior-1993.txt",
    "torreon-reglamento-interior-dif.pdf": "torreon-dif-reglamento-interior.txt",
    "torreon-manual-implan.pdf": "torreon-implan-manual-organizacion-2018.txt",
    "torreon-reglamento-organico-administracion-publica-municipal.pdf": (
        "torreon-reglamento-organico-administracion-publica-municipal.txt"
    ),
}
# poppler is installed by scripts/setup where the machine allows; pdfium always is (a wheel).
ENGINES = ["pdfium", *(["pdftotext"] if shutil.which("pdftotext") else [])]


def answers(parsed: ParsedDocument) -> tuple[str, dict[str, str | None], Counter[str | None]]:
    """What a user asks of a document: its organization, each unit's parent, each holder's powers."""
    names = {u.id: u.name for u in parsed.units} | {o.id: o.name for o in parsed.organizations}
    parents = {names[e.source]: names.get(e.target) for e in parsed.edges_of("PART_OF") if e.source in names}
    held = Counter(names.get(e.source) for e in parsed.edges_of("HAS_POWER"))
    return parsed.document.organization, parents, held


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("pdf", sorted(TWINS), ids=lambda name: name.removesuffix(".pdf"))
def test_a_pdf_reads_as_its_text_twin(pdf: str, engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGGRAPH_PDF_ENGINE", engine)
    from_pdf = load_file(PDFS / pdf)
    from_text = load_file(document_path(TWINS[pdf]))
    assert from_pdf.document.source_format == "pdf"
    assert from_pdf.document.pages == len(pdfium.PdfDocument(PDFS / pdf))
    assert len(from_pdf.units) == len(from_text.units) and len(from_pdf.powers) == len(from_text.powers)
    assert answers(from_pdf) == answers(from_text)


@pytest.mark.parametrize("pdf", sorted(TWINS), ids=lambda name: name.removesuffix(".pdf"))
def test_every_article_is_on_the_page_it_says(pdf: str) -> None:
    parsed = load_file(PDFS / pdf)
    document = pdfium.PdfDocument(PDFS / pdf)
    pages = [_words(document[i].get_textpage().get_text_range()) for i in range(len(document))]
    checked = 0
    for provision in parsed.provisions:
        words = provision.text if provision.kind == "articulo" else provision.heading
        if provision.kind not in ("articulo", "seccion_manual") or not words:
            continue
        start = _words(words)[:40]
        assert provision.page_start is not None and provision.page_end is not None
        on = (
            pages[provision.page_start - 1]
            + " "
            + (pages[provision.page_start] if provision.page_start < len(pages) else "")
        )
        assert start in on, (provision.id, provision.page_start, start)
        checked += 1
    assert checked >= 5
    assert all(u.page_start for u in parsed.units) and all(p.page_start for p in parsed.powers)
    assert all(e.page_start for e in parsed.edges)


def test_what_is_not_a_readable_pdf_is_refused_with_its_name(tmp_path: Path) -> None:
    broken = tmp_path / "reglamento.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    with pytest.raises(ParseError) as error:
        load_file(broken)
    assert "reglamento.pdf" in str(error.value)


def scan(pages: list[int], out: Path) -> Path:
    """Pages of the SIMAS PDF as a scanner would give them: images at 300 dpi, no text layer."""
    source = pdfium.PdfDocument(PDFS / "torreon-reglamento-interior-simas.pdf")
    images = [source[i].render(scale=300 / 72).to_pil().convert("L") for i in pages]
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=300)
    return out


def text_pages(pages: list[int], out: Path) -> Path:
    """The same pages with their text layer."""
    source, copy = pdfium.PdfDocument(PDFS / "torreon-reglamento-interior-simas.pdf"), pdfium.PdfDocument.new()
    copy.import_pages(source, pages)
    copy.save(out)
    return out


def test_an_image_only_pdf_without_ocr_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("loaders.pdf.ocr_available", lambda: False)  # a machine without Tesseract
    with pytest.raises(ParseError) as error:
        load_file(scan([0], tmp_path / "escaneado.pdf"))
    assert "escaneado.pdf" in str(error.value) and "tesseract-ocr-spa" in str(error.value)


@pytest.mark.skipif(not ocr_available(), reason="scripts/setup installs Tesseract (tesseract-ocr-spa) where it can")
def test_a_scanned_pdf_is_read_by_ocr_as_its_text_layer_is(tmp_path: Path) -> None:
    """Two pages made images, read by Tesseract: the same units and powers as the same pages with text."""
    scanned = load_file(scan([0, 1], tmp_path / "escaneado.pdf"))
    typed = load_file(text_pages([0, 1], tmp_path / "con-texto.pdf"))
    names = sorted(u.name for u in typed.units)
    assert len(names) == 9 and sorted(u.name for u in scanned.units) == names
    assert answers(scanned)[2] == answers(typed)[2]  # each holder's powers
    # Every unit placed; Tesseract drops the list's bullet glyphs, so the bulleted structure list (board,
    # then Gerente General, then the gerencias under it) reads as a flat list under the organization.
    assert set(answers(scanned)[1]) == set(names) and None not in answers(scanned)[1].values()
    assert [(n.page, n.kind) for n in scanned.notes if n.kind == "ocr"] == [(1, "ocr"), (2, "ocr")]
    assert all(p.page_start in (1, 2) for p in scanned.provisions)


def test_a_pdf_in_the_graph_keeps_its_pages_and_is_the_same_document_as_its_twin(empty_graph, neo4j) -> None:
    """Written to Neo4j, every provision, power, unit source and relationship keeps its page; loading
    the text twin afterwards replaces the same document (one Document node), as a reload does."""
    from loaders.writer import write_document

    pdf = load_file(PDFS / "torreon-reglamento-interior-simas.pdf")
    write_document(empty_graph, neo4j.database, pdf)
    records, _, _ = empty_graph.execute_query(
        """
        MATCH (d:Document {id: $id})
        RETURN d.source_format AS format, d.pages AS pages,
               COUNT { MATCH (p:Provision {document: $id}) WHERE p.page_start IS NULL } AS provisions_without,
               COUNT { MATCH (w:Power {document: $id}) WHERE w.page_start IS NULL } AS powers_without,
               COUNT { MATCH (:Unit)-[s:SOURCE {document: $id}]->(d) WHERE s.page_start IS NULL } AS units_without,
               COUNT { MATCH ()-[r:PART_OF|HAS_POWER {document: $id}]->() WHERE r.page_start IS NULL } AS edges_without,
               COUNT { MATCH ()-[r:PART_OF|HAS_POWER {document: $id}]->() } AS edges
        """,
        {"id": pdf.document.id},
        database_=neo4j.database,
    )
    row = records[0]
    assert (row["format"], row["pages"]) == ("pdf", 10)
    assert row["provisions_without"] == row["powers_without"] == row["units_without"] == row["edges_without"] == 0
    assert row["edges"] > 100
    # The API says where: a unit's powers, their provisions and the unit's sources carry the page.
    unit = next(u for u in pdf.units if u.name == "Consejo Directivo")
    with TestClient(create_app(settings_for(neo4j))) as api:
        powers = api.get(f"/units/{unit.id}/powers").json()["items"]
        assert powers and all(item["provision"]["page_start"] for item in powers)
        first = min(powers, key=lambda item: item["provision"]["line_start"])["provision"]
        assert api.get(f"/provisions/{first['id']}").json()["provision"]["page_start"] == first["page_start"]
        assert api.get(f"/units/{unit.id}").json()["provenance"][0]["page_start"] == unit.page_start
    write_document(
        empty_graph, neo4j.database, load_file(document_path(TWINS["torreon-reglamento-interior-simas.pdf"]))
    )
    documents, _, _ = empty_graph.execute_query(
        "MATCH (d:Document) RETURN collect(d.source_format) AS formats", database_=neo4j.database
    )
    assert documents[0]["formats"] == ["text"]
