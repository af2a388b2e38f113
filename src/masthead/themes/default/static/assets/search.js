// The search page: Pagefind's own search library (pagefind.js, served from /pagefind/),
// results drawn with plain DOM calls. Without JavaScript the form still submits ?q=… here.
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const filterBox = document.getElementById("search-filters");
const order = document.getElementById("search-sort");
// A news archive lists matches newest first by default; "Best match" is Pagefind's relevance.
const SORTS = { newest: { published: "desc" }, relevance: undefined };
const FILTER_LABELS = { year: "Year", outlet: "Outlet" };
const LIMIT = 30;

function element(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function selectedFilters() {
  const chosen = {};
  for (const box of filterBox.querySelectorAll("input:checked")) {
    (chosen[box.name] ??= { any: [] }).any.push(box.value);
  }
  return chosen;
}

function drawFilters(available, params) {
  for (const name of Object.keys(FILTER_LABELS)) {
    const values = Object.keys(available[name] || {});
    if (!values.length) continue;
    values.sort(name === "year" ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b));
    const wanted = new Set(params.getAll(name));
    // Each filter folds away (a long outlet list would push the results off a phone's screen);
    // the years, and any filter already chosen, start open.
    const fieldset = element("fieldset", {}, [element("legend", { className: "visually-hidden", textContent: FILTER_LABELS[name] })]);
    const details = element("details", { className: "search-filter", open: name === "year" || wanted.size > 0 }, [
      element("summary", { textContent: `${FILTER_LABELS[name]} (${values.length})` }), fieldset,
    ]);
    values.forEach((value, index) => {
      const id = `filter-${name}-${index}`;
      const box = element("input", { type: "checkbox", name, value, id, checked: wanted.has(value) });
      fieldset.append(element("span", { className: "search-filter__option" }, [
        box, element("label", { htmlFor: id, textContent: `${value} (${available[name][value]})` }),
      ]));
    });
    filterBox.append(details);
  }
}

function drawResult(data) {
  const excerpt = element("p", { className: "search-result__excerpt" });
  excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark> elements
  const meta = data.meta || {};
  return element("li", { className: "search-result" }, [
    element("h2", { className: "search-result__title" }, [element("a", { href: data.url, textContent: meta.title || data.url })]),
    element("p", { className: "meta", textContent: meta.date || "" }),
    element("p", { className: "search-result__teaser", textContent: meta.teaser || "" }),
    excerpt,
  ]);
}

function remember(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (order.value !== "newest") params.set("sort", order.value);
  for (const [name, { any }] of Object.entries(filters)) any.forEach((value) => params.append(name, value));
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function main() {
  let pagefind;
  try {
    pagefind = await import("/pagefind/pagefind.js");
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
  } catch (error) {
    status.textContent = "Search is not available on this copy of the site. Try the archive instead.";
    return;
  }
  const params = new URLSearchParams(location.search);
  drawFilters(await pagefind.filters(), params);
  input.value = params.get("q") || "";
  if (params.get("sort") in SORTS) order.value = params.get("sort");

  async function run() {
    const query = input.value.trim();
    const filters = selectedFilters();
    remember(query, filters);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const search = await pagefind.debouncedSearch(query || null, { filters, sort: SORTS[order.value] }, 120);
    if (search === null) return; // a newer search replaced this one
    const results = await Promise.all(search.results.slice(0, LIMIT).map((result) => result.data()));
    list.replaceChildren(...results.map(drawResult));
    const count = search.results.length;
    const what = query ? ` for “${query}”` : "";
    status.textContent = count
      ? `${count} briefing${count === 1 ? "" : "s"} found${what}${count > LIMIT ? `, the first ${LIMIT} shown` : ""}.`
      : `No briefings found${what}. Check the spelling, try fewer or other words, or browse the archive.`;
    status.dataset.state = count ? "results" : "empty";
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  input.addEventListener("input", run);
  filterBox.addEventListener("change", run);
  order.addEventListener("change", run);
  if (input.value || Object.keys(selectedFilters()).length) await run();
}

main();
