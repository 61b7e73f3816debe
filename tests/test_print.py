"""Print (case C11), with and without JavaScript: every note in full, numbered like its marker,
inside the page width; no buttons, no empty boxes; links print their URL; the category filter
does not hide notes on paper. Chromium's print media emulation, at the width of an A4 page's
printable area (about 720 CSS px), and a real PDF for people to look at."""

from __future__ import annotations

import re

import pytest

from conftest import OUTPUT, screenshot

LOOPBACK = re.compile(r"https?://(localhost[:/]|127\.|\[::1\])")  # a site_url on this machine
PAPER = {"width": 720, "height": 1000}

PRINTED = r"""() => {
  const shown = e => e.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const box = e => e.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  // one marker per sentence: a note's marker is the one whose data-notes lists it (its label "10–14" or "7")
  const markerOf = n => document.querySelector('a.ed-marker[data-notes~="' + n.id + '"]');
  const numberOf = n => { const num = n.querySelector('.ed-note__num'); return !!num && shown(num) && num.textContent.trim(); };
  const notes = [...document.querySelectorAll('.ed-note')].map(n => {
    const m = markerOf(n), part = s => n.querySelector(s);
    const filled = s => part(s) && shown(part(s)) && box(part(s)).height > 0 && part(s).innerText.trim().length > 0;
    const markerNumber = m && getComputedStyle(m, '::before').content.replace(/["\s\u2060]/g, '');
    // what the marker should read: the group's first number, then "–" and its last when it has several
    const group = m ? m.dataset.notes.split(' ').map(id => document.getElementById(id)) : [];
    const numbers = group.map(g => g && numberOf(g));
    const expected = numbers.length > 1 ? numbers[0] + '\u2013' + numbers[numbers.length - 1] : numbers[0];
    const unit = n.closest('.ed-group') || n;
    return {id: n.id, shown: shown(n), left: box(n).left, right: box(n).right, float: getComputedStyle(n).float,
            unitFloat: getComputedStyle(unit).float, unitLeft: box(unit).left, unitRight: box(unit).right,
            title: filled('.ed-note__title'), summary: filled('.ed-note__summary'), body: filled('.ed-note__body'),
            sources: filled('.ed-note__sources'), checked: filled('.ed-note__sources') && /Checked \d/.test(part('.ed-note__sources').innerText),
            number: numberOf(n), marker: markerNumber, groupNumbers: numbers, expected, markerShown: !!m && shown(m),
            markerBox: m ? getComputedStyle(m).borderTopStyle + ' ' + getComputedStyle(m).backgroundColor : '',
            // what each of its quotes prints after it ("none", or its number: "23"), or the quote inside it that ends
            // where it ends prints for both ("3,4"); a quote followed by a closing quotation mark prints its number
            // after the mark (the empty .ed-n-after there)
            quoteNumbers: [...document.querySelectorAll('.ed-hl[data-note="' + n.id + '"]')].map(h => {
              while (h.lastElementChild && h.lastElementChild.matches('.ed-hl') && h.lastElementChild === h.lastChild) h = h.lastChild;
              const after = h.nextElementSibling && h.nextElementSibling.matches('.ed-n-after') ? h.nextElementSibling : h;
              return getComputedStyle(after, '::after').content.replace(/^"|" \/ ""$|"$/g, '');
            })};
  });
  const controls = [...document.querySelectorAll('button, summary, input, select, .ed-permalink, .ed-legend :is(.ed-legend__links, .ed-legend__mixed, .ed-legend__title), .md-search, [role=button]:not(.ed-marker)')]
    .filter(shown).map(e => e.outerHTML.slice(0, 90));
  const empty = [...document.querySelectorAll('.md-content *')].filter(e => {
    if (!shown(e) || ['IMG', 'svg', 'BR', 'HR', 'INPUT'].includes(e.nodeName)) return false;
    const s = getComputedStyle(e), r = box(e);
    const painted = s.backgroundColor !== 'rgba(0, 0, 0, 0)' || parseFloat(s.borderTopWidth) + parseFloat(s.borderLeftWidth) > 0;
    const content = (getComputedStyle(e, '::before').content || 'none') !== 'none';
    return painted && r.width * r.height > 0 && !e.innerText.trim() && !content;
  }).map(e => e.outerHTML.slice(0, 90));
  const links = [...document.querySelectorAll('.ed-article a[href]:not([href^="#"])')].filter(shown).map(a => ({
    href: a.getAttribute('href'), text: a.textContent, after: getComputedStyle(a, '::after').content,
    abs: new URL(a.getAttribute('href'), (document.querySelector('link[rel=canonical]') || location).href).href}));
  const overflow = [...document.querySelectorAll('.ed-article *')].filter(e => shown(e) && box(e).right > width + 0.5)
    .map(e => e.outerHTML.slice(0, 90));
  return {notes, controls, empty, links, overflow, width};
}"""


def printed(page) -> dict:
    """The page as printed: print media, and the print events a real print fires (page.pdf() fires them)."""
    page.emulate_media(media="print")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    return page.evaluate(PRINTED)


def assert_printed_in_full(state: dict, label: str, numbered: bool = True) -> None:
    """Every note printed in full, after the column or its paragraph. With ``numbered`` (the script ran), a
    sentence of several notes prints each quote's number after it instead of the sentence's range marker,
    so a reader can tell which words an endnote is about; otherwise its marker prints the range."""
    assert len(state["notes"]) >= 30
    for note in state["notes"]:
        where = f"{label} {note['id']}"
        assert note["shown"] and note["float"] == "none" and note["unitFloat"] == "none", where
        for part in ("title", "summary", "body", "sources", "checked"):
            assert note[part], f"{where}: its {part} is not printed"
        # numbered like its marker: the marker reads the group's first number (and "–" its last), and the note
        # carries its own number, one of the group's consecutive numbers
        numbers = note["groupNumbers"]
        assert note["number"] and note["number"] in numbers, f"{where}: numbered {note['number']}, its group {numbers}"
        assert all(numbers) and [int(x) for x in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers))), \
            f"{where}: its group is numbered {numbers}"
        if numbered and len(numbers) > 1:
            assert note["quoteNumbers"] and all(note["number"] in q.split(",") for q in note["quoteNumbers"]), \
                f"{where}: note {note['number']}, its quotes print {note['quoteNumbers']}"
            for q in note["quoteNumbers"]:  # numbers printed together read in order: "Lake³,⁴", not "Lake⁴,³"
                assert [int(x) for x in q.split(",")] == sorted(int(x) for x in q.split(",")), f"{where}: prints {q}"
            assert not note["markerShown"], f"{where}: the range marker prints beside the numbered quotes"
        else:
            assert note["marker"] == note["expected"], f"{where}: numbered {note['number']}, marker {note['marker']} (group {numbers})"
            assert note["markerShown"], where
            assert note["markerBox"].startswith("none rgba(0, 0, 0, 0)"), f"{where}: the marker prints as a button ({note['markerBox']})"
        assert 0 <= note["left"] and note["right"] <= state["width"] + 0.5, f"{where}: outside the page width"
        assert 0 <= note["unitLeft"] and note["unitRight"] <= state["width"] + 0.5, f"{where}: its group is outside the page width"
    assert not state["controls"], f"{label}: controls printed: {state['controls']}"
    assert not state["empty"], f"{label}: empty boxes printed: {state['empty']}"
    assert not state["overflow"], f"{label}: wider than the page: {state['overflow'][:3]}"
    assert state["links"]
    # (an address is printed once: a link whose text is its address adds nothing, and a link to an address
    # printed as another link's text may leave it to that one)
    printed_as_text = {link["text"].strip() for link in state["links"]}
    for link in state["links"]:
        url = link["href"] if re.match(r"^https?:", link["href"]) else None
        if not url and LOOPBACK.match(link["abs"]) and link["after"] in ("none", "normal"):
            continue  # (a build for this machine prints no address of its own pages: 127.0.0.1 means nothing on paper)
        if url and url in printed_as_text:
            assert link["after"] in ("none", "normal") or url in link["after"], link
            continue
        assert (url and url in link["after"]) or link["abs"] in link["after"] or link["href"] in link["after"], \
            f"{label}: link {link['href']} prints without its URL ({link['after']})"


# each quote's printed number, and the text that follows it on paper (up to 3 characters)
PRINTED_NUMBERS = """[...document.querySelectorAll('.ed-article :is(.ed-hl, .ed-n-after)[data-n]')]
  .filter(e => getComputedStyle(e, '::after').content !== 'none').map(e => {
    const walk = document.createTreeWalker(document.querySelector('.ed-article'), NodeFilter.SHOW_TEXT);
    walk.currentNode = e;
    let text = '', node = walk.nextNode();
    while (node && e.contains(node)) node = walk.nextNode();
    for (; node && text.length < 3; node = walk.nextNode()) text += node.data;
    return {n: e.dataset.n, next: text.slice(0, 3), moved: e.matches('.ed-n-after')};
  })"""


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_c11_every_note_prints_in_full(open_page, js):
    page = open_page("", viewport=PAPER, java_script_enabled=js)
    state = printed(page)
    assert_printed_in_full(state, "print " + ("with" if js else "without") + " JavaScript", numbered=js)
    if js:  # a quote's number follows the punctuation after it (all but a dash): the table"9, never table9"
        numbers = page.evaluate(PRINTED_NUMBERS)
        assert len(numbers) >= 20 and any(n["moved"] for n in numbers), numbers
        assert not [n for n in numbers if re.match(r"[.,;:!?”\"»)\]]|[’'](?!\w)", n["next"])], numbers
    # the tests' build has a loopback site_url (as 'make build' without SITE_URL): its pages' own addresses are not
    # printed (test_relative_links_print_the_published_address prints a published one)
    assert not [link for link in state["links"] if LOOPBACK.search(link["after"])], "a 127.0.0.1 address on paper"
    screenshot(page, f"print-{'js' if js else 'no-js'}")


def test_print_ignores_the_category_filter_and_open_state(open_page):
    page = open_page("?show=claims#war-of-words", viewport=PAPER)
    page.locator('a.ed-marker[data-notes~="stand-idly-by"]').click()  # its group's marker
    state = printed(page)
    assert_printed_in_full(state, "print, filtered")


def test_print_to_pdf(open_page):
    page = open_page("")
    pdf = page.pdf(format="A4", print_background=True)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "article.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and pages >= 5, pages
    assert not page.problems, page.problems


def test_relative_links_print_the_published_address(open_page, site_server):
    # a preview (make serve, a local server) prints the addresses readers will use: relative links resolve
    # against <link rel="canonical">, not against the address the page was loaded from
    page = open_page(None, viewport=PAPER)
    published = "https://news.example.org/edition/"

    def canonical_elsewhere(route):
        html = route.fetch().text()
        html = re.sub(r'<link\b[^>]*\brel="?canonical\b[^>]*>', f'<link rel="canonical" href="{published}">', html, count=1)
        route.fulfill(body=html, headers={"content-type": "text/html; charset=utf-8"})

    page.route(site_server.url(""), canonical_elsewhere)
    page.goto(site_server.url(""))
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    page.emulate_media(media="print")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")  # (as printing does; page.pdf() fires it)
    about = page.locator(".ed-editor-note a[href]:not([href^='http'])").first
    assert about.get_attribute("data-abs") == published + about.get_attribute("href")
    assert published + about.get_attribute("href") in about.evaluate("a => getComputedStyle(a, '::after').content")
