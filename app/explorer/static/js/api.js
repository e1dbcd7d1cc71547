/* The JSON API client: GET with a cache per URL, failures as ApiError said in Spanish; the explorer's day
 * (state.at, the date control) goes with every question that can be asked for a day. */
import { state } from "./state.js";

/** An API failure, said in Spanish; the server's own (developer, English) message stays in `detail`. */
export class ApiError extends Error {
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
export const pathOf = (id) => id.split("/").map(encodeURIComponent).join("/");

export const cache = new Map();

// The routes that answer as the law stood on a day (?at=): the chart, the unit and its panel, search, who-may, /ask.
const DATED = /^\/(orgchart|units|who-may|search|ask|provisions|amendments|export)(\/|$)/;

export async function api(path, params = {}, { cached = true } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  if (state.at && DATED.test(url.pathname) && !("at" in params)) url.searchParams.set("at", state.at);
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
