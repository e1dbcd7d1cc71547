"""Units and bodies by name: one registry per document that gives each unit one id and one name.

Units are *created* only from structural sources (structure lists, powers headings, functions
sections, integration sentences, history); every other mention only *resolves* to a known unit,
so a stray phrase never becomes a unit. Resolution folds accents and case, singularizes plural
heads ("Coordinaciones Estatales" = "Coordinación Estatal"), ignores level qualifiers
("Coordinación Delegacional de X" = "Coordinación de X") and follows former names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from loaders import ids
from loaders.records import OrganizationRecord, UnitRecord
from orggraph.folding import fold
from orggraph.lexicon import (
    CONNECTORS,
    EXTERNAL_BODY_PREFIXES,
    KNOWN_BODIES,
    LEVEL_QUALIFIERS,
    PLURAL_HEADS,
    POST_HEADS,
    POSTS,
    SINGULAR_HEADS,
    UNIT_HEAD_WORDS,
    UNIT_KINDS,
    stem,
    title_case,
)

_LEADING = re.compile(
    r"^(?:(?:a|de|del|por|con|en)\s+)?(?:(?:la|el|las|los|su|sus|una?|cada)\s+(?:o\s+(?:la|el|las|los)\s+)?)?"
    r"(?:(?:persona|personas)\s+)?(?:titular(?:es)?\s+(?:del|de)\s+(?:la|el|las|los)?\s*)?",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s.,;:]+$")


def _singular_word(word: str) -> str:
    lower = fold(word)
    if lower in PLURAL_HEADS:
        return PLURAL_HEADS[lower]
    for plural, singular in (
        ("ales", "al"),
        ("ares", "ar"),
        ("ores", "or"),
        ("iones", "ión"),
        ("les", "l"),
        ("as", "a"),
        ("os", "o"),
    ):
        if lower.endswith(plural) and len(lower) > len(plural) + 2:
            return word[: len(word) - len(plural)] + singular
    return word


def singularize_name(name: str) -> str:
    """ "Coordinaciones Estatales" → "Coordinación Estatal"; only the head and its adjectives change."""
    parts = name.split()
    if not parts or fold(parts[0]) not in PLURAL_HEADS:
        return name
    out = [PLURAL_HEADS[fold(parts[0])]]
    i = 1
    while i < len(parts) and fold(parts[i]) not in CONNECTORS and parts[i][:1].isupper():
        out.append(_singular_word(parts[i]))
        i += 1
    return " ".join(out + parts[i:])


@lru_cache(maxsize=65536)
def clean_name(raw: str) -> str:
    """A unit name as a person would write it: no article, no trailing period, not in capitals.
    (Cached: a document names its units again and again.)"""
    name = _TRAILING.sub("", raw.strip())
    name = re.sub(r"(?:[,;]\s*|\s+)(?:y|e|o|u)$", "", name)  # "I. La Junta Directiva, y"
    name = _TRAILING.sub("", name)
    name = _LEADING.sub("", name).strip()
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"^(\S+)\s+denominad[oa]s?\s+", r"\1 ", name, flags=re.IGNORECASE)  # "Unidad denominada X"
    letters = [c for c in name if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        name = title_case(name)
    if name[:1].islower():
        name = name[0].upper() + name[1:]
    return singularize_name(name)


def kind_of(name: str, *, fallback: bool = False) -> str | None:
    """A unit's kind from its head word ("Dirección de X" → direccion). With ``fallback``, a name the
    lexicon does not know (a structure list says it is a unit) takes its own first word as its kind:
    "Registro de Trámites" → registro."""
    folded = fold(name)
    kind = kind_by_head(folded)
    if kind is not None:
        return kind
    if fallback and folded:
        return re.sub(r"[^a-z0-9]", "", folded.split()[0]) or None
    return None


def kind_by_head(folded: str) -> str | None:
    """The kind of the longest head of ``UNIT_KINDS`` that ``folded`` is or starts with as whole words
    (followed by a space): one lookup for each place its words end, longest first, not a test of every
    head (39 ``startswith`` a name; the readers ask it of every name they meet)."""
    end = len(folded)
    while end > 0:
        kind = UNIT_KINDS.get(folded[:end])
        if kind is not None:
            return kind
        end = folded.rfind(" ", 0, end)
    return None


# Where a listed unit's name ends: a relative clause, a sentence end, a colon or semicolon, a note. A
# sentence end's "." is tested before what precedes it ("Lic."): every branch then opens on a character
# the search skips to in C, where three look-behinds were tested at every position of every item.
_NAME_END = re.compile(
    r"""(?:,\s*|\s+)(?:a\s+la\s+cual|al\s+cual|a\s+la\s+que|al\s+que|la\s+cual|el\s+cual|las\s+cuales|los\s+cuales|
    que|quien|quienes|cuy[oa]s?|mism[oa]s?\s+que|misma|mismo|con\s+(?:las|los)\s+siguientes|
    encargad[oa]\s+de|responsable\s+(?:de|del))\b
    |\.(?<!\b[A-Z]\.)(?<!\bLic\.)(?<!\bIng\.)\s+(?=[A-ZÁÉÍÓÚÑ])|[:;]|\.$|\(|,\s*(?:y|e)\s*$|\s+(?:y|e)\s*$""",
    re.VERBOSE,
)
_VERB_HINTS = re.compile(
    r"\b(?:que|cual|quien|quienes|debera|deberan|sera|seran|podra|podran|tendra|tendran|tiene|tienen|es|son|"
    r"estara|estaran|esta|estan|cuentan?\s+con|corresponde|realizar|llevar|establecer|sera|se)\b"
)


_LISTED_ARTICLE = re.compile(r"^(?:(?:Un|Una|La|El|Las|Los|De\s+la|Del|De\s+los|De\s+las|A\s+la|Al)\s+)")
_LISTED_OR_ARTICLE = re.compile(r"^o\s+(?:la|el|las|los)\s+")


def listed_name(text: str) -> str:
    """The unit a structure list's item names: "Una Coordinación Jurídica." → "Coordinación Jurídica";
    "Subsecretaría de Turismo, a la cual se adscriben …" → "Subsecretaría de Turismo"."""
    text = " ".join(text.split())  # each run of spacing one space (str.split's whitespace is a pattern's \s)
    text = _LISTED_ARTICLE.sub("", text)
    text = _LISTED_OR_ARTICLE.sub("", text)  # "La o el titular …", "Las o los Visitadores"
    m = _NAME_END.search(text)
    name = text[: m.start()] if m else text
    return _TRAILING.sub("", name).strip(" ,")


def name_like(name: str, *, single_word: bool = True) -> bool:
    """Could ``name`` be a unit's name in a list: a short capitalised phrase, no verb, at most a couple
    of lower-case content words ("Vigilancia y evaluación de Recursos Humanos")."""
    words = name.split()
    # (federal names run long: "Dirección General de Desarrollo de Argumentación Técnica para la
    # Implementación de la Política Regulatoria del Sector Hidrocarburos" is 17 words)
    if not words or len(words) > (24 if kind_of(name) else 16):
        return False
    if not words[0][:1].isupper() and not kind_of(name):  # "Una dirección." names a unit all the same
        return False
    if len(words) == 1 and (not single_word or len(name) < 4):
        return False
    if re.search(r"[;:]", name) or re.search(r"\d{3,}", name):
        return False
    if _VERB_HINTS.search(fold(name)):
        return False
    lowercase = [w for w in words[1:] if w[:1].islower() and fold(w) not in CONNECTORS]
    # A known head word vouches for a name written in lower case ("Área de valoración médica y
    # reincorporación laboral"); without one, a couple of lower-case words at most.
    allowed = 6 if kind_of(name) else 2
    return len(lowercase) <= allowed and fold(words[-1]) not in CONNECTORS


@lru_cache(maxsize=65536)
def _content(name: str) -> tuple[str, ...]:
    """A name's content words, stemmed (cached: the same names are compared again and again)."""
    return tuple(stem(w) for w in re.findall(r"[A-Za-zÁÉÍÓÚÑáéíóúñü]+", name) if fold(w) not in CONNECTORS)


def _stems_match(a: str, b: str) -> bool:
    if a == b or a.rstrip("s") == b.rstrip("s"):  # Snowball keeps "obras" but stems "obra"
        return True
    shortest = min(len(a), len(b))
    return shortest >= 6 and a[:shortest] == b[:shortest]


def _stem_key(stem: str) -> str:
    """What two stems that ``_stems_match`` share: their first five letters once a plural "s" is off."""
    return stem.rstrip("s")[:5]


_WordIndex = dict[tuple[int, str] | tuple[int, str, str], list[tuple[tuple[str, ...], str]]]


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(_stems_match(x, y) for x, y in zip(a, b, strict=True))


def organization_identity(name: str, acronym: str | None = None) -> tuple[str, str, str | None]:
    """(id, name, acronym) of an organization as ``UnitRegistry.define_org`` registers it: a body the lexicon
    knows gets its acronym even when the text gives none ("Instituto Mexicano del Seguro Social" → imss).
    A parser names its own organization with this id before registering it, so the two must agree."""
    name = municipality(re.sub(r"\s+", " ", _TRAILING.sub("", _LEADING.sub("", name.strip()))))
    acronym = acronym or KNOWN_BODIES.get(fold(name))
    return ids.organization_id(acronym or name), name, acronym


_MUNICIPAL_GOVERNMENT = re.compile(
    r"^(?:(?:(?:H|R)\.|Honorable|Republicano)\s+)?(?:Ayuntamiento|Cabildo|Gobierno\s+Municipal)\s+"
    r"(?:(?:del|de)\s+Municipio\s+)?de\s+(?P<place>[A-ZÁÉÍÓÚÑ].*)$"
    r"|^Municipio\s+(?:Libre\s+)?de\s+(?P<place2>[A-ZÁÉÍÓÚÑ].*)$",
    re.IGNORECASE,
)


def municipality(name: str) -> str:
    """The municipality a municipal government's name stands for, as the one root of its bodies' tree:
    "R. Ayuntamiento de Torreón", "Republicano Ayuntamiento del Municipio de Torreón", "Ayuntamiento de
    Torreón, Coahuila" → "Municipio de Torreón" (each Municipio is governed by its Ayuntamiento, art. 115
    of the Constitution). Any other name is returned as given."""
    m = _MUNICIPAL_GOVERNMENT.match(name)
    if not m:
        return name
    place = re.split(r",", m.group("place") or m.group("place2"))[0].strip()
    return f"Municipio de {place}"


def post_to_unit_name(post: str) -> str | None:
    """ "Jefes de Departamento de Supervisión" → "Departamento de Supervisión"; "Subdelegados" → "Subdelegación"."""
    text = post.strip()
    for pattern, unit_head in POSTS:
        m = pattern.match(text)
        if m:
            rest = text[m.end() :].strip()
            rest = re.sub(r"^(?:de\s+)?", "", rest) if unit_head in ("Subdelegación", "Delegación") else rest
            name = f"{unit_head} {rest}".strip()
            # Only the level adjective agrees with the plural post ("Jefes de Oficina de Pensiones
            # Delegacionales"); the rest of the phrase is the unit's own name and stays as written.
            words = [_singular_word(w) if _is_level_word(w) else w for w in name.split()]
            return _agree(" ".join(words))
    m = re.match(
        r"^(?:(?:la|el|los|las)\s+(?:o\s+(?:el|la)\s+)?)?(?:persona\s+)?(?:titular(?:es)?|encargad[oa]s?|responsables?)\s+"
        r"(?:del|de\s+la|de\s+el|de\s+los|de\s+las|de)\s+(.+)$",
        text,
        re.I,
    )
    if m:
        unit = clean_name(m.group(1))  # "la persona encargada del área de coordinación de …"
        return unit[:1].upper() + unit[1:]
    words = text.split()
    for n in (2, 1):  # "Oficial Mayor", then one word
        head = fold(" ".join(words[:n]))
        if len(words) >= n and head in POST_HEADS:
            rest = " ".join(words[n:])
            rest = re.sub(r"^(?:del?\s+(?=(?:Departamento|Unidad|Oficina|Divisi[óo]n|Área|Area)\b))", "", rest)
            if POST_HEADS[head] == "Jefatura" and re.match(
                r"^(?:Departamento|Unidad|Oficina|Divisi[óo]n|Área|Area|Secci[óo]n)\b", rest
            ):
                return rest
            return _agree(f"{POST_HEADS[head]} {rest}".strip())
    return None


def _agree(name: str) -> str:
    """ "Subdirección Técnico" → "Subdirección Técnica": the adjectives right after a feminine unit
    head agree with it (a post's "Subdirector Técnico" names its unit); words after "de" are the
    unit's own name and stay."""
    words = name.split()
    if not words or not re.search(r"(?:ción|cion|ía|ia|ura)$", words[0]):
        return name
    for i in range(1, len(words)):
        word = words[i]
        if not word[:1].isupper() or fold(word) in CONNECTORS:
            break
        if len(word) > 3 and word.endswith("o"):
            words[i] = word[:-1] + "a"
        elif len(word) > 3 and word.endswith("os"):
            words[i] = word[:-2] + "as"
    return " ".join(words)


def _is_level_word(word: str) -> bool:
    folded = fold(word)
    return folded in LEVEL_QUALIFIERS or folded.endswith(("delegacionales", "delegacional"))


@dataclass
class _Unit:
    id: str
    name: str
    kind: str
    organization: str
    aliases: list[str] = field(default_factory=list)
    described: bool = False
    line_start: int = 0
    line_end: int = 0
    listed_as: str | None = None
    listed: bool = False
    scope: str | None = None  # the unit (or body) whose list first named it
    serial: int = 0  # how many units the registry held before it: units are never removed


class UnitRegistry:
    """The units (and external bodies) of one document, by id, with their names and aliases."""

    def __init__(self, organization: str) -> None:
        self.organization = organization
        self._units: dict[str, _Unit] = {}
        self._by_key: _Keys = _Keys()  # folded name or alias → id
        self._orgs: dict[str, OrganizationRecord] = {}
        self._org_by_key: _Keys = _Keys()
        self._scanner: _Scanner | None = None
        self._word_index: tuple[int, int, _WordIndex, _WordIndex] | None = None
        self._titular_posts: dict[str, str] = {}  # folded post → organization id

    # ------------------------------------------------------------------ units
    def define(
        self,
        raw_name: str,
        line: int,
        *,
        described: bool = False,
        line_end: int | None = None,
        listed: bool = False,
        listed_as: str | None = None,
        scope: str | None = None,
        any_name: bool = False,
    ) -> str:
        """The id of the unit named ``raw_name``, created if new. Known names and aliases resolve.

        ``listed``: a structure list names it, so a name the lexicon does not know ("Enlace de Fondos",
        "Registro de Trámites") is still a unit. ``listed_as``: the noun the list used for its items
        ("unidades administrativas", "departamentos"), which class-wide articles refer to."""
        name = self.strip_own_org(clean_name(raw_name))
        existing = self._by_key.get(fold(name)) if listed else self.resolve(name)
        if existing and scope and listed and self._units[existing].scope not in (None, scope):
            # The same name in another body's list ("Consejo Directivo" of each institute): another unit.
            owner = self._units[scope].name if scope in self._units else self.org(scope).name
            qualified = f"{name} {owner}"
            existing = self._by_key.get(fold(qualified))
            if existing is None:
                unit_id = self._free_id(ids.unit_id(self.organization, qualified))
                self._units[unit_id] = _Unit(
                    unit_id,
                    name,
                    kind_of(name, fallback=True) or "unidad",
                    self.organization,
                    described=described,
                    line_start=line,
                    line_end=line_end or line,
                    listed_as=listed_as,
                    listed=True,
                    scope=scope,
                    serial=len(self._units),
                )
                self._by_key[fold(qualified)] = unit_id
                self._by_key.setdefault(fold(f"{name} de {owner}"), unit_id)
                self._by_key.setdefault(fold(f"{name} del {owner}"), unit_id)
                return unit_id
        if existing and scope and self._units[existing].scope is None:
            self._units[existing].scope = scope
        if existing:
            unit = self._units[existing]
            if fold(name) != fold(unit.name) and fold(name) not in self._by_key:
                self.add_alias(existing, name)  # another spelling of a known unit
            unit.described = unit.described or described
            if unit.line_start == 0 or line < unit.line_start:
                unit.line_start, unit.line_end = line, max(unit.line_end, line_end or line)
            if listed_as and not unit.listed_as:
                unit.listed_as = listed_as
            unit.listed = unit.listed or listed
            self._prefer_display(unit, name)
            return existing
        kind = kind_of(name, fallback=listed or any_name)
        if kind is None:
            raise ValueError(f"{raw_name!r} does not name a unit (no unit word at its start)")
        unit_id = self._free_id(ids.unit_id(self.organization, name))
        self._units[unit_id] = _Unit(
            unit_id,
            name,
            kind,
            self.organization,
            described=described,
            line_start=line,
            line_end=line_end or line,
            listed_as=listed_as,
            listed=listed,
            scope=scope,
            serial=len(self._units),
        )
        self._by_key[fold(name)] = unit_id
        full = re.sub(r"\s+", " ", clean_name(raw_name))
        if fold(full) != fold(name):  # "Director General de Archivo Municipal": the long form names it too
            self._units[unit_id].aliases.append(full)
            self._by_key.setdefault(fold(full), unit_id)
        return unit_id

    def _free_id(self, unit_id: str) -> str:
        """Names that slug alike ("Auxiliar (Prensa)" / "Auxiliar Prensa") are two units: the second id is numbered."""
        if unit_id not in self._units:
            return unit_id
        n = 2
        while f"{unit_id}-{n}" in self._units:
            n += 1
        return f"{unit_id}-{n}"

    def strip_own_org(self, name: str) -> str:
        """ "Órgano de Vigilancia de IMSS-BIENESTAR" → "Órgano de Vigilancia" (the org is implied)."""
        for m in reversed(list(re.finditer(r"\s+(?:de|del)\s+(?:la\s+|el\s+|los\s+)?", name, re.IGNORECASE))):
            of = name[m.end() :]
            org = self.resolve_org(of)
            # "Presidente del Tribunal" stays whole: a bare post word is no unit's name.
            own = name[: m.start()]
            # "Jefatura de Archivo" (no article: the function) is not the "Jefatura del Archivo" (the body's).
            # … but an acronym ("de IMSS-BIENESTAR") is the body's name all the same.
            bare_de = fold(m.group(0).strip()) == "de"
            common_noun = bare_de and len(of.split()) == 1 and not of.isupper()
            if org is not None and not self._orgs[org].external and fold(own) not in POST_HEADS and not common_noun:
                return own
        return name

    def _prefer_display(self, unit: _Unit, name: str) -> None:
        # Prefer a name that is not in capitals and closer to the canonical form.
        if fold(name) == fold(unit.name) and name != unit.name and not name.isupper():
            unit.name = name

    def add_alias(self, unit_id: str, alias: str) -> None:
        alias = self.strip_own_org(clean_name(alias))
        unit = self._units[unit_id]
        if fold(alias) != fold(unit.name) and alias not in unit.aliases:
            unit.aliases.append(alias)
        self._by_key.setdefault(fold(alias), unit_id)

    def resolve(self, mention: str) -> str | None:
        """The id of a known unit this mention names, or None."""
        name = clean_name(mention) if mention else ""
        if not name:
            return None
        key = fold(name)
        if key in self._by_key:
            return self._by_key[key]
        words = name.split()
        if len(words) >= 3 and self._is_place(words[-1]):  # "Consejo Municipal de la Mujer Torreón"
            placed = self._by_key.get(fold(" ".join(words[:-1])))
            if placed:
                return placed
        kept = [w for w in words if fold(w) not in LEVEL_QUALIFIERS]
        while kept and fold(kept[-1]) in CONNECTORS:  # "… Desconcentrada Estatales y Regionales"
            kept.pop()
        without_levels = " ".join(kept)
        if without_levels != name and len([w for w in without_levels.split() if fold(w) not in CONNECTORS]) >= 2:
            key2 = fold(without_levels)
            if key2 in self._by_key:
                return self._by_key[key2]
        owner = self._without_possessor(name)
        if owner:
            return owner
        wanted = _content(without_levels)
        if len(wanted) < 2:  # a bare "Coordinación" names no unit
            return None
        kind = kind_of(name)
        # Only names of as many content words whose first and last words could match are compared (in the
        # order the names were learnt, so the first match is the same as a scan of all names finds).
        by_first, by_second = self._by_words()
        for known, unit_id in by_first.get((len(wanted), _stem_key(wanted[0]), _stem_key(wanted[-1])), []):
            if self._units[unit_id].kind == kind and len(known) >= 2 and _same_name(wanted, known):
                return unit_id
        # The same name under another head word ("Unidad de Transparencia y Acceso a la Información
        # Pública" for the listed "Coordinación de …"): only when it is unmistakable.
        same_words: set[str] = set()
        if len(wanted) >= 4:
            for known, unit_id in by_second.get((len(wanted), _stem_key(wanted[1])), []):
                if _same_name(wanted[1:], known[1:]):
                    same_words.add(unit_id)
        return same_words.pop() if len(same_words) == 1 else None

    def _is_place(self, word: str) -> bool:
        """A word the organizations' names end in as a place ("… de Torreón")."""
        tail = f" de {fold(word)}"
        return word[:1].isupper() and any(fold(o.name).endswith(tail) for o in self._orgs.values())

    def _by_words(self) -> tuple[_WordIndex, _WordIndex]:
        """Known names' content words, by (how many, the keys of the first and last words) and by (how
        many, the key of the second word), in the order the names were learnt: extended with the names learnt
        since, rebuilt when a name was given another unit."""
        keys = self._by_key
        if self._word_index is None or self._word_index[0] != keys.rewrites:
            self._word_index = (keys.rewrites, 0, {}, {})
        rewrites, done, by_first, by_second = self._word_index
        for known_key in keys.order[done:]:
            known = _content(" ".join(w for w in known_key.split() if w not in LEVEL_QUALIFIERS))
            if known:
                first_and_last = (len(known), _stem_key(known[0]), _stem_key(known[-1]))
                by_first.setdefault(first_and_last, []).append((known, keys[known_key]))
            if len(known) >= 4:
                by_second.setdefault((len(known), _stem_key(known[1])), []).append((known, keys[known_key]))
        self._word_index = (rewrites, len(keys.order), by_first, by_second)
        return by_first, by_second

    def _without_possessor(self, name: str) -> str | None:
        """ "Prosecretaría de la Junta de Gobierno" → the Prosecretaría, when the Junta is known."""
        splits = [m for m in re.finditer(r"\s+(?:de|del)\s+(?:la\s+|el\s+|los\s+|las\s+)?", name)]
        for m in reversed(splits):
            own, of = name[: m.start()], name[m.end() :]
            known_of = fold(of) in self._by_key or self.resolve_org(of) is not None
            if known_of and len(own.split()) >= 1 and fold(own) != fold(name):
                unit = self._by_key.get(fold(clean_name(own)))
                if unit:
                    return unit
        return None

    def resolve_post(self, post: str) -> str | None:
        """The unit a post heads: "el Director de Ingresos" → Dirección de Ingresos; "el Comisario
        General" → the "Despacho del Comisario General" when the structure names such a unit."""
        name = post_to_unit_name(post)
        unit = self.resolve(name) if name else None
        if unit:
            return unit
        phrase = fold(clean_name(post))
        if len(phrase.split()) >= 2 or phrase in POST_HEADS:
            tails = (f" de {phrase}", f" del {phrase}", f" de la {phrase}")
            holders = [u.id for u in self._units.values() if fold(u.name).endswith(tails)]
            if len(holders) == 1:
                return holders[0]
        return None

    def titular_of(self, post: str) -> str | None:
        """The organization whose titular this post is (said by the text: "Al frente de la Comisaría
        estará un titular que se denomina Comisario General"), or whose name the post's unit is."""
        key = fold(clean_name(post))
        if key in self._titular_posts:
            return self._titular_posts[key]
        name = post_to_unit_name(post)
        return self.resolve_org(name) if name else None

    def add_titular_post(self, org_id: str, post: str) -> None:
        self._titular_posts[fold(clean_name(post))] = org_id

    def resolve_party(self, mention: str) -> tuple[str, str] | None:
        """("Unit", id) or ("Organization", id) for a mention of a unit, a post or a body; None if unknown."""
        if not mention or not mention.strip():
            return None
        org = self.resolve_org(mention)
        if org:
            return "Organization", org
        unit = self.resolve(mention) or self.resolve_post(mention)
        if unit:
            return "Unit", unit
        org = self.titular_of(mention)
        if org:
            return "Organization", org
        return None

    def mark_described(self, unit_id: str) -> None:
        self._units[unit_id].described = True

    def name(self, unit_id: str) -> str:
        return self._units[unit_id].name

    def kind(self, unit_id: str) -> str:
        return self._units[unit_id].kind

    def names_of(self, unit_id: str) -> list[str]:
        """A unit's name and aliases."""
        unit = self._units[unit_id]
        return [unit.name, *unit.aliases]

    def scope_of(self, unit_id: str) -> str | None:
        """The unit (or body) whose list first named this unit, when a scoped list named it."""
        return self._units[unit_id].scope

    def set_scope(self, unit_id: str, scope: str) -> None:
        if self._units[unit_id].scope is None:
            self._units[unit_id].scope = scope

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._units

    def ids(self) -> list[str]:
        return list(self._units)

    def count(self) -> int:
        return len(self._units)

    def defined_since(self, unit_id: str, count: int) -> bool:
        """Whether ``unit_id`` is not among the first ``count`` units defined: a reader asks what a step
        added without copying every id before it (a copy per power list was quadratic in the units)."""
        unit = self._units.get(unit_id)
        return unit is None or unit.serial >= count

    def of_kind(self, kind: str) -> list[str]:
        return [u.id for u in self._units.values() if u.kind == kind]

    def known_names(self) -> list[tuple[str, str]]:
        """(folded name or alias, unit id), longest first: for scanning text for mentions."""
        return sorted(self._by_key.items(), key=lambda kv: len(kv[0]), reverse=True)

    def records(self) -> list[UnitRecord]:
        return [
            UnitRecord(
                id=u.id,
                name=u.name,
                kind=u.kind,
                organization=u.organization,
                aliases=sorted(u.aliases),
                described=u.described,
                listed=u.listed,
                line_start=max(u.line_start, 1),
                line_end=max(u.line_end, u.line_start, 1),
            )
            for u in self._units.values()
        ]

    # ------------------------------------------------------------------ organizations
    def define_org(self, name: str, line: int, *, acronym: str | None = None, external: bool = True) -> str:
        given = re.sub(r"\s+", " ", _TRAILING.sub("", _LEADING.sub("", name.strip())))
        org_id, name, acronym = organization_identity(name, acronym)
        key = fold(name)
        known = self._org_by_key.get(key) or (self._org_by_key.get(fold(acronym)) if acronym else None)
        if known is None:
            self._orgs.setdefault(
                org_id,
                OrganizationRecord(
                    id=org_id, name=name, acronym=acronym, external=external, line_start=line, line_end=line
                ),
            )
            self._org_by_key[key] = org_id
            if acronym:
                self._org_by_key[fold(acronym)] = org_id
            known = org_id
        if fold(given) != key:  # "R. Ayuntamiento de Torreón", registered as "Municipio de Torreón"
            self.add_org_alias(known, given)
        return known

    def add_org_alias(self, org_id: str, alias: str) -> None:
        alias = re.sub(r"\s+", " ", _TRAILING.sub("", _LEADING.sub("", alias.strip())))
        if alias and fold(alias) not in self._by_key:
            self._org_by_key.setdefault(fold(alias), org_id)
            org = self._orgs[org_id]
            shown = self._org_by_key[fold(alias)] == org_id and fold(alias) != fold(org.name)
            if shown and len(alias.split()) >= 2 and alias not in org.aliases and alias != org.acronym:
                self._orgs[org_id] = org.model_copy(update={"aliases": [*org.aliases, alias]})

    def update_org(self, org_id: str, **fields: object) -> None:
        self._orgs[org_id] = self._orgs[org_id].model_copy(update=fields)

    def org(self, org_id: str) -> OrganizationRecord:
        return self._orgs[org_id]

    def resolve_head(self, mention: str) -> str | None:
        """A unit called by its head word alone ("la Academia"), when exactly one unit has it."""
        word = fold(clean_name(mention))
        if not word or " " in word:
            return None
        found = [u.id for u in self._units.values() if fold(u.name).split(" ", 1)[0] == word]
        return found[0] if len(found) == 1 else None

    def records_line(self, unit_id: str) -> int:
        return max(self._units[unit_id].line_start, 1)

    def listed_as(self, unit_id: str) -> str | None:
        return self._units[unit_id].listed_as

    def resolve_org(self, mention: str) -> str | None:
        name = _LEADING.sub("", _TRAILING.sub("", mention.strip()))
        return self._org_by_key.get(fold(name))

    def org_records(self) -> list[OrganizationRecord]:
        return list(self._orgs.values())

    # ------------------------------------------------------------------ scanning text
    def _current_scanner(self) -> _Scanner:
        """One automaton over every known name, rebuilt only when a name was added since."""
        version = (self._by_key.version, self._org_by_key.version)
        if self._scanner is None or self._scanner.version != version:
            candidates = [(k.replace(";", ","), v, "Unit") for k, v in self.known_names()]
            candidates += [(k.replace(";", ","), v, "Organization") for k, v in self._org_by_key.items()]
            candidates.sort(key=lambda c: len(c[0]), reverse=True)
            self._scanner = _Scanner(version, candidates)
        return self._scanner

    def find(self, text: str) -> list[Mention]:
        """Known units and bodies mentioned in ``text``, longest match first, in reading order."""
        folded = fold(text).replace(";", ",")  # "Gerencia Operativa; Planeación …" = "…, Planeación …"
        taken = [False] * len(folded)
        found: list[Mention] = []
        for start, end, target, label, single in self._current_scanner().matches(folded):
            if any(taken[start:end]):
                continue
            if single and re.match(r"\s+(?:de|del)\s+[A-ZÁÉÍÓÚÑ]", text[end : end + 12]):
                continue  # a bare "Secretaría" inside "Secretaría de la Función Pública" is not the alias
            for i in range(start, end):
                taken[i] = True
            found.append(Mention(start, end, text[start:end], target, label))
        # Posts name their units: "el Director General" is the Dirección General.
        for m in POST_PHRASE.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            unit_id = self.resolve_post(m.group(0))
            if unit_id:
                for i in range(m.start(), m.end()):
                    taken[i] = True
                found.append(Mention(m.start(), m.end(), m.group(0), unit_id, "Unit"))
        # Level-qualified and plural forms of known units ("Coordinación Delegacional de Salud en el Trabajo").
        for m in UNIT_PHRASE.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            unit_id = self.resolve(m.group(0))
            if unit_id:
                for i in range(m.start(), m.end()):
                    taken[i] = True
                found.append(Mention(m.start(), m.end(), m.group(0), unit_id, "Unit"))
        return sorted(found, key=lambda x: x.start)


class _Keys(dict):
    """A name index that counts its changes, so that what is built over it knows when it is stale:
    ``order`` lists the keys as they came (indexes extend themselves with the new ones), ``rewrites``
    counts the keys given another target (indexes are then rebuilt)."""

    def __init__(self) -> None:
        super().__init__()
        self.version = 0
        self.rewrites = 0
        self.order: list[str] = []

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        self.version += 1
        if key in self:
            self.rewrites += self[key] != value
        else:
            self.order.append(key)
        super().__setitem__(key, value)

    def setdefault(self, key, default=None):  # type: ignore[no-untyped-def]
        if key not in self:
            self.version += 1
            self.order.append(key)
        return super().setdefault(key, default)


_WORD_CHAR = re.compile(r"[a-z0-9]")


class _Scanner:
    """Every known name found in one pass over a text (Aho-Corasick), in the order the names are tried:
    longest first, then as listed — the same mentions a loop of one regular expression per name finds,
    in time linear in the text rather than in the number of names."""

    def __init__(self, version: tuple[int, int], candidates: list[tuple[str, str, str]]) -> None:
        self.version = version
        self.candidates = [
            c for c in candidates if len(c[0]) >= (3 if c[2] == "Organization" else 4)
        ]  # an acronym ("DIF") is a name too
        self.automaton = ahocorasick.Automaton()
        for rank, (key, _, _) in enumerate(self.candidates):
            if key not in self.automaton:  # the first (longest, earliest) candidate of a key is the one tried
                self.automaton.add_word(key, rank)
        if self.candidates:
            self.automaton.make_automaton()

    def matches(self, folded: str) -> list[tuple[int, int, str, str, bool]]:
        if not self.candidates:
            return []
        by_rank: dict[int, list[int]] = {}
        for end_index, rank in self.automaton.iter(folded):
            by_rank.setdefault(rank, []).append(end_index + 1 - len(self.candidates[rank][0]))
        out: list[tuple[int, int, str, str, bool]] = []
        for rank in sorted(by_rank):
            key, target, label = self.candidates[rank]
            last_end = -1
            for start in sorted(by_rank[rank]):
                end = start + len(key)
                if start < last_end:
                    continue  # as re.finditer: matches of one name do not overlap
                if (start and _WORD_CHAR.match(folded[start - 1])) or (
                    end < len(folded) and _WORD_CHAR.match(folded[end])
                ):
                    continue
                last_end = end
                out.append((start, end, target, label, " " not in key))
        return out


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    target: str
    label: str  # "Unit" or "Organization"


def accent_insensitive(word: str) -> str:
    """A regex for a folded word that also matches its accented spellings ("organo" ~ "Órgano")."""
    classes = {"a": "[aáAÁ]", "e": "[eéEÉ]", "i": "[iíIÍ]", "o": "[oóOÓ]", "u": "[uúüUÚÜ]", "n": "[nñNÑ]"}
    return "".join(classes.get(ch, f"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch)) for ch in word)


_HEADS = "|".join(accent_insensitive(h) for h in UNIT_HEAD_WORDS)
_CAP = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü\-]*"
# A unit-looking phrase: a unit head word, then capitalised words joined by connectors, ending on a
# capitalised word; it stops before "y <another head word>" so lists split into their members.
UNIT_PHRASE = re.compile(
    rf"(?<![\wÁÉÍÓÚÑáéíóúñ])(?:{_HEADS})(?![\wáéíóúñ])"
    rf"(?:(?:\s+|,\s+(?!(?:{_HEADS})(?![\wáéíóúñ])))(?:(?:de|del|la|las|los|el|en|para|a)\s+)*{_CAP}"
    rf"(?:\s+(?:y|e)\s+(?!(?:{_HEADS})(?![\wáéíóúñ])){_CAP})?)*",
)
# An external body's name: a Secretaría de Estado, an Instituto, the Consejería Jurídica …
ORG_PHRASE = re.compile(
    r"(?<![\wáéíóúñ])(?:Secretar[íi]a|Instituto|Consejer[íi]a|Comisi[óo]n\s+Nacional|Consejo\s+(?:de\s+Salubridad|Nacional)|"
    r"Procuradur[íi]a|Auditor[íi]a\s+Superior|Tribunal|Fiscal[íi]a)"
    r"(?:(?:\s+|,\s+)(?:(?:de|del|la|las|los|el|y|e|para|a)\s+)*[A-ZÁÉÍÓÚÑ][\wáéíóúñ]*)+"
)
# A post (the person at the head of a unit): "el Director General", "los Coordinadores de X".
POST_PHRASE = re.compile(
    r"(?<![\wáéíóúñ])(?:Director(?:a|es)?|Subdirector(?:a|es)?|Coordinador(?:a|es)?|Jef[ea]s?\s+de\s+"
    r"(?:Departamento|Oficina|Servicios|Unidad|División)|Subdelegad[oa]s?|Delegad[oa]s?)"
    rf"(?:\s+(?:(?:de|del|la|las|los|el|en|para|a)\s+)*{_CAP}(?:\s+(?:y|e)\s+{_CAP})?)*"
)


def is_external_body(name: str) -> bool:
    key = fold(_LEADING.sub("", name.strip()))
    return key.startswith(EXTERNAL_BODY_PREFIXES)


def unit_like(text: str, *, listed: bool = False) -> bool:
    """True when ``text`` (a list item, a heading) is just a unit name: a unit word and few words.

    A bare head word names no unit ("Coordinación"), except a plural one in a structure list
    ("II. Las Subdelegaciones"): that names a class of units the structure includes.
    """
    name = clean_name(text)
    if kind_of(name) is None:
        return False
    bare_plural = listed and fold(re.sub(r"^(?:las|los)\s+", "", text.strip(), flags=re.I)) in PLURAL_HEADS
    if fold(name) in SINGULAR_HEADS and not bare_plural:
        return False
    if len(name.split()) > 14 or re.search(r"[;:]", name):
        return False
    if re.search(r"\b(?:que|cual|quien|quienes|debera|sera|podra|tendra)\b", fold(name)):
        return False
    # A name capitalises its words; a clause ("… necesarias para el funcionamiento de la misma") does not.
    lowercase = [w for w in name.split()[1:] if w[:1].islower() and fold(w) not in CONNECTORS]
    return len(lowercase) < 2
