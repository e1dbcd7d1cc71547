"""Organizational prose: history (renames, moves, creations, restructurings) and reporting lines.

Manuals tell their history in paragraphs: "El 22 de febrero de 2017, el H. Consejo Técnico
mediante Acuerdo ACDO… aprobó …; la Jefatura de Servicios de X modifica su denominación a
Jefatura de Servicios de Y." A sentence's event takes the date and instrument of its paragraph when
it names none itself. Old names become aliases of the renamed unit, so they still resolve.

Reporting lines: "con dependencia jerárquica operativa de X" (hierarchical), "en el ámbito
normativo a Y" (normative), and "X se integra … con: A; B; así como C" (X's units).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import ids
from loaders.assembly import Assembly
from loaders.dates import DateMention, find_dates
from loaders.instruments import ACUERDO_ID, ACUERDO_NUMBER, normalize_acuerdo_id
from loaders.mentions import UNIT_PHRASE, clean_name, unit_like
from loaders.records import ChangeEventRecord
from loaders.text import sentences

_U = r"(?:la|el|las|los)\s+"
RENAME = [
    re.compile(
        rf"(?P<old>{UNIT_PHRASE.pattern})\s+(?:modifica|modificar[áa]|cambia|cambiar[áa])\s+su\s+denominaci[óo]n\s+"
        rf"(?:a|por\s+la\s+de)\s+(?P<new>{UNIT_PHRASE.pattern})"
    ),
    re.compile(
        rf"cambio\s+de\s+denominaci[óo]n\s+de\s+(?:{_U})?(?:\d+\s+)?(?P<old>{UNIT_PHRASE.pattern})"
        rf"(?:\s+del\s+Instituto)?\s+a\s+(?P<new>{UNIT_PHRASE.pattern})"
    ),
    re.compile(
        rf"(?P<old>{UNIT_PHRASE.pattern})\s+pas(?:a|ar[áa]|[óo])\s+a\s+denominarse\s+(?P<new>{UNIT_PHRASE.pattern})"
    ),
]
MOVE = re.compile(
    rf"\bse\s+reubica\s+(?:{_U})?(?P<unit>{UNIT_PHRASE.pattern})(?:\s+con\s+su\s+tramo\s+de\s+control)?,?\s+"
    rf"de\s+(?:{_U})?(?P<from>{UNIT_PHRASE.pattern})\s+a\s+(?:{_U})?(?P<to>{UNIT_PHRASE.pattern})"
)
CREATE = re.compile(
    rf"\b(?:se\s+crea(?:n)?|creaci[óo]n(?:\s+e\s+incorporaci[óo]n)?\s+de|cre[áa]ndose)\s+(?:{_U})?"
    rf"(?P<unit>{UNIT_PHRASE.pattern})"
)
RESTRUCTURE = re.compile(
    rf"\b(?:modificaci[óo]n\s+(?:de|a)\s+(?:{_U})?estructuras?\s+org[áa]nicas?|nueva\s+estructura\s+org[áa]nica|"
    rf"reestructuraci[óo]n|modifica\s+su\s+estructura\s+organizacional)\s+(?:de\s+)?(?:{_U})?"
    rf"(?P<unit>{UNIT_PHRASE.pattern})"
)
HIERARCHICAL = re.compile(rf"\bdependencia\s+jer[áa]rquica(?:\s+\w+)?\s+de\s+(?:{_U})?(?P<sup>{UNIT_PHRASE.pattern})")
NORMATIVE = re.compile(
    rf"\b(?:en\s+el\s+[áa]mbito\s+normativo\s+a|dependencia\s+normativa\s+de|normativamente\s+(?:a|de))\s+"
    rf"(?:{_U})?(?P<sup>{UNIT_PHRASE.pattern})"
)
INTEGRATES = re.compile(
    r"\b(?:se\s+integra|se\s+conforma|est[áa]\s+integrad[oa]|cuenta)(?:\s+en\s+el\s+[áa]mbito\s+\w+)?\s+(?:con|por)\s+"
    r"(?P<list>[^.]*)"
)
ACRONYM = re.compile(rf"(?P<unit>{UNIT_PHRASE.pattern})\s+\((?P<acr>[A-Z]{{2,8}})\)")


@dataclass
class Paragraph:
    text: str
    line_start: int
    line_end: int
    provision: str


def _when(dates: list[DateMention]) -> tuple[object, str | None]:
    if not dates:
        return None, None
    return dates[0].value, dates[0].precision


class ProseReader:
    def __init__(self, a: Assembly, document: str) -> None:
        self.a = a
        self.document = document
        self.counter = 0
        self.seen: set[tuple[object, ...]] = set()

    # -------------------------------------------------------------- structure stated in prose
    def structure(self, paragraphs: list[Paragraph], *, create: bool) -> None:
        """Acronyms, reporting lines and integration lists; ``create`` allows new units."""
        for p in paragraphs:
            for m in ACRONYM.finditer(p.text):
                unit = self.a.units.resolve(m.group("unit"))
                if unit:
                    self.a.units.add_alias(unit, m.group("acr"))
            for sentence in sentences(p.text):
                self._lines(sentence, p, create)
                self._integration(sentence, p, create)

    def _unit(self, phrase: str, line: int, create: bool) -> str | None:
        unit = self.a.units.resolve(phrase)
        if unit is None and create and unit_like(phrase):
            unit = self.a.units.define(phrase, line)
        return unit

    def _lines(self, sentence: str, p: Paragraph, create: bool) -> None:
        hierarchical = HIERARCHICAL.search(sentence)
        normative = NORMATIVE.search(sentence)
        if not hierarchical and not normative:
            return
        first = UNIT_PHRASE.search(sentence)
        if not first:
            return
        subject = self._unit(first.group(0), p.line_start, create=False)
        if subject is None:
            return
        # The solid line and the dotted one: same reading, different edge.
        for match, edge_type, props in (
            (hierarchical, "PART_OF", {"basis": "text"}),
            (normative, "REPORTS_TO", {"kind": "normative"}),
        ):
            if not match:
                continue
            sup = self._unit(match.group("sup"), p.line_start, create)
            if sup and sup != subject:
                self.a.edge(
                    edge_type, subject, "Unit", sup, "Unit", p.line_start, p.line_end, provision=p.provision, **props
                )

    def _integration(self, sentence: str, p: Paragraph, create: bool) -> None:
        """ "X[, con dependencia …,] se integra con A; B, así como C" → A, B and C are X's units."""
        m = INTEGRATES.search(sentence)
        if not m:
            return
        subjects = list(UNIT_PHRASE.finditer(sentence[: m.start()]))
        whole = self._unit(subjects[0].group(0), p.line_start, create=False) if subjects else None
        if whole is None:
            return
        listed = re.sub(r"^(?:(?:los|las)\s+)?(?:\w+\s+)?siguientes\s*:?\s*", "", m.group("list").strip())
        for piece in re.split(
            r";\s*|,\s*así\s+como\s+|\s+así\s+como\s+|,\s+(?=(?:el|la)\s)|\s+y\s+(?=(?:el|la)\s)", listed
        ):
            piece = re.sub(r"^(?:y|e|as[íi]\s+como)\s+", "", piece.strip(" ,."))
            if not piece or not unit_like(piece):
                continue
            part = self._unit(piece, p.line_start, create)
            if part and part != whole:
                self.a.edge(
                    "PART_OF",
                    part,
                    "Unit",
                    whole,
                    "Unit",
                    p.line_start,
                    p.line_end,
                    provision=p.provision,
                    basis="text",
                )

    # -------------------------------------------------------------- history
    def history(self, paragraphs: list[Paragraph]) -> None:
        # Renames first, so that a move "a la Jefatura de <old name>" already resolves to the unit.
        for renames_only in (True, False):
            self._history_pass(paragraphs, renames_only)

    def _history_pass(self, paragraphs: list[Paragraph], renames_only: bool) -> None:
        for p in paragraphs:
            paragraph_dates = find_dates(p.text)
            paragraph_instrument = self._instrument(p.text, p.line_start)
            for sentence in sentences(p.text):
                dates = find_dates(sentence) or paragraph_dates
                instrument = self._instrument(sentence, p.line_start) or paragraph_instrument
                effective = self._effective(sentence) or self._effective(p.text)
                if renames_only:
                    for pattern in RENAME:
                        for m in pattern.finditer(sentence):
                            self._rename(m.group("old"), m.group("new"), sentence, p, dates, instrument, effective)
                    continue
                for m in MOVE.finditer(sentence):
                    self._event(
                        "moved",
                        sentence,
                        p,
                        dates,
                        instrument,
                        effective,
                        [(m.group("unit"), "subject"), (m.group("from"), "from"), (m.group("to"), "to")],
                    )
                for m in CREATE.finditer(sentence):
                    self._event("created", sentence, p, dates, instrument, effective, [(m.group("unit"), "subject")])
                for m in RESTRUCTURE.finditer(sentence):
                    self._event(
                        "restructured", sentence, p, dates, instrument, effective, [(m.group("unit"), "subject")]
                    )

    def _instrument(self, text: str, line: int) -> str | None:
        m = ACUERDO_ID.search(text)
        if m:
            identifier = normalize_acuerdo_id(m.group(0))
            return self.a.instruments.define(f"Acuerdo {identifier}", line, kind="acuerdo", identifier=identifier)
        m = ACUERDO_NUMBER.search(text)
        if m:
            identifier = "Acuerdo " + re.sub(r"\s+", " ", m.group(1))
            return self.a.instruments.define(identifier, line, kind="acuerdo", identifier=identifier)
        return None

    def _effective(self, text: str) -> object:
        m = re.search(
            r"(?:vigencia|vigor|vigente)[^.]{0,40}?(?:a\s+partir\s+del?|al)\s+(?P<date>[^.;]+)", text, re.IGNORECASE
        )
        if not m:
            return None
        dates = find_dates(m.group("date"))
        return dates[0].value if dates and dates[0].precision == "day" else None

    def _rename(
        self,
        old: str,
        new: str,
        sentence: str,
        p: Paragraph,
        dates: list[DateMention],
        instrument: str | None,
        effective: object,
    ) -> None:
        new_unit = self._unit(new, p.line_start, create=True)
        if new_unit is None:
            return
        old_name = self.a.units.strip_own_org(clean_name(old))
        self.a.units.add_alias(new_unit, old_name)
        self._event(
            "renamed",
            sentence,
            p,
            dates,
            instrument,
            effective,
            [(new, "subject")],
            from_name=old_name,
            to_name=self.a.units.name(new_unit),
        )

    def _event(
        self,
        kind: str,
        sentence: str,
        p: Paragraph,
        dates: list[DateMention],
        instrument: str | None,
        effective: object,
        units: list[tuple[str, str]],
        from_name: str | None = None,
        to_name: str | None = None,
    ) -> None:
        resolved = [(self._unit(phrase, p.line_start, create=True), role) for phrase, role in units]
        resolved = [(u, role) for u, role in resolved if u]
        if not resolved:
            return
        when, precision = _when(dates)
        signature = (kind, tuple(sorted(resolved)), when, from_name)
        if signature in self.seen:
            return  # the same event told twice (introduction and atribuciones, say)
        self.seen.add(signature)
        self.counter += 1
        event_id = ids.change_id(self.document, when, kind, self.counter)  # type: ignore[arg-type]
        self.a.changes.append(
            ChangeEventRecord(
                id=event_id,
                kind=kind,
                date=when,
                date_precision=precision,
                effective=effective,  # type: ignore[arg-type]
                from_name=from_name,
                to_name=to_name,
                description=sentence.strip(),
                line_start=p.line_start,
                line_end=p.line_end,
            )
        )
        for unit, role in resolved:
            self.a.edge("CHANGED", event_id, "ChangeEvent", unit, "Unit", p.line_start, p.line_end, role=role)
        if instrument:
            self.a.edge("BASED_ON", event_id, "ChangeEvent", instrument, "LegalInstrument", p.line_start, p.line_end)
