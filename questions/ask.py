"""Reading a question in Spanish: which kind it is and its slots, by rules, never by a guess.

Pure: text in, ``Question`` out (or ``Unreadable``). The slots are still words ("la Unidad
Jurídica", "firmar contratos"); finding the unit, document or instrument they name is the
answerer's job, against the graph (app.ask). Accents, case, "¿?", articles and courtesy words
("por favor", "me puedes decir") do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orggraph.errors import OrgGraphError
from orggraph.folding import fold

# The kinds of question, each with examples: what a 422 lists, what the explorer's help shows.
KINDS: dict[str, list[str]] = {
    "who_may": ["¿Quién puede firmar contratos?", "¿Quiénes pueden designar servidores públicos?"],
    "unit_powers": [
        "¿Qué puede hacer la Unidad Jurídica?",
        "¿Qué facultades tiene la Coordinación de Abasto en materia de adquisiciones?",
    ],
    "superiors": ["¿A quién reporta la Unidad Jurídica?", "¿Quién está por encima de la Coordinación de Finanzas?"],
    "subordinates": [
        "¿Qué unidades dependen de la Unidad Jurídica?",
        "¿Qué unidades dependen de la Unidad Jurídica, todas?",
    ],
    "basis": [
        "¿Con qué fundamento nombra la Junta de Gobierno a los servidores públicos?",
        "¿Con qué fundamento puede la Coordinación Estatal formalizar contratos?",
    ],
    "delegation": ["¿Quién delegó a la Subdelegación la firma de resoluciones de pensiones?"],
    "changes": ["¿Qué cambió en el Estatuto Orgánico y cuándo?", "¿Qué cambios tuvo la Unidad Jurídica?"],
    "citations": ["¿Qué unidades citan la Ley del Seguro Social?"],
}


class Unreadable(OrgGraphError):
    """A question none of the rules reads: answered 422 with the kinds known and their examples."""

    def __init__(self, question: str, reason: str | None = None) -> None:
        self.question = question
        self.kinds = KINDS
        super().__init__(
            reason
            or f"orggraph cannot read {question!r} as a question it knows. It answers: "
            + "; ".join(f"{kind} ({examples[0]})" for kind, examples in KINDS.items())
        )


@dataclass(frozen=True)
class Question:
    text: str
    kind: str
    slots: dict[str, str | bool] = field(default_factory=dict)


_COURTESY = re.compile(
    r"^(?:(?:hola|oye|disculpa|disculpe|buen(?:os|as)? (?:dias|tardes|noches)|por favor|una pregunta|pregunta)\s*,?\s*"
    r"|(?:me )?(?:puedes|podrias|podria|puede|pudiera|pudieras) (?:decir(?:me)?|indicar(?:me)?|informar(?:me)?)\s*"
    r"|(?:quisiera|quiero|necesito|me gustaria) saber\s*|dime\s*|digame\s*|sabes\s*|sabe usted\s*)+"
)
_TRAILING = re.compile(r"\s*,?\s*(?:por favor|gracias|muchas gracias)\s*$")


def normalize(text: str) -> str:
    """Folded, lower case, without ¿?¡! and courtesy words, one space between words."""
    t = fold(text).lower()
    t = re.sub(r"[¿?¡!\"“”«»]", " ", t)
    t = re.sub(r"\s+", " ", t).strip(" .,;:")
    t = _COURTESY.sub("", t)
    t = _TRAILING.sub("", t)
    return t.strip(" .,;:")


_ALL = re.compile(
    r"(?:,?\s*(?:todas|todos)(?: ellas| ellos)?(?: las| los)?(?: unidades| areas)?\s*$"
    r"|\s*,?\s*(?:directa o indirectamente|en todos los niveles|en total|incluidas las indirectas)\s*$)"
)
_TOPIC = re.compile(
    r"\s+(?:en materia de|en cuanto a|respecto (?:de|a)|acerca de|relacionad[oa]s? con|sobre|con respecto a)\s+"
)
_UNIT_WORDS = (
    r"(?:unidades(?: administrativas)?|areas|coordinaciones|divisiones|direcciones|departamentos|jefaturas|oficinas"
    r"|subdirecciones|organos|dependencias|puestos)"
)

# (kind, pattern): the first that matches reads the question. Named groups are the slots.
RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "basis",
        re.compile(
            r"^(?:con|en|bajo) (?:que|cual) (?:fundamento|base|sustento|facultad)(?: legal| juridic[oa])?"
            r"(?: (?:puede|podra|se basa|se funda|se fundamenta)(?: para)?)? (?P<rest>.+)$"
        ),
    ),
    (
        "basis",
        re.compile(
            r"^cual es el (?:fundamento|sustento|base)(?: legal| juridic[oa])? (?:para que|con el que|por el que|de que"
            r"|en el que se basa) (?P<rest>.+)$"
        ),
    ),
    (
        "delegation",
        re.compile(r"^quien(?:es)? (?:le |les )?(?:delego|delegaron|ha delegado|han delegado|delega) (?P<rest>.+)$"),
    ),
    (
        "superiors",
        re.compile(
            r"^(?:a|ante) (?:quien|quienes|que unidad|que area) (?:le )?(?:reporta|reportan|responde|rinde cuentas)"
            r"(?: directamente)? (?P<unit>.+)$"
        ),
    ),
    ("superiors", re.compile(r"^de (?:quien|que unidad|que area) depende(?: directamente)? (?P<unit>.+)$")),
    (
        "superiors",
        re.compile(
            r"^quien(?:es)? (?:esta|estan|es|son|queda|quedan) (?:por encima|arriba|encima|sobre)"
            r" (?:del|de) (?P<unit>.+)$"
        ),
    ),
    (
        "superiors",
        re.compile(
            r"^(?:cual|quien) es (?:el |la )?(?:superior|jefe|jefa|cadena de mando|linea de mando)"
            r"(?: jerarquic[oa])?(?: inmediat[oa])? (?:del|de) (?P<unit>.+)$"
        ),
    ),
    (
        "subordinates",
        re.compile(
            rf"^(?:que|cuales|quien|quienes)(?: son las| son los)?(?: {_UNIT_WORDS})? (?:dependen|depende|le reportan"
            rf"|reportan|estan adscrit[oa]s|estan)(?: directamente)? (?:del|de|al|a|bajo) (?P<unit>.+)$"
        ),
    ),
    ("subordinates", re.compile(rf"^(?:que|cuales) {_UNIT_WORDS} (?:tiene|integran|conforman|forman) (?P<unit>.+)$")),
    ("subordinates", re.compile(r"^que hay (?:debajo|bajo|abajo) (?:del|de) (?P<unit>.+)$")),
    (
        "citations",
        re.compile(
            rf"^(?:que|cuales)(?: {_UNIT_WORDS})? (?:citan|cita|invocan|mencionan|se fundan en|se fundamentan en"
            r"|se basan en|tienen facultades basadas en) (?P<instrument>.+)$"
        ),
    ),
    (
        "citations",
        re.compile(r"^quien(?:es)? (?:cita|citan|invoca|invocan|se funda en|se fundamenta en) (?P<instrument>.+)$"),
    ),
    (
        "changes",
        re.compile(
            r"^(?:que|cuales) (?:cambios?|reformas?|modificaciones?|enmiendas?)"
            r"(?: ha tenido| han tenido| tuvo| tiene| hubo en| hay en| se hicieron (?:a|en)| se han hecho (?:a|en)"
            r"| sufrio| ha sufrido| de)? (?P<target>.+?)(?:,? y cuando)?$"
        ),
    ),
    (
        "changes",
        re.compile(
            r"^(?:que|cuando) (?:cambio|se reformo|se modifico|ha cambiado|se ha reformado)(?: en)? (?P<target>.+?)"
            r"(?:,? y cuando)?$"
        ),
    ),
    (
        "unit_powers",
        re.compile(
            r"^(?:cuales son|que) (?:las |los )?(?:facultades|atribuciones|funciones|competencias|poderes)"
            r"(?: tiene| corresponden a| de)? (?P<rest>.+)$"
        ),
    ),
    (
        "unit_powers",
        re.compile(r"^que (?:puede|podra|debe|le corresponde|le toca) (?:hacer )?(?P<rest>(?:la|el|los|las) .+)$"),
    ),
    (
        "who_may",
        re.compile(
            r"^(?:quien|quienes|que unidad|que unidades|que area|que areas) (?:puede|pueden|podra|podran"
            r"|esta facultad[oa] para|estan facultad[oa]s para|es competente para|son competentes para"
            r"|tiene(?:n)? (?:la )?(?:facultad|facultades|atribucion|atribuciones|competencia) (?:de|para)"
            r"|le corresponde|les corresponde|se encarga de|se encargan de) (?P<action>.+)$"
        ),
    ),
    # "¿Quién firma los contratos?": a verb in the present (firma, suscriben) read as its infinitive.
    (
        "who_may",
        re.compile(
            r"^(?:quien|quienes) (?!(?:esta|estan|es|son|hay|tiene|tienen|sabe|era|fue)\b)"
            r"(?P<verb>[a-z]+(?:a|e|an|en)) (?P<object>.+)$"
        ),
    ),
]

# Verbs of the genre ending in -ir, so that "suscribe" reads as suscribir (the rest of -e is -er).
IR_VERBS = {
    "suscribir",
    "emitir",
    "expedir",
    "presidir",
    "dirigir",
    "distribuir",
    "instruir",
    "sustituir",
    "destituir",
    "definir",
    "recibir",
    "remitir",
    "admitir",
    "decidir",
    "inscribir",
    "cumplir",
    "asistir",
    "conducir",
    "producir",
    "difundir",
    "intervenir",
    "discutir",
    "corregir",
    "exigir",
    "elegir",
    "reducir",
    "imponer",
    "prescribir",
    "constituir",
    "concluir",
    "incluir",
    "atribuir",
    "revertir",
    "convertir",
    "invertir",
}


def infinitive_of(verb: str) -> str | None:
    """A present-tense third person read as an infinitive ("firma" → firmar, "suscriben" → suscribir)."""
    word = verb[:-1] if verb.endswith("n") else verb
    if word.endswith(("ar", "er", "ir")):
        return word
    if word.endswith("a"):
        return word[:-1] + "ar"
    if word.endswith("e"):
        return word[:-1] + "ir" if word[:-1] + "ir" in IR_VERBS else word[:-1] + "er"
    return None


def read(text: str) -> Question:
    """The kind and slots of a question, by the first rule that reads it; else ``Unreadable``."""
    if not text or not text.strip():
        raise Unreadable(text or "", "The question is empty. Ask, for example: " + KINDS["who_may"][0])
    t = normalize(text)
    all_levels = bool(_ALL.search(t))
    t = _ALL.sub("", t).strip(" ,")
    for kind, pattern in RULES:
        m = pattern.match(t)
        if not m:
            continue
        slots: dict[str, str | bool] = {k: v.strip(" ,") for k, v in m.groupdict().items() if v}
        if "verb" in slots:
            verb = infinitive_of(str(slots.pop("verb")))
            if verb is None:
                continue
            slots["action"] = f"{verb} {slots.pop('object')}"
        if kind == "unit_powers":
            parts = _TOPIC.split(str(slots.pop("rest")), maxsplit=1)
            slots["unit"] = parts[0].strip(" ,")
            if len(parts) > 1 and parts[1].strip():
                slots["topic"] = parts[1].strip(" ,")
        if kind == "subordinates":
            slots["all"] = all_levels
        if not all(slots.get(k) for k in ("unit", "action", "instrument", "target", "rest") if k in slots):
            continue
        return Question(text=text, kind=kind, slots=slots)
    raise Unreadable(text)
