/* "Pregunta": a question sent to /ask (an action alone to /who-may), its answer cited sentence by
 * sentence, and the units it names highlighted on the chart. */
import { BASIS_BADGES } from "./constants.js";
import { state, $ } from "./state.js";
import { ApiError, api } from "./api.js";
import { h, kindLabel, plural, showError } from "./dom.js";
import { render } from "./chart.js";
import { inView, renderBreadcrumb } from "./focus.js";
import { zoomTo } from "./view.js";
import { expandTo } from "./interaction.js";
import { loadOrg, navigate, updateUrl } from "./navigation.js";
import { unitButton } from "./panel.js";
import { citation } from "./powers.js";

export function setupWhoMay() {
  $("#who-may-form").addEventListener("submit", (event) => {
    event.preventDefault();
    // An empty question goes to the API too: its 400 says what to ask.
    navigate(() => runWhoMay($("#who-may-input").value.trim()));
  });
}

export function clearHolders() {
  state.holders = new Map();
  state.whoQuery = null;
  const box = $("#who-may-results");
  box.hidden = true;
  box.replaceChildren();
  render();
  updateUrl();
}

/**
 * Asks a question (GET /ask) and shows its answer with the units it names highlighted on the chart. A who-may
 * answer keeps its holder list; the other kinds show one cited sentence per item. A question /ask cannot read
 * is answered with the kinds it reads (its 422), never a guess.
 */
export async function runWhoMay(q) {
  const token = ++state.whoToken;
  const box = $("#who-may-results");
  const button = $("#who-may-button");
  box.hidden = false;
  box.replaceChildren(h("p", { class: "loading" }, `Buscando «${q}»…`));
  button.disabled = true;
  try {
    // A question goes to /ask; an action and its object alone (what this box always took) to /who-may.
    const answer = looksAsked(q) ? await api("/ask", { q }) : null;
    const whoMay = answer ? (answer.kind === "who_may" ? answer.result : null) : await api("/who-may", { q, limit: 100 });
    if (token !== state.whoToken) return;
    state.whoQuery = q;
    let ids;
    if (whoMay) {
      state.holders = new Map(whoMay.items.map((item) => [item.unit.id, item]));
      renderWhoMay(whoMay);
      if (answer) box.prepend(h("p", { class: "muted ask-kind" }, `Pregunta leída: ${ASK_KIND_LABELS[answer.kind]}`));
      ids = whoMay.items.map((i) => i.unit.id);
    } else {
      ids = [...new Set(answer.items.map((i) => i.unit).filter(Boolean))];
      state.holders = new Map(ids.map((id) => [id, { unit: { id } }]));
      renderAnswer(answer);
    }
    if (ids.length) {
      const first = whoMay ? whoMay.items[0].unit.organization : answerOrganization(answer);
      if (first && first !== state.orgId) await loadOrg(first, { view: false });
      const here = ids.filter((id) => state.byId.has(id));
      if (state.focusId && here.some((id) => !inView(id))) {
        state.focusId = null; // some holders lie outside the focus view: show the whole chart
        renderBreadcrumb();
      }
      here.forEach(expandTo);
      render();
      if (here.length) zoomTo(here.map((id) => state.byId.get(id)), { maxScale: 1, minScale: 0.35 });
    } else render();
    updateUrl();
    $("#sidebar").scrollTop = 0;
  } catch (err) {
    if (token !== state.whoToken) return;
    const examples = (err.kinds || []).map((k) => k.examples[0]);
    const message =
      err.status === 400 || err.status === 422
        ? "Pregunta, p. ej. «¿Quién puede firmar contratos?», o escribe una acción y sobre qué, p. ej. «firmar resoluciones de pensiones»"
        : err.message;
    box.replaceChildren(
      h("p", { class: "error", title: err.detail || null }, message),
      examples.length ? h("ul", { class: "plain-list ask-examples" }, examples.map((e) => h("li", {}, e))) : null,
    );
    showError(err instanceof ApiError ? new ApiError(err.status, err.code, message, err.detail) : err, "Pregunta");
  } finally {
    button.disabled = false;
  }
}

/** Whether the text is put as a question (¿?, or an interrogative first word): then /ask's 422 is the answer. */
function looksAsked(q) {
  const first = q.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/^[¿¡\s]+/, "");
  return /[¿?]/.test(q) || /^(quien|quienes|que|cual|cuales|a quien|de quien|con que|como|cuando|donde|cuanto|por que)\b/.test(first);
}

const ASK_KIND_LABELS = {
  who_may: "quién puede",
  unit_powers: "qué puede hacer una unidad",
  superiors: "a quién reporta",
  subordinates: "qué depende de una unidad",
  basis: "con qué fundamento",
  delegation: "quién delegó",
  changes: "qué cambió y cuándo",
  citations: "quién cita un instrumento",
};

/** The organization an answer is about: its unit's, else the first unit it names. */
function answerOrganization(answer) {
  if (answer.unit && answer.unit.organization) return answer.unit.organization;
  const id = answer.items.map((i) => i.unit).find(Boolean);
  return id ? id.split("/")[0] : null;
}

/** Any answer but who-may: the question as read, then one sentence per item with its citation. */
function renderAnswer(answer) {
  const box = $("#who-may-results");
  const header = h(
    "header",
    { class: "who-head" },
    h("h2", { id: "who-may-title" }, answer.question),
    h(
      "button",
      { type: "button", class: "btn btn-small", id: "who-may-clear", onclick: () => navigate(clearHolders) },
      answer.items.length ? "Quitar resaltado" : "Cerrar",
    ),
  );
  const understood = h(
    "p",
    { class: "muted ask-kind" },
    `Pregunta leída: ${ASK_KIND_LABELS[answer.kind] || answer.kind} · ${plural(answer.items.length, "respuesta", "respuestas")}`,
  );
  if (!answer.items.length) {
    box.replaceChildren(header, understood, h("p", { class: "empty" }, "Los documentos no dan respuesta a esta pregunta."));
    return;
  }
  const list = h(
    "ol",
    { class: "answer-list" },
    answer.items.map((item) =>
      h(
        "li",
        { class: "answer-item", "data-id": item.unit || null },
        h("p", { class: "answer-text" }, item.text),
        h("p", { class: "power-via" }, h("cite", {}, item.citation.text)),
      ),
    ),
  );
  box.replaceChildren(header, understood, list);
}

function renderWhoMay(answer) {
  const box = $("#who-may-results");
  const qa = answer.question;
  const header = h(
    "header",
    { class: "who-head" },
    h("h2", { id: "who-may-title" }, `¿Quién puede ${qa.text}?`),
    h(
      "button",
      { type: "button", class: "btn btn-small", id: "who-may-clear", onclick: () => navigate(clearHolders) },
      answer.items.length ? "Quitar resaltado" : "Cerrar",
    ),
  );
  const understood = h(
    "p",
    { class: "muted" },
    `Acción: ${qa.actions.join(", ") || "—"} · objeto: ${qa.objects.join(", ") || "—"} · ` +
      `${plural(answer.total, "unidad", "unidades")}, ${plural(answer.powers, "atribución", "atribuciones")}`,
  );
  if (!answer.items.length) {
    box.replaceChildren(header, understood, h("p", { class: "empty" }, "Ninguna unidad tiene una atribución que coincida."));
    return;
  }
  const list = h(
    "ol",
    { class: "holder-list" },
    answer.items.map((item) => {
      const org = state.orgById.get(item.unit.organization);
      return h(
        "li",
        { class: "holder-item", "data-id": item.unit.id },
        h(
          "div",
          { class: "holder-line" },
          unitButton(item.unit, "holder-name"),
          h("span", { class: "holder-bases" }, item.bases.map((b) => h("span", { class: `badge badge-${b}` }, BASIS_BADGES[b] || b))),
        ),
        h("p", { class: "muted" }, [kindLabel(item.unit.kind), org ? org.organization.acronym || org.organization.name : null].filter(Boolean).join(" · ")),
        h(
          "details",
          {},
          h("summary", {}, `Cómo lo puede hacer (${plural(item.powers.length, "atribución", "atribuciones")})`),
          h("ul", { class: "holder-powers" }, item.powers.map((p) => holderPower(p, item.unit))),
        ),
      );
    }),
  );
  const parts = [header, understood, list];
  if (answer.delegations && answer.delegations.length) {
    parts.push(
      h("h3", {}, "Quién puede delegar"),
      h(
        "ul",
        { class: "plain-list" },
        answer.delegations.map((d) =>
          h(
            "li",
            {},
            unitButton(d.unit),
            ` puede delegar en ${plural(d.count, "unidad", "unidades")}`,
            d.retains ? " (y conserva el ejercicio)" : "",
            d.delegates.length ? h("span", { class: "muted" }, ": " + d.delegates.map((u) => u.name).join(", ")) : null,
          ),
        ),
      ),
    );
  }
  box.replaceChildren(...parts);
}

/** One way a holder may do it: its basis, the power, conditions, who else keeps it, who delegated it. */
function holderPower(p, unit) {
  const lb = p.legal_basis;
  const others = (p.retained_by || []).filter((r) => r.id !== unit.id);
  return h(
    "li",
    { class: "holder-power", "data-basis": p.basis, "data-provision": lb.provision.id },
    h("span", { class: `badge badge-${p.basis}` }, BASIS_BADGES[p.basis] || p.basis),
    " ",
    h("span", { class: "power-text" }, p.power.text),
    p.conditions && p.conditions.length
      ? h("p", { class: "power-conds" }, "Condiciones: ", p.conditions.map((c) => h("span", { class: "chip chip-cond" }, `${c.kind}: ${c.party.name || c.party.id}`)))
      : null,
    p.cooperation && p.cooperation.length
      ? h("p", { class: "power-conds" }, "En coordinación con: ", p.cooperation.map((c) => h("span", { class: "chip" }, c.party.name || c.party.id)))
      : null,
    others.length ? h("p", { class: "power-via" }, "La conserva también: " + others.map((r) => r.name).join(", ")) : null,
    delegationNote(p.basis, lb.delegated_by || [], unit),
    citation(lb.provision, lb.document),
    lb.instruments && lb.instruments.length ? h("p", { class: "power-via" }, `Cita: ${lb.instruments.map((i) => i.title).join("; ")}`) : null,
  );
}

/**
 * The delegating instrument, said from the holder's side: a delegate has it "Delegada por" the instrument;
 * the unit that issued the instrument "La delega mediante" it; anyone else holds it on its own basis.
 */
function delegationNote(basis, instruments, unit) {
  if (!instruments.length) return null;
  const cites = (list) => list.map((d, i) => [i ? "; " : "", h("cite", {}, d.title)]);
  if (basis === "delegated") {
    return h(
      "p",
      { class: "power-via" },
      "Delegada por: ",
      instruments.map((d, i) => [
        i ? "; " : "",
        h("cite", {}, d.title),
        d.delegated_by && d.delegated_by.length ? ` (${d.delegated_by.map((u) => u.name).join(", ")})` : "",
      ]),
    );
  }
  const own = instruments.filter((d) => (d.delegated_by || []).some((u) => u.id === unit.id));
  if (own.length) return h("p", { class: "power-via" }, "La delega mediante: ", cites(own));
  return h("p", { class: "power-via" }, "Otras unidades la ejercen por delegación: ", cites(instruments));
}
