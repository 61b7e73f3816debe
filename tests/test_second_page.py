"""Two annotated pages in one site, each with its own notes folder and categories (issue 12, point 6).

The fixture (``tests/fixtures/second_page/``) adds ``docs/tiny.md`` with its notes in
``tiny-notes/``, a category only that page uses (``context``) and a note id the column also
uses: ids are unique per page. The whole site is built once with MkDocs, strictly.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from annotated_edition.project import load_project
from annotated_edition.schema import write_schema
from conftest import ANY_LENGTH, PLUGIN_LINE, build, make_project

FIXTURE = Path(__file__).parent / "fixtures" / "second_page"
MAIN_PAGES = "      pages:\n        - page: index.md\n          annotations: annotations\n"

pytestmark = pytest.mark.build


def _indent(block: str, spaces: int) -> str:
    return "".join(" " * spaces + line + "\n" for line in block.splitlines())


@pytest.fixture(scope="module")
def two_page_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("two-pages") / "p")
    shutil.copy(FIXTURE / "docs" / "tiny.md", project / "docs" / "tiny.md")
    shutil.copytree(FIXTURE / "notes", project / "tiny-notes")
    block = yaml.safe_load((FIXTURE / "plugin-block.yml").read_text(encoding="utf-8"))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert MAIN_PAGES in config, "mkdocs.yml's 'pages:' block changed: update this test"
    config = config.replace(MAIN_PAGES, _indent(yaml.safe_dump({"pages": block["pages"]}, sort_keys=False), 6))
    category = yaml.safe_dump([block["extra_category"]], sort_keys=False, allow_unicode=True)
    config = config.replace("\n      categories:\n", "\n      categories:\n" + _indent(category, 8), 1)
    config = config.replace(PLUGIN_LINE, PLUGIN_LINE + ANY_LENGTH)  # the fixture's notes are a few words long
    config = config.replace('  - "About this edition": about.md\n', '  - "About this edition": about.md\n  - "Tiny": tiny.md\n')
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_schema(load_project(project / "mkdocs.yml").settings, project / "schema")
    return build(project)


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_each_page_carries_its_own_notes(two_page_site):
    column, tiny = _page(two_page_site, "index.html"), _page(two_page_site, "tiny/index.html")
    column_ids = [n["id"] for n in column.select("aside.ed-note")]
    assert len(column_ids) == len(set(column_ids)) >= 67 and "dek-cargo-framing" in column_ids
    assert [n["id"] for n in tiny.select("aside.ed-note")] == ["harbour-dates", "ferry-claim", "dek-cargo-framing"]
    assert not column.select(".ed-note--context")


def test_each_page_has_its_own_categories(two_page_site):
    tiny = _page(two_page_site, "tiny/index.html")
    legend = [i["data-cat"] for i in tiny.select(".ed-legend input")]
    assert legend == ["context", "claims"]
    column = _page(two_page_site, "index.html")
    assert [i["data-cat"] for i in column.select(".ed-legend input")] == ["claims", "sourcing", "syria-analogy", "sanctions"]
    css = (two_page_site / "assets" / "annotated-edition" / "categories.css").read_text(encoding="utf-8")
    assert ".ed-hl--context" in css and "#0f766e" in css


def test_ids_are_unique_per_page_with_their_own_open_data_and_share_pages(two_page_site):
    data = json.loads((two_page_site / "tiny" / "annotations.jsonld").read_text(encoding="utf-8"))
    ids = [item["id"] for item in data["first"]["items"]]
    assert ids == [f"http://127.0.0.1/demo-repo/tiny/#{i}" for i in ("harbour-dates", "ferry-claim", "dek-cargo-framing")]
    column = json.loads((two_page_site / "annotations.jsonld").read_text(encoding="utf-8"))
    assert "http://127.0.0.1/demo-repo/#dek-cargo-framing" in [item["id"] for item in column["first"]["items"]]
    share = _page(two_page_site, "tiny/share/dek-cargo-framing/index.html")
    assert share.find("link", rel="canonical")["href"] == "http://127.0.0.1/demo-repo/tiny/#dek-cargo-framing"
    assert share.find("meta", attrs={"http-equiv": "refresh"})["content"].endswith("url=../../#dek-cargo-framing")
    assert _page(two_page_site, "share/dek-cargo-framing/index.html").find("link", rel="canonical")["href"] \
        == "http://127.0.0.1/demo-repo/#dek-cargo-framing"


def test_the_editor_note_links_resolve_from_the_second_page(two_page_site):
    tiny = _page(two_page_site, "tiny/index.html")
    assert tiny.select_one(".ed-editor-note a")["href"] == "../"


def test_published_ids_are_held_to_their_own_page(two_page_site, capsys):
    """``publish-ids`` writes each page's ids as ``<page>#<id>``; an id published on one page is not kept by the
    other page carrying the same id, and with two pages a bare id must name its page."""
    from annotated_edition import cli

    config, listing = two_page_site.parent / "mkdocs.yml", two_page_site.parent / "published-ids.txt"
    assert not listing.exists()  # (the copied project has no list: publish-ids writes the first)
    try:
        assert cli.main(["-f", str(config), "publish-ids"]) == 0
        lines = listing.read_text(encoding="utf-8").splitlines()
        assert {"tiny.md#harbour-dates", "tiny.md#dek-cargo-framing", "tiny.md#headline"} <= set(lines)
        assert not [line for line in lines if "#" not in line]
        listing.write_text("\n".join(lines + ["tiny.md#cargo-planes", "headline"]) + "\n", encoding="utf-8")
        capsys.readouterr()
        assert cli.main(["-f", str(config), "check"]) == 1
        out = capsys.readouterr()
        errors = [line for line in (out.out + out.err).splitlines() if "published-ids.txt:" in line]
        assert len(errors) == 2, errors
        assert f"published-ids.txt:{len(lines) + 1}:1: cargo-planes: this id was published and is no longer on tiny.md" in errors[0]
        assert f"published-ids.txt:{len(lines) + 2}:1: headline: this id names no page" in errors[1]
    finally:
        listing.unlink(missing_ok=True)
