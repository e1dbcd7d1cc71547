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
 * Test hooks: g.node[data-id] (classes selected, holder, collapsed, root), .toggle, #org-select,
 * #search-input, #search-results, #who-may-input, #who-may-button, #who-may-results, #panel,
 * #panel-title, #chain, #powers (li.power[data-provision], .citation, .status, .provision-text), #instruments,
 * #history (.amendment[data-date]), #provenance, #legend, #all-lines, #minimap (rect.mm-node, rect.mm-view),
 * #focus-button, #breadcrumb (.crumb, #focus-exit), #export-svg, #export-png, #export-pdf,
 * #upload-button (shown when /health says uploads are on), #upload-dialog (#upload-file, #upload-token,
 * #upload-replace, #upload-submit, #upload-status[data-state]).
 */
(() => {
  "use strict";

  // ------------------------------------------------------------------------------------------ constants
  const BOX_W = 224;
  const ROOT_W = 320;
  const BOX_H = 78;
  const H_GAP = 28; // between columns
  const V_GAP = 48; // between a parent and a row of children
  const INDENT = 28; // stacked children: indentation from the spine's column
  const STACK_GAP = 12; // between stacked boxes
  const STACK_TOP = 24; // between a parent and its first stacked child
  const ROW_DEPTH = 3; // units this deep (or deeper) stack their children
  const NAME_FONT = "600 12px " + fontStack();
  const NAME_LINE = 14;
  const PAD_X = 17;
  const POWERS_PAGE = 10;
  const POWERS_FETCH = 100;
  const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const MOTION = REDUCED_MOTION ? 0 : 420;

  const KIND_LABELS = {
    area: "Área",
    comision: "Comisión",
    comite: "Comité",
    consejo: "Consejo",
    coordinacion: "Coordinación",
    delegacion: "Delegación",
    departamento: "Departamento",
    direccion: "Dirección",
    division: "División",
    gerencia: "Gerencia",
    jefatura: "Jefatura",
    junta: "Junta",
    oficina: "Oficina",
    organo: "Órgano",
    prosecretaria: "Prosecretaría",
    secretaria: "Secretaría",
    subdelegacion: "Subdelegación",
    subdireccion: "Subdirección",
    unidad: "Unidad",
  };
  const KIND_COLORS = {
    junta: "#4338ca", consejo: "#4338ca", organo: "#4338ca",
    direccion: "#1d4ed8", secretaria: "#1d4ed8", prosecretaria: "#1d4ed8", subdireccion: "#1d4ed8",
    unidad: "#0369a1", jefatura: "#0369a1", delegacion: "#0369a1",
    coordinacion: "#0f766e", subdelegacion: "#0f766e", gerencia: "#0f766e",
    division: "#4d7c0f", departamento: "#4d7c0f", area: "#4d7c0f", oficina: "#4d7c0f",
  };
  const LINE_LABELS = { hierarchical: "Jerárquica", normative: "Normativa", functional: "Funcional", operational: "Operativa" };
  const BASES = ["own", "class", "delegated", "retained"];
  const GENRES = { statute: "estatuto orgánico", manual: "manual de organización", regulation: "reglamento interior" };
  const BASIS_TITLES = {
    own: "Propias",
    class: "Comunes a su tipo de unidad",
    delegated: "Delegadas",
    retained: "Retenidas (las conserva aunque las delegó)",
  };
  const BASIS_BADGES = { own: "propia", class: "por tipo de unidad", delegated: "delegada", retained: "retenida" };
  /** How many of each basis, in words: [one, many]. */
  const BASIS_COUNTS = {
    own: ["propia", "propias"],
    class: ["común a su tipo de unidad", "comunes a su tipo de unidad"],
    delegated: ["delegada", "delegadas"],
    retained: ["retenida", "retenidas"],
  };
  const EVENT_LABELS = {
    renamed: "Cambio de denominación",
    moved: "Readscripción",
    created: "Creación",
    restructured: "Reestructuración",
    abolished: "Supresión",
  };
  const ROLE_LABELS = { subject: "unidad afectada", from: "origen", to: "destino" };
  /** A governance relation, both ways: "Esta unidad nombra a X" and "X nombra a esta unidad". */
  const GOVERNANCE_VERBS = {
    APPOINTS: ["nombra a", "nombra a esta unidad"],
    REMOVES: ["remueve a", "remueve a esta unidad"],
    DESIGNATES: ["designa a", "designa a esta unidad"],
    PRESIDES: ["preside", "preside esta unidad"],
    MEMBER_OF: ["forma parte de", "forma parte de esta unidad"],
    SUBSTITUTES: ["suple a", "suple a esta unidad"],
    DELEGATES: ["delega facultades en", "delega facultades en esta unidad"],
  };

  // ------------------------------------------------------------------------------------------ state
  const state = {
    orgs: [],
    orgById: new Map(),
    docTitles: new Map(),
    unitOrg: new Map(), // unit id -> organization id, from the charts loaded so far
    orgId: null,
    chart: null, // the /orgchart answer for orgId
    root: null, // d3 hierarchy over it
    byId: new Map(),
    expanded: new Set(),
    visible: [],
    selectedId: null,
    holders: new Map(), // unit id -> who-may holder
    panelToken: 0,
    whoToken: 0,
    searchToken: 0,
    searchItems: [],
    searchActive: -1,
    focusId: null, // the focus view: only this unit's subtree is drawn
    allLines: false, // dashed lines of every unit, not only of the selected one
    pushUrl: false, // the next change of the URL adds a history entry (see navigate)
  };

  const $ = (sel) => document.querySelector(sel);
  let svg, viewport, linkLayer, overlayLayer, nodeLayer, zoom;

  // ------------------------------------------------------------------------------------------ API
  /** An API failure, said in Spanish; the server's own (developer, English) message stays in `detail`. */
  class ApiError extends Error {
    constructor(status, code, message, detail) {
      super(message);
      this.status = status;
      this.code = code;
      this.detail = detail || message;
    }
  }

  const STATUS_MESSAGES = {
    400: "La consulta no es válida",
    401: "Hace falta una credencial",
    403: "Consulta no permitida",
    404: "No se encontró lo solicitado",
    408: "La consulta tardó demasiado",
    503: "La base de datos no responde",
  };

  function spanishMessage(status) {
    if (STATUS_MESSAGES[status]) return STATUS_MESSAGES[status];
    return status >= 500 ? `Error del servidor (HTTP ${status})` : `El servidor rechazó la solicitud (HTTP ${status})`;
  }

  /** Ids hold slashes and are used as URL paths as they are: encode each segment, keep the slashes. */
  const pathOf = (id) => id.split("/").map(encodeURIComponent).join("/");

  const cache = new Map();

  async function api(path, params = {}, { cached = true } = {}) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
    }
    const key = url.pathname + url.search;
    if (cached && cache.has(key)) return cache.get(key);
    const promise = (async () => {
      let response;
      try {
        response = await fetch(key, { headers: { Accept: "application/json" } });
      } catch (err) {
        throw new ApiError(0, "network", "No se pudo contactar al servidor: " + err.message);
      }
      let body = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      if (!response.ok) {
        const error = body && body.error ? body.error : {};
        const code = error.code || "http_" + response.status;
        const failure = new ApiError(response.status, code, spanishMessage(response.status), error.message);
        failure.kinds = error.kinds || null; // GET /ask's 422: the kinds of question it reads, with examples
        throw failure;
      }
      return body;
    })();
    if (cached) {
      cache.set(key, promise);
      promise.catch(() => cache.delete(key));
    }
    return promise;
  }

  // ------------------------------------------------------------------------------------------ DOM helpers
  /** h("a", {href, class: "x", onclick}, "text", child…): elements from data, never from HTML strings. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") el.className = value;
      else if (key === "dataset") Object.assign(el.dataset, value);
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else if (key === "text") el.textContent = value;
      else el.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function fontStack() {
    return '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';
  }

  const kindLabel = (kind) => {
    if (!kind) return "Unidad";
    return KIND_LABELS[kind] || kind.charAt(0).toUpperCase() + kind.slice(1).replace(/[-_]/g, " ");
  };
  const kindColor = (kind) => KIND_COLORS[kind] || "#64748b";
  const lineLabel = (kind) => LINE_LABELS[kind] || (kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : "Otra");
  const lineClass = (kind) => (["normative", "functional", "operational"].includes(kind) ? kind : "operational");
  const lineRange = (a, b) => (a == null ? "" : b == null || b === a ? `línea ${a}` : `líneas ${a}–${b}`);
  /** "p. 12 · líneas 340–345" when the source is a PDF (its pages), else the lines alone. */
  const lines = (a, b, pa, pb) =>
    [pa == null ? "" : pb == null || pb === pa ? `p. ${pa}` : `pp. ${pa}–${pb}`, lineRange(a, b)].filter(Boolean).join(" · ");
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const fold = (s) => (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const docTitle = (id, title) => title || state.docTitles.get(id) || id;
  /** "Estatuto Orgánico de Servicios de Salud …" → "Estatuto Orgánico"; "Manual de Organización de la …" → "Manual de Organización". */
  function docLabel(id, title) {
    const chunks = docTitle(id, title).split(/\s+de\s+/);
    let label = chunks[0];
    for (let i = 1; i < chunks.length && label.split(/\s+/).length < 2; i++) label += " de " + chunks[i];
    return label;
  }
  const docAcronym = (id) => {
    const org = state.orgById.get((id || "").split("/")[0]);
    return org ? org.organization.acronym : null;
  };
  function docShort(id, title) {
    const acronym = docAcronym(id);
    return docLabel(id, title) + (acronym ? ` (${acronym})` : "");
  }
  /** As a lawyer cites it: "Estatuto Orgánico de IMSS-BIENESTAR". */
  function docCitation(id, title) {
    const label = docLabel(id, title);
    const acronym = docAcronym(id);
    return acronym && !label.includes(acronym) ? `${label} de ${acronym}` : label;
  }
  const PROVISION_KINDS = {
    articulo: "artículo", fraccion: "fracción", funcion: "función", parrafo: "párrafo", inciso: "inciso",
    marco_juridico: "marco jurídico", numeral: "numeral", apartado: "apartado", seccion_manual: "sección",
  };
  const BASIS_SOURCES = {
    structure: "por la estructura orgánica",
    governing_bodies: "por los órganos de gobierno",
    functions_numbering: "por la numeración de funciones",
    text: "por el texto",
    organization: "por pertenecer a la organización",
  };
  /** A provision id without its document's prefix. */
  const provShort = (provId, docId) => (docId && provId.startsWith(docId + "/") ? provId.slice(docId.length + 1) : provId);

  function formatDate(value, precision) {
    if (!value) return "";
    const [y, m, d] = value.split("-").map(Number);
    const date = new Date(Date.UTC(y, (m || 1) - 1, d || 1));
    const options = { timeZone: "UTC", year: "numeric" };
    if (precision !== "year") options.month = "long";
    if (precision !== "year" && precision !== "month") options.day = "numeric";
    return new Intl.DateTimeFormat("es-MX", options).format(date);
  }

  let toastTimer = null;
  function showError(err, context) {
    const message = err instanceof ApiError ? err.message : String(err && err.message ? err.message : err);
    const toast = $("#toast");
    toast.textContent = (context ? context + ": " : "") + message;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toast.hidden = true), 8000);
    if (!(err instanceof ApiError)) console.error(err);
  }

  // ------------------------------------------------------------------------------------------ text wrapping
  const measureCtx = document.createElement("canvas").getContext("2d");

  function textWidth(text, font) {
    measureCtx.font = font;
    return measureCtx.measureText(text).width;
  }

  function wrap(text, font, maxWidth, maxLines) {
    const words = (text || "").split(/\s+/).filter(Boolean);
    const out = [];
    let line = "";
    for (const word of words) {
      const candidate = line ? line + " " + word : word;
      if (!line || textWidth(candidate, font) <= maxWidth) line = candidate;
      else {
        out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
    if (out.length <= maxLines) return out;
    const kept = out.slice(0, maxLines);
    let last = kept[maxLines - 1] + " " + out.slice(maxLines).join(" ");
    while (last.length > 1 && textWidth(last + "…", font) > maxWidth) last = last.slice(0, -1);
    kept[maxLines - 1] = last.trimEnd().replace(/[,;:]$/, "") + "…";
    return kept;
  }

  // ------------------------------------------------------------------------------------------ tree
  function buildTree(data) {
    const rootId = data.root.id;
    const ids = new Set([rootId, ...data.nodes.map((n) => n.id)]);
    const rows = [{ ...data.root, isRoot: true, parent: null, depth: 0 }];
    const seen = new Set([rootId]);
    for (const node of data.nodes) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      // A parent outside the chart (or missing) would break the hierarchy: hang the unit from the root.
      const parent = node.parent && ids.has(node.parent) && node.parent !== node.id ? node.parent : rootId;
      rows.push({ ...node, parent });
    }
    let root;
    try {
      root = d3.stratify().id((d) => d.id).parentId((d) => d.parent)(rows);
    } catch (err) {
      // A cycle in the parent links: show every unit under the root rather than nothing.
      console.warn("orgchart: falling back to a flat tree", err);
      root = d3.stratify().id((d) => d.id).parentId((d) => (d.isRoot ? null : rootId))(rows);
    }
    root.eachAfter((d) => {
      d.size = 1 + (d.children || []).reduce((sum, c) => sum + c.size, 0);
    });
    return root;
  }

  const idOf = (d) => d.data.id;
  const hasChildren = (d) => Boolean(d.children && d.children.length);
  const isExpanded = (d) => hasChildren(d) && state.expanded.has(idOf(d));
  const visibleKids = (d) => (isExpanded(d) ? d.children : []);

  /**
   * The first view: two levels below the organization, then whole levels more while the chart stays
   * readable (about as wide as the screen at 80 %, not much taller than two screens).
   */
  function defaultExpansion(root) {
    const [w, h] = chartSize();
    const upTo = (depth) =>
      new Set(root.descendants().filter((d) => d.depth - root.depth < depth && hasChildren(d)).map(idOf));
    let depth = Math.min(2, root.height);
    let chosen = upTo(depth);
    const saved = state.expanded;
    while (depth < root.height) {
      state.expanded = upTo(depth + 1);
      measure(root);
      if (root.bw * 0.8 > w - 60 || root.bh * 0.8 > h * 1.6) break;
      chosen = state.expanded;
      depth += 1;
    }
    state.expanded = saved;
    return chosen;
  }

  // ------------------------------------------------------------------------------------------ layout
  /**
   * Sizes each visible block bottom-up. A unit lays its children out
   *  - in a column ("stack", indented under it, joined by a spine on the left) when they are all leaves,
   *    or when it sits ROW_DEPTH or more levels below the organization (deep levels grow down, not sideways);
   *  - else in a row under a bus line, its leaf children (two or more) gathered in one column first.
   */
  function measure(d, top = d.depth) {
    d.w0 = d.depth === 0 ? ROOT_W : BOX_W;
    const kids = visibleKids(d);
    if (!kids.length) {
      d.mode = "leaf";
      d.bw = d.w0;
      d.bh = BOX_H;
      return;
    }
    kids.forEach((k) => measure(k, top));
    const leaves = kids.filter((k) => !hasChildren(k));
    const stackHeight = (n) => n * BOX_H + (n - 1) * STACK_GAP;
    if ((leaves.length === kids.length && kids.length >= 2) || d.depth - top >= ROW_DEPTH) {
      d.mode = "stack";
      d.bw = Math.max(d.w0, INDENT + Math.max(...kids.map((k) => k.bw)));
      d.bh = BOX_H + STACK_TOP + kids.reduce((sum, k) => sum + k.bh, 0) + STACK_GAP * (kids.length - 1);
      return;
    }
    d.mode = "row";
    const columns = [];
    if (leaves.length >= 2) {
      columns.push({ type: "stack", items: leaves, bw: INDENT + BOX_W, bh: stackHeight(leaves.length) });
      for (const k of kids) if (hasChildren(k)) columns.push({ type: "node", node: k, bw: k.bw, bh: k.bh });
    } else {
      for (const k of kids) columns.push({ type: "node", node: k, bw: k.bw, bh: k.bh });
    }
    d.columns = columns;
    d.cw = columns.reduce((s, c) => s + c.bw, 0) + H_GAP * (columns.length - 1);
    d.bw = Math.max(d.w0, d.cw);
    d.bh = BOX_H + V_GAP + Math.max(...columns.map((c) => c.bh));
  }

  /** Places a measured block with its left edge at `left`, top at `top`; records visiting order and links. */
  function place(d, left, top, out) {
    d.y = top;
    out.order.push(d);
    if (d.mode === "leaf") {
      d.x = left + (d.bw - d.w0) / 2;
      return;
    }
    const kids = visibleKids(d);
    if (d.mode === "stack") {
      d.x = left;
      const spine = left + INDENT / 2;
      let y = top + BOX_H + STACK_TOP;
      for (const k of kids) {
        place(k, left + INDENT, y, out);
        out.links.push({ id: idOf(k), path: `M${spine},${top + BOX_H}V${y + BOX_H / 2}H${k.x}` });
        y += k.bh + STACK_GAP;
      }
      return;
    }
    const childTop = top + BOX_H + V_GAP;
    let x = left + (d.bw - d.cw) / 2;
    const anchors = [];
    const pending = [];
    // Place the parent after its children (it is centred over them), but keep it first in the visiting order.
    for (const column of d.columns) {
      if (column.type === "node") {
        const k = column.node;
        place(k, x, childTop, out);
        const cx = k.x + k.w0 / 2;
        anchors.push(cx);
        pending.push({ id: idOf(k), to: `H${cx}V${childTop}` });
      } else {
        const spine = x + INDENT / 2;
        anchors.push(spine);
        let y = childTop;
        for (const k of column.items) {
          place(k, x + INDENT, y, out);
          pending.push({ id: idOf(k), to: `H${spine}V${y + BOX_H / 2}H${x + INDENT}` });
          y += BOX_H + STACK_GAP;
        }
      }
      x += column.bw + H_GAP;
    }
    const mid = (anchors[0] + anchors[anchors.length - 1]) / 2;
    d.x = Math.min(Math.max(mid - d.w0 / 2, left), left + d.bw - d.w0);
    const px = d.x + d.w0 / 2;
    const bus = top + BOX_H + V_GAP / 2;
    for (const p of pending) out.links.push({ id: p.id, path: `M${px},${top + BOX_H}V${bus}${p.to}` });
  }

  /** The top of what is drawn: the focused unit, or the organization. */
  const viewRoot = () => (state.focusId && state.byId.get(state.focusId)) || state.root;

  function layout() {
    const top = viewRoot();
    measure(top);
    const out = { order: [], links: [] };
    place(top, 0, 0, out);
    state.visible = out.order;
    return out;
  }

  const center = (d) => [d.x + d.w0 / 2, d.y + BOX_H / 2];

  /** The nearest shown node for an id: itself, or the collapsed ancestor that hides it. */
  function shownProxy(id) {
    const d = state.byId.get(id);
    if (!d) return null;
    const path = d.ancestors().reverse();
    const start = path.indexOf(viewRoot());
    if (start < 0) return null; // outside the focus view
    for (let i = start; i < path.length - 1; i++) {
      if (!state.expanded.has(idOf(path[i]))) return path[i];
    }
    return d;
  }

  function edgePoint(d, tx, ty) {
    const [cx, cy] = center(d);
    const dx = tx - cx;
    const dy = ty - cy;
    const s = Math.min(d.w0 / 2 / Math.max(Math.abs(dx), 1e-6), BOX_H / 2 / Math.max(Math.abs(dy), 1e-6));
    return [cx + dx * s, cy + dy * s];
  }

  /** How many sample points of a quadratic curve fall inside shown boxes other than its ends. */
  function boxesCrossed(ax, ay, qx, qy, bx, by, a, b) {
    let hits = 0;
    for (let t = 0.08; t < 0.95; t += 0.04) {
      const u = 1 - t;
      const x = u * u * ax + 2 * u * t * qx + t * t * bx;
      const y = u * u * ay + 2 * u * t * qy + t * t * by;
      for (const d of state.visible) {
        if (d === a || d === b) continue;
        if (x > d.x - 6 && x < d.x + d.w0 + 6 && y > d.y - 6 && y < d.y + BOX_H + 6) hits += 1;
      }
    }
    return hits;
  }

  /** The dashed lines to draw: the selected unit's (from or to it), or every unit's when asked for. */
  function shownLines() {
    const sel = state.selectedId;
    return (state.chart.lines || []).filter((l) => state.allLines || (sel && (l.from === sel || l.to === sel)));
  }

  function overlayPaths() {
    const out = [];
    const seen = new Set();
    for (const line of shownLines()) {
      const a = shownProxy(line.from);
      const b = shownProxy(line.to);
      if (!a || !b || a === b) continue;
      const key = `${idOf(a)}|${idOf(b)}|${line.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [ax, ay] = center(a);
      const [bx, by] = center(b);
      const mx = (ax + bx) / 2;
      const my = (ay + by) / 2;
      const len = Math.hypot(bx - ax, by - ay) || 1;
      // Of a few bends (either side, shallow or deep), take the one that crosses the fewest boxes.
      let best = null;
      for (const factor of [0.22, -0.22, 0.45, -0.45, 0.7, -0.7]) {
        const bend = Math.sign(factor) * Math.min(Math.max(len * Math.abs(factor), 40), 260);
        const qx = mx + ((by - ay) / len) * bend;
        const qy = my - ((bx - ax) / len) * bend;
        const cost = boxesCrossed(ax, ay, qx, qy, bx, by, a, b);
        if (!best || cost < best.cost) best = { qx, qy, cost };
        if (cost === 0) break;
      }
      const { qx, qy } = best;
      const [sx, sy] = edgePoint(a, qx, qy);
      const [ex, ey] = edgePoint(b, qx, qy);
      const names = `${state.byId.get(line.from).data.name} → ${state.byId.get(line.to).data.name}`;
      out.push({
        key,
        kind: line.kind,
        proxied: a !== state.byId.get(line.from) || b !== state.byId.get(line.to),
        path: `M${sx},${sy}Q${qx},${qy} ${ex},${ey}`,
        title: `Línea ${lineLabel(line.kind).toLowerCase()}: ${names}`,
      });
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------ chart drawing
  function setupChart() {
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
  const animated = (duration) => (duration ? svg.transition().duration(duration) : svg);

  function chartSize() {
    const rect = svg.node().getBoundingClientRect();
    return [rect.width || 800, rect.height || 600];
  }

  /** Renders the visible tree; `anchorId` keeps that node at the same place on screen. */
  function render(anchorId) {
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

  function drawOverlays() {
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

  // ------------------------------------------------------------------------------------------ minimap
  const MINIMAP_W = 180;
  const MINIMAP_H = 120;
  let minimap = null; // { svg, nodes, view }

  function setupMinimap() {
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
  function drawMinimap() {
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

  function updateMinimapView(t) {
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
  function setFocus(id, { duration = MOTION } = {}) {
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

  const inView = (id) => {
    const d = state.byId.get(id);
    return Boolean(d && d.ancestors().includes(viewRoot()));
  };

  function renderBreadcrumb() {
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

  const nodeElement = (id) => nodeLayer && nodeLayer.node().querySelector(`g.node[data-id="${CSS.escape(id)}"]`);

  // ------------------------------------------------------------------------------------------ view
  function boundsOf(nodes) {
    const xs = nodes.map((d) => d.x);
    const ys = nodes.map((d) => d.y);
    const x0 = Math.min(...xs);
    const y0 = Math.min(...ys);
    const x1 = Math.max(...nodes.map((d) => d.x + d.w0));
    const y1 = Math.max(...ys) + BOX_H + 12; // the +/− toggle hangs below the box
    return [x0, y0, x1, y1];
  }

  // The chart's edges under its overlays: info line and controls on top, legend at the bottom.
  const VIEW_TOP = 60;
  const VIEW_BOTTOM = 80;
  const VIEW_SIDE = 24;

  function zoomTo(nodes, { maxScale = 1, minScale = 0.12, duration = MOTION } = {}) {
    if (!nodes.length) return;
    const [w, h] = chartSize();
    const [x0, y0, x1, y1] = boundsOf(nodes);
    const room = h - VIEW_TOP - VIEW_BOTTOM;
    const k = Math.max(minScale, Math.min(maxScale, (w - 2 * VIEW_SIDE) / (x1 - x0), room / (y1 - y0)));
    const tx = w / 2 - ((x0 + x1) / 2) * k;
    // Short charts sit near the top, tall ones are centred in the room left by the overlays.
    const ty = (y1 - y0) * k < room ? VIEW_TOP + 6 - y0 * k : VIEW_TOP + room / 2 - ((y0 + y1) / 2) * k;
    const target = d3.zoomIdentity.translate(tx, ty).scale(k);
    animated(duration).call(zoom.transform, target);
  }

  function fit(duration = MOTION) {
    zoomTo(state.visible, { maxScale: 1, duration });
  }

  function resetView(duration = MOTION) {
    if (!state.root) return;
    const [w] = chartSize();
    const r = viewRoot();
    const target = d3.zoomIdentity.translate(w / 2 - (r.x + r.w0 / 2), VIEW_TOP + 6 - r.y);
    animated(duration).call(zoom.transform, target);
  }

  /** The initial view: everything when it is readable, else the top of the chart at a readable scale. */
  function initialView() {
    const [w, h] = chartSize();
    const [x0, y0, x1, y1] = boundsOf(state.visible);
    const k = Math.min(1, (w - 2 * VIEW_SIDE) / (x1 - x0), (h - VIEW_TOP - VIEW_BOTTOM) / (y1 - y0));
    if (k >= 0.72) zoomTo(state.visible, { duration: 0 });
    else {
      const scale = Math.max(k, 0.72);
      const r = viewRoot();
      const target = d3.zoomIdentity.translate(w / 2 - (r.x + r.w0 / 2) * scale, VIEW_TOP + 6 - r.y * scale).scale(scale);
      svg.call(zoom.transform, target);
    }
  }

  function centerOn(id, { duration = MOTION } = {}) {
    const d = state.byId.get(id);
    if (!d || d.x == null) return;
    const [w, h] = chartSize();
    const t = d3.zoomTransform(svg.node());
    const k = Math.min(Math.max(t.k, 0.85), 1.25);
    const [cx, cy] = center(d);
    const target = d3.zoomIdentity.translate(w / 2 - cx * k, h / 2 - cy * k).scale(k);
    animated(duration).call(zoom.transform, target);
  }

  function ensureVisible(d) {
    if (d.x == null) return;
    const [w, h] = chartSize();
    const t = d3.zoomTransform(svg.node());
    const left = t.applyX(d.x);
    const right = t.applyX(d.x + d.w0);
    const top = t.applyY(d.y);
    const bottom = t.applyY(d.y + BOX_H + 12);
    let dx = 0;
    let dy = 0;
    if (left < VIEW_SIDE) dx = VIEW_SIDE - left;
    else if (right > w - VIEW_SIDE) dx = w - VIEW_SIDE - right;
    if (top < VIEW_TOP) dy = VIEW_TOP - top;
    else if (bottom > h - VIEW_BOTTOM) dy = h - VIEW_BOTTOM - bottom;
    if (dx || dy) animated(MOTION / 2).call(zoom.transform, d3.zoomIdentity.translate(t.x + dx, t.y + dy).scale(t.k));
  }

  // ------------------------------------------------------------------------------------------ interaction
  function toggleNode(id, expand) {
    const d = state.byId.get(id);
    if (!d || !hasChildren(d)) return;
    const open = expand === undefined ? !isExpanded(d) : expand;
    if (open) state.expanded.add(id);
    else state.expanded.delete(id);
    render(id);
    if (open) revealSubtree(d);
  }

  /** After expanding: pan (never zoom) so that the new children show, keeping the unit itself in view. */
  function revealSubtree(d) {
    const shown = d.descendants().filter((x) => x.x != null && state.visible.includes(x));
    const [w, h] = chartSize();
    const t = d3.zoomTransform(svg.node());
    const [x0, y0, x1, y1] = boundsOf(shown);
    const top = VIEW_TOP;
    const bottom = h - VIEW_BOTTOM;
    const left = VIEW_SIDE;
    const right = w - VIEW_SIDE;
    const sx0 = t.applyX(x0);
    const sx1 = t.applyX(x1);
    const sy0 = t.applyY(y0);
    const sy1 = t.applyY(y1);
    let dx = 0;
    let dy = 0;
    if (sx1 - sx0 <= right - left) {
      if (sx0 < left) dx = left - sx0;
      else if (sx1 > right) dx = right - sx1;
    } else {
      dx = (left + right) / 2 - t.applyX(d.x + d.w0 / 2);
    }
    if (sy1 - sy0 <= bottom - top) {
      if (sy0 < top) dy = top - sy0;
      else if (sy1 > bottom) dy = bottom - sy1;
    } else {
      dy = top - sy0;
    }
    if (dx || dy) {
      const target = d3.zoomIdentity.translate(t.x + dx, t.y + dy).scale(t.k);
      animated(MOTION).call(zoom.transform, target);
    }
  }

  function expandTo(id) {
    const d = state.byId.get(id);
    if (!d) return false;
    for (const a of d.ancestors().slice(1)) state.expanded.add(idOf(a));
    return true;
  }

  function focusNode(id) {
    const el = nodeElement(id);
    if (el) el.focus({ preventScroll: true });
    const d = state.byId.get(id);
    if (d) ensureVisible(d);
  }

  function onNodeKey(event, d) {
    const id = idOf(d);
    const index = state.visible.indexOf(d);
    switch (event.key) {
      case "Enter":
      case " ":
        event.preventDefault();
        navigate(() => selectUnit(id, { focusPanel: true }));
        break;
      case "ArrowRight":
        event.preventDefault();
        if (hasChildren(d) && !isExpanded(d)) toggleNode(id, true);
        else if (isExpanded(d)) focusNode(idOf(d.children[0]));
        break;
      case "ArrowLeft":
        event.preventDefault();
        if (isExpanded(d)) toggleNode(id, false);
        else if (d.parent && state.visible.includes(d.parent)) focusNode(idOf(d.parent));
        break;
      case "ArrowDown":
        event.preventDefault();
        if (index < state.visible.length - 1) focusNode(idOf(state.visible[index + 1]));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (index > 0) focusNode(idOf(state.visible[index - 1]));
        break;
      case "Home":
        event.preventDefault();
        focusNode(idOf(state.visible[0]));
        break;
      case "End":
        event.preventDefault();
        focusNode(idOf(state.visible[state.visible.length - 1]));
        break;
      case "+":
        event.preventDefault();
        toggleNode(id, true);
        break;
      case "f":
      case "F":
        event.preventDefault();
        if (hasChildren(d)) navigate(() => setFocus(state.focusId === id ? null : id));
        break;
      case "-":
        event.preventDefault();
        toggleNode(id, false);
        break;
      default:
    }
  }

  // ------------------------------------------------------------------------------------------ organizations
  async function loadOrganizations() {
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

  async function loadOrg(orgId, { view = true } = {}) {
    if (orgId === state.orgId && state.root) return;
    $("#chart").setAttribute("aria-busy", "true");
    try {
      const data = await api("/orgchart", { root: orgId });
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
  async function orgOfUnit(id) {
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
  async function revealUnit(id, { select = true, focusPanel = false, duration = MOTION } = {}) {
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
  async function navigate(fn) {
    state.pushUrl = true;
    try {
      return await fn();
    } finally {
      state.pushUrl = false;
    }
  }

  function updateUrl() {
    const q = (key, value) => `${key}=${encodeURIComponent(value).replace(/%2F/gi, "/")}`;
    const parts = [];
    if (state.selectedId && !state.orgById.has(state.selectedId)) parts.push(q("unit", state.selectedId));
    else if (state.orgId) parts.push(q("org", state.orgId));
    if (state.focusId) parts.push(q("focus", state.focusId));
    if (state.whoQuery) parts.push(q("who", state.whoQuery));
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
  async function restoreFromUrl() {
    state.pushUrl = false;
    const params = new URLSearchParams(window.location.search);
    const unit = params.get("unit");
    const org = params.get("org");
    const who = params.get("who");
    const focus = params.get("focus");
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
  }

  // ------------------------------------------------------------------------------------------ panel
  function section(id, title, body, extra = {}) {
    const headingId = `h-${id}`;
    return h(
      "section",
      { class: "panel-section", "aria-labelledby": headingId, id: `sec-${id}`, ...extra },
      h("h3", { id: headingId }, title),
      body,
    );
  }

  const loading = (tag = "li") => h(tag, { class: "loading" }, "Cargando…");
  const empty = (text, tag = "li") => h(tag, { class: "empty" }, text);
  const failed = (err, tag = "li") =>
    h(tag, { class: "error", title: err && err.detail ? err.detail : null }, "No disponible: " + (err && err.message ? err.message : err));

  function unitButton(ref, extraClass = "") {
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

  function sourceNote(document, start, end, extra, pageStart, pageEnd) {
    if (!document && start == null) return null;
    return h(
      "span",
      { class: "source", title: document ? docTitle(document) : null },
      [document ? docShort(document) : null, lines(start, end, pageStart, pageEnd), extra].filter(Boolean).join(" · "),
    );
  }

  async function selectUnit(id, { focusPanel = false } = {}) {
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

  function renderChain(sup) {
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
  function renderDetail(id, det, sup) {
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

  function renderInstruments(ins) {
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

  function renderHistory(hist) {
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

  const amendedWord = (kind, provKind) => (AMENDMENT_VERBS[kind] ? AMENDMENT_VERBS[kind] + (FEMININE.has(provKind) ? "a" : "o") : kind);

  /**
   * Powers grouped by basis. They come in pages of POWERS_FETCH (one request for almost every unit) and
   * show POWERS_PAGE at a time per group; "show more" reveals the next ones, fetching another page if needed.
   */
  function renderPowers(id, current, instruments) {
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

  // ------------------------------------------------------------------------------------------ citations
  /** How a provision is cited: "Art. 48, fracc. I"; a manual's function: "Numeral 7.1.2, función 1". */
  const CITE_KINDS = {
    articulo: "Art.", fraccion: "fracc.", inciso: "inciso", parrafo: "párr.", numeral: "numeral", apartado: "apartado",
    transitorio: "Transitorio", seccion_manual: "numeral", funcion: "función", marco_juridico: "Marco Jurídico, punto",
    politica: "política", referencia: "referencia",
  };
  const FEMININE = new Set(["fraccion", "funcion", "seccion_manual", "politica", "referencia"]);
  const AMENDMENT_VERBS = { added: "adicionad", modified: "reformad", derogated: "derogad", relocated: "reubicad", clarified: "aclarad" };
  const AUTHORITIES = { DOF: "el Diario Oficial de la Federación", JG: "la Junta de Gobierno" };
  const capitalize = (text) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : text);

  const citeStep = (step) => `${CITE_KINDS[step.kind]} ${step.kind === "inciso" ? step.number + ")" : step.number}`;

  function citeLabel(prov) {
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
  function citation(prov, doc) {
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

  // ------------------------------------------------------------------------------------------ search
  let searchTimer = null;

  function setupSearch() {
    const input = $("#search-input");
    const list = $("#search-results");
    input.addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => runSearch(input.value), 180);
    });
    input.addEventListener("keydown", async (event) => {
      const n = state.searchItems.length;
      if (event.key === "ArrowDown" && n) {
        event.preventDefault();
        setActive((state.searchActive + 1) % n);
      } else if (event.key === "ArrowUp" && n) {
        event.preventDefault();
        setActive((state.searchActive - 1 + n) % n);
      } else if (event.key === "Enter") {
        event.preventDefault();
        clearTimeout(searchTimer);
        if (!n || list.hidden) await runSearch(input.value);
        const item = state.searchItems[Math.max(state.searchActive, 0)];
        if (item) chooseResult(item);
      } else if (event.key === "Escape") {
        closeResults();
      }
    });
    input.addEventListener("blur", () => setTimeout(closeResults, 150));
    input.addEventListener("focus", () => state.searchItems.length && input.value.trim() && openResults());
  }

  /** The unit search box asks the API's one search engine (GET /search), completing the word being typed. */
  async function runSearch(text) {
    const q = text.trim();
    const token = ++state.searchToken;
    if (q.length < 2) {
      state.searchItems = [];
      closeResults();
      return;
    }
    let page;
    try {
      page = await api("/search", { q, type: "unit", prefix: "true", limit: 12 });
    } catch (err) {
      if (token !== state.searchToken) return;
      if (err.status !== 400) {
        showError(err, "Búsqueda");
        return;
      }
      page = { items: [], total: 0 }; // only stop words so far ("de la"): nothing to look for yet
    }
    if (token !== state.searchToken) return;
    showResults(q, page);
  }

  function showResults(q, page) {
    const list = $("#search-results");
    state.searchItems = page.items;
    state.searchActive = -1;
    const terms = fold(q).split(/[^a-z0-9ñ]+/).filter((t) => t.length > 1);
    list.replaceChildren(
      ...(page.items.length
        ? page.items.map((item, i) => searchOption(item, i, terms))
        : [h("li", { class: "search-empty", role: "option", "aria-disabled": "true" }, `Ninguna unidad coincide con «${q}».`)]),
    );
    if (page.total > page.items.length) {
      list.append(h("li", { class: "search-more", role: "presentation" }, `${page.total - page.items.length} más: precisa la búsqueda.`));
    }
    openResults();
  }

  function searchOption(item, i, terms) {
    const org = state.orgById.get(item.organization);
    const matches = (name) => terms.some((t) => fold(name).split(/[^a-z0-9ñ]+/).some((w) => w.startsWith(t)));
    const alias = !matches(item.title) ? (item.aliases || []).find(matches) : null;
    return h(
      "li",
      {
        role: "option",
        id: `search-option-${i}`,
        class: "search-option",
        "data-id": item.id,
        "aria-selected": "false",
        onmousedown: (event) => event.preventDefault(),
        onclick: () => chooseResult(item),
      },
      h("span", { class: "opt-name" }, marked(item.title, terms)),
      h(
        "span",
        { class: "opt-meta" },
        [kindLabel(item.kind), org ? org.organization.acronym || org.organization.name : item.organization].join(" · "),
      ),
      alias ? h("span", { class: "opt-alias" }, "antes: ", marked(alias, terms)) : null,
    );
  }

  /** The text with the beginnings of words that start with a search term in <mark> (accents ignored). */
  function marked(text, terms) {
    const out = [];
    let last = 0;
    for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const word = fold(match[0]);
      const term = terms.filter((t) => word.startsWith(t)).sort((a, b) => b.length - a.length)[0];
      if (!term) continue;
      out.push(text.slice(last, match.index), h("mark", {}, match[0].slice(0, term.length)));
      last = match.index + term.length;
    }
    out.push(text.slice(last));
    return out;
  }

  function openResults() {
    $("#search-results").hidden = false;
    $("#search-input").setAttribute("aria-expanded", "true");
  }

  function closeResults() {
    $("#search-results").hidden = true;
    $("#search-input").setAttribute("aria-expanded", "false");
    $("#search-input").removeAttribute("aria-activedescendant");
  }

  function setActive(index) {
    state.searchActive = index;
    const options = [...$("#search-results").querySelectorAll(".search-option")];
    options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
    if (options[index]) {
      $("#search-input").setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }
  }

  function chooseResult(item) {
    closeResults();
    state.unitOrg.set(item.id, item.organization);
    navigate(() => revealUnit(item.id, { focusPanel: true })).catch((err) => showError(err));
  }

  // ------------------------------------------------------------------------------------------ who may
  function setupWhoMay() {
    $("#who-may-form").addEventListener("submit", (event) => {
      event.preventDefault();
      // An empty question goes to the API too: its 400 says what to ask.
      navigate(() => runWhoMay($("#who-may-input").value.trim()));
    });
  }

  function clearHolders() {
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
  async function runWhoMay(q) {
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

  // ------------------------------------------------------------------------------------------ start
  async function start() {
    setupChart();
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
    const params = new URLSearchParams(window.location.search);
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
    await setUpUpload();
    document.body.dataset.ready = "true";
  }

  // ------------------------------------------------------------------------------------------ upload
  // POST /documents when the server has a write token: the user gives the file and the token (never
  // stored), and sees the reading report's figures, or the refusal with its reason.
  async function setUpUpload() {
    let health;
    try {
      health = await api("/health", {}, { cached: false });
    } catch (err) {
      return; // the page works without it
    }
    if (!health.uploads) return;
    const button = $("#upload-button");
    const dialog = $("#upload-dialog");
    const status = $("#upload-status");
    button.hidden = false;
    button.addEventListener("click", () => {
      status.textContent = "";
      delete status.dataset.state;
      dialog.showModal();
    });
    $("#upload-cancel").addEventListener("click", () => dialog.close());
    $("#upload-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const file = $("#upload-file").files[0];
      if (!file) return;
      const form = new FormData();
      form.append("file", file, file.name);
      if ($("#upload-replace").checked) form.append("replace", "true");
      status.dataset.state = "busy";
      status.textContent = `Leyendo ${file.name}…`;
      $("#upload-submit").disabled = true;
      try {
        const response = await fetch("/documents", {
          method: "POST",
          body: form,
          headers: { Authorization: "Bearer " + $("#upload-token").value.trim(), Accept: "application/json" },
        });
        const body = await response.json().catch(() => null);
        if (!response.ok) {
          const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
          const hint =
            response.status === 409 ? " Marca «Reemplazar» si el archivo nuevo es el correcto." :
            response.status === 401 ? " Revisa la credencial." : "";
          status.dataset.state = "error";
          status.textContent = `No se cargó: ${message}${hint}`;
          return;
        }
        const doc = body.document;
        const reading = doc.reading || {};
        cache.clear();
        await loadOrganizations();
        if (doc.organization && state.orgById.has(doc.organization)) {
          state.orgId = null; // reload it even if it is the one on screen
          await loadOrg(doc.organization);
        }
        // "done" once the new organization is on screen (the tests wait for it)
        status.dataset.state = "done";
        status.textContent =
          `Cargado: ${doc.title} — ${plural(reading.units || 0, "unidad", "unidades")}, ` +
          `${plural(reading.powers || 0, "atribución", "atribuciones")}, ${plural(body.reading_notes.length, "nota", "notas")}.`;
      } catch (err) {
        status.dataset.state = "error";
        status.textContent = "No se pudo contactar al servidor: " + err.message;
      } finally {
        $("#upload-submit").disabled = false;
      }
    });
  }

  function resetPanel() {
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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
