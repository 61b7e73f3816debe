"""Issue 13, points 4 and 12: the printed article and the screenshots (browser tests in Chromium).

4. Printed on A4 (Chromium's page.pdf): at most 14 pages; the column first, whole, then every note in
   full under "Notes", in order, numbered like its marker (test_print.py checks the parts, the numbers,
   and that no control or empty box is printed); no page ends with a heading (the headline, "Notes" or
   a note's title), no column ends with a note's first lines, and no page is empty; each page has its number and the count at its foot ("3 / 10").
   After printing the notes are back in their places.
   Pages are counted with pdfinfo (poppler-utils) and read with pdftotext.
12. Screenshots for people to look at, in test-output/: the article at 1920, 1440, 1024, 768 and 390 px
    in the light and dark schemes (first screen and full page), and each printed page as a PNG
    (pdftoppm).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import OUTPUT, ROOT, project_notes

MAX_PAGES = 14
NOTE_HEAD = re.compile(r"^\d{1,3}\.\s+[A-Z][A-Z ]{2,}\b")  # a printed note's first line: its number, then its category
WIDTHS = [1920, 1440, 1024, 768, 390]
SITE_NAME = re.search(r'^site_name: "(.*)"$', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: apt-get install poppler-utils"
    return path


@pytest.fixture(scope="module")
def printed_pdf(browser, site_server, tmp_path_factory):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(site_server.url(""))
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    path = tmp_path_factory.mktemp("print") / "article.pdf"
    path.write_bytes(page.pdf(format="A4", print_background=True))
    context.close()
    OUTPUT.mkdir(exist_ok=True)
    shutil.copy(path, OUTPUT / "article-a4.pdf")
    return path


def test_print_fits_fourteen_a4_pages_without_lone_headings(printed_pdf, site_server, browser):
    info = subprocess.run([_tool("pdfinfo"), str(printed_pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    print(f"\nA4 print: {pages} pages")
    assert abs(float(size.group(1)) - 595.3) <= 2 and abs(float(size.group(2)) - 841.9) <= 2, f"not A4: {size.group(0)}"
    assert pages <= MAX_PAGES
    # the headings that must never end a page: the headline and every note's title
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_server.url(""))
    headings = page.evaluate("[...document.querySelectorAll('.ed-header h1, .ed-note__title, .ed-article h2')].map(h => h.textContent.trim())")
    headings.append("Notes")  # (the endnotes' heading, made for printing)
    notes = page.evaluate("document.querySelectorAll('.ed-note').length")
    context.close()
    texts = []
    for number in range(1, pages + 1):
        text = subprocess.run([_tool("pdftotext"), "-f", str(number), "-l", str(number), "-layout", str(printed_pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        texts.append(text)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # the foot: the edition's name (site_name, from mkdocs.yml), then the page number
        foot = re.fullmatch(re.escape(SITE_NAME) + r"\s+(\d+ / \d+)", lines[-1]) if lines else None
        assert foot and foot[1] == f"{number} / {pages}", f"page {number}: no name and page number at its foot: {lines[-1:]}"
        lines.pop()  # (the foot: the text's last line is the one above it)
        assert lines, f"page {number} is empty"
        last = re.sub(r"\s{2,}.*$", "", lines[-1])  # left column's last line (two columns per page)
        assert not any(h == last or h.endswith(last) and len(last) > 12 for h in headings), f"page {number} ends with a heading: {last!r}"
        # nor does a column end with a note's first line or two (its run-in head: "9. CLAIM Accurate The phrase...")
        for x in (0, 298):  # (the two columns of an A4 page, 595 pt wide)
            column = subprocess.run([_tool("pdftotext"), "-f", str(number), "-l", str(number), "-x", str(x), "-y", "0",
                                     "-W", "297", "-H", "800", str(printed_pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout
            ends = [line.strip() for line in column.splitlines() if line.strip()][-2:]
            assert not any(NOTE_HEAD.match(line) for line in ends), f"page {number}: a note starts at a column's foot: {ends}"
    everything = re.sub(r"\s+", " ", " ".join(texts))
    missing = [h for h in headings if re.sub(r"\s+", " ", h)[:25] not in everything]
    assert len(missing) <= 3, f"titles not found in the printed text (a line break may split one): {missing}"
    assert notes == len(project_notes().annotations), f"{notes} notes in the page"


FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def test_print_sets_the_column_first_then_its_notes_in_order(printed_pdf, open_page):
    page = open_page("")
    paragraphs = page.evaluate("[...document.querySelectorAll('.ed-article > p[id]')].map(p => p.innerText)")
    on_screen = page.evaluate("[...document.querySelectorAll('.ed-note')].map(n => n.innerHTML)")
    # on paper (the print events of a real print, as page.pdf() fires them): the notes follow the column, in order
    page.evaluate("window.__errors = []; addEventListener('error', e => window.__errors.push(e.message))")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.evaluate(FRAMES)
    state = page.evaluate("""() => { const article = document.querySelector('.ed-article'), end = document.querySelector('.ed-endnotes');
      const notes = [...document.querySelectorAll('.ed-note')];
      return {last: article.lastElementChild === end, heading: end && end.firstElementChild.textContent,
              outside: notes.filter(n => !end.contains(n)).map(n => n.id),
              numbers: notes.map(n => +n.querySelector('.ed-note__num').textContent)}; }""")
    assert state["last"] and state["heading"] == "Notes" and not state["outside"], state
    assert state["numbers"] == sorted(state["numbers"]) == list(range(1, len(state["numbers"]) + 1))
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    page.evaluate(FRAMES)
    # (no pass runs while the notes are endnotes: its writes had set off "ResizeObserver loop completed ...")
    assert page.evaluate("window.__errors") == []
    assert page.evaluate("document.querySelectorAll('.ed-endnotes').length") == 0
    assert page.evaluate("[...document.querySelectorAll('.ed-note')].every(n => n.closest('.ed-article > *:not(.ed-endnotes)'))")
    # and each note is back as it was (its head unwrapped: on paper it is one block no column break splits)
    assert page.evaluate("[...document.querySelectorAll('.ed-note')].map(n => n.innerHTML)") == on_screen
    # in the PDF the whole column is on its first page, before "Notes"
    first = subprocess.run([_tool("pdftotext"), "-f", "1", "-l", "1", str(printed_pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    first = re.sub(r"\s+", " ", first)
    words = lambda p: re.sub(r"\s+", " ", re.sub(r"[\d–]+", " ", p)).strip()[:24]
    missing = [p[:40] for p in paragraphs if words(p) not in first]
    assert len(missing) <= 2, f"paragraphs of the column not on the first printed page: {missing}"
    assert "Notes" in first


def test_a_reader_in_the_dark_scheme_prints_the_light_one(open_page):
    # paper is white: the dark scheme's pale markers and labels printed almost invisible
    page = open_page("", color_scheme="dark")
    colours = "() => ({scheme: document.body.dataset.mdColorScheme, marker: getComputedStyle(document.querySelector('a.ed-marker--claims')).color, text: getComputedStyle(document.querySelector('.ed-article > p')).color})"
    dark = page.evaluate(colours)
    assert dark["scheme"] == "slate", dark
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    printed = page.evaluate(colours)
    assert printed["scheme"] == "default" and printed["marker"] == "rgb(154, 52, 18)", printed  # the claims colour, #9a3412
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(colours) == dark


def test_printing_a_linked_note_adds_no_page(printed_pdf, browser, site_server, tmp_path):
    """A page opened on a link to a note keeps room below the column on screen (so the last paragraphs can
    scroll under the header); on paper that room would be an empty last page."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(site_server.url("#war-of-words"))
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    linked = tmp_path / "linked.pdf"
    linked.write_bytes(page.pdf(format="A4", print_background=True))
    context.close()
    count = lambda pdf: int(re.search(r"Pages:\s+(\d+)", subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True,
                                                                      text=True, check=True).stdout).group(1))
    assert count(linked) == count(printed_pdf)


def test_print_pages_as_png(printed_pdf):
    OUTPUT.mkdir(exist_ok=True)
    for old in OUTPUT.glob("print-page-*.png"):
        old.unlink()
    subprocess.run([_tool("pdftoppm"), "-r", "70", "-png", str(printed_pdf), str(OUTPUT / "print-page")], check=True)
    made = sorted(OUTPUT.glob("print-page-*.png"))
    assert made and all(p.stat().st_size > 5000 for p in made)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(open_page, width, scheme):
    page = open_page("", viewport={"width": width, "height": 1080 if width >= 1920 else 900 if width >= 1024 else 844},
                     color_scheme=scheme)
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    OUTPUT.mkdir(exist_ok=True)
    first = OUTPUT / f"layout-{width}-{scheme}.png"
    full = OUTPUT / f"layout-{width}-{scheme}-full.png"
    page.screenshot(path=str(first))
    page.screenshot(path=str(full), full_page=True)
    assert first.stat().st_size > 10000 and full.stat().st_size > first.stat().st_size
    assert not page.problems, page.problems


@pytest.mark.parametrize("path, most", [("sources/", 8), ("notes/", 8)])
def test_the_listings_print_in_two_columns_of_the_pages_width(browser, site_server, tmp_path, path, most):
    # (each printed in one narrow column, a third of every page blank: Sources took 11 pages, the Index 9)
    page = browser.new_context().new_page()
    page.goto(site_server.url(path))
    page.emulate_media(media="print")
    listing = ".ed-sources" if path == "sources/" else ".ed-index"
    # both columns used: entries start at two different x positions, the second past the page's middle
    lefts = page.evaluate("""sel => {
      const list = document.querySelector('ul' + sel), items = [...list.querySelectorAll(':scope > li')];
      return {width: document.querySelector('.md-content').getBoundingClientRect().width,
              lefts: [...new Set(items.map(li => Math.round(li.getBoundingClientRect().left)))]};
    }""", listing)
    assert len(lefts["lefts"]) == 2 and max(lefts["lefts"]) - min(lefts["lefts"]) > lefts["width"] / 3, lefts
    pdf = tmp_path / "listing.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    print(f"\n{path} on A4: {pages} pages")
    assert pages <= most
    page.context.close()


def test_the_printed_column_has_its_key_and_its_underlines(printed_pdf, open_page):
    # (on paper nothing said what the numbers' colours meant, and no quote kept a mark)
    first = subprocess.run([_tool("pdftotext"), "-f", "1", "-l", "1", "-layout", str(printed_pdf), "-"],
                           capture_output=True, text=True, check=True).stdout.lower()
    from conftest import project_settings

    labels = [c.plural.lower() for c in project_settings().categories.values()]
    assert all(label in first for label in labels) and "underlined:" in first, first[:1500]
    page = open_page("")
    page.emulate_media(media="print")
    marks = page.evaluate("""() => [...document.querySelectorAll('.ed-hl')].map(h => [h.classList.contains('ed-hl--flag'),
      getComputedStyle(h).textDecorationLine]).reduce((m, [flag, line]) => (m[flag][line] = (m[flag][line] || 0) + 1, m), {true: {}, false: {}})""")
    assert set(marks["true"]) == {"underline"} and set(marks["false"]) == {"none"}, marks
    assert not page.evaluate("[...document.querySelectorAll('.ed-legend :is(input, button)')].some(e => e.checkVisibility())")


def _overlapping_words(pdf, page: int = 1) -> list[tuple[str, str]]:
    """Pairs of words printed over each other on ``page`` of ``pdf`` (boxes from ``pdftotext -bbox``, points:
    overlapping by more than a fifth of the smaller word's area)."""
    html = subprocess.run([_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
    pairs = []
    for i, (x0, y0, x1, y1, w) in enumerate(words):
        for u0, v0, u1, v1, other in words[i + 1:]:
            if w == other and max(abs(x0 - u0), abs(x1 - u1)) < 0.5 and abs(y0 - v0) < 2:
                continue  # (one glyph filled, then stroked over: the icons thickened by -webkit-text-stroke)
            area = max(0.0, min(x1, u1) - max(x0, u0)) * max(0.0, min(y1, v1) - max(y0, v0))
            if area > 0.2 * min((x1 - x0) * (y1 - y0), (u1 - u0) * (v1 - v0)):
                pairs.append((w, other))
    return pairs


@pytest.mark.parametrize("width", [1920, 1024])
def test_printing_from_a_laid_out_screen_prints_no_words_over_others(printed_pdf, browser, site_server, tmp_path, width):
    """Printed from a wide screen after the margin's layout (Ctrl+P), the first page has no word printed over another:
    the legend, moved beside the editor's note on screen, printed over the dek, byline and credit."""
    pdfs = {1440: printed_pdf}
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_server.url(""))
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    pdfs[width] = tmp_path / f"article-{width}.pdf"
    pdfs[width].write_bytes(page.pdf(format="A4", print_background=True))
    context.close()
    for printed_at, pdf in pdfs.items():
        overlaps = _overlapping_words(pdf)
        assert not overlaps, f"printed from {printed_at} px: {overlaps[:8]}"
