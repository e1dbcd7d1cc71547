"""What a power says: its actions, what they act on, its conditions, who it is shared with,
who keeps it. Pure, rule-based and deterministic; the rules are the tables and patterns below.

* actions: every act of the power as an infinitive (lemma, folded): the leading verbs ("Revisar y
  firmar …" → revisar, firmar; a policy's "Coordinará …" → coordinar), skipping "y, en su caso," and
  "y/o", then the verb of each later clause that starts with one ("…; formalizar los contratos …",
  "…, así como supervisar …"), so that a fracción with several acts answers for each of them.
* objects: parallel to actions, the phrase each act acts on, up to the first clause that is a
  condition, a manner or a basis ("…, previa validación de …", "…, de conformidad con …").
* conditions: "previa validación/autorización/opinión … de X", "a propuesta de X",
  "con la aprobación de X", "con la intervención de X" → requires X.
* cooperation: "en coordinación / vinculación / colaboración / conjunto con X", "con el apoyo de X".
* retention: "sin perjuicio del ejercicio directo … por parte de X" → X keeps the power.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from loaders.mentions import ORG_PHRASE, UNIT_PHRASE, UnitRegistry, clean_name, is_external_body, kind_of
from loaders.text import keyed
from orggraph.folding import fold
from orggraph.lexicon import CONNECTORS, PLURAL_HEADS, content_stems, infinitive

_SEPARATORS = re.compile(r"^(?:,|y|e|o|u|y/o|así como|asi como|o bien|o,|y,)$", re.IGNORECASE)
_ASIDE = re.compile(r",?\s*(?:y|o)?,?\s*en su caso,?\s*", re.IGNORECASE)  # used with .match(text, pos)
_LEADING_ASIDE = re.compile(
    r"(?:de conformidad con|con base en|en su caso|en t[ée]rminos de|conforme a|con apoyo en|a propuesta de|"
    r"previ[oa] [a-zé]+ de|en el [aá]mbito de)[^,]*,\s*",
    re.IGNORECASE,
)
PHRASAL_VERBS = {
    "llevar a cabo": "llevar a cabo",
    "dar seguimiento": "dar seguimiento",
    "dar cumplimiento": "dar cumplimiento",
    "hacer cumplir": "hacer cumplir",
}
_PHRASAL_FIRST_WORDS = frozenset(k.split()[0] for k in PHRASAL_VERBS)  # most tokens need no phrasal check
_PHRASAL_WIDTH = max(map(len, PHRASAL_VERBS))
_PHRASAL_ASCII = re.compile("|".join(map(re.escape, PHRASAL_VERBS)), re.IGNORECASE)


def _phrasal_at(text: str, pos: int) -> bool:
    """Whether a phrasal verb ("llevar a cabo") starts at ``pos``, its words folded. On ASCII text folding
    is lower-casing, so one case-blind match answers for every phrasal verb at once."""
    window = text[pos : pos + _PHRASAL_WIDTH]
    if window.isascii():
        return _PHRASAL_ASCII.match(window) is not None
    return any(fold(window[: len(k)]) == k for k in PHRASAL_VERBS)


_SCOPE_END = re.compile(
    r";|\.\s|\.$|,\s*(?:previ[oa]|de conformidad|conforme|en apego|con apego|con excepci[óo]n|sin perjuicio|"
    r"salvo|siempre que|en t[ée]rminos|de acuerdo con|en coordinaci[óo]n|en vinculaci[óo]n|con base en|"
    r"a fin de|con el (?:fin|objeto|prop[óo]sito)|para (?:su|la|el) (?:aprobaci|autorizaci|validaci))",
    re.IGNORECASE,
)

CONDITION = re.compile(
    r"\b(?:previ[oa]s?\s+(?P<kind>validaci[óo]n|autorizaci[óo]n|opini[óo]n|aprobaci[óo]n|acuerdo|dictamen|"
    r"valoraci[óo]n|revisi[óo]n|visto bueno|consulta|conocimiento|propuesta|registro)(?:\s+expresa)?"
    r"|a\s+(?P<kind2>propuesta)|con\s+(?:la\s+|el\s+)?(?P<kind3>aprobaci[óo]n|autorizaci[óo]n|intervenci[óo]n|"
    r"validaci[óo]n|anuencia|opini[óo]n|visto bueno)(?:\s+(?:previa|definitiva|expresa))?"
    r"|sujet[oa]s?\s+a\s+la\s+(?P<kind4>aprobaci[óo]n|autorizaci[óo]n|validaci[óo]n)(?:\s+(?:previa|definitiva))?)"
    r"\s+(?:de|del)\s+(?P<who>[^;.]*)",
    re.IGNORECASE,
)
COOPERATION = re.compile(
    r"\b(?:en\s+(?P<kind>coordinaci[óo]n|vinculaci[óo]n|colaboraci[óo]n|conjunto|conjunci[óo]n)\s+con"
    r"|de\s+manera\s+(?P<kind2>coordinada|conjunta)\s+con|(?P<kind3>conjuntamente)\s+con"
    r"|con\s+el\s+(?P<kind4>apoyo)\s+de)\s+(?P<who>[^;.]*)",
    re.IGNORECASE,
)
RETENTION = re.compile(
    r"\bsin\s+perjuicio\s+de(?:l)?\s+(?:su\s+)?(?:ejercicio\s+directo|ejercerlas?\s+(?:en\s+forma|de\s+manera)\s+directa|"
    r"que\s+(?:la|las)\s+ejerza)[^;.]*?(?:por\s+parte\s+de\s+(?P<who>[^;.,]*(?:,[^;.,]*)?))?(?=[;.,]|$)",
    re.IGNORECASE,
)
# Words every match of each pattern holds (the kinds CONDITION's "con …" branch names; "previ", "a
# propuesta", "sujet"; COOPERATION's nouns and adverbs; RETENTION's "sin perjuicio"): a power text
# holding none is not searched by the pattern. Lower case: see ``loaders.text.keyed``.
CONDITION_WORDS = (
    "previ",
    "propuesta",
    "sujet",
    "aprobaci",
    "autorizaci",
    "intervenci",
    "validaci",
    "anuencia",
    "opini",
    "visto bueno",
)
COOPERATION_WORDS = ("coordina", "vinculaci", "colaboraci", "conjun", "apoyo")
RETENTION_WORDS = ("perjuicio",)

CONDITION_KINDS = {
    "validacion": "validación",
    "autorizacion": "autorización",
    "opinion": "opinión",
    "aprobacion": "aprobación",
    "acuerdo": "acuerdo",
    "dictamen": "dictamen",
    "valoracion": "valoración",
    "revision": "revisión",
    "visto bueno": "visto bueno",
    "consulta": "consulta",
    "conocimiento": "conocimiento",
    "propuesta": "propuesta",
    "registro": "registro",
    "intervencion": "intervención",
    "anuencia": "anuencia",
}
COOPERATION_KINDS = {
    "coordinacion": "coordinación",
    "vinculacion": "vinculación",
    "colaboracion": "colaboración",
    "conjunto": "conjunto",
    "conjuncion": "conjunto",
    "coordinada": "coordinación",
    "conjunta": "conjunto",
    "conjuntamente": "conjunto",
    "apoyo": "apoyo",
}


@dataclass
class Party:
    """A unit or body a power refers to: resolved to a unit id, an organization id, or only text."""

    text: str
    unit: str | None = None
    organization: str | None = None


@dataclass
class Semantics:
    actions: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    action_stems: list[str] = field(default_factory=list)
    scope_stems: list[str] = field(default_factory=list)
    conditions: list[tuple[str, Party]] = field(default_factory=list)
    cooperation: list[tuple[str, Party]] = field(default_factory=list)
    retained_by: list[Party] = field(default_factory=list)
    retained_by_holder: bool = False  # "sin perjuicio de ejercerlas en forma directa"


_TOKEN = re.compile(r"y/o|[\wáéíóúñüÁÉÍÓÚÑÜ]+|,")


def leading_actions(text: str) -> tuple[list[str], int]:
    """The infinitives a power starts with, and the offset where its object begins."""
    actions: list[str] = []
    pos = 0
    while pos < len(text):
        aside = _ASIDE.match(text, pos)
        if aside and aside.end() > pos and actions:
            pos = aside.end()
            continue
        m = _TOKEN.search(text, pos)
        if not m:
            break
        token = m.group(0)
        phrasal = None
        if fold(token) in _PHRASAL_FIRST_WORDS:
            here = m.start()
            phrasal = next((v for k, v in PHRASAL_VERBS.items() if fold(text[here : here + len(k)]) == k), None)
        if phrasal and (not actions or text[pos : m.start()].strip() in ("", ",")):
            actions.append(phrasal)
            pos = m.start() + len(phrasal)
            continue
        verb = infinitive(token)
        if verb and (not actions or text[pos : m.start()].strip() in ("", ",")):
            actions.append(verb)
            pos = m.end()
            continue
        if actions and (_SEPARATORS.match(token) or fold(token) in ("asi", "como", "bien")):
            following = _TOKEN.search(text, m.end())
            if following and (
                infinitive(following.group(0))
                or following.group(0) in ("en", "como", "bien", ",")
                or fold(following.group(0)) in ("asi", "como", "su")
            ):
                pos = m.end()
                continue
        break
    return actions, pos


def object_phrase(text: str, start: int) -> str:
    rest = text[start:].lstrip(" ,")
    # "Proponer y aplicar, de conformidad con …, en términos de …, los nombramientos": skip asides.
    while (aside := _LEADING_ASIDE.match(rest)) is not None:
        rest = rest[aside.end() :]
    end = _SCOPE_END.search(rest)
    phrase = rest[: end.start()] if end else rest
    return phrase.strip(" ,.;:")


Resolver = Callable[[str], Party | None]


def parties(segment: str, registry: UnitRegistry, *, create: bool = False, line: int = 0) -> list[Party]:
    """The units and bodies named in ``segment``, in order ("las Coordinaciones de A, B y C" → 3)."""
    found: list[Party] = []
    seen: set[str] = set()
    for mention in registry.find(segment):
        key = mention.target
        if key not in seen:
            seen.add(key)
            party = Party(
                mention.text,
                unit=mention.target if mention.label == "Unit" else None,
                organization=mention.target if mention.label == "Organization" else None,
            )
            found.append(party)
    for party in _elliptical(segment, registry):
        if party.unit and party.unit not in seen:
            seen.add(party.unit)
            found.append(party)
    if create:
        for m in ORG_PHRASE.finditer(segment):
            phrase = m.group(0)
            if any(fold(p.text) in fold(phrase) or fold(phrase) in fold(p.text) for p in found):
                continue
            org = registry.define_org(phrase, line)
            found.append(Party(phrase, organization=org))
        for m in UNIT_PHRASE.finditer(segment):
            phrase = m.group(0)
            if any(fold(p.text) in fold(phrase) or fold(phrase) in fold(p.text) for p in found):
                continue
            name = clean_name(phrase)
            if (
                fold(phrase.split()[0]) in PLURAL_HEADS
                or len([w for w in name.split() if fold(w) not in CONNECTORS]) < 2
            ):
                continue
            if is_external_body(name):
                org = registry.define_org(name, line)
                found.append(Party(phrase, organization=org))
            elif kind_of(name):
                found.append(Party(phrase, unit=registry.define(name, line)))
    return found


_ELLIPSIS = re.compile(
    rf"\b(?P<head>{'|'.join(PLURAL_HEADS)})\s+(?P<prep>de|del|de la|de las|de los)\s+(?P<list>[^;.]*)", re.IGNORECASE
)


def _elliptical(segment: str, registry: UnitRegistry) -> list[Party]:
    """ "las Coordinaciones de Supervisión, Epidemiología y Programas Preventivos" → three units."""
    out: list[Party] = []
    for m in _ELLIPSIS.finditer(segment):
        head = PLURAL_HEADS[fold(m.group("head"))]
        pieces = [p.strip() for p in re.split(r",\s*|\s+y\s+|\s+e\s+", m.group("list")) if p.strip()]
        pieces = [re.sub(r"^(?:de|del|de la|la|el)\s+", "", p) for p in pieces]
        i = 0
        while i < len(pieces):
            matched = False
            for j in range(len(pieces), i, -1):
                for joiner in (" y ", ", "):
                    candidate = f"{head} {m.group('prep')} {joiner.join(pieces[i:j])}"
                    unit = registry.resolve(candidate)
                    if unit:
                        out.append(Party(candidate, unit=unit))
                        i, matched = j, True
                        break
                if matched:
                    break
            if not matched:
                i += 1
    return out


# Where a later act may start: a semicolon or comma, or "y", "e", "así como" (an aside such as "de ser
# procedente" may follow); the clause is an act only if its first word is an infinitive.
_CLAUSE_START = re.compile(
    r"(?:[;,]\s*(?:(?:y|e|as[ií] como)\b\s*,?\s*)?|\s(?:y|e|as[ií] como)\s*,?\s*)"
    r"(?:(?:en su caso|de ser procedente|en general|de ser el caso|en los casos que proceda),\s*)?",
    re.IGNORECASE,
)
# Nouns and adjectives that look like infinitives after a comma or "y" ("y mujeres", "de carácter").
_NOT_ACTS = {"mujer", "caracter", "poder", "deber", "haber", "placer", "taller", "escolar", "familiar", "nuclear"}


def acts(text: str) -> list[tuple[str, str]]:
    """Every (action, object) of a power, the object in full: the leading verbs share the first object;
    each later clause that starts with a verb ("…; formalizar los contratos …") adds its own."""
    verbs, start = leading_actions(text)
    if not verbs:
        return []
    bounds = [(0, 0)]  # (where the previous clause ends, where this one starts)
    for m in _CLAUSE_START.finditer(text, start):
        word = _TOKEN.match(text, m.end())
        if word is None or not word.group(0)[:1].islower() or fold(word.group(0)) in _NOT_ACTS:
            continue
        verb = infinitive(word.group(0)) or _phrasal_at(text, m.end())
        if verb and m.start() > bounds[-1][1]:
            bounds.append((m.start(), m.end()))
    if len(bounds) == 1:  # one clause, the whole text: its leading verbs are read already
        return [(verb, object_phrase(text, start)) for verb in verbs]
    found: list[tuple[str, str]] = []
    for i, (_, begin) in enumerate(bounds):
        segment = text[begin : bounds[i + 1][0] if i + 1 < len(bounds) else len(text)]
        clause_verbs, offset = leading_actions(segment)
        phrase = object_phrase(segment, offset) if clause_verbs else ""
        found += [(verb, phrase) for verb in clause_verbs]
    return found


def _short(phrase: str) -> str:
    return phrase if len(phrase) <= 240 else phrase[:237].rsplit(" ", 1)[0] + "…"


def analyze(text: str, registry: UnitRegistry, line: int = 0) -> Semantics:
    result = Semantics()
    found = acts(text)
    result.actions = [verb for verb, _ in found]
    result.objects = [_short(phrase) for _, phrase in found]
    result.action_stems = sorted({s for verb, _ in found for s in content_stems(verb)})
    result.scope_stems = list(dict.fromkeys(s for _, phrase in found for s in content_stems(phrase)))

    keys = keyed(text)
    for m in CONDITION.finditer(text) if any(w in keys for w in CONDITION_WORDS) else ():
        raw = next(g for g in (m.group("kind"), m.group("kind2"), m.group("kind3"), m.group("kind4")) if g)
        kind = CONDITION_KINDS.get(fold(raw), fold(raw))
        who = _clip(m.group("who"))
        named = parties(who, registry, create=True, line=line)
        if named:
            result.conditions.extend((kind, p) for p in named)
        else:
            result.conditions.append((kind, Party(who)))
    for m in COOPERATION.finditer(text) if any(w in keys for w in COOPERATION_WORDS) else ():
        raw = next(g for g in (m.group("kind"), m.group("kind2"), m.group("kind3"), m.group("kind4")) if g)
        kind = COOPERATION_KINDS.get(fold(raw), fold(raw))
        for party in parties(_clip(m.group("who")), registry, create=True, line=line):
            result.cooperation.append((kind, party))
    for m in RETENTION.finditer(text) if any(w in keys for w in RETENTION_WORDS) else ():
        who = m.group("who")
        if who:
            result.retained_by.extend(parties(who, registry, create=True, line=line))
        else:
            result.retained_by_holder = True
    return result


def _clip(segment: str) -> str:
    """The named parties end where the clause does: at a comma that does not continue a name."""
    m = re.search(r",\s+(?=[a-záéíóúñ])", segment)
    return segment[: m.start()] if m else segment
