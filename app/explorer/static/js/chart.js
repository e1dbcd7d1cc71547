/* Drawing the chart: the SVG and its layers, pan and zoom, boxes entering and updating, the dashed
 * overlays, and the line under the toolbar that counts what is shown. */
import { BOX_H, NAME_FONT, NAME_LINE, PAD_X, MOTION } from "./constants.js";
import { state, $ } from "./state.js";
import { kindLabel, kindColor, lineClass, plural, wrap } from "./dom.js";
import { idOf, hasChildren, isExpanded, defaultExpansion, viewRoot, layout, overlayPaths } from "./layout.js";
import { setupMinimap, drawMinimap, updateMinimapView } from "./focus.js";
import { fit, resetView, ensureVisible } from "./view.js";
import { toggleNode, expandTo, onNodeKey } from "./interaction.js";
import { navigate } from "./navigation.js";
import { selectUnit } from "./panel.js";

export let svg, viewport, linkLayer, overlayLayer, nodeLayer, zoom;
export function setupChart() {
  const container = $("#chart");
  svg = d3
    .select(container)
    .append("svg")
    .attr("class", "chart-svg")
    .attr("role", "presentation");
  const defs = svg.append("defs");
  for (const kind of ["normative", "functional", "operational"]) {
    defs
      .append("marker")
      .attr("id", `arrow-${kind}`)
      .attr("viewBox", "0 0 10 10")
      .attr("refX", 9)
      .attr("refY", 5)
      .attr("markerWidth", 7)
      .attr("markerHeight", 7)
      .attr("orient", "auto-start-reverse")
      .append("path")
      .attr("d", "M0,0L10,5L0,10z")
      .attr("class", `arrow arrow-${kind}`);
  }
  viewport = svg.append("g").attr("class", "viewport");
  linkLayer = viewport.append("g").attr("class", "links");
  overlayLayer = viewport.append("g").attr("class", "overlays");
  nodeLayer = viewport.append("g").attr("class", "nodes").attr("role", "tree").attr("aria-describedby", "tree-help");

  zoom = d3
    .zoom()
    .scaleExtent([0.12, 2.5])
    .on("zoom", (event) => {
      viewport.attr("transform", event.transform);
      updateMinimapView(event.transform);
    });
  svg.call(zoom).on("dblclick.zoom", null);

  // Focusing a node must never scroll the chart's box: the zoom transform does the panning.
  container.addEventListener("scroll", () => {
    container.scrollTop = 0;
    container.scrollLeft = 0;
  });
  const chartArea = container.parentElement;
  chartArea.addEventListener("scroll", () => {
    chartArea.scrollTop = 0;
    chartArea.scrollLeft = 0;
  });

  $("#zoom-in").addEventListener("click", () => animated(MOTION / 2).call(zoom.scaleBy, 1.25));
  $("#zoom-out").addEventListener("click", () => animated(MOTION / 2).call(zoom.scaleBy, 0.8));
  $("#fit-button").addEventListener("click", () => fit());
  $("#reset-button").addEventListener("click", () => resetView());
  $("#all-lines").addEventListener("change", (event) => {
    state.allLines = event.target.checked;
    if (state.root) drawOverlays();
  });
  setupMinimap();
  $("#expand-all").addEventListener("click", () => {
    viewRoot().each((d) => hasChildren(d) && state.expanded.add(idOf(d)));
    render();
    fit();
  });
  $("#collapse-all").addEventListener("click", () => {
    state.expanded = defaultExpansion(viewRoot());
    if (state.selectedId) expandTo(state.selectedId);
    render();
    fit();
  });
}

/** The chart's svg, as a transition when there is time for one (none with prefers-reduced-motion). */
export const animated = (duration) => (duration ? svg.transition().duration(duration) : svg);

export function chartSize() {
  const rect = svg.node().getBoundingClientRect();
  return [rect.width || 800, rect.height || 600];
}

/** Renders the visible tree; `anchorId` keeps that node at the same place on screen. */
export function render(anchorId) {
  if (!state.root) return;
  const t = d3.zoomTransform(svg.node());
  const anchor = anchorId && state.byId.get(anchorId);
  const before = anchor && anchor.x != null ? [t.applyX(anchor.x), t.applyY(anchor.y)] : null;
  const focusedId = document.activeElement && document.activeElement.closest && document.activeElement.closest("g.node")
    ? document.activeElement.getAttribute("data-id")
    : null;

  const { links } = layout();

  linkLayer
    .selectAll("path.link")
    .data(links, (l) => l.id)
    .join("path")
    .attr("class", "link")
    .attr("d", (l) => l.path);

  drawOverlays();

  const siblings = new Map();
  for (const d of state.visible) {
    const key = d.parent ? idOf(d.parent) : "";
    if (!siblings.has(key)) siblings.set(key, []);
    siblings.get(key).push(d);
  }

  nodeLayer
    .selectAll("g.node")
    .data(state.visible, idOf)
    .join((enter) => enter.append("g").call(enterNode))
    .call(updateNode, siblings)
    .order();

  svg.classed("highlighting", state.holders.size > 0 && state.visible.some((d) => state.holders.has(idOf(d))));
  updateInfo();
  drawMinimap();

  if (before) {
    const now = [t.applyX(anchor.x), t.applyY(anchor.y)];
    const moved = d3.zoomIdentity.translate(t.x + before[0] - now[0], t.y + before[1] - now[1]).scale(t.k);
    svg.call(zoom.transform, moved);
  }
  if (focusedId && document.activeElement === document.body) {
    const el = nodeElement(focusedId);
    if (el) el.focus({ preventScroll: true });
  }
}

export function drawOverlays() {
  overlayLayer
    .selectAll("path.line")
    .data(overlayPaths(), (l) => l.key)
    .join((enter) => {
      const p = enter.append("path");
      p.append("title");
      return p;
    })
    .attr("class", (l) => `line line-${lineClass(l.kind)}${l.proxied ? " proxied" : ""}`)
    .attr("d", (l) => l.path)
    .attr("marker-end", (l) => `url(#arrow-${lineClass(l.kind)})`)
    .select("title")
    .text((l) => l.title + (l.proxied ? " (hacia o desde una unidad contraída)" : ""));
}

function enterNode(g) {
  g.attr("class", "node")
    .attr("tabindex", 0)
    .attr("role", "treeitem")
    .attr("data-id", idOf)
    .attr("transform", (d) => `translate(${d.x},${d.y})`);
  g.append("title").text((d) => d.data.name + (d.data.aliases && d.data.aliases.length ? ` (antes: ${d.data.aliases.join(", ")})` : ""));
  g.append("rect").attr("class", "focus-ring").attr("x", -5).attr("y", -5).attr("rx", 12)
    .attr("width", (d) => d.w0 + 10).attr("height", BOX_H + 10);
  g.append("rect").attr("class", "box").attr("rx", 8).attr("width", (d) => d.w0).attr("height", BOX_H);
  g.filter((d) => d.depth > 0)
    .append("rect")
    .attr("class", "stripe")
    .attr("x", 6).attr("y", 10).attr("width", 3.5).attr("height", BOX_H - 20).attr("rx", 1.75)
    .attr("fill", (d) => kindColor(d.data.kind));
  g.append("text")
    .attr("class", "kind")
    .attr("x", PAD_X)
    .attr("y", 19)
    .text((d) => {
      if (d.depth === 0) {
        const org = state.orgById.get(idOf(d));
        return "Organización" + (org && org.organization.acronym ? " · " + org.organization.acronym : "");
      }
      return kindLabel(d.data.kind);
    });
  g.filter((d) => d.depth > 0 && d.data.powers > 0)
    .append("text")
    .attr("class", "powers-count")
    .attr("x", (d) => d.w0 - 10)
    .attr("y", 19)
    .text((d) => plural(d.data.powers, "atribución", "atribuciones"));
  g.append("text")
    .attr("class", "name")
    .each(function (d) {
      const rows = wrap(d.data.name, NAME_FONT, d.w0 - PAD_X - 10, 3);
      const text = d3.select(this);
      rows.forEach((row, i) => text.append("tspan").attr("x", PAD_X).attr("y", 37 + i * NAME_LINE).text(row));
    });
  g.append("g").attr("class", "holder-tag").attr("aria-hidden", "true").call((tag) => {
    tag.append("rect").attr("x", (d) => d.w0 - 62).attr("y", -9).attr("width", 56).attr("height", 18).attr("rx", 9);
    tag.append("text").attr("x", (d) => d.w0 - 34).attr("y", 4).attr("text-anchor", "middle").text("puede");
  });
  const toggle = g.filter(hasChildren).append("g").attr("class", "toggle").attr("aria-hidden", "true");
  toggle.append("rect").attr("class", "toggle-bg").attr("height", 20).attr("y", BOX_H - 9).attr("rx", 10);
  toggle.append("text").attr("class", "toggle-text").attr("y", BOX_H + 5).attr("text-anchor", "middle");

  g.on("click", (event, d) => {
    if (event.defaultPrevented) return;
    if (event.target.closest(".toggle")) {
      toggleNode(idOf(d));
      return;
    }
    navigate(() => selectUnit(idOf(d)));
  });
  g.on("keydown", onNodeKey);
  g.on("focus", (event, d) => ensureVisible(d));
}

function updateNode(g, siblings) {
  g.attr("transform", (d) => `translate(${d.x},${d.y})`)
    .classed("root", (d) => d.depth === 0)
    .classed("selected", (d) => idOf(d) === state.selectedId)
    .classed("holder", (d) => state.holders.has(idOf(d)))
    .attr("data-change", (d) => state.changes.get(idOf(d)) || null) // the cambios view (changes.js)
    .classed("collapsed", (d) => hasChildren(d) && !isExpanded(d))
    .attr("aria-level", (d) => d.depth + 1)
    .attr("aria-setsize", (d) => siblings.get(d.parent ? idOf(d.parent) : "").length)
    .attr("aria-posinset", (d) => siblings.get(d.parent ? idOf(d.parent) : "").indexOf(d) + 1)
    .attr("aria-expanded", (d) => (hasChildren(d) ? String(isExpanded(d)) : null))
    .attr("aria-selected", (d) => String(idOf(d) === state.selectedId))
    .attr("aria-label", (d) => {
      const parts = [d.data.name, d.depth === 0 ? "organización" : kindLabel(d.data.kind).toLowerCase()];
      if (hasChildren(d) && !isExpanded(d)) parts.push(`${plural(d.size - 1, "unidad oculta", "unidades ocultas")}`);
      if (state.holders.has(idOf(d))) parts.push("puede hacer lo consultado");
      return parts.join(", ");
    });
  g.select(".toggle").each(function (d) {
    const label = isExpanded(d) ? "−" : `+${d.size - 1}`;
    const width = isExpanded(d) ? 20 : Math.max(26, 12 + label.length * 7.5);
    const sel = d3.select(this);
    sel.select(".toggle-bg").attr("x", d.w0 / 2 - width / 2).attr("width", width);
    sel.select(".toggle-text").attr("x", d.w0 / 2).text(label);
    sel.select("title").remove();
    sel.append("title").text(isExpanded(d) ? "Contraer" : `Expandir: ${plural(d.size - 1, "unidad oculta", "unidades ocultas")}`);
  });
}

function updateInfo() {
  const org = state.orgById.get(state.orgId);
  const top = viewRoot();
  const total = top ? top.size - (top === state.root ? 1 : 0) : 0;
  const shown = state.visible.length - (top === state.root ? 1 : 0);
  const name = top === state.root ? (org ? org.organization.name : "") : `Vista enfocada: ${top.data.name}`;
  $("#chart-info").textContent = state.root
    ? `${name} · ${plural(total, "unidad", "unidades")} · ${shown} visibles`
    : "";
}
export const nodeElement = (id) => nodeLayer && nodeLayer.node().querySelector(`g.node[data-id="${CSS.escape(id)}"]`);
