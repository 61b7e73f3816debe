"""postbuild: annotate a site another generator built (Zensical's <article class="md-content__inner">)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from annotated_edition.postbuild import AnnotateError, annotate_site
from annotated_edition.project import load_project
from annotated_edition.styles import STYLESHEET

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "second_page"
MKDOCS_YML = """\
site_name: Tiny
site_url: https://example.org/tiny-site/
plugins:
  - annotated-edition:
      pages:
        - {page: tiny.md, annotations: notes}
      categories:
        - {id: claims, label: Claim, icon: "✓", colour: "#9a3412", verdicts: true, motivation: assessing}
        - {id: context, label: Context, icon: "¶", colour: "#0f766e"}
      verdicts:
        - {id: accurate, label: Accurate, rating: 3}
        - {id: wrong, label: Wrong, rating: 1}
"""
NOTES = """\
category: context
annotations:
  - id: harbour-dates
    target: {paragraph: harbour, exact: "opened in 1901"}
    title: The opening year
    summary: A summary of the note.
    body: |
      The body of the note.
    sources: [T1]
    checked: "2024-01-03"
"""
SOURCES = 'sources:\n  - {id: T1, title: "Records", publisher: "Town", date: "2020", url: "https://example.org/r"}\n'


def page(body: str, stylesheet: bool = True) -> str:
    link = '<link rel="stylesheet" href="../assets/main.css">' if stylesheet else ""
    return (f'<!doctype html><html><head><title>T</title>{link}</head><body><main>'
            f'<article class="md-content__inner md-typeset"><a id="__skip"></a><h1>A Tiny Test Article</h1>{body}'
            f'</article></main></body></html>')


def tiny_project(tmp_path: Path, notes: str = NOTES) -> tuple[Path, Path]:
    """A project (mkdocs.yml, docs/tiny.md, notes/) and its site as a generator built it."""
    (tmp_path / "docs").mkdir()
    source = (FIXTURE / "docs" / "tiny.md").read_text(encoding="utf-8")
    (tmp_path / "docs" / "tiny.md").write_text(source, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "context.yml").write_text(notes, encoding="utf-8")
    (tmp_path / "notes" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    site = tmp_path / "site"
    (site / "tiny").mkdir(parents=True)
    (site / "tiny" / "index.html").write_text(page(
        '<p id="harbour">The harbour opened in 1901 and closed in 1999, after the last ferry left.</p>\n'
        '<p id="lighthouse">Local records say the lighthouse was painted red in 1950.</p>'), encoding="utf-8")
    (site / "index.html").write_text(page("<p>Home</p>").replace("../assets", "assets"), encoding="utf-8")
    (site / "search.json").write_text(json.dumps({"config": {}, "items": []}), encoding="utf-8")
    return tmp_path, site


def test_annotate_a_built_site(tmp_path):
    root, site = tiny_project(tmp_path)
    problems, placed = annotate_site(load_project(root / "mkdocs.yml"), site)
    assert [p for p in problems if p.severity == "error"] == []
    assert placed == {"tiny.md": 1}
    soup = BeautifulSoup((site / "tiny" / "index.html").read_text(encoding="utf-8"), "html.parser")
    content = soup.select_one("article.md-content__inner")
    assert content.select_one(".ed-article") is not None
    assert content.find("aside", id="harbour-dates") is not None
    assert "".join(s.get_text() for s in content.select('.ed-hl[data-note="harbour-dates"]')) == "opened in 1901"
    assert soup.head.find("link", href=f"../{STYLESHEET}") is not None
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.head.find("link", href=STYLESHEET) is not None
    assert ".ed-hl--context" in (site / STYLESHEET).read_text(encoding="utf-8")
    data = json.loads((site / "tiny" / "annotations.jsonld").read_text(encoding="utf-8"))
    assert data["total"] == 1 and data["first"]["items"][0]["id"] == "https://example.org/tiny-site/tiny/#harbour-dates"
    share = (site / "tiny" / "share" / "harbour-dates" / "index.html").read_text(encoding="utf-8")
    assert "The opening year" in share
    items = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
    assert [i["location"] for i in items] == ["tiny/#harbour-dates"] and "The body of the note." in items[0]["text"]


def test_the_built_article_is_replaced_not_doubled(tmp_path):
    root, site = tiny_project(tmp_path)
    annotate_site(load_project(root / "mkdocs.yml"), site)
    soup = BeautifulSoup((site / "tiny" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(soup.find_all(id="harbour")) == 1
    assert soup.select_one("article.md-content__inner").get_text().count("The harbour opened in 1901") == 1


def test_a_page_without_a_stylesheet_link(tmp_path):
    root, site = tiny_project(tmp_path)
    (site / "bare.html").write_text("<!doctype html><html><head><title>B</title></head><body>B</body></html>",
                                    encoding="utf-8")
    problems, placed = annotate_site(load_project(root / "mkdocs.yml"), site)
    assert placed == {"tiny.md": 1}
    assert "B" in (site / "bare.html").read_text(encoding="utf-8")


def test_a_broken_note_leaves_the_site_as_built(tmp_path):
    root, site = tiny_project(tmp_path, NOTES.replace("opened in 1901", "opened in 1902"))
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    problems, placed = annotate_site(load_project(root / "mkdocs.yml"), site)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].subject == "harbour-dates" and errors[0].file == "notes/context.yml"
    assert placed == {}
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_annotate_holds_to_the_published_ids_and_body_links_and_to_strict(tmp_path):
    """'make zensical' published a renamed note whose old id was published, and a body link to no page: the
    annotate command checked neither, as the plugin does at on_env; nor did it refuse warnings in a strict site."""
    root, site = tiny_project(tmp_path, NOTES.replace("id: harbour-dates", "id: harbour-years"))
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS_YML.replace("annotations: notes}", "annotations: notes}\n      published_ids: ids.txt"),
                      encoding="utf-8")
    (root / "ids.txt").write_text("tiny.md#harbour-dates\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    problems, placed = annotate_site(load_project(config), site)
    assert placed == {} and [p.subject for p in problems if p.severity == "error"] == ["harbour-dates"]
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    (tmp_path / "links").mkdir()
    root, site = tiny_project(tmp_path / "links", NOTES.replace("The body of the note.", "See [this](nowhere.md)."))
    problems, placed = annotate_site(load_project(root / "mkdocs.yml"), site)
    assert placed == {} and any("'nowhere.md' is not a page of the site" in p.what for p in problems)
    (tmp_path / "strict").mkdir()
    root, site = tiny_project(tmp_path / "strict", NOTES.replace("title: The opening year", 'title: "The <b>opening</b> year"'))
    (root / "mkdocs.yml").write_text("strict: true\n" + MKDOCS_YML, encoding="utf-8")
    problems, placed = annotate_site(load_project(root / "mkdocs.yml"), site)
    assert placed == {} and problems and {p.severity for p in problems} == {"warning"}
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")  # (not strict: published, warnings said)
    assert annotate_site(load_project(root / "mkdocs.yml"), site)[1] == {"tiny.md": 1}


def test_a_renamed_note_s_former_id_keeps_its_share_page(tmp_path):
    """A link shared before a note was renamed (its old id kept in 'aliases') led to a 404."""
    root, site = tiny_project(tmp_path, NOTES.replace("    checked:", "    aliases: [harbour-opening]\n    checked:"))
    assert annotate_site(load_project(root / "mkdocs.yml"), site)[1] == {"tiny.md": 1}
    current = site / "tiny" / "share" / "harbour-dates" / "index.html"
    former = site / "tiny" / "share" / "harbour-opening" / "index.html"
    assert former.read_text(encoding="utf-8") == current.read_text(encoding="utf-8")
    assert '<meta property="og:url" content="https://example.org/tiny-site/tiny/share/harbour-dates/">' in \
        former.read_text(encoding="utf-8")


def test_a_page_missing_from_the_site_or_its_content_element(tmp_path):
    root, site = tiny_project(tmp_path)
    (site / "tiny" / "index.html").write_text("<html><head></head><body><p id='harbour'>x</p></body></html>",
                                              encoding="utf-8")
    with pytest.raises(AnnotateError, match="md-content__inner"):
        annotate_site(load_project(root / "mkdocs.yml"), site)
    (site / "tiny" / "index.html").unlink()
    with pytest.raises(AnnotateError, match="no built page"):
        annotate_site(load_project(root / "mkdocs.yml"), site)


def test_annotating_an_annotated_site_again_is_refused(tmp_path):
    """A second run named no cause: it reported the article's paragraphs as lacking ids and the notes' ids as taken."""
    root, site = tiny_project(tmp_path)
    annotate_site(load_project(root / "mkdocs.yml"), site)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    with pytest.raises(AnnotateError, match=r"tiny/index\.html: already annotated; build the site again"):
        annotate_site(load_project(root / "mkdocs.yml"), site)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_the_theme_s_sidebars_are_hidden_on_an_annotated_page(tmp_path):
    """As the plugin's default ``hide: [navigation, toc]``: under Zensical the navigation kept its column and
    squeezed the article to a word a line at 1440 px."""
    root, site = tiny_project(tmp_path)
    source = root / "docs" / "tiny.md"  # (the fixture hides them itself)
    source.write_text(source.read_text(encoding="utf-8").replace("hide:\n  - navigation\n  - toc\n", ""), encoding="utf-8")
    sidebars = ('<div class="md-sidebar md-sidebar--primary" data-md-type="navigation">nav</div>'
                '<div class="md-sidebar md-sidebar--secondary" data-md-type="toc">toc</div>')
    for path in (site / "tiny" / "index.html", site / "index.html"):
        path.write_text(path.read_text(encoding="utf-8").replace("<main>", "<main>" + sidebars), encoding="utf-8")
    annotate_site(load_project(root / "mkdocs.yml"), site)
    tiny = BeautifulSoup((site / "tiny" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [s.has_attr("hidden") for s in tiny.select(".md-sidebar")] == [True, True]
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [s.has_attr("hidden") for s in home.select(".md-sidebar")] == [False, False]


def test_a_404_page_links_the_engine_from_the_site_s_root_as_the_theme_does(tmp_path):
    """A 404 page is served at any depth: relative links to the engine's files failed below the first level."""
    root, site = tiny_project(tmp_path)
    (site / "404.html").write_text(page("<h1>404</h1>").replace('href="../assets/main.css"',
                                                                 'href="/tiny-site/assets/stylesheets/main.css"'),
                                   encoding="utf-8")
    annotate_site(load_project(root / "mkdocs.yml"), site)
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [link["href"] for link in soup.head.find_all("link", rel="stylesheet")]
    assert hrefs == ["/tiny-site/assets/stylesheets/main.css", f"/tiny-site/{STYLESHEET}", "/tiny-site/assets/edition.css"]
    assert soup.find("script", src="/tiny-site/assets/edition.js") is not None


def test_a_site_without_site_url_is_warned_of(tmp_path):
    """The share pages' canonical links and the open data's ids would be relative ('#note-id'), pointing nowhere."""
    root, site = tiny_project(tmp_path)
    config = root / "mkdocs.yml"
    assert not [p for p in annotate_site(load_project(config), site)[0] if p.subject == "site_url"]
    (tmp_path / "without").mkdir()
    root, site = tiny_project(tmp_path / "without")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://example.org/tiny-site/\n", ""),
                      encoding="utf-8")
    problems, _placed = annotate_site(load_project(config), site)
    assert [(p.file, p.severity) for p in problems if p.subject == "site_url"] == [("mkdocs.yml", "warning")]


def test_a_share_image_missing_from_the_built_site_leaves_it_as_built(tmp_path):
    root, site = tiny_project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      pages:", "      share_image: card.png\n      pages:"),
                      encoding="utf-8")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    problems, placed = annotate_site(load_project(config), site)
    assert [p.format() for p in problems if p.subject == "share_image"] == [
        "mkdocs.yml: share_image: 'card.png' is not a file of the site, so every link preview would show a broken "
        "image; fix 'share_image:' (a path under docs/, e.g. assets/card.png)"]
    assert placed == {} and {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    (site / "card.png").write_bytes(b"png")
    assert annotate_site(load_project(config), site)[1] == {"tiny.md": 1}
