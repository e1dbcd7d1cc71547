"""Org charts drawn on the server as the explorer draws them: SVG, and PNG and PDF through CairoSVG.

Same layout (a port of measure/place in app/explorer/static/explorer.js, every unit expanded), same
box sizes and colours (the explorer's CSS variables and KIND_COLORS), so that an export looks like the
screen: the top levels spread their branches in a row under a bus line; children without children of
their own are stacked in a column with a spine on its left, and from ROW_DEPTH down every level
stacks. Blocks of siblings are disjoint, so no two boxes overlap however many units there are.
Dashed lines (normative, functional, operational) run under the boxes, as on screen, so they never
cross a box's text. A header gives the title, the organization, the source documents and the date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import cairocffi
import cairosvg

# The explorer's geometry (explorer.js constants).
BOX_W = 224
ROOT_W = 320
BOX_H = 78
H_GAP = 28
V_GAP = 48
INDENT = 28
STACK_GAP = 12
STACK_TOP = 24
ROW_DEPTH = 3
PAD_X = 17
NAME_LINE = 14
NAME_LINES = 3
MARGIN = 32
HEADER_LINE = 20
FONT = '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif'
MEASURE_FONT = "DejaVu Sans"  # what CairoSVG renders with here; wider than most, so names never overflow

# The explorer's colours (explorer.css :root and explorer.js KIND_COLORS).
INK = "#111827"
MUTED = "#6b7280"
BOX_STROKE = "#cbd5e1"
ROOT_FILL = "#1e293b"
HIER = "#94a3b8"
LINE_COLORS = {"normative": "#9333ea", "functional": "#0d9488", "operational": "#ea580c"}
LINE_LABELS = {
    "hierarchical": "jerárquica",
    "normative": "normativa",
    "functional": "funcional",
    "operational": "operativa",
}
OTHER_KIND_COLOR = "#64748b"
KIND_COLORS = {
    **dict.fromkeys(["junta", "consejo", "organo"], "#4338ca"),
    **dict.fromkeys(["direccion", "secretaria", "prosecretaria", "subdireccion"], "#1d4ed8"),
    **dict.fromkeys(["unidad", "jefatura", "delegacion"], "#0369a1"),
    **dict.fromkeys(["coordinacion", "subdelegacion", "gerencia"], "#0f766e"),
    **dict.fromkeys(["division", "departamento", "area", "oficina"], "#4d7c0f"),
}
KIND_LABELS = {
    "area": "Área",
    "comision": "Comisión",
    "comite": "Comité",
    "coordinacion": "Coordinación",
    "delegacion": "Delegación",
    "direccion": "Dirección",
    "division": "División",
    "organo": "Órgano",
    "prosecretaria": "Prosecretaría",
    "secretaria": "Secretaría",
    "subdelegacion": "Subdelegación",
    "subdireccion": "Subdirección",
}
MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


# ----------------------------------------------------------------------------- text
@lru_cache(maxsize=1)
def _context() -> cairocffi.Context:
    return cairocffi.Context(cairocffi.ImageSurface(cairocffi.FORMAT_ARGB32, 1, 1))


@lru_cache(maxsize=20_000)
def text_width(text: str, size: float = 12, bold: bool = True) -> float:
    ctx = _context()
    weight = cairocffi.FONT_WEIGHT_BOLD if bold else cairocffi.FONT_WEIGHT_NORMAL
    ctx.select_font_face(MEASURE_FONT, cairocffi.FONT_SLANT_NORMAL, weight)
    ctx.set_font_size(size)
    return float(ctx.text_extents(text)[4])


def wrap(text: str, width: float, max_lines: int, size: float = 12, bold: bool = True) -> list[str]:
    """Words in lines no wider than ``width``; the last kept line ends in "…" when some are left over."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size, bold) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) <= max_lines:
        return lines
    last = " ".join(lines[max_lines - 1 :])
    while len(last) > 1 and text_width(last + "…", size, bold) > width:
        last = last[:-1]
    return [*lines[: max_lines - 1], last.rstrip().rstrip(",;:") + "…"]


def spanish_date(day: dt.date) -> str:
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def _dmy(value: Any) -> str:
    return dt.date.fromisoformat(str(value)[:10]).strftime("%d-%m-%Y") if value else ""


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind) or (kind[:1].upper() + kind[1:].replace("_", " ") if kind else "Unidad")


# ----------------------------------------------------------------------------- layout (explorer.js measure/place)
@dataclass(eq=False)
class Box:
    id: str
    name: str
    kind: str
    depth: int
    powers: int = 0
    is_org: bool = False
    children: list[Box] = field(default_factory=list)
    w0: float = BOX_W
    bw: float = 0.0
    bh: float = 0.0
    mode: str = "leaf"
    columns: list[dict[str, Any]] = field(default_factory=list)
    cw: float = 0.0
    x: float = 0.0
    y: float = 0.0


def build(data: dict[str, Any]) -> Box:
    """The tree in the order the API gives the nodes (the explorer's order: by depth, then name)."""
    r = data["root"]
    root = Box(r["id"], r.get("name") or r["id"], r.get("kind") or "", 0, is_org=r.get("label") == "Organization")
    boxes = {root.id: root}
    rows = []
    for node in data["nodes"]:
        if node["id"] not in boxes:
            boxes[node["id"]] = Box(node["id"], node["name"], node.get("kind") or "", 0, node.get("powers") or 0)
            rows.append(node)
    for node in rows:
        # A parent outside the chart (or itself) would break the tree: hang the unit from the root.
        parent = node.get("parent")
        parent = parent if parent in boxes and parent != node["id"] else root.id
        boxes[parent].children.append(boxes[node["id"]])
    if len(walk(root)) < len(boxes):
        # A cycle in the parent links: every unit under the root rather than some lost (as the explorer does).
        for box in boxes.values():
            box.children = []
        root.children = [boxes[node["id"]] for node in rows]
    _set_depths(root, 0)
    return root


def _set_depths(box: Box, depth: int) -> None:
    box.depth = depth
    for child in box.children:
        _set_depths(child, depth + 1)


def measure(d: Box) -> None:
    d.w0 = ROOT_W if d.is_org else BOX_W
    kids = d.children
    if not kids:
        d.mode, d.bw, d.bh = "leaf", d.w0, BOX_H
        return
    for k in kids:
        measure(k)
    leaves = [k for k in kids if not k.children]
    if (len(leaves) == len(kids) and len(kids) >= 2) or d.depth >= ROW_DEPTH:
        d.mode = "stack"
        d.bw = max(d.w0, INDENT + max(k.bw for k in kids))
        d.bh = BOX_H + STACK_TOP + sum(k.bh for k in kids) + STACK_GAP * (len(kids) - 1)
        return
    d.mode = "row"
    columns: list[dict[str, Any]] = []
    if len(leaves) >= 2:
        height = len(leaves) * BOX_H + (len(leaves) - 1) * STACK_GAP
        columns.append({"type": "stack", "items": leaves, "bw": INDENT + BOX_W, "bh": height})
        columns += [{"type": "node", "node": k, "bw": k.bw, "bh": k.bh} for k in kids if k.children]
    else:
        columns += [{"type": "node", "node": k, "bw": k.bw, "bh": k.bh} for k in kids]
    d.columns = columns
    d.cw = sum(c["bw"] for c in columns) + H_GAP * (len(columns) - 1)
    d.bw = max(d.w0, d.cw)
    d.bh = BOX_H + V_GAP + max(c["bh"] for c in columns)


def place(d: Box, left: float, top: float, links: list[str]) -> None:
    d.y = top
    if d.mode == "leaf":
        d.x = left + (d.bw - d.w0) / 2
        return
    if d.mode == "stack":
        d.x = left
        spine = left + INDENT / 2
        y = top + BOX_H + STACK_TOP
        for k in d.children:
            place(k, left + INDENT, y, links)
            links.append(f"M{spine:g},{top + BOX_H:g}V{y + BOX_H / 2:g}H{k.x:g}")
            y += k.bh + STACK_GAP
        return
    child_top = top + BOX_H + V_GAP
    x = left + (d.bw - d.cw) / 2
    anchors: list[float] = []
    pending: list[str] = []
    for column in d.columns:
        if column["type"] == "node":
            k = column["node"]
            place(k, x, child_top, links)
            cx = k.x + k.w0 / 2
            anchors.append(cx)
            pending.append(f"H{cx:g}V{child_top:g}")
        else:
            spine = x + INDENT / 2
            anchors.append(spine)
            y = child_top
            for k in column["items"]:
                place(k, x + INDENT, y, links)
                pending.append(f"H{spine:g}V{y + BOX_H / 2:g}H{x + INDENT:g}")
                y += BOX_H + STACK_GAP
        x += column["bw"] + H_GAP
    mid = (anchors[0] + anchors[-1]) / 2
    d.x = min(max(mid - d.w0 / 2, left), left + d.bw - d.w0)
    px, bus = d.x + d.w0 / 2, top + BOX_H + V_GAP / 2
    links += [f"M{px:g},{top + BOX_H:g}V{bus:g}{p}" for p in pending]


def walk(box: Box) -> list[Box]:
    out = [box]
    for child in box.children:
        out.extend(walk(child))
    return out


# ----------------------------------------------------------------------------- dashed lines (explorer.js overlayPaths)
def _center(d: Box) -> tuple[float, float]:
    return d.x + d.w0 / 2, d.y + BOX_H / 2


def _edge(d: Box, tx: float, ty: float) -> tuple[float, float]:
    cx, cy = _center(d)
    dx, dy = tx - cx, ty - cy
    s = min(d.w0 / 2 / max(abs(dx), 1e-6), BOX_H / 2 / max(abs(dy), 1e-6))
    return cx + dx * s, cy + dy * s


def _inside(d: Box, x: float, y: float, pad: float = 6) -> bool:
    return d.x - pad < x < d.x + d.w0 + pad and d.y - pad < y < d.y + BOX_H + pad


def _crossed(a: Box, b: Box, q: tuple[float, float], boxes: list[Box]) -> int:
    (ax, ay), (bx, by) = _center(a), _center(b)
    hits = 0
    for i in range(22):
        t = 0.08 + 0.04 * i
        u = 1 - t
        x = u * u * ax + 2 * u * t * q[0] + t * t * bx
        y = u * u * ay + 2 * u * t * q[1] + t * t * by
        hits += sum(1 for d in boxes if d is not a and d is not b and _inside(d, x, y))
    return hits


def line_path(a: Box, b: Box, boxes: list[Box]) -> str:
    """A quadratic curve between two boxes, bent to the side that crosses the fewest other boxes."""
    (ax, ay), (bx, by) = _center(a), _center(b)
    mx, my = (ax + bx) / 2, (ay + by) / 2
    length = max(((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5, 1)
    best: tuple[int, tuple[float, float]] | None = None
    for factor in (0.22, -0.22, 0.45, -0.45, 0.7, -0.7):
        bend = (1 if factor > 0 else -1) * min(max(length * abs(factor), 40), 260)
        q = (mx + (by - ay) / length * bend, my - (bx - ax) / length * bend)
        cost = _crossed(a, b, q, boxes)
        if best is None or cost < best[0]:
            best = (cost, q)
        if cost == 0:
            break
    assert best is not None
    q = best[1]
    (sx, sy), (ex, ey) = _edge(a, *q), _edge(b, *q)
    return f"M{sx:.1f},{sy:.1f}Q{q[0]:.1f},{q[1]:.1f} {ex:.1f},{ey:.1f}"


# ----------------------------------------------------------------------------- drawing
def header_lines(data: dict[str, Any], root: Box, today: dt.date) -> list[tuple[str, str]]:
    """(class, text): the title, the organization, the source documents, the date."""
    out = [("title", f"Organigrama: {root.name}")]
    organization = data.get("organization") or {}
    if not root.is_org and organization.get("name"):
        out.append(("subtitle", organization["name"]))
    sources = [_source(d) for d in data.get("documents") or []]
    if sources:
        out.append(("source", "Fuente: " + "; ".join(sources)))
    out.append(("date", f"Elaborado el {spanish_date(today)} con orggraph"))
    return out


def _source(doc: dict[str, Any]) -> str:
    dates = []
    if doc.get("published"):
        dates.append(f"publicado el {_dmy(doc['published'])}")
    if doc.get("in_force"):
        dates.append(f"vigente desde {_dmy(doc['in_force'])}")
    if doc.get("last_modified"):
        dates.append(f"última reforma {_dmy(doc['last_modified'])}")
    return doc.get("title", doc.get("id", "")) + (f" ({', '.join(dates)})" if dates else "")


def render_svg(data: dict[str, Any], today: dt.date | None = None) -> str:
    root = build(data)
    measure(root)
    links: list[str] = []
    place(root, 0, 0, links)
    boxes = walk(root)
    by_id = {b.id: b for b in boxes}
    width = max(root.bw + 2 * MARGIN, 640)
    head, head_height = _header(header_lines(data, root, today or dt.date.today()), width - 2 * MARGIN)
    top = MARGIN + head_height + 12 + 40  # the header, then the legend
    left = MARGIN + (width - 2 * MARGIN - root.bw) / 2
    height = top + root.bh + 12 + MARGIN  # the +12: room under the lowest box, as on screen
    title = f"Organigrama: {root.name}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label={quoteattr(title)} '
        f'font-family={quoteattr(FONT)} font-size="12">',
        f"<title>{escape(title)}</title>",
        _defs(),
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    out += head
    out += _legend(MARGIN, top - 40)
    out.append(f'<g class="chart" transform="translate({left:.1f},{top:.1f})">')
    out.append(f'<g class="hierarchy" fill="none" stroke="{HIER}" stroke-width="1.6">')
    out += [f'<path class="line hierarchical" d="{d}"/>' for d in links]
    out.append("</g>")
    out += _other_lines(data, by_id, boxes)
    for box in boxes:
        out += _box(box, data)
    out += ["</g>", "</svg>"]
    return "\n".join(out)


def _header(lines: list[tuple[str, str]], width: float) -> tuple[list[str], float]:
    """One text element per header line, wrapped to the chart's width; and the header's height."""
    out = []
    y = float(MARGIN)
    for cls, text in lines:
        title = cls == "title"
        size, step = (16, HEADER_LINE + 2) if title else (12, HEADER_LINE - 3)
        weight = ' font-weight="700"' if title else ""
        spans = []
        for part in wrap(text, width, 4, size, title):
            y += step
            spans.append(f'<tspan x="{MARGIN}" y="{y:.0f}">{escape(part)}</tspan>')
        color = INK if title else MUTED
        out.append(f'<text class="{cls}" font-size="{size}" fill="{color}"{weight}>{"".join(spans)}</text>')
    return out, y - MARGIN


def _defs() -> str:
    markers = "".join(
        f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{color}"/></marker>'
        for kind, color in LINE_COLORS.items()
    )
    return f"<defs>{markers}</defs>"


def _legend(x: float, y: float) -> list[str]:
    parts = [f'<g class="legend" transform="translate({x:.1f},{y:.1f})" font-size="11.5" fill="#4b5563">']
    parts.append('<text x="0" y="14" font-weight="700" fill="#1f2937">Líneas:</text>')
    cursor = 54.0
    for kind, label in LINE_LABELS.items():
        color = LINE_COLORS.get(kind, HIER)
        dash = "" if kind == "hierarchical" else ' stroke-dasharray="6 4"'
        parts.append(
            f'<path data-line="{kind}" d="M{cursor:.1f},10H{cursor + 24:.1f}" stroke="{color}" stroke-width="2"{dash}/>'
        )
        parts.append(f'<text x="{cursor + 30:.1f}" y="14">{escape(label)}</text>')
        cursor += 30 + text_width(label, 11.5, False) + 18
    parts.append("</g>")
    return parts


def _other_lines(data: dict[str, Any], by_id: dict[str, Box], boxes: list[Box]) -> list[str]:
    out = ['<g class="other-lines" fill="none" stroke-width="2" stroke-dasharray="7 5">']
    seen = set()
    for line in data.get("lines", []):
        a, b = by_id.get(line.get("from_") or line.get("from") or ""), by_id.get(line["to"])
        kind = line.get("kind") or "operational"
        if a is None or b is None or a is b or (a.id, b.id, kind) in seen:
            continue
        seen.add((a.id, b.id, kind))
        css = kind if kind in LINE_COLORS else "operational"
        label = LINE_LABELS.get(kind, kind)
        out.append(
            f'<path class="line {escape(kind)}" stroke="{LINE_COLORS[css]}" d="{line_path(a, b, boxes)}" '
            f'marker-end="url(#arrow-{css})"><title>Línea {escape(label)}: {escape(a.name)} → {escape(b.name)}'
            "</title></path>"
        )
    out.append("</g>")
    return out


def _box(box: Box, data: dict[str, Any]) -> list[str]:
    kind = "organization" if box.is_org else box.kind
    fill, stroke, text = (ROOT_FILL, "#0f172a", "#ffffff") if box.is_org else ("#ffffff", BOX_STROKE, INK)
    parts = [
        f'<g class="unit" data-id={quoteattr(box.id)} data-kind={quoteattr(kind)} '
        f'transform="translate({box.x:.1f},{box.y:.1f})">',
        f"<title>{escape(box.name)}</title>",
        f'<rect class="box" width="{box.w0:g}" height="{BOX_H}" rx="8" fill="{fill}" stroke="{stroke}" '
        'stroke-width="1.2"/>',
    ]
    if box.is_org:
        acronym = (data.get("organization") or {}).get("acronym")
        label = "ORGANIZACIÓN" + (f" · {acronym}" if acronym else "")
    else:
        color = KIND_COLORS.get(box.kind, OTHER_KIND_COLOR)
        parts.append(f'<rect class="stripe" x="6" y="10" width="3.5" height="{BOX_H - 20}" rx="1.75" fill="{color}"/>')
        label = kind_label(box.kind).upper()
    kind_fill = "#cbd5e1" if box.is_org else MUTED
    parts.append(
        f'<text class="kind" x="{PAD_X}" y="19" font-size="10" font-weight="700" letter-spacing="0.6" '
        f'fill="{kind_fill}">{escape(label)}</text>'
    )
    if not box.is_org and box.powers:
        count = f"{box.powers} atribuci{'ón' if box.powers == 1 else 'ones'}"
        parts.append(
            f'<text class="powers-count" x="{box.w0 - 10:g}" y="19" font-size="10" fill="#94a3b8" '
            f'text-anchor="end">{count}</text>'
        )
    rows = wrap(box.name, box.w0 - PAD_X - 10, NAME_LINES)
    tspans = "".join(f'<tspan x="{PAD_X}" y="{37 + i * NAME_LINE}">{escape(row)}</tspan>' for i, row in enumerate(rows))
    parts.append(f'<text class="name" font-weight="600" fill="{text}">{tspans}</text>')
    parts.append("</g>")
    return parts


def render_png(data: dict[str, Any]) -> bytes:
    return bytes(cairosvg.svg2png(bytestring=render_svg(data).encode("utf-8")))


def render_pdf(data: dict[str, Any]) -> bytes:
    return bytes(cairosvg.svg2pdf(bytestring=render_svg(data).encode("utf-8")))
