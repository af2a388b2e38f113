// The search page: Pagefind's own search library over the site's date buckets (one Pagefind index
// each, listed newest first in /pagefind/buckets.json), results drawn with plain DOM calls.
// Without JavaScript the form still submits ?q=… here. See docs/search-and-images.md.
import { bucketCounts, calibrated, nearMissBuckets } from "./search-merge.js";

const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const filterBox = document.getElementById("search-filters");
const order = document.getElementById("search-sort");
// A news archive lists matches newest first by default; "Best match" is Pagefind's relevance.
const SORTS = { newest: { published: "desc" }, relevance: undefined };
// The site's root is the folder above this script's: a site published under a path
// (https://user.github.io/project/) finds its index and links its results there.
const ROOT = new URL("../", import.meta.url);
const BASE = new URL("pagefind/", ROOT).href;
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

async function openIndex() {
  const listing = await (await fetch(`${BASE}buckets.json`)).json();
  const buckets = listing.buckets.map((bucket) => bucket.name);
  if (!buckets.length) return { buckets, sizes: {}, engine: null };
  const pagefind = await import(`${BASE}${buckets[0]}/pagefind.js`);
  // One engine, one WebAssembly module; each bucket merged in with a synthetic `bucket` filter,
  // so a search can be asked of one bucket and every search reports its matches per bucket.
  const engine = pagefind.createInstance({ basePath: `${BASE}${buckets[0]}/`, baseUrl: ROOT.pathname });
  await engine.options({ excerptLength: 24, mergeFilter: { bucket: buckets[0] } });
  await Promise.all(buckets.slice(1).map((name) => engine.mergeIndex(`${BASE}${name}/`, { baseUrl: ROOT.pathname, mergeFilter: { bucket: name } })));
  await engine.init();
  const sizes = Object.fromEntries(listing.buckets.map((bucket) => [bucket.name, bucket.pages]));
  return { buckets, sizes, engine };
}

// Every match of `query`, newest first (buckets are date ranges, so asking them one after
// another, newest first, and concatenating is exact) or best match first (scores made comparable
// across buckets), without the near misses a bucket returns for a word only other buckets have.
async function searchBuckets(index, query, filters, sort) {
  const { buckets, engine } = index;
  if (!engine) return { count: 0, results: [] };
  const options = { filters, sort: SORTS[sort] };
  const counts = bucketCounts(await engine.search(query || null, options));
  const hits = [];
  for (const name of buckets) {
    if (!counts[name]) continue;
    const found = await engine.search(query || null, { ...options, filters: { ...filters, bucket: name } });
    hits.push({ name, results: found.results });
  }
  const kept = query ? await nearMissBuckets(engine, query, hits) : hits;
  let results = kept.flatMap((hit) => hit.results.map((result) => ({ ...result, bucket: hit.name })));
  if (sort === "relevance" && query) results = await calibrated(engine, index.sizes, query, results);
  return { count: results.length, results };
}

async function main() {
  let index;
  try {
    index = await openIndex();
  } catch (error) {
    status.textContent = "Search is not available on this copy of the site. Try the archive instead.";
    return;
  }
  const params = new URLSearchParams(location.search);
  if (index.engine) drawFilters(await index.engine.filters(), params);
  input.value = params.get("q") || "";
  if (params.get("sort") in SORTS) order.value = params.get("sort");
  let latest = 0;

  async function run() {
    const query = input.value.trim();
    const filters = selectedFilters();
    const ticket = ++latest;
    remember(query, filters);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = "";
      delete status.dataset.state;
      return;
    }
    const search = await searchBuckets(index, query, filters, order.value);
    const results = await Promise.all(search.results.slice(0, LIMIT).map((result) => result.data()));
    if (ticket !== latest) return; // a newer search replaced this one
    list.replaceChildren(...results.map(drawResult));
    const count = search.count;
    const what = query ? ` for “${query}”` : "";
    status.textContent = count
      ? `${count} briefing${count === 1 ? "" : "s"} found${what}${count > LIMIT ? `, the first ${LIMIT} shown` : ""}.`
      : `No briefings found${what}. Check the spelling, try fewer or other words, or browse the archive.`;
    status.dataset.state = count ? "results" : "empty";
  }

  let pending = null;
  const soon = () => { clearTimeout(pending); pending = setTimeout(run, 120); }; // typing: wait for a pause
  form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(pending); run(); });
  input.addEventListener("input", soon);
  filterBox.addEventListener("change", run);
  order.addEventListener("change", run);
  if (input.value || Object.keys(selectedFilters()).length) await run();
}

main();
