/* orggraph explorer: an org chart over the JSON API (d3 v7 for the hierarchy and pan/zoom, no build step).
 *
 * Layout: d3.stratify builds the hierarchy from the API's parent links; an org-chart block layout over
 * the d3-hierarchy nodes places it top-down (see measure/place). The top levels spread their branches in
 * a row under a bus line; children without children of their own are stacked in a column with a spine
 * on its left, and from ROW_DEPTH down every level stacks, so wide organizations grow downwards rather
 * than sideways. Whether a child is a leaf depends on the data, not on what is expanded, so expanding one
 * unit never flips its siblings between a row and a column.
 *
 * Only the selected unit's dashed lines (normative, functional, operational) are drawn, unless the legend's
 * #all-lines asks for all. Large trees get a minimap (#minimap) and a focus view (?focus=<id>): one unit's
 * subtree under a breadcrumb of its superiors. Every navigation pushes a history entry (see navigate), so
 * Back and Forward move between views. Powers are cited as lawyers cite them ("Art. 48, fracc. I, Estatuto
 * Orgánico de IMSS-BIENESTAR"), each citation opening the provision's text and status.
 *
 * The code is a set of ES modules served as they are (no bundler): this entry starts the page; js/ holds the
 * rest, one concern each — constants, state (the page's state), api (the JSON client), dom (helpers, labels,
 * text wrapping), layout (the tree and its block layout), chart (drawing, pan and zoom), focus (minimap and
 * focus view), view (fit, centre), interaction (expand, collapse, keyboard), navigation (organizations,
 * links and history), panel, unit-sections and powers (the side panel), search, ask, upload, time (the
 * date control, ?at=) and changes with change-kinds (the cambios view of a reform). Modules
 * import what they use from each other; none runs anything on import but reading constants.
 *
 * Test hooks: g.node[data-id] (classes selected, holder, collapsed, root), .toggle, #org-select,
 * #search-input, #search-results, #who-may-input, #who-may-button, #who-may-results, #panel,
 * #panel-title, #chain, #powers (li.power[data-provision], .citation, .status, .provision-text), #instruments,
 * #history (.amendment[data-date]), #provenance, #legend, #all-lines, #minimap (rect.mm-node, rect.mm-view),
 * #focus-button, #breadcrumb (.crumb, #focus-exit), #export-svg, #export-png, #export-pdf,
 * #upload-button (shown when /health says uploads are on), #upload-dialog (#upload-file, #upload-token,
 * #upload-replace, #upload-submit, #upload-status[data-state]), #at-input and #at-today (the day, ?at=),
 * #changes-button, #changes (#changes-document, #changes-from, #changes-to, #changes-submit, #changes-legend,
 * #changes-list li[data-kind][data-id]) and g.node[data-change] (added, removed, renamed, moved, powers).
 */
import { state, $ } from "./js/state.js";
import { ApiError } from "./js/api.js";
import { showError } from "./js/dom.js";
import { setupChart, render } from "./js/chart.js";
import { setFocus } from "./js/focus.js";
import { focusNode } from "./js/interaction.js";
import { loadOrganizations, loadOrg, orgOfUnit, revealUnit, navigate, restoreFromUrl } from "./js/navigation.js";
import { resetPanel } from "./js/panel.js";
import { setupSearch } from "./js/search.js";
import { setupWhoMay, runWhoMay } from "./js/ask.js";
import { setUpUpload } from "./js/upload.js";
import { dayOf, setupTime } from "./js/time.js";
import { setupChanges, showChanges } from "./js/changes.js";

async function start() {
  const params = new URLSearchParams(window.location.search);
  state.at = dayOf(params.get("at")); // before the first question: every one is asked for that day
  document.body.classList.toggle("dated", Boolean(state.at));
  setupChart();
  setupTime();
  setupChanges();
  setupSearch();
  setupWhoMay();
  $("#org-select").addEventListener("change", (event) => {
    state.selectedId = null;
    navigate(() => loadOrg(event.target.value))
      .then(() => resetPanel())
      .catch((err) => showError(err, "Organigrama"));
  });
  window.addEventListener("popstate", () => restoreFromUrl().catch((err) => showError(err, "Historial")));
  $("#sidebar").addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.selectedId && !event.target.closest("input")) {
      focusNode(state.selectedId);
    }
  });
  window.addEventListener("resize", () => state.root && render());
  $("#toast").addEventListener("click", () => ($("#toast").hidden = true));

  let orgs;
  try {
    orgs = await loadOrganizations();
  } catch (err) {
    showError(err, "Organizaciones");
    $("#chart-info").textContent = "No se pudieron cargar las organizaciones: " + err.message;
    return;
  }
  if (!orgs.length) {
    $("#chart-info").textContent = "No hay organizaciones cargadas.";
    return;
  }
  const unit = params.get("unit");
  const org = params.get("org");
  const who = params.get("who");
  try {
    if (unit) {
      let orgId = null;
      try {
        orgId = await orgOfUnit(unit);
      } catch (err) {
        showError(err, "Enlace");
      }
      await loadOrg(orgId || (state.orgById.has(org) ? org : orgs[0].organization.id));
      if (orgId) await revealUnit(unit, { duration: 0 }).catch((err) => showError(err, "Enlace"));
    } else {
      await loadOrg(state.orgById.has(org) ? org : orgs[0].organization.id);
      if (org && !state.orgById.has(org)) showError(new Error(`No hay una organización «${org}»`), "Enlace");
    }
  } catch (err) {
    showError(err, "Organigrama");
  }
  const focus = params.get("focus");
  if (focus && state.byId.has(focus)) setFocus(focus, { duration: 0 });
  else if (focus) showError(new ApiError(404, "not_found", `La unidad «${focus}» no está en este organigrama`), "Enlace");
  if (who) {
    $("#who-may-input").value = who;
    runWhoMay(who);
  }
  if (params.get("cambios")) {
    await showChanges(params.get("cambios"), dayOf(params.get("desde")), state.at).catch((err) => showError(err, "Cambios"));
  }
  await setUpUpload();
  document.body.dataset.ready = "true";
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
