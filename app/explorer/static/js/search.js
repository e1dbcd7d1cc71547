/* The unit search box: /search as the user types (the last word completed), a listbox of results
 * driven by the keyboard, the chosen unit revealed. */
import { state, $ } from "./state.js";
import { api } from "./api.js";
import { h, kindLabel, fold, showError } from "./dom.js";
import { revealUnit, navigate } from "./navigation.js";

let searchTimer = null;

export function setupSearch() {
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
