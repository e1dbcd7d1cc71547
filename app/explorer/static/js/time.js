/* The date control: the chart, the panel, search and questions as the law stood on a day (?at=, see
 * api.js), kept in the URL (?at=YYYY-MM-DD) so a view of a past day can be shared. Empty is today. A day
 * before the documents speak is said in Spanish where the chart would be, not drawn as a broken chart. */
import { state, $ } from "./state.js";
import { ApiError } from "./api.js";
import { formatDate, showError } from "./dom.js";
import { linkLayer, overlayLayer, nodeLayer } from "./chart.js";
import { loadOrg, navigate, updateUrl } from "./navigation.js";
import { selectUnit, resetPanel } from "./panel.js";
import { runWhoMay } from "./ask.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day from the URL or the input: YYYY-MM-DD, else null (today). */
export const dayOf = (value) => (value && DAY.test(value) ? value : null);

export function setupTime() {
  const input = $("#at-input");
  input.value = state.at || "";
  $("#at-today").hidden = !state.at;
  input.addEventListener("change", () => {
    const day = dayOf(input.value);
    if (day === state.at) return;
    navigate(() => setDay(day)).catch((err) => showError(err, "Fecha"));
  });
  $("#at-today").addEventListener("click", () => {
    if (!state.at) return;
    input.value = "";
    navigate(() => setDay(null)).catch((err) => showError(err, "Fecha"));
  });
}

/** Shows everything as of ``day`` (null: today): the chart again, the panel of the selected unit, the question. */
export async function setDay(day) {
  state.at = day;
  $("#at-input").value = day || "";
  $("#at-today").hidden = !day;
  document.body.classList.toggle("dated", Boolean(day));
  if (state.orgId) await loadOrg(state.orgId, { view: false, force: true });
  if (state.selectedId && (state.byId.has(state.selectedId) || state.orgById.has(state.selectedId))) {
    selectUnit(state.selectedId);
  } else {
    state.selectedId = null;
    resetPanel();
  }
  if (state.whoQuery) await runWhoMay(state.whoQuery);
  updateUrl();
}

/** True when ``err`` is the API's answer for a day before the documents speak (or a unit not yet law). */
export const isDayError = (err) => err instanceof ApiError && err.status === 404 && Boolean(state.at);

/** The Spanish sentence for a day without law: the server says from when ("speak from 2023-09-13"). */
export function dayMessage(err, what) {
  const since = /(?:from|law from) (\d{4}-\d{2}-\d{2})/.exec(err.detail || "");
  const when = since ? `: sus documentos rigen desde el ${formatDate(since[1])}. Elige esa fecha o una posterior` : "";
  return `Sin ${what} para el ${formatDate(state.at)}${when}.`;
}

/** No chart for the day: the layers emptied, and the reason where the chart would be. */
export function showNoChart(err, orgId) {
  state.orgId = orgId;
  state.chart = null;
  state.root = null;
  state.byId = new Map();
  state.visible = [];
  for (const layer of [linkLayer, overlayLayer, nodeLayer]) layer.selectAll("*").remove();
  $("#minimap").hidden = true;
  const info = $("#chart-info");
  info.textContent = dayMessage(err, "organigrama");
  info.classList.add("chart-info-error");
  $("#org-select").value = orgId;
}
