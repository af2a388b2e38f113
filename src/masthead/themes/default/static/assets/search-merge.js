// Merging the answers of the site's date buckets (search.js) into what one index would answer.
//
// - Near misses: a bucket that lacks a query word falls back to the longest prefix of it that it
//   has, so it returns pages one index over every post would not (that index has the word). Each
//   query word is asked of every bucket alone (see `answering`); buckets without it are dropped.
// - Best match: Pagefind scores each bucket with its own BM25 statistics (pages, pages with the
//   word). Scores are rescaled by the ratio of the words' inverse document frequencies over every
//   bucket to those inside the result's bucket, which makes them comparable.

const WORD = /[^\p{L}\p{N}]+/u;

export function words(text) {
  // Pagefind indexes "12,345" as one word, 12345; so do we.
  return text.toLocaleLowerCase().replace(/(\p{N})[,.](?=\p{N})/gu, "$1").split(WORD).filter(Boolean);
}

export function bucketCounts(search) {
  return (search.filters && search.filters.bucket) || {};
}

function commonPrefix(a, b) {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

// How much of `term` a page's words reach (a stem may end in "i" where the word has "y").
function reach(term, pageWords) {
  const forms = term.endsWith("y") ? [term, `${term.slice(0, -1)}i`] : [term];
  let best = 0;
  for (const word of pageWords) for (const form of forms) best = Math.max(best, commonPrefix(form, word));
  return best;
}

async function pageWords(result) {
  const data = await result.data();
  const meta = Object.values(data.meta || {}).join(" ");
  return words(`${data.content} ${meta}`);
}

// A page has a query word when it has a word starting with the query word's base: the word
// without one inflection ending (shipped → shipp, negotiations → negoti), as Pagefind matches
// stems by prefix. Not a stemmer: only how much of the word a page must share.
const ENDINGS = ["ations", "ation", "ings", "ions", "ing", "ion", "ies", "ied", "ers", "ed", "es", "er", "ly", "s", "y", "e"];

function base(term) {
  const ending = ENDINGS.find((end) => term.endsWith(end) && term.length - end.length >= 3);
  return ending ? term.slice(0, -ending.length) : term;
}

// Which buckets answer a query word as one index would: if some bucket has the word, one index
// has it and matches only it, so the buckets without it (which leave the word out or fall back
// to a shorter prefix) are near misses. If none has it, one index falls back as well: all stay.
async function answering(engine, term) {
  const counts = bucketCounts(await engine.search(term));
  const reached = await Promise.all(Object.entries(counts).filter(([, n]) => n > 0).map(async ([name]) => {
    const found = await engine.search(term, { filters: { bucket: name } });
    return [name, reach(term, await pageWords(found.results[0]))];
  }));
  const full = reached.filter(([, value]) => value >= base(term).length);
  return full.length ? new Set(full.map(([name]) => name)) : null;
}

export async function nearMissBuckets(engine, query, hits) {
  const terms = words(query);
  if (!terms.length || !hits.length) return hits;
  const sets = await Promise.all(terms.map((term) => answering(engine, term)));
  return hits.filter((hit) => sets.every((set) => set === null || set.has(hit.name)));
}

function idf(pages, containing) {
  return Math.log((pages - containing + 0.5) / (containing + 0.5) + 1);
}

export async function calibrated(engine, sizes, query, results) {
  const terms = words(query);
  const total = Object.values(sizes).reduce((sum, pages) => sum + pages, 0);
  const counts = await Promise.all(terms.map(async (term) => {
    const search = await engine.search(term);
    return (search.totalFilters && search.totalFilters.bucket) || {};
  }));
  const everywhere = counts.map((perBucket) => idf(total, Object.values(perBucket).reduce((sum, n) => sum + n, 0)));
  const weight = {};
  for (const name of Object.keys(sizes)) {
    const inside = counts.reduce((sum, perBucket) => sum + idf(sizes[name], perBucket[name] || 0), 0);
    const outside = everywhere.reduce((sum, value) => sum + value, 0);
    weight[name] = inside > 0 ? outside / inside : 1;
  }
  return results
    .map((result) => ({ ...result, score: result.score * weight[result.bucket] }))
    .sort((a, b) => b.score - a.score);
}
