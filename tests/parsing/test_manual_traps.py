"""Manual extraction traps, each on a small string."""

from __future__ import annotations

from collections import Counter

from loaders.manual.lists import detect_style, split_items
from loaders.manual.parser import legal_items as _legal_items
from loaders.manual.parser import unit_blocks as _unit_blocks
from loaders.manual.posts import structure_rows
from loaders.manual.sections import sections as _sections
from loaders.pages import strip_running_headers
from loaders.text import read_lines


def lines(text: str):
    return strip_running_headers(read_lines(text)).lines


def read_manual(tmp_path, text: list[str], genre: str | None = "manual"):
    """A manual made of ``text``'s lines, read as a user's file is."""
    from loaders import load_file

    path = tmp_path / "manual.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    return load_file(path, genre=genre)


def placed(doc) -> dict[str, str]:
    """Each unit's parent by name; the document's organization shows as "(organization)"."""
    names = {u.id: u.name for u in doc.units} | {doc.document.organization: "(organization)"}
    return {names[e.source]: names.get(e.target, e.target) for e in doc.edges_of("PART_OF") if e.source in names}


def test_numbered_functions_with_page_break_header_glued_number_and_blank_continuation() -> None:
    text = "\n".join(
        [
            "1. Coordinar la elaboración de los programas de trabajo y el programa anual",
            "de operación de los servicios.",
            "",
            "2. Coordinar e implementar acciones para que los servicios en materia de salud y",
            "",
            "seguridad en el trabajo se proporcionen.",  # continues after a blank line
            "",
            "MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS",
            "",
            " Página 11 de 41 Clave: 3000-002-002",
            "",
            " 3. Verificar el funcionamiento de los sistemas de información de",  # number after a page break
            "5 días hábiles siguientes.",  # a wrapped line that starts with a number is not an item
            "4. Supervisar que se realice la afectación contable. 5. Atender las demás.",  # glued number
            "MANUAL DE ORGANIZACIÓN DE LA JEFATURA DE SERVICIOS",
            "Página 12 de 41 Clave: 3000-002-002",
        ]
    )
    body = lines(text)
    assert detect_style(body) == "arabic"
    _, items = split_items(body, "arabic")
    assert [i.number for i in items] == ["1", "2", "3", "4", "5"]
    assert items[1].text == (
        "Coordinar e implementar acciones para que los servicios en materia de salud y "
        "seguridad en el trabajo se proporcionen."
    )
    assert items[2].text == "Verificar el funcionamiento de los sistemas de información de 5 días hábiles siguientes."
    assert items[3].text == "Supervisar que se realice la afectación contable."
    assert items[4].text == "Atender las demás."
    assert (items[0].line_start, items[0].line_end) == (1, 2)


def test_policies_with_section_prefix_and_hyphen_compounds() -> None:
    body = lines(
        "5.1 Coordinará la difusión de tiendas IMSS-\nSNTSS para su estricta observancia.\n\n"
        "5.2 Verificará el cumplimiento.\n"
    )
    _, items = split_items(body, detect_style(body, "5.") or "", "5.")
    assert [(i.number, i.text) for i in items] == [
        ("5.1", "Coordinará la difusión de tiendas IMSS-SNTSS para su estricta observancia."),
        ("5.2", "Verificará el cumplimiento."),
    ]


def test_roman_functions() -> None:
    body = lines("I. Coordinar la operación de presas.\nII. Supervisar el\nmantenimiento.\nIII. Las demás.")
    assert detect_style(body) == "roman"
    assert [i.text for i in split_items(body, "roman")[1]] == [
        "Coordinar la operación de presas.",
        "Supervisar el mantenimiento.",
        "Las demás.",
    ]


def test_legal_framework_items_with_glyph_bullets_without_bullets_and_abbreviations() -> None:
    text = "\n".join(
        [
            "\uf0b7 Constitución Política de los Estados Unidos Mexicanos, publicada en el Diario Oficial",
            "de la Federación el 5 de febrero de 1917 y sus reformas.",
            "",
            "Ley del Instituto del Fondo Nacional de la Vivienda para los Trabajadores, publicada",
            "en el Diario Oficial de la Federación el 24 de abril de 1972, sus reformas y adiciones.",
            "Ley del Seguro Social, publicada en el Diario Oficial de la Federación el 21 de",  # no bullet, no blank
            "diciembre de 1995 y sus reformas.",
            "· Acuerdo ACDO.SA2.HCT.270814/185.P.DPES y sus anexos, dictado por el H.",  # "H." does not end it
            "Consejo Técnico el 27 de agosto de 2014.",
            "· Contrato Colectivo de Trabajo IMSS-SNTSS, vigente.",
        ]
    )
    items = _legal_items(lines(text))
    assert [t.split(",")[0] for t, _, _ in items] == [
        "Constitución Política de los Estados Unidos Mexicanos",
        "Ley del Instituto del Fondo Nacional de la Vivienda para los Trabajadores",
        "Ley del Seguro Social",
        "Acuerdo ACDO.SA2.HCT.270814/185.P.DPES y sus anexos",
        "Contrato Colectivo de Trabajo IMSS-SNTSS",
    ]
    assert [(start, end) for _, start, end in items] == [(1, 2), (4, 5), (6, 7), (8, 9), (10, 10)]


def test_sections_by_numbered_titles_in_arabic_or_roman() -> None:
    arabic = _sections(
        lines(" 1. Introducción\ntexto\n 3. Marco Jurídico – Administrativo\nx\n 7 Funciones Sustantivas\ny")
    )
    assert [(s.kind, s.number) for s in arabic] == [("history", "1"), ("legal", "3"), ("functions", "7")]
    roman = _sections(lines("I. ANTECEDENTES\na\nII. MARCO JURÍDICO\nb\nV. FUNCIONES\nc"))
    assert [(s.kind, s.number) for s in roman] == [("history", "I"), ("legal", "II"), ("functions", "V")]


def test_unit_headings_nest_by_numbering_or_by_roman_and_letters() -> None:
    dotted = _unit_blocks(
        lines(
            "7.1. Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y\n"
            "Sociales\n\n1. Coordinar.\n 7.1.1. Departamento de Guarderías\n1. Difundir."
        )
    )
    assert [(b.number, b.name, b.depth) for b in dotted] == [
        ("7.1", "Jefatura de Servicios de Salud en el Trabajo, Prestaciones Económicas y Sociales", 1),
        ("7.1.1", "Departamento de Guarderías", 2),
    ]
    roman = _unit_blocks(
        lines(
            "I. Dirección de Operación Hidráulica\nI. Coordinar la operación.\n"
            "a) Subdirección de Presas\nI. Supervisar las presas."
        )
    )
    assert [(b.name, b.depth) for b in roman] == [
        ("Dirección de Operación Hidráulica", 1),
        ("Subdirección de Presas", 2),
    ]
    assert [ln.text for ln in roman[0].lines] == ["I. Coordinar la operación."]


def test_a_municipal_manual_with_a_header_box_an_unnumbered_structure_and_a_drawn_organigrama() -> None:
    """The Torreón manuals' layout: a header box whose fields stand a blank line apart on every page,
    numbered sections around an unnumbered "Estructura Orgánica" table with level codes, the
    organigrama drawn in text after it, then one "Descripción del …" section per post."""
    box = [
        "",
        "    No. de Registro:",
        "",
        "    Fecha de elaboración:",
        "",
        "    Manual de Organización   Febrero, 2018",
        "    Municipal     No. de Revisión: 01",
        "",
    ]
    page = 0

    def page_break() -> list[str]:
        nonlocal page
        page += 1
        return ["", f"{page}", *box]

    text = "\n".join(
        [
            "MANUAL DE ORGANIZACIÓN DEL ARCHIVO MUNICIPAL",
            *box,
            "             I.   Introducción",
            "El Archivo Municipal resguarda la documentación del Ayuntamiento.",
            *page_break(),
            "             II.  Misión y Visión",
            "Preservar la memoria documental.",
            "",
            "    Estructura Orgánica",
            "",
            "    Nivel                                                   No. De Plazas",
            "    DG      Director General de Archivo Municipal             1",
            "    CA      Coordinador Administrativo                        1",
            "    JA      Jefatura de Archivo                               1",
            "    C       Capturista                                        4",
            "",
            "",
            "",
            *page_break(),
            "                             Consejo",
            "                              Director",
            "             Enlace de                  Asistente de",
            *page_break(),
            "             VI.  Descripción del Coordinador Administrativo",
            "Nombre del puesto          Coordinador Administrativo",
            "A quien Reporta:           Director General de Archivo Municipal",
            *page_break(),
            "             VII. Descripción del Capturista",
            "Nombre del puesto          Capturista",
            "A quien Reporta:           Jefatura de Archivo",
        ]
    )
    body = lines(text)
    assert not [ln for ln in body if ln.text.startswith(("Fecha de elaboración", "No. de Registro"))]
    found = _sections(body)
    assert [(s.number, s.kind) for s in found] == [
        ("I", "history"),
        ("II", "other"),
        ("u1", "structure"),
        ("VI", "posts"),
        ("VII", "posts"),
    ]
    assert [r.name for r in structure_rows(found[2].lines)] == [
        "Director General de Archivo Municipal",
        "Coordinador Administrativo",
        "Jefatura de Archivo",
        "Capturista",
    ]  # the organigrama drawn below the table ("Enlace de   Asistente de") is no row


def test_post_blocks_name_whose_assistant_and_the_posts_they_supervise(tmp_path) -> None:
    """A manual described post by post: "Asistente" is whose the heading says; a post only its
    superior's block names is a post all the same; a name wrapped onto the next line is one name."""
    from loaders import load_file

    text = "\n".join(
        [
            "MANUAL DE ORGANIZACIÓN DE LA DIRECCIÓN GENERAL DE DESARROLLO INSTITUCIONAL",
            "",
            "                 Descripción del Director de Comunicación Social e Imagen",
            "Nombre del Puesto          Director de Comunicación Social e Imagen",
            "A quien Reporta:           Director General de Desarrollo Institucional",
            "A quien Supervisa:         Jefe de Capacitación",
            "                           Jefe de Comunicación Organizacional",
            "Descripción de Funciones del Puesto:",
            "  • Dirigir la comunicación de la Dirección General.",
            "",
            "                 Descripción de la Asistente de Comunicación Social",
            "Nombre del Puesto          Asistente",
            "A quien Reporta:           Director de Comunicación Social e",
            "                           Imagen",
            "A quien Supervisa:         N/A",
            "Descripción de Funciones del Puesto:",
            "  • Llevar la agenda del Director.",
        ]
    )
    path = tmp_path / "manual.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_file(path)
    names = {u.id: u.name for u in doc.units}
    parents = {names[e.source]: names.get(e.target) for e in doc.edges_of("PART_OF") if e.source in names}
    director = "Director de Comunicación Social e Imagen"
    assert parents["Asistente de Comunicación Social"] == director
    assert parents["Jefe de Capacitación"] == parents["Jefe de Comunicación Organizacional"] == director
    assert "Imagen" not in names.values() and not [n for n in names.values() if n.startswith("N")]


def test_a_post_name_pasted_twice_is_read_from_its_block_s_heading(tmp_path) -> None:
    """Two blocks say "Nombre del Puesto: Director General …"; the second's heading names the Director
    de Área: the heading wins, and the reading report says so."""
    from loaders import load_file

    text = "\n".join(
        [
            "MANUAL DE ORGANIZACIÓN DE LA OFICINA DEL PRESIDENTE MUNICIPAL",
            "",
            "DESCRIPCIÓN DEL DIRECTOR GENERAL DE COMUNICACIÓN SOCIAL E IMAGEN",
            "Nombre del Puesto          Director General de Comunicación Social e Imagen",
            "A quien Reporta:           Presidente Municipal",
            "Descripción de Funciones del Puesto:",
            "  • Dirigir la comunicación social.",
            "",
            "DESCRIPCIÓN DEL DIRECTOR DE AREA DE COMUNICACIÓN SOCIAL E IMAGEN",
            "Nombre del Puesto          Director General de Comunicación Social e Imagen",
            "A quien Reporta:           Director General de Comunicación Social e Imagen",
            "Descripción de Funciones del Puesto:",
            "  • Mantener vigente la imagen de las Direcciones.",
        ]
    )
    path = tmp_path / "manual.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_file(path)
    names = {u.id: u.name for u in doc.units}
    parents = {names[e.source]: names.get(e.target) for e in doc.edges_of("PART_OF") if e.source in names}
    assert (
        parents["Director de Area de Comunicación Social e Imagen"]
        == "Director General de Comunicación Social e Imagen"
    )
    assert any("described twice" in n.message for n in doc.notes)


def test_a_second_role_s_functions_are_their_own_list(tmp_path) -> None:
    """A post that is also its area's Enlace de Transparencia: its functions, then under their own
    heading the functions of that role — two lists of the same holder."""
    from loaders import load_file

    text = "\n".join(
        [
            "MANUAL DE ORGANIZACIÓN DE LA DIRECCIÓN GENERAL DE DESARROLLO INSTITUCIONAL",
            "",
            "                 Descripción del Director de Calidad",
            "Nombre del Puesto          Director de Calidad",
            "A quien Reporta:           Director General de Desarrollo Institucional",
            "Descripción de Funciones del Puesto:",
            "  • Diseñar e implementar procesos.",
            "  • Asegurar procesos estables.",
            "",
            "              Principales Funciones como Enlace de Transparencia",
            "  • Recibir las notificaciones de Solicitudes de Acceso a la Información Pública.",
            "  • Acudir a las comparecencias que requiera el Comité de Transparencia.",
            "  • Generar las versiones públicas de la información que sea clasificada.",
            "    Atender las solicitudes de Derechos ARCO que interpongan a la",  # its bullet was lost
            "    Dependencia.",
        ]
    )
    path = tmp_path / "manual.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_file(path, genre="manual")  # one post block alone does not say "manual"
    headings = {p.id: p.heading for p in doc.provisions}
    lists = Counter(headings[p.parent] for p in doc.provisions if p.id in {w.provision for w in doc.powers})
    assert lists == {"Director de Calidad": 2, "Principales Funciones como Enlace de Transparencia": 4}


def test_each_area_s_table_has_its_own_posts(tmp_path) -> None:
    """A manual with one structure table per area reuses post names ("Mensajero", "Asistente de
    Dirección"): each table's post is its own, and a post block means the post of the table before it.
    Rows nothing else places go under the post their name's topic belongs to, or where the other rows
    of their level code are; codes glued to the name and count columns are not part of it."""
    text = [
        "MANUAL DE ORGANIZACIÓN DE LA OFICINA DEL PRESIDENTE MUNICIPAL",
        "",
        "ESTRUCTURA ORGÁNICA DE LA OFICINA DEL PRESIDENTE MUNICIPAL",
        "",
        "NIVEL                                                  PLAZAS",
        "PM       Presidente Municipal                              1",
        "SP       Secretaria Particular                             1",
        "ME       Mensajero                                         1",
        "AU       Auxiliar General de Despacho                      3",
        "AU       Auxiliar General de Giras                         2",
        "",
        "DESCRIPCIÓN DEL PUESTO DE MENSAJERO",
        "Nombre del Puesto:     Mensajero",
        "A quien Reporta:       Secretaria Particular",
        "DESCRIPCIÓN DEL AUXILIAR GENERAL DE DESPACHO",
        "Nombre del Puesto:     Auxiliar General de Despacho",
        "A quien Reporta:       Secretaria Particular",
        "",
        "ESTRUCTURA ORGÁNICA:",
        "",
        "NIVEL                                                  PLAZAS",
        "DG   Director de Atención Ciudadana                        1",
        "AU   Mensajero                                             1",
        "CDCC Coordinador Call Center                               1",
        "AU   Auxiliar General (Call Center turno Matutino)    1    1",
        "",
        "DESCRIPCIÓN DEL PUESTO DE MENSAJERO",
        "Nombre del Puesto:     Mensajero",
        "A quien Reporta:       Coordinadora de Call Center de Atención Ciudadana",
        "Área de Adscripción:   Dirección de Atención Ciudadana",
    ]
    doc = read_manual(tmp_path, text)
    names = {u.id: u.name for u in doc.units} | {doc.document.organization: "(organization)"}
    # (a list: two units are named "Mensajero")
    parents = sorted((names[e.source], names[e.target]) for e in doc.edges_of("PART_OF") if e.source_label == "Unit")
    assert parents == [
        ("Auxiliar General (Call Center turno Matutino)", "Coordinador Call Center"),  # its topic
        ("Auxiliar General de Despacho", "Secretaria Particular"),
        ("Auxiliar General de Giras", "Secretaria Particular"),  # where the other "AU" row is
        ("Coordinador Call Center", "Director de Atención Ciudadana"),
        ("Director de Atención Ciudadana", "(organization)"),
        ("Mensajero", "Coordinador Call Center"),  # the second table's, by its block (the area's name cut)
        ("Mensajero", "Secretaria Particular"),
        ("Presidente Municipal", "(organization)"),
        ("Secretaria Particular", "Presidente Municipal"),
    ]


def test_the_title_in_a_header_box_is_read_without_the_box_s_fields(tmp_path) -> None:
    """``pdftotext -layout`` prints a header box's fields on the lines of the title beside them
    ("Manual de Organización de la   Febrero 2018" / "Dirección General de Servicios   No de Revisión:
    02"); and an institution the manual names once with its acronym is not the body it belongs to."""
    box = [
        "                                                      No. de Registro:",
        "                                                      Fecha de Elaboración:",
        "       Manual de Organización de la                   Febrero 2018",
        "       Dirección General de Servicios                 No de Revisión: 02",
        "       Públicos Municipales                           Fecha de Revisión:",
        "                                                      Marzo 2018",
    ]
    text = [
        "DE SERVICIOS PÚBLICOS MUNICIPALES",
        "",
        *box,
        "",
        "                                       Introducción.",
        "",
        "La Dirección General de Servicios Públicos Municipales coordina la limpieza y el alumbrado.",
        "",
        "2",
        *box,
        "",
        "                                       Marco Jurídico",
        "",
        "  • Reglamento del Consejo de administración del Sistema Integral de Mantenimiento Vial (SIMV).",
        "",
        "3",
        *box,
        "",
        "                                       Estructura Orgánica",
        "",
        "NIVEL                                                  PLAZAS",
        "DG       Director General de Servicios Públicos           1",
        "DA       Director de Alumbrado Público                    1",
        *(line for page in range(4, 9) for line in ("", str(page), *box, "", "Texto de la página.")),
    ]
    doc = read_manual(tmp_path, text)
    organization = next(o for o in doc.organizations if o.id == doc.document.organization)
    assert organization.name == "Dirección General de Servicios Públicos Municipales"
    assert doc.document.organization == "direccion-general-de-servicios-publicos-municipales"


def test_functions_headed_de_las_funciones_are_the_post_s_own(tmp_path) -> None:
    """ "Descripción de las Funciones del Puesto:" heads a post's functions; it is not the heading of
    another post's block (the bullets are the PDF's private-use glyph U+F0B7)."""
    text = [
        "MANUAL DE ORGANIZACIÓN DEL TRIBUNAL DE JUSTICIA MUNICIPAL",
        "",
        "                              Descripción del Puesto",
        "Nombre del Puesto:             Presidente del Tribunal de Justicia Municipal",
        "A quien reporta:               Presidente Municipal",
        "",
        "Descripción de las Funciones del Puesto:",
        "   \uf0b7 Representar al Tribunal y relaciones Inter- Institucionales",
        "   \uf0b7 Supervisar y resolver sobre quejas en contra de los Servidores Públicos",
        "      Municipales.",
        "   \uf0b7 Supervisar el desempeño de los juzgados.",
        "",
        "                              Descripción del Puesto",
        "Nombre del Puesto:             Secretaria del Presidente del Tribunal",
        "A quien reporta:               Presidente del Tribunal de Justicia Municipal",
        "",
        "Descripción de las Funciones del Puesto:",
        "   \uf0b7 Llevar la agenda del Presidente del Tribunal",
    ]
    doc = read_manual(tmp_path, text)
    names = {u.id: u.name for u in doc.units}
    holders = {e.target: names.get(e.source) for e in doc.edges_of("HAS_POWER")}
    held = Counter(holders[p.id] for p in doc.powers)
    assert held == {
        "Presidente del Tribunal de Justicia Municipal": 3,
        "Secretaria del Presidente": 1,
    }  # (del Tribunal: own)


def test_an_organigrama_drawn_in_text_places_the_units_only_it_shows(tmp_path) -> None:
    """``pdftotext -layout`` keeps a chart's boxes where they stood: a box is the lines whose cells share
    columns ("Coordinación de" / "Archivo de" / "Concentración"); boxes stacked in one column are
    siblings; a box hangs from the box above it; a post's own chart draws those under the post.
    Only units nothing else places are read from a chart, and half a box ("Jefatura de") is none."""
    text = [
        "MANUAL DE ORGANIZACIÓN DEL ARCHIVO MUNICIPAL",
        "",
        "    Estructura Orgánica",
        "",
        "    Nivel                                                   No. De Plazas",
        "    DG      Director General de Archivo Municipal             1",
        "    JA      Jefatura de Archivo                               1",
        "    C       Capturista                                        4",
        "",
        "",
        "",
        "                             Consejo",
        "",
        "                              Director",
        "",
        "            Jefatura de",
        "             Archivo",
        "",
        "                  Coordinación de",
        "                  Archivo Histórico",
        "",
        "",
        "                   Coordinación de",
        "                     Archivo de",
        "                    Concentración",
        "",
        "             VI.   Descripción del Jefe de Archivo",
        "     Organigrama del Puesto",
        "                                         Jefatura de",
        "                                          Archivo",
        "",
        "        Capturista                                    Unidad",
        "                                                    Informática",
        "",
        "                                                      Jefatura de",
        "",
        "     Nombre del puesto                  Jefatura de Archivo",
        "     A quien Reporta:                   Director General de Archivo Municipal",
        "     A quien Supervisa:                 Capturista",
    ]
    doc = read_manual(tmp_path, text)
    parents = placed(doc)
    names = {u.id: u.name for u in doc.units}
    assert parents["Coordinación de Archivo Histórico"] == "Jefatura de Archivo"
    assert parents["Coordinación de Archivo de Concentración"] == "Jefatura de Archivo"  # stacked: a sibling
    assert parents["Unidad Informática"] == "Jefatura de Archivo"  # the post's own chart
    assert parents["Consejo"] == "(organization)"
    assert parents["Capturista"] == "Jefatura de Archivo"  # the blocks say so; the chart does not move it
    assert parents["Jefatura de Archivo"] == "Director General"  # (de Archivo Municipal: the organization)
    assert "Jefatura de" not in names.values()


def test_codes_padded_with_zeros_nest_as_their_digits_say(tmp_path) -> None:
    """Federal manuals number their structure "1.0.0.0" (the head), "1.1.0.0", "1.1.1.0", and its staff
    "1.0.1": the zeros are padding, in the structure list and in the functions section alike."""
    text = [
        "MANUAL DE ORGANIZACIÓN ESPECÍFICO DE LA DIRECCIÓN GENERAL DE FINANZAS",
        "",
        "1. INTRODUCCIÓN",
        "La Dirección General de Finanzas administra los recursos financieros.",
        "",
        "2. ESTRUCTURA ORGÁNICA",
        "1.0.0.0 Dirección General de Finanzas",
        "1.0.1 Coordinación Administrativa",
        "1.1.0.0 Dirección de Contabilidad",
        "1.1.1.0 Subdirección de Registro Contable",
        "1.2.0.0 Dirección de Tesorería",
        "",
        "3. FUNCIONES",
        "1.1.0.0 Dirección de Contabilidad",
        "1. Registrar las operaciones contables.",
        "1.1.1.0 Subdirección de Registro Contable",
        "1. Conciliar las cuentas bancarias.",
    ]
    parents = placed(read_manual(tmp_path, text))
    assert parents["Coordinación Administrativa"] == "Dirección General de Finanzas"
    assert parents["Dirección de Contabilidad"] == "Dirección General de Finanzas"
    assert parents["Subdirección de Registro Contable"] == "Dirección de Contabilidad"
    assert parents["Dirección de Tesorería"] == "Dirección General de Finanzas"
