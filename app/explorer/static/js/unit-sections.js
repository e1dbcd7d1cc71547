/* The unit panel's sections: chain of command, detail (kind, lines, governance, provenance), legal
 * instruments and history (renames, restructurings, amendments). */
import { BASES, BASIS_COUNTS, EVENT_LABELS, ROLE_LABELS, GOVERNANCE_VERBS } from "./constants.js";
import { $ } from "./state.js";
import {
  h,
  kindLabel,
  lineLabel,
  lineClass,
  lines,
  plural,
  docTitle,
  docLabel,
  BASIS_SOURCES,
  formatDate,
} from "./dom.js";
import { empty, failed, unitButton, sourceNote } from "./panel.js";
import { AUTHORITIES, citeLabel, amendedWord } from "./powers.js";

export function renderChain(sup) {
  const list = $("#chain");
  list.removeAttribute("aria-busy");
  if (sup.error) {
    list.replaceChildren(failed(sup.error));
    return;
  }
  if (!sup.chain.length) {
    list.replaceChildren(empty("Sin superior registrado."));
    return;
  }
  list.replaceChildren(
    ...sup.chain.map((c) =>
      h(
        "li",
        { class: "chain-item", "data-id": c.node.id },
        unitButton(c.node, "chain-name"),
        h("span", { class: "chain-meta" }, c.node.label === "Organization" ? "Organización" : kindLabel(c.node.kind)),
        sourceNote(c.document, c.line_start, c.line_end, c.basis ? BASIS_SOURCES[c.basis] || c.basis : null, c.page_start, c.page_end),
      ),
    ),
  );
}

/** Detail: summary, lines, children, governance, provenance (from GET /units/{id}; lines along the chain from /superiors). */
export function renderDetail(id, det, sup) {
  const summary = $("#panel-summary");
  const linesList = $("#lines");
  const children = $("#children");
  const governance = $("#governance");
  const provenance = $("#provenance");
  if (det.error) {
    for (const list of [linesList, children, governance, provenance]) list.replaceChildren(failed(det.error));
    return;
  }

  // Reporting lines: the unit's own, then those along its chain of command.
  const own = det.reports_to.map((r) => ({ to: r, line: r.line, document: r.document, start: r.line_start, end: r.line_end }));
  const along = sup.error ? [] : sup.other_lines.filter((l) => l.from.id !== id);
  const lineItems = [
    ...own.map((l) =>
      h(
        "li",
        { class: `line-item line-${lineClass(l.line)}` },
        h("span", { class: "badge badge-line" }, lineLabel(l.line)),
        " hacia ",
        unitButton(l.to),
        sourceNote(l.document, l.start, l.end),
      ),
    ),
    ...along.map((l) =>
      h(
        "li",
        { class: `line-item line-${lineClass(l.line)} inherited` },
        h("span", { class: "badge badge-line" }, lineLabel(l.line)),
        " ",
        unitButton(l.from),
        " → ",
        unitButton(l.to),
        h("span", { class: "muted" }, " (en su línea de mando)"),
        sourceNote(l.document, l.line_start, l.line_end),
      ),
    ),
  ];
  linesList.replaceChildren(...(lineItems.length ? lineItems : [empty("Sin líneas normativas, funcionales u operativas.")]));

  children.replaceChildren(
    ...(det.children.length
      ? det.children.map((c) => h("li", {}, unitButton(c), h("span", { class: "muted" }, " · " + kindLabel(c.kind))))
      : [empty("Ninguna.")]),
  );

  const counts = Object.fromEntries(det.power_counts.map((c) => [c.basis, c.count]));
  if (det.retained) counts.retained = det.retained;
  const parts = BASES.filter((b) => counts[b]).map((b) => {
    const [one, many] = BASIS_COUNTS[b];
    return `${counts[b]} ${counts[b] === 1 ? one : many}`;
  });
  summary.textContent = parts.length ? "Atribuciones: " + parts.join(", ") : "Sin atribuciones registradas";

  governance.replaceChildren(
    ...(det.governance.length
      ? det.governance.map((g) => {
          const relation = g.relation.toLowerCase();
          const [verb, toThis] = GOVERNANCE_VERBS[g.relation] || [relation, `${relation} esta unidad`];
          const out = g.direction === "out";
          return h(
            "li",
            { "data-relation": g.relation, "data-direction": g.direction },
            out ? h("span", {}, `Esta unidad ${verb} `) : null,
            unitButton(g.other),
            out ? null : h("span", {}, ` ${toThis}`),
            g.role ? h("span", { class: "muted" }, ` (${g.role})`) : null,
            g.scope ? h("span", { class: "muted" }, ` · alcance: ${g.scope === "all" ? "todas sus facultades" : g.scope}`) : null,
            sourceNote(g.document, g.line_start, null, g.provision ? g.provision.split("/").slice(-2).join("/") : null),
          );
        })
      : [empty("Nada registrado.")]),
  );

  provenance.replaceChildren(
    ...(det.provenance.length
      ? det.provenance.map((p) =>
          h(
            "li",
            {},
            h("cite", {}, docTitle(p.document, p.title)),
            h("span", { class: "source" }, `${lines(p.line_start, p.line_end, p.page_start, p.page_end)} · ${p.described ? "se describe aquí" : "se menciona"}`),
            h("code", { class: "doc-id" }, p.document),
          ),
        )
      : [empty("Sin fuente registrada.")]),
  );
}

export function renderInstruments(ins) {
  const list = $("#instruments");
  if (ins.error) {
    list.replaceChildren(failed(ins.error));
    return;
  }
  list.replaceChildren(
    ...(ins.instruments.length
      ? ins.instruments.map((i) =>
          h(
            "li",
            { "data-id": i.id },
            h("span", { class: "badge" }, i.type || "instrumento"),
            " ",
            h("cite", {}, i.title),
            i.identifier && !i.title.includes(i.identifier) ? h("span", { class: "muted" }, ` (${i.identifier})`) : null,
            h("span", { class: "source" }, `sustenta ${plural(i.powers, "atribución", "atribuciones")}`),
          ),
        )
      : [empty("Sus atribuciones no citan instrumentos jurídicos.")]),
  );
}

export function renderHistory(hist) {
  const box = $("#history");
  if (hist.error) {
    box.replaceChildren(failed(hist.error, "p"));
    return;
  }
  const parts = [];
  if (hist.former_names.length) {
    parts.push(h("p", { class: "former" }, "Nombres anteriores: ", hist.former_names.map((n) => h("span", { class: "chip" }, n))));
  }
  // Change events and amendments on one time line, oldest first (undated events last).
  const entries = [
    ...hist.events.map((e) => ({ date: e.date, el: () => changeEvent(e) })),
    ...amendmentGroups(hist.amendments || []).map((g) => ({ date: g.date, el: () => amendmentEvent(g) })),
  ].sort((a, b) => (a.date || "9999").localeCompare(b.date || "9999"));
  if (entries.length) parts.push(h("ol", { class: "timeline" }, entries.map((entry) => entry.el())));
  if (!parts.length) parts.push(empty("Sin cambios registrados.", "p"));
  box.replaceChildren(...parts);
}

function changeEvent(e) {
  return h(
    "li",
    { class: "event" },
    h("time", { datetime: e.date || "" }, formatDate(e.date, e.date_precision) || "Sin fecha"),
    h("strong", { class: "event-kind" }, EVENT_LABELS[e.kind] || e.kind),
    e.role && e.role !== "subject" ? h("span", { class: "muted" }, ` (como ${ROLE_LABELS[e.role] || e.role})`) : null,
    e.from_name || e.to_name ? h("p", { class: "event-names" }, `«${e.from_name || "?"}» → «${e.to_name || "?"}»`) : null,
    e.effective ? h("p", { class: "muted" }, "En vigor: " + formatDate(e.effective, "day")) : null,
    e.description ? h("p", { class: "event-text" }, e.description) : null,
    e.others && e.others.length
      ? h("p", { class: "event-others" }, "Con: ", e.others.map((o, i) => [i ? ", " : "", unitButton(o.unit), ` (${ROLE_LABELS[o.role] || o.role})`]))
      : null,
    e.instrument ? h("p", { class: "event-instrument" }, "Instrumento: ", h("cite", {}, e.instrument.title || e.instrument.identifier)) : null,
    sourceNote(e.document, e.line_start, e.line_end),
  );
}

/** One amending act (a date, an authority, a document) and the provisions it changed. */
function amendmentGroups(amendments) {
  const groups = new Map();
  for (const a of amendments) {
    const key = `${a.date}|${a.authority}|${a.document}`;
    if (!groups.has(key)) groups.set(key, { ...a, items: [] });
    groups.get(key).items.push(a);
  }
  return [...groups.values()];
}

function amendmentEvent(g) {
  const by = g.authority_name || AUTHORITIES[g.authority] || g.authority;
  return h(
    "li",
    { class: "event amendment", "data-date": g.date, "data-authority": g.authority },
    h("time", { datetime: g.date }, formatDate(g.date, "day")),
    h("strong", { class: "event-kind" }, `Reforma del ${docLabel(g.document)}`),
    h("span", { class: "muted" }, ` (${by.replace(/^(el|la) /, "")})`),
    h(
      "ul",
      { class: "amended" },
      g.items.map((a) =>
        h(
          "li",
          { "data-provision": a.provision.id },
          h("span", { class: "amended-where" }, citeLabel(a.provision)),
          ": ",
          h("span", { class: `status status-${a.kind}` }, amendedWord(a.kind, a.provision.kind)),
        ),
      ),
    ),
    h("p", { class: "muted" }, "Disposiciones en las que se apoyan sus atribuciones."),
  );
}
