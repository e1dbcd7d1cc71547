/* For large trees: the minimap (click or drag to move the view) and the focus view, one unit's subtree
 * under a breadcrumb of its superiors (?focus=<id>). */
import { BOX_H, MOTION } from "./constants.js";
import { state, $ } from "./state.js";
import { h } from "./dom.js";
import { idOf, hasChildren, defaultExpansion, viewRoot } from "./layout.js";
import { svg, zoom, chartSize, render } from "./chart.js";
import { boundsOf, VIEW_TOP, VIEW_BOTTOM, VIEW_SIDE, fit, initialView, centerOn } from "./view.js";
import { navigate, updateUrl } from "./navigation.js";

const MINIMAP_W = 180;
const MINIMAP_H = 120;
let minimap = null; // { svg, nodes, view }

export function setupMinimap() {
  const box = $("#minimap");
  const mm = d3.select(box).append("svg").attr("width", MINIMAP_W).attr("height", MINIMAP_H);
  minimap = { box, svg: mm, nodes: mm.append("g").attr("class", "mm-nodes"), view: mm.append("rect").attr("class", "mm-view") };
  let dragging = false;
  const moveTo = (event) => {
    const point = mm.node().createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const at = point.matrixTransform(mm.node().getScreenCTM().inverse());
    const [w, h] = chartSize();
    const k = d3.zoomTransform(svg.node()).k;
    svg.call(zoom.transform, d3.zoomIdentity.translate(w / 2 - at.x * k, h / 2 - at.y * k).scale(k));
  };
  box.addEventListener("pointerdown", (event) => {
    dragging = true;
    box.setPointerCapture(event.pointerId);
    moveTo(event);
  });
  box.addEventListener("pointermove", (event) => dragging && moveTo(event));
  box.addEventListener("pointerup", () => (dragging = false));
  box.addEventListener("pointercancel", () => (dragging = false));
}

/** The whole drawn tree in small, shown when it does not fit the chart at full size. */
export function drawMinimap() {
  if (!minimap || !state.visible.length) return;
  const [x0, y0, x1, y1] = boundsOf(state.visible);
  const [w, h] = chartSize();
  const fits = x1 - x0 <= w - 2 * VIEW_SIDE && y1 - y0 <= h - VIEW_TOP - VIEW_BOTTOM;
  minimap.box.hidden = fits;
  if (fits) return;
  const pad = 20;
  minimap.svg.attr("viewBox", `${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}`);
  minimap.nodes
    .selectAll("rect.mm-node")
    .data(state.visible, idOf)
    .join("rect")
    .attr("class", (d) => {
      const id = idOf(d);
      return `mm-node${id === state.selectedId ? " selected" : ""}${state.holders.has(id) ? " holder" : ""}${d.depth === 0 ? " root" : ""}`;
    })
    .attr("x", (d) => d.x)
    .attr("y", (d) => d.y)
    .attr("width", (d) => d.w0)
    .attr("height", BOX_H);
  updateMinimapView(d3.zoomTransform(svg.node()));
}

export function updateMinimapView(t) {
  if (!minimap || minimap.box.hidden) return;
  const [w, h] = chartSize();
  minimap.view
    .attr("x", -t.x / t.k)
    .attr("y", -t.y / t.k)
    .attr("width", w / t.k)
    .attr("height", h / t.k);
}

// ------------------------------------------------------------------------------------------ focus view
/** Draws only a unit's subtree (null: the whole organization), under a breadcrumb of its superiors. */
export function setFocus(id, { duration = MOTION } = {}) {
  const d = id ? state.byId.get(id) : null;
  state.focusId = d && d.depth > 0 ? id : null;
  if (d && state.focusId) {
    if (d.size <= 80) d.each((x) => hasChildren(x) && state.expanded.add(idOf(x)));
    else defaultExpansion(d).forEach((x) => state.expanded.add(x));
  }
  render();
  renderBreadcrumb();
  if (state.focusId) fit(duration);
  else if (state.selectedId && state.byId.has(state.selectedId)) centerOn(state.selectedId, { duration });
  else initialView();
  updateUrl();
}

export const inView = (id) => {
  const d = state.byId.get(id);
  return Boolean(d && d.ancestors().includes(viewRoot()));
};

export function renderBreadcrumb() {
  const nav = $("#breadcrumb");
  const top = state.focusId ? state.byId.get(state.focusId) : null;
  nav.hidden = !top;
  $("#chart-info").hidden = Boolean(top);
  if (!top) {
    nav.replaceChildren();
    return;
  }
  const org = state.orgById.get(state.orgId);
  const steps = top.ancestors().reverse();
  nav.replaceChildren(
    h(
      "ol",
      {},
      steps.map((d, i) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: "crumb",
              title: i === 0 ? "Ver toda la organización" : `Enfocar ${d.data.name}`,
              "aria-current": d === top ? "location" : null,
              onclick: () => d !== top && navigate(() => setFocus(i === 0 ? null : idOf(d))),
            },
            i === 0 && org ? org.organization.acronym || org.organization.name : d.data.name,
          ),
        ),
      ),
    ),
    h("button", { type: "button", class: "btn btn-small", id: "focus-exit", onclick: () => navigate(() => setFocus(null)) }, "Ver todo"),
  );
}
