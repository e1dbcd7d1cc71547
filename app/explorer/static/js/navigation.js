/* Loading organizations and revealing a unit in its chart; every view a link (?unit, ?org, ?focus, ?who)
 * and Back returning to the previous one. */
import { MOTION } from "./constants.js";
import { state, $ } from "./state.js";
import { ApiError, pathOf, api } from "./api.js";
import { h, plural, showError } from "./dom.js";
import { buildTree, idOf, defaultExpansion } from "./layout.js";
import { nodeLayer, render } from "./chart.js";
import { setFocus, inView, renderBreadcrumb } from "./focus.js";
import { resetView, initialView, centerOn } from "./view.js";
import { expandTo } from "./interaction.js";
import { selectUnit, resetPanel } from "./panel.js";
import { clearHolders, runWhoMay } from "./ask.js";
import { dayOf, isDayError, setDay, showNoChart } from "./time.js";
import { showChanges, closeChanges, changesParams } from "./changes.js";

export async function loadOrganizations() {
  const orgs = await api("/organizations");
  state.orgs = orgs;
  for (const org of orgs) {
    state.orgById.set(org.organization.id, org);
    for (const doc of org.documents || []) state.docTitles.set(doc.id, doc.title);
  }
  const select = $("#org-select");
  select.replaceChildren(
    ...orgs.map((org) =>
      h(
        "option",
        { value: org.organization.id, title: org.organization.name },
        `${org.organization.acronym || org.organization.id} · ${plural(org.units, "unidad", "unidades")}`,
      ),
    ),
  );
  select.disabled = orgs.length === 0;
  return orgs;
}

export async function loadOrg(orgId, { view = true, force = false } = {}) {
  if (orgId === state.orgId && state.root && !force) return;
  $("#chart").setAttribute("aria-busy", "true");
  try {
    let data;
    try {
      data = await api("/orgchart", { root: orgId });
    } catch (err) {
      if (!isDayError(err)) throw err;
      showNoChart(err, orgId); // a day before its documents speak: said where the chart would be
      updateUrl();
      return;
    }
    $("#chart-info").classList.remove("chart-info-error");
    state.orgId = orgId;
    state.chart = data;
    state.root = buildTree(data);
    state.byId = new Map(state.root.descendants().map((d) => [idOf(d), d]));
    for (const n of data.nodes) state.unitOrg.set(n.id, orgId);
    state.focusId = null;
    state.expanded = defaultExpansion(state.root);
    if (state.selectedId && !state.byId.has(state.selectedId)) state.selectedId = null;
    $("#org-select").value = orgId;
    nodeLayer.attr("aria-label", `Organigrama: ${data.root.name}`);
    nodeLayer.selectAll("g.node").remove();
    render();
    renderBreadcrumb();
    if (view) initialView();
    updateUrl();
  } finally {
    $("#chart").removeAttribute("aria-busy");
  }
}

/** The organization a unit belongs to: the charts loaded so far know, else GET /units/{id} (its 404 for an unknown id). */
export async function orgOfUnit(id) {
  if (state.orgById.has(id)) return id;
  if (state.unitOrg.has(id)) return state.unitOrg.get(id);
  try {
    const detail = await api(`/units/${pathOf(id)}`);
    return detail.unit.organization;
  } catch (err) {
    if (err.status !== 404) throw err;
    throw new ApiError(404, err.code, `No existe ninguna unidad «${id}»: revisa el enlace o búscala por su nombre`, err.detail);
  }
}

/** Shows a unit: switches organization if needed, expands its ancestors, centres and (optionally) selects it. */
export async function revealUnit(id, { select = true, focusPanel = false, duration = MOTION } = {}) {
  const orgId = await orgOfUnit(id);
  if (orgId && orgId !== state.orgId) await loadOrg(orgId, { view: false });
  if (state.orgById.has(id)) {
    // An organization: its chart, with the root selected.
    if (select) selectUnit(id, { focusPanel });
    resetView(duration);
    return;
  }
  if (!state.byId.has(id)) {
    if (select) selectUnit(id, { focusPanel });
    showError(new Error("La unidad no figura en el organigrama de " + (state.chart ? state.chart.root.name : "la organización")));
    return;
  }
  if (state.focusId && !inView(id)) {
    state.focusId = null;
    renderBreadcrumb();
  }
  expandTo(id);
  if (select) state.selectedId = id;
  render();
  centerOn(id, { duration });
  if (select) selectUnit(id, { focusPanel });
}

// ------------------------------------------------------------------------------------------ URL and history
/**
 * Runs a user's navigation (select a unit, change organization, ask who may): its first change of the URL
 * pushes a history entry, so that Back returns to the previous view; every other change replaces it.
 */
export async function navigate(fn) {
  state.pushUrl = true;
  try {
    return await fn();
  } finally {
    state.pushUrl = false;
  }
}

export function updateUrl() {
  const q = (key, value) => `${key}=${encodeURIComponent(value).replace(/%2F/gi, "/")}`;
  const parts = [];
  if (state.selectedId && !state.orgById.has(state.selectedId)) parts.push(q("unit", state.selectedId));
  else if (state.orgId) parts.push(q("org", state.orgId));
  if (state.focusId) parts.push(q("focus", state.focusId));
  if (state.whoQuery) parts.push(q("who", state.whoQuery));
  if (state.at) parts.push(q("at", state.at));
  parts.push(...changesParams().map(([key, value]) => q(key, value)));
  const url = window.location.pathname + (parts.length ? "?" + parts.join("&") : "");
  const selected = state.selectedId && (state.byId.get(state.selectedId) || null);
  const org = state.orgById.get(state.orgId);
  const where = selected ? selected.data.name : org ? org.organization.acronym || org.organization.name : null;
  document.title = (where ? where + " · " : "") + "orggraph · Explorador de organigramas";
  if (url === window.location.pathname + window.location.search) return;
  if (state.pushUrl) {
    state.pushUrl = false;
    window.history.pushState(null, "", url);
  } else window.history.replaceState(null, "", url);
}

/** Back and Forward: shows the view the URL names, without adding history entries. */
export async function restoreFromUrl() {
  state.pushUrl = false;
  const params = new URLSearchParams(window.location.search);
  const unit = params.get("unit");
  const org = params.get("org");
  const who = params.get("who");
  const focus = params.get("focus");
  if (dayOf(params.get("at")) !== state.at) await setDay(dayOf(params.get("at")));
  if (unit) await revealUnit(unit, { duration: 0 });
  else {
    state.selectedId = null;
    await loadOrg(state.orgById.has(org) ? org : state.orgs[0].organization.id);
    render();
    resetPanel();
  }
  if ((focus || null) !== state.focusId) setFocus(focus && state.byId.has(focus) ? focus : null, { duration: 0 });
  updateUrl();
  if (who && who !== state.whoQuery) {
    $("#who-may-input").value = who;
    await runWhoMay(who);
  } else if (!who && state.whoQuery) {
    $("#who-may-input").value = "";
    clearHolders();
  }
  const changes = params.get("cambios");
  if (changes) await showChanges(changes, params.get("desde"), dayOf(params.get("at")));
  else if (state.changesQuery) closeChanges();
}
