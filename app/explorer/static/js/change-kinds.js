/* What a reform did to each unit, read from GET /documents/{id}/diff: one kind a unit (the strongest), for the
 * chart's colours, and every change a unit for the list. Imports nothing (tests run it under Node). */

/** The kinds, strongest first: a unit added and given powers is told as added. */
export const CHANGE_KINDS = ["removed", "added", "renamed", "moved", "powers"];

export const CHANGE_LABELS = {
  removed: "eliminada",
  added: "añadida",
  renamed: "renombrada",
  moved: "movida o con otras líneas",
  powers: "atribuciones o disposiciones cambiadas",
};

/** The kind of one change of the diff, as the chart colours it. */
export function kindOf(change) {
  if (change.subject === "unit") return change.change; // added, removed, renamed, moved
  if (change.subject === "line") return "moved";
  return "powers"; // a power added, removed or reworded; a provision added, modified or derogated
}

/**
 * unit id -> {kind, changes}: ``kind`` the strongest of its changes, ``changes`` all of them. A unit change
 * names its unit by ``id``; the others by the group they are in (the unit they concern).
 */
export function classify(diff) {
  const units = new Map();
  const add = (id, change) => {
    if (!id) return;
    if (!units.has(id)) units.set(id, { kind: null, changes: [] });
    const entry = units.get(id);
    entry.changes.push(change);
    const kind = kindOf(change);
    if (entry.kind === null || CHANGE_KINDS.indexOf(kind) < CHANGE_KINDS.indexOf(entry.kind)) entry.kind = kind;
  };
  for (const group of diff.groups || []) {
    for (const change of group.changes) {
      const unitId = change.subject === "unit" || change.subject === "line" ? change.id : group.unit && group.unit.id;
      add(unitId, change);
    }
  }
  return units;
}

/** One Spanish line a unit, of what changed: "renombrada (antes: Delegación) · 3 atribuciones añadidas". */
export function describe(entry) {
  const counts = new Map();
  const parts = [];
  for (const c of entry.changes) {
    if (c.subject === "unit" && c.change === "renamed") parts.push(`renombrada (antes: ${c.before})`);
    else if (c.subject === "unit" && c.change === "moved") parts.push(`movida (antes bajo ${c.before})`);
    else if (c.subject === "unit") parts.push(CHANGE_LABELS[c.change]);
    else counts.set(`${c.subject}:${c.change}`, (counts.get(`${c.subject}:${c.change}`) || 0) + 1);
  }
  for (const [key, n] of counts) parts.push(countLabel(key, n));
  return parts.join(" · ");
}

const COUNT_WORDS = {
  "power:added": ["atribución añadida", "atribuciones añadidas"],
  "power:removed": ["atribución suprimida", "atribuciones suprimidas"],
  "power:reworded": ["atribución reformada", "atribuciones reformadas"],
  "provision:added": ["disposición añadida", "disposiciones añadidas"],
  "provision:modified": ["disposición reformada", "disposiciones reformadas"],
  "provision:derogated": ["disposición derogada", "disposiciones derogadas"],
  "line:line_added": ["línea añadida", "líneas añadidas"],
  "line:line_removed": ["línea suprimida", "líneas suprimidas"],
};

function countLabel(key, n) {
  const [one, many] = COUNT_WORDS[key] || [key, key];
  return `${n} ${n === 1 ? one : many}`;
}
