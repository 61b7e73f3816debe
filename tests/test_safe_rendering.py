"""C13: what an editor writes in a note can never run in a reader's browser or break the page."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import CHECK_PARTS, SiteServer, annotate_in_process, check_in_process, make_project, mkdocs

HOSTILE = """\
category: sourcing
annotations:
  - id: hostile-one
    target:
      paragraph: cargo-planes
      exact: two Russian cargo planes
    title: "Title <img src=x onerror=window.__xss=1>"
    summary: "Summary <script>window.__xss=2</script>"
    body: |
      An image <img src=x onerror="window.__xss=3"> and a [home](javascript:window.__xss=4) link.

      <script>window.__xss=5</script>
      <div style="position:fixed" onclick="window.__xss=6">styled</div>
      [data](data:text/html,<script>alert(1)</script>) and a stray </div></article> closing.
    sources: [S1]
    checked: "2026-11-29"
  - id: hostile-two
    target:
      paragraph: symbolic-value
      exact: The main value
    title: After the hostile note
    summary: The page structure after the note is intact.
    body: |
      Plain.
    sources: [S1]
    checked: "2026-11-29"
"""


def _build(tmp_path):
    project = make_project(tmp_path / "p", annotations={"sourcing.yml": HOSTILE})
    result = mkdocs(project, "build", "--no-strict")  # not strict (mkdocs.yml is): the raw HTML is reported as warnings
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result


def assert_nothing_hostile(html: str) -> None:
    """No element, attribute or URL from the hostile note can run, and the page after it is intact."""
    soup = BeautifulSoup(html, "html.parser")
    note = soup.find(id="hostile-one")
    assert note is not None and note.name == "aside"
    for tag in note.find_all(True):
        assert tag.name not in ("script", "img", "style", "iframe", "object", "embed"), tag.name
        for attribute, value in tag.attrs.items():
            assert not attribute.startswith("on") and attribute != "style", (tag.name, attribute)
            if attribute in ("href", "src"):
                assert not str(value).strip().lower().startswith(("javascript:", "data:")), value
    assert "Title" in note.select_one(".ed-note__title").get_text()
    # the stray </div></article> closed nothing: the next note and paragraphs are still in the article
    article = soup.select_one(".ed-article")
    assert article.find(id="hostile-two") is not None
    assert article.find(id="original-url") is not None
    assert note.find_parent(class_="ed-article") is article


def test_hostile_markup_is_reported_as_warnings(tmp_path):
    project = make_project(tmp_path / "p", annotations={"sourcing.yml": HOSTILE}, parts=CHECK_PARTS)
    result = check_in_process(project)
    assert result.returncode == 1, result.stderr  # warnings, not errors (a strict site: the check fails, as the build)
    out = result.stdout
    lines = HOSTILE.splitlines()  # (told where the words at fault are typed)
    tag, link = [next(f"{i}:{line.index(typed) + 1}" for i, line in enumerate(lines, 1) if typed in line)
                 for typed in ('<img src=x onerror="window', "javascript:window.__xss=4")]
    for pattern in (rf"annotations/sourcing\.yml:{tag}: hostile-one: the body contains raw HTML, which is removed.*; write Markdown",
                    rf"annotations/sourcing\.yml:{link}: hostile-one: the link 'javascript:window.__xss=4' uses a scheme "
                    r"that is not allowed.*; link only to https://",
                    r"annotations/sourcing\.yml:8:14: hostile-one: the summary contains raw HTML.*; write plain text",
                    r"annotations/sourcing\.yml:7:12: hostile-one: the title contains raw HTML"):
        assert re.search(r"^warning: " + pattern, out, re.M), (pattern, out)


def test_hostile_markup_is_stripped(tmp_path):
    project = make_project(tmp_path / "p", annotations={"sourcing.yml": HOSTILE}, parts=CHECK_PARTS)
    page = annotate_in_process(project)
    assert not page.errors
    assert_nothing_hostile(page.html)


@pytest.mark.build
def test_hostile_markup_in_the_built_page(tmp_path):
    project, result = _build(tmp_path)
    log = result.stdout + result.stderr
    assert "hostile-one: the body contains raw HTML, which is removed" in log
    assert "hostile-one: the link 'javascript:window.__xss=4' uses a scheme that is not allowed" in log
    assert "hostile-one: the summary contains raw HTML" in log
    strict = mkdocs(project, "build", "--strict")
    assert strict.returncode != 0
    assert_nothing_hostile((project / "site" / "index.html").read_text(encoding="utf-8"))


@pytest.mark.build
@pytest.mark.browser
def test_nothing_executes_in_the_browser(tmp_path, browser):
    project, _ = _build(tmp_path)
    server = SiteServer(project / "site")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server.url(""))
        page.wait_for_load_state("load")
        for link in page.locator("#hostile-one a").all():
            href = link.get_attribute("href") or ""
            assert not href.startswith(("javascript:", "data:"))
        page.locator("#ref-hostile-one").click()          # open the note
        page.locator("#hostile-one summary").click()      # and its details
        page.wait_for_function("document.querySelector('#hostile-one details').open")
        page.wait_for_load_state("networkidle")           # anything the body could have loaded has loaded
        assert page.evaluate("window.__xss") is None
        assert dialogs == []
    finally:
        context.close()
        server.close()
