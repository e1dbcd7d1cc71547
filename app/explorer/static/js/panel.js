/* The side panel: its sections, a unit selected (its detail, chain, powers, instruments and history
 * fetched at once, drawn as each arrives), an organization's summary, and the empty panel. */
import { REDUCED_MOTION, GENRES } from "./constants.js";
import { state, $ } from "./state.js";
import { pathOf, api } from "./api.js";
import { h, kindLabel, kindColor, lines, plural, docTitle, docShort, showError } from "./dom.js";
import { idOf, hasChildren } from "./layout.js";
import { nodeLayer, drawOverlays } from "./chart.js";
import { drawMinimap, setFocus } from "./focus.js";
import { revealUnit, navigate, updateUrl } from "./navigation.js";
import { renderChain, renderDetail, renderInstruments, renderHistory } from "./unit-sections.js";
import { renderPowers } from "./powers.js";
import { isDayError, dayMessage } from "./time.js";

function section(id, title, body, extra = {}) {
  const headingId = `h-${id}`;
  return h(
    "section",
    { class: "panel-section", "aria-labelledby": headingId, id: `sec-${id}`, ...extra },
    h("h3", { id: headingId }, title),
    body,
  );
}

export const loading = (tag = "li") => h(tag, { class: "loading" }, "Cargando…");
export const empty = (text, tag = "li") => h(tag, { class: "empty" }, text);
export const failed = (err, tag = "li") =>
  h(
    tag,
    { class: "error", title: err && err.detail ? err.detail : null },
    isDayError(err) ? dayMessage(err, "datos de la unidad") : "No disponible: " + (err && err.message ? err.message : err),
  );

export function unitButton(ref, extraClass = "") {
  const isOrg = state.orgById.has(ref.id) || ref.label === "Organization";
  return h(
    "a",
    {
      href: `/?${isOrg ? "org" : "unit"}=${encodeURIComponent(ref.id).replace(/%2F/gi, "/")}`,
      class: `unit-link ${extraClass}`.trim(),
      "data-id": ref.id,
      title: isOrg ? "Ver el organigrama de la organización" : "Ver esta unidad",
      onclick: (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        if (ref.organization) state.unitOrg.set(ref.id, ref.organization);
        navigate(() => revealUnit(ref.id)).catch((err) => showError(err));
      },
    },
    ref.name || ref.id,
  );
}

export function sourceNote(document, start, end, extra, pageStart, pageEnd) {
  if (!document && start == null) return null;
  return h(
    "span",
    { class: "source", title: document ? docTitle(document) : null },
    [document ? docShort(document) : null, lines(start, end, pageStart, pageEnd), extra].filter(Boolean).join(" · "),
  );
}

export async function selectUnit(id, { focusPanel = false } = {}) {
  state.selectedId = id;
  if (state.root) {
    nodeLayer.selectAll("g.node").classed("selected", (d) => idOf(d) === id).attr("aria-selected", (d) => String(idOf(d) === id));
    drawOverlays();
    drawMinimap();
  }
  updateUrl();
  const token = ++state.panelToken;
  if (state.orgById.has(id)) renderOrgPanel(id);
  else renderUnitPanel(id, token);
  if (focusPanel) $("#panel-title").focus();
  $("#sidebar").scrollTop = $("#who-may-results").hidden ? 0 : $("#panel").offsetTop - 8;
}

/**
 * Links to the server-drawn chart of a unit's subtree (or of a whole organization): laid out and coloured
 * as on screen, every unit expanded, with a title, the source documents and the date; the PDF is to print.
 */
function exportLinks(id) {
  const stamp = id.split("/").pop();
  const link = (ext) =>
    h(
      "a",
      {
        class: "btn",
        id: `export-${ext}`,
        href: `/units/${pathOf(id)}/orgchart.${ext}`,
        download: ext === "pdf" ? null : `organigrama-${stamp}.${ext}`,
        target: ext === "pdf" ? "_blank" : null,
        rel: ext === "pdf" ? "noopener" : null,
        title: ext === "pdf" ? "Organigrama desde esta unidad, en PDF para imprimir" : `Organigrama desde esta unidad, en ${ext.toUpperCase()}`,
      },
      ext.toUpperCase(),
    );
  return h(
    "span",
    { class: "export-group", role: "group", "aria-label": "Exportar el organigrama desde aquí" },
    h("span", { class: "export-label", "aria-hidden": "true" }, "Exportar"),
    link("svg"),
    link("png"),
    link("pdf"),
  );
}

function renderOrgPanel(orgId) {
  const org = state.orgById.get(orgId);
  const panel = $("#panel");
  panel.replaceChildren(
    h(
      "header",
      { class: "panel-head" },
      h("p", { class: "eyebrow" }, "Organización" + (org.organization.acronym ? " · " + org.organization.acronym : "")),
      h("h2", { id: "panel-title", tabindex: "-1" }, org.organization.name),
      h("p", { class: "panel-sub" }, plural(org.units, "unidad", "unidades") + " en el organigrama"),
      // The chart images live under /units/{id}/ but accept an organization id as well.
      h("div", { class: "panel-actions" }, exportLinks(orgId)),
    ),
    section(
      "top",
      "Unidades de primer nivel",
      h("ul", { class: "plain-list" }, org.top_units.map((u) => h("li", {}, unitButton(u), h("span", { class: "muted" }, " · " + kindLabel(u.kind))))),
    ),
    section(
      "documents",
      "Documentos",
      h("ul", { id: "provenance", class: "plain-list" }, (org.documents || []).map((d) => h("li", {}, h("cite", {}, d.title), h("span", { class: "muted" }, ` · ${GENRES[d.genre] || d.genre || "documento"} · ${d.id}`)))),
    ),
  );
}

function renderUnitPanel(id, token) {
  const node = state.byId.get(id);
  const data = node ? node.data : { id, name: id, kind: null, aliases: [] };
  const org = state.orgById.get(state.unitOrg.get(id) || state.orgId);
  const panel = $("#panel");

  const head = h(
    "header",
    { class: "panel-head" },
    h(
      "p",
      { class: "eyebrow", id: "panel-kind" },
      h("span", { class: "kind-dot", style: `background:${kindColor(data.kind)}` }),
      kindLabel(data.kind) + (org ? " · " + (org.organization.acronym || org.organization.name) : ""),
    ),
    h("h2", { id: "panel-title", tabindex: "-1" }, data.name),
    data.aliases && data.aliases.length
      ? h("p", { class: "panel-sub" }, "También conocida como: " + data.aliases.join(", "))
      : null,
    h("p", { class: "panel-sub", id: "panel-summary" }),
    h(
      "div",
      { class: "panel-actions" },
      h("button", { type: "button", class: "btn", onclick: () => revealUnit(id, { select: false }).catch(showError) }, "Ver en el organigrama"),
      node && hasChildren(node)
        ? h(
            "button",
            {
              type: "button",
              class: "btn",
              id: "focus-button",
              title: "Dibujar solo esta unidad y las que dependen de ella (tecla F en el organigrama)",
              onclick: () => navigate(() => setFocus(id)),
            },
            "Enfocar",
          )
        : null,
      exportLinks(id),
    ),
    h(
      "nav",
      { class: "panel-nav", "aria-label": "Secciones" },
      [
        ["chain", "Mando"],
        ["powers", "Atribuciones"],
        ["instruments", "Instrumentos"],
        ["history", "Historia"],
        ["provenance", "Fuentes"],
      ].map(([key, label]) =>
        h(
          "a",
          {
            href: `#sec-${key}`,
            onclick: (event) => {
              // Scroll the panel, leave the URL (and its ?unit=) alone.
              event.preventDefault();
              const target = document.getElementById(`sec-${key}`);
              if (target) target.scrollIntoView({ block: "start", behavior: REDUCED_MOTION ? "auto" : "smooth" });
            },
          },
          label,
        ),
      ),
    ),
  );

  panel.replaceChildren(
    head,
    section("chain", "Línea de mando", h("ol", { id: "chain", class: "chain", "aria-busy": "true" }, loading())),
    section("lines", "Otras líneas de reporte", h("ul", { id: "lines", class: "plain-list" }, loading())),
    section("children", "Unidades subordinadas", h("ul", { id: "children", class: "plain-list" }, loading())),
    section("powers", "Atribuciones", h("div", { id: "powers", "aria-busy": "true" }, loading("p"))),
    section("instruments", "Instrumentos jurídicos", h("ul", { id: "instruments", class: "plain-list" }, loading())),
    section("governance", "Nombramientos y delegaciones", h("ul", { id: "governance", class: "plain-list" }, loading())),
    section("history", "Historia", h("div", { id: "history" }, loading("p"))),
    section("provenance", "Fuentes", h("ul", { id: "provenance", class: "plain-list" }, loading())),
  );

  const current = () => token === state.panelToken;
  const unitPath = `/units/${pathOf(id)}`;
  const detail = api(unitPath).catch((err) => ({ error: err }));
  const superiors = api(`${unitPath}/superiors`).catch((err) => ({ error: err }));
  const instruments = api(`${unitPath}/instruments`).catch((err) => ({ error: err }));
  const history = api(`${unitPath}/history`).catch((err) => ({ error: err }));

  superiors.then((sup) => current() && renderChain(sup));
  Promise.all([detail, superiors]).then(([det, sup]) => current() && renderDetail(id, det, sup));
  instruments.then((ins) => current() && renderInstruments(ins));
  history.then((hist) => current() && renderHistory(hist));
  renderPowers(id, current, instruments);
}

export function resetPanel() {
  state.panelToken += 1;
  $("#panel").replaceChildren(
    h(
      "div",
      { class: "panel-empty" },
      h("h2", { id: "panel-title", tabindex: "-1" }, "Selecciona una unidad"),
      h("p", {}, "Haz clic en una unidad del organigrama (o enfócala con Tab y pulsa Enter) para ver su detalle."),
    ),
  );
}
