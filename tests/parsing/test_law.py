"""A law loads as a document (issue 17): a text of articles titled "Ley …" — or enacted by a "Decreto por el
que se expide la Ley …" — is read as a law by the genre's marks: its Títulos, Capítulos, Secciones,
articles (with the federal laws' inserted "5 A", "251-A"), fracciones, párrafos, reform notes and
transitorios, no units, and the legislature that decrees it; a reglamento that names a law in its preamble
stays a reglamento. The fixture tests/fixtures/lss_extract.txt stands for the Ley del Seguro Social."""

from __future__ import annotations

from pathlib import Path

from loaders import load_file
from loaders.report import reading_report

LSS = Path(__file__).resolve().parents[1] / "fixtures" / "lss_extract.txt"


def test_the_ley_del_seguro_social_reads_as_a_law() -> None:
    parsed = load_file(LSS)
    doc = parsed.document
    assert (doc.genre, doc.title, doc.organization) == ("law", "Ley del Seguro Social", "congreso-de-la-union")
    assert doc.published is not None and doc.published.isoformat() == "1995-12-21"
    ids = {p.id.removeprefix(f"{doc.id}/") for p in parsed.provisions}
    assert {"art-5-a", "art-251-a", "art-251/frac-iii", "art-58/frac-ii", "art-159/frac-iv"} <= ids
    assert {"transitorios/art-1", "transitorios/art-2"} <= ids
    assert parsed.units == [] and parsed.powers == []  # the IMSS's organs are the IMSS's statutes' to organize
    assert [a.authority for a in parsed.amendments] == ["DOF"]  # one reform decree, DOF 20-12-2001 …
    amended = {e.source.removeprefix(f"{doc.id}/"): e.props.get("kind") for e in parsed.edges if e.type == "AMENDED_BY"}
    # "Párrafo reformado" after a fracción's paragraph: the reader dates the article's paragraph (the
    # fracción's own paragraphs are not provisions of their own).
    assert amended.pop("art-58/frac-ii", None) or amended.pop("art-58", None) == "modified"
    assert amended == {  # … noted on six provisions
        "art-5-a": "added",
        "art-58/frac-iii": "modified",
        "art-251": "modified",
        "art-251-a": "added",
        "art-264/frac-iv": "modified",
    }
    report = reading_report(parsed)
    assert report.genre == "law" and report.articles == 13


def statute(tmp_path: Path, front: str, name: str = "documento.txt") -> Path:
    body = "\n\n".join(
        f"Artículo {n}. El Instituto conocerá de los asuntos que le señalen las disposiciones aplicables."
        for n in range(1, 5)
    )
    path = tmp_path / name
    path.write_text(f"{front}\n\n{body}\n", encoding="utf-8")
    return path


def test_a_law_is_told_by_its_title_or_by_the_decree_that_enacts_it(tmp_path: Path) -> None:
    titled = load_file(statute(tmp_path, "LEY FEDERAL DE LOS TRABAJADORES DEL ESTADO\n\nTÍTULO PRIMERO", "a.txt"))
    assert (titled.document.genre, titled.document.title) == ("law", "Ley Federal de los Trabajadores del Estado")
    enacted = load_file(
        statute(
            tmp_path,
            "DECRETO por el que se expide la Ley General de Protección Civil.\n\n"
            "Al margen un sello con el Escudo Nacional, que dice: Estados Unidos Mexicanos.- Presidencia de la "
            "República.\n\nEL CONGRESO GENERAL DE LOS ESTADOS UNIDOS MEXICANOS, D E C R E T A:",
            "b.txt",
        )
    )
    assert (enacted.document.genre, enacted.document.title) == ("law", "Ley General de Protección Civil")
    assert enacted.document.organization == "congreso-de-la-union"
    state = load_file(
        statute(
            tmp_path,
            "EL H. CONGRESO DEL ESTADO DE COAHUILA DE ZARAGOZA DECRETA:\n\nLEY DE AGUAS PARA LOS MUNICIPIOS",
            "c.txt",
        )
    )
    assert state.document.genre == "law"
    assert state.document.organization == "congreso-del-estado-de-coahuila-de-zaragoza"


def test_a_reglamento_naming_a_law_in_its_preamble_stays_a_reglamento(tmp_path: Path) -> None:
    parsed = load_file(
        statute(
            tmp_path,
            "Con fundamento en los artículos 5 y 18 de la\nLey Federal de las Entidades Paraestatales, se expide el\n\n"
            "REGLAMENTO INTERIOR DEL INSTITUTO NACIONAL DE LAS MUJERES",
        )
    )
    assert parsed.document.genre == "statute"
    assert parsed.document.title == "Reglamento Interior del Instituto Nacional de las Mujeres"


def test_a_ley_organica_that_organizes_a_body_is_read_as_its_statute(tmp_path: Path) -> None:
    parsed = load_file(statute(tmp_path, "LEY ORGÁNICA DEL INSTITUTO ELECTORAL DEL ESTADO"))
    assert parsed.document.genre == "statute"
