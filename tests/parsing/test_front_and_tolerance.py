"""Who a document is about, read from the genre's front matter, and tolerance: decree wrappers, no
title at all, present-tense structure articles, an odd spot near the end. Small invented texts in
the genre's real phrasing (the corpus tests cover whole real documents)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import load_file
from loaders.front import acronym_in, body_of, organization_kind, parent_of, restore_accents
from loaders.records import ParsedDocument
from orggraph.errors import ParseError

DECREE = """DIARIO OFICIAL DE LA FEDERACIÓN
SECRETARIA DE ENERGIA
DECRETO por el que se expide el Reglamento Interior de la Comisión Reguladora de Energía.
Al margen un sello con el Escudo Nacional, que dice: Estados Unidos Mexicanos.- Presidencia de la República.
ARTÍCULO ÚNICO.- Se expide el Reglamento Interior de la Comisión Reguladora de Energía, para quedar como sigue:
REGLAMENTO INTERIOR DE LA COMISIÓN REGULADORA DE ENERGÍA
CAPÍTULO I
DE LA COMPETENCIA Y ORGANIZACIÓN
Artículo 1.- La Comisión Reguladora de Energía, en adelante la Comisión, es un órgano administrativo desconcentrado de la Secretaría de Energía.
Artículo 2.- Para el despacho de los asuntos de su competencia, la Comisión cuenta con una Dirección General y las Unidades Administrativas siguientes:
I.\tUnidad de Electricidad;
II.\tUnidad de Hidrocarburos, a la cual se adscriben las unidades administrativas siguientes:
a)\tDirección General de Gas Natural, y
b)\tDirección General de Petrolíferos;
III.\tUnidad de Asuntos Jurídicos.
Artículo 3.- La Unidad de Electricidad tiene las atribuciones siguientes:
I.\tProponer la regulación del sector eléctrico;
II.\tSe deroga.
III.\tLas demás que le confieran otras disposiciones.
Artículo 4.- Corresponde a la Dirección General de Gas Natural:
I.\tOtorgar permisos de distribución de gas natural, y
II.\tLas demás que le encomiende la persona titular de la Unidad de Hidrocarburos.
TRANSITORIOS
PRIMERO.- El presente Reglamento entrará en vigor al día siguiente de su publicación.
"""

UNTITLED = """Artículo 1.- El presente Reglamento tiene por objeto establecer la organización y el funcionamiento de la Secretaría de Energía.

Artículo 2.- La Secretaría se integra por las siguientes unidades administrativas:

I. Subsecretaría de Electricidad;

II. Subsecretaría de Hidrocarburos, y

III. Unidad de Administración y Finanzas.

Artículo 3.- Son atribuciones de la Subsecretaría de Electricidad:

I. Conducir la política eléctrica;

II. Las demás que le confiera la persona Titular de la Secretaría.

Artículo 4.- Corresponde a la Unidad de Administración y Finanzas:
"""


def load(tmp_path: Path, text: str, name: str = "doc.txt") -> ParsedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_file(path)


def parents(doc: ParsedDocument, org_as: str | None = None) -> dict[str, str]:
    """Each unit's parent by name; ``org_as``: how to show the document's own organization."""
    names = {u.id: u.name for u in doc.units} | {o.id: o.name for o in doc.organizations}
    if org_as is not None:
        names[doc.document.organization] = org_as
    return {names[e.source]: names[e.target] for e in doc.edges_of("PART_OF") if e.source_label == "Unit"}


def held(doc: ParsedDocument) -> dict[str, int]:
    names = {u.id: u.name for u in doc.units} | {o.id: o.name for o in doc.organizations}
    counts: dict[str, int] = {}
    for e in doc.edges_of("HAS_POWER"):
        counts[names[e.source]] = counts.get(names[e.source], 0) + 1
    return counts


def test_a_dof_decree_is_read_past_its_wrapper(tmp_path: Path) -> None:
    doc = load(tmp_path, DECREE)
    assert doc.document.title == "Reglamento Interior de la Comisión Reguladora de Energía"
    org = doc.organizations[0]
    assert (org.id, org.name, org.kind) == (
        "comision-reguladora-de-energia",
        "Comisión Reguladora de Energía",
        "organo_desconcentrado",
    )
    assert any(n.kind == "title" and "decree wrapper" in n.message for n in doc.notes)
    # "… cuenta con una Dirección General y las Unidades Administrativas siguientes:" (present tense,
    # a head named before the list): the head under the body, the units under the head.
    assert parents(doc) == {
        "Dirección General": "Comisión Reguladora de Energía",
        "Unidad de Electricidad": "Dirección General",
        "Unidad de Hidrocarburos": "Dirección General",
        "Dirección General de Gas Natural": "Unidad de Hidrocarburos",
        "Dirección General de Petrolíferos": "Unidad de Hidrocarburos",
        "Unidad de Asuntos Jurídicos": "Dirección General",
    }
    assert held(doc) == {"Unidad de Electricidad": 2, "Dirección General de Gas Natural": 2}  # "Se deroga." is no power


def test_a_reglamento_without_a_title_names_its_body_from_the_text(tmp_path: Path) -> None:
    doc = load(tmp_path, UNTITLED)
    assert doc.organizations[0].name == "Secretaría de Energía"
    assert doc.document.title == "Reglamento de Secretaría de Energía"
    assert any(n.kind == "title" for n in doc.notes)
    assert set(parents(doc)) == {
        "Subsecretaría de Electricidad",
        "Subsecretaría de Hidrocarburos",
        "Unidad de Administración y Finanzas",
    }
    # The text ends right after an article announces its list: a note, and the rest still loads.
    assert [n.kind for n in doc.notes if n.kind == "truncated"] == ["truncated"]
    assert held(doc) == {"Subsecretaría de Electricidad": 2}


SMALL_BODIES = {
    # The head named as a unit ("La Dirección del Centro estará a cargo de …"); a post a sentence adds.
    "centro.txt": """REGLAMENTO INTERIOR DEL CENTRO DE EVALUACIÓN PSICOSOCIAL DEL PODER JUDICIAL DEL ESTADO
**Artículo 1**. El presente ordenamiento regula el Centro de Evaluación Psicosocial del Poder Judicial del Estado.
**Artículo 7**. La Dirección del Centro estará a cargo de la persona designada por la Presidencia.
**Artículo** 9. El Centro contará además con una o un Subdirector Técnico, quien coordinará las Unidades Regionales.
**Artículo 12.** El Centro contará con las siguientes áreas:
I. Área de Psicología.
II. Área de Trabajo Social.
""",
    # The head as a post ("será un Director"), the structure list before it, an item numbered "(sic)".
    "archivo.txt": """REGLAMENTO INTERIOR DEL ARCHIVO GENERAL, ARCHIVOS REGIONALES Y DISTRITALES DEL PODER JUDICIAL DEL ESTADO
ARTÍCULO 1.- El Archivo General del Poder Judicial es un órgano administrativo.
ARTÍCULO 4.- El Archivo General del Poder Judicial contará con las siguientes oficinas regionales:
1. Archivo Regional con sede en la Ciudad de Torreón.
2. Archivo Distrital con sede en la Ciudad de Monclova.
ARTÍCULO 8.- El titular del Archivo Judicial General será un Director, quien tendrá a su cargo el despacho.
ARTÍCULO 10.- El Director del Archivo tendrá las siguientes atribuciones:
I. Dirigir el Archivo.
II. Recibir los expedientes.
XI (sic). Realizar reuniones de trabajo.
XII. Las demás que le encomiende el Presidente del Tribunal.
""",
    # A board in the singular ("el siguiente órgano de gobierno"); the body's own Dirección answers to it.
    "instituto.txt": """REGLAMENTO INTERIOR DEL INSTITUTO MUNICIPAL DE LA MUJER DE TORREÓN
Artículo 1. El presente Reglamento regula el Instituto Municipal de la Mujer de Torreón.
Artículo 8. Para el cumplimiento de su objeto, el Instituto contará con el siguiente órgano de gobierno:
I. Consejo Municipal de la Mujer.
Artículo 9. Para el cumplimiento de sus fines el Consejo Municipal de la Mujer, estará integrado por:
I. El Presidente Municipal o su representante;
II. Un Secretario Técnico.
Artículo 10. Son funciones del Consejo Municipal de la Mujer Torreón:
I. Aprobar el programa anual.
Artículo 15. La Dirección tendrá las facultades y obligaciones siguientes:
I. Ejecutar los acuerdos del Consejo Municipal de la Mujer;
II. Las demás que le confiera el Consejo.
""",
    # A body described post by post: each article's subject is a post, its sentence says whom it answers to.
    "puestos.txt": """REGLAMENTO DE ORGANIZACIÓN DEL SISTEMA INTEGRAL DE MANTENIMIENTO VIAL DE TORREÓN
ARTÍCULO 1. El Sistema Integral de Mantenimiento Vial de Torreón es un organismo público descentralizado.
ARTÍCULO 9°. La dirección y administración del Organismo corresponde:
I. Al Consejo Directivo; y
II. Al Director General.
ARTÍCULO 27. El Gerente de Finanzas del Organismo será nombrado por el Cabildo y tendrá las siguientes atribuciones:
I. Llevar el control de los ingresos del Organismo.
ARTÍCULO 30.- El Jefe de Departamento de Pavimentación será nombrado por el Director General, depende
directamente de la Gerencia de Finanzas y sus funciones serán las siguientes:
I.- Operar el Organismo con eficiencia.
ARTÍCULO 33.- El puesto de Operador de maquinaria será asignado por el Director General, depende del Jefe de
Pavimentación y supervisores, sus funciones serán las siguientes:
I.- Operar la maquinaria.
II- Mantener limpia la maquinaria.
ARTÍCULO 34-. El asistente de Pavimentación será asignado por el Director General y dependerá directamente
del Jefe de Departamento de Pavimentación, teniendo las siguientes funciones:
I.- Organizar la agenda.
""",
    # A municipal court: competence lists ("conocerán de:"), two áreas named one by one, each with its list.
    "tribunal.txt": """REGLAMENTO INTERIOR DEL TRIBUNAL DE JUSTICIA MUNICIPAL DE TORREÓN
Artículo 5. El Tribunal de Justicia Municipal está integrado por:
I. Los Juzgados de Procedimiento.
II. La Unidad Especializada de Asuntos Internos.
Artículo 17. Los Juzgados de Procedimiento conocerán, en primer grado, de:
I. Las Quejas por Responsabilidad Oficial.
II. Los Recursos de Inconformidad.
Artículo 36. La Unidad Especializada de Asuntos Internos estará integrada por
dos áreas, una de integración y una de instrucción.
I. Corresponde al área de Integración:
a. La recepción de las Quejas.
b. La integración de los expedientes.
II. Corresponde al área de Instrucción:
a. La valoración jurídica de las Quejas.
""",
    # A board that "may have" an honorary president; a chapter's subject "a cargo de un titular".
    "dif.txt": """REGLAMENTO INTERIOR DEL SISTEMA PARA EL DESARROLLO INTEGRAL DE LA FAMILIA DE TORREÓN
Artículo 15.- Para su adecuado funcionamiento, el Organismo contara con las siguientes unidades administrativas:
I.- Junta de Gobierno;
II.- Dirección General;
III.- Dirección Administrativa.
Artículo 19.- El presidente Municipal presidirá las sesiones de la Junta de Gobierno; de igual modo, este
órgano podrá contar con un Presidente Honorario, el cual no formará parte de la misma.
CAPITULO SEXTO
DEL VOLUNTARIADO
Artículo 39.- El voluntariado estará a cargo de un titular que tendrá las siguientes competencias:
I. Encabezar y coordinar las acciones de los voluntarios.
II. Las demás que le encomiende la Dirección General.
""",
    # A police regulation: a list of one unnamed line after a colon at the wrap width, a unit the
    # organization's list named that a commander's list takes, "esta unidad" from the paragraph before,
    # units described after their name, a board set up by its chapter, agrupamientos by their chapter.
    "comisaria.txt": """REGLAMENTO INTERNO DE LA COMISARÍA DE SEGURIDAD CIUDADANA DE GUADALAJARA
Artículo 11. La Comisaría está integrada por:
I. Despacho del Comisario General;
II. Despacho del Comisario Jefe;
III. División de Operaciones Regionales y Agrupamientos;
IV. División de Carrera Policial;
V. Enlace de Fondos y Subsidios Federales;
VI. Dirección de Control, Seguimiento de Procesos y Atención a Víctimas.
Artículo 14. El Comisario Jefe tiene bajo su mando las siguientes áreas, según lo dispone este artículo:
División de Operaciones Regionales y Agrupamientos, a la que le corresponden los grupos operativos que
desarrollan su función en las tres regiones operativas en las que se divide el municipio.
Artículo 51. La División de Carrera Policial cuenta con la siguiente estructura:
I. Unidad de Reclutamiento y Selección de Personal.
La Unidad de Reclutamiento y Selección de Personal es el ente orgánico de la División que capta a los policías.
Para su funcionamiento esta unidad contará con una Jefatura de Reclutamiento y Selección que integrará el personal.
Artículo 61. El Enlace de Fondos y Subsidios Federales depende del Comisario General y se divide en las siguientes:
I. Oficina de Enlace Institucional de Fondos y Subsidios Federales, responsable del ejercicio del recurso; y
II. Oficina de Control de Confianza, que capacita al personal.
CAPÍTULO V
De los Agrupamientos o Unidades Operativas
Sección Primera
De la Unidad de Prevención Escolar
Artículo 28. La Unidad de Prevención Escolar, cuenta con las siguientes atribuciones generales:
I. Intervenir en los centros de educación básica.
Artículo 64. La Dirección de Control, Seguimiento de Procesos y Atención a Víctimas, tiene las siguientes atribuciones:
I. Diseñar los procedimientos de captura de la información.
Artículo 65. La División de Carrera Policial depende del Comisario General y tiene las siguientes atribuciones:
I. Aplicar el Programa Rector de Profesionalización.
CAPÍTULO VI
Del Consejo de Tutores
Artículo 168. El Consejo de Tutores está integrado por un representante de la División de Carrera Policial.
""",
    # A judiciary body whose structure lists its titular first; an area named by "la persona encargada".
    "visitaduria.txt": """REGLAMENTO INTERIOR DE LA VISITADURÍA DEL PODER JUDICIAL DEL ESTADO DE CHIHUAHUA
**Artículo 40.** La Visitaduría estará integrada por:
I.	La o el titular visitador
II.	Las o los Visitadores
**Artículo 41.** La persona Titular de la Visitaduría tendrá las facultades y obligaciones siguientes:
I.	Planear las visitas de inspección.
#### SECCIÓN TERCERA
ÁREA DE COORDINACIÓN DE LA VISITADURÍA
**Artículo 46.** La persona encargada del área de coordinación de la Visitaduría tendrá las siguientes atribuciones:
I.	Proponer a la o el visitador titular acciones de revisión.
II.	Auxiliar a la o el Visitador titular en la planeación.
""",
    # A federal commission with a board "como órgano colegiado", and units said to make up another.
    "comision.txt": """REGLAMENTO INTERIOR DE LA COMISIÓN NACIONAL DE ENERGÍA
Artículo 7. La Comisión debe ser dirigida y administrada por una Dirección General y cuenta con un Comité Técnico, como órgano colegiado de decisión.
Artículo 8. La Comisión para el despacho de los asuntos de su competencia, cuenta con una Dirección General y las Unidades Administrativas siguientes:
I. Unidad de Electricidad;
II. Dirección de Ingresos.
Artículo 10. Las atribuciones de la Subdirección de Ingresos y Jefes de Departamento que integran la Dirección de Ingresos, se establecerán en el Manual de Organización.
""",
}


def test_a_board_beside_the_direction_and_units_that_make_up_another(tmp_path: Path) -> None:
    doc = load(tmp_path, SMALL_BODIES["comision.txt"], "comision.txt")
    placed = parents(doc)
    assert placed["Comité Técnico"] == "Comisión Nacional de Energía"  # the body's board, not its director's
    assert placed["Unidad de Electricidad"] == "Dirección General"
    assert placed["Subdirección de Ingresos"] == "Dirección de Ingresos"


def test_a_body_that_lists_its_titular_first(tmp_path: Path) -> None:
    doc = load(tmp_path, SMALL_BODIES["visitaduria.txt"], "visitaduria.txt")
    placed = parents(doc)
    assert placed["Visitadores"] == placed["Área de coordinación"] == "Titular visitador"
    assert (
        "Área de coordinación de la Visitaduría"
        in next(u for u in doc.units if u.name == "Área de coordinación").aliases
    )
    assert held(doc) == {"Titular visitador": 1, "Área de coordinación": 2}


def test_a_police_regulation_read_as_its_genre_writes_it(tmp_path: Path) -> None:
    doc = load(tmp_path, SMALL_BODIES["comisaria.txt"], "comisaria.txt")
    placed = parents(doc)
    assert [u.name for u in doc.units].count("División de Operaciones Regionales y Agrupamientos") == 1
    assert placed["División de Operaciones Regionales y Agrupamientos"] == "Despacho del Comisario Jefe"
    assert placed["Jefatura de Reclutamiento y Selección"] == "Unidad de Reclutamiento y Selección de Personal"
    assert placed["Oficina de Enlace Institucional de Fondos y Subsidios Federales"] == (
        "Enlace de Fondos y Subsidios Federales"
    )
    assert placed["Unidad de Prevención Escolar"] == "División de Operaciones Regionales y Agrupamientos"
    assert placed["Consejo de Tutores"] == "Comisaría de Seguridad Ciudadana de Guadalajara"
    # A subject whose name has commas, or that first says whom it answers to, holds its own list.
    assert held(doc)["Dirección de Control, Seguimiento de Procesos y Atención a Víctimas"] == 1
    assert held(doc)["División de Carrera Policial"] == 1


def test_an_honorary_president_and_a_chapter_with_a_titular(tmp_path: Path) -> None:
    doc = load(tmp_path, SMALL_BODIES["dif.txt"], "dif.txt")
    assert parents(doc)["Presidencia Honoraria"] == "Junta de Gobierno"  # "este órgano": the Junta
    assert parents(doc)["Voluntariado"] == "Dirección General"  # under the body's executive head
    assert held(doc) == {"Voluntariado": 2}


def test_a_court_s_competence_and_its_areas_named_one_by_one(tmp_path: Path) -> None:
    doc = load(tmp_path, SMALL_BODIES["tribunal.txt"], "tribunal.txt")
    assert parents(doc)["Área de Integración"] == "Unidad Especializada de Asuntos Internos"
    assert parents(doc)["Área de Instrucción"] == "Unidad Especializada de Asuntos Internos"
    assert held(doc) == {"Juzgados de Procedimiento": 2, "Área de Integración": 2, "Área de Instrucción": 1}


def test_a_body_described_post_by_post(tmp_path: Path) -> None:
    doc = load(tmp_path, SMALL_BODIES["puestos.txt"], "puestos.txt")
    assert parents(doc) == {
        "Consejo Directivo": "Sistema Integral de Mantenimiento Vial de Torreón",
        "Dirección General": "Consejo Directivo",  # "II. Al Director General.": the post's unit
        "Gerencia de Finanzas": "Dirección General",  # no list places it: under the body's head
        "Departamento de Pavimentación": "Gerencia de Finanzas",
        "Operador de maquinaria": "Departamento de Pavimentación",  # "del Jefe de Pavimentación"
        "Asistente de Pavimentación": "Departamento de Pavimentación",
    }
    # Each list is its subject's, not the Director General's who appoints it ("II- Mantener …" included).
    assert held(doc) == {
        "Gerencia de Finanzas": 1,
        "Departamento de Pavimentación": 1,
        "Operador de maquinaria": 2,
        "Asistente de Pavimentación": 1,
    }


def test_small_bodies_headed_by_a_direction(tmp_path: Path) -> None:
    centro = load(tmp_path, SMALL_BODIES["centro.txt"], "centro.txt")
    assert parents(centro) == {
        "Dirección": "Centro de Evaluación Psicosocial del Poder Judicial del Estado",
        "Subdirección Técnica": "Dirección",  # "una o un Subdirector Técnico": the post's unit, in agreement
        "Área de Psicología": "Dirección",
        "Área de Trabajo Social": "Dirección",
    }
    archivo = load(tmp_path, SMALL_BODIES["archivo.txt"], "archivo.txt")
    assert "Archivo General del Poder Judicial" in archivo.organizations[0].aliases  # first of a coordinated title
    assert parents(archivo)["Archivo Regional con sede en la Ciudad de Torreón"] == "Dirección"
    assert held(archivo) == {"Dirección": 4}  # "XI (sic)." is the third fracción, not text of the second
    instituto = load(tmp_path, SMALL_BODIES["instituto.txt"], "instituto.txt")
    assert parents(instituto) == {
        "Consejo Municipal de la Mujer": "Instituto Municipal de la Mujer de Torreón",
        "Dirección": "Consejo Municipal de la Mujer",
    }  # the board's members are members, not units; "… de la Mujer Torreón" is the same board
    assert held(instituto) == {"Consejo Municipal de la Mujer": 1, "Dirección": 2}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("Minuta de la reunión\n\nSe acordó revisar el presupuesto.\n", "neither a statute"),
    ],
)
def test_what_is_not_a_document_is_refused_with_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        load(tmp_path, text, "x.txt")
    assert info.value.path and info.value.path.endswith("x.txt") and info.value.line


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "REGLAMENTO INTERNO Y DE CARRERA POLICIAL DE LA COMISARÍA DE SEGURIDAD CIUDADANA DE GUADALAJARA",
            "Comisaría de Seguridad Ciudadana de Guadalajara",
        ),
        (
            "REGLAMENTO INTERIOR DEL SISTEMA MUNICIPAL DE AGUAS Y SANEAMIENTO DE TORREÓN, COAHUILA (S I M A S).",
            "Sistema Municipal de Aguas y Saneamiento de Torreón",
        ),
        (
            "Reglamento de Organización y Funcionamiento del Sistema Integral de Mantenimiento Vial",
            "Sistema Integral de Mantenimiento Vial",
        ),
        (
            "Reglamento Interior de la Visitaduría del Poder Judicial del Estado de Chihuahua",
            "Visitaduría del Poder Judicial del Estado de Chihuahua",
        ),
        ("MANUAL DE ORGANIZACIÓN OFICINA DEL PRESIDENTE MUNICIPAL", "Oficina del Presidente Municipal"),
        (
            "REGLAMENTO INTERIOR DEL ARCHIVO GENERAL, ARCHIVOS REGIONALES Y DISTRITALES DEL PODER JUDICIAL",
            "Archivo General, Archivos Regionales y Distritales del Poder Judicial",
        ),
    ],
)
def test_the_body_a_title_names(title: str, body: str) -> None:
    assert body_of(title) == body


def test_acronyms_parents_and_accents() -> None:
    assert acronym_in("TORREÓN, COAHUILA (S I M A S).") == "SIMAS"
    assert acronym_in("del Seguro Social para el Bienestar (IMSS-BIENESTAR)") == "IMSS-BIENESTAR"
    assert parent_of("Contraloría del Municipio de Torreón") == "Municipio de Torreón"
    assert parent_of("Comisaría de Seguridad Ciudadana de Guadalajara") is None
    assert restore_accents("Contraloria del Municipio", "la Contraloría Municipal y la Contraloría") == (
        "Contraloría del Municipio"
    )


PRESIDED_BODY = """REGLAMENTO INTERIOR DEL TRIBUNAL DE JUSTICIA MUNICIPAL DE TORREÓN
Artículo 1. El presente Reglamento tiene por objeto regular la organización del Tribunal de Justicia Municipal.
Artículo 2. El Tribunal de Justicia Municipal está integrado por:
I. El Juzgado Colegiado.
II. El Presidente del Tribunal.
III. Los Juzgados Unitarios.
IV. La Coordinación Administrativa.
V. La Cárcel Municipal.
Artículo 3. El Tribunal estará a cargo de un Presidente, quien tendrá carácter ejecutivo; durará en el cargo el
mismo período que el Ayuntamiento que lo designe. El Presidente del Tribunal tendrá las siguientes atribuciones:
I. Presidir las sesiones del Juzgado Colegiado.
II. Representar al Tribunal.
Artículo 4. Son atribuciones del Juzgado Colegiado:
I. Conocer de los Recursos de Apelación.
TRANSITORIOS
Primero. El presente Reglamento entrará en vigor al día siguiente de su publicación.
"""


def test_a_body_in_charge_of_its_presidente_hangs_its_units_from_him(tmp_path: Path) -> None:
    """ "El Tribunal estará a cargo de un Presidente" and a structure list that names the Presidente
    after the collegiate court he presides: the court stays beside him, the other units hang from him,
    and the list the second sentence announces is his."""
    doc = load(tmp_path, PRESIDED_BODY)
    n = {u.id: u.name for u in doc.units}
    placed = parents(doc, org_as="(organization)")
    assert placed == {
        "Juzgado Colegiado": "(organization)",
        "Presidente del Tribunal": "(organization)",
        "Juzgados Unitarios": "Presidente del Tribunal",
        "Coordinación Administrativa": "Presidente del Tribunal",
        "Cárcel Municipal": "Presidente del Tribunal",
    }
    holders = {e.target: n[e.source] for e in doc.edges_of("HAS_POWER")}
    by_text = {p.text: holders[p.id] for p in doc.powers}
    assert by_text["Presidir las sesiones del Juzgado Colegiado."] == "Presidente del Tribunal"
    assert by_text["Conocer de los Recursos de Apelación."] == "Juzgado Colegiado"


FEDERAL_LETTERED = """REGLAMENTO INTERIOR DE LA SECRETARÍA DE ENERGÍA
Artículo 1.- La Secretaría de Energía es una dependencia del Poder Ejecutivo Federal.
Artículo 2.- La persona titular de la Secretaría, para el despacho, estudio, planeación y desahogo de los asuntos de su
competencia, se auxilia de las unidades administrativas y órganos administrativos desconcentrados siguientes:
A.    Subsecretaría de Planeación y Transición Energética:
I.     Unidad del Sistema Nacional de Información Energética:
I.1.     Dirección General de Registros e Información Geoespacial del Sistema Nacional de Información Energética,
y
I.2.     Dirección General de Metodologías y Estadísticas del Sistema Nacional de Información Energética;
II.     Dirección General de Planeación e Integración Energética;
B.    Subsecretaría de Electricidad:
I.     Unidad del Sistema Eléctrico Nacional y Política Nuclear;
C.    Subsecretaría de Hidrocarburos:
I.          Unidad de Desarrollo de Modelos Contractuales y de Asignaciones, Proyectos Regulatorios y Argumentación
Técnica:
I.1      Dirección General de Desarrollo de Argumentación Técnica para la Implementación de la Política Regulatoria
del Sector Hidrocarburos;
D.    Órganos administrativos desconcentrados:
I.     Comisión Nacional de Energía.
Artículo 3.- Corresponde a la Dirección General de Planeación e Integración Energética, el ejercicio de las atribuciones
siguientes:
I.     Elaborar la planeación vinculante del sector energético;
II.    Las demás que le confieran las disposiciones jurídicas aplicables.
TRANSITORIOS
Primero.- El presente Reglamento entrará en vigor al día siguiente al de su publicación.
"""


def test_lettered_groups_and_dotted_sub_fractions_nest(tmp_path: Path) -> None:
    """A federal structure article: lettered groups ("A. Subsecretaría …:", "C." read as a letter, not
    the roman 100), fracciones under each and "I.1" sub-fracciones under those; long federal names;
    a plural group ("D. Órganos administrativos desconcentrados:") is no unit."""
    doc = load(tmp_path, FEDERAL_LETTERED)
    n = {u.id: u.name for u in doc.units}
    placed = parents(doc, org_as="(organization)")
    assert placed == {
        "Subsecretaría de Planeación y Transición Energética": "(organization)",
        "Unidad del Sistema Nacional de Información Energética": "Subsecretaría de Planeación y Transición Energética",
        "Dirección General de Registros e Información Geoespacial del Sistema Nacional de Información Energética": (
            "Unidad del Sistema Nacional de Información Energética"
        ),
        "Dirección General de Metodologías y Estadísticas del Sistema Nacional de Información Energética": (
            "Unidad del Sistema Nacional de Información Energética"
        ),
        "Dirección General de Planeación e Integración Energética": "Subsecretaría de Planeación y Transición Energética",
        "Subsecretaría de Electricidad": "(organization)",
        "Unidad del Sistema Eléctrico Nacional y Política Nuclear": "Subsecretaría de Electricidad",
        "Subsecretaría de Hidrocarburos": "(organization)",
        "Unidad de Desarrollo de Modelos Contractuales y de Asignaciones, Proyectos Regulatorios y Argumentación Técnica": (
            "Subsecretaría de Hidrocarburos"
        ),
        "Dirección General de Desarrollo de Argumentación Técnica para la Implementación de la Política Regulatoria "
        "del Sector Hidrocarburos": (
            "Unidad de Desarrollo de Modelos Contractuales y de Asignaciones, Proyectos Regulatorios y Argumentación Técnica"
        ),
        "Comisión Nacional de Energía": "(organization)",
    }
    holders = {e.target: n[e.source] for e in doc.edges_of("HAS_POWER")}
    assert {holders[p.id] for p in doc.powers} == {"Dirección General de Planeación e Integración Energética"}
    assert not [note for note in doc.notes if note.kind == "numbering"]


AT_THE_FRONT_OF_EACH = """REGLAMENTO INTERIOR DEL CENTRO DE MEDIOS ALTERNOS DE SOLUCIÓN DE CONTROVERSIAS
Artículo 1. El presente reglamento regula la organización del Centro de Medios Alternos de Solución de Controversias.
Artículo 2. El Centro contará con las unidades administrativas siguientes:
I. Una dirección.
II. Una coordinación jurídica.
Artículo 3. Al frente de cada Delegación Regional habrá una persona que tendrá, además de las atribuciones que le
confiere la ley, las siguientes:
I. Auxiliar a la Dirección en la difusión de los medios alternos.
II. Las demás que le confiera la Dirección.
TRANSITORIOS
Primero. El presente reglamento entrará en vigor al día siguiente de su publicación.
"""


def test_a_list_of_the_person_at_the_front_of_each_unit_is_that_unit_s(tmp_path: Path) -> None:
    """ "Al frente de cada Delegación Regional habrá una persona que tendrá … las siguientes:" — the list
    belongs to the Delegación Regional (a unit of the class), not to no one."""
    doc = load(tmp_path, AT_THE_FRONT_OF_EACH)
    n = {u.id: u.name for u in doc.units}
    holders = {n.get(e.source, e.source) for e in doc.edges_of("HAS_POWER")}
    assert holders == {"Delegación Regional"}
    assert not [note for note in doc.notes if "attached to no unit" in note.message]


@pytest.mark.parametrize(
    ("body", "acronym", "text", "kind"),
    [
        # what the body says of itself: a link after a subject naming it, an apposition, its creation
        (
            "Comisión Reguladora de Energía",
            None,
            "Artículo 1.- La Comisión Reguladora de Energía es un órgano administrativo desconcentrado.",
            ("organo_desconcentrado", "says_so"),
        ),
        (
            "Tribunal de Justicia Municipal",
            None,
            "establecer la actuación del Tribunal de Justicia Municipal como entidad desconcentrada de la Administración",
            ("organo_desconcentrado", "says_so"),
        ),
        (
            "Instituto Nacional de Vivienda Rural",
            None,
            "regular el funcionamiento del Instituto Nacional de Vivienda Rural, organismo descentralizado de la APF",
            ("organismo_descentralizado", "says_so"),
        ),
        (
            "Sistema Municipal de Aguas y Saneamiento de Torreón",
            None,
            "del Decreto No. 296 del Congreso del Estado que crea el Organismo Público Descentralizado de la Administración",
            ("organismo_descentralizado", "says_so"),
        ),
        (
            "Secretaría del Ayuntamiento",
            None,
            "Artículo 4. La Secretaría es la dependencia de la Administración Pública Municipal encargada de",
            ("dependencia_municipal", "says_so"),
        ),
        # a glossary defines the words and lists name them for other bodies: they say nothing of this one
        (
            "Contraloría del Municipio de Torreón",
            None,
            "VIII.- Organismos Descentralizados.- Dependencias que operan. IX.- Administración Paramunicipal.- "
            "Unidades. Auditar a las dependencias de la Administración Pública Municipal y paramunicipal.",
            ("dependencia_municipal", "name"),
        ),
        (
            "Administración Pública Municipal de Torreón",
            None,
            "VII. Órgano desconcentrado: Es la unidad administrativa con facultades para actuar.",
            ("administracion_municipal", "name"),
        ),
        (
            "Dirección General de Obras",
            None,
            "La Dirección de Catastro, organismo descentralizado. Los titulares de las dependencias municipales.",
            None,
        ),
        # the law's mark of a decentralized body: its own governing body and its own patrimony
        (
            "Instituto Municipal de la Juventud",
            None,
            "II. Consejo: Órgano de Gobierno del Instituto. Artículo 6. El patrimonio del Instituto se integra por:",
            ("organismo_descentralizado", "governing_body_and_patrimony"),
        ),
        (
            "Instituto Municipal de la Juventud",
            None,
            "II. Consejo: Órgano de Gobierno del Municipio. Artículo 6. El patrimonio del Instituto se integra por:",
            ("dependencia_municipal", "name"),
        ),
        # a municipal government's text names its offices: its bodies are dependencias
        (
            "Comisaría de Seguridad Ciudadana de Guadalajara",
            None,
            "El Presidente Municipal ejerce el mando. Publicado en la Gaceta Municipal. Acuerdo del Ayuntamiento.",
            ("dependencia_municipal", "municipal_text"),
        ),
        ("Comisión Nacional del Agua", "CONAGUA", "La CONAGUA coordina a los municipios.", None),
        (
            "Servicio de Administración Tributaria",
            "SAT",
            "El Servicio de Administración Tributaria, órgano desconcentrado de la Secretaría de Hacienda, tiene",
            ("organo_desconcentrado", "says_so"),
        ),
        (
            "Instituto Municipal de Cultura",
            None,
            "Artículo 1. El Instituto tiene el carácter de organismo público descentralizado del Municipio.",
            ("organismo_descentralizado", "says_so"),
        ),
    ],
)
def test_an_organization_s_kind_is_what_it_says_of_itself(
    body: str, acronym: str | None, text: str, kind: tuple[str, str] | None
) -> None:
    read = organization_kind(body, acronym, text)
    assert ((read.kind, read.basis) if read else None) == kind


@pytest.mark.parametrize(
    ("text", "superior"),
    [
        (
            "La Comisión Nacional de Energía es un órgano administrativo desconcentrado de la Secretaría de Energía, de",
            "Secretaría de Energía",
        ),
        (
            "La Comisión Nacional de Energía es un órgano desconcentrado, sectorizado a la Secretaría de Energía, que",
            "Secretaría de Energía",
        ),
        ("La Comisión Nacional de Energía es un organismo descentralizado de la Administración Pública Federal", None),
    ],
)
def test_a_body_s_description_places_it_in_its_sector(text: str, superior: str | None) -> None:
    read = organization_kind("Comisión Nacional de Energía", "CNE", text)
    assert read is not None and read.superior == superior
