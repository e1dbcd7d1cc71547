/* Small helpers for the page: h() builds elements from data, labels and dates said in Spanish, a
 * document's short names, the error toast, and text measured and wrapped to fit a box. */
import { KIND_LABELS, KIND_COLORS, LINE_LABELS } from "./constants.js";
import { state, $ } from "./state.js";
import { ApiError } from "./api.js";

/** h("a", {href, class: "x", onclick}, "text", child…): elements from data, never from HTML strings. */
export function h(tag, attrs, ...children) {
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

export const kindLabel = (kind) => {
  if (!kind) return "Unidad";
  return KIND_LABELS[kind] || kind.charAt(0).toUpperCase() + kind.slice(1).replace(/[-_]/g, " ");
};
export const kindColor = (kind) => KIND_COLORS[kind] || "#64748b";
export const lineLabel = (kind) => LINE_LABELS[kind] || (kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : "Otra");
export const lineClass = (kind) => (["normative", "functional", "operational"].includes(kind) ? kind : "operational");
const lineRange = (a, b) => (a == null ? "" : b == null || b === a ? `línea ${a}` : `líneas ${a}–${b}`);
/** "p. 12 · líneas 340–345" when the source is a PDF (its pages), else the lines alone. */
export const lines = (a, b, pa, pb) =>
  [pa == null ? "" : pb == null || pb === pa ? `p. ${pa}` : `pp. ${pa}–${pb}`, lineRange(a, b)].filter(Boolean).join(" · ");
export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
export const fold = (s) => (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
export const docTitle = (id, title) => title || state.docTitles.get(id) || id;
/** "Estatuto Orgánico de Servicios de Salud …" → "Estatuto Orgánico"; "Manual de Organización de la …" → "Manual de Organización". */
export function docLabel(id, title) {
  const chunks = docTitle(id, title).split(/\s+de\s+/);
  let label = chunks[0];
  for (let i = 1; i < chunks.length && label.split(/\s+/).length < 2; i++) label += " de " + chunks[i];
  return label;
}
const docAcronym = (id) => {
  const org = state.orgById.get((id || "").split("/")[0]);
  return org ? org.organization.acronym : null;
};
export function docShort(id, title) {
  const acronym = docAcronym(id);
  return docLabel(id, title) + (acronym ? ` (${acronym})` : "");
}
/** As a lawyer cites it: "Estatuto Orgánico de IMSS-BIENESTAR". */
export function docCitation(id, title) {
  const label = docLabel(id, title);
  const acronym = docAcronym(id);
  return acronym && !label.includes(acronym) ? `${label} de ${acronym}` : label;
}
export const PROVISION_KINDS = {
  articulo: "artículo", fraccion: "fracción", funcion: "función", parrafo: "párrafo", inciso: "inciso",
  marco_juridico: "marco jurídico", numeral: "numeral", apartado: "apartado", seccion_manual: "sección",
};
export const BASIS_SOURCES = {
  structure: "por la estructura orgánica",
  governing_bodies: "por los órganos de gobierno",
  functions_numbering: "por la numeración de funciones",
  text: "por el texto",
  organization: "por pertenecer a la organización",
};
/** A provision id without its document's prefix. */
export const provShort = (provId, docId) => (docId && provId.startsWith(docId + "/") ? provId.slice(docId.length + 1) : provId);

export function formatDate(value, precision) {
  if (!value) return "";
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, (m || 1) - 1, d || 1));
  const options = { timeZone: "UTC", year: "numeric" };
  if (precision !== "year") options.month = "long";
  if (precision !== "year" && precision !== "month") options.day = "numeric";
  return new Intl.DateTimeFormat("es-MX", options).format(date);
}

let toastTimer = null;
export function showError(err, context) {
  const message = err instanceof ApiError ? err.message : String(err && err.message ? err.message : err);
  const toast = $("#toast");
  toast.textContent = (context ? context + ": " : "") + message;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 8000);
  if (!(err instanceof ApiError)) console.error(err);
}

const measureCtx = document.createElement("canvas").getContext("2d");

function textWidth(text, font) {
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

export function wrap(text, font, maxWidth, maxLines) {
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
