"""Which body of one document is which unit of another: a key for a municipal body's name.

A municipality's Reglamento Orgánico lists its dependencias as units ("Tesorería Municipal",
"Dirección General de Contraloría Municipal"); each dependencia's own reglamento or manual is about it
as an organization, named in full ("Tesorería Municipal del Ayuntamiento de Torreón", "Contraloría
del Municipio de Torreón"). The key says the municipality's the same way ("del Municipio de Torreón",
"del Ayuntamiento de Torreón" → "municipal") and drops "Dirección General de", so both spellings meet;
the writer links the two nodes (SAME_AS) only within one municipality, and only while the key names one
unit there.
"""

from __future__ import annotations

import re

from loaders.citations import STATE
from loaders.records import ParsedDocument
from orggraph.folding import fold

MUNICIPALITY_PREFIX = "municipio-de-"
_CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e", "r"}


def municipality_id(parsed: ParsedDocument) -> str | None:
    """The id of the municipality the document's organization belongs to (itself or an ancestor)."""
    orgs = {o.id: o for o in parsed.organizations}
    current, seen = orgs.get(parsed.document.organization), set()
    while current is not None and current.id not in seen:
        if current.id.startswith(MUNICIPALITY_PREFIX):
            return current.id
        seen.add(current.id)
        current = orgs.get(current.parent) if current.parent else None
    return None


def body_key(name: str, municipality: str) -> str:
    """ "Tesorería Municipal del Ayuntamiento de Torreón" and "Tesorería Municipal" → "tesoreria municipal";
    "Contraloría del Municipio de Torreón" and "Dirección General de Contraloría Municipal" → "contraloria
    municipal"; a Contraloría's own "Archivo" stays "archivo", not the "Archivo Municipal"."""
    place = municipality.removeprefix(MUNICIPALITY_PREFIX).replace("-", " ")
    place = re.escape(place) + rf"(?:\s+{STATE})*$"  # "… de Torreón, Coahuila de Zaragoza": the words of a state
    key = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9ñ ]+", " ", fold(name))).strip()
    # "… del Republicano Ayuntamiento del Municipio de Torreón": the Ayuntamiento's, which says enough.
    key = re.sub(rf"(ayuntamiento)\s+del\s+municipio\s+de\s+{place}", r"\1", key)
    # "… del Ayuntamiento de Torreón", "… del Municipio de Torreón": the municipality's, "Municipal".
    key = re.sub(
        rf"\s+del\s+(?:(?:r|h|republicano|honorable)\s+)?(?:ayuntamiento|municipio)\s+de\s+{place}", " municipal", key
    )
    key = re.sub(rf"\s+de\s+{place}", "", key)  # "Instituto Municipal de la Mujer de Torreón"
    key = re.sub(r"^direccion general de\s+", "", key)
    words = [w for w in key.split() if w not in _CONNECTORS]
    return " ".join(dict.fromkeys(words))  # "Tesorería Municipal" + "municipal" once
