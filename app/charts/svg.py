"""Org charts drawn on the server: a left-to-right tree, SVG (and PNG through CairoSVG).

Layout: every depth is a column; a subtree occupies a vertical band of its own, leaves stacked in
order and each parent centred on its children. Bands of siblings are disjoint and columns are
disjoint, so no two boxes can overlap, however many units there are (a few hundred make a tall
chart, still readable; the explorer zooms). Hierarchical lines are solid elbows; other reporting
lines (normative, functional …) are dashed curves over the tree, coloured by kind, with a legend.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import cairosvg

BOX_W = 230
PAD_X = 10
PAD_Y = 8
LINE_H = 15
FONT_SIZE = 12
WRAP = 31
MAX_LINES = 5
COL_GAP = 80
ROW_GAP = 12
MARGIN = 24
LEGEND_H = 86
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"

KIND_COLORS = {
    "organization": "#37474f",
    "junta": "#6a1b9a",
    "direccion": "#1565c0",
    "unidad": "#00695c",
    "coordinacion": "#2e7d32",
    "jefatura": "#ef6c00",
    "departamento": "#8d6e63",
    "division": "#558b2f",
    "organo": "#ad1457",
    "subdelegacion": "#5d4037",
    "oficina": "#6d4c41",
    "area": "#78909c",
}
KIND_LABELS = {
    "organization": "organización",
    "direccion": "dirección",
    "coordinacion": "coordinación",
    "division": "división",
    "organo": "órgano",
    "subdelegacion": "subdelegación",
    "delegacion": "delegación",
    "area": "área",
    "secretaria": "secretaría",
    "prosecretaria": "prosecretaría",
    "comite": "comité",
    "comision": "comisión",
}
LINE_COLORS = {"normative": "#c62828", "functional": "#1565c0", "operational": "#6a1b9a"}


@dataclass
class Box:
    id: str
    name: str
    kind: str
    depth: int
    lines: list[str]
    children: list[Box] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0

    @property
    def h(self) -> float:
        return len(self.lines) * LINE_H + 2 * PAD_Y + LINE_H  # name lines + the kind line


def wrap(name: str) -> list[str]:
    lines = textwrap.wrap(name, WRAP, break_long_words=True) or [name]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], textwrap.shorten(" ".join(lines[MAX_LINES - 1 :]), WRAP, placeholder="…")]
    return lines


def build(data: dict[str, Any]) -> Box:
    root_data = data["root"]
    root = Box(
        root_data["id"],
        root_data.get("name") or root_data["id"],
        "organization" if root_data.get("label") == "Organization" else root_data.get("kind") or "",
        0,
        wrap(root_data.get("name") or root_data["id"]),
    )
    boxes = {root.id: root}
    for node in sorted(data["nodes"], key=lambda n: (n["depth"], n["name"].lower())):
        boxes[node["id"]] = Box(node["id"], node["name"], node.get("kind") or "", node["depth"], wrap(node["name"]))
    for node in sorted(data["nodes"], key=lambda n: n["name"].lower()):
        parent = boxes.get(node.get("parent") or "")
        if parent is not None and parent is not boxes[node["id"]]:
            parent.children.append(boxes[node["id"]])
    return root


def place(box: Box, top: float, column: int = 0) -> float:
    """Position ``box`` and its subtree from ``top``; return the height of the subtree's band."""
    box.x = MARGIN + column * (BOX_W + COL_GAP)
    if not box.children:
        box.y = top
        return box.h
    cursor = top
    for child in box.children:
        cursor += place(child, cursor, column + 1) + ROW_GAP
    band = cursor - ROW_GAP - top
    if box.h > band:
        shift = (box.h - band) / 2
        for child in box.children:
            _shift(child, shift)
        band = box.h
    box.y = top + (band - box.h) / 2
    return band


def _shift(box: Box, dy: float) -> None:
    box.y += dy
    for child in box.children:
        _shift(child, dy)


def walk(box: Box) -> list[Box]:
    out = [box]
    for child in box.children:
        out.extend(walk(child))
    return out


def render_svg(data: dict[str, Any]) -> str:
    root = build(data)
    height = place(root, MARGIN + LEGEND_H)
    boxes = walk(root)
    by_id = {b.id: b for b in boxes}
    width = max(b.x + BOX_W for b in boxes) + MARGIN
    total_h = MARGIN + LEGEND_H + height + MARGIN
    title = f"Organigrama: {root.name}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{total_h:.0f}" '
        f'viewBox="0 0 {width:.0f} {total_h:.0f}" role="img" aria-label={quoteattr(title)} '
        f'font-family="{FONT}" font-size="{FONT_SIZE}">',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    out += _legend(data)
    out.append('<g class="hierarchy" fill="none" stroke="#607d8b" stroke-width="1.4">')
    for box in boxes:
        for child in box.children:
            x1, y1 = box.x + BOX_W, box.y + box.h / 2
            x2, y2 = child.x, child.y + child.h / 2
            mid = x1 + COL_GAP / 2
            out.append(f'<path class="line hierarchical" d="M{x1:.1f},{y1:.1f} H{mid:.1f} V{y2:.1f} H{x2:.1f}"/>')
    out.append("</g>")
    for box in boxes:
        out += _box(box)
    out.append('<g class="other-lines" fill="none" stroke-width="1.6">')
    for line in data.get("lines", []):
        source, target = by_id.get(line.get("from_") or line.get("from") or ""), by_id.get(line["to"])
        if source is None or target is None:
            continue
        color = LINE_COLORS.get(line.get("kind") or "", "#546e7a")
        x1, y1 = source.x + BOX_W / 2, source.y
        x2, y2 = target.x + BOX_W / 2, target.y + target.h
        bend = min(120.0, abs(y2 - y1) / 2 + 40)
        out.append(
            f'<path class="line {escape(line.get("kind") or "other")}" stroke="{color}" stroke-dasharray="6 4" '
            f'd="M{x1:.1f},{y1:.1f} C{x1 + bend:.1f},{y1 - bend:.1f} {x2 + bend:.1f},{y2 + bend:.1f} '
            f'{x2:.1f},{y2:.1f}" marker-end="url(#arrow)"><title>{escape(line.get("kind") or "")}: '
            f"{escape(source.name)} → {escape(target.name)}</title></path>"
        )
    out.append("</g>")
    out.append(
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#546e7a"/></marker></defs>'
    )
    out.append("</svg>")
    return "\n".join(out)


def _box(box: Box) -> list[str]:
    color = KIND_COLORS.get(box.kind, "#546e7a")
    kind_label = KIND_LABELS.get(box.kind, box.kind)
    parts = [
        f'<g class="unit" data-id={quoteattr(box.id)} data-kind={quoteattr(box.kind)} '
        f'transform="translate({box.x:.1f},{box.y:.1f})">',
        f"<title>{escape(box.name)}</title>",
        f'<rect class="box" width="{BOX_W}" height="{box.h:.1f}" rx="6" fill="#f7f9fa" stroke="{color}" '
        f'stroke-width="1.6"/>',
        f'<rect width="5" height="{box.h:.1f}" rx="2" fill="{color}"/>',
        f'<text x="{PAD_X + 4}" y="{PAD_Y + LINE_H - 3}" font-size="10" fill="{color}">{escape(kind_label)}</text>',
    ]
    for i, line in enumerate(box.lines, start=2):
        parts.append(f'<text x="{PAD_X + 4}" y="{PAD_Y + i * LINE_H - 3}" fill="#263238">{escape(line)}</text>')
    parts.append("</g>")
    return parts


def _legend(data: dict[str, Any]) -> list[str]:
    kinds = sorted({line.get("kind") or "other" for line in data.get("lines", [])})
    y = MARGIN
    parts = [
        f'<g class="legend" transform="translate({MARGIN},{y})">',
        '<rect width="330" height="70" rx="6" fill="#fafafa" stroke="#cfd8dc"/>',
        '<text x="12" y="18" font-weight="bold">Líneas</text>',
        '<path d="M12,34 H52" stroke="#607d8b" stroke-width="1.6"/>',
        '<text x="60" y="38">jerárquica (dependencia)</text>',
    ]
    for i, kind in enumerate(kinds or ["normative"]):
        color = LINE_COLORS.get(kind, "#546e7a")
        label = {"normative": "normativa", "functional": "funcional", "operational": "operativa"}.get(kind, kind)
        parts.append(f'<path d="M12,{52 + i * 14} H52" stroke="{color}" stroke-width="1.6" stroke-dasharray="6 4"/>')
        parts.append(f'<text x="60" y="{56 + i * 14}">{escape(label)}</text>')
    parts.append("</g>")
    return parts


def render_png(data: dict[str, Any]) -> bytes:
    return bytes(cairosvg.svg2png(bytestring=render_svg(data).encode("utf-8")))
