/* Expanding and collapsing units, and the tree's keyboard: arrows move, expand and collapse, Enter opens
 * the panel. */
import { MOTION } from "./constants.js";
import { state } from "./state.js";
import { idOf, hasChildren, isExpanded } from "./layout.js";
import { svg, zoom, animated, chartSize, render, nodeElement } from "./chart.js";
import { setFocus } from "./focus.js";
import { boundsOf, VIEW_TOP, VIEW_BOTTOM, VIEW_SIDE, ensureVisible } from "./view.js";
import { navigate } from "./navigation.js";
import { selectUnit } from "./panel.js";

export function toggleNode(id, expand) {
  const d = state.byId.get(id);
  if (!d || !hasChildren(d)) return;
  const open = expand === undefined ? !isExpanded(d) : expand;
  if (open) state.expanded.add(id);
  else state.expanded.delete(id);
  render(id);
  if (open) revealSubtree(d);
}

/** After expanding: pan (never zoom) so that the new children show, keeping the unit itself in view. */
function revealSubtree(d) {
  const shown = d.descendants().filter((x) => x.x != null && state.visible.includes(x));
  const [w, h] = chartSize();
  const t = d3.zoomTransform(svg.node());
  const [x0, y0, x1, y1] = boundsOf(shown);
  const top = VIEW_TOP;
  const bottom = h - VIEW_BOTTOM;
  const left = VIEW_SIDE;
  const right = w - VIEW_SIDE;
  const sx0 = t.applyX(x0);
  const sx1 = t.applyX(x1);
  const sy0 = t.applyY(y0);
  const sy1 = t.applyY(y1);
  let dx = 0;
  let dy = 0;
  if (sx1 - sx0 <= right - left) {
    if (sx0 < left) dx = left - sx0;
    else if (sx1 > right) dx = right - sx1;
  } else {
    dx = (left + right) / 2 - t.applyX(d.x + d.w0 / 2);
  }
  if (sy1 - sy0 <= bottom - top) {
    if (sy0 < top) dy = top - sy0;
    else if (sy1 > bottom) dy = bottom - sy1;
  } else {
    dy = top - sy0;
  }
  if (dx || dy) {
    const target = d3.zoomIdentity.translate(t.x + dx, t.y + dy).scale(t.k);
    animated(MOTION).call(zoom.transform, target);
  }
}

export function expandTo(id) {
  const d = state.byId.get(id);
  if (!d) return false;
  for (const a of d.ancestors().slice(1)) state.expanded.add(idOf(a));
  return true;
}

export function focusNode(id) {
  const el = nodeElement(id);
  if (el) el.focus({ preventScroll: true });
  const d = state.byId.get(id);
  if (d) ensureVisible(d);
}

export function onNodeKey(event, d) {
  const id = idOf(d);
  const index = state.visible.indexOf(d);
  switch (event.key) {
    case "Enter":
    case " ":
      event.preventDefault();
      navigate(() => selectUnit(id, { focusPanel: true }));
      break;
    case "ArrowRight":
      event.preventDefault();
      if (hasChildren(d) && !isExpanded(d)) toggleNode(id, true);
      else if (isExpanded(d)) focusNode(idOf(d.children[0]));
      break;
    case "ArrowLeft":
      event.preventDefault();
      if (isExpanded(d)) toggleNode(id, false);
      else if (d.parent && state.visible.includes(d.parent)) focusNode(idOf(d.parent));
      break;
    case "ArrowDown":
      event.preventDefault();
      if (index < state.visible.length - 1) focusNode(idOf(state.visible[index + 1]));
      break;
    case "ArrowUp":
      event.preventDefault();
      if (index > 0) focusNode(idOf(state.visible[index - 1]));
      break;
    case "Home":
      event.preventDefault();
      focusNode(idOf(state.visible[0]));
      break;
    case "End":
      event.preventDefault();
      focusNode(idOf(state.visible[state.visible.length - 1]));
      break;
    case "+":
      event.preventDefault();
      toggleNode(id, true);
      break;
    case "f":
    case "F":
      event.preventDefault();
      if (hasChildren(d)) navigate(() => setFocus(state.focusId === id ? null : id));
      break;
    case "-":
      event.preventDefault();
      toggleNode(id, false);
      break;
    default:
  }
}
