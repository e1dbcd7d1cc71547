"""The question reader alone (questions.ask): kinds and slots from Spanish as people type it."""

from __future__ import annotations

import pytest

from questions.ask import KINDS, Unreadable, infinitive_of, read


@pytest.mark.parametrize(
    ("text", "kind", "slots"),
    [
        ("¿Quién puede firmar contratos?", "who_may", {"action": "firmar contratos"}),
        ("QUIENES PUEDEN FIRMAR RESOLUCIONES DE PENSIONES", "who_may", {"action": "firmar resoluciones de pensiones"}),
        ("Por favor, ¿me puedes decir quién firma los contratos?", "who_may", {"action": "firmar los contratos"}),
        ("¿Quién suscribe convenios?", "who_may", {"action": "suscribir convenios"}),
        ("¿A quién reporta la Unidad Jurídica?", "superiors", {"unit": "la unidad juridica"}),
        ("¿De quién depende el Departamento de Guarderías?", "superiors", {"unit": "el departamento de guarderias"}),
        ("¿Quién está por encima del Órgano Interno de Control?", "superiors", {"unit": "organo interno de control"}),
        ("¿Qué áreas dependen de la Tesorería?", "subordinates", {"unit": "la tesoreria", "all": False}),
        (
            "¿Qué unidades dependen de la Unidad Jurídica, todas?",
            "subordinates",
            {"unit": "la unidad juridica", "all": True},
        ),
        (
            "¿Qué puede hacer la Unidad Jurídica en materia de amparo?",
            "unit_powers",
            {"unit": "la unidad juridica", "topic": "amparo"},
        ),
        (
            "¿Cuáles son las atribuciones de la Coordinación de Abasto?",
            "unit_powers",
            {"unit": "la coordinacion de abasto"},
        ),
        (
            "¿Con qué fundamento nombra la Dirección General al personal?",
            "basis",
            {"rest": "nombra la direccion general al personal"},
        ),
        (
            "¿Quién delegó a la Subdelegación la firma de resoluciones?",
            "delegation",
            {"rest": "a la subdelegacion la firma de resoluciones"},
        ),
        ("¿Qué cambió en el Estatuto Orgánico y cuándo?", "changes", {"target": "en el estatuto organico"}),
        ("¿Qué unidades citan la Ley del Seguro Social?", "citations", {"instrument": "la ley del seguro social"}),
    ],
)
def test_kinds_and_slots(text: str, kind: str, slots: dict) -> None:
    question = read(text)
    assert (question.kind, question.slots) == (kind, slots)


@pytest.mark.parametrize("text", ["", "   ", "hola", "¿Qué hora es?", "firmar contratos", "¿Cuánto cuesta?"])
def test_what_no_rule_reads_is_unreadable_with_the_kinds(text: str) -> None:
    with pytest.raises(Unreadable) as caught:
        read(text)
    assert caught.value.kinds == KINDS


def test_every_kind_has_examples_that_read_as_that_kind() -> None:
    for kind, examples in KINDS.items():
        for example in examples:
            assert read(example).kind == kind, example


@pytest.mark.parametrize(
    ("verb", "infinitive"),
    [("firma", "firmar"), ("suscribe", "suscribir"), ("suscriben", "suscribir"), ("propone", "proponer"), ("x", None)],
)
def test_present_tense_read_as_infinitive(verb: str, infinitive: str | None) -> None:
    assert infinitive_of(verb) == infinitive
