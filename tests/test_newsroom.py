"""Another newsroom's site, made from the README alone ("Use the engine for your own article").

The README's files (``mkdocs.yml``, ``docs/index.md``, ``notes/sources.yml``, ``notes/claims.yml``, each
in a block after "In `<path>`...:") are written to an empty folder and built with this venv's MkDocs: the
page must come out laid out as this site's is (the engine's stylesheet and script linked, ``<html>`` marked
before first paint, the theme's sidebars hidden) with its note, and ``check`` must pass. A README that
drifts from the engine fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import DESKTOP, PHONE, ROOT, SiteServer, _env

pytestmark = pytest.mark.build
FILE_BLOCK = re.compile(r"^In `([\w./-]+)`[^\n]*:\n\n```\w*\n(.*?)^```", re.M | re.S)


def readme_files() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use the engine for your own article", 1)[1].split("\n## ", 1)[0]
    return dict(FILE_BLOCK.findall(section))


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Path:
    files = readme_files()
    assert set(files) == {"mkdocs.yml", "docs/index.md", "notes/sources.yml", "notes/claims.yml"}, set(files)
    site = tmp_path_factory.mktemp("newsroom")
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def test_the_readme_site_checks_and_builds_laid_out(newsroom):
    checked = _run(["-m", "annotated_edition", "check"], newsroom)
    assert checked.returncode == 0 and "OK: 1 notes anchored" in checked.stdout, checked.stdout + checked.stderr
    built = _run(["-m", "mkdocs", "build", "--strict"], newsroom)
    assert built.returncode == 0, built.stderr
    page = BeautifulSoup((newsroom / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    note = page.select_one("aside.ed-note#deficit-figure")
    assert note is not None and "Misleading" in note.get_text()
    assert page.select_one(".ed-hl").get_text() == "the deficit doubled"
    stylesheets = [link["href"] for link in page.head.find_all("link", rel="stylesheet")]
    assert stylesheets.index("assets/annotated-edition/categories.css") < stylesheets.index("assets/edition.css")
    assert page.find("script", src="assets/edition.js").has_attr("defer")  # (never holds up the first paint)
    assert 'classList.add("ed-js")' in page.head.decode_contents()
    for sidebar in page.select(".md-sidebar--primary, .md-sidebar--secondary"):
        assert sidebar.has_attr("hidden"), "the theme's navigation or table of contents takes the margin"
    for name in ("edition.css", "edition.js"):
        assert "ed-marker" in (newsroom / "site" / "assets" / name).read_text(encoding="utf-8")
    assert '"@type":"NewsArticle"' in page.find("script", type="application/ld+json").string.replace(" ", "")


def test_a_site_file_replaces_the_engines(newsroom, tmp_path):
    """A site's own docs/assets/edition.css is published in place of the engine's, linked once."""
    (newsroom / "docs" / "assets").mkdir(exist_ok=True)
    (newsroom / "docs" / "assets" / "edition.css").write_text("/* the newsroom's own */\n", encoding="utf-8")
    try:
        built = _run(["-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], newsroom)
        assert built.returncode == 0, built.stderr
        assert (tmp_path / "site" / "assets" / "edition.css").read_text(encoding="utf-8") == "/* the newsroom's own */\n"
        page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
        assert page.count('href="assets/edition.css"') == 1
    finally:
        (newsroom / "docs" / "assets" / "edition.css").unlink()


@pytest.mark.browser
def test_the_readme_sites_footer_is_legible(newsroom, browser, tmp_path):
    """The README's ``mkdocs.yml`` keeps Material's "Made with Material for MkDocs" line (this site hides it with
    ``extra.generator: false``): the footer bar that holds it is in the page's colours, its text legible. It was
    pale grey on mid-grey, about 1.5:1, where the engine recoloured the footer but not that bar."""
    built = _run(["-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], newsroom)
    assert built.returncode == 0, built.stderr
    server = SiteServer(tmp_path / "site")
    page = browser.new_page(viewport=DESKTOP)
    try:
        page.goto(server.url(""))
        page.locator(".md-copyright").wait_for()
        assert "Made with" in page.locator(".md-footer-meta").inner_text()
        from axe_playwright_python.sync_playwright import Axe
        found = Axe().run(page, context=".md-footer-meta", options={"runOnly": ["color-contrast"]})
        assert not found.response["violations"], [n["any"][0]["message"] for v in found.response["violations"] for n in v["nodes"]]
    finally:
        page.close()
        server.close()


@pytest.mark.browser
def test_a_short_site_name_is_centred_in_a_phone_s_header(newsroom, browser, tmp_path):
    """A long site name may take two lines of a phone's header once Material's script draws its buttons, so the
    engine sets it from the top (its first line never moves); a short one (at most 20 characters) stays one line
    and is centred, where it sat 9 px above the middle of the bar."""
    config = newsroom / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original.replace("site_name: The Harbour Ledger, annotated", "site_name: Harbour Ledger"),
                      encoding="utf-8")
    try:
        built = _run(["-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], newsroom)
    finally:
        config.write_text(original, encoding="utf-8")
    assert built.returncode == 0, built.stderr
    server = SiteServer(tmp_path / "site")
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(server.url(""))
        page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
        gaps = page.evaluate("""() => {
          const bar = document.querySelector('.md-header').getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(document.querySelector('.md-header__topic .md-ellipsis'));
          const text = range.getBoundingClientRect();
          return {above: text.top - bar.top, below: bar.bottom - text.bottom, lines: range.getClientRects().length};
        }""")
        assert gaps["lines"] == 1 and abs(gaps["above"] - gaps["below"]) <= 2, gaps
    finally:
        page.close()
        server.close()
