"""Issue 13, points 3, 5 and 9: the margin at this density (browser tests, geometry measured in Chromium).

3. At 1440 and 1920 every note is a complete margin item (number, verdict badge, full title: never
   cut, never an ellipsis), near its quote (median distance at most 80 px, max 300 px), apart from the
   others and the text, in document order, all in the right margin (one reading order; at 1920 the right
   margin alone keeps them near enough, so the left one stays empty). Opening an item moves the
   items below it by no more than its own growth; hovering opens nothing.
5. Without JavaScript at 1440, CSS places the items: each within 400 px of its quote, and the page at
   most 1.3x as tall as with JavaScript.
9. The layout pass reads all geometry, then writes; it runs when a note's size or the viewport changes
   (ResizeObserver), not on focus; at most 16 ms of script per pass at 1440 with 67 notes.

Distances are |item top - quote top| (an item may sit a little above its quote in a dense run).
"""

from __future__ import annotations

import functools
import statistics

import pytest

from conftest import DESKTOP, ROOT, annotate_in_process

WIDE = {"width": 1920, "height": 1080}

# A margin item is the notes of one sentence (a group: one .ed-group, one marker) or a single note. Its
# quote is its first note's (the one its marker's href and id name); every note in it shows its full title
# and its verdict badge.
ITEMS = """() => {
  const box = el => { const r = el.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width, height: r.height}; };
  const text = [...document.querySelectorAll(
    '.ed-article > :is(p, h2, h3, blockquote, .ed-legend, .ed-editor-note), .ed-header > :not(.ed-note, .ed-group)')]
    .filter(e => getComputedStyle(e).float === 'none')
    .filter(e => e.checkVisibility()).map(box);
  const units = [...document.querySelectorAll('.ed-article :is(.ed-group, .ed-note:not(.ed-group .ed-note))')];
  const items = units.filter(u => u.checkVisibility()).map(u => {
    const notes = u.classList.contains('ed-note') ? [u] : [...u.querySelectorAll('.ed-note')];
    const first = notes[0], q = document.querySelector('.ed-hl[data-note="' + first.id + '"]'), r = u.getBoundingClientRect();
    // each title in full: every line box of it inside its note and the item, no ellipsis, nothing clipped
    const whole = notes.every(n => {
      const t = n.querySelector('.ed-note__title'), nr = n.getBoundingClientRect(), lines = [...t.getClientRects()];
      const inside = (l, b) => l.left >= b.left - 0.5 && l.right <= b.right + 0.5 && l.top >= b.top - 0.5 && l.bottom <= b.bottom + 0.5;
      return lines.length > 0 && lines.every(l => inside(l, nr) && inside(l, r)) && getComputedStyle(t).textOverflow !== 'ellipsis'
             && n.scrollHeight <= n.clientHeight + 1 && n.scrollWidth <= n.clientWidth + 1 && t.checkVisibility();
    });
    const badges = notes.map(n => n.querySelector('.ed-verdict')).filter(Boolean);
    const marker = document.querySelector('a.ed-marker[data-notes~="' + first.id + '"]');
    return {id: first.id, ids: notes.map(n => n.id), n: +first.querySelector('.ed-note__num').textContent, float: getComputedStyle(u).float, ...box(u),
            quote: box(q), block: box(q.closest('.ed-article > *')), marker: marker && box(marker), markerId: marker && marker.id,
            title: whole && u.scrollHeight <= u.clientHeight + 1 && u.scrollWidth <= u.clientWidth + 1,
            verdict: badges.length ? badges.every(v => v.checkVisibility() && v.getClientRects().length > 0 && !!v.innerText.trim()) : null,
            open: notes.some(n => n.classList.contains('is-open'))};
  });
  const legend = document.querySelector('.ed-article > .ed-legend');
  const key = legend && legend.checkVisibility() && getComputedStyle(legend).float === 'right' ? box(legend) : null;
  return {items, text, key, textLeft: Math.min(...text.map(t => t.left)), textRight: Math.max(...text.map(t => t.right)),
          height: document.documentElement.scrollHeight, viewport: innerWidth};
}"""


@functools.cache
def expected_items() -> tuple[int, int]:
    """(margin items, notes) of the article, from the engine: one item per group of notes ending in one sentence."""
    placed = annotate_in_process(ROOT).placed
    return len({p.group for p in placed}), len(placed)


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5 and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5


def laid_out(page) -> dict:
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    return page.evaluate(ITEMS)


def distances(geo: dict) -> list[float]:
    return [abs(i["top"] - i["quote"]["top"]) for i in geo["items"]]


def assert_margin(geo: dict, label: str) -> None:
    items = geo["items"]
    count, notes = expected_items()
    assert len(items) == count, f"{label}: {len(items)} items shown, {count} expected"
    assert sum(len(i["ids"]) for i in items) == notes, f"{label}: not every note is in a margin item"
    for item in items:
        assert item["markerId"] == f"ref-{item['id']}", f"{label}: {item['id']} is not its marker's item"
    for item in items:
        where = f"{label}: {item['id']}"
        assert item["float"] == "right", f"{where} is not in the margin"
        assert item["title"], f"{where}: its title is cut or clipped"
        assert item["verdict"] in (None, True), f"{where}: its verdict badge is not shown"
        assert item["left"] >= geo["textRight"] - 0.5, f"{where} is not in the right margin"
        assert 0 <= item["left"] and item["right"] <= geo["viewport"], f"{where} runs off the screen"
        for block in geo["text"]:
            assert not overlaps(item, block), f"{where} overlaps a text block"
        assert not (geo["key"] and overlaps(item, geo["key"])), f"{where} overlaps the legend"
    for a, b in zip(items, items[1:]):
        assert b["top"] >= a["bottom"] - 0.5, f"{label}: {b['id']} overlaps {a['id']} or breaks document order"


@pytest.mark.parametrize("viewport", [{"width": 960, "height": 900}, {"width": 1024, "height": 900}, DESKTOP, WIDE], ids=["960", "1024", "1440", "1920"])
def test_complete_items_near_their_quotes(open_page, viewport):
    page = open_page("", viewport=viewport)
    geo = laid_out(page)
    label = f"{viewport['width']}px"
    assert_margin(geo, label)
    d = distances(geo)
    median, worst = statistics.median(d), max(d)
    print(f"\n{label}: item to quote median {median:.0f} px, max {worst:.0f} px, page {geo['height']} px")
    # (once, in a fresh clone's run: median 190 px; the farthest items and the page's state say where next time)
    far = sorted(((round(i["top"] - i["quote"]["top"]), i["id"]) for i in geo["items"]), reverse=True)[:5]
    state = page.evaluate("[innerWidth, scrollY, document.documentElement.className, location.href]")
    assert median <= 80 and worst <= 300, f"{label}: median {median:.0f} px, max {worst:.0f} px; farthest {far}; {state}"
    # no item starts above its quote's paragraph (beside the paragraph before, it read as about that one)
    above = [(i["n"], round(i["block"]["top"] - i["top"])) for i in geo["items"] if i["top"] < i["block"]["top"] - 0.5]
    assert not above, f"{label}: items above their paragraph (number, px): {above}"
    assert not page.problems, page.problems


@pytest.mark.parametrize("width", [1200, 1280, 1366, 1600])
def test_column_and_margin_centred_with_titles_on_one_line(open_page, width):
    # from 1200 px the column and a 28rem margin fit Material's grid: centred as one block, titles on one line
    # (the margin once stayed 24rem up to about 1400 px: 15 titles wrapped, 160 px unused on the right)
    page = open_page("", viewport={"width": width, "height": 900})
    geo = laid_out(page)
    right = max(i["right"] for i in geo["items"])
    left_space, right_space = geo["textLeft"], width - right
    assert abs(left_space - right_space) <= 40, f"{width}px: {left_space:.0f} px left of the column, {right_space:.0f} right of the margin"
    wrapped = page.evaluate("""() => [...document.querySelectorAll('.ed-note__title')]
        .filter(t => t.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(t).lineHeight)).map(t => t.textContent)""")
    assert len(wrapped) <= 2, f"{width}px: titles on two lines or more: {wrapped}"


@pytest.mark.parametrize("width", [1440, 1920])
def test_every_item_has_a_badge_in_one_column(open_page, width):
    # a note without a verdict names its category in a badge of the verdicts' size (the column of badges had
    # gaps where "Sourcing" was plain text); badges and titles start at one x each
    page = open_page("", viewport={"width": width, "height": 900})
    rows = page.evaluate("""() => [...document.querySelectorAll('.ed-article .ed-note')].map(n => {
        const b = n.querySelector(':scope > .ed-verdict') || n.querySelector(':scope > .ed-cat'), s = getComputedStyle(b);
        const r = b.getBoundingClientRect(), t = n.querySelector('.ed-note__title').getBoundingClientRect(), o = n.getBoundingClientRect();
        return {id: n.id, left: Math.round(r.left - o.left), width: Math.round(r.width), border: s.borderTopStyle,
                title: Math.round(t.left - o.left), height: Math.round(r.height), verdict: b.matches('.ed-verdict'),
                cut: b.scrollWidth > b.clientWidth + 0.5, short: b.dataset.short || null, text: b.textContent,
                drawn: getComputedStyle(b, '::after').content, colour: s.color,
                icon: getComputedStyle(n.querySelector(':scope > .ed-cat'), '::before').color,
                barColour: getComputedStyle(n).borderLeftColor}; })""")
    assert len(rows) >= 70
    for key in ("left", "width", "title"):
        assert len({r[key] for r in rows}) == 1, (key, sorted({(r[key], r["id"]) for r in rows})[:6])
    assert all(r["border"] in ("solid", "dashed") for r in rows), [r for r in rows if r["border"] not in ("solid", "dashed")]
    # a category's name on one line, its box as tall as a one-line verdict badge ("SYRIA ANALOGY" once took two)
    one_line = min(r["height"] for r in rows if r["verdict"])
    assert [r["id"] for r in rows if not r["verdict"] and (r["cut"] or abs(r["height"] - one_line) > 1)] == []
    # every verdict badge on one line too: a long label ("Accurate then, superseded", two lines in the badge's width)
    # shows its short words ('short' in mkdocs.yml), the label staying the badge's text for screen readers
    assert [(r["id"], r["height"]) for r in rows if r["verdict"] and abs(r["height"] - one_line) > 1] == []
    shortened = [r for r in rows if r["short"]]
    assert shortened and all(r["short"] in r["drawn"] and r["text"] != r["short"] for r in shortened), shortened
    # a category's name in the badge column is grey, in no verdict's colour ("Sanctions" in the green of "Accurate"
    # read as a passed check); its icon keeps the category's colour, the item's bar's
    names, verdicts = [r for r in rows if not r["verdict"]], {r["colour"] for r in rows if r["verdict"]}
    assert len({r["colour"] for r in names}) == 1 and not {r["colour"] for r in names} & verdicts, names[:3]
    assert all(r["icon"] == r["barColour"] for r in rows), [(r["id"], r["icon"], r["barColour"]) for r in rows][:3]


@pytest.mark.parametrize("width", [960, 1024, 1440])
def test_no_blank_band_above_the_footer(open_page, width):
    # CSS stacks the floated items under their paragraphs; the script draws them higher, level with their
    # quotes. The article must not keep the stack's height (at 960 px it once left 580 px of white).
    page = open_page("", viewport={"width": width, "height": 900})
    geo = laid_out(page)
    reach = max([t["bottom"] for t in geo["text"]] + [i["bottom"] for i in geo["items"]])
    footer, bottom, end = page.evaluate("""() => { const f = document.querySelector('.md-footer').getBoundingClientRect();
        return [f.top + scrollY, f.bottom + scrollY, document.documentElement.scrollHeight]; }""")
    assert footer - reach <= 60, f"{width}px: {footer - reach:.0f} px of white between the article and the footer"
    assert end <= bottom + 1, f"{width}px: the page goes on {end - bottom:.0f} px below the footer"


PASSES = "performance.getEntriesByName('ed-layout').length"  # layout passes so far (edition.js measures each)


def test_opening_an_item_moves_the_ones_below_by_its_growth_only(open_page):
    page = open_page("")
    before = {i["id"]: i for i in laid_out(page)["items"]}
    order = list(before)
    for index in (8, 30):
        ident = order[index]
        passes = page.evaluate(PASSES)
        page.locator(f"#{ident} .ed-note__title").click()
        page.wait_for_function(f"document.getElementById('{ident}').classList.contains('is-open')")
        page.wait_for_function(f"document.getElementById('{ident}').querySelector('.ed-note__summary').checkVisibility()")
        page.wait_for_function(f"{PASSES} > {passes}")  # the layout pass after the item's new size was observed
        after = {i["id"]: i for i in page.evaluate(ITEMS)["items"]}
        growth = after[ident]["height"] - before[ident]["height"]
        assert growth > 10, "the opened item shows its summary and disclosure"
        assert abs(after[ident]["top"] - before[ident]["top"]) <= 0.5, "the item opens in place"
        for k, other in enumerate(order):
            shift = after[other]["top"] - before[other]["top"]
            if k < index:
                assert abs(shift) <= 0.5, f"{other} (above) moved {shift:.1f} px"
            elif k > index:
                assert -0.5 <= shift <= growth + 0.5, f"{other} moved {shift:.1f} px for a growth of {growth:.1f} px"
        items = page.evaluate(ITEMS)["items"]
        for a, b in zip(items, items[1:]):
            assert b["top"] >= a["bottom"] - 0.5, f"{b['id']} overlaps {a['id']} after opening {ident}"
        passes = page.evaluate(PASSES)
        page.locator(f"#{ident} .ed-note__title").click()  # closes again: everything back in place
        page.wait_for_function(f"!document.getElementById('{ident}').classList.contains('is-open')")
        page.wait_for_function(f"{PASSES} > {passes}")
        again = {i["id"]: i for i in page.evaluate(ITEMS)["items"]}
        assert all(abs(again[k]["top"] - before[k]["top"]) <= 0.5 for k in order), "closing did not restore the margin"


def test_hovering_opens_nothing(open_page):
    page = open_page("")
    before = laid_out(page)["items"]
    for ident in (before[5]["id"], before[len(before) // 2]["id"], before[-3]["id"]):
        page.locator(f"#{ident}").hover()
        page.locator(f"#ref-{ident}").hover()
        page.locator(f"#{ident} .ed-note__title").hover()
        assert "is-active" in page.locator(f"#{ident}").get_attribute("class"), "hover still emphasises"
    after = page.evaluate(ITEMS)["items"]
    assert not any(i["open"] for i in after)
    for a, b in zip(before, after):
        assert abs(a["top"] - b["top"]) <= 0.5 and abs(a["height"] - b["height"]) <= 0.5, f"hovering moved or opened {a['id']}"


def test_marker_opens_its_item_in_place_in_view(open_page):
    page = open_page("")
    items = laid_out(page)["items"]
    item = next(i for i in items[len(items) // 2:] if len(i["ids"]) > 1)  # a group, past the middle
    ident = item["id"]
    marker = page.locator(f"#ref-{ident}")
    marker.scroll_into_view_if_needed()
    marker.click()
    page.wait_for_function(f"document.getElementById('{ident}').classList.contains('is-open')")
    state = page.evaluate("""ids => { const n = document.getElementById(ids[0]), u = n.closest('.ed-group') || n,
        r = u.getBoundingClientRect(), q = document.querySelector('.ed-hl[data-note="' + ids[0] + '"]').getBoundingClientRect();
      return {float: getComputedStyle(u).float, top: r.top, bottom: r.bottom, quote: q.top, h: innerHeight,
              details: ids.some(id => document.getElementById(id).querySelector('details').open),
              summaries: ids.every(id => document.getElementById(id).querySelector('.ed-note__summary').checkVisibility()),
              hl: ids.every(id => document.querySelector('.ed-hl[data-note="' + id + '"]').classList.contains('is-open'))}; }""",
                          item["ids"])
    # a group opens its findings' summaries; their disclosures stay closed (a click away)
    assert state["float"] == "right" and state["summaries"] and not state["details"] and state["hl"], state
    assert abs(state["top"] - state["quote"]) <= 300 and 0 <= state["top"] < state["h"], state


def test_without_javascript_css_places_the_items(open_page):
    scripted = laid_out(open_page(""))
    page = open_page("", java_script_enabled=False)
    geo = page.evaluate(ITEMS)
    assert_margin(geo, "1440px without JavaScript")
    d = distances(geo)
    ratio = geo["height"] / scripted["height"]
    print(f"\n1440px without JavaScript: item to quote median {statistics.median(d):.0f} px, max {max(d):.0f} px; "
          f"page {geo['height']} px = {ratio:.2f}x the scripted page ({scripted['height']} px)")
    assert max(d) <= 400, f"an item is {max(d):.0f} px from its quote"
    assert ratio <= 1.3


# Each pass is recorded between performance.mark('ed-layout-start') and its measure: every geometry read
# (getBoundingClientRect, offsetTop/Height, getComputedStyle) and every write (style.transform, a class).
# A read after a write inside one pass would force a second synchronous layout.
PROBE = """
(() => {
  window.__passes = []; let pass = null;
  const mark = performance.mark.bind(performance), measure = performance.measure.bind(performance);
  performance.mark = (name, ...rest) => { if (name === 'ed-layout-start') { pass = []; window.__passes.push(pass); } return mark(name, ...rest); };
  performance.measure = (name, ...rest) => { const m = measure(name, ...rest); if (name === 'ed-layout') pass = null; return m; };
  const wrap = (proto, key, kind) => { const d = Object.getOwnPropertyDescriptor(proto, key);
    if (d.value) proto[key] = function (...a) { if (pass) pass.push(kind); return d.value.apply(this, a); };
    else Object.defineProperty(proto, key, {...d, get() { if (pass) pass.push(kind); return d.get.call(this); }}); };
  wrap(Element.prototype, 'getBoundingClientRect', 'R');
  wrap(HTMLElement.prototype, 'offsetTop', 'R');
  wrap(HTMLElement.prototype, 'offsetHeight', 'R');
  wrap(window, 'getComputedStyle', 'R');
  const sd = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'style');
  Object.defineProperty(HTMLElement.prototype, 'style', {...sd, get() { const st = sd.get.call(this); if (!pass) return st;
    return new Proxy(st, {set(t, k, v) { pass.push('W'); t[k] = v; return true; },
                          get(t, k) { const v = t[k]; return typeof v === 'function' ? v.bind(t) : v; }}); }});
  const toggle = DOMTokenList.prototype.toggle;
  DOMTokenList.prototype.toggle = function (...a) { if (pass) pass.push('W'); return toggle.apply(this, a); };
})();
"""


@pytest.mark.xdist_group("timed")  # on the worker that runs Lighthouse, never beside it (make test: --dist loadgroup)
def test_layout_pass_reads_then_writes_and_runs_on_size_changes_only(open_page, site_server):
    page = open_page(None)
    page.add_init_script(PROBE)
    page.goto(site_server.url(""))
    laid_out(page)
    count = "performance.getEntriesByName('ed-layout').length"
    page.wait_for_function(f"{count} >= 1")
    first = page.evaluate(count)
    # focus and hover: no pass
    page.locator(".ed-marker").nth(10).focus()
    page.keyboard.press("Tab")
    page.locator(".ed-note").nth(12).hover()
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate(count) == first, "focus or hover ran the layout pass"
    # a note changes size (its details open): a pass
    page.locator(".ed-note").nth(20).locator(".ed-note__title").click()
    page.wait_for_function(f"{count} > {first}")
    # the viewport changes the article's width: a pass (from 1200 px the article keeps one width, so 1100)
    n = page.evaluate(count)
    page.set_viewport_size({"width": 1100, "height": 900})
    page.wait_for_function(f"{count} > {n}")
    page.set_viewport_size(DESKTOP)
    page.wait_for_function(f"{count} > {n + 1}")
    passes = page.evaluate("window.__passes.map(p => p.join(''))")
    assert passes
    for p in passes:
        assert "WR" not in p and p.count("R") >= 1, f"a read after a write in one pass: {p[:120]}"
    times = page.evaluate("performance.getEntriesByName('ed-layout').map(e => e.duration)")
    count, notes = expected_items()
    print(f"\nlayout passes at 1440 with {notes} notes in {count} items: {len(times)}, ms: " + ", ".join(f"{t:.1f}" for t in times))
    # its time (at most 16 ms a pass) is a figure of make bench (scripts/bench_layout.py), not a timed test
    assert times
    # the pass's one write to the article, --ed-trim (what the stacked floats add below the column), restyles the
    # article alone: the property is registered as not inherited (inherited, every write restyled the article's
    # thousand elements: about 13 ms a pass, against 1 ms)
    trim = page.evaluate("""(() => { const a = document.querySelector('.ed-article'), p = a.querySelector('p');
      const before = a.style.getPropertyValue('--ed-trim'); a.style.setProperty('--ed-trim', '37px');
      const seen = [getComputedStyle(a).getPropertyValue('--ed-trim'), getComputedStyle(p).getPropertyValue('--ed-trim')];
      a.style.setProperty('--ed-trim', before); return seen; })()""")
    assert [t.strip() for t in trim] == ["37px", "0px"], f"--ed-trim on the article, then on its first paragraph: {trim}"
    assert not page.problems, page.problems


def _top(page, ident: str) -> float:
    return page.evaluate("id => { const n = document.getElementById(id); return (n.closest('.ed-group') || n).getBoundingClientRect().top; }", ident)


def test_a_clicked_title_stays_under_the_pointer(open_page):
    # one item open at a time: opening a later item closes the one above, which moves this one up; the page
    # scrolls with it (it once jumped some 670 px, under the header)
    page = open_page("", viewport={"width": 1440, "height": 900})
    laid_out(page)
    page.locator('a.ed-marker[data-notes~="war-of-words"]').click()
    page.wait_for_function("document.getElementById('war-of-words').classList.contains('is-open')")
    title = page.locator("#stand-idly-by .ed-note__title")
    title.scroll_into_view_if_needed()
    before = _top(page, "stand-idly-by")
    title.click()
    page.wait_for_function("document.getElementById('stand-idly-by').classList.contains('is-open') && "
                           "!document.getElementById('war-of-words').classList.contains('is-open')")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert abs(_top(page, "stand-idly-by") - before) <= 2, "the clicked item moved away from the pointer"


@pytest.mark.parametrize("width", [1024, 1440])
def test_an_item_opened_near_the_fold_is_scrolled_into_view(open_page, width):
    page = open_page("", viewport={"width": width, "height": 900})
    laid_out(page)
    marker = page.locator("a.ed-marker").last  # the last sentence's group
    # (its quote 200 px above the fold: the opened item, taller than that, would end below it)
    marker.evaluate("m => scrollBy(0, m.getBoundingClientRect().top - (innerHeight - 200))")
    marker.click()
    ident = marker.get_attribute("data-notes").split()[0]
    page.wait_for_function(f"document.getElementById('{ident}').classList.contains('is-open')")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    box = page.evaluate("""id => { const n = document.getElementById(id), r = (n.closest('.ed-group') || n).getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, h: innerHeight, header: document.querySelector('.md-header').getBoundingClientRect().bottom}; }""", ident)
    assert box["top"] >= box["header"] - 1 and box["bottom"] <= box["h"] + 1, f"{width}px: the opened item is not in view: {box}"


@pytest.mark.parametrize("width", [960, 1024, 1200, 1280, 1440, 1920])
def test_back_to_top_never_covers_the_text_of_a_margin_item(open_page, width):
    # Material's "Back to top" (a round icon in the bottom right corner on wide screens) once sat over the
    # right 20-30 px of the margin items at 960-1299 px; it may cover only their padding (the permalink's room)
    page = open_page("", viewport={"width": width, "height": 900})
    laid_out(page)
    page.evaluate("document.querySelector('.md-top').hidden = false")
    state = page.evaluate("""() => { const b = document.querySelector('.md-top').getBoundingClientRect();
        const text = [...document.querySelectorAll('.ed-article .ed-note')].filter(n => n.checkVisibility())
          .map(n => n.getBoundingClientRect().right - parseFloat(getComputedStyle(n).paddingRight));
        return {button: b.left, width: b.width, text: Math.max(...text)}; }""")
    assert state["width"] >= 24, f"{width}px: the button is too small a target: {state}"
    assert state["button"] >= state["text"] - 0.5, f"{width}px: the button covers margin text: {state}"


@pytest.mark.parametrize("width", [1024, 1440, 1920])
def test_the_legend_is_the_margins_key_and_the_column_starts_under_the_editors_note(open_page, width):
    # (in the column, the legend put the first paragraph about 180 px lower: at 1440 it began 730 px down a
    # 1000 px screen, beside an empty margin; at 1024 330 px lower, beside a hole in the margin)
    page = open_page("", viewport={"width": width, "height": 1000})
    geo = laid_out(page)
    key = geo["key"]
    assert key and key["left"] >= geo["textRight"] - 0.5, "the legend is not in the margin"
    header_items = page.evaluate("document.querySelectorAll('.ed-header .ed-note').length")
    # after the header's items and before the column's, apart from both
    before = [i for i in geo["items"] if i["n"] <= header_items]
    after = [i for i in geo["items"] if i["n"] > header_items]
    assert before and after
    assert max(i["bottom"] for i in before) <= key["top"] + 0.5 and key["bottom"] <= min(i["top"] for i in after) + 0.5
    starts = page.evaluate("""() => { const r = e => document.querySelector(e).getBoundingClientRect();
      return {note: r('.ed-editor-note').bottom, text: r('.ed-article > p:not(.ed-header *)').top}; }""")
    assert 0 < starts["text"] - starts["note"] <= 60, starts


def test_the_legends_keyboard_hint_is_not_hidden_by_an_item(open_page):
    # (drawn under the legend while it has focus, the hint's line was half hidden by the next item, painted over it)
    page = open_page("", viewport={"width": 1440, "height": 1000})
    laid_out(page)
    page.locator(".ed-legend input[data-cat]").first.focus()
    page.keyboard.press("ArrowRight")  # (a key press: :focus-visible, which shows the hint)
    page.wait_for_function("document.querySelector('.ed-legend').matches(':has(:focus-visible)')")
    hits = page.evaluate("""() => { const l = document.querySelector('.ed-legend'), r = l.getBoundingClientRect(), a = getComputedStyle(l, '::after');
      const top = r.top + parseFloat(a.top), bottom = top + parseFloat(a.height);
      return [top + 2, (top + bottom) / 2, bottom - 2].flatMap(y => [r.right - 10, r.right - 120].map(x => {
        const hit = document.elementFromPoint(x, y); return hit ? hit.closest('.ed-legend, .ed-note, .ed-group')?.className || hit.tagName : null; })); }""")
    assert hits and all(h and "ed-legend" in h.split() for h in hits), hits


@pytest.mark.parametrize("width", [1024, 1440, 1920])
def test_a_filter_clicked_in_the_margins_legend_stays_under_the_pointer(open_page, width):
    # (unticking Claims hid the header's items above the legend, which moved up about 56 px: the pointer was then
    # on "Index of notes", and the next click left the page)
    page = open_page("", viewport={"width": width, "height": 1000})
    laid_out(page)
    # (and unticking the two categories of the header's items, then ticking them back, dropped it 150 px for good)
    tops = [page.locator(".ed-legend input[data-cat=claims]").bounding_box()["y"]]
    for cat, checked in (("claims", False), ("sourcing", False), ("claims", True), ("sourcing", True)):
        page.locator(f".ed-legend input[data-cat={cat}]").click()
        page.wait_for_function(f"document.querySelector('.ed-legend input[data-cat={cat}]').checked === {str(checked).lower()}"
                               " && !document.documentElement.dataset.edShow")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        tops.append(page.locator(".ed-legend input[data-cat=claims]").bounding_box()["y"])
    assert max(tops) - min(tops) <= 1, tops
