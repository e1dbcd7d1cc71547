"""Realistic synthetic documents of the genre, of any size, each with its answer.

A *Reglamento Interior* of a Secretaría: a structure article listing its Subsecretarías and
Direcciones Generales (roman fracciones), each with its Direcciones de Área (incisos) and those with
their Subdirecciones (numerales) — then one article of powers per unit. Phrasings, numbering
punctuation and verb tenses are drawn at random from the ones real documents use (see
``loaders/phrasings.py``), so a parser that reads one style only fails here.

The answer written beside each document lists every unit with its parent and the number of powers
its article gives it: ``python -m bench.synthetic --units 2000 --out /tmp/doc.txt`` writes
``/tmp/doc.txt`` and ``/tmp/doc.answer.json``.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

TOPICS = [
    "Planeación",
    "Evaluación",
    "Programación",
    "Presupuesto",
    "Recursos Humanos",
    "Recursos Materiales",
    "Servicios Generales",
    "Tecnologías de la Información",
    "Asuntos Jurídicos",
    "Comunicación Social",
    "Vinculación",
    "Transparencia",
    "Control Interno",
    "Normatividad",
    "Estadística",
    "Proyectos",
    "Infraestructura",
    "Mantenimiento",
    "Adquisiciones",
    "Contabilidad",
    "Tesorería",
    "Fiscalización",
    "Auditoría",
    "Innovación",
    "Capacitación",
    "Desarrollo Organizacional",
    "Archivo",
    "Correspondencia",
    "Atención Ciudadana",
    "Protección Civil",
    "Seguridad",
    "Salud",
    "Educación",
    "Cultura",
    "Deporte",
    "Turismo",
    "Fomento Económico",
    "Empleo",
    "Vivienda",
    "Medio Ambiente",
    "Agua",
    "Energía",
    "Movilidad",
    "Obras",
    "Catastro",
    "Registro",
    "Padrones",
    "Inspección",
    "Verificación",
    "Mejora Regulatoria",
]
QUALIFIERS = [
    "Regional",
    "Estatal",
    "Municipal",
    "Operativa",
    "Estratégica",
    "Técnica",
    "Sectorial",
    "Territorial",
    "Institucional",
    "Especializada",
    "Central",
    "Metropolitana",
    "Rural",
    "Urbana",
    "Digital",
    "Social",
]
REGIONS = [
    "del Norte",
    "del Sur",
    "del Centro",
    "del Oriente",
    "del Poniente",
    "de la Laguna",
    "de la Sierra",
    "de la Costa",
]
VERBS = [
    "Coordinar",
    "Supervisar",
    "Proponer",
    "Elaborar",
    "Dirigir",
    "Establecer",
    "Vigilar",
    "Integrar",
    "Emitir",
    "Autorizar",
    "Evaluar",
    "Promover",
    "Atender",
    "Gestionar",
    "Resolver",
    "Formular",
    "Difundir",
    "Registrar",
]
OBJECTS = [
    "los programas de trabajo del área",
    "los lineamientos en la materia",
    "los informes que le sean requeridos",
    "las acciones de mejora continua",
    "los convenios de colaboración",
    "el anteproyecto de presupuesto",
    "los procedimientos administrativos",
    "las resoluciones de su competencia",
    "los indicadores de desempeño",
    "la información estadística correspondiente",
    "los dictámenes técnicos",
    "las solicitudes de la ciudadanía",
]
STRUCTURE_INTROS = [
    "Para el estudio, planeación y despacho de los asuntos de su competencia, la Secretaría contará con las "
    "siguientes unidades administrativas:",
    "La Secretaría, para el despacho de los asuntos de su competencia, cuenta con las unidades administrativas "
    "siguientes:",
    "La Secretaría se integra por las siguientes unidades administrativas:",
    "Para el ejercicio de sus atribuciones, la Secretaría se auxiliará de las unidades administrativas siguientes:",
]
POWER_INTROS = [
    "Corresponde a la {unit}:",
    "La {unit} tendrá las siguientes atribuciones:",
    "Son atribuciones de la {unit}:",
    "Compete a la {unit}:",
    "La {unit} tiene las atribuciones siguientes:",
    "Al titular de la {unit} le corresponde:",
]
LAST_POWER = "Las demás que le confieran las disposiciones aplicables y las que le encomiende su superior."
ARTICLE_STYLES = ["Artículo {n}.-", "ARTÍCULO {n}.", "Artículo {n}.", "Artículo {n}o.-"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def roman(n: int) -> str:
    numerals = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def letter(n: int) -> str:
    """a … z, then aa, ab … (real lists rarely pass z; a generator of any size must)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[n - 1] if n <= 26 else letters[(n - 1) // 26 - 1] + letters[(n - 1) % 26]


@dataclass
class Unit:
    name: str
    parent: str | None
    powers: int
    children: list[Unit] = field(default_factory=list)


def names(rng: random.Random):  # an endless generator of unique unit names
    seen: set[str] = set()
    while True:
        topic = rng.choice(TOPICS)
        parts = [topic]
        if rng.random() < 0.7:
            parts.append(rng.choice(QUALIFIERS))
        if rng.random() < 0.5:
            parts.append(rng.choice(REGIONS))
        core = " ".join(parts)
        if core not in seen:
            seen.add(core)
            yield core


def build(units: int, seed: int = 7) -> list[Unit]:
    """A tree of ``units`` units: Direcciones Generales, their Direcciones de Área, their Subdirecciones."""
    rng = random.Random(seed)
    fresh = names(rng)
    tops: list[Unit] = []
    count = 0
    while count < units:
        top = Unit(f"Dirección General de {next(fresh)}", None, rng.randint(3, 12))
        tops.append(top)
        count += 1
        for _ in range(rng.randint(2, 5)):
            if count >= units:
                break
            area = Unit(f"Dirección de {next(fresh)}", top.name, rng.randint(2, 10))
            top.children.append(area)
            count += 1
            for _ in range(rng.randint(0, 3)):
                if count >= units:
                    break
                area.children.append(Unit(f"Subdirección de {next(fresh)}", area.name, rng.randint(2, 8)))
                count += 1
    return tops


ORGANIZATION = "Secretaría de Desarrollo Institucional"
SECTORS = [
    "Desarrollo Institucional", "Salud", "Educación", "Finanzas", "Economía", "Movilidad", "Cultura",
    "Turismo", "Medio Ambiente", "Desarrollo Rural", "Trabajo", "Seguridad Pública", "Obras Públicas",
    "Desarrollo Social", "Innovación", "Agricultura", "Bienestar", "Igualdad Sustantiva", "Gobierno Digital",
    "Protección Civil", "Desarrollo Urbano", "Energía", "Pesca", "Vivienda", "Administración",
]  # fmt: skip
PLACES = [
    "Aguascalientes", "Baja California", "Campeche", "Chiapas", "Chihuahua", "Coahuila", "Colima", "Durango",
    "Guanajuato", "Guerrero", "Hidalgo", "Jalisco", "México", "Michoacán", "Morelos", "Nayarit", "Nuevo León",
    "Oaxaca", "Puebla", "Querétaro", "Quintana Roo", "San Luis Potosí", "Sinaloa", "Sonora", "Tabasco",
    "Tamaulipas", "Tlaxcala", "Veracruz", "Yucatán", "Zacatecas", "Baja California Sur", "Ciudad de México",
    "Acapulco", "Mérida", "Monterrey", "Tijuana", "León", "Zapopan", "Torreón", "Mexicali",
]  # fmt: skip


def organization(index: int) -> str:
    """The ``index``-th of 1,000 distinct Secretarías: sector × state or city."""
    sector, place = SECTORS[index % len(SECTORS)], PLACES[index // len(SECTORS) % len(PLACES)]
    return f"Secretaría de {sector} del Estado de {place}"


def render(tops: list[Unit], seed: int = 7, org: str = ORGANIZATION) -> str:
    rng = random.Random(seed + 1)
    lines = [
        f"REGLAMENTO INTERIOR DE LA {org.upper()}",
        "",
        "CAPÍTULO I",
        "DE LA COMPETENCIA Y ORGANIZACIÓN DE LA SECRETARÍA",
        "",
    ]
    number = 1

    def article(text: str) -> None:
        nonlocal number
        lines.append(f"{rng.choice(ARTICLE_STYLES).format(n=number)} {text}")
        number += 1

    article(f"La {org} es una dependencia de la Administración Pública Estatal.")
    article(rng.choice(STRUCTURE_INTROS))
    for i, top in enumerate(tops, start=1):
        lines.append(f"{roman(i)}. {top.name};")
        for j, area in enumerate(top.children, start=1):
            lines.append(f"{letter(j)}) {area.name};")
            for k, sub in enumerate(area.children, start=1):
                lines.append(f"{k}. {sub.name};")
    lines += ["", "CAPÍTULO II", "DE LAS ATRIBUCIONES DE LAS UNIDADES ADMINISTRATIVAS", ""]
    for unit in [u for top in tops for u in (top, *top.children, *(s for a in top.children for s in a.children))]:
        article(rng.choice(POWER_INTROS).format(unit=unit.name))
        for p in range(1, unit.powers + 1):
            last = p == unit.powers
            text = LAST_POWER if last else f"{rng.choice(VERBS)} {rng.choice(OBJECTS)};"
            lines.append(f"{roman(p)}. {text}")
        lines.append("")
    lines += [
        "",
        "TRANSITORIOS",
        "",
        "PRIMERO.- El presente Reglamento entrará en vigor al día siguiente de su publicación.",
    ]
    return "\n".join(lines) + "\n"


def answer(tops: list[Unit], org: str = ORGANIZATION) -> dict[str, object]:
    units = [u for top in tops for u in (top, *top.children, *(s for a in top.children for s in a.children))]
    return {
        "organization": org,
        "units": {u.name: {"parent": u.parent, "powers": u.powers} for u in units},
    }


def write(units: int, out: Path, seed: int = 7, org: str = ORGANIZATION) -> Path:
    """Write a document of ``units`` units to ``out`` and its answer beside it; returns the answer's path."""
    tops = build(units, seed)
    out.write_text(render(tops, seed, org), encoding="utf-8")
    answer_path = out.with_suffix(".answer.json")
    answer_path.write_text(json.dumps(answer(tops, org), ensure_ascii=False, indent=1), encoding="utf-8")
    return answer_path


def corpus(documents: int, units: int, folder: Path, first: int = 0) -> list[Path]:
    """Documents ``first`` … ``first + documents - 1`` of a corpus of Reglamentos of distinct Secretarías
    (up to 1,000), ``units`` units each; the same index always gives the same document."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(first, first + documents):
        path = folder / f"reglamento-{index:04d}.txt"
        if not path.exists():
            write(units, path, seed=index, org=organization(index))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(write(args.units, args.out, args.seed))


if __name__ == "__main__":
    main()
