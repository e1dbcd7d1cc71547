/* The tree and its layout: d3.stratify over the API's parent links, which units start expanded, and the
 * org-chart block layout (measure, then place) with the dashed lines' paths. See explorer.js for the shape. */
import { BOX_W, ROOT_W, BOX_H, H_GAP, V_GAP, INDENT, STACK_GAP, STACK_TOP, ROW_DEPTH } from "./constants.js";
import { state } from "./state.js";
import { lineLabel } from "./dom.js";
import { chartSize } from "./chart.js";

export function buildTree(data) {
  const rootId = data.root.id;
  const ids = new Set([rootId, ...data.nodes.map((n) => n.id)]);
  const rows = [{ ...data.root, isRoot: true, parent: null, depth: 0 }];
  const seen = new Set([rootId]);
  for (const node of data.nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    // A parent outside the chart (or missing) would break the hierarchy: hang the unit from the root.
    const parent = node.parent && ids.has(node.parent) && node.parent !== node.id ? node.parent : rootId;
    rows.push({ ...node, parent });
  }
  let root;
  try {
    root = d3.stratify().id((d) => d.id).parentId((d) => d.parent)(rows);
  } catch (err) {
    // A cycle in the parent links: show every unit under the root rather than nothing.
    console.warn("orgchart: falling back to a flat tree", err);
    root = d3.stratify().id((d) => d.id).parentId((d) => (d.isRoot ? null : rootId))(rows);
  }
  root.eachAfter((d) => {
    d.size = 1 + (d.children || []).reduce((sum, c) => sum + c.size, 0);
  });
  return root;
}

export const idOf = (d) => d.data.id;
export const hasChildren = (d) => Boolean(d.children && d.children.length);
export const isExpanded = (d) => hasChildren(d) && state.expanded.has(idOf(d));
const visibleKids = (d) => (isExpanded(d) ? d.children : []);

/**
 * The first view: two levels below the organization, then whole levels more while the chart stays
 * readable (about as wide as the screen at 80 %, not much taller than two screens).
 */
export function defaultExpansion(root) {
  const [w, h] = chartSize();
  const upTo = (depth) =>
    new Set(root.descendants().filter((d) => d.depth - root.depth < depth && hasChildren(d)).map(idOf));
  let depth = Math.min(2, root.height);
  let chosen = upTo(depth);
  const saved = state.expanded;
  while (depth < root.height) {
    state.expanded = upTo(depth + 1);
    measure(root);
    if (root.bw * 0.8 > w - 60 || root.bh * 0.8 > h * 1.6) break;
    chosen = state.expanded;
    depth += 1;
  }
  state.expanded = saved;
  return chosen;
}

// ------------------------------------------------------------------------------------------ layout
/**
 * Sizes each visible block bottom-up. A unit lays its children out
 *  - in a column ("stack", indented under it, joined by a spine on the left) when they are all leaves,
 *    or when it sits ROW_DEPTH or more levels below the organization (deep levels grow down, not sideways);
 *  - else in a row under a bus line, its leaf children (two or more) gathered in one column first.
 */
function measure(d, top = d.depth) {
  d.w0 = d.depth === 0 ? ROOT_W : BOX_W;
  const kids = visibleKids(d);
  if (!kids.length) {
    d.mode = "leaf";
    d.bw = d.w0;
    d.bh = BOX_H;
    return;
  }
  kids.forEach((k) => measure(k, top));
  const leaves = kids.filter((k) => !hasChildren(k));
  const stackHeight = (n) => n * BOX_H + (n - 1) * STACK_GAP;
  if ((leaves.length === kids.length && kids.length >= 2) || d.depth - top >= ROW_DEPTH) {
    d.mode = "stack";
    d.bw = Math.max(d.w0, INDENT + Math.max(...kids.map((k) => k.bw)));
    d.bh = BOX_H + STACK_TOP + kids.reduce((sum, k) => sum + k.bh, 0) + STACK_GAP * (kids.length - 1);
    return;
  }
  d.mode = "row";
  const columns = [];
  if (leaves.length >= 2) {
    columns.push({ type: "stack", items: leaves, bw: INDENT + BOX_W, bh: stackHeight(leaves.length) });
    for (const k of kids) if (hasChildren(k)) columns.push({ type: "node", node: k, bw: k.bw, bh: k.bh });
  } else {
    for (const k of kids) columns.push({ type: "node", node: k, bw: k.bw, bh: k.bh });
  }
  d.columns = columns;
  d.cw = columns.reduce((s, c) => s + c.bw, 0) + H_GAP * (columns.length - 1);
  d.bw = Math.max(d.w0, d.cw);
  d.bh = BOX_H + V_GAP + Math.max(...columns.map((c) => c.bh));
}

/** Places a measured block with its left edge at `left`, top at `top`; records visiting order and links. */
function place(d, left, top, out) {
  d.y = top;
  out.order.push(d);
  if (d.mode === "leaf") {
    d.x = left + (d.bw - d.w0) / 2;
    return;
  }
  const kids = visibleKids(d);
  if (d.mode === "stack") {
    d.x = left;
    const spine = left + INDENT / 2;
    let y = top + BOX_H + STACK_TOP;
    for (const k of kids) {
      place(k, left + INDENT, y, out);
      out.links.push({ id: idOf(k), path: `M${spine},${top + BOX_H}V${y + BOX_H / 2}H${k.x}` });
      y += k.bh + STACK_GAP;
    }
    return;
  }
  const childTop = top + BOX_H + V_GAP;
  let x = left + (d.bw - d.cw) / 2;
  const anchors = [];
  const pending = [];
  // Place the parent after its children (it is centred over them), but keep it first in the visiting order.
  for (const column of d.columns) {
    if (column.type === "node") {
      const k = column.node;
      place(k, x, childTop, out);
      const cx = k.x + k.w0 / 2;
      anchors.push(cx);
      pending.push({ id: idOf(k), to: `H${cx}V${childTop}` });
    } else {
      const spine = x + INDENT / 2;
      anchors.push(spine);
      let y = childTop;
      for (const k of column.items) {
        place(k, x + INDENT, y, out);
        pending.push({ id: idOf(k), to: `H${spine}V${y + BOX_H / 2}H${x + INDENT}` });
        y += BOX_H + STACK_GAP;
      }
    }
    x += column.bw + H_GAP;
  }
  const mid = (anchors[0] + anchors[anchors.length - 1]) / 2;
  d.x = Math.min(Math.max(mid - d.w0 / 2, left), left + d.bw - d.w0);
  const px = d.x + d.w0 / 2;
  const bus = top + BOX_H + V_GAP / 2;
  for (const p of pending) out.links.push({ id: p.id, path: `M${px},${top + BOX_H}V${bus}${p.to}` });
}

/** The top of what is drawn: the focused unit, or the organization. */
export const viewRoot = () => (state.focusId && state.byId.get(state.focusId)) || state.root;

export function layout() {
  const top = viewRoot();
  measure(top);
  const out = { order: [], links: [] };
  place(top, 0, 0, out);
  state.visible = out.order;
  return out;
}

export const center = (d) => [d.x + d.w0 / 2, d.y + BOX_H / 2];

/** The nearest shown node for an id: itself, or the collapsed ancestor that hides it. */
function shownProxy(id) {
  const d = state.byId.get(id);
  if (!d) return null;
  const path = d.ancestors().reverse();
  const start = path.indexOf(viewRoot());
  if (start < 0) return null; // outside the focus view
  for (let i = start; i < path.length - 1; i++) {
    if (!state.expanded.has(idOf(path[i]))) return path[i];
  }
  return d;
}

function edgePoint(d, tx, ty) {
  const [cx, cy] = center(d);
  const dx = tx - cx;
  const dy = ty - cy;
  const s = Math.min(d.w0 / 2 / Math.max(Math.abs(dx), 1e-6), BOX_H / 2 / Math.max(Math.abs(dy), 1e-6));
  return [cx + dx * s, cy + dy * s];
}

/** How many sample points of a quadratic curve fall inside shown boxes other than its ends. */
function boxesCrossed(ax, ay, qx, qy, bx, by, a, b) {
  let hits = 0;
  for (let t = 0.08; t < 0.95; t += 0.04) {
    const u = 1 - t;
    const x = u * u * ax + 2 * u * t * qx + t * t * bx;
    const y = u * u * ay + 2 * u * t * qy + t * t * by;
    for (const d of state.visible) {
      if (d === a || d === b) continue;
      if (x > d.x - 6 && x < d.x + d.w0 + 6 && y > d.y - 6 && y < d.y + BOX_H + 6) hits += 1;
    }
  }
  return hits;
}

/** The dashed lines to draw: the selected unit's (from or to it), or every unit's when asked for. */
function shownLines() {
  const sel = state.selectedId;
  return (state.chart.lines || []).filter((l) => state.allLines || (sel && (l.from === sel || l.to === sel)));
}

export function overlayPaths() {
  const out = [];
  const seen = new Set();
  for (const line of shownLines()) {
    const a = shownProxy(line.from);
    const b = shownProxy(line.to);
    if (!a || !b || a === b) continue;
    const key = `${idOf(a)}|${idOf(b)}|${line.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [ax, ay] = center(a);
    const [bx, by] = center(b);
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    const len = Math.hypot(bx - ax, by - ay) || 1;
    // Of a few bends (either side, shallow or deep), take the one that crosses the fewest boxes.
    let best = null;
    for (const factor of [0.22, -0.22, 0.45, -0.45, 0.7, -0.7]) {
      const bend = Math.sign(factor) * Math.min(Math.max(len * Math.abs(factor), 40), 260);
      const qx = mx + ((by - ay) / len) * bend;
      const qy = my - ((bx - ax) / len) * bend;
      const cost = boxesCrossed(ax, ay, qx, qy, bx, by, a, b);
      if (!best || cost < best.cost) best = { qx, qy, cost };
      if (cost === 0) break;
    }
    const { qx, qy } = best;
    const [sx, sy] = edgePoint(a, qx, qy);
    const [ex, ey] = edgePoint(b, qx, qy);
    const names = `${state.byId.get(line.from).data.name} → ${state.byId.get(line.to).data.name}`;
    out.push({
      key,
      kind: line.kind,
      proxied: a !== state.byId.get(line.from) || b !== state.byId.get(line.to),
      path: `M${sx},${sy}Q${qx},${qy} ${ex},${ey}`,
      title: `Línea ${lineLabel(line.kind).toLowerCase()}: ${names}`,
    });
  }
  return out;
}
