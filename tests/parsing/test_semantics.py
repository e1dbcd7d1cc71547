"""Power semantics on real sentences from both seeds: actions, objects, conditions, cooperation, retention."""

from __future__ import annotations

import pytest

from loaders.mentions import UnitRegistry
from loaders.semantics import analyze
from orggraph.lexicon import query_action, stem
from questions.equivalences import question_stems

UNITS = [
    "Unidad Jurídica",
    "Unidad de Administración y Finanzas",
    "Coordinación de Planeación Estratégica",
    "Coordinación de Normatividad y Planeación Médica",
    "Coordinación de Epidemiología",
    "Coordinación de Educación e Investigación",
    "Órgano de Operación Administrativa Desconcentrada",
    "Jefatura de Servicios de Prestaciones Médicas",
    "Dirección General",
]


@pytest.fixture(scope="module")
def registry() -> UnitRegistry:
    r = UnitRegistry("x")
    for i, name in enumerate(UNITS, start=1):
        r.define(name, i)
    return r


CASES = [
    # seed 000, 7.1 function 30
    (
        "Revisar y firmar las resoluciones que conceden, rechazan y modifican las pensiones y rentas vitalicias que "
        "conforme a la Ley del Seguro Social corresponde al Instituto otorgar, sin perjuicio del ejercicio directo de "
        "esta facultad por parte de la persona Titular del Órgano de Operación Administrativa Desconcentrada y en "
        "apego a los ordenamientos emitidos en la materia.",
        ["revisar", "firmar"],
        "las resoluciones que conceden, rechazan y modifican las pensiones",
        [],
        [],
        ["Órgano de Operación Administrativa Desconcentrada"],
    ),
    # seed 003, art. 23 XI (class-wide)
    (
        "Suscribir los contratos, convenios y acuerdos relativos al ejercicio de sus facultades, así como, los demás "
        "documentos que impliquen actos de administración, de acuerdo con las disposiciones jurídicas aplicables y "
        "previa validación de la Unidad Jurídica.",
        ["suscribir"],
        "los contratos, convenios y acuerdos",
        [("validación", "Unidad Jurídica")],
        [],
        [],
    ),
    # seed 003, art. 17 XI
    (
        "Firmar, o en su caso, delegar la suscripción de las escrituras públicas, títulos de crédito, convenios y "
        "contratos en que IMSS-BIENESTAR intervenga; así como representar al organismo en toda gestión judicial.",
        ["firmar", "delegar", "representar"],  # "…; así como representar al organismo …": a third act
        "la suscripción de las escrituras públicas",
        [],
        [],
        [],
    ),
    # seed 003, art. 65 XI: two conditions
    (
        "Ejercer actos de dominio sobre los bienes propiedad de IMSS-BIENESTAR en estricto apego a la normativa "
        "aplicable, previa autorización de la Unidad de Administración y Finanzas y la Unidad Jurídica.",
        ["ejercer"],
        "actos de dominio",
        [("autorización", "Unidad de Administración y Finanzas"), ("autorización", "Unidad Jurídica")],
        [],
        [],
    ),
    # seed 003, art. 27 XVIII: an elliptical list of coordinaciones
    (
        "Instrumentar la operación y seguimiento de los sistemas de información de la atención médica, en vinculación "
        "con las Coordinaciones de Planeación Estratégica, Normatividad y Planeación Médica y Epidemiología.",
        ["instrumentar"],
        "la operación y seguimiento de los sistemas",
        [],
        [
            ("vinculación", "Coordinación de Planeación Estratégica"),
            ("vinculación", "Coordinación de Normatividad y Planeación Médica"),
            ("vinculación", "Coordinación de Epidemiología"),
        ],
        [],
    ),
    # seed 003, art. 65 XIX: the condition at the end of the second clause, in lower case
    (
        "Llevar a cabo los procedimientos administrativos que tengan por objeto la adquisición, arrendamiento y "
        "prestación de servicios; formalizar los contratos derivados de dichos procedimientos, esto último previa "
        "opinión de la unidad jurídica.",
        ["llevar a cabo", "formalizar"],  # "…; formalizar los contratos …": every act of the fracción
        "los procedimientos administrativos",
        [("opinión", "Unidad Jurídica")],
        [],
        [],
    ),
    # seed 003, art. 11 II: "y, en su caso,"
    (
        "Revisar y, en su caso, aprobar los reglamentos, lineamientos de operación, normas y disposiciones.",
        ["revisar", "aprobar"],
        "los reglamentos, lineamientos de operación",
        [],
        [],
        [],
    ),
    # seed 003, art. 23 I: asides before the object
    (
        "Proponer y aplicar, de conformidad con la delegación de facultades que acuerde con la persona titular de la "
        "Dirección General, en términos de la normatividad aplicable, los nombramientos y remociones del personal a su "
        "cargo; con excepción de los casos.",
        ["proponer", "aplicar"],
        "los nombramientos y remociones",
        [],
        [],
        [],
    ),
    # seed 000, políticas in the future tense
    (
        "Coordinará la difusión y aplicación de las disposiciones legales y normatividad vigente.",
        ["coordinar"],
        "la difusión y aplicación",
        [],
        [],
        [],
    ),
    # seed 000, 7.1 function 24: "de manera coordinada con"
    (
        "Elaborar y proponer programas y estrategias de manera coordinada con la Jefatura de Servicios de Prestaciones "
        "Médicas, para la prescripción razonada de certificados de incapacidad temporal para el trabajo.",
        ["elaborar", "proponer"],
        "programas y estrategias",
        [],
        [("coordinación", "Jefatura de Servicios de Prestaciones Médicas")],
        [],
    ),
    # a residual clause has no action
    ("Las demás que le señalen la Ley, sus reglamentos y acuerdos del Consejo Técnico.", [], "", [], [], []),
]


@pytest.mark.parametrize(("text", "actions", "object_start", "conditions", "cooperation", "retained"), CASES)
def test_power_semantics(
    registry: UnitRegistry,
    text: str,
    actions: list[str],
    object_start: str,
    conditions: list[tuple[str, str]],
    cooperation: list[tuple[str, str]],
    retained: list[str],
) -> None:
    meaning = analyze(text, registry)
    name = registry.name
    assert meaning.actions == actions
    if object_start:
        assert meaning.objects[0].startswith(object_start)
    else:
        assert meaning.objects == []
    assert [(k, name(p.unit)) for k, p in meaning.conditions if p.unit] == conditions
    assert [(k, name(p.unit)) for k, p in meaning.cooperation if p.unit] == cooperation
    assert [name(p.unit) for p in meaning.retained_by if p.unit] == retained


@pytest.mark.parametrize(
    ("word", "action"),
    [
        ("firma", "firmar"),
        ("firmar", "firmar"),
        ("Suscripción", "suscribir"),
        ("nombramientos", "nombrar"),
        ("delegar", "delegar"),
        ("pensiones", None),
        ("convenios", None),
    ],
)
def test_query_words_read_as_actions(word: str, action: str | None) -> None:
    assert query_action(word) == action


def test_signing_synonyms_share_stems() -> None:
    """The acts that are one act come from questions/equivalences.toml, the one table of them."""
    assert stem("suscribir") in question_stems(["firmar"], [])
    assert stem("firma") in question_stems(["suscribir"], [])
    assert stem("designar") in question_stems(["nombrar"], [])
    assert stem("aprobar") not in question_stems(["firmar"], [])


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        # seed 003, art. 65 XIX: the second act is the one "formalizar contratos" asks about
        (
            "Llevar a cabo los procedimientos administrativos que tengan por objeto la adquisición; formalizar los "
            "contratos derivados de dichos procedimientos, así como la terminación anticipada, o bien, la rescisión "
            "administrativa de los mismos, esto último previa opinión de la unidad jurídica.",
            [
                ("llevar a cabo", "los procedimientos administrativos que tengan por objeto la adquisición"),
                (
                    "formalizar",
                    "los contratos derivados de dichos procedimientos, así como la terminación anticipada, o bien, "
                    "la rescisión administrativa de los mismos, esto último previa opinión de la unidad jurídica",
                ),
            ],
        ),
        # seed 003, art. 45 VIII: "así como" and a verb; a comma after the first verb
        (
            "Celebrar, los contratos de obras públicas y servicios relacionados con las mismas, a efecto de realizar "
            "obras, así como supervisar las mismas.",
            [
                (
                    "celebrar",
                    "los contratos de obras públicas y servicios relacionados con las mismas, a efecto de "
                    "realizar obras",
                ),
                ("supervisar", "las mismas"),
            ],
        ),
        # seed 003, art. 77 II: "y, de ser procedente," before the third act
        (
            "Conducir la asesoría; dictaminar las actas administrativas y, de ser procedente, promover ante el "
            "Tribunal la terminación de los efectos del nombramiento.",
            [
                ("conducir", "la asesoría"),
                ("dictaminar", "las actas administrativas"),
                ("promover", "ante el Tribunal la terminación de los efectos del nombramiento"),
            ],
        ),
        # nouns after "y" are not acts; a list of objects stays one object
        (
            "Coordinar los programas de hombres y mujeres, la adquisición y el arrendamiento de bienes.",
            [("coordinar", "los programas de hombres y mujeres, la adquisición y el arrendamiento de bienes")],
        ),
    ],
)
def test_every_act_of_a_power(text: str, acts: list[tuple[str, str]]) -> None:
    from loaders.semantics import acts as read_acts

    assert read_acts(text) == acts
