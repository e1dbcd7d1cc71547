"""The genre's phrasings, as named patterns with an example each — the only place that knows how
Mexican organizational law words things.

A contributor who meets a new phrasing adds a row here (a name, a verbose pattern, a real example);
``tests/parsing/test_phrasings.py`` checks every example against its pattern. The parsers ask these
tables questions ("does this sentence announce a structure list?") and never spell a phrasing
themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FLAGS = re.IGNORECASE | re.VERBOSE


@dataclass(frozen=True)
class Phrasing:
    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)


def phrasing(name: str, regex: str, *examples: str) -> Phrasing:
    return Phrasing(name, re.compile(regex, FLAGS), examples)


def first(table: list[Phrasing], text: str) -> tuple[Phrasing, re.Match[str]] | None:
    """The first phrasing of ``table`` found in ``text``, with its match."""
    for p in table:
        m = p.search(text)
        if m:
            return p, m
    return None


def any_of(table: list[Phrasing], text: str) -> bool:
    return first(table, text) is not None


# ----------------------------------------------------------------------------- front matter
TITLE_START = re.compile(
    r"""^(?:el\s+|la\s+)?(?:reglamento|estatuto|manual\s+de\s+organizaci[óo]n|manual|ley\s+org[áa]nica|
    acuerdo|decreto|lineamientos)\b""",
    FLAGS,
)
# A law's title ("LEY DEL SEGURO SOCIAL", "Ley Federal del Trabajo", "Ley General de Salud"). A Ley
# Orgánica that organizes a body is read as the statutes are (TITLE_START).
LAW_TITLE_START = re.compile(r"^(?:la\s+)?ley\b(?!\s+org[áa]nica)", re.IGNORECASE)
# "DECRETO por el que se expide la Ley del Seguro Social": the decree that enacts a law names it.
LAW_DECREE = re.compile(
    r"\bpor\s+el\s+que\s+se\s+expiden?\s+(?:la\s+|el\s+)?(?:nueva\s+)?(?P<title>Ley\b(?!\s+Org[áa]nica)[^.;]{3,200}?)"
    r"(?=[,.;]|\s+y\s+se\s+|\s*$)",
    re.IGNORECASE,
)
# The legislature that decrees it: "EL CONGRESO DE LOS ESTADOS UNIDOS MEXICANOS, D E C R E T A",
# "El H. Congreso del Estado de Coahuila de Zaragoza decreta".
LEGISLATURE = re.compile(
    r"\b(?:EL\s+)?(?:(?:H\.|HONORABLE)\s+)?(?P<name>CONGRESO\s+(?:GENERAL\s+)?(?:DE\s+LA\s+UNI[ÓO]N|DE\s+LOS\s+ESTADOS\s+UNIDOS\s+"
    r"MEXICANOS|DEL\s+ESTADO\s+(?:LIBRE\s+Y\s+SOBERANO\s+)?DE\s+[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ]+(?:\s+(?:DE\s+)?(?!(?:DECRETA|EXPIDE|TIENE|HA|EN|CON|EXPIDI[ÓO])\b)[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ]+)*))",
    re.IGNORECASE,
)
MANUAL_TITLE_START = re.compile(r"^(?:el\s+)?manual\s+de\s+organizaci[óo]n\b", re.IGNORECASE)
DECREE_WRAPPER = re.compile(
    r"""\bpor\s+(?:el|la)\s+que\s+se\s+(?:expide|expiden|reforma|reforman|adiciona|adicionan|deroga|derogan|
    aprueba|aprueban|emite|modifica|modifican|abroga)\b""",
    FLAGS,
)
# "El presente Reglamento tiene por objeto establecer la organización … de la Secretaría de Energía":
# the match ends where the body's name begins.
SELF_NAMING = re.compile(
    r"""\b(?:el\s+presente|este)\s+(?:reglamento|estatuto|manual|ordenamiento)\b[^.]{0,220}?
    \b(?:organizaci[óo]n|funcionamiento|estructura|atribuciones|competencia)\b[^.]{0,120}?
    \b(?:de\s+la|del|de\s+los|de\s+las)\s+(?=[A-ZÁÉÍÓÚÑ])""",
    FLAGS,
)
# What kind of body a text's body is, each kind's phrase in the singular: "órgano administrativo
# desconcentrado", "entidad desconcentrada", "organismo público descentralizado", "dependencia de la
# Administración Pública Municipal". A mention counts only where the body says it of itself
# (SELF_DESCRIPTION): glossaries define these words and lists name them for other bodies.
ORGANIZATION_KINDS = re.compile(
    r"""\b(?:
    (?P<organo_desconcentrado>(?:[óo]rgano|entidad|organismo)\s+(?:administrativ[oa]\s+|p[úu]blic[oa]\s+)?desconcentrad[oa])|
    (?P<organismo_descentralizado>(?:organismo|ente|entidad)\s+(?:p[úu]blic[oa]\s+)?(?:municipal\s+)?descentralizad[oa]|
        (?:organismo|entidad)\s+paramunicipal)|
    (?P<empresa_participacion>empresa\s+de\s+participaci[óo]n\s+(?:estatal|municipal))|
    (?P<dependencia_municipal>dependencia\s+(?:municipal|de\s+la\s+administraci[óo]n\s+p[úu]blica\s+municipal|
        del\s+(?:municipio|ayuntamiento|gobierno\s+municipal)))
    )\b""",
    FLAGS,
)
# A word every match of ORGANIZATION_KINDS holds (lower case, see ``loaders.text.keyed``): a text holding
# none of them is not searched (tests/parsing/test_reader_speedups.py checks them).
ORGANIZATION_KIND_WORDS = ("desconcentrad", "descentralizad", "paramunicipal", "participaci", "dependencia")
# What comes right before a kind's phrase when the body says it of itself, the text up to the phrase
# ending in: a link after a subject that names the body ("La Comisión Nacional de Energía es un",
# "del Tribunal de Justicia Municipal como", "del Instituto Nacional de Vivienda Rural,"), a creation
# ("el Decreto … que crea el", "para la creación del"), or a demonstrative ("encomendados a este").
SELF_DESCRIPTION: list[Phrasing] = [
    phrasing(
        "is-a",
        r"""(?P<subject>[^.;:]{2,300}?)(?:\s+(?:es|son|ser[áa]n?|sea|constituye|funciona\s+como|como|
        (?:tiene|tendr[áa]|con|en\s+su)\s+(?:el\s+)?car[áa]cter\s+de)(?:\s+(?:un|una|el|la))?|,)\s*$""",
        "Artículo 2. La Comisión Nacional de Energía es un ",
        "del Tribunal de Justicia Municipal como ",
        "y el funcionamiento del Instituto Nacional de Vivienda Rural, ",
        "La Secretaría es la ",
        "Los Servicios de Salud de Coahuila son un ",
        "El Instituto Municipal de Cultura tiene el carácter de ",
    ),
    phrasing(
        "created",
        r"""\b(?:se\s+crea|que\s+crea|cre[óo]|creaci[óo]n)\s+(?:el|la|del|un|una|de\s+la|de\s+un|de\s+una)?\s*$""",
        "Decreto No. 296 del Congreso del Estado que crea el ",
        "Decreto por el que se crea el ",
        "para la creación del ",
    ),
    phrasing("this", r"""\b(?:este|esta)\s+$""", "encomendados a este "),
]

# After a body's kind, the body it belongs to: "órgano administrativo desconcentrado de la Secretaría de
# Energía", "organismo descentralizado, sectorizado a la Secretaría de Salud" (the match ends where the name
# begins; loaders.front reads it and keeps it only when it is a sector's head, SECTOR_HEADS).
SUPERIOR_AFTER_KIND = re.compile(
    r"""(?:\s+de\s+car[áa]cter\s+t[ée]cnico,?)?(?:,?\s+sectorizad[oa]\s+(?:a|en)|\s+de|\s+adscrit[oa]\s+a)
    \s+(?:la|el)\s+(?=[A-ZÁÉÍÓÚÑ])""",
    FLAGS,
)
SECTOR_HEADS = frozenset({"secretaria", "consejeria", "fiscalia", "procuraduria", "oficina"})
# A decentralized body is a legal person with its own governing body and its own patrimony: a text
# that gives its body both ("Órgano de Gobierno del Instituto", "El patrimonio del Instituto estará
# integrado por") describes an organismo descentralizado even where it never says the words. Each
# phrasing's ``head`` is the word that must name the body.
DECENTRALIZED_BY_LAW: list[Phrasing] = [
    phrasing(
        "own-governing-body",
        r"""\b(?:[óo]rgano|junta)\s+de\s+gobierno\s+(?:del|de\s+la)\s+(?P<head>\w+)""",
        "VI. CONSEJO MUNICIPAL DE LA MUJER: Órgano de Gobierno del Instituto.",
    ),
    phrasing(
        "own-patrimony",
        r"""\bel\s+patrimonio\s+(?:del|de\s+la)\s+(?P<head>\w+)\s+(?:estar[áa]|se\s+(?:integra|constituye|compone)|ser[áa])""",
        "Artículo 6. El patrimonio del Instituto estará integrado por:",
    ),
]

# ----------------------------------------------------------------------------- structure lists
STRUCTURE_INTROS: list[Phrasing] = [
    phrasing(
        "counts-with",
        r"""\b(?:contar[áa]n?|cuentan?|contara|dispondr[áa]n?)\s+con\s+(?:las|los|la|el)\s+(?:siguientes?\b|
        (?:unidades|[áa]reas|[óo]rganos|direcciones|divisiones|jefaturas|dependencias|departamentos|coordinaciones|
        subunidades|gerencias|estructura)\b)""",
        "el Organismo contara con las siguientes unidades administrativas:",
        "La Comisaría cuenta con las siguientes Divisiones:",
        "la Secretaría contará con las siguientes unidades administrativas y entidades",
    ),
    phrasing(
        "counts-with-a-head-and",
        r"""\b(?:contar[áa]n?|cuentan?|contara)\s+con\s+(?:una?|la|el)\s+(?P<head>[A-ZÁÉÍÓÚÑ][^:,]{2,80}?)\s*,?\s+y\s+
        (?:con\s+)?(?:las|los)\s+(?:siguientes\s+)?(?:unidades|[áa]reas|[óo]rganos|direcciones|coordinaciones)""",
        "la Comisión cuenta con una Dirección General y las Unidades Administrativas siguientes:",
    ),
    phrasing(
        "counts-with-colon",
        r"""\b(?:contar[áa]n?|cuenta[n]?|dispondr[áa]n?)\s+con\s*:\s*$""",
        "la Dirección de Enlace Administrativo de la Comisaría de Seguridad Ciudadana de Guadalajara cuenta con:",
    ),
    phrasing(
        "integrated-by",
        r"""\b(?:est[áa]|estar[áa]n?|quedar[áa]n?|se\s+encuentra)\s+(?:integrad|conformad|compuest|constituid|
        estructurad)[oa]s?\s+(?:por|con|de)\b""",
        "La Comisaría está integrada por:",
    ),
    phrasing(
        "is-made-of",
        r"""\bse\s+(?:integra|integrar[áa]|compone|compondr[áa]|conforma|conformar[áa]|constituye|constituir[áa]|
        divide|dividir[áa]|estructura|organiza)n?\s+(?:por|con|de|en)\b""",
        "La administración pública municipal centralizada se integra con:",
        "se compone de las siguientes subunidades:",
        "Esta Jefatura para su funcionamiento se divide de la siguiente manera:",
    ),
    phrasing(
        "is-assisted-by",
        r"""\bse\s+auxiliar[áa]n?\s+(?:de|con|por|en)\b|\bser[áa]n?\s+auxiliad[oa]s?\s+por\b|\bauxiliad[oa]\s+por\b|
        \bauxiliad[oa]s?\b[^:]{0,90}\bpor\s*:\s*$""",
        "la Contraloría Municipal se auxiliará de las Unidades Administrativas siguientes:",
        "el Director General de Obras Públicas, en el ejercicio de sus atribuciones, será auxiliado por:",
        "La Tesorería Municipal, estará a cargo de un Tesorero, quien será auxiliado, en el ejercicio de sus "
        "atribuciones, por:",
    ),
    phrasing(
        "under-its-command",
        r"""\btiene[n]?\s+bajo\s+su\s+(?:mando|adscripci[óo]n|cargo|direcci[óo]n)\s+(?:las|los|a\s+las|a\s+los)\s+
        (?:siguientes|unidades|[áa]reas|direcciones)""",
        "El Comisario Jefe tiene bajo su mando las siguientes áreas:",
    ),
    phrasing(
        "are-units",
        r"""^Son\s+(?:unidades|[óo]rganos|[áa]reas|dependencias)\b""",
        "Son unidades administrativas de la Secretaría:",
    ),
    phrasing(
        "the-structure",
        r"""\b(?:siguiente\s+estructura|estructura\s+(?:org[áa]nica|b[áa]sica|administrativa)\s+siguiente|
        estructura\s+(?:org[áa]nica|b[áa]sica)\s*:)""",
        "cuenta con la siguiente estructura:",
    ),
    phrasing(
        "attached-units",
        r"""\bse\s+adscrib(?:e|en|ir[áa]n?)\s+(?:las|los|a)\b|\ble[s]?\s+estar[áa]n\s+adscrit|\bestar[áa]n\s+adscrit""",
        "Subsecretaría de Turismo, a la cual se adscriben las unidades administrativas siguientes:",
    ),
]
# Words that say a list holds units (for intros that use another verb: "… contará con:").
STRUCTURE_NOUNS = re.compile(
    r"\b(?:unidades|[áa]reas|[óo]rganos|direcciones|divisiones|jefaturas|dependencias|departamentos|"
    r"coordinaciones|subunidades|gerencias|oficinas|estructura)\b",
    re.IGNORECASE,
)
# A structure item that goes on to announce its own sub-units or its own powers.
ITEM_ANNOUNCES_UNITS: list[Phrasing] = [
    phrasing(
        "item-attached-units",
        r"""\b(?:se\s+adscrib|integrad[oa]\s+(?:con|por)|conformad[oa]\s+por|se\s+(?:compone|integra|conforma|divide)|
        (?:cuenta|contar[áa])\s+con\s+(?:las|los)\s+siguientes\s+(?:unidades|[áa]reas|jefaturas|departamentos|subunidades))""",
        "a la cual se adscriben las unidades administrativas siguientes:",
        "que estará integrada con al menos los departamentos siguientes:",
    ),
]

# ----------------------------------------------------------------------------- power lists
POWER_NOUNS = (
    r"(?:facultades|atribuciones|funciones|obligaciones|competencias|potestades|responsabilidades|"
    r"deberes|asuntos)"
)
POWER_INTROS: list[Phrasing] = [
    phrasing(
        "corresponds-to",
        r"""^(?:(?:Adem[áa]s|Asimismo|Igualmente)[^:]{0,200}?,\s*)?(?:Corresponde|Compete)n?\s+(?:originalmente\s+)?(?:a|al)\b""",
        "Corresponde a la Dirección General de Obras Públicas:",
        "Corresponden a los titulares de las Unidades Administrativas las siguientes facultades Generales:",
    ),
    phrasing(
        "to-x-corresponds",
        r"""\b(?:le|les)\s+(?:corresponde|corresponden|compete|competen)\b""",
        "Al Director de Desarrollo Humano le corresponde",
        "al Comisario General le corresponde:",
    ),
    phrasing(
        "powers-of",
        rf"""\b(?:son|ser[áa]n)\s+(?:las\s+)?{POWER_NOUNS}\b""",
        "Son atribuciones y obligaciones del Titular de Unidad de Transparencia, las siguientes:",
        "Son facultades del Director General:",
    ),
    phrasing(
        "has-powers",
        rf"""\b(?:tendr[áa]n?|tiene[n]?|ejercer[áa]n?|contar[áa]n?|cuenta[n]?|desempe[ñn]ar[áa]n?|asumir[áa]n?)\s+
        (?:a\s+su\s+cargo\s+)?(?:en\s+lo\s+general\s+)?(?:las|los)\s+(?:siguientes\s+)?
        (?:[\wáéíóú]+\s+){{0,2}}{POWER_NOUNS}\b""",
        "La Subsecretaría de Turismo tiene las atribuciones siguientes:",
        "El Gerente General del sistema tendrá las facultades y obligaciones siguientes:",
        "La persona Titular de la Secretaría tiene las facultades indelegables siguientes:",
    ),
    phrasing(
        "powers-are",
        rf"""\b(?:las|los)\s+{POWER_NOUNS}(?:\s+y\s+{POWER_NOUNS})?\s+(?:de|del)\s+[^:]{{3,200}}\s+son\s*:""",
        "Las facultades y obligaciones del Secretario Técnico son:",
    ),
    phrasing(
        "dispatches",
        r"""\b(?:despacho|atenci[óo]n)\s+de\s+los\s+(?:siguientes\s+)?asuntos\b|\bse\s+se[ñn]alan\s*:?$""",
        "tiene a su cargo el despacho de los siguientes asuntos:",
    ),
    phrasing(
        "in-charge-of",
        r"""\b(?:bajo\s+su\s+responsabilidad|como\s+responsabilidades|tendr[áa]\s+a\s+su\s+cargo|
        desempe[ñn]ar[áa]\s+en\s+lo\s+general\s+las\s+siguientes)\b""",
        "El Comandante Regional de Supervisión, tiene bajo su responsabilidad:",
    ),
    phrasing(
        "will-have-the-following",
        r"""\b(?:tendr[áa]n?|tiene[n]?|ejercer[áa]n?|corresponde[n]?)\b[^:]{0,300}?\b(?:las|los)\s+siguientes\s*:\s*$""",
        "La Junta Directiva tendrá, además de las atribuciones que le confiere el artículo 58 de la Ley Federal de las "
        "Entidades Paraestatales, las siguientes:",
    ),
    phrasing(
        "announces-powers",
        r"""\b(?:facultades|atribuciones|funciones|obligaciones|competencias|potestades|responsabilidades)\b[^:]*:\s*$""",
        "Al Director de Desarrollo Humano le corresponde el ejercicio de las facultades que le señala este Reglamento:",
    ),
    phrasing(
        "hears-cases",  # a court's or a tribunal's unit's competence: the matters it hears
        r"""\bconocer[áa]n?\b[^:]{0,60}?\bde\s*:\s*$""",
        "Los Juzgados de Procedimiento conocerán, en primer grado, de:",
        "Los Juzgados de Calificación conocerán de:",
    ),
    phrasing(
        "the-following",
        rf"""\b(?:siguientes|siguiente)\s+{POWER_NOUNS}\b|\b{POWER_NOUNS}\s+(?:[\wáéíóú]+\s+){{0,3}}siguientes\b""",
        "tendrá las siguientes atribuciones, responsabilidades y funciones:",
    ),
]
# Lists that look like powers but are not (requirements, principles, definitions, rights).
NOT_POWERS = re.compile(
    r"\bse\s+requiere\b|\brequisitos\b|\bprincipios\b|\bse\s+entender[áa]\s+por\b|\bse\s+entiende\s+por\b|"
    r"\bderechos\b(?!\s+humanos)|\bcausas\b|\bsanciones\s+siguientes\b",
    re.IGNORECASE,
)
# A list given to every unit of a class: "Corresponde a cada titular de las Direcciones …", "Son
# atribuciones generales de los Titulares de las Unidades administrativas, Coordinaciones y Direcciones".
CLASS_INTROS: list[Phrasing] = [
    phrasing(
        "each-titular",
        r"""\b(?:cada\s+(?:una\s+de\s+las\s+)?(?:persona\s+)?titular|(?:las\s+y\s+los|los|las)\s+(?:[\wáéíóú]+\s+o\s+)?
        (?:personas\s+)?titulares)\s+
        (?:de\s+(?:las|los|la|el)\s+|del\s+)(?P<cls>[^:]+?)(?=\s*(?:,|:|\s+(?:las|los)\s+|\s+tendr|\s+tienen|\s+ejercer|$))""",
        "Corresponde a cada titular de las unidades administrativas:",
        "Son atribuciones generales de los Titulares de las Unidades administrativas, Coordinaciones y "
        "Direcciones, las siguientes:",
        "Corresponde a los Directores o Titulares de las dependencias, organismos o entidades de la Administración:",
    ),
    phrasing(
        "the-units",
        r"""^(?:Las|Los)\s+(?P<cls>(?:unidades\s+administrativas|direcciones(?:\s+generales)?|coordinaciones|
        subsecretar[íi]as|divisiones|gerencias|jefaturas)(?:\s+de\s+la\s+[\wáéíóú]+)?)\s+(?:tendr[áa]n|tienen|ejercer[áa]n)""",
        "Las unidades administrativas de la Secretaría tienen, en el ámbito de sus respectivas competencias, las "
        "atribuciones genéricas siguientes:",
    ),
]

# A list's holder placed by its own sentence: "El Jefe de Departamento de Pavimentación será nombrado por
# el Director General, depende directamente de la Gerencia de Finanzas y sus funciones serán:".
REPORTS_TO: list[Phrasing] = [
    phrasing(
        "depends-on",
        r"""\b(?:depender[áa]|depende)\s+(?:directamente\s+|jer[áa]rquicamente\s+)?(?:de\s+la|del|de\s+los|de\s+las|de)\s+
        (?P<to>[A-ZÁÉÍÓÚÑ][^,;.:]*?)(?=\s*(?:[,;.:]|\s+(?:y|e)\s+[a-záéíóúñ]|\s+teniendo|\s+quien|$))""",
        "El asistente de Gerencia será asignado por el Director General y dependerá directamente de la Gerencia de "
        "Finanzas, teniendo las siguientes funciones:",
        "El Supervisor de Pavimentación será asignado por el Director General, depende directamente del Jefe de "
        "Departamento de Pavimentación y sus funciones serán las siguientes:",
        "El chofer de bacheo será asignado por el Director General, depende del Jefe de Departamento de Bacheo y "
        "supervisores, sus funciones serán las siguientes:",
    ),
    phrasing(
        "under-the-command-of",
        r"""\best[áa]\s+bajo\s+(?:el\s+)?mando(?:\s+y\s+(?:la\s+)?supervisi[óo]n)?\s+(?:de\s+la|del|de\s+los|de\s+las|de)\s+
        (?P<to>[A-ZÁÉÍÓÚÑ][^,;.:]*?)(?=\s*(?:[,;.:]|\s+(?:y|e)\s+[a-záéíóúñ]|$))""",
        "El Jefe de Cuadrante está bajo el mando y supervisión del Comandante Regional de Supervisión y tiene bajo su "
        "responsabilidad:",
    ),
]

# ----------------------------------------------------------------------------- members and governing bodies
COLLEGIATE_HEADS = ("junta", "consejo", "comite", "comision", "cabildo", "gabinete", "asamblea", "pleno", "colegio")
MEMBER_INTROS: list[Phrasing] = [
    phrasing(
        "members",
        r"""\bse\s+(?:integrar[áa]n?|integran?|compondr[áa]n?|componen?|conformar[áa]n?|conforman?)\b|
        \bestar[áa]n?\s+(?:integrad|conformad|compuest)[oa]s?\s+(?:por|de|con)\b""",
        "La Junta de Gobierno se integrará por:",
        "La Junta de Gobierno se integrará como se indica a continuación:",
    ),
]
GOVERNING_INTROS: list[Phrasing] = [
    phrasing(
        "direction-and-administration",
        r"""\b(?:(?:la\s+)?direcci[óo]n\s+y\s+administraci[óo]n|(?:la\s+)?administraci[óo]n\s+y\s+direcci[óo]n|
        (?:el\s+)?gobierno\s+y\s+administraci[óo]n|[óo]rganos\s+de\s+gobierno|(?:La\s+)?administraci[óo]n)\s+
        (?:de|del)\s+[^:]*?\b(?:corresponde|corresponden|estar[áa]n?\s+a\s+cargo|recae|recaen)\b""",
        "La dirección y administración del Organismo corresponden a:",
    ),
    phrasing(
        "counts-with-governing-organs",
        r"""\b(?:contar[áa]|tendr[áa]|se\s+integra(?:r[áa])?\s+(?:por|con))\s+(?:con\s+)?(?:el|los)\s+siguientes?\s+
        [óo]rganos?\s+de\s+gobierno\s*:""",
        "el Instituto contará con el siguiente órgano de gobierno:",
        "El Organismo tendrá los siguientes órganos de gobierno:",
    ),
]
# The head of an organization named as such: "Al frente de la Secretaría está una persona Titular",
# "Al frente de la Comisaría estará un titular que se denomina Comisario General", "El Presidente
# Municipal es … responsable directo de la administración pública municipal".
HEAD_STATEMENTS: list[Phrasing] = [
    phrasing(
        "at-the-front",
        r"""\bal\s+frente\s+de\s+(?:la|el)\s+[^,.;]{2,80}?\s+(?:est[áa]|estar[áa]|habr[áa])\s+(?:una?\s+)?(?:persona\s+)?
        (?:titular|servidor\s+p[úu]blico)(?:[^.;]{0,40}?\s+(?:que\s+se\s+denomina|denominad[oa]|llamad[oa])\s+
        (?P<post>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+){0,3}))?""",
        "Al frente de la Comisaría estará un titular que se denomina Comisario General.",
        "Al frente de la Secretaría está una persona Titular de la misma",
    ),
    phrasing(
        "in-charge-of-a-post",
        r"""^(?P<article>El|La)\s+(?P<of>[A-ZÁÉÍÓÚÑ][^,.;]{1,80}?)\s+estar[áa]\s+a\s+cargo\s+de\s+(?:un|una)\s+(?:persona\s+)?
        (?P<post>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+|General|Ejecutiv[oa]))?)""",
        "El Tribunal estará a cargo de un Presidente, quien, entre otros, tendrá carácter ejecutivo",
    ),
    phrasing(
        "is-responsible-for",
        r"""^(?:El|La)\s+(?P<post>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+){0,3})\s+es\s+(?:el|la)\s+
        (?:[\wáéíóú]+\s+){0,6}?(?:responsable\s+directo|titular|jefe|jefa)\s+de\s+la\s+administraci[óo]n""",
        "El Presidente Municipal es el representante del Republicano Ayuntamiento y responsable directo de la "
        "administración pública municipal",
    ),
]

# ----------------------------------------------------------------------------- definitions
DEFINITIONS = re.compile(
    r"\bse\s+entender[áa]\s+por\b|\bse\s+entiende\s+por\b|\bpara\s+(?:los\s+)?efectos\s+de(?:l|\s+este|\s+la|\s+las)\b|"
    r"\bglosario\b|\bsignificados\s+y\s+t[ée]rminos\b|\bse\s+establecen\s+los\s+siguientes\s+significados\b",
    re.IGNORECASE,
)
