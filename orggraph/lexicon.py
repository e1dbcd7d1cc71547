"""The domain's words, in one readable place: unit kinds, posts, instrument types, verbs, stop words.

Everything here is vocabulary of the genre (Mexican administrative law), never of one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from orggraph.folding import fold

# ----------------------------------------------------------------------------- units
# Head noun (folded, singular) → kind. A unit's kind is the Spanish domain word, accent-folded.
UNIT_KINDS: dict[str, str] = {
    "unidad": "unidad",
    "coordinacion": "coordinacion",
    "direccion": "direccion",
    "subdireccion": "subdireccion",
    "division": "division",
    "jefatura": "jefatura",
    "departamento": "departamento",
    "subdelegacion": "subdelegacion",
    "delegacion": "delegacion",
    "oficina": "oficina",
    "organo": "organo",
    "junta": "junta",
    "consejo": "consejo",
    "comite": "comite",
    "comision": "comision",
    "secretaria": "secretaria",
    "prosecretaria": "prosecretaria",
    "area": "area",
    "gerencia": "gerencia",
    "subgerencia": "subgerencia",
    "coordinacion estatal": "coordinacion",
    "representacion": "representacion",
    "titular": "titular",
    "subsecretaria": "subsecretaria",
    "tesoreria": "tesoreria",
    "contraloria": "contraloria",
    "despacho": "despacho",
    "enlace": "enlace",
    "estado mayor": "estado mayor",
    "oficialia": "oficialia",
    "modulo": "modulo",
    "academia": "academia",
    "procuraduria": "procuraduria",
    "subprocuraduria": "subprocuraduria",
    "visitaduria": "visitaduria",
    "sindicatura": "sindicatura",
    "presidencia": "presidencia",
    "agrupamiento": "agrupamiento",
    "region": "region",
}
# Plural head nouns (folded) → singular display form.
PLURAL_HEADS: dict[str, str] = {
    "unidades": "Unidad",
    "coordinaciones": "Coordinación",
    "direcciones": "Dirección",
    "divisiones": "División",
    "jefaturas": "Jefatura",
    "departamentos": "Departamento",
    "subdelegaciones": "Subdelegación",
    "delegaciones": "Delegación",
    "oficinas": "Oficina",
    "organos": "Órgano",
    "areas": "Área",
    "juntas": "Junta",
    "consejos": "Consejo",
    "comites": "Comité",
    "comisiones": "Comisión",
    "secretarias": "Secretaría",
    "gerencias": "Gerencia",
    "subdirecciones": "Subdirección",
    "subsecretarias": "Subsecretaría",
    "subgerencias": "Subgerencia",
    "tesorerias": "Tesorería",
    "comisarias": "Comisaría",
    "oficialias": "Oficialía",
    "agrupamientos": "Agrupamiento",
}
SINGULAR_HEADS = {fold(v): v for v in PLURAL_HEADS.values()}
UNIT_HEAD_WORDS = sorted({*SINGULAR_HEADS, *PLURAL_HEADS, "prosecretaria"}, key=len, reverse=True)

# Head words of a body's name ("Secretaría de Turismo", "Sistema Municipal de Aguas …"): where a title's
# or a sentence's body name begins.
BODY_HEADS = {
    "secretaria",
    "subsecretaria",
    "comisaria",
    "comision",
    "consejo",
    "sistema",
    "instituto",
    "contraloria",
    "tesoreria",
    "administracion",
    "ayuntamiento",
    "republicano",
    "municipio",
    "organismo",
    "servicios",
    "servicio",
    "centro",
    "procuraduria",
    "oficina",
    "oficialia",
    "direccion",
    "coordinacion",
    "tribunal",
    "poder",
    "fiscalia",
    "universidad",
    "colegio",
    "junta",
    "agencia",
    "unidad",
    "presidencia",
    "gobierno",
    "auditoria",
    "fideicomiso",
    "fondo",
    "banco",
    "registro",
    "archivo",
    "hospital",
    "comite",
    "sindicatura",
    "defensoria",
    "consejeria",
    "policia",
    "guardia",
    "gerencia",
    "empresa",
    "patronato",
    "laboratorios",
    "aeropuertos",
    "loteria",
    "caminos",
    "organo",
    "corporacion",
    "academia",
    "comisionado",
    "autoridad",
    "notimex",
    "telecomunicaciones",
    "pronosticos",
    "ferrocarriles",
    "talleres",
    "correos",
    "productora",
    "casa",
    "educal",
    "radio",
    "television",
    "canal",
    # a manual may organize one unit of a body
    "jefatura",
    "departamento",
    "division",
    "subdireccion",
    "subdelegacion",
    "delegacion",
    "area",
    "visitaduria",
}

# A post (the person) → the head word of the unit it heads ("Director de Ingresos" → "Dirección de
# Ingresos", "el Contralor Municipal" → "Contraloría Municipal"). Folded, singular and plural, both genders.
POST_HEADS: dict[str, str] = {
    "director": "Dirección",
    "directora": "Dirección",
    "directores": "Dirección",
    "subdirector": "Subdirección",
    "subdirectora": "Subdirección",
    "subdirectores": "Subdirección",
    "coordinador": "Coordinación",
    "coordinadora": "Coordinación",
    "coordinadores": "Coordinación",
    "gerente": "Gerencia",
    "gerentes": "Gerencia",
    "subgerente": "Subgerencia",
    "subgerentes": "Subgerencia",
    "secretario": "Secretaría",
    "secretaria": "Secretaría",
    "secretarios": "Secretaría",
    "subsecretario": "Subsecretaría",
    "subsecretaria": "Subsecretaría",
    "subsecretarios": "Subsecretaría",
    "tesorero": "Tesorería",
    "tesorera": "Tesorería",
    "contralor": "Contraloría",
    "contralora": "Contraloría",
    "comisario": "Comisaría",
    "comisaria": "Comisaría",
    "comisarios": "Comisaría",
    "delegado": "Delegación",
    "delegada": "Delegación",
    "delegados": "Delegación",
    "subdelegado": "Subdelegación",
    "subdelegada": "Subdelegación",
    "subdelegados": "Subdelegación",
    "procurador": "Procuraduría",
    "procuradora": "Procuraduría",
    "subprocurador": "Subprocuraduría",
    "visitador": "Visitaduría",
    "visitadora": "Visitaduría",
    "defensor": "Defensoría",
    "defensora": "Defensoría",
    "presidente": "Presidencia",
    "presidenta": "Presidencia",
    "administrador": "Administración",
    "administradora": "Administración",
    "auditor": "Auditoría",
    "auditora": "Auditoría",
    "sindico": "Sindicatura",
    "sindica": "Sindicatura",
    "jefe": "Jefatura",
    "jefa": "Jefatura",
    "jefes": "Jefatura",
    "oficial mayor": "Oficialía Mayor",
}

# Adjectives that say at which level a unit sits; "Coordinación Delegacional de X" is "Coordinación de X".
LEVEL_QUALIFIERS = {
    "delegacional",
    "delegacionales",
    "estatal",
    "estatales",
    "regional",
    "regionales",
    "zonal",
    "zonales",
    "central",
    "centrales",
    "nacional",
    "local",
    "locales",
    "municipal",
    "municipales",
}

# Bodies outside the organization: their names start like this (folded).
EXTERNAL_BODY_PREFIXES = (
    "secretaria de ",
    "secretaria del ",
    "consejeria juridica",
    "instituto ",
    "comision nacional",
    "consejo de salubridad",
    "consejo nacional",
    "sindicato",
    "camara de",
    "congreso",
    "poder ",
    "suprema corte",
    "auditoria superior",
    "tribunal",
    "procuraduria",
    "fiscalia",
    "banco de mexico",
    "servicio de administracion tributaria",
    "organizacion sindical",
    "gobierno ",
)

# Posts (the person) → the unit they head.
POSTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^jef[ea]s? de departamento\b", re.I), "Departamento"),
    (re.compile(r"^jef[ea]s? de oficina\b", re.I), "Oficina"),
    (re.compile(r"^jef[ea]s? de servicios\b", re.I), "Jefatura de Servicios"),
    (re.compile(r"^jef[ea]s? de divisi[oó]n\b", re.I), "División"),
    (re.compile(r"^jef[ea]s? de (?:la )?unidad\b", re.I), "Unidad"),
    (re.compile(r"^subdelegad[oa]s?\b", re.I), "Subdelegación"),
    (re.compile(r"^delegad[oa]s?\b", re.I), "Delegación"),
    (re.compile(r"^directora?s? generale?s?\b|^directores generales\b", re.I), "Dirección General"),
    (re.compile(r"^directora?s?\b|^directores\b", re.I), "Dirección"),
    (re.compile(r"^coordinadora?s?\b|^coordinadores\b", re.I), "Coordinación"),
    (re.compile(r"^subdirectora?s?\b|^subdirectores\b", re.I), "Subdirección"),
]


# ----------------------------------------------------------------------------- instruments
@dataclass(frozen=True)
class InstrumentType:
    """A type of legal instrument: its id's type (``mx/ley/…``), how its title starts, and whether running
    text cites it as a legal basis."""

    kind: str  # the type in ids and in the graph ("ley-general")
    starts: tuple[str, ...]  # folded title starts, most specific first ("acuerdos", "acuerdo")
    word: str | None  # the title's first word as printed, a regex ("Acuerdos?"); several types share "Ley"
    citable_in_text: bool  # running text names it as a basis; "Programa Anual de Trabajo" is what a power acts on


# The one table of instrument types, most specific first ("ley general" before "ley"). An acuerdo is
# cited in running text only with its identifier, so it is not citable by its title.
INSTRUMENT_TYPES: tuple[InstrumentType, ...] = (
    InstrumentType("constitucion", ("constitucion",), "Constitución", True),
    InstrumentType("ley-general", ("ley general",), "Ley", True),
    InstrumentType("ley-federal", ("ley federal",), "Ley", True),
    InstrumentType("ley-organica", ("ley organica",), "Ley", True),
    InstrumentType("ley", ("ley",), "Ley", True),
    InstrumentType("codigo", ("codigo",), "Código", True),
    InstrumentType("reglamento", ("reglamento",), "Reglamento", True),
    InstrumentType("decreto", ("decreto",), "Decreto", True),
    InstrumentType("acuerdo", ("acuerdos", "acuerdo"), "Acuerdos?", False),
    InstrumentType("norma", ("normas", "norma"), "Normas?", True),
    InstrumentType("lineamientos", ("lineamientos",), "Lineamientos", True),
    InstrumentType("politicas", ("politicas",), "Políticas", False),
    InstrumentType("manual", ("manual",), "Manual", True),
    InstrumentType("contrato", ("contrato",), "Contrato", False),
    InstrumentType("disposiciones", ("disposiciones",), "Disposiciones", True),
    InstrumentType("estatuto", ("estatuto",), "Estatuto", True),
    InstrumentType("programa", ("programa",), "Programa", False),
    InstrumentType("plan", ("plan",), "Plan", False),
    InstrumentType("criterios", ("criterios",), "Criterios", False),
    InstrumentType("procedimiento", ("procedimiento",), "Procedimiento", False),
    InstrumentType("guia", ("guia",), "Guía", False),
    InstrumentType("bases", ("bases",), "Bases", False),
    InstrumentType("convenio", ("convenio",), "Convenio", False),
    InstrumentType("oficio", ("oficio",), "Oficio", False),
    InstrumentType("otro", (), None, False),  # what a title of no known type is
)
INSTRUMENT_KINDS = frozenset(t.kind for t in INSTRUMENT_TYPES)
CITABLE_IN_TEXT = frozenset(t.kind for t in INSTRUMENT_TYPES if t.citable_in_text)
# The first words of instrument titles, as a regex alternation finds them in text.
INSTRUMENT_WORDS = tuple(dict.fromkeys(t.word for t in INSTRUMENT_TYPES if t.word))
_TITLE_STARTS = [(start, t.kind) for t in INSTRUMENT_TYPES for start in t.starts]


def instrument_type(title: str) -> str | None:
    key = fold(title).strip()
    for prefix, kind in _TITLE_STARTS:
        if key == prefix or key.startswith(prefix + " ") or key.startswith(prefix + ","):
            return kind
    return None


# ----------------------------------------------------------------------------- words
# Words that join the parts of a proper name ("Unidad de Planeación Estratégica y Coordinaciones Estatales").
CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e", "en", "a", "para", "por", "con", "o", "u", "lo", "al"}
LOWER_IN_TITLES = CONNECTORS | {"sobre", "entre", "sin", "su", "sus", "que", "se"}

STOP_WORDS = CONNECTORS | {
    "que",
    "se",
    "su",
    "sus",
    "un",
    "una",
    "unos",
    "unas",
    "le",
    "les",
    "como",
    "así",
    "asi",
    "mas",
    "más",
    "ni",
    "sin",
    "sobre",
    "entre",
    "este",
    "esta",
    "estos",
    "estas",
    "ese",
    "esa",
    "dicho",
    "dicha",
    "cual",
    "cuales",
    "cuando",
    "donde",
    "quien",
    "quienes",
    "demas",
    "demás",
    "toda",
    "todo",
    "todos",
    "todas",
    "otros",
    "otras",
    "otro",
    "otra",
    "mismo",
    "misma",
    "caso",
    "ámbito",
    "ambito",
    "materia",
    "respecto",
    "través",
    "traves",
    "conforme",
    "mediante",
    "según",
    "segun",
    "hasta",
    "desde",
    "hacia",
    "tal",
    "tales",
    "cada",
    "ser",
    "sea",
    "sean",
    "ha",
    "han",
    "hay",
    "es",
    "son",
    "será",
    "sera",
    "serán",
    "seran",
    "fin",
    "efecto",
    "parte",
}

# Verbs the questions are about, with their nouns (folded) where the stem differs from the verb's.
# Which acts are the same act (firmar, suscribir, signar) is questions/equivalences.toml's one table.
ACTION_NOUNS: dict[str, str] = {
    "firma": "firmar",
    "suscripcion": "suscribir",
    "celebracion": "celebrar",
    "expedicion": "expedir",
    "certificacion": "certificar",
    "nombramiento": "nombrar",
    "designacion": "designar",
    "remocion": "remover",
    "delegacion": "delegar",
    "representacion": "representar",
    "aprobacion": "aprobar",
    "autorizacion": "autorizar",
    "revision": "revisar",
    "emision": "emitir",
    "validacion": "validar",
    "presidencia": "presidir",
    "formalizacion": "formalizar",
    "otorgamiento": "otorgar",
    "revocacion": "revocar",
    "sustitucion": "sustituir",
    "supervision": "supervisar",
    "coordinacion": "coordinar",
    "evaluacion": "evaluar",
    "propuesta": "proponer",
    "resolucion": "resolver",
    "concesion": "conceder",
}


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("spanish")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball Spanish stem of the accent-folded word (folding first keeps "guarderías" = "guarderia")."""
    return str(_stemmer().stemWord(fold(word)))


_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order, without repeats."""
    return list(_content_stems(text))


@lru_cache(maxsize=65536)
def _content_stems(text: str) -> tuple[str, ...]:
    # Cached: the same phrases (a power's objects, a question's words) are stemmed again by every
    # question that reads them and by the loader for each act; bounded, and a phrase is short.
    seen: dict[str, None] = {}
    for word in words(text):
        content = _content_stem(word)
        if content is not None:
            seen.setdefault(content, None)
    return tuple(seen)


@lru_cache(maxsize=65536)
def _content_stem(word: str) -> str | None:
    """A word's stem, None for a stop word or a short one: one cached call a word where a phrase not met
    before (every power's object is one) made two (its folding, its stem)."""
    if fold(word) in STOP_WORDS or len(word) < 3:
        return None
    return stem(word)


INFINITIVE = re.compile(r"^[a-záéíóúñ]{2,}(?:ar|er|ir)(?:se|lo|la|los|las|le|les)?$", re.IGNORECASE)
FUTURE_3SG = re.compile(r"^([a-záéíóúñ]{2,})(ará|erá|irá)$", re.IGNORECASE)
NOT_VERBS = {
    "lugar",
    "mar",
    "hogar",
    "militar",
    "popular",
    "particular",
    "titular",
    "similar",
    "auxiliar",
    "ejemplar",
    "regular",
    "singular",
    "par",
    "bar",
    "alrededor",
    "mayor",
    "menor",
    "anterior",
    "posterior",
    "exterior",
    "interior",
    "superior",
    "inferior",
    "valor",
    "labor",
    "favor",
    "sector",
    "director",
    "factor",
    "vector",
    "nivel",
    "ser",
}


@lru_cache(maxsize=65536)
def infinitive(word: str) -> str | None:
    """The infinitive a leading verb form stands for ("Revisar" → "revisar", "Coordinará" → "coordinar").
    Cached: the power readers ask it of every word that may start a clause, mostly the same few words."""
    w = word.lower()
    if w in NOT_VERBS:
        return None
    if INFINITIVE.match(w):
        for enclitic in ("se", "los", "las", "les", "lo", "la", "le"):
            if w.endswith(enclitic) and re.search(r"(?:ar|er|ir)$", w[: -len(enclitic)]):
                return fold(w[: -len(enclitic)])
        return fold(w)
    m = FUTURE_3SG.match(w)
    if m:
        return fold(m.group(1) + {"ará": "ar", "erá": "er", "irá": "ir"}[m.group(2)])
    return None


def query_action(word: str) -> str | None:
    """A query word read as an action: an infinitive, or a noun of one ("firma" → "firmar")."""
    folded = fold(word)
    if folded in ACTION_NOUNS:
        return ACTION_NOUNS[folded]
    singular = folded[:-2] if folded.endswith("es") else folded[:-1] if folded.endswith("s") else folded
    if singular in ACTION_NOUNS:
        return ACTION_NOUNS[singular]
    return infinitive(word)


def title_case(text: str) -> str:
    """Spanish title case for names the source prints in capitals ("UNIDAD JURÍDICA" → "Unidad Jurídica")."""
    out = []
    for i, word in enumerate(text.split()):
        lower = word.lower()
        if i > 0 and lower in LOWER_IN_TITLES:
            out.append(lower)
        elif word.strip("()[],.;:") in ACRONYM_HINTS or re.fullmatch(r"\([A-ZÁÉÍÓÚÑ0-9\-]{2,}\)[,.;:]?", word):
            out.append(word)
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


# Upper-case words that are acronyms, not shouting, when a heading is title-cased.
ACRONYM_HINTS = {
    "IMSS",
    "IMSS-BIENESTAR",
    "SNTSS",
    "IMSS-SNTSS",
    "DOF",
    "OOAD",
    "SFP",
    "SHCP",
    "ISSSTE",
    "RISS",
    "CSG",
    "FONSABI",
    "UMAE",
    "UNEMES",
    "CESSA",
    "SINAVE",
    "OIC",
}


# Federal bodies by their usual acronym, so that the same body has one id in every document
# ("Instituto Mexicano del Seguro Social" in a statute is "IMSS" in a manual).
KNOWN_BODIES: dict[str, str] = {
    "instituto mexicano del seguro social": "IMSS",
    "instituto de seguridad y servicios sociales de los trabajadores del estado": "ISSSTE",
    "secretaria de la funcion publica": "SFP",
    "secretaria de hacienda y credito publico": "SHCP",
    "secretaria de salud": "SSA",
    "secretaria del trabajo y prevision social": "STPS",
    "secretaria del bienestar": "BIENESTAR",
    "secretaria de bienestar": "BIENESTAR",
    "secretaria de gobernacion": "SEGOB",
    "secretaria de educacion publica": "SEP",
    "consejeria juridica del ejecutivo federal": "CJEF",
    "consejeria juridica del ejecutivo": "CJEF",
    "consejo de salubridad general": "CSG",
    "comision nacional de los derechos humanos": "CNDH",
    "comision nacional de arbitraje medico": "CONAMED",
    "consejo nacional para prevenir la discriminacion": "CONAPRED",
    "auditoria superior de la federacion": "ASF",
}
