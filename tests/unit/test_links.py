"""links: the one resolver, from a page's source path to a relative (HTML) or absolute (open data) URL."""

from __future__ import annotations

import pytest

from annotated_edition.linkcheck import markdown_link_problems
from annotated_edition.model import Position
from annotated_edition.rendering import Renderer
from annotated_edition.links import Links, page_links, page_url, relative_url

URLS = {"index.md": "", "about.md": "about/", "notes/index.md": "notes/", "deep/page.md": "deep/page/"}


@pytest.mark.parametrize("url, here, expected", [
    ("about/", "", "about/"),
    ("", "about/", "../"),
    ("", "", "./"),
    ("about/", "about/", "./"),
    ("about/", "deep/page/", "../../about/"),
    ("share/x/", "notes/", "../share/x/"),
    ("assets/a.css", "deep/page/", "../../assets/a.css"),
    ("about.html", "deep/page.html", "../about.html"),
    ("deep/page.html", "about.html", "deep/page.html"),
])
def test_relative_url(url, here, expected):
    assert relative_url(url, here) == expected


@pytest.mark.parametrize("src, directory_urls, expected", [
    ("index.md", True, ""), ("about.md", True, "about/"), ("notes/index.md", True, "notes/"),
    ("about.md", False, "about.html"), ("a/README.md", True, "a/"),
])
def test_page_url(src, directory_urls, expected):
    assert page_url(src, directory_urls) == expected


def test_resolve_and_absolute():
    links = Links(URLS, here="deep/page/", site_url="https://example.org/demo/")
    assert links.resolve("about.md#x") == "../../about/#x"
    assert links.resolve("index.md") == "../../"
    assert links.resolve("https://elsewhere.org/about.md") == "https://elsewhere.org/about.md"
    assert links.resolve("#local") == "#local"
    assert links.resolve("missing.md") == "missing.md"
    assert links.absolute("about.md#x") == "https://example.org/demo/about/#x"
    assert links.absolute("index.md") == "https://example.org/demo/"
    assert links.absolute("https://elsewhere.org/") == "https://elsewhere.org/"


def test_page_links_are_relative_to_the_page_written():
    links = page_links(URLS, "notes/", "index.md", "sources/", "https://example.org/", "Site", "share/")
    assert links.sources_url == "../sources/" and links.share_url == "../share/"
    assert links.extra == {"site_name": "Site"}
    assert page_links(URLS, "", "index.md", None, "", "Site", "share/").sources_url == ""


def test_ids_in_reads_id_attributes_and_not_names_that_end_in_id():
    from annotated_edition.linkcheck import ids_in

    html = '<p id="a" data-id="b" grid="c" aid="d" _id="e"><x grid="g id="f"></x><h2 id="a">'
    assert ids_in(html) == {"a", "b", "f"}


def test_a_note_link_that_names_a_page_beside_its_page_too_is_a_warning():
    """Notes link by path from docs/: in a note of world/harbour.md, 'other.md' is docs/other.md. MkDocs reads the
    same words in world/harbour.md's own text as world/other.md; with both pages there, a reader landed elsewhere."""
    anchors = {"other.md": None, "about.md": None, "world/other.md": None, "world/harbour.md": set()}
    place = lambda href: Position("notes/claims.yml", 7, 12)  # noqa: E731
    found = markdown_link_problems("See [o](other.md), [a](about.md) and [w](world/other.md).", "world/harbour.md",
                                   anchors, Renderer(), "n-one", place, "the body")
    assert [p.format() for p in found] == [
        "notes/claims.yml:7:12: n-one: the body links to 'other.md', which is docs/other.md, not docs/world/other.md "
        "beside the page (notes link by path from docs/); write 'world/other.md' if that is the page meant"]
    assert found[0].severity == "warning"
    assert markdown_link_problems("See [o](other.md).", "index.md", anchors, Renderer(), "n", place, "the body") == []


def test_a_link_to_www_without_its_scheme_is_told_to_write_the_whole_address():
    place = lambda href: Position("notes/claims.yml", 7, 12)  # noqa: E731
    [problem] = markdown_link_problems("See [it](www.example.org/report).", "index.md", {"index.md": set()}, Renderer(),
                                       "n-one", place, "the body")
    assert problem.severity == "error" and problem.todo == "write the whole address: 'https://www.example.org/report'"
