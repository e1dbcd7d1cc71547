"""Instruments across their names: well-known abbreviations and the words a glossary defines (issue 17)."""

from __future__ import annotations

from pathlib import Path

from loaders import load_file
from loaders.instruments import InstrumentRegistry, abbreviations

CNE = Path(__file__).resolve().parents[2] / "data" / "heldout" / "cne-reglamento-interior-2025.txt"


def test_an_abbreviation_and_the_full_title_are_one_instrument() -> None:
    registry = InstrumentRegistry()
    by_title = registry.find_citations("conforme a la Ley del Seguro Social y sus reglamentos", 10)
    by_abbreviation = registry.find_citations("en términos del artículo 251, fracción IV, de la LSS.", 11)
    assert [c.instrument for c in by_title] == ["mx/ley/ley-del-seguro-social"]
    assert [(c.instrument, c.article, c.fraction) for c in by_abbreviation] == [
        ("mx/ley/ley-del-seguro-social", "251", "IV")
    ]
    record = registry.records()[0]
    assert record.title == "Ley del Seguro Social" and record.aliases == ["LSS"]


def test_an_abbreviation_alone_is_a_citation_but_not_inside_a_word_or_in_lower_case() -> None:
    registry = InstrumentRegistry()
    cited = registry.find_citations("con fundamento en la LOAPF, la LSSX y la lss", 3)
    assert [c.instrument for c in cited] == ["mx/ley/ley-organica-de-la-administracion-publica-federal"]


def test_every_abbreviation_expands_to_an_instrument_title() -> None:
    registry = InstrumentRegistry()
    for abbreviation, title in abbreviations().items():
        assert abbreviation.isupper() and len(abbreviation) >= 3
        assert registry.define(abbreviation, 1) == registry.define(title, 1), abbreviation


def test_a_word_the_glossary_defines_as_a_law_cites_that_law() -> None:
    registry = InstrumentRegistry()
    law = registry.define("Ley de la Comisión Nacional de Energía", 21)
    assert law is not None
    registry.add_alias(law, "Ley")
    cited = registry.find_citations("en los términos establecidos por el artículo 14 de la Ley.", 77)
    assert [(c.instrument, c.article) for c in cited] == [(law, "14")]
    # "la Ley de Ingresos" is another law, not the defined word.
    other = registry.find_citations("conforme al artículo 3 de la Ley de Ingresos del Municipio", 80)
    assert [c.instrument for c in other] != [law]


def test_a_glossary_items_closing_y_is_not_part_of_the_title() -> None:
    registry = InstrumentRegistry()
    assert registry.define("Ley General del Sistema Nacional de Seguridad Pública; y", 44) == registry.define(
        "Ley General del Sistema Nacional de Seguridad Pública", 45
    )


def test_the_cne_reglamento_cites_its_defined_law_by_the_word() -> None:
    parsed = load_file(CNE)
    law = "mx/ley/ley-de-la-comision-nacional-de-energia"
    cited = {(e.line_start, e.props.get("article")) for e in parsed.edges if e.type == "CITES" and e.target == law}
    assert (77, "14") in cited  # "… por el artículo 14 de la Ley."
    assert len(cited) >= 8
