"""A municipality's many names are one organization; its bodies hang from it (issue 17, item 2)."""

from __future__ import annotations

import pytest

from loaders.front import municipality_of, parent_of
from loaders.identity import body_key
from loaders.mentions import UnitRegistry, municipality


@pytest.mark.parametrize(
    "name",
    [
        "Municipio de Torreón",
        "R. Ayuntamiento de Torreón",
        "Republicano Ayuntamiento del Municipio de Torreón",
        "H. Ayuntamiento de Torreón, Coahuila",
        "Ayuntamiento de Torreón",
        "Municipio Libre de Torreón",
    ],
)
def test_a_municipal_government_is_its_municipality(name: str) -> None:
    assert municipality(name) == "Municipio de Torreón"


@pytest.mark.parametrize(
    "name", ["Secretaría del Republicano Ayuntamiento", "Tesorería Municipal del Ayuntamiento de Torreón", "Cabildo"]
)
def test_other_names_stay_as_they_are(name: str) -> None:
    assert municipality(name) == name


def test_one_node_for_every_name_and_the_names_kept_as_aliases() -> None:
    registry = UnitRegistry("x")
    first = registry.define_org("R. Ayuntamiento de Torreón", 3)
    assert registry.define_org("Municipio de Torreón", 9) == first == "municipio-de-torreon"
    assert registry.define_org("Republicano Ayuntamiento del Municipio de Torreón", 12) == first
    assert registry.resolve_org("R. Ayuntamiento de Torreón") == first
    assert "Republicano Ayuntamiento del Municipio de Torreón" in registry.org(first).aliases


def test_a_municipal_body_hangs_from_the_municipality_its_name_or_text_gives() -> None:
    assert parent_of("Administración Pública Municipal de Torreón") == "Municipio de Torreón"
    text = "El Instituto … del Municipio de Torreón, Coahuila; el R. Ayuntamiento de Torreón Coahuila aprobó"
    assert municipality_of("Instituto Municipal de la Mujer de Torreón", text) == "Municipio de Torreón"
    assert municipality_of("Archivo Municipal", text) == "Municipio de Torreón"
    assert municipality_of("Archivo Municipal", "sin municipio nombrado") is None
    assert municipality_of("Archivo Municipal", "Municipio de Torreón y Municipio de Matamoros") is None
    assert municipality_of("Dirección General de Desarrollo Institucional", text) is None  # not municipal by name


@pytest.mark.parametrize(
    ("own_name", "listed_as"),
    [
        ("Tesorería Municipal del Ayuntamiento de Torreón", "Tesorería Municipal"),
        ("Contraloría del Municipio de Torreón", "Dirección General de Contraloría Municipal"),
        ("Secretaría del Republicano Ayuntamiento del Municipio de Torreón", "Secretaría del Republicano Ayuntamiento"),
        ("Instituto Municipal de la Mujer de Torreón", "Instituto Municipal de la Mujer"),
        ("Archivo Municipal", "Archivo Municipal"),
    ],
)
def test_a_body_and_the_unit_another_document_lists_share_a_key(own_name: str, listed_as: str) -> None:
    assert body_key(own_name, "municipio-de-torreon") == body_key(listed_as, "municipio-de-torreon")


def test_different_bodies_keep_different_keys() -> None:
    keys = {
        body_key(name, "municipio-de-torreon")
        for name in (
            "Tesorería Municipal",
            "Secretaría Técnica",
            "Secretaría del R. Ayuntamiento",
            "Archivo Municipal",
            "Archivo",  # a Contraloría's own archive is not the Archivo Municipal
        )
    }
    assert len(keys) == 5


def test_the_state_after_a_municipality_is_no_part_of_the_key() -> None:
    """Any state, not one document's: "… de Zapopan, Jalisco" as "… de Torreón, Coahuila de Zaragoza"."""
    assert body_key("Tesorería Municipal de Zapopan, Jalisco", "municipio-de-zapopan") == "tesoreria municipal"
    assert body_key(
        "Tesorería Municipal del Ayuntamiento de Torreón, Coahuila de Zaragoza", "municipio-de-torreon"
    ) == body_key("Tesorería Municipal", "municipio-de-torreon")
