"""Issue 13, point 11 (the CSS parts): verdict badges legible in both schemes, and lines of at most 80
characters at every width on every page, the Sources list in two columns on wide screens (browser tests in
Chromium)."""

from __future__ import annotations

import pytest

from conftest import DESKTOP

WIDTHS = [1920, 1440, 1024, 768, 390]
PAGES = ["", "about/", "sources/", "notes/"]

# contrast of each verdict badge's text on its own background over the note's and the page's
BADGES = """() => {
  const parse = c => { const ctx = document.createElement('canvas').getContext('2d'); ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
  const seen = {};
  for (const v of document.querySelectorAll('.ed-verdict')) {
    const kind = (v.className.match(/ed-verdict--([\\w-]+)/) || [])[1];
    if (seen[kind]) continue;
    const layers = [];
    for (let e = v; e; e = e.parentElement) layers.unshift(parse(getComputedStyle(e).backgroundColor));
    seen[kind] = {fg: parse(getComputedStyle(v).color), layers};
  }
  return seen;
}"""

# the longest line, in characters, of every block of running text in the page's content
LINES = """() => {
  let worst = {chars: 0, text: ''};
  const blocks = [...document.querySelectorAll('.md-content :is(p, li, dd, blockquote > p)')]
    .filter(b => b.checkVisibility() && !b.closest('.md-search, nav, .md-sidebar'));
  for (const b of blocks) {
    const lines = new Map();
    const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.parentElement.checkVisibility() || t.parentElement.closest('.ed-sr')) continue;
      const text = t.textContent, r = document.createRange();
      for (let i = 0; i < text.length; i++) {
        r.setStart(t, i); r.setEnd(t, i + 1);
        const box = r.getClientRects()[0];
        if (!box || box.width === 0) continue;  // collapsed white space
        const key = Math.round(box.top / 4);
        const line = lines.get(key) || {chars: 0, text: ''};
        line.chars += 1; line.text += text[i];
        lines.set(key, line);
      }
    }
    for (const line of lines.values()) {
      const chars = line.text.trim().length;
      if (chars > worst.chars) worst = {chars, text: line.text.trim().slice(0, 80)};
    }
  }
  return worst;
}"""


def _lin(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def contrast(a, b) -> float:
    la = 0.2126 * _lin(a[0]) + 0.7152 * _lin(a[1]) + 0.0722 * _lin(a[2])
    lb = 0.2126 * _lin(b[0]) + 0.7152 * _lin(b[1]) + 0.0722 * _lin(b[2])
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def blend(top, under):
    a = top[3]
    return tuple(top[i] * a + under[i] * (1 - a) for i in range(3))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_verdict_badges_are_legible_in_both_schemes(open_page, scheme):
    page = open_page("", color_scheme=scheme)
    badges = page.evaluate(BADGES)
    assert len(badges) >= 5
    report = []
    for kind, b in badges.items():
        bg = (255.0, 255.0, 255.0)
        for layer in b["layers"]:
            bg = blend(layer, bg)
        ratio = contrast(blend(b["fg"], bg), bg)
        report.append(f"{kind} {ratio:.1f}:1")
        assert ratio >= 4.5, f"{scheme}: {kind} {ratio:.2f}:1"
    if scheme == "dark":  # no light pastel chip on a dark page
        for kind, b in badges.items():
            assert sum(blend(b["layers"][-1], (0, 0, 0))) / 3 < 90 or b["layers"][-1][3] < 0.3, f"{kind}: a light chip in dark mode"
    print(f"\n{scheme}: " + ", ".join(report))


@pytest.mark.parametrize("path", PAGES, ids=["article", "about", "sources", "notes"])
def test_lines_of_at_most_80_characters(open_page, path):
    """Each page loaded once, at the widest width, then narrowed to each of the others (as a reader resizes the
    window; a load per width cost the suite 20 page loads)."""
    page = open_page(path, viewport={"width": WIDTHS[0], "height": 900})
    worst = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_function(f"innerWidth === {width}")
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        line = page.evaluate(LINES)
        worst.append((line["chars"], width, line["text"]))
    if not path:  # every note open, in full: an item in the margin (1440) and a card in the column (959, the widest)
        page.evaluate("document.querySelectorAll('.ed-note').forEach(n => n.classList.add('is-open'));"
                      "document.querySelectorAll('.ed-note details').forEach(d => d.open = true)")
        for width in (1440, 959):
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_function(f"innerWidth === {width}")
            line = page.evaluate(LINES)
            worst.append((line["chars"], width, "(notes open) " + line["text"]))
    print(f"\n{path or 'article'}: longest lines " + "; ".join(f"{w}px: {c} ({t[:40]!r})" for c, w, t in worst))
    assert max(worst)[0] <= 80, max(worst)


@pytest.mark.parametrize("width", [1024, 1440])
def test_the_sources_list_takes_two_publishers_a_row(open_page, width):
    """From 960 px the Sources list uses the page's width two publishers a row, which cuts the list's height by
    about a third (7,000 px at 1440 against 10,900 stacked), in reading order: each publisher beside or below the one before, never at the top of a
    second column (two columns each about 5,000 px tall sent a reader back up the page)."""
    page = open_page("sources/", viewport={"width": width, "height": 900})
    state = page.evaluate("""() => {
      const list = document.querySelector('ul.ed-sources'), items = [...list.children], r = li => li.getBoundingClientRect();
      return {height: r(list).height, stacked: items.reduce((h, li) => h + r(li).height, 0),
              lefts: [...new Set(items.map(li => Math.round(r(li).left)))].length,
              order: items.slice(1).every((li, i) => r(li).top > r(items[i]).top + 0.5
                                                     || (Math.abs(r(li).top - r(items[i]).top) <= 0.5 && r(li).left > r(items[i]).left))};
    }""")
    assert state["lefts"] == 2 and state["order"], state
    assert state["height"] < 0.7 * state["stacked"], state


def test_the_mixed_marker_key_ends_the_legend_without_links(open_page):
    """A site without an Index or Sources page has no links beside the key of a several-category marker: the key
    still ends at the legend's right edge (it sat indented at the start of the first column)."""
    page = open_page("", viewport={"width": 1440, "height": 900})
    gap = page.evaluate("""() => { document.querySelector('.ed-legend__links').remove();
      const l = document.querySelector('.ed-legend').getBoundingClientRect();
      return l.right - document.querySelector('.ed-legend__mixed').getBoundingClientRect().right; }""")
    assert abs(gap) < 1, f"the key ends {gap:.0f} px before the legend's edge"
