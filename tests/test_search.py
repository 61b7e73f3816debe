"""Issue 8: Material's search finds a word that is only in a note and opens that note."""

from __future__ import annotations

from conftest import DESKTOP, PHONE, screenshot


def _search(page, query: str, target: str):
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # on a phone the search field opens from the header's search button
        page.locator("label.md-header__button[for='__search']").click()
    box.focus()
    box.press_sequentially(query, delay=20)
    page.locator("a.md-search-result__link").first.wait_for(state="visible", timeout=10000)
    more = page.locator("details.md-search-result__more summary")
    if more.count() and more.first.is_visible():
        more.first.click()
    return page.locator(f"a.md-search-result__link[href$='#{target}']").first


def test_search_for_a_word_only_in_a_note_opens_the_note(open_page):
    for viewport in (DESKTOP, PHONE):
        page = open_page("", viewport=viewport)
        result = _search(page, "Rosoboronexport", "helicopters-overhauled")  # a note is its own search entry (its title is not a heading)
        result.wait_for(state="visible", timeout=5000)
        result.click()
        # (Material closes its search overlay and gives the page its scroll back; the note then lands in view)
        page.wait_for_function("""() => { const n = document.getElementById('helicopters-overhauled'), r = n.getBoundingClientRect();
            return n.classList.contains('is-open') && document.body.dataset.mdScrolllock === undefined && r.top >= 0 && r.top < innerHeight; }""")
        note = page.locator("#helicopters-overhauled")
        assert note.is_visible()
        assert note.evaluate("n => n.classList.contains('is-open') || n.querySelector('details').open")
        box = note.bounding_box()
        assert 0 <= box["y"] < viewport["height"], box
        assert page.evaluate("document.activeElement.closest('.ed-note')?.id") == "helicopters-overhauled"
        screenshot(page, f"search-landing-{viewport['width']}")


def test_search_for_a_publisher_opens_its_sources_on_the_sources_page(open_page):
    # (the Sources listing had left the index whole: "Sputnik" or "Adweek" found no source)
    page = open_page("", viewport=DESKTOP)
    result = _search(page, "Adweek", "source-s67b")  # Adweek's one source, as the Sources page lists it
    result.wait_for(state="visible", timeout=5000)
    assert "Bloomberg View" in result.inner_text()
    result.click()
    page.wait_for_function("""() => { const s = document.getElementById('source-s67b');
        return location.pathname.endsWith('/sources/') && s && s.matches(':target')
               && s.getBoundingClientRect().top >= 0 && s.getBoundingClientRect().bottom <= innerHeight; }""")
    assert not page.problems, page.problems
