"""The second edge on Zensical (issue 12, point 5): ``zensical build`` then ``python -m annotated_edition annotate``.

Zensical reads ``mkdocs.yml`` but runs no MkDocs plugin, so without the second step its site is
the column without a note. These tests build a copy of the project the way ``make zensical``
does and check that every note, highlight, listing, share page, the open data and the search
entries are there, and that neither edge publishes a bare article.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from annotated_edition.published import read_published
from conftest import ROOT, _env, make_project, mkdocs

sys.path.insert(0, str(ROOT / "scripts"))
from zensical_config import write_config  # noqa: E402  (scripts/zensical_config.py, what 'make zensical' runs)

pytestmark = pytest.mark.build
ZENSICAL = Path(sys.executable).with_name("zensical")
PUBLISHED = {f"{page}#{ident}" for page, ident, _ in read_published(ROOT / "published-ids.txt")}


def _run(cmd: list, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300)


def _zensical(project: Path) -> Path:
    config = write_config(project, "zsite")  # (what 'make zensical' builds from)
    result = _run([ZENSICAL, "build", "-f", config.name], project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "zsite"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("zensical") / "p")
    site = _zensical(project)
    bare = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not bare.select("aside.ed-note"), "Zensical ran the plugin: this test no longer proves the second edge"
    result = _run([sys.executable, "-m", "annotated_edition", "annotate", site], project)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_every_note_and_highlight_is_merged(zensical_site):
    page = BeautifulSoup((zensical_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    content = page.select_one("article.md-content__inner")
    notes = [n["id"] for n in content.select("aside.ed-note")]
    assert len(notes) >= 70 and len(set(notes)) == len(notes)
    assert [i for m in content.select("a.ed-marker") for i in m["data-notes"].split()] == notes
    assert {h["data-note"] for h in content.select(".ed-hl")} == set(notes)
    assert len(content.select("h1")) == 1 and content.h1["id"] == "headline", "the theme's title heading was not replaced"
    for ident in notes:
        assert f"index.md#{ident}" in PUBLISHED, f"{ident} is not in the published ids"
    assert page.find("link", href="assets/annotated-edition/categories.css")
    assert (zensical_site / "assets" / "annotated-edition" / "categories.css").is_file()


def test_the_engine_presentation_is_added(zensical_site):
    """The margin layout's stylesheet and script come with the engine (mkdocs.yml names neither): annotate writes
    them and links every page to them, after the category stylesheet, and marks <html> before first paint."""
    for path in ("index.html", "notes/index.html", "404.html"):
        page = BeautifulSoup((zensical_site / path).read_text(encoding="utf-8"), "html.parser")
        links = [link["href"] for link in page.head.find_all("link", rel="stylesheet")]
        # (relative, as the theme links its own; from the site's root on the 404 page, served at any depth)
        up = links[0].split("assets/")[0] if path == "404.html" else "../" * path.count("/")
        assert path != "404.html" or up.startswith("/"), links
        assert links.index(up + "assets/annotated-edition/categories.css") < links.index(up + "assets/edition.css"), path
        assert page.body.find("script", src=up + "assets/edition.js").has_attr("defer"), path
        assert 'classList.add("ed-js")' in page.head.decode_contents(), path
    for name in ("edition.css", "edition.js"):
        built = (zensical_site / "assets" / name).read_text(encoding="utf-8")
        assert "ed-marker" in built and len(built) > 5000, name


def test_listings_open_data_share_pages_and_search(zensical_site):
    index = BeautifulSoup((zensical_site / "notes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(index.select("article li a[href^='../#']")) >= 2 * 70
    sources = BeautifulSoup((zensical_site / "sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert sources.select("article li[id^=source-]")
    data = json.loads((zensical_site / "annotations.jsonld").read_text(encoding="utf-8"))
    ids = [item["id"].rsplit("#", 1)[1] for item in data["first"]["items"]]
    assert len(ids) >= 70
    for ident in ids:
        assert (zensical_site / "share" / ident / "index.html").is_file()
    search = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))
    locations = {item["location"] for item in search["items"]}
    assert {f"#{i}" for i in ids} <= locations
    assert any("Hmeimim" in item["text"] for item in search["items"] if item["location"].startswith("#"))
    listed = {f"sources/#{li['id']}" for li in sources.select("article li[id^=source-]")}
    assert len(listed) > 90 and listed <= locations  # each source its own entry, as in the MkDocs build


def test_annotate_refuses_a_broken_note_and_leaves_the_site_as_built(tmp_path):
    project = make_project(tmp_path / "p")
    claims = project / "annotations" / "claims.yml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("paragraph: cargo-planes", "paragraph: cargo-planez", 1),
                      encoding="utf-8")
    site = _zensical(project)
    before = (site / "index.html").read_bytes()
    result = _run([sys.executable, "-m", "annotated_edition", "annotate", site], project)
    assert result.returncode == 1
    assert "annotations/claims.yml:" in result.stderr and "cargo-planez" in result.stderr
    assert (site / "index.html").read_bytes() == before
    assert not (site / "annotations.jsonld").exists()


def test_mkdocs_fails_in_one_line_when_an_annotated_page_is_not_built(tmp_path):
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("        - page: index.md", "        - page: column.md"),
                      encoding="utf-8")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if "column.md" in line]
    assert lines and "is not a page of" in lines[0] and "fix 'page:' in mkdocs.yml" in lines[0]


def test_every_stylesheet_and_script_a_page_links_exists(zensical_site):
    """The theme's own files too: with this site's copy of Material's base.html, Zensical's pages linked
    assets/stylesheets/main.<hash>.min.css, which Zensical does not ship, and were published unstyled."""
    from urllib.parse import urlsplit
    for path in ("index.html", "notes/index.html", "about/index.html", "404.html"):
        page = BeautifulSoup((zensical_site / path).read_text(encoding="utf-8"), "html.parser")
        urls = [link["href"] for link in page.find_all("link", rel="stylesheet")]
        urls += [script["src"] for script in page.find_all("script", src=True)]
        local = [u for u in urls if not urlsplit(u).scheme and not u.startswith("//")]
        assert any("stylesheets" in u for u in local), f"{path}: no theme stylesheet"
        # (the 404 page's are root-absolute: it is served at any depth; this build's site_url is the root)
        missing = [u for u in local if not ((zensical_site if u.startswith("/") else (zensical_site / path).parent)
                                            / urlsplit(u).path.lstrip("/")).resolve().is_file()]
        assert missing == [], f"{path} links files the site does not have: {missing}"
