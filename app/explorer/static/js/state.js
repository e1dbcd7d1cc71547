/* What the page shows now, in one object every module reads and changes; $ finds an element. */
export const state = {
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
  at: null, // the day the law is shown as of (YYYY-MM-DD; null: today), sent as ?at= (see api.js)
  changes: new Map(), // the "cambios" view: unit id -> what a reform did to it (see changes.js)
  changesQuery: null, // {document, from, to} of the cambios view shown
};

export const $ = (sel) => document.querySelector(sel);
