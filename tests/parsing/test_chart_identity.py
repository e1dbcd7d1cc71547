"""One unit once in a chart across documents (issue 17): the keys that say a post and its unit, a unit with
and without "Dirección (General) de", are one; and the pure folding of a chart's nodes
(loaders/identity.py fold_chart), on nodes shaped as cypher/orgchart.cypher returns them."""

from __future__ import annotations

from typing import Any

import pytest

from loaders.identity import fold_chart, unit_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Director de Ingresos", "Dirección de Ingresos"),
        ("Directora de Ingresos", "Ingresos"),
        ("Dirección General de Egresos", "Egresos"),
        ("Jefe de Acervos", "Jefatura de Acervos"),
        ("Coordinador Administrativo", "Coordinación Administrativa"),
        ("Directora (o) de Agenda de Género", "Dirección de Agenda de Género"),
        ("Jefe de Departamento de Cuenta Pública", "Departamento de Cuenta Pública"),
        ("Subdirector de Atención Ciudadana", "Subdirección de Atención Ciudadana"),
    ],
)
def test_a_post_and_the_unit_it_heads_share_a_key(one: str, other: str) -> None:
    assert unit_key(one) == unit_key(other)


def test_different_units_keep_different_keys() -> None:
    names = ["Dirección de Ingresos", "Subdirección de Ingresos", "Dirección General", "Dirección Administrativa"]
    assert len({unit_key(n) for n in names}) == len(names)


def node(id_: str, name: str, parent: str, organization: str, *documents: str, **more: Any) -> dict[str, Any]:
    return {
        "id": id_,
        "name": name,
        "parent": parent,
        "organization": organization,
        "documents": list(documents),
        "label": "Unit",
        "depth": more.pop("depth", 1),
        **more,
    }


RO = "apm/reglamento-organico"
OWN = "tesoreria/reglamento-interior"
MANUAL = "tesoreria/manual-de-organizacion"


def test_the_units_of_a_dependencia_hang_once_from_the_unit_the_municipality_lists() -> None:
    nodes = [
        node("apm/unit/tesoreria-municipal", "Tesorería Municipal", "apm", "apm", RO, depth=1, same_as=["tesoreria"]),
        # The Reglamento Orgánico names one of the Tesorería's direcciones; the Tesorería's own reglamento
        # names it too, from the Tesorería, and its manual by the post that heads it.
        node(
            "apm/unit/direccion-de-ingresos",
            "Dirección de Ingresos",
            "apm/unit/tesoreria-municipal",
            "apm",
            RO,
            depth=2,
        ),
        node(
            "tesoreria/unit/direccion-de-ingresos",
            "Dirección de Ingresos",
            "apm/unit/tesoreria-municipal",
            "tesoreria",
            OWN,
            depth=2,
        ),
        node(
            "tesoreria/unit/director-de-ingresos",
            "Director de Ingresos",
            "apm/unit/tesoreria-municipal",
            "tesoreria",
            MANUAL,
            depth=2,
        ),
        node(
            "tesoreria/unit/subdireccion-de-ingresos",
            "Subdirección de Ingresos",
            "tesoreria/unit/director-de-ingresos",
            "tesoreria",
            MANUAL,
            depth=3,
        ),
        # Its manual's top post, the Tesorero's "Dirección General": the body itself.
        node(
            "tesoreria/unit/direccion-general",
            "Dirección General",
            "apm/unit/tesoreria-municipal",
            "tesoreria",
            MANUAL,
            depth=2,
        ),
        node(
            "tesoreria/unit/coordinacion-administrativa",
            "Coordinación Administrativa",
            "tesoreria/unit/direccion-general",
            "tesoreria",
            MANUAL,
            depth=3,
        ),
    ]
    folded = fold_chart("apm", nodes, [{"from": "tesoreria/unit/director-de-ingresos", "to": "apm", "kind": "x"}])
    by_name = {n["name"]: n for n in folded["nodes"]}
    assert sorted(by_name) == [
        "Coordinación Administrativa",
        "Dirección de Ingresos",
        "Subdirección de Ingresos",
        "Tesorería Municipal",
    ]
    ingresos = by_name["Dirección de Ingresos"]
    assert ingresos["id"] == "apm/unit/direccion-de-ingresos"
    assert sorted(ingresos["same_as"]) == [
        "tesoreria/unit/direccion-de-ingresos",
        "tesoreria/unit/director-de-ingresos",
    ]
    assert ingresos["documents"] == sorted([RO, OWN, MANUAL])
    assert by_name["Subdirección de Ingresos"]["parent"] == ingresos["id"]
    assert by_name["Subdirección de Ingresos"]["depth"] == 3
    tesoreria = by_name["Tesorería Municipal"]
    assert by_name["Coordinación Administrativa"]["parent"] == tesoreria["id"]
    assert by_name["Coordinación Administrativa"]["depth"] == 2
    assert "tesoreria/unit/direccion-general" in tesoreria["same_as"]
    assert folded["lines"] == [{"from": ingresos["id"], "to": "apm", "kind": "x"}]
    assert not any("parents" in n for n in folded["nodes"])


def test_two_documents_of_one_body_that_disagree_on_a_parent_give_one_unit_and_both_parents() -> None:
    nodes = [
        node("imm/unit/direccion", "Dirección", "imm", "imm", "imm/reglamento-interior"),
        node("imm/unit/consejo", "Consejo Municipal de la Mujer", "imm", "imm", "imm/reglamento-interior"),
        node("imm/unit/juridico", "Unidad Jurídica", "imm/unit/direccion", "imm", "imm/reglamento-interior", depth=2),
        node("imm/unit/unidad-juridica", "Unidad Jurídica", "imm/unit/consejo", "imm", "imm/manual", depth=2),
    ]
    [juridica] = [n for n in fold_chart("imm", nodes)["nodes"] if n["name"] == "Unidad Jurídica"]
    assert juridica["parents"] == [
        {"id": "imm/unit/consejo", "documents": ["imm/manual"]},
        {"id": "imm/unit/direccion", "documents": ["imm/reglamento-interior"]},
    ]


def test_posts_named_alike_under_different_bosses_of_one_document_stay_apart() -> None:
    """A manual describing two "Mensajero" posts, one under each of two units, means two posts."""
    nodes = [
        node("of/unit/secretaria-particular", "Secretaria Particular", "of", "of", "of/manual"),
        node("of/unit/subdireccion", "Subdirector de Atención Ciudadana", "of", "of", "of/manual"),
        node("of/unit/mensajero", "Mensajero", "of/unit/secretaria-particular", "of", "of/manual", depth=2),
        node("of/unit/mensajero-sub", "Mensajero", "of/unit/subdireccion", "of", "of/manual", depth=2),
    ]
    assert len(fold_chart("of", nodes)["nodes"]) == 4
