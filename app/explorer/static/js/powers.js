/* The unit panel's powers, grouped by basis and paged, each cited as lawyers cite it and opening the
 * provision's text and status. */
import { POWERS_PAGE, POWERS_FETCH, BASES, BASIS_TITLES } from "./constants.js";
import { $ } from "./state.js";
import { pathOf, api } from "./api.js";
import {
  h,
  kindLabel,
  lines,
  docTitle,
  docCitation,
  PROVISION_KINDS,
  provShort,
  formatDate,
  showError,
} from "./dom.js";
import { loading, empty, failed } from "./panel.js";

/**
 * Powers grouped by basis. They come in pages of POWERS_FETCH (one request for almost every unit) and
 * show POWERS_PAGE at a time per group; "show more" reveals the next ones, fetching another page if needed.
 */
export function renderPowers(id, current, instruments) {
  const box = $("#powers");
  const unitPath = `/units/${pathOf(id)}/powers`;
  const titles = new Map();
  instruments.then((ins) => !ins.error && ins.instruments.forEach((i) => titles.set(i.id, i.title)));
  const store = { items: [], total: 0, offset: 0 };
  const groups = new Map();

  const fetchPage = async () => {
    const page = await api(unitPath, { limit: POWERS_FETCH, offset: store.offset });
    store.total = page.total;
    store.items.push(...page.items);
    store.offset += page.items.length;
  };
  const complete = () => store.offset >= store.total;

  function group(basis) {
    if (groups.has(basis)) return groups.get(basis);
    const list = h("ol", { class: "power-list" });
    const count = h("span", { class: "count" });
    const more = h("button", { type: "button", class: "btn btn-small more" });
    const el = h("section", { class: "power-group", "data-basis": basis }, h("h4", {}, BASIS_TITLES[basis] || basis, " ", count), list, more);
    const g = { basis, el, list, count, more, shown: 0, limit: POWERS_PAGE };
    more.addEventListener("click", async () => {
      g.limit += POWERS_PAGE;
      more.disabled = true;
      try {
        while (!complete() && store.items.filter((i) => i.basis === basis).length < g.limit) await fetchPage();
      } catch (err) {
        showError(err, "Atribuciones");
      } finally {
        more.disabled = false;
      }
      if (current()) update();
    });
    groups.set(basis, g);
    // Keep the groups in the order own, class, delegated, retained.
    const order = [...BASES, ...[...groups.keys()].filter((b) => !BASES.includes(b))];
    const next = [...groups.values()].filter((o) => o !== g).sort((a, b) => order.indexOf(a.basis) - order.indexOf(b.basis))
      .find((o) => order.indexOf(o.basis) > order.indexOf(basis));
    box.insertBefore(el, next ? next.el : null);
    return g;
  }

  function update() {
    const byBasis = new Map();
    for (const item of store.items) {
      if (!byBasis.has(item.basis)) byBasis.set(item.basis, []);
      byBasis.get(item.basis).push(item);
    }
    for (const [basis, items] of byBasis) {
      const g = group(basis);
      const upto = Math.min(g.limit, items.length);
      g.list.append(...items.slice(g.shown, upto).map((item) => powerItem(item, titles)));
      g.shown = upto;
      g.count.textContent = complete() ? String(items.length) : `${items.length}+`;
      const left = items.length - g.shown;
      g.more.hidden = left <= 0 && complete();
      g.more.textContent = left > 0 ? `Mostrar ${Math.min(left, POWERS_PAGE)} más (quedan ${left})` : "Cargar más";
    }
  }

  fetchPage()
    .then(() => {
      if (!current()) return;
      box.removeAttribute("aria-busy");
      box.replaceChildren();
      if (!store.total) box.append(empty("Sin atribuciones registradas.", "p"));
      update();
    })
    .catch((err) => {
      if (!current()) return;
      box.removeAttribute("aria-busy");
      box.replaceChildren(failed(err, "p"));
    });
}

function powerItem(item, titles) {
  const p = item.power;
  const prov = item.provision;
  return h(
    "li",
    { class: "power", "data-basis": item.basis, "data-provision": prov.id },
    h("p", { class: "power-text" }, p.text),
    p.conditions && p.conditions.length
      ? h("p", { class: "power-conds" }, "Condiciones: ", p.conditions.map((c) => h("span", { class: "chip chip-cond" }, c)))
      : null,
    item.basis === "class" && item.class_kind
      ? h("p", { class: "power-via" }, `Común a toda ${kindLabel(item.class_kind).toLowerCase()} del documento.`)
      : null,
    item.via ? h("p", { class: "power-via" }, "Delegada mediante: ", h("cite", {}, titles.get(item.via) || item.via)) : null,
    citation(prov, item.document),
  );
}
/** How a provision is cited: "Art. 48, fracc. I"; a manual's function: "Numeral 7.1.2, función 1". */
const CITE_KINDS = {
  articulo: "Art.", fraccion: "fracc.", inciso: "inciso", parrafo: "párr.", numeral: "numeral", apartado: "apartado",
  transitorio: "Transitorio", seccion_manual: "numeral", funcion: "función", marco_juridico: "Marco Jurídico, punto",
  politica: "política", referencia: "referencia",
};
const FEMININE = new Set(["fraccion", "funcion", "seccion_manual", "politica", "referencia"]);
const AMENDMENT_VERBS = { added: "adicionad", modified: "reformad", derogated: "derogad", relocated: "reubicad", clarified: "aclarad" };
export const AUTHORITIES = { DOF: "el Diario Oficial de la Federación", JG: "la Junta de Gobierno" };
const capitalize = (text) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : text);

const citeStep = (step) => `${CITE_KINDS[step.kind]} ${step.kind === "inciso" ? step.number + ")" : step.number}`;

export function citeLabel(prov) {
  const steps = [...(prov.within || []), prov];
  const section = steps.filter((step) => step.kind === "seccion_manual").pop();
  const cited = steps.filter((step) => step.number && CITE_KINDS[step.kind] && (step.kind !== "seccion_manual" || step === section));
  return capitalize(cited.map(citeStep).join(", ") || PROVISION_KINDS[prov.kind] || "disposición");
}

/** 2023-11-28 → 28-11-2023, as amendment notes write dates. */
const dmy = (date) => (date ? date.split("-").reverse().join("-") : "");

/** "reformada JG 28-11-2023"; when the amendment is of the enclosing article: "Art. 28 reformado DOF 27-09-2023". */
function amendmentLabel(a, prov) {
  const target = [...(prov.within || []), prov].find((step) => step.id === a.provision) || prov;
  const verb = amendedWord(a.kind, target.kind);
  const what = target.id !== prov.id && CITE_KINDS[target.kind] ? citeStep(target) + " " : "";
  return `${what}${verb} ${a.authority} ${dmy(a.date)}`;
}

/** "Reformada por la Junta de Gobierno el 28 de noviembre de 2023." */
function amendmentSentence(a, prov) {
  const by = AUTHORITIES[a.authority] || a.authority_name || a.authority;
  return capitalize(`${amendmentLabel(a, prov).replace(/ \S+ \S+$/, "")} por ${by} el ${formatDate(a.date, "day")}.`);
}

function statusChips(prov) {
  const amendments = prov.amendments || [];
  const chips = amendments.map((a) =>
    h("span", { class: `status status-${a.kind}`, title: amendmentSentence(a, prov) }, amendmentLabel(a, prov)),
  );
  if (prov.status === "derogated" && !amendments.some((a) => a.kind === "derogated" && a.provision === prov.id)) {
    chips.push(h("span", { class: "status status-derogated" }, FEMININE.has(prov.kind) ? "derogada" : "derogado"));
  }
  return chips;
}

/**
 * "Fundamento: Art. 48, fracc. I, Estatuto Orgánico de IMSS-BIENESTAR  reformada JG 28-11-2023": the citation
 * opens the provision's text, its status and its source lines underneath.
 */
export function citation(prov, doc) {
  const box = h("div", { class: "provision-text", hidden: true, "aria-live": "polite" });
  const link = h(
    "a",
    {
      class: "citation",
      href: `/provisions/${pathOf(prov.id)}`,
      "data-provision": prov.id,
      "aria-expanded": "false",
      title: "Ver el texto de la disposición y su estado",
      onclick: (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        toggleProvision(link, box, prov, doc);
      },
    },
    citeLabel(prov),
  );
  const basis = h(
    "p",
    { class: "power-basis" },
    "Fundamento: ",
    link,
    ", ",
    h("cite", { title: docTitle(doc.id, doc.title) }, docCitation(doc.id, doc.title)),
    statusChips(prov).map((chip) => [" ", chip]),
  );
  return [basis, box];
}

async function toggleProvision(link, box, prov, doc) {
  const open = box.hidden;
  box.hidden = !open;
  link.setAttribute("aria-expanded", String(open));
  if (!open || box.dataset.loaded) return;
  box.replaceChildren(loading("p"));
  try {
    const detail = await api(`/provisions/${pathOf(prov.id)}`);
    box.dataset.loaded = "true";
    box.replaceChildren(...provisionText(detail, prov, doc));
  } catch (err) {
    box.replaceChildren(failed(err, "p"));
  }
}

function provisionText(detail, prov, doc) {
  const p = detail.provision;
  const derogated = p.status === "derogated";
  const status = derogated ? (FEMININE.has(p.kind) ? "Derogada" : "Derogado") : "Vigente";
  const amendments = prov.amendments || [];
  return [
    h("blockquote", { class: "prov-quote", cite: `/provisions/${pathOf(p.id)}` }, p.heading ? h("strong", {}, p.heading + ". ") : null, p.text || ""),
    h(
      "p",
      { class: `prov-status${derogated ? " derogated" : ""}` },
      h("strong", {}, status),
      amendments.length ? " · " + amendments.map((a) => amendmentSentence(a, prov)).join(" ") : "",
    ),
    h(
      "p",
      { class: "source" },
      `${docTitle(doc.id, doc.title)} · ${lines(p.line_start, p.line_end, p.page_start, p.page_end)} del texto fuente `,
      h("code", { class: "prov-id" }, provShort(p.id, doc.id)),
    ),
  ];
}
export const amendedWord = (kind, provKind) => (AMENDMENT_VERBS[kind] ? AMENDMENT_VERBS[kind] + (FEMININE.has(provKind) ? "a" : "o") : kind);
