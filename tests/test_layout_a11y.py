"""Issue 13, point 6: a calm screen reader and a short keyboard path (browser tests in Chromium).

Each marker is the one control of its group (the notes whose quotes end in one sentence), named by
its number, each finding's verdict (or category) and title; note titles are not headings; a closed
note's controls are out of the Tab order; the legend is one Tab stop (a toolbar); so the 10th note
is reached in at most 15 Tabs from the top.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, project_notes

pytestmark = pytest.mark.browser
READY = "document.documentElement.classList.contains('ed-laid')"


def tabs_to_note(page, number: int, limit: int = 40) -> int:
    """Tabs pressed from the top until focus is on the control of note ``number``."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        notes = page.evaluate("(document.activeElement.dataset.notes || '').split(' ')")
        numbers = [page.evaluate(f"document.getElementById({i!r})?.querySelector('.ed-note__num')?.textContent") for i in notes if i]
        if str(number) in numbers:
            return count
    return limit + 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_the_tenth_note_is_reached_in_at_most_15_tabs(open_page, viewport):
    page = open_page("", viewport=viewport)
    page.wait_for_function(READY)
    assert tabs_to_note(page, 10) <= 15


def test_each_marker_is_named_by_verdict_and_title(open_page):
    page = open_page("")
    page.wait_for_function(READY)
    by_id = {a.id: a for a in project_notes().annotations}
    markers = page.locator("a.ed-marker")
    assert markers.count() >= 20
    for i in range(markers.count()):
        marker = markers.nth(i)
        ids = marker.get_attribute("data-notes").split()
        numbers = [page.evaluate(f"document.getElementById({n!r}).querySelector('.ed-note__num').textContent") for n in ids]
        parts = []
        for ident in ids:
            a = by_id[ident]
            kind = (a.verdict.label if a.verdict else a.category.label).lower()
            parts.append(f"{kind}: {re.sub(r'[*_`]', '', a.title)}")
        span = numbers[0] if len(ids) == 1 else f"{numbers[0]}–{numbers[-1]}"
        expected = f"{'Note' if len(ids) == 1 else 'Notes'} {span}, " + "; ".join(parts)
        expect(marker).to_have_accessible_name(expected)
        expect(marker).to_have_attribute("role", "button")


def test_note_titles_are_not_headings(open_page):
    page = open_page("")
    headings = page.evaluate("Array.from(document.querySelectorAll('.md-content :is(h1,h2,h3,h4,h5,h6)')).map(h => h.id)")
    assert headings == ["headline"]
    # named by its words alone (the list of headings read "... Ominous Copy link to heading: Russia's Moves...")
    title = page.locator("#headline").evaluate("h => h.firstChild.textContent.trim()")
    assert page.get_by_role("heading", level=1, name=title, exact=True).count() == 1
    assert page.locator(".ed-note__title").count() == len(project_notes().annotations)


def test_a_closed_note_is_out_of_the_tab_order_until_its_marker_opens_it(open_page):
    page = open_page("")
    page.wait_for_function(READY)
    note = page.locator("aside.ed-note").nth(6)
    ident = note.get_attribute("id")
    assert note.evaluate("n => Array.from(n.querySelectorAll('a[href], summary')).every(e => e.tabIndex === -1)")
    marker = page.locator(f'a.ed-marker[data-notes~="{ident}"]')
    marker.focus()
    page.keyboard.press("Enter")
    expect(marker).to_have_attribute("aria-expanded", "true")
    page.wait_for_function(f"Array.from(document.getElementById({ident!r}).querySelectorAll('a[href], summary'))"
                           ".every(e => e.tabIndex === 0)")
    page.keyboard.press("Escape")
    expect(marker).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_tab_goes_from_an_open_marker_into_its_notes_and_back_to_the_text(open_page, viewport):
    # the notes sit after their paragraph in the page: Tab from the opened marker went to the next marker
    page = open_page("", viewport=viewport)
    page.wait_for_function(READY)
    marker = page.locator('a.ed-marker[data-n="10–14"]')
    marker.focus()
    page.keyboard.press("Enter")
    expect(marker).to_have_attribute("aria-expanded", "true")
    where = ("() => { const a = document.activeElement; return {note: a.closest('.ed-note')?.id || null, n: a.dataset.n || null,"
             " inside: !!a.closest('.ed-group'), text: a.textContent.trim().slice(0, 40)}; }")
    page.keyboard.press("Tab")
    first = page.evaluate(where)
    assert first["note"] == "saturday-23-march", first
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(where)["n"] == "10–14", "Shift+Tab from the note's first control goes back to its marker"
    page.keyboard.press("Tab")
    seen = []
    for _ in range(40):  # through the five notes' controls (and, on a phone, the button closing them), then out
        page.keyboard.press("Tab")
        here = page.evaluate(where)
        if not here["inside"]:
            break
        seen.append(here["note"] or here["text"])
    assert "war-of-words" in seen and seen[-1] == ("war-of-words" if viewport == DESKTOP else "Close notes 10–14"), seen
    # out of the group: the text after the marker (the next sentence's marker), not the next paragraph
    assert here["n"] == "15–17", here
    # and page order goes on without circling: Tab reaches the open notes again after the paragraph, then leaves them
    visits = []
    for _ in range(60):
        page.keyboard.press("Tab")
        here = page.evaluate(where)
        visits.append(here["note"] or here["n"] or here["text"])
        if here["n"] == "20":
            break
    assert here["n"] == "20", visits


def test_the_legend_is_one_tab_stop_walked_with_arrow_keys(open_page):
    page = open_page("")
    page.wait_for_function(READY)
    legend = page.locator(".ed-legend")
    expect(legend).to_have_attribute("role", "toolbar")
    stops = legend.evaluate("l => Array.from(l.querySelectorAll('input, button, a[href]')).filter(c => c.tabIndex === 0).length")
    assert stops == 1
    first = legend.locator("input").first
    first.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.cat") == legend.locator("input").nth(1).get_attribute("data-cat")
    # the focused checkbox shows it (Material's inputs have no outline)
    ring = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
    assert ring[0] != "none" and ring[1] >= 2, f"no visible focus on the legend's checkbox: {ring}"
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.textContent") in ("Sources", "Index of notes")


def test_the_legend_says_how_to_move_while_the_keyboard_is_in_it(open_page):
    # (one Tab stop walked with the arrow keys: a sighted keyboard user had no way to guess it)
    page = open_page("")
    page.wait_for_function(READY)
    hint = "getComputedStyle(document.querySelector('.ed-legend'), '::after').content"
    assert page.evaluate(hint) in ("none", "normal")
    page.locator(".ed-legend input").first.focus()
    page.keyboard.press("ArrowRight")
    assert "Arrow keys" in page.evaluate(hint)
    page.keyboard.press("Tab")
    assert page.evaluate(hint) in ("none", "normal")


def test_the_legends_tab_stop_moves_to_a_shown_control_when_the_width_hides_it(open_page):
    """On a phone the stop may be "Expand all notes", which wider screens hide: after the next layout pass the
    stop is a control that shows, so Tab still reaches the legend."""
    page = open_page("", viewport=PHONE)
    page.wait_for_function(READY)
    page.locator(".ed-legend__toggle-all").focus()
    page.evaluate("document.activeElement.blur()")
    page.set_viewport_size(DESKTOP)
    page.wait_for_function("""() => { const stops = Array.from(document.querySelectorAll('.ed-legend [tabindex="0"]'));
        return stops.length === 1 && stops[0].offsetParent !== null; }""")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_no_invisible_tab_stops_and_search_still_opens_from_the_keyboard(open_page, viewport):
    # Material's empty results box (a scroll area: Chromium makes it a Tab stop) and, on a phone, the field in
    # its closed search overlay took two Tabs to nowhere before the column
    page = open_page("", viewport=viewport)
    for _ in range(6):
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            return {what: e.className, w: r.width, h: r.height, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }""")
        if "md-option" in stop["what"]:  # (the palette switch: a hidden radio whose label shows its focus)
            continue
        assert stop["w"] > 0 and stop["h"] > 0 and stop["left"] >= 0 and stop["right"] <= viewport["width"] \
            and stop["top"] >= 0 and stop["bottom"] <= viewport["height"], f"an invisible Tab stop: {stop}"
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement === document.querySelector('.md-search__input')")


@pytest.mark.parametrize("path", ["notes/", "sources/", "about/"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_the_other_pages_keep_focus_visible_and_out_of_the_closed_drawer_and_search(open_page, viewport, path):
    """The script stopped at once on a page without the column: on a phone the third Tab opened Material's search
    over the Index of notes and the next went through the closed drawer's links (27 on the Index), and Shift+Tab
    left links under the header at both widths. Tab down 30 stops, then Shift+Tab back up."""
    page = open_page(path, viewport=viewport)
    page.wait_for_function("document.readyState === 'complete'")
    walked = []
    for key in ["Tab"] * 30 + ["Shift+Tab"] * 30:
        page.keyboard.press(key)
        stop = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect(),
            header = document.querySelector('.md-header');
            return {what: (e.textContent || e.className || e.tagName).trim().slice(0, 30), body: e === document.body,
                    w: r.width, h: r.height, top: r.top, bottom: r.bottom, under: header.getBoundingClientRect().bottom,
                    inHeader: header.contains(e) || e.matches('.md-skip'), option: e.matches('.md-option'), search: !!document.getElementById('__search').checked}; }""")
        walked.append((key, stop))
        if stop["body"] or stop["option"] or stop["search"] and viewport == DESKTOP:  # (the palette switch: a hidden
            continue  # radio whose label shows its focus; on a wide screen search opens under the header, as it should)
        assert not (stop["search"] and viewport == PHONE), f"{key} opened search: {walked[-3:]}"  # (on a wide screen: in the header)
        assert stop["w"] > 0 and stop["h"] > 0 and 0 <= stop["top"] and stop["bottom"] <= viewport["height"] + 1, \
            f"an invisible Tab stop after {key}: {stop}"
        assert stop["inHeader"] or stop["top"] >= stop["under"] - 1, f"focus under the header after {key}: {stop}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_back_to_the_text_focuses_the_marker_with_the_quote_in_view(open_page, viewport):
    """'Back to the text of note 11' (a group's second note) links to an empty span before the marker: focus fell to
    <body>, and the quote was scrolled under the sticky header (the first note's link focused the marker, with the
    quote hidden the same way)."""
    page = open_page("", viewport=viewport)
    page.wait_for_function(READY)
    marker = page.locator('a.ed-marker[data-n="10–14"]')
    for note in marker.get_attribute("data-notes").split()[:2]:
        marker.focus()
        if marker.get_attribute("aria-expanded") != "true":
            page.keyboard.press("Enter")
        page.locator(f"#{note} .ed-note__num").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.matches('a.ed-marker')")
        state = page.evaluate("""id => { const h = document.querySelector('.ed-hl[data-note="' + id + '"]');
            return {marker: document.activeElement.dataset.n, quote: h.getBoundingClientRect().top,
                    header: document.querySelector('.md-header').getBoundingClientRect().bottom, height: innerHeight}; }""", note)
        assert state["marker"] == "10–14" and state["header"] <= state["quote"] < state["height"], (note, state)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_an_open_group_is_walked_once(open_page, viewport):
    """Tab from a marker walks its open group, then goes on after the marker; the text's later Tabs went through
    the same 15 controls a second time, where the group sits in the page's order."""
    page = open_page("", viewport=viewport)
    page.wait_for_function(READY)
    marker = page.locator('a.ed-marker[data-n="10–14"]')
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('a.ed-marker[data-n=\"10–14\"]').getAttribute('aria-expanded') === 'true'")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("""() => { const a = document.activeElement, g = a.closest('.ed-group') || a.closest('.ed-note');
            return g && (g.matches('.is-open') || g.querySelector('.ed-note.is-open'))
                ? [...document.querySelectorAll('*')].indexOf(a) + ' ' + (a.getAttribute('href') || a.textContent.trim().slice(0, 20)) : null; }"""))
    inside = [s for s in seen if s]
    assert inside and len(inside) == len(set(inside)), inside


def test_the_content_has_one_focus_ring(open_page):
    # (a marker had a 2 px solid ring, a link or a disclosure Material's thin accent one, offset so far that it
    # covered the letters beside the link)
    page = open_page("", viewport=DESKTOP)
    rings = {}
    for _ in range(40):
        page.keyboard.press("Tab")
        ring = page.evaluate("""() => { const a = document.activeElement;
          if (!a.closest('.md-content') || !a.matches(':focus-visible')) return null;
          const kind = a.matches('a.ed-marker') ? 'marker' : a.closest('.ed-legend') ? null : a.matches('a') ? 'link' : a.tagName.toLowerCase();
          const cs = getComputedStyle(a);
          return kind && [kind, cs.outlineStyle + ' ' + cs.outlineWidth + ' ' + cs.outlineColor];
        }""")
        if ring:
            rings.setdefault(ring[1], set()).add(ring[0])
        if {"marker", "link"} <= set().union(*rings.values()):
            break
    assert len(rings) == 1 and {"marker", "link"} <= next(iter(rings.values())), rings
    assert next(iter(rings)).startswith("solid 2px"), rings


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_the_first_tab_offers_to_skip_to_the_headline(open_page, viewport):
    """The article has no table of contents, from which the theme makes its "Skip to content" link: the page's
    first Tab stop is that link all the same, shown, and it takes the reader to the headline; the next Tab is
    in the column, not back in the site's header."""
    page = open_page("", viewport=viewport)
    page.wait_for_function(READY)
    page.keyboard.press("Tab")
    link = page.evaluate("(() => { const a = document.activeElement;"
                         " return {skip: a.classList.contains('md-skip'), text: a.textContent.trim(), href: a.getAttribute('href')}; })()")
    assert link == {"skip": True, "text": "Skip to content", "href": "#headline"}, link
    page.wait_for_function("(() => { const a = document.activeElement, r = a.getBoundingClientRect();"  # (it fades in)
                           " return r.width > 0 && r.top >= 0 && getComputedStyle(a).opacity === '1'; })()")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#headline'")
    # the headline lands under the header with its frame clear of it (the dashed frame stands 6-7 px out of the
    # headline; it once touched the header's shadow): measured once the scroll has stopped (two frames alike)
    gap = page.evaluate("""async () => {
      const h = document.getElementById('headline'), cs = getComputedStyle(h), frame = () => new Promise(r => requestAnimationFrame(r));
      let last = NaN, top = h.getBoundingClientRect().top;
      while (top !== last) { await frame(); await frame(); last = top; top = h.getBoundingClientRect().top; }
      return top - parseFloat(cs.outlineOffset) - parseFloat(cs.outlineWidth) - document.querySelector('.md-header').getBoundingClientRect().bottom;
    }""")
    assert 4 <= gap <= 24, f"the headline's frame is {gap:.1f} px under the header"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.ed-article')"), page.evaluate("document.activeElement.outerHTML")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])
def test_shift_tab_back_up_the_page_never_leaves_focus_under_the_header(open_page, viewport):
    """WCAG 2.4.11 (focus not obscured): the browser scrolls a control that Shift+Tab focuses above the window only
    to the window's top, under Material's sticky header (the legend's boxes and the editor's note's link at 30-37 px
    under a 48 px header at 1440). Walked back from inside an open group to the top of the page."""
    page = open_page("", viewport=viewport)
    page.wait_for_function(READY)
    page.locator("#ref-source-lavrov-readout").focus()
    page.keyboard.press("Enter")
    for _ in range(3):
        page.keyboard.press("Tab")
    hidden = []
    for _ in range(25):
        page.keyboard.press("Shift+Tab")
        state = page.evaluate("""() => { const a = document.activeElement, header = document.querySelector('.md-header');
            return {text: (a.textContent || a.className).trim().slice(0, 30), top: a.getBoundingClientRect().top,
                    below: header.getBoundingClientRect().bottom, outside: a !== document.body && !header.contains(a)
                           && !a.matches('.md-skip')}; }""")
        if state["outside"] and state["top"] < state["below"] - 1:
            hidden.append(state)
    assert hidden == [], hidden
