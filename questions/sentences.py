"""One Spanish sentence per item of an answer, each with its citation.

Pure: the structured results of the API's queries (who-may holders, chains of command, powers,
amendments …) in, ``{"text", "citation"}`` items out. The sentences say only what the result says.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from questions.citations import citation, lower_first, of, the, to

Item = dict[str, Any]

BASIS_WORDS = {
    "own": "como facultad propia",
    "class": "como facultad común a su clase de unidad",
    "delegated": "por delegación",
    "retained": "sin perjuicio de haberla delegado (la conserva)",
}
AMENDMENT_WORDS = {
    "added": "se adicionó",
    "modified": "se reformó",
    "derogated": "se derogó",
    "relocated": "se recorrió",
    "clarified": "se precisó",
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _conditions(power: dict[str, Any]) -> str:
    parts = [f"previa {c['kind']} {of(c['party']['name'])}" for c in power.get("conditions") or []]
    return ", " + ", ".join(parts) if parts else ""


def _how(power: dict[str, Any]) -> str:
    match = (power.get("match") or [None])[0]
    if not match:
        return ""
    if match["how"] == "equivalence":
        return f" («{match['action']}» equivale a «{match['asked']}»: {match['equivalence']['note']})"
    return f" («{match['action']}», el verbo preguntado)"


def _delegated_by(power: dict[str, Any]) -> str:
    via = power.get("legal_basis", {}).get("delegated_by") or []
    if not via:
        return ""
    instrument = via[0]
    who = ", ".join(the(u["name"]) for u in instrument.get("delegated_by") or [])
    name = instrument.get("identifier") or instrument.get("title")
    return f", delegada mediante {name}" + (f" por {who}" if who else "")


def _act(power: dict[str, Any]) -> str:
    """What the power lets the unit do: the act that answered the question when there is one, else its text."""
    match = (power.get("match") or [None])[0]
    if match and match.get("object"):
        return f"{match['action']} {match['object']}"
    return lower_first(power["power"]["text"]).rstrip(" .;")


def holder_power(unit: str, power: dict[str, Any], *, verb: str = "puede") -> Item:
    """ "La Coordinación Estatal puede formalizar los contratos …, previa opinión de la Unidad Jurídica" """
    basis = power["legal_basis"]
    text = (
        f"{_capital(the(unit))} {verb} {_act(power)}"
        f"{_conditions(power)}, {BASIS_WORDS.get(power['basis'], power['basis'])}{_delegated_by(power)}"
        f"{_how(power)}."
    )
    return {"text": text, "citation": citation(basis["document"], basis["provision"])}


def who_may(holders: list[dict[str, Any]]) -> list[Item]:
    """One sentence per holder, on its best power; every power it holds is cited."""
    items = []
    for holder in holders:
        first = holder["powers"][0]
        item = holder_power(holder["unit"]["name"], first)
        item["unit"] = holder["unit"]["id"]
        item["citations"] = [
            citation(p["legal_basis"]["document"], p["legal_basis"]["provision"]) for p in holder["powers"]
        ]
        items.append(item)
    return items


def unit_powers(unit: str, powers: list[dict[str, Any]]) -> list[Item]:
    items = []
    for p in powers:
        text = (
            f"{_capital(the(unit))} puede {lower_first(p['power']['text']).rstrip(' .;')}, "
            f"{BASIS_WORDS.get(p['basis'], p['basis'])}."
        )
        items.append({"text": text, "citation": citation(p["document"], p["provision"]), "power": p["power"]["id"]})
    return items


def superiors(unit: str, chain: list[dict[str, Any]], titles: dict[str, str]) -> list[Item]:
    """ "La Unidad Jurídica depende de la Dirección General", then "que depende de la Junta de Gobierno" """
    items = []
    below = unit
    for step in chain:
        name = step["node"]["name"]
        text = f"{_capital(the(below))} depende {of(name)}" + (" (nivel inmediato)." if step["depth"] == 1 else ".")
        items.append(
            {
                "text": text,
                "unit": step["node"]["id"],
                "depth": step["depth"],
                "citation": citation(
                    step.get("document"),
                    titles=titles,
                    lines=(step.get("line_start"), step.get("line_end")),
                    pages=(step.get("page_start"), step.get("page_end")),
                ),
            }
        )
        below = name
    return items


def other_lines(lines: list[dict[str, Any]], titles: dict[str, str]) -> list[Item]:
    return [
        {
            "text": f"{_capital(the(line['from']['name']))} tiene una línea {line['line']} "
            f"con {the(line['to']['name'])}.",
            "unit": line["to"]["id"],
            "citation": citation(
                line.get("document"), titles=titles, lines=(line.get("line_start"), line.get("line_end"))
            ),
        }
        for line in lines
    ]


def subordinates(
    unit: str, items: list[dict[str, Any]], lines: dict[str, dict[str, Any]], titles: dict[str, str]
) -> list[Item]:
    out = []
    names = {s["id"]: s["name"] for s in items}
    for s in items:
        parent = names.get(s.get("parent") or "", unit)
        edge = lines.get(s["id"], {})
        depth = "" if s["depth"] == 1 else f" (nivel {s['depth']} bajo {the(unit)})"
        out.append(
            {
                "text": f"{_capital(the(s['name']))} depende {of(parent)}{depth}.",
                "unit": s["id"],
                "depth": s["depth"],
                "citation": citation(
                    edge.get("document"),
                    titles=titles,
                    lines=(edge.get("line_start"), edge.get("line_end")),
                    pages=(edge.get("page_start"), edge.get("page_end")),
                ),
            }
        )
    return out


def _day(value: Any) -> dt.date | None:
    """A date as the endpoints give it: a date, or its ISO text when the route wrote its JSON itself."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def amendments(items: list[dict[str, Any]], titles: dict[str, str]) -> list[Item]:
    out = []
    for a in items:
        provision = a["provision"]
        day = _day(a["date"])
        when = day.strftime("%d-%m-%Y") if day else str(a["date"])
        cite = citation(a["document"], provision, titles=titles, lines=(a.get("line"), a.get("line")))
        label = cite["provision_label"] or provision.get("id")
        authority = a.get("authority_name") or a.get("authority")
        text = f"El {when} {AMENDMENT_WORDS.get(a['kind'], a['kind'])} {label} ({authority})."
        out.append({"text": text, "date": str(a["date"]), "citation": cite})
    return out


def history_events(unit: str, events: list[dict[str, Any]], titles: dict[str, str]) -> list[Item]:
    out = []
    for e in events:
        day = _day(e.get("date"))
        when = f"el {day.strftime('%d-%m-%Y')}" if day else "en fecha no dicha"
        what = e.get("description") or e["kind"]
        if e.get("from_name") and e.get("to_name"):
            what = f"pasó de llamarse {e['from_name']} a {e['to_name']}"
        out.append(
            {
                "text": f"{_capital(the(unit))}, {when}: {lower_first(what).rstrip('.')}.",
                "date": str(e.get("date")) if e.get("date") else None,
                "citation": citation(e.get("document"), titles=titles, lines=(e.get("line_start"), e.get("line_end"))),
            }
        )
    return out


def citing_units(instrument: str, rows: list[dict[str, Any]]) -> list[Item]:
    out = []
    for row in rows:
        name = row["unit"]["name"]
        where = f" (art. {row['article']})" if row.get("article") else ""
        out.append(
            {
                "text": f"{_capital(the(name))} ejerce facultades que se fundan en {the(instrument)}{where}.",
                "unit": row["unit"]["id"],
                "citation": citation(row["document"], row["provision"]),
                "citations": [citation(row["document"], p) for p in row.get("provisions", [])],
            }
        )
    return out


def delegated(unit: str, powers: list[dict[str, Any]]) -> list[Item]:
    out = []
    for p in powers:
        via = p["legal_basis"].get("delegated_by") or []
        if p["basis"] == "delegated" and via:
            who = ", ".join(the(u["name"]) for u in via[0].get("delegated_by") or []) or "el instrumento"
            name = via[0].get("identifier") or via[0].get("title")
            text = f"{_capital(who)} delegó {to(unit)} la facultad de {_act(p)}, mediante {name}."
            out.append(
                {"text": text, "citation": citation(p["legal_basis"]["document"], p["legal_basis"]["provision"])}
            )
        else:
            out.append(holder_power(unit, p, verb="tiene, sin delegación, la facultad de"))
    return out
