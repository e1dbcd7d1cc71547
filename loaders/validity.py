"""Validity in time: when each provision, power, unit and line of a document was law.

Pure: a ``ParsedDocument`` in, the same document with ``valid_from``/``valid_to``/``text_from`` set.
The dates come from three places, in this order of precedence:

- the document's own dates: it is law from its entry into force (or its publication);
- its amendment notes (``AMENDED_BY`` edges): an ``added`` provision is law from that date, a
  ``derogated`` one until it, a ``modified`` one keeps its validity but its printed text only holds
  from that date (``text_from``: the document does not print the earlier text); ``relocated`` and
  ``clarified`` notes change no date. A provision inherits the window of the one containing it
  (every article of a Título added by a decree is added with it);
- its change events: a unit renamed or moved existed before the event (no lower bound is known,
  ``valid_from`` stays None), a unit created by an event is law from that event's date.

A unit is law while any provision that names it is (its powers' provisions, the provisions of its
reporting lines); a provision whose text only holds since a modification names it since then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loaders.records import ParsedDocument, PropValue

Window = tuple[dt.date | None, dt.date | None]  # [valid_from, valid_to); None: unbounded
HEADINGS = ("titulo", "capitulo", "seccion")


@dataclass
class _Dates:
    valid_from: dt.date | None
    valid_to: dt.date | None
    text_from: dt.date | None


def start_of(parsed: ParsedDocument) -> dt.date | None:
    """The day the document became law: its entry into force, else its publication."""
    return parsed.document.in_force or parsed.document.published


def history_from(parsed: ParsedDocument) -> dt.date | None:
    """The earliest day the document speaks for: its start, or an earlier dated event it tells."""
    dates = [d for d in (start_of(parsed), *(c.date for c in parsed.changes)) if d is not None]
    return min(dates) if dates else None


def _later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def _earlier(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None or b is None:
        return a or b
    return min(a, b)


def provision_dates(parsed: ParsedDocument) -> dict[str, _Dates]:
    """Each provision's window, its own notes applied over the window of the provision containing it."""
    amendment_dates = {a.id: a.date for a in parsed.amendments}
    notes: dict[str, list[tuple[str, dt.date]]] = {}
    for edge in parsed.edges_of("AMENDED_BY"):
        when = amendment_dates.get(edge.target)
        if when is not None:
            notes.setdefault(edge.source, []).append((str(edge.props.get("kind")), when))
    start = start_of(parsed)
    dates: dict[str, _Dates] = {}
    parent_kind = {p.id: p.kind for p in parsed.provisions}
    # Provisions are emitted parents first (a pre-order walk), so a parent's window is known.
    for p in parsed.provisions:
        parent = dates.get(p.parent) if p.parent else None
        inherited_from = parent.valid_from if parent else start
        inherited_to = parent.valid_to if parent else None
        own = notes.get(p.id)
        valid_from, valid_to, text_from = inherited_from, inherited_to, None
        if own:  # most provisions have no note of their own
            added = [d for kind, d in own if kind == "added"]
            derogated = [d for kind, d in own if kind == "derogated"]
            modified = [d for kind, d in own if kind == "modified"]
            valid_from = _later(inherited_from, min(added)) if added else inherited_from
            valid_to = _earlier(inherited_to, min(derogated)) if derogated else inherited_to
            text_from = max([d for d in modified if valid_from is None or d > valid_from], default=None)
        # A modified fracción's incisos are printed as modified too: the latest note above counts.
        if parent and parent_kind.get(p.parent) not in HEADINGS:  # a Sección's note is about its heading
            text_from = _later(text_from, parent.text_from)
        if text_from is not None and valid_from is not None and text_from <= valid_from:
            text_from = None
        dates[p.id] = _Dates(valid_from, valid_to, text_from)
    return dates


def _window_props(valid_from: dt.date | None, valid_to: dt.date | None) -> dict[str, PropValue]:
    return {"valid_from": valid_from, "valid_to": valid_to}


def _merge(windows: list[Window]) -> Window:
    """The span of several windows: the earliest start (None wins), the latest end (None wins)."""
    starts = [w[0] for w in windows]
    ends = [w[1] for w in windows]
    start = None if any(s is None for s in starts) else min(s for s in starts if s is not None)
    end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
    return start, end


def apply_validity(parsed: ParsedDocument) -> ParsedDocument:
    """The same document with every provision, power, unit and edge dated."""
    prov = provision_dates(parsed)
    start = start_of(parsed)

    children: dict[str | None, list] = {}
    for p in parsed.provisions:
        children.setdefault(p.parent, []).append(p)

    def innermost(provision: str, line: int) -> str:
        """The deepest provision inside ``provision`` holding ``line``: a structure list's edges cite
        the article, but the fracción listing the unit is the one its notes date."""
        while True:
            inner = next((c for c in children.get(provision, []) if c.line_start <= line <= c.line_end), None)
            if inner is None:
                return provision
            provision = inner.id

    def window_of(provision: object) -> Window | None:
        d = prov.get(provision) if isinstance(provision, str) else None
        return (d.valid_from, d.valid_to) if d else None

    provisions = [
        p.but(valid_from=d.valid_from, valid_to=d.valid_to, text_from=d.text_from)
        for p in parsed.provisions
        if (d := prov[p.id])
    ]
    powers = []
    power_window: dict[str, Window] = {}
    for pw in parsed.powers:
        d = prov.get(pw.provision)
        vf, vt, tf = (d.valid_from, d.valid_to, d.text_from) if d else (start, None, None)
        power_window[pw.id] = (vf, vt)
        powers.append(pw.but(valid_from=vf, valid_to=vt, text_from=tf))

    # Edges: by the provision they cite, or the power they give.
    edges = []
    evidence: dict[str, list[Window]] = {}
    for e in parsed.edges:
        window: Window | None = None
        named: Window | None = None  # since when the text names the units of the edge
        if e.type in ("HAS_POWER", "RETAINS") and e.target in power_window:
            window = named = power_window[e.target]
        elif "provision" in e.props:
            cited = innermost(str(e.props["provision"]), e.line_start)
            window = named = window_of(cited)
            d = prov.get(cited)
            if d and d.text_from:  # the printed text (naming the unit) holds only since its modification
                named = (_later(d.valid_from, d.text_from), d.valid_to)
        if e.type in ("AMENDED_BY", "CHANGED"):
            window = named = None
        if window is not None and named is not None:
            if e.props.get("basis") == "class":
                pass  # a power every unit of a kind holds says nothing of whether this unit exists
            elif e.type in ("HAS_POWER", "RETAINS", "PART_OF", "REPORTS_TO") and e.source_label == "Unit":
                evidence.setdefault(e.source, []).append(named)
            # Delegation articles name units by rule ("a los servidores públicos de su adscripción"):
            # they date the delegation, not the units.
            if e.type in ("PART_OF", "REPORTS_TO") and e.target_label == "Unit":
                evidence.setdefault(e.target, []).append(named)
            e = e.but(props={**e.props, **_window_props(*window)})
        edges.append(e)

    # Change events: a renamed or moved unit existed before; a created one from its event's date.
    change_dates = {c.id: (c.kind, c.effective or c.date) for c in parsed.changes}
    existed_before: set[str] = set()
    created: dict[str, dt.date] = {}
    for e in parsed.edges_of("CHANGED"):
        kind, when = change_dates.get(e.source, (None, None))
        if e.props.get("role") != "subject" or when is None:
            continue
        if kind in ("renamed", "moved", "restructured"):
            existed_before.add(e.target)
        elif kind == "created":
            created[e.target] = min(when, created.get(e.target, when))

    units = []
    for u in parsed.units:
        vf, vt = _merge(evidence[u.id]) if u.id in evidence else (start, None)
        if u.id in created:
            vf = created[u.id]
        elif u.id in existed_before:
            vf = None
        units.append(u.but(valid_from=vf, valid_to=vt))

    # A line between units holds while its provision is law and both units are.
    of_unit = {u.id: (u.valid_from, u.valid_to) for u in units}
    for i, e in enumerate(edges):
        if e.type not in ("PART_OF", "REPORTS_TO") or "valid_from" not in e.props:
            continue
        start_, end_ = e.props["valid_from"], e.props["valid_to"]
        for end_point in (e.source, e.target):
            if end_point in of_unit:
                start_ = _later(start_, of_unit[end_point][0])  # type: ignore[arg-type]
                end_ = _earlier(end_, of_unit[end_point][1])  # type: ignore[arg-type]
        edges[i] = e.but(props={**e.props, **_window_props(start_, end_)})  # type: ignore[arg-type]

    document = parsed.document.model_copy(update={"valid_from": start, "history_from": history_from(parsed)})
    return parsed.model_copy(
        update={"document": document, "provisions": provisions, "powers": powers, "units": units, "edges": edges}
    )
