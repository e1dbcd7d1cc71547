/* "Cambios": what a reform changed in a document between two days (GET /documents/{id}/diff), coloured on
 * the chart as it stood on the later day — units added, removed (drawn from the earlier day's chart),
 * renamed, moved, with powers changed — with a legend and a list of the changes linking to their units.
 * The view is a link: ?cambios=<document>&desde=<day>&at=<day> (the later day is the explorer's day). */
import { state, $ } from "./state.js";
import { pathOf, api } from "./api.js";
import { h, plural, docTitle, formatDate, showError } from "./dom.js";
import { buildTree, idOf } from "./layout.js";
import { render } from "./chart.js";
import { expandTo } from "./interaction.js";
import { fit } from "./view.js";
import { loadOrg, navigate, updateUrl } from "./navigation.js";
import { unitButton } from "./panel.js";
import { dayOf, setDay } from "./time.js";
import { CHANGE_KINDS, CHANGE_LABELS, classify, describe } from "./change-kinds.js";

export function setupChanges() {
  $("#changes-button").addEventListener("click", () => openForm());
}

/** The URL's parameters of the view shown (the later day is ?at=). */
export const changesParams = () =>
  state.changesQuery ? [["cambios", state.changesQuery.document], ...(state.changesQuery.from ? [["desde", state.changesQuery.from]] : [])] : [];

/** The organization whose documents include ``document``. */
const orgOfDocument = (document) =>
  (state.orgs.find((o) => (o.documents || []).some((d) => d.id === document)) || {}).organization;

function openForm(query = state.changesQuery) {
  const box = $("#changes");
  const org = state.orgById.get(state.orgId);
  const documents = org ? org.documents || [] : [];
  const select = h(
    "select",
    { id: "changes-document", required: true },
    ...documents.map((d) => h("option", { value: d.id }, docTitle(d.id, d.title))),
  );
  if (query) select.value = query.document;
  const from = h("input", { id: "changes-from", type: "date", value: (query && query.from) || "" });
  const to = h("input", { id: "changes-to", type: "date", value: state.at || "" });
  const form = h(
    "form",
    { class: "changes-form", id: "changes-form" },
    h("label", { for: "changes-document" }, "Documento"),
    select,
    h("label", { for: "changes-from" }, "Desde (vacío: desde que rige)"),
    from,
    h("label", { for: "changes-to" }, "Hasta (vacío: hoy)"),
    to,
    h(
      "div",
      { class: "inline" },
      h("button", { type: "submit", class: "btn btn-primary", id: "changes-submit" }, "Ver cambios"),
      h("button", { type: "button", class: "btn", id: "changes-close", onclick: () => navigate(closeChanges) }, "Cerrar"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(() => showChanges(select.value, dayOf(from.value), dayOf(to.value))).catch((err) => showError(err, "Cambios"));
  });
  box.replaceChildren(h("h2", { id: "changes-title" }, "Cambios de una reforma"), form);
  if (!documents.length) box.append(h("p", { class: "empty" }, "Esta organización no tiene documentos cargados."));
  box.hidden = false;
  $("#sidebar").scrollTop = 0;
  select.focus();
}

/** The changes of ``document`` from ``from`` (null: since it rules) to ``to`` (null: today), on the chart. */
export async function showChanges(document, from, to) {
  const org = orgOfDocument(document);
  if (org && org.id !== state.orgId) await loadOrg(org.id, { view: false });
  if (to !== state.at) await setDay(to);
  else if (state.chart && state.chart.nodes.some((n) => n.removed)) await loadOrg(state.orgId, { view: false, force: true });
  state.changesQuery = { document, from, to };
  openForm(state.changesQuery);
  const box = $("#changes");
  const status = h("p", { class: "loading", id: "changes-status" }, "Comparando…");
  box.append(status);
  let diff;
  try {
    diff = await api(`/documents/${pathOf(document)}/diff`, { from, to });
  } catch (err) {
    status.className = "error";
    status.textContent = err.status === 404 ? dayText(err) : "No se pudieron comparar: " + err.message;
    status.title = err.detail || "";
    state.changes = new Map();
    render();
    updateUrl();
    return;
  }
  const units = classify(diff);
  state.changes = new Map([...units].map(([id, entry]) => [id, entry.kind]));
  const gone = [...units].filter(([id, e]) => e.kind === "removed" && !state.byId.has(id)).map(([id]) => id);
  if (gone.length && state.chart) await drawRemoved(gone, diff.from);
  for (const [id, kind] of state.changes) if (kind !== "powers") expandTo(id);
  render();
  fit();
  status.remove();
  box.append(...renderList(diff, units));
  updateUrl();
}

/** Units removed since ``from`` are not in the later chart: they are drawn where the earlier chart had them. */
async function drawRemoved(ids, from) {
  let before;
  try {
    before = await api("/orgchart", { root: state.orgId, at: from });
  } catch {
    return; // the earlier chart cannot be had: the list still names them
  }
  const here = new Set([state.chart.root.id, ...state.chart.nodes.map((n) => n.id)]);
  const wanted = new Set(ids);
  const added = before.nodes.filter((n) => wanted.has(n.id) && !here.has(n.id));
  if (!added.length) return;
  state.chart = { ...state.chart, nodes: [...state.chart.nodes, ...added.map((n) => ({ ...n, removed: true }))] };
  state.root = buildTree(state.chart);
  state.byId = new Map(state.root.descendants().map((d) => [idOf(d), d]));
}

function dayText(err) {
  const since = /from (\d{4}-\d{2}-\d{2})/.exec(err.detail || "");
  return since
    ? `El documento rige desde el ${formatDate(since[1])}: elige una fecha igual o posterior.`
    : "No se encontró el documento o la fecha.";
}

function renderList(diff, units) {
  const counts = new Map(CHANGE_KINDS.map((k) => [k, 0]));
  for (const entry of units.values()) counts.set(entry.kind, counts.get(entry.kind) + 1);
  const period = h(
    "p",
    { class: "muted", id: "changes-period" },
    `Del ${formatDate(diff.from)} al ${formatDate(diff.to)} · ${plural(units.size, "unidad con cambios", "unidades con cambios")}`,
  );
  const legend = h(
    "ul",
    { class: "changes-legend", id: "changes-legend", "aria-label": "Leyenda de cambios" },
    ...CHANGE_KINDS.map((kind) =>
      h("li", { "data-kind": kind }, h("span", { class: `lg-box lg-change-${kind}`, "aria-hidden": "true" }), `${CHANGE_LABELS[kind]} (${counts.get(kind)})`),
    ),
  );
  const names = new Map(diff.groups.filter((g) => g.unit).map((g) => [g.unit.id, g.unit.name]));
  const ordered = [...units].sort(
    ([a, x], [b, y]) => CHANGE_KINDS.indexOf(x.kind) - CHANGE_KINDS.indexOf(y.kind) || (names.get(a) || a).localeCompare(names.get(b) || b, "es"),
  );
  const list = h(
    "ol",
    { class: "changes-list plain-list", id: "changes-list" },
    ...ordered.map(([id, entry]) =>
      h(
        "li",
        { "data-kind": entry.kind, "data-id": id },
        h("span", { class: `lg-box lg-change-${entry.kind}`, "aria-hidden": "true" }),
        unitButton({ id, name: names.get(id) || entry.changes[0].text || id }),
        h("span", { class: "muted change-what" }, " — " + describe(entry)),
      ),
    ),
  );
  const other = diff.groups.find((g) => !g.unit);
  const rest = other ? [h("p", { class: "muted" }, plural(other.changes.length, "cambio más no atañe a una unidad", "cambios más no atañen a una unidad"))] : [];
  return [period, legend, units.size ? list : h("p", { class: "empty" }, "Ningún cambio entre esas fechas."), ...rest];
}

/** Leaves the view: no colours, the removed units gone again, the box closed. */
export async function closeChanges() {
  const hadRemoved = state.chart && state.chart.nodes.some((n) => n.removed);
  state.changes = new Map();
  state.changesQuery = null;
  const box = $("#changes");
  box.hidden = true;
  box.replaceChildren();
  if (hadRemoved) await loadOrg(state.orgId, { view: false, force: true });
  render();
  updateUrl();
}
