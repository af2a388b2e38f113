// Merging the answers of the site's date buckets (search.js) into what one index would answer.
//
// - Near misses: a bucket that lacks a query word falls back to the longest prefix of it that it
//   has, so it returns pages one index over every post would not (that index has the word). For
//   each bucket, the words its best result matched are compared with the query's: a bucket that
//   reaches less of a word than the best bucket does is dropped.
// - Best match: Pagefind scores each bucket with its own BM25 statistics (pages, pages with the
//   word). Scores are rescaled by the ratio of the words' inverse document frequencies over every
//   bucket to those inside the result's bucket, which makes them comparable.

const WORD = /[^\p{L}\p{N}]+/u;

export function words(text) {
  return text.toLocaleLowerCase().split(WORD).filter(Boolean);
}

export function bucketCounts(search) {
  return (search.filters && search.filters.bucket) || {};
}

function commonPrefix(a, b) {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

// How much of `term` the matched words reach; a stem may end in "i" where the word ends in "y"
// (country → countri), and inflections may differ in the last two letters (ties, tied → tie).
function reach(term, matched) {
  const forms = term.endsWith("y") ? [term, `${term.slice(0, -1)}i`] : [term];
  let best = 0;
  for (const word of matched) for (const form of forms) best = Math.max(best, commonPrefix(form, word));
  const enough = Math.max(Math.min(term.length, 4), term.length - 2);
  return Math.min(best, enough);
}

async function matchedWords(result) {
  const data = await result.data();
  const content = data.content.split(/[\r\n\s]+/g);
  return data.locations.flatMap((location) => words(content[location] || ""));
}

export async function nearMissBuckets(query, hits) {
  const terms = words(query);
  if (!terms.length || !hits.length) return hits;
  const reached = await Promise.all(hits.map(async (hit) => {
    const matched = await matchedWords(hit.results[0]);
    return terms.map((term) => reach(term, matched));
  }));
  const best = terms.map((_, index) => Math.max(...reached.map((row) => row[index])));
  return hits.filter((_, index) => reached[index].every((value, term) => value >= best[term]));
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
