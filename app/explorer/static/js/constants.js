/* The explorer's fixed numbers and words: box sizes of the layout, motion, and the Spanish labels of
 * unit kinds, lines, power bases, events and governance roles. Imports nothing. */
export const BOX_W = 224;
export const ROOT_W = 320;
export const BOX_H = 78;
export const H_GAP = 28; // between columns
export const V_GAP = 48; // between a parent and a row of children
export const INDENT = 28; // stacked children: indentation from the spine's column
export const STACK_GAP = 12; // between stacked boxes
export const STACK_TOP = 24; // between a parent and its first stacked child
export const ROW_DEPTH = 3; // units this deep (or deeper) stack their children
export const NAME_FONT = "600 12px " + fontStack();
export const NAME_LINE = 14;
export const PAD_X = 17;
export const POWERS_PAGE = 10;
export const POWERS_FETCH = 100;
export const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
export const MOTION = REDUCED_MOTION ? 0 : 420;

export const KIND_LABELS = {
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
export const KIND_COLORS = {
  junta: "#4338ca", consejo: "#4338ca", organo: "#4338ca",
  direccion: "#1d4ed8", secretaria: "#1d4ed8", prosecretaria: "#1d4ed8", subdireccion: "#1d4ed8",
  unidad: "#0369a1", jefatura: "#0369a1", delegacion: "#0369a1",
  coordinacion: "#0f766e", subdelegacion: "#0f766e", gerencia: "#0f766e",
  division: "#4d7c0f", departamento: "#4d7c0f", area: "#4d7c0f", oficina: "#4d7c0f",
};
export const LINE_LABELS = { hierarchical: "Jerárquica", normative: "Normativa", functional: "Funcional", operational: "Operativa" };
export const BASES = ["own", "class", "delegated", "retained"];
export const GENRES = { statute: "estatuto orgánico", manual: "manual de organización", regulation: "reglamento interior" };
export const BASIS_TITLES = {
  own: "Propias",
  class: "Comunes a su tipo de unidad",
  delegated: "Delegadas",
  retained: "Retenidas (las conserva aunque las delegó)",
};
export const BASIS_BADGES = { own: "propia", class: "por tipo de unidad", delegated: "delegada", retained: "retenida" };
/** How many of each basis, in words: [one, many]. */
export const BASIS_COUNTS = {
  own: ["propia", "propias"],
  class: ["común a su tipo de unidad", "comunes a su tipo de unidad"],
  delegated: ["delegada", "delegadas"],
  retained: ["retenida", "retenidas"],
};
export const EVENT_LABELS = {
  renamed: "Cambio de denominación",
  moved: "Readscripción",
  created: "Creación",
  restructured: "Reestructuración",
  abolished: "Supresión",
};
export const ROLE_LABELS = { subject: "unidad afectada", from: "origen", to: "destino" };
/** A governance relation, both ways: "Esta unidad nombra a X" and "X nombra a esta unidad". */
export const GOVERNANCE_VERBS = {
  APPOINTS: ["nombra a", "nombra a esta unidad"],
  REMOVES: ["remueve a", "remueve a esta unidad"],
  DESIGNATES: ["designa a", "designa a esta unidad"],
  PRESIDES: ["preside", "preside esta unidad"],
  MEMBER_OF: ["forma parte de", "forma parte de esta unidad"],
  SUBSTITUTES: ["suple a", "suple a esta unidad"],
  DELEGATES: ["delega facultades en", "delega facultades en esta unidad"],
};

function fontStack() {
  return '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';
}
