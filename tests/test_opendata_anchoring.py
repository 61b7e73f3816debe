"""Issue 15, section 1: the exported annotations anchor in whole-document clients.

``annotations.jsonld`` gives each note, besides its FragmentSelector (refined by the editor's
TextQuoteSelector), a TextQuoteSelector and a TextPositionSelector over the page's whole body
text. Clients of the Hypothesis lineage read those and ignore ``refinedBy``; here two of their
libraries from npm (``approx-string-match`` under the Hypothesis client's quote matcher,
``dom-anchor-text-quote``, ``dom-anchor-text-position``; installed by ``make test`` into
``tests/js/node_modules``, bundled with esbuild: ``tests/js/anchoring.js``) anchor every note in
the built page in Chromium, nothing fetched at run time.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from annotated_edition.pagetext import body_text
from conftest import ROOT

pytestmark = pytest.mark.browser

NODE_MODULES = ROOT / "tests" / "js" / "node_modules"

ANCHOR_ALL = """([items, hinted]) => {
  const {textQuote, textPosition, matchQuote} = window.edAnchoring;
  const failures = [];
  // A boundary between two text nodes can be told from either side (the end of "Lake" or offset 0 of the
  // " · " after its element): as anchoring clients do, take the side inside the quote.
  const tighten = range => {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    if (range.endContainer.nodeType === 3 && range.endOffset === 0) {
      walk.currentNode = range.endContainer;
      const prev = walk.previousNode();
      if (prev) range.setEnd(prev, prev.length);
    }
    if (range.startContainer.nodeType === 3 && range.startOffset === range.startContainer.length) {
      walk.currentNode = range.startContainer;
      const next = walk.nextNode();
      if (next) range.setStart(next, 0);
    }
    return range;
  };
  const check = (id, how, range, fragment, exact) => {
    const paragraph = document.getElementById(fragment);
    if (!range) { failures.push(`${id}: ${how} did not anchor`); return; }
    range = tighten(range);
    if (range.toString() !== exact) failures.push(`${id}: ${how} anchored on ${JSON.stringify(range.toString().slice(0, 60))}`);
    if (!paragraph || !paragraph.contains(range.startContainer) || !paragraph.contains(range.endContainer))
      failures.push(`${id}: ${how} anchored outside #${fragment}`);
  };
  const text = document.body.textContent;
  for (const item of items) {
    const [fragment, quote, position] = item.target.selector;
    const id = item.id.split("#")[1];
    const hint = hinted ? position.start : undefined;
    const match = matchQuote(text, quote.exact, {prefix: quote.prefix, suffix: quote.suffix, hint});
    check(id, "Hypothesis matchQuote", match && textPosition.toRange(document.body, match), fragment.value, quote.exact);
    if (hinted) {  // the library matches the prefix fuzzily near the hint (the middle of the text without one)
      check(id, "dom-anchor-text-quote", textQuote.toRange(document.body, quote, {hint}), fragment.value, quote.exact);
    }
    check(id, "TextPositionSelector", textPosition.toRange(document.body, position), fragment.value, quote.exact);
  }
  return failures;
}"""


@pytest.fixture(scope="session")
def anchoring_bundle(tmp_path_factory) -> Path:
    """``tests/js/anchoring.js`` bundled with esbuild into one browser script."""
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    assert esbuild.exists(), "tests/js/node_modules is missing: run 'make test' (it runs 'npm ci --prefix tests/js')"
    out = tmp_path_factory.mktemp("js") / "anchoring.js"
    subprocess.run([str(esbuild), str(ROOT / "tests" / "js" / "anchoring.js"), "--bundle", "--format=iife",
                    f"--outfile={out}", "--log-level=warning"], check=True, timeout=120)
    return out


def items_of(site: Path) -> list[dict]:
    return json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]


def test_every_note_has_whole_document_selectors(built_site):
    text, _spans = body_text((built_site / "index.html").read_text(encoding="utf-8"))
    items = items_of(built_site)
    assert items
    for item in items:
        fragment, quote, position = item["target"]["selector"]
        assert fragment["type"] == "FragmentSelector" and fragment["refinedBy"]["type"] == "TextQuoteSelector"
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert text[position["start"]:position["end"]] == quote["exact"], item["id"]
        assert len(quote["prefix"]) == len(quote["suffix"]) == 32, item["id"]  # as the Hypothesis client records
        whole = quote["prefix"] + quote["exact"] + quote["suffix"]
        assert text.count(whole) == 1, f"{item['id']}: prefix + exact + suffix is not unique"


@pytest.mark.parametrize("path", ["", "about/", "notes/", "sources/", "404.html"])
def test_body_text_is_what_the_browser_gives(open_page, built_site, path):
    """The text the selectors count in is ``document.body.textContent``, with and without JavaScript."""
    file = built_site / (path + "index.html" if path.endswith("/") or not path else path)
    expected, _spans = body_text(file.read_text(encoding="utf-8"))
    for javascript in (False, True):
        page = open_page(path, wait=False, java_script_enabled=javascript)
        page.wait_for_load_state("networkidle")  # Material's search has set its text by then
        assert page.evaluate("document.body.textContent") == expected, f"{path or 'index'}, javascript={javascript}"


@pytest.mark.parametrize("hinted", [False, True], ids=["no-hint", "position-hint"])
def test_every_note_anchors_over_the_whole_document(open_page, built_site, anchoring_bundle, hinted):
    """Each note's TextQuoteSelector and TextPositionSelector land on its own quote, inside its own
    paragraph, in the live page: the TextQuoteSelector through the Hypothesis client's matcher (with and
    without the position hint Hypothesis gives it) and through dom-anchor-text-quote with that hint."""
    page = open_page("")
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(anchoring_bundle))
    items = items_of(built_site)
    failures = page.evaluate(ANCHOR_ALL, [items, hinted])
    assert failures == [], "\n".join(failures)
    assert page.problems == []


def test_claim_reviews_are_in_the_head_not_the_text(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    head, body = html.split("</head>", 1)
    assert 'id="_claim-reviews"' in head and "application/ld+json" in head
    assert "application/ld+json\" id=\"_claim-reviews\"" not in body
    text, _spans = body_text(html)
    assert "ClaimReview" not in text and "reviewRating" not in text
