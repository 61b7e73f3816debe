"""Issue 13, point 7: the phone (390 x 844, touch emulation, browser tests in Chromium).

A search result that is only in a note, tapped, opens its note in view, and no other quote is
emphasised; the first screen shows the headline and the start of the column.
"""

from __future__ import annotations

import pytest

from conftest import PHONE, screenshot

TOUCH = {"viewport": PHONE, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


def test_first_screen_shows_the_headline_and_the_start_of_the_column(open_page):
    page = open_page("", **TOUCH)
    state = page.evaluate("""() => { const h = document.querySelector('.ed-header h1').getBoundingClientRect(),
        p = document.querySelector('.ed-article > p').getBoundingClientRect(), line = parseFloat(getComputedStyle(document.querySelector('.ed-article > p')).lineHeight);
      return {h1: h.bottom, p: p.top, line, height: innerHeight}; }""")
    print(f"\n390x844: headline ends at {state['h1']:.0f} px, the column starts at {state['p']:.0f} px")
    assert state["h1"] < state["height"]
    assert state["p"] + 2 * state["line"] <= state["height"], "the first two lines of the column are not on the first screen"
    screenshot(page, "layout-390-first-screen")


def test_the_editors_note_folds_to_its_button_in_its_place_on_a_phone(open_page, site_server):
    """Moved after the article to free the first screen, the editor's note was seen last but read and tabbed to
    before the column. Now it stays in its place, folded to one button that unfolds it (for good, focus on it);
    on a wide screen it is shown in full, without the button."""
    page = open_page("", **TOUCH)
    geometry = """() => { const r = e => document.querySelector(e).getBoundingClientRect();
      const note = document.querySelector('.ed-editor-note'), button = note.querySelector('.ed-editor-note__unfold');
      return {header: r('.ed-header').bottom, note: r('.ed-editor-note'), legend: r('.ed-legend').top,
              column: r('.ed-article > p').top, button: getComputedStyle(button).display,
              text: getComputedStyle(note.querySelector('p')).display, expanded: button.getAttribute('aria-expanded')}; }"""
    folded = page.evaluate(geometry)
    assert folded["button"] != "none" and folded["text"] == "none" and folded["expanded"] == "false", folded
    assert folded["header"] <= folded["note"]["top"] and folded["note"]["bottom"] <= folded["legend"] <= folded["column"], folded
    assert folded["note"]["height"] <= 40, folded
    page.locator(".ed-editor-note__unfold").tap()
    page.wait_for_function("document.activeElement === document.querySelector('.ed-editor-note.is-open')")
    unfolded = page.evaluate(geometry)
    assert unfolded["button"] == "none" and unfolded["text"] != "none" and unfolded["expanded"] == "true", unfolded
    assert unfolded["note"]["height"] > 100, unfolded
    screenshot(page, "layout-390-editors-note-unfolded")
    assert abs(unfolded["note"]["top"] - folded["note"]["top"]) <= 1, (folded, unfolded)  # (it opens where it was)
    wide = open_page("", viewport={"width": 1440, "height": 900}).evaluate(geometry)
    assert wide["button"] == "none" and wide["text"] != "none", wide
    # a script that never ran (blocked, failed): once the page has loaded the note is shown, not left behind a dead button
    dead = open_page(None, **TOUCH)
    dead.route("**/edition.js", lambda route: route.abort())
    dead.goto(site_server.url(""))
    dead.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    shown = dead.evaluate(geometry)
    assert shown["button"] == "none" and shown["text"] != "none", shown
    # a script that ran, claimed the page (the head's line then leaves the margin to it) and failed to start
    failed = open_page(None, **TOUCH)
    failed.route("**/edition.js", lambda route: route.fulfill(
        body=route.fetch().text().replace("function start(){", "function start(){throw new Error('start failed');", 1),
        content_type="text/javascript"))
    failed.goto(site_server.url(""))
    failed.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    assert failed.evaluate("document.documentElement.classList.contains('ed-claimed')")
    shown = failed.evaluate(geometry)
    assert shown["button"] == "none" and shown["text"] != "none", shown
    assert any("start failed" in p for p in failed.problems), failed.problems


def test_the_column_s_paragraphs_are_evenly_spaced_with_their_notes_closed(open_page):
    """Closed notes take no room: the space between two of the column's paragraphs is the same everywhere (closed
    groups once kept their margin, and in the column's flex layout three of them added 48 px after one paragraph)."""
    page = open_page("", **TOUCH)
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    gaps = page.evaluate("""() => { const ps = [...document.querySelectorAll('.ed-article > p:not(.ed-added, .ed-republication, .ed-sr)')];
      return ps.slice(1).map((p, i) => [p.id, Math.round(p.getBoundingClientRect().top - ps[i].getBoundingClientRect().bottom)]); }""")
    assert len(gaps) >= 10
    sizes = {gap for _, gap in gaps}
    assert max(sizes) - min(sizes) <= 1, gaps


def test_a_tapped_search_result_opens_its_note_in_view(open_page):
    page = open_page("", **TOUCH)
    page.locator("label.md-header__button[for='__search']").tap()
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.press_sequentially("Rosoboronexport", delay=20)
    result = page.locator("a.md-search-result__link[href$='#helicopters-overhauled']").first
    more = page.locator("details.md-search-result__more summary")
    page.locator("a.md-search-result__link").first.wait_for(state="visible")
    if not result.is_visible() and more.count():
        more.first.tap()
    result.wait_for(state="visible")
    result.tap()
    page.wait_for_function("""() => { const n = document.getElementById('helicopters-overhauled'), r = n.getBoundingClientRect(),
        h = document.querySelector('.md-header').getBoundingClientRect().bottom;
      return n.classList.contains('is-open') && r.top >= h - 1 && r.top < innerHeight - 80 && document.body.dataset.mdScrolllock === undefined; }""")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    state = page.evaluate("""() => { const n = document.getElementById('helicopters-overhauled'), r = n.getBoundingClientRect();
      return {top: r.top, bottom: r.bottom, height: innerHeight, focus: document.activeElement.closest('.ed-note')?.id,
              active: [...document.querySelectorAll('.ed-hl.is-active, .ed-marker.is-active, .ed-note.is-active')]
                .map(e => e.matches('.ed-marker') ? 'marker of ' + e.dataset.notes : e.dataset.note || e.id)}; }""")
    group = page.evaluate("document.querySelector('a.ed-marker[data-notes~=\"helicopters-overhauled\"]').dataset.notes")
    assert 0 <= state["top"] < state["height"] - 80, state
    assert state["focus"] == "helicopters-overhauled", state
    # the note, its quote and the marker of its group (one marker per sentence) only
    assert set(state["active"]) <= {"helicopters-overhauled", f"marker of {group}"}, f"another quote is emphasised: {state['active']}"
    screenshot(page, "layout-390-search-landing")
    assert not page.problems, page.problems


def test_a_marker_tapped_closed_looks_closed(open_page):
    # (the marker keeps the focus after the second tap; it once stayed filled and its quotes tinted, as if open)
    page = open_page("", **TOUCH)
    marker = page.locator('a.ed-marker[data-notes~="war-of-words"]')
    marker.scroll_into_view_if_needed()
    state = """m => ({expanded: m.getAttribute('aria-expanded'), filled: getComputedStyle(m).backgroundColor === getComputedStyle(m).color,
        tinted: document.querySelectorAll('.ed-hl.is-active, .ed-hl.is-open').length})"""
    marker.tap()
    page.wait_for_function("document.getElementById('war-of-words').classList.contains('is-open')")
    opened = marker.evaluate(state)
    assert opened["expanded"] == "true" and opened["filled"] and opened["tinted"] > 0, opened
    marker.tap()
    page.wait_for_function("!document.getElementById('war-of-words').classList.contains('is-open')")
    closed = marker.evaluate(state)
    assert closed == {"expanded": "false", "filled": False, "tinted": 0}, closed


@pytest.mark.parametrize("marker", ["10–14", "21–25", "7–9"])
def test_a_tapped_marker_keeps_its_sentence_on_screen(open_page, marker):
    # the notes come after the paragraph: scrolling the group's top under the header once pushed the tapped
    # marker and its sentence off the top of the screen (scrollY 1136 for 10-14)
    page = open_page("", **TOUCH)
    tap = page.locator(f'a.ed-marker[data-n="{marker}"]')
    tap.scroll_into_view_if_needed()
    tap.tap()
    page.wait_for_function("m => m.getAttribute('aria-expanded') === 'true'", arg=tap.element_handle())
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    state = tap.evaluate("""m => { const id = m.getAttribute('aria-controls').split(' ')[0], n = document.getElementById(id);
        const q = document.querySelector('.ed-hl[data-note="' + id + '"]'), u = n.closest('.ed-group') || n;
        return {header: document.querySelector('.md-header').getBoundingClientRect().bottom, marker: m.getBoundingClientRect().top,
                quote: q.getBoundingClientRect().top, note: u.getBoundingClientRect().top, height: innerHeight}; }""")
    assert state["marker"] >= state["header"] and state["quote"] >= state["header"] - 1, f"{marker}: the tapped sentence left the screen: {state}"
    assert state["note"] <= state["height"] - 100, f"{marker}: the opened note is below the fold: {state}"


def test_an_open_note_or_group_keeps_room_before_the_next_paragraph(open_page):
    # (an open group's ring once touched the next paragraph's first line; a single note keeps its margin)
    page = open_page("", **TOUCH)
    for n in ("10–14", "20"):  # a group of five, a single note
        tap = page.locator(f'a.ed-marker[data-n="{n}"]')
        tap.scroll_into_view_if_needed()
        tap.tap()
        page.wait_for_function("m => m.getAttribute('aria-expanded') === 'true'", arg=tap.element_handle())
    gaps = page.evaluate("""() => [...document.querySelectorAll('.ed-close')].map(b => {
        const u = b.parentElement, next = u.nextElementSibling;
        return {unit: u.className, gap: next.getBoundingClientRect().top - u.getBoundingClientRect().bottom,
                line: parseFloat(getComputedStyle(next).lineHeight)}; })""")
    assert len(gaps) == 2 and "ed-group" in gaps[0]["unit"], gaps
    assert all(g["gap"] >= 0.5 * g["line"] for g in gaps), gaps


@pytest.mark.parametrize("width", [320, 390])
def test_the_photo_credit_breaks_after_its_label_not_in_the_name(open_page, width):
    # (at 390 px "Carlos Jasso" ended one line and "/ Reuters" began the next)
    page = open_page("", viewport={"width": width, "height": 740}, has_touch=True, is_mobile=True)
    lines = page.evaluate("""() => { const r = document.createRange(), p = document.getElementById('photo-credit');
        r.selectNodeContents(p.querySelector('.ed-hl'));  /* (the name, quoted by note 6) */
        return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }""")
    assert lines == 1, f"{width}px: the credit's name takes {lines} lines"


@pytest.mark.parametrize("width", [320, 360, 375, 390, 400, 414])
def test_the_legend_fits_small_phones(open_page, width):
    # two categories a row from 360 px (a size smaller up to 413 px), one under it; nothing runs past the legend's
    # edge or its cell (at 390 and 400 px "Syria analogy (6)" ran past its cell and squeezed its checkbox to 13 px)
    page = open_page("", viewport={"width": width, "height": 740}, has_touch=True, is_mobile=True)
    state = page.evaluate("""() => { const l = document.querySelector('.ed-legend'), r = l.getBoundingClientRect();
      const over = [...l.querySelectorAll('*')].filter(e => { const b = e.getBoundingClientRect();
        return b.width && (b.right > r.right + 0.5 || b.left < r.left - 0.5); }).map(e => e.className || e.tagName);
      over.push(...[...l.querySelectorAll('label')].filter(e => e.scrollWidth > e.clientWidth
        || e.querySelector('input').getBoundingClientRect().width < 17.5).map(e => e.textContent));
      const rows = new Set([...l.querySelectorAll('label')].map(e => Math.round(e.getBoundingClientRect().top)));
      return {over, rows: rows.size, scroll: document.documentElement.scrollWidth - innerWidth}; }""")
    assert not state["over"] and state["scroll"] <= 0, f"{width}px: {state}"
    assert state["rows"] == (2 if width >= 360 else 4), f"{width}px: the categories take {state['rows']} rows"


def test_a_long_category_name_stays_inside_the_legend(open_page):
    """Another site's names are not ours: "Background (3)" ran past the legend's edge on a phone. A name wraps in
    its cell (the count under it) and the checkbox keeps its size."""
    page = open_page("", viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    for name in ("Background", "Local background"):
        over = page.evaluate("""name => { const label = document.querySelectorAll('.ed-legend label')[1];
          label.querySelector('.ed-cat').lastChild.textContent = name;
          const l = document.querySelector('.ed-legend'), r = l.getBoundingClientRect();
          return [...l.querySelectorAll('label, label *')].filter(e => { const b = e.getBoundingClientRect();
            return b.width && b.right > r.right + 0.5; }).map(e => e.className || e.tagName)
            .concat([...l.querySelectorAll('input')].filter(i => i.getBoundingClientRect().width < 17.5).map(() => 'input')); }""", name)
        assert over == [], f"{name!r}: past the legend's edge: {over}"


def test_a_tapped_marker_opens_its_sentence_without_tinting_every_quote(open_page):
    """A tap focuses the marker it opens; the tint follows the pointer and the keyboard's focus only, so a phone's
    opened sentence shows its quotes underlined and numbered, not five tinted stripes. Focus from the keyboard
    still tints them."""
    page = open_page("", **TOUCH)
    marker = page.locator("#ref-syria-2015-sequence")  # a sentence of five notes
    marker.scroll_into_view_if_needed()
    marker.tap()
    page.wait_for_function("document.querySelectorAll('.ed-hl.is-open[data-n], .ed-hl.is-open + .ed-n-after[data-n]').length >= 5")
    assert page.evaluate("document.activeElement.id") == "ref-syria-2015-sequence"
    assert page.evaluate("document.querySelectorAll('.ed-hl.is-active').length") == 0
    page.keyboard.press("Shift+Tab")  # away from the marker and back, from the keyboard
    page.keyboard.press("Tab")
    page.wait_for_function("document.activeElement.id === 'ref-syria-2015-sequence'")
    page.wait_for_function("document.querySelectorAll('.ed-hl.is-active').length >= 5")



@pytest.mark.parametrize("width", [390, 1024])
def test_the_navigation_drawer_shows_the_site_name_whole(open_page, width):
    # (the drawer's title was cut to "Russia's Moves in Venez…")
    page = open_page("", **{**TOUCH, "viewport": {**PHONE, "width": width}})
    page.locator("label.md-header__button[for='__drawer']").click()
    title = page.locator(".md-nav--primary > .md-nav__title")
    title.wait_for(state="visible")
    page.wait_for_function("() => { const t = document.querySelector('.md-nav--primary > .md-nav__title').getBoundingClientRect();"
                           " return t.left >= 0; }")
    fits = title.evaluate("t => ({scroll: t.scrollWidth, client: t.clientWidth, text: t.innerText.trim(),"
                          " overflow: getComputedStyle(t).textOverflow, white: getComputedStyle(t).whiteSpace})")
    assert "annotated" in fits["text"] and fits["scroll"] <= fits["client"] and fits["white"] == "normal", fits
