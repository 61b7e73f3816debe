"""Issue 4: margin notes that read well everywhere (browser tests, geometry measured in Chromium).

Wide screens (1440, 1920): every note a complete margin item (issue 13: number, verdict, full title)
near its quote, in the right margin only, never overlapping each other, the text or the footer, in
document order; an item opens in place (summary, disclosure); emphasis both ways;
markers never wrap away from their quote; CLS 0 (also with ?show=). The finer figures of issue 13
(distances, growth on opening, hover, layout pass) are in test_layout_margin.py. Narrow screens (390, 768, 900): notes after their paragraph
behind a marker; expand/collapse all; no horizontal scroll; 24x24 px targets. Without
JavaScript every note is readable. Keyboard and ARIA. The legend. Cases C09 and C10.
Screenshots go to test-output/.
"""

from __future__ import annotations

import re
import statistics

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, screenshot

NEAR = 300         # px: the farthest a placed margin item may sit from its quote (issue 13)

# How wide the page really is: the document's scroll width, or when the root clips horizontal overflow
# (Material sets overflow-x: hidden on <html>, and its header title overflows without JavaScript),
# the right edge of everything in the page's body (content and footer).
WIDEST = """(getComputedStyle(document.documentElement).overflowX === 'hidden'
  ? Math.max(innerWidth, ...[...document.querySelectorAll('.md-container *')].map(e => e.getBoundingClientRect().right))
  : document.documentElement.scrollWidth)"""

GEOMETRY = """() => {
  const box = el => { const r = el.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width, height: r.height}; };
  const shown = el => getComputedStyle(el).display !== 'none';
  // a margin item is a note, or the group of the notes whose quotes end in one sentence (issue 13): its float,
  // and its quote (the first highlight of its first note, what the script places it against)
  const item = n => n.closest('.ed-group') || n;
  const notes = [...document.querySelectorAll('.ed-note')].filter(shown).map(n => {
    const span = document.querySelector('.ed-hl[data-note="' + n.id + '"]');
    return {id: n.id, float: getComputedStyle(item(n)).float, ...box(n), span: span ? box(span) : null};
  });
  const items = [...new Set([...document.querySelectorAll('.ed-note')].filter(shown).map(item))].filter(shown).map(u => {
    const first = u.matches('.ed-note') ? u : [...u.querySelectorAll('.ed-note')].find(shown);
    const span = document.querySelector('.ed-hl[data-note="' + first.id + '"]');
    return {id: first.id, float: getComputedStyle(u).float, ...box(u), span: span ? box(span) : null};
  });
  const text = [...document.querySelectorAll(
    '.ed-article > :is(p, h2, h3, blockquote, .ed-legend, .ed-editor-note), .ed-header > :not(.ed-note, .ed-group)')]
    .filter(e => getComputedStyle(e).float === 'none').filter(shown).map(box);
  const legend = document.querySelector('.ed-article > .ed-legend');
  const key = legend && shown(legend) && getComputedStyle(legend).float === 'right' ? box(legend) : null;
  const footer = document.querySelector('.md-footer');
  return {notes, items, text, key, textRight: Math.max(...text.map(t => t.right)), footerTop: footer ? box(footer).top : Infinity,
          viewport: innerWidth, scrollWidth: WIDEST};
}""".replace("WIDEST", WIDEST)

CLS_OBSERVER = """
window.__cls = 0; window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => {
  if (e.hadRecentInput) return;
  window.__cls += e.value;
  window.__shifts.push({value: e.value, at: Math.round(e.startTime), sources: (e.sources || []).map(s => [
    s.node ? (s.node.id || s.node.className || s.node.nodeName + ' "' + (s.node.textContent || '').slice(0, 40) + '" in '
      + (s.node.parentElement ? s.node.parentElement.className || s.node.parentElement.nodeName : '?')) : '?',
    [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height].map(Math.round),
    [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height].map(Math.round)])});
})).observe({type: 'layout-shift', buffered: true});
"""

# every note's head, title, summary and disclosure are visible (claims: the verdict too); lists what is not.
# A closed margin item (wide screens) shows its category icon (label as text), number, verdict and title; its
# summary and disclosure show when it opens (its title or marker clicked, or the link's target).
PARTS = """() => [...document.querySelectorAll('.ed-note')].flatMap(n => {
  const stub = getComputedStyle(n.closest('.ed-group') || n).float === 'right' && !n.matches('.is-open, :target');
  return ['.ed-cat', '.ed-note__title', stub ? null : '.ed-note__summary', stub ? null : 'details > summary',
          n.dataset.category === 'claims' ? '.ed-verdict' : null]
    .filter(sel => sel && !(n.querySelector(sel) && n.querySelector(sel).checkVisibility() && n.querySelector(sel).getClientRects().length))
    .map(sel => n.id + ' ' + sel)
    .concat(n.querySelector('.ed-cat').textContent.trim().length > 2 ? [] : [n.id + ' category label']); })"""

# closed margin items: never an ellipsis, category label still in the text
ITEMS = """() => [...document.querySelectorAll('.ed-note')].filter(n => getComputedStyle(n.closest('.ed-group') || n).float === 'right').map(n => {
  const t = n.querySelector('.ed-note__title'), s = getComputedStyle(t);
  return {id: n.id, ellipsis: s.textOverflow === 'ellipsis' || s.whiteSpace === 'nowrap',
          label: n.querySelector('.ed-cat').textContent.replace(/[^A-Za-z ]/g, '').trim()}; })"""

# two frames: the layout pass that follows a change (ResizeObserver, before paint) has run
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
LAID = "() => document.documentElement.classList.contains('ed-laid')"

CONTROLS = ".ed-marker, .ed-note__num, .ed-permalink, .ed-note summary, .ed-legend label, .ed-legend button"


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5 and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5


def assert_margin_layout(geo: dict, label: str, report: bool = False, placed: bool | None = True) -> list[float]:
    """Margin items (a note, or the group of the notes of one sentence): in the right margin, in document
    order, apart, above the footer; ``placed`` (with JavaScript): each within
    NEAR px of its quote, above or below it (without JavaScript they start under their paragraph);
    ``placed=None``: items were opened, which pushes the items after them down by their growth, so no
    distance is asserted."""
    notes = [n for n in geo["items"] if n["float"] == "right"]
    assert notes, f"{label}: no margin notes"
    distances = []
    prev = None
    for note in notes:
        assert note["left"] >= geo["textRight"] - 0.5, f"{label}: {note['id']} is not right of the text column"
        assert note["left"] >= 0, f"{label}: {note['id']} runs off the screen"
        assert note["right"] <= geo["viewport"] + 0.5, f"{label}: {note['id']} runs off the screen"
        assert note["bottom"] <= geo["footerTop"] + 0.5, f"{label}: {note['id']} runs over the footer"
        for block in geo["text"]:
            assert not overlaps(note, block), f"{label}: {note['id']} overlaps a text block"
        assert not (geo["key"] and overlaps(note, geo["key"])), f"{label}: {note['id']} overlaps the legend"
        span = note["span"]
        assert span is not None, note["id"]
        if placed is None:
            pass
        elif placed:
            assert abs(note["top"] - span["top"]) <= NEAR, f"{label}: {note['id']} is {note['top'] - span['top']:.0f} px from its highlight"
        else:
            assert note["top"] >= span["top"] - 1, f"{label}: {note['id']} starts above its highlight"
        if prev:
            assert note["top"] >= prev["bottom"] - 0.5, f"{label}: {note['id']} overlaps {prev['id']} or breaks document order"
        distances.append(note["top"] - span["top"])
        prev = note
    if report:
        print(f"\n{label}: note top - highlight top, px (document order)")
        for note, d in zip(notes, distances):
            print(f"  {note['id']:36} {d:8.0f}")
        level_count = sum(1 for d in distances if abs(d) <= 1)
        distances = [abs(d) for d in distances]
        print(f"  {len(notes)} notes: {level_count} level with their highlight; median {statistics.median(distances):.0f} px, "
              f"max {max(distances):.0f} px")
    return distances


# ---------------------------------------------------------------- wide screens

@pytest.mark.parametrize("width", [1440, 1920])
def test_wide_margin_notes_sit_level_or_just_below_and_never_overlap(open_page, width):
    page = open_page("", viewport={"width": width, "height": 900})
    geo = page.evaluate(GEOMETRY)
    assert len(geo["notes"]) >= 30
    assert all(n["float"] == "right" for n in geo["notes"]), "every note is in the margin on load"
    distances = assert_margin_layout(geo, f"{width}px", report=True)
    # every item near its highlight (it was a median of ~5,000 px, max ~10,000 in issue 4; 256/376 before issue 13)
    median, worst = statistics.median(distances), max(distances)
    assert median <= 80 and worst <= NEAR, f"{width}px: median {median:.0f} px, max {worst:.0f} px"
    for item in page.evaluate(ITEMS):
        assert not item["ellipsis"] and item["label"], item
    assert geo["scrollWidth"] <= width
    # what the margin shows: category label, title, verdict badge (claims), summary; the rest is a disclosure
    assert page.evaluate(PARTS) == []
    assert page.evaluate("[...document.querySelectorAll('.ed-note__body')].filter(b => b.checkVisibility()).length") == 0
    screenshot(page, f"reading-{width}")
    assert not page.problems, page.problems


def test_wide_disclosure_opens_in_place_without_moving_the_text(open_page):
    page = open_page("")
    text_before = page.evaluate(GEOMETRY)["text"]
    for index in (0, 3):
        note = page.locator(".ed-note").nth(index)
        note.locator(".ed-note__title").click()  # the item opens in place (and stays so)
        expect(note.locator(".ed-note__summary")).to_be_visible()
        note.locator("summary").click()
        expect(note.locator(".ed-note__body")).to_be_visible()
        page.evaluate(SETTLED)
        assert note.locator(".ed-note__sources").is_visible()
    geo = page.evaluate(GEOMETRY)
    assert geo["text"] == text_before, "opening a note's details moved the text column"
    assert_margin_layout(geo, "1440px, two notes opened", placed=None)
    screenshot(page, "reading-1440-disclosure-open")


def test_hover_and_focus_emphasise_highlight_and_note_both_ways(open_page):
    page = open_page("")
    note_id = page.evaluate("document.querySelector('.ed-note').id")
    note = page.locator(f"#{note_id}")
    span = page.locator(f'.ed-hl[data-note="{note_id}"]').first
    shadow = "el => getComputedStyle(el).boxShadow"
    assert note.evaluate(shadow) == "none"
    span.hover()
    assert "is-active" in note.get_attribute("class") and note.evaluate(shadow) != "none"
    page.mouse.move(5, 5)
    assert "is-active" not in note.get_attribute("class")
    note.hover()
    assert "is-active" in span.get_attribute("class") and span.evaluate(shadow) != "none"
    # the tint runs above and below the words, never sideways (it covered the quotation mark before a quote)
    offsets = re.findall(r"(-?[\d.]+)px (-?[\d.]+)px (-?[\d.]+)px (-?[\d.]+)px", span.evaluate(shadow))
    assert offsets and all(x == "0" and spread == "0" for x, _y, _blur, spread in offsets), span.evaluate(shadow)
    assert "is-active" in page.locator(f"#ref-{note_id}").get_attribute("class")
    page.mouse.move(5, 5)
    page.locator(f"#ref-{note_id}").focus()
    assert "is-active" in note.get_attribute("class")


# the marker of a group follows the quote that ends last in its sentence: the highlight piece (of any of the
# group's notes) whose end comes last
MARKER_LINES = """() => [...document.querySelectorAll('.ed-marker')].filter(m => m.getClientRects().length).flatMap(m => {
  const range = el => { const r = document.createRange(); r.selectNodeContents(el); return r; };
  const pieces = m.getAttribute('aria-controls').split(' ').flatMap(id => [...document.querySelectorAll('.ed-hl[data-note="' + id + '"]')]);
  const last = pieces.reduce((a, b) => range(b).compareBoundaryPoints(Range.END_TO_END, range(a)) > 0 ? b : a);
  const ends = last.getClientRects(), end = ends[ends.length - 1], boxes = m.getClientRects();
  // the marker's box sits on the line where its quote ends (its middle within that line's text box)
  const mid = (boxes[0].top + boxes[0].bottom) / 2;
  return boxes.length === 1 && end.top - 1 <= mid && mid <= end.bottom + 1 ? [] : [m.dataset.n + ' (' + m.id + ')'];
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_markers_never_wrap_away_from_their_quote(open_page, viewport, js):
    page = open_page("", viewport=viewport, java_script_enabled=js)
    if viewport is PHONE and js:
        page.locator(".ed-legend__toggle-all").click()  # every note open: markers in full paragraphs
    assert page.evaluate(MARKER_LINES) == []
    sizes = page.evaluate("[...document.querySelectorAll('.ed-marker')].map(m => m.getBoundingClientRect()).map(r => [r.width, r.height])")
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes)


@pytest.mark.parametrize("viewport, path", [
    (DESKTOP, ""), ({"width": 1920, "height": 1080}, ""), (PHONE, ""), ({"width": 768, "height": 1024}, ""),
    (DESKTOP, "?show=claims"), (PHONE, "?show=claims"), (DESKTOP, "?show=sourcing,sanctions")],
    ids=["1440", "1920", "390", "768", "1440-show-claims", "390-show-claims", "1440-show-two"])
def test_no_layout_shift_on_load(open_page, site_server, viewport, path):
    page = open_page(None, viewport=viewport)
    page.add_init_script(CLS_OBSERVER)
    page.goto(site_server.url(path))
    page.wait_for_load_state("load")
    page.wait_for_function(LAID)
    page.evaluate(SETTLED)
    cls, shifts = page.evaluate("[window.__cls, window.__shifts]")
    print(f"\nCLS at {viewport['width']}x{viewport['height']} {path}: {cls}")
    # 0 on a quiet machine; with both cores busy one load of ?show=claims at 390 px once measured 0.0002 (a
    # legend label: most likely "Syria analogy" drawn before its count arrived, which then squeezed its checkbox,
    # fixed on 7 December; a page stalled at every byte of the legend now shows none): held under 0.001
    assert cls < 0.001, shifts


def throttle(page, rate: int = 4):
    """Run ``page``'s CPU ``rate`` times slower (DevTools protocol, ``Emulation.setCPUThrottlingRate``) -> the CDP
    session, whose ``lift()`` sets the rate back to 1. Chromium keeps a core busy for as long as a page is
    throttled, idle or not (about 0.9 core here), so the tests lift it once the script has laid the page out:
    the throttled load has shown the frames before the script, and the observers record the rest at full speed."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    cdp.lift = lambda: cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    return cdp


# every frame while the page loads: is the column drawn (not hidden), and where is the page scrolled
FRAMES = """window.__frames = []; (function tick() {
  const main = document.querySelector('.md-main'), p = document.querySelector('.ed-article p');
  if (main && p) window.__frames.push({t: performance.now(), shown: getComputedStyle(main).visibility === 'visible'
    && getComputedStyle(p).visibility === 'visible' && p.getClientRects().length > 0, y: scrollY});
  const html = document.documentElement;  // (null before the parser starts)
  if (!html || !html.classList.contains('ed-laid') || window.__frames.length < 5) requestAnimationFrame(tick);
})();"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_landing_on_a_note_never_blanks_or_shifts_the_page(open_page, site_server, viewport):
    """A link to a note (its id, its title from search results, an old id) draws the page as soon as a page
    without the link would be drawn: the column is never held back while the script loads (the note is opened
    by the small script after the article, before the browser scrolls there), and nothing on screen moves
    (CLS 0). The script runs 4x slower (CPU throttling), as on a cheap phone, so the frames before it are seen."""
    for path in ("#war-of-words", "#helicopters-overhauled", "#stand-idly-by-title"):  # a note, a paragraph, a title
        page = open_page(None, viewport=viewport)
        cpu = throttle(page)
        page.add_init_script(CLS_OBSERVER)
        page.add_init_script(FRAMES)
        page.goto(site_server.url(path))
        page.wait_for_load_state("load")
        page.wait_for_function(LAID)
        cpu.lift()
        page.evaluate(SETTLED)  # the landing scrolls a frame after the note is drawn
        page.evaluate(SETTLED)
        cls, shifts, frames = page.evaluate("[window.__cls, window.__shifts, window.__frames]")
        print(f"\nlanding on {path} at {viewport['width']}: CLS {cls:.4f}, {len(frames)} frames")
        assert frames and all(f["shown"] for f in frames), f"{path}: the column was hidden in a frame while loading"
        # (0 on a quiet machine; with both cores busy a phone landing was once measured at 0.0002)
        assert cls < 0.001, (path, shifts)
        target = page.evaluate("(() => { const n = document.querySelector('.ed-article .is-target'); const r = n.getBoundingClientRect();"
                               " return {id: n.id, top: r.top, open: !n.matches('.ed-note') || n.matches('.is-open')}; })()")
        assert target["open"] and 0 <= target["top"] < viewport["height"], (path, target)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_a_page_drawn_while_it_arrives_never_moves(open_page, trickle_server, viewport):
    """Over a slow network the browser draws the page piece by piece; what it has drawn never moves when the next
    piece comes (CLS 0). Once moved on a phone, in CI too (where a loaded machine draws between Python's 64 KB
    pieces): the photo credit's name jumped a line when its marker arrived, a legend column widened when the
    next category came, a paragraph's last line grew by 4 px when its permalink came; at 1440 px the dek's first
    line was counted 2 px lower when the part received ended with the space between two quotes (see the test after)."""
    # (a link to a note lands the same at 1440 px as without one: the margin opens after the load; 390 px, where
    # the linked note opens in the column while the page arrives, is loaded both ways)
    for path in ("", "#war-of-words") if viewport is PHONE else ("",):
        page = open_page(None, viewport=viewport)
        cpu = throttle(page)
        page.add_init_script(CLS_OBSERVER)
        page.goto(trickle_server.url(path))
        page.wait_for_load_state("load")
        page.wait_for_function(LAID)
        cpu.lift()
        page.evaluate(SETTLED)
        page.evaluate(SETTLED)
        cls, shifts = page.evaluate("[window.__cls, window.__shifts]")
        print(f"\npage arriving in pieces, {path or 'no link'} at {viewport['width']}: CLS {cls:.4f}")
        assert cls < 0.001, (path, shifts)


# a space between two quotes: a text node of its own, where the parser may stop
SPACE_BETWEEN_QUOTES = re.compile(rb"</span> (?=<span class=\"?ed-hl)")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_a_page_stalled_after_a_space_between_two_quotes_never_moves(open_page, held_server, built_site, viewport):
    """Where the page stops arriving for a moment right after the space between two quotes (the dek's, then the
    first paragraphs' on the first screen), what the browser drew does not move when the rest comes (CLS 0).
    Chromium counted that space, collapsed at the end of the part received, as a shift of the line: CI's phone
    landings failed on it whenever the parser paused there (the first paragraph's first line, "815 -> 819")."""
    html = (built_site / "index.html").read_bytes()
    article = html.index(b"ed-article")
    cuts = [m.end() for m in SPACE_BETWEEN_QUOTES.finditer(html, article)][:3]
    assert len(cuts) == 3
    for cut in cuts:
        where = re.findall(rb"<p [^>]*?id=\"?([\w-]+)", html[:cut])[-1].decode()
        release = held_server.hold(cut)
        page = open_page(None, viewport=viewport)
        page.add_init_script(CLS_OBSERVER)
        page.goto(held_server.url(), wait_until="commit")
        page.wait_for_function(f"document.getElementById('{where}') !== null")
        page.evaluate(SETTLED)  # the part received is drawn
        assert page.evaluate("document.readyState") == "loading"
        release.set()
        page.wait_for_load_state("load")
        page.wait_for_function(LAID)
        page.evaluate(SETTLED)
        cls, shifts = page.evaluate("[window.__cls, window.__shifts]")
        print(f"\npage stalled in #{where} at byte {cut}, {viewport['width']} px: CLS {cls:.4f}")
        assert cls == 0, (where, cut, shifts)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_a_click_on_a_quote_opens_its_notes_as_its_marker_does(open_page, viewport):
    """A quote is not a control (its marker is, for the keyboard and screen readers), but a click on it opens
    its sentence's notes, and a second click closes them; a click that ends a text selection opens nothing."""
    page = open_page("", viewport=viewport)
    page.wait_for_function(LAID)
    marker = page.locator("a.ed-marker[data-n='10–14']")
    quote = page.locator(f".ed-hl[data-note='{marker.get_attribute('data-notes').split()[0]}']")
    quote.scroll_into_view_if_needed()
    # selecting the quote's words with the mouse (a drag ending on the quote) opens nothing
    box = quote.bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    assert page.evaluate("getSelection().toString().length") > 3
    assert marker.get_attribute("aria-expanded") == "false"
    page.evaluate("getSelection().removeAllRanges()")
    quote.click()
    expect(marker).to_have_attribute("aria-expanded", "true")
    for ident in marker.get_attribute("data-notes").split():
        expect(page.locator(f"#{ident}")).to_have_class(re.compile(r"\bis-open\b"))
    assert quote.evaluate("q => getComputedStyle(q).cursor") == "pointer"
    quote.click()
    expect(marker).to_have_attribute("aria-expanded", "false")


def test_a_tapped_quote_in_a_group_names_and_shows_its_own_note_on_a_phone(open_page):
    """Tapping the third quote of a sentence's group opens the group and brings that quote's note into view,
    its id in the address (not the group's first note)."""
    page = open_page("", viewport=PHONE, has_touch=True)
    page.wait_for_function(LAID)
    marker = page.locator("a.ed-marker[data-n='10–14']")
    ident = marker.get_attribute("data-notes").split()[3]
    quote = page.locator(f".ed-hl[data-note='{ident}']")
    quote.scroll_into_view_if_needed()
    quote.tap()
    expect(marker).to_have_attribute("aria-expanded", "true")
    page.wait_for_function("id => location.hash === '#' + id", arg=ident)
    box = page.locator(f"#{ident}").bounding_box()
    assert box["y"] < PHONE["height"] - 40, box


def test_a_linked_note_on_a_phone_ends_with_a_close_button(open_page):
    """A note opened by a link (a search result, a shared link) on a phone ends with the same button as a
    tapped marker's notes, named by its own number, and the button closes it."""
    page = open_page("#syria-2015-sequence", viewport=PHONE, has_touch=True)
    page.wait_for_function(LAID)
    closer = page.locator(".ed-close")
    expect(closer).to_have_count(1)
    number = page.locator("#syria-2015-sequence .ed-note__num").inner_text().strip()
    assert closer.inner_text() == f"Close note {number}"
    closer.scroll_into_view_if_needed()
    closer.tap()
    expect(page.locator("#syria-2015-sequence")).to_be_hidden()
    expect(page.locator(".ed-close")).to_have_count(0)


def test_the_legend_shows_what_a_marker_of_several_categories_looks_like(open_page):
    """On wide screens the legend's last row ends with the page's first marker of notes of several categories,
    copied in the text's colour, "notes of several categories"; showing it moves nothing in the legend. On a
    phone the key takes a row of its own, inside the legend, in the page as built (no script needed)."""
    page = open_page("", viewport=DESKTOP)
    page.wait_for_function(LAID)
    example = page.locator(".ed-legend__mixed")
    expect(example).to_be_visible()
    first = page.evaluate("document.querySelector('a.ed-marker--mixed').dataset.n")
    assert page.evaluate("getComputedStyle(document.querySelector('.ed-legend__sample'), '::before').content") == f'"{first}"'
    assert "several categories" in example.inner_text()
    boxes = """[...document.querySelectorAll('.ed-legend, .ed-legend > :not(.ed-legend__mixed)')].map(e => {
      const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); })"""
    shown = page.evaluate(boxes)
    example.evaluate("e => { e.hidden = true; }")
    assert page.evaluate(boxes) == shown, "the example changes the legend's layout"
    phone = open_page("", viewport=PHONE)
    phone.wait_for_function(LAID)
    key = phone.locator(".ed-legend__mixed")
    expect(key).to_be_visible()
    assert phone.evaluate("getComputedStyle(document.querySelector('.ed-legend__sample'), '::before').content") == f'"{first}"'
    inside = phone.evaluate("""() => { const k = document.querySelector('.ed-legend__mixed').getBoundingClientRect();
      const l = document.querySelector('.ed-legend').getBoundingClientRect(); const links = document.querySelector('.ed-legend__links').getBoundingClientRect();
      return {inside: k.left >= l.left && k.right <= l.right && k.bottom <= l.bottom, below: k.top >= links.bottom, height: k.height}; }""")
    assert inside["inside"] and inside["below"] and inside["height"] < 30, inside


# ---------------------------------------------------------------- narrow screens

def test_narrow_notes_end_with_a_button_that_closes_them(open_page):
    """On a phone a marker's notes open after the paragraph; a button at their end ("Close notes 10–14")
    closes them all, returns focus to the marker with the marker in view, and goes away with them. The page
    holds no such button while nothing is open, and none on a wide screen."""
    page = open_page("", viewport=PHONE, has_touch=True)
    assert page.locator(".ed-close").count() == 0
    marker = page.locator("a.ed-marker[data-n='10–14']")
    marker.scroll_into_view_if_needed()
    marker.tap()
    ids = marker.get_attribute("aria-controls").split()
    closer = page.locator(".ed-close")
    expect(closer).to_have_count(1)
    assert closer.inner_text() == "Close notes 10–14"
    # the button comes after the last of the notes it closes
    assert closer.evaluate("(b, last) => !!(document.getElementById(last).compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)", ids[-1])
    closer.scroll_into_view_if_needed()
    closer.tap()
    for ident in ids:
        expect(page.locator(f"#{ident}")).to_be_hidden()
    expect(page.locator(".ed-close")).to_have_count(0)
    assert marker.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.n") == "10–14"
    box = marker.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], box
    wide = open_page("")
    wide.locator("a.ed-marker[data-n='10–14']").click()
    assert wide.locator(".ed-close").count() == 0


@pytest.mark.parametrize("width", [390, 768, 900])
def test_narrow_notes_open_in_place_after_their_paragraph(open_page, width):
    page = open_page("", viewport={"width": width, "height": 844}, has_touch=True)
    assert page.evaluate(GEOMETRY)["notes"] == [], "notes start closed behind their markers"
    assert page.evaluate(WIDEST) <= width
    markers = page.locator(".ed-marker")
    assert markers.count() >= 30
    for index in (0, 9, markers.count() - 1):
        marker = markers.nth(index)
        note_id = marker.get_attribute("aria-controls").split()[0]  # the group's first note (all of them open)
        marker.scroll_into_view_if_needed()
        box = marker.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        marker.tap()
        note = page.locator(f"#{note_id}")
        expect(note).to_be_visible()
        for other in marker.get_attribute("aria-controls").split():  # the marker opens every note of its group
            expect(page.locator(f"#{other}")).to_be_visible()
        page.evaluate(SETTLED)
        assert note.is_visible() and marker.get_attribute("aria-expanded") == "true"
        state = note.evaluate("""n => { const r = n.getBoundingClientRect();
          let p = document.getElementById('ref-' + n.id).closest('p, h1, .ed-header > *');
          const b = p.getBoundingClientRect();
          return {top: r.top, left: r.left, right: r.right, pBottom: b.bottom, pLeft: b.left, h: innerHeight, float: getComputedStyle(n).float}; }""")
        assert state["float"] == "none"
        assert state["top"] >= state["pBottom"] - 1, "the note opens after its paragraph, never over the text"
        assert state["top"] < state["h"] and state["right"] <= width, "the opened note is in view"
        screenshot(page, f"reading-{width}-note-open-{index}")
        marker.tap()
        for other in marker.get_attribute("aria-controls").split():
            expect(page.locator(f"#{other}")).to_be_hidden()
        assert not note.is_visible() and marker.get_attribute("aria-expanded") == "false"
    assert page.evaluate(WIDEST) <= width


@pytest.mark.parametrize("width", [390, 768, 900])
def test_narrow_expand_all_and_collapse_all(open_page, width):
    page = open_page("", viewport={"width": width, "height": 844})
    toggle = page.locator(".ed-legend__toggle-all")
    assert toggle.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and "Collapse" in toggle.inner_text()
    geo = page.evaluate(GEOMETRY)
    assert len(geo["notes"]) == page.locator(".ed-note").count()
    assert geo["scrollWidth"] <= width, "horizontal scroll with every note open"
    for note in geo["notes"]:
        assert note["float"] == "none" and note["left"] >= 0 and note["right"] <= width
    for a, b in zip(geo["notes"], geo["notes"][1:]):
        assert b["top"] >= a["bottom"] - 0.5
    for box in page.evaluate(f"[...document.querySelectorAll('{CONTROLS}')].filter(e => e.getClientRects().length)"
                             ".map(e => {{ const r = e.getBoundingClientRect(); return [e.className || e.nodeName, r.width, r.height]; }})"):
        assert box[1] >= 24 and box[2] >= 24, box
    screenshot(page, f"reading-{width}-all-open")
    toggle.click()
    assert page.evaluate(GEOMETRY)["notes"] == []
    assert toggle.get_attribute("aria-expanded") == "false" and "Expand" in toggle.inner_text()


def test_wide_screens_hide_expand_all(open_page):
    page = open_page("")
    assert not page.locator(".ed-legend__toggle-all").is_visible()


# ---------------------------------------------------------------- without JavaScript

def test_margin_items_show_when_the_edition_script_fails(browser, site_server):
    """The margin items stay hidden until the script has placed them (.ed-laid); when the script does not load
    (here: its request fails), they show at the load event, not never and not on a timer that would race a
    slow phone's script."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.route("**/assets/edition.js*", lambda route: route.abort())
        page.goto(site_server.url(""))
        page.wait_for_load_state("load")
        page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
        hidden = page.evaluate("[...document.querySelectorAll('.ed-note')].filter(n => getComputedStyle(n).visibility !== 'visible').length")
        assert hidden == 0
        assert page.locator(".ed-note").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_without_javascript_every_note_is_readable(open_page, viewport):
    page = open_page("", viewport=viewport, java_script_enabled=False)
    geo = page.evaluate(GEOMETRY)
    assert len(geo["notes"]) == page.locator(".ed-note").count() >= 30
    assert page.evaluate(PARTS) == []
    note = page.locator(".ed-note").first
    if viewport is DESKTOP:  # a closed margin item: its marker (a link to it) shows it in full after its paragraph
        page.locator("#ref-" + note.get_attribute("id")).click()
        assert note.locator(".ed-note__summary").is_visible() and page.evaluate(PARTS) == []
        assert note.evaluate("n => getComputedStyle(n).float") == "none"
    note.locator("summary").click()
    assert note.locator(".ed-note__body").is_visible(), "the native disclosure opens without JavaScript"
    if viewport is DESKTOP:
        page.go_back()
        assert_margin_layout(page.evaluate(GEOMETRY), "1440px without JavaScript", report=True, placed=False)
    else:
        assert geo["scrollWidth"] <= viewport["width"]
        assert all(n["float"] == "none" and n["right"] <= viewport["width"] for n in geo["notes"])
    screenshot(page, f"reading-{viewport['width']}-no-js")


# ---------------------------------------------------------------- keyboard and screen readers

@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_keyboard_markers_open_close_and_return_focus(open_page, viewport):
    page = open_page("", viewport=viewport)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ed-marker')"):
            break
    else:
        pytest.fail("no marker reached with Tab")
    marker = page.evaluate_handle("document.activeElement")
    note_id = marker.get_attribute("aria-controls").split()[0]  # the first note of the marker's group
    note = page.locator(f"#{note_id}")
    assert marker.get_attribute("role") == "button" and marker.get_attribute("aria-expanded") == "false"
    details_open = "n => n.querySelector('details').open"
    page.keyboard.press("Enter")
    assert marker.get_attribute("aria-expanded") == "true" and note.is_visible()
    if viewport is DESKTOP:  # in the margin, a single note opens in full; a group opens its summaries
        assert note.evaluate(details_open) == (len(marker.get_attribute("aria-controls").split()) == 1)
    page.keyboard.press("Escape")
    assert marker.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == f"ref-{note_id}"
    page.keyboard.press("Space")
    assert marker.get_attribute("aria-expanded") == "true" and note.is_visible()
    note.locator("summary").focus()
    page.keyboard.press("Escape")
    assert marker.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == f"ref-{note_id}", "Escape in the note returns focus to its marker"
    if viewport is PHONE:
        assert not note.is_visible()


def test_aria_contract(open_page):
    page = open_page("")
    problems = page.evaluate("""() => {
      const out = [];
      for (const n of document.querySelectorAll('.ed-note')) {
        // one marker per group (the notes whose quotes end in one sentence): it controls each of them; each note
        // keeps its ref- anchor (the marker itself for the group's first note, an empty span just before it otherwise)
        const ms = [...document.querySelectorAll('a.ed-marker')].filter(a => a.getAttribute('aria-controls').split(' ').includes(n.id));
        const m = ms[0], ref = document.getElementById('ref-' + n.id);
        const label = document.getElementById(n.getAttribute('aria-labelledby'));
        if (n.getAttribute('role') !== 'note' || !label || !label.textContent.trim()) out.push('note label ' + n.id);
        if (ms.length !== 1 || !m.hasAttribute('aria-expanded') || m.getAttribute('role') !== 'button'
            || !m.getAttribute('aria-label') || m.tabIndex < 0) out.push('marker ' + n.id);
        let e = ref;
        while (e && e !== m && e.matches('span.ed-ref') && !e.textContent) e = e.nextElementSibling;
        if (!ref || e !== m || (ref === m) !== (m.getAttribute('aria-controls').split(' ')[0] === n.id)) out.push('ref ' + n.id);
        const pieces = document.querySelectorAll('.ed-hl[data-note="' + n.id + '"]');
        if (!pieces.length || pieces[0].getAttribute('aria-details') !== n.id) out.push('aria-details ' + n.id);
        [...pieces].slice(1).forEach(p => p.hasAttribute('aria-details') && out.push('repeated aria-details ' + n.id));
      }
      // highlight boundaries are not announced: no role, label or description on the pieces
      for (const h of document.querySelectorAll('.ed-hl'))
        if (h.hasAttribute('role') || h.hasAttribute('aria-label') || h.hasAttribute('aria-describedby') || h.tabIndex >= 0) out.push('hl ' + h.dataset.note);
      return out;
    }""")
    assert problems == []


# ---------------------------------------------------------------- legend

def test_legend_counts_filters_and_keeps_state_in_the_url(open_page, site_server):
    page = open_page("")
    counts = page.evaluate("""() => [...document.querySelectorAll('.ed-legend label')].map(l => ({
        cat: l.querySelector('input').dataset.cat, text: l.innerText, icon: (getComputedStyle(l.querySelector('.ed-cat'), '::before').content.match(/^"(.)"/u) || ['', 'not drawn'])[1],
        count: +l.querySelector('.ed-legend__count').textContent.replace(/\\D/g, ''),
        color: getComputedStyle(l.querySelector('.ed-cat')).color,
        notes: document.querySelectorAll('.ed-note[data-category="' + l.querySelector('input').dataset.cat + '"]').length}))""")
    assert [c["cat"] for c in counts] == ["claims", "sourcing", "syria-analogy", "sanctions"]
    assert len({c["color"] for c in counts}) == 4
    for c in counts:
        assert c["count"] == c["notes"] > 0 and len(c["icon"]) == 1 and len(c["text"]) > 5, c
    page.locator('input[data-cat="sourcing"]').uncheck()
    page.locator('input[data-cat="sanctions"]').uncheck()
    assert page.evaluate("location.search") == "?show=claims,syria-analogy"
    # a screen reader hears what the filter leaves, not only the box that changed
    page.wait_for_function("(document.querySelector('.ed-live[role=status]') || {}).textContent === "
                           "document.querySelector('.ed-legend__title').textContent.replace(/:$/, ' shown')")
    hidden = page.evaluate("""() => [...document.querySelectorAll('.ed-note')].filter(n => getComputedStyle(n).display === 'none')
                                  .map(n => n.dataset.category)""")
    assert hidden and set(hidden) == {"sourcing", "sanctions"}
    total = sum(c["notes"] for c in counts)
    left = total - len(hidden)
    assert page.locator(".ed-legend__title").inner_text() == f"{left} of {total} notes:"
    # a marker hides when every note of its group is filtered out, and shows while one of them is shown
    markers = page.evaluate("""() => [...document.querySelectorAll('a.ed-marker')].map(m => ({id: m.id, visible: m.checkVisibility(),
        cats: m.dataset.notes.split(' ').map(id => document.getElementById(id).dataset.category)}))""")
    assert any(not m["visible"] for m in markers)
    for m in markers:
        assert m["visible"] == any(c not in ("sourcing", "sanctions") for c in m["cats"]), m
    assert_margin_layout(page.evaluate(GEOMETRY), "1440px filtered")
    page2 = open_page("?show=claims")
    shown = page2.evaluate("[...document.querySelectorAll('.ed-note')].filter(n => getComputedStyle(n).display !== 'none').map(n => n.dataset.category)")
    assert set(shown) == {"claims"}
    assert page2.locator(".ed-legend__title").inner_text() == f"{len(shown)} of {total} notes:"  # (a link's filter too)
    assert page2.locator('input[data-cat="claims"]').is_checked() and not page2.locator('input[data-cat="sourcing"]').is_checked()
    # the legend's line on the underlined verdicts (claims carry them) goes while claims are filtered out
    flagged = page2.locator(".ed-legend__flagged")
    assert flagged.is_visible()
    page2.locator('input[data-cat="claims"]').uncheck()
    assert not flagged.is_visible()
    page2.locator('input[data-cat="claims"]').check()
    assert flagged.is_visible()
    page2.locator('input[data-cat="sourcing"]').check()
    assert page2.evaluate("location.search") == "?show=claims,sourcing"
    for cat in ("syria-analogy", "sanctions"):
        page2.locator(f'input[data-cat="{cat}"]').check()
    assert page2.evaluate("location.search") == ""


def test_nothing_the_script_moves_is_drawn_before_it_starts(open_page):
    """Until the script's first pass (ed-laid) the margin's items and, from 1000 px, the legend (the pass moves it
    up under the items before it: it showed 150 px low, then jumped) are hidden. A marker's number does not fade
    (drawn in the new fill's colour, it vanished for a few frames as its note opened). Every id of the article has
    the landing's scroll margin before it is the target (a link lands as the script starts, which may be before
    the browser has matched :target: the paragraph was first scrolled under the header)."""
    page = open_page("")
    state = page.evaluate("""() => { const h = document.documentElement; h.classList.remove('ed-laid');
        const legend = getComputedStyle(document.querySelector('.ed-article > .ed-legend')).visibility;
        h.classList.add('ed-laid');
        const p = document.querySelector('.ed-article > p[id]:not(:target)');
        return {legend, marker: getComputedStyle(document.querySelector('a.ed-marker'), '::before').transitionDuration,
                margin: parseFloat(getComputedStyle(p).scrollMarginTop) / parseFloat(getComputedStyle(h).fontSize)}; }""")
    assert state == {"legend": "hidden", "marker": "0s", "margin": 3.3}, state


def test_a_filter_set_before_the_script_starts_is_applied_when_it_starts(open_page, site_server):
    """The legend's boxes can be clicked from the first paint; the script starts a little later (in a task of its
    own, after the theme's): a box unticked before then filters the notes once it starts, as the browser's
    restoring of a form does. Here the start is held until the box is unticked. (On a phone: from 1000 px the legend
    is in the margin, hidden until the script has placed it.)"""
    page = open_page(None, viewport=PHONE)
    page.route("**/assets/edition.js", lambda route: route.fulfill(
        body=route.fetch().text().replace("setTimeout(started)", "window.__start = started", 1), content_type="text/javascript"))
    page.goto(site_server.url(""))
    page.wait_for_function("typeof window.__start === 'function'")
    page.locator('.ed-legend label:has(input[data-cat="claims"])').click()
    assert not page.locator('input[data-cat="claims"]').is_checked()
    page.evaluate("window.__start()")
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    hidden = page.evaluate("[...new Set([...document.querySelectorAll('.ed-note.ed-hidden-cat')].map(n => n.dataset.category))]")
    assert hidden == ["claims"], hidden
    assert page.evaluate("location.search") == "?show=sourcing,syria-analogy,sanctions"
    assert page.problems == []


def test_legend_without_javascript_shows_counts_only(open_page):
    page = open_page("", java_script_enabled=False)
    assert page.locator(".ed-legend label").count() == 4
    assert not page.locator(".ed-legend input").first.is_visible()
    assert not page.locator(".ed-legend__toggle-all").is_visible()


# ---------------------------------------------------------------- cases C09 and C10

@pytest.mark.parametrize("width", [1440, 1920])
@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_c09_long_notes_on_consecutive_short_paragraphs(open_case, width, js):
    page = open_case("", viewport={"width": width, "height": 900}, java_script_enabled=js)
    geo = page.evaluate(GEOMETRY)
    ids = [n["id"] for n in geo["notes"]]
    assert ids[-3:] == ["short-one-note", "short-two-note", "last-note"]
    assert_margin_layout(geo, f"C09 {width}px" + ("" if js else " without JavaScript"), report=True, placed=js)
    notes = [n for n in geo["items"] if n["float"] == "right"]
    for a, b in zip(notes, notes[1:]):
        assert not overlaps(a, b)
        assert abs(a["left"] - b["left"]) > 1 or b["top"] >= a["bottom"] - 0.5, "document order on one side"
    assert notes[-1]["bottom"] <= geo["footerTop"], "the last note runs over the footer"
    if js:  # opening both long notes' details keeps them apart and above the footer
        for ident in ("short-two-note", "last-note"):
            page.locator(f"#{ident} .ed-note__title").click()  # the item opens first
            page.locator(f"#{ident} summary").click()
            expect(page.locator(f"#{ident} .ed-note__body")).to_be_visible()
        page.evaluate(SETTLED)
        geo = page.evaluate(GEOMETRY)
        assert_margin_layout(geo, f"C09 {width}px opened", placed=None)
    screenshot(page, f"c09-{width}-{'js' if js else 'no-js'}")


@pytest.mark.parametrize("width", [390, 768])
def test_c10_notes_before_a_heading_or_blockquote_on_narrow_screens(open_case, width):
    page = open_case("", viewport={"width": width, "height": 844}, has_touch=True)
    left = page.evaluate("document.getElementById('before-heading').getBoundingClientRect().left")

    def next_blocks_at_left_edge():
        for sel in (".ed-article > h2", ".ed-article > blockquote", "#short-one"):
            assert abs(page.evaluate(f"document.querySelector('{sel}').getBoundingClientRect().left") - left) <= 0.5, sel
        assert page.evaluate(WIDEST) <= width

    next_blocks_at_left_edge()
    for ident in ("heading-note", "quote-note"):
        marker = page.locator(f"#ref-{ident}")
        box = marker.bounding_box()
        assert marker.is_visible() and box["width"] >= 24 and box["height"] >= 24
        marker.tap()
        assert page.locator(f"#{ident}").is_visible()
        assert page.locator(f"#{ident} .ed-note__summary").inner_text() == "A short summary."
        next_blocks_at_left_edge()
    screenshot(page, f"c10-{width}-open")
    # keyboard: the markers are reachable with Tab and open with Enter
    page2 = open_case("", viewport={"width": width, "height": 844})
    reached = []
    for _ in range(40):
        page2.keyboard.press("Tab")
        ident = page2.evaluate("document.activeElement.id")
        if ident in ("ref-heading-note", "ref-quote-note"):
            reached.append(ident)
            page2.keyboard.press("Enter")
            assert page2.locator("#" + ident[4:]).is_visible()
        if len(reached) == 2:
            break
    assert reached == ["ref-heading-note", "ref-quote-note"]
    assert not page.problems and not page2.problems


def test_a_filtered_group_marker_gives_the_numbers_and_findings_still_shown(open_page):
    # with Claims filtered out the pills still read "15–17" and "31–35" and named every finding (a ?show= link
    # keeps the build's numbers: renumbering while the page loads would shift the text)
    page = open_page("")
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    before = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('a.ed-marker')].map(m => [m.getAttribute('aria-controls'),
        [...m.classList].filter(c => c.startsWith('ed-marker--')).sort().join(' ')]))""")
    page.locator('.ed-legend input[data-cat="claims"]').uncheck()
    state = page.evaluate("""() => [...document.querySelectorAll('a.ed-marker:not(.ed-hidden-cat)')].map(m => {
        const shown = m.dataset.notes.split(' ').map(id => document.getElementById(id)).filter(n => n.checkVisibility());
        return {n: m.dataset.n, drawn: getComputedStyle(m, '::before').content, label: m.getAttribute('aria-label'),
                numbers: shown.map(n => n.querySelector('.ed-note__num').textContent), titles: shown.map(n => n.querySelector('.ed-note__title').textContent.trim()),
                hidden: m.dataset.notes.split(' ').map(id => document.getElementById(id)).filter(n => !n.checkVisibility())
                         .map(n => n.querySelector('.ed-note__title').textContent.trim())}; })""")
    assert state
    for marker in state:
        assert marker["numbers"], marker
        assert marker["n"].split("–")[0].split(",")[0] == marker["numbers"][0] and marker["n"] in marker["drawn"], marker
        for number in marker["numbers"][1:]:
            assert number in marker["n"] or "–" in marker["n"], marker
        assert all(title in marker["label"] for title in marker["titles"]), marker
        assert not any(title in marker["label"] for title in marker["hidden"]), marker
    # drawn in the colour of what is left: "several categories" only while several are
    look = """() => Object.fromEntries([...document.querySelectorAll('a.ed-marker')].map(m => [m.getAttribute('aria-controls'),
        [...m.classList].filter(c => c.startsWith('ed-marker--')).sort().join(' ')]))"""
    filtered = page.evaluate(look)
    kinds = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('a.ed-marker:not(.ed-hidden-cat)')].map(m =>
        [m.getAttribute('aria-controls'), [...new Set(m.dataset.notes.split(' ').map(id => document.getElementById(id))
          .filter(n => n.checkVisibility()).map(n => n.dataset.category))]]))""")
    assert kinds
    for ids, cats in kinds.items():
        expected = " ".join(sorted(["ed-marker--" + cats[0]] + (["ed-marker--mixed"] if len(cats) > 1 else [])))
        assert filtered[ids] == expected, (ids, cats, filtered[ids])
    assert any(len(c) == 1 for ids, c in kinds.items() if len(set(ids.split())) > 1), "no mixed group left single"
    page.locator('.ed-legend input[data-cat="claims"]').check()
    assert page.locator('a.ed-marker[data-notes~="syria-2015-sequence"]').get_attribute("data-n") == "21–25"
    assert page.evaluate(look) == before, "the markers' look is the build's again"


def test_a_groups_hairline_is_only_between_notes_shown(open_page):
    """One sentence's notes are one card with a hairline between them; a note filtered out takes its hairline along
    (with Claims filtered out, the "Who Eli Lake is" item of "3–4" kept a line above it, under nothing)."""
    page = open_page("")
    borders = """() => { const m = document.getElementById('ref-byline-attribution'), ids = m.dataset.notes.split(' ');
        return ids.map(id => { const n = document.getElementById(id);
          return [n.dataset.category, getComputedStyle(n).display !== 'none', getComputedStyle(n).borderTopWidth]; }); }"""
    assert page.evaluate(borders) == [["claims", True, "0px"], ["sourcing", True, "1px"]]
    page.locator('input[data-cat="claims"]').uncheck()
    assert page.evaluate(borders) == [["claims", False, "0px"], ["sourcing", True, "0px"]]
