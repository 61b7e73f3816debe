// Bundled by tests/test_opendata_anchoring.py with esbuild into one script for the browser.
// Whole-document anchoring as clients of the Hypothesis lineage do it: they read a
// TextQuoteSelector and a TextPositionSelector over document.body and ignore `refinedBy`.
//  - textQuote, textPosition: the libraries the Hypothesis client grew from (npm).
//  - matchQuote: the Hypothesis client's quote matcher (src/annotator/anchoring/match-quote.ts,
//    BSD-2-Clause), built on its approx-string-match library: every approximate match of the
//    quote, scored by the quote (50), prefix (20), suffix (20) and position hint (2).
import search from "approx-string-match";
import * as textQuote from "dom-anchor-text-quote";
import * as textPosition from "dom-anchor-text-position";

function matches(text, str, maxErrors) {
  const exact = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) {
    exact.push({ start: at, end: at + str.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, str, maxErrors);
}

function similarity(text, str) {
  if (str.length === 0 || text.length === 0) return 0;
  return 1 - matches(text, str, str.length)[0].errors / str.length;
}

function matchQuote(text, quote, context = {}) {
  if (quote.length === 0) return null;
  const found = matches(text, quote, Math.min(256, quote.length / 2));
  if (found.length === 0) return null;
  const score = (m) => {
    const prefix = context.prefix
      ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffix = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const position = typeof context.hint === "number" ? 1 - Math.abs(m.start - context.hint) / text.length : 1;
    return (50 * (1 - m.errors / quote.length) + 20 * prefix + 20 * suffix + 2 * position) / 92;
  };
  return found.map((m) => ({ start: m.start, end: m.end, score: score(m) })).sort((a, b) => b.score - a.score)[0];
}

window.edAnchoring = { textQuote, textPosition, matchQuote };
