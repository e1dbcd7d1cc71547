/* Where the view looks: fit, reset, the initial view, centring on a unit and keeping one in sight. */
import { BOX_H, MOTION } from "./constants.js";
import { state } from "./state.js";
import { viewRoot, center } from "./layout.js";
import { svg, zoom, animated, chartSize } from "./chart.js";

export function boundsOf(nodes) {
  const xs = nodes.map((d) => d.x);
  const ys = nodes.map((d) => d.y);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const x1 = Math.max(...nodes.map((d) => d.x + d.w0));
  const y1 = Math.max(...ys) + BOX_H + 12; // the +/− toggle hangs below the box
  return [x0, y0, x1, y1];
}

// The chart's edges under its overlays: info line and controls on top, legend at the bottom.
export const VIEW_TOP = 60;
export const VIEW_BOTTOM = 80;
export const VIEW_SIDE = 24;

export function zoomTo(nodes, { maxScale = 1, minScale = 0.12, duration = MOTION } = {}) {
  if (!nodes.length) return;
  const [w, h] = chartSize();
  const [x0, y0, x1, y1] = boundsOf(nodes);
  const room = h - VIEW_TOP - VIEW_BOTTOM;
  const k = Math.max(minScale, Math.min(maxScale, (w - 2 * VIEW_SIDE) / (x1 - x0), room / (y1 - y0)));
  const tx = w / 2 - ((x0 + x1) / 2) * k;
  // Short charts sit near the top, tall ones are centred in the room left by the overlays.
  const ty = (y1 - y0) * k < room ? VIEW_TOP + 6 - y0 * k : VIEW_TOP + room / 2 - ((y0 + y1) / 2) * k;
  const target = d3.zoomIdentity.translate(tx, ty).scale(k);
  animated(duration).call(zoom.transform, target);
}

export function fit(duration = MOTION) {
  zoomTo(state.visible, { maxScale: 1, duration });
}

export function resetView(duration = MOTION) {
  if (!state.root) return;
  const [w] = chartSize();
  const r = viewRoot();
  const target = d3.zoomIdentity.translate(w / 2 - (r.x + r.w0 / 2), VIEW_TOP + 6 - r.y);
  animated(duration).call(zoom.transform, target);
}

/** The initial view: everything when it is readable, else the top of the chart at a readable scale. */
export function initialView() {
  const [w, h] = chartSize();
  const [x0, y0, x1, y1] = boundsOf(state.visible);
  const k = Math.min(1, (w - 2 * VIEW_SIDE) / (x1 - x0), (h - VIEW_TOP - VIEW_BOTTOM) / (y1 - y0));
  if (k >= 0.72) zoomTo(state.visible, { duration: 0 });
  else {
    const scale = Math.max(k, 0.72);
    const r = viewRoot();
    const target = d3.zoomIdentity.translate(w / 2 - (r.x + r.w0 / 2) * scale, VIEW_TOP + 6 - r.y * scale).scale(scale);
    svg.call(zoom.transform, target);
  }
}

export function centerOn(id, { duration = MOTION } = {}) {
  const d = state.byId.get(id);
  if (!d || d.x == null) return;
  const [w, h] = chartSize();
  const t = d3.zoomTransform(svg.node());
  const k = Math.min(Math.max(t.k, 0.85), 1.25);
  const [cx, cy] = center(d);
  const target = d3.zoomIdentity.translate(w / 2 - cx * k, h / 2 - cy * k).scale(k);
  animated(duration).call(zoom.transform, target);
}

export function ensureVisible(d) {
  if (d.x == null) return;
  const [w, h] = chartSize();
  const t = d3.zoomTransform(svg.node());
  const left = t.applyX(d.x);
  const right = t.applyX(d.x + d.w0);
  const top = t.applyY(d.y);
  const bottom = t.applyY(d.y + BOX_H + 12);
  let dx = 0;
  let dy = 0;
  if (left < VIEW_SIDE) dx = VIEW_SIDE - left;
  else if (right > w - VIEW_SIDE) dx = w - VIEW_SIDE - right;
  if (top < VIEW_TOP) dy = VIEW_TOP - top;
  else if (bottom > h - VIEW_BOTTOM) dy = h - VIEW_BOTTOM - bottom;
  if (dx || dy) animated(MOTION / 2).call(zoom.transform, d3.zoomIdentity.translate(t.x + dx, t.y + dy).scale(t.k));
}
