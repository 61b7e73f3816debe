"""Front matter (frontmatter.py): only title, author, date and publisher are required; date is YYYY-MM-DD; the header
and the ClaimReviews take their words from the page (nothing about one column in the engine) and cope with every
optional field left out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from annotated_edition.frontmatter import (OPTIONAL_META, REQUIRED_META, front_matter_problems, meta_problems,
                                          split_front_matter)
from annotated_edition.core import Edition, PageSpec
from annotated_edition.links import Links
from annotated_edition.model import Category, Settings, Verdict
from annotated_edition.rendering import Renderer
from annotated_edition.templates import Templates
from tiny_article import NOTE, PAGE, SOURCES

SETTINGS = Settings({"claims": Category("claims", "Claim", "Claims", "✓", "#9a3412", "#fdba74", verdicts=True,
                                        motivation="assessing")},
                    {"accurate": Verdict("accurate", "Accurate", 3)})
MINIMAL = PAGE
BODY = '<p id="harbour">The harbour opened in 1901.</p>'
FULL = {"title": "T", "dek": "D", "author": "A", "date": "2019-03-27", "date_text": "March 27, 2019", "publisher": "P",
        "republisher": "R", "original_url": "https://example.org/x", "photo_credit": "C", "article_kind": "column",
        "photo_label": "Photo (not shown here)", "annotated": True}


def problems_of(source: str) -> list[str]:
    _md, meta, _offset = split_front_matter(source)
    return [p.format() for p in meta_problems(meta, "docs/tiny.md", source)]


def header(meta: dict) -> str:
    return Templates(Renderer()).render("header", meta=meta, links=Links({}))


def test_only_title_author_date_and_publisher_are_required():
    assert REQUIRED_META == ("title", "author", "date", "publisher")
    assert problems_of(MINIMAL) == []
    for key in REQUIRED_META:
        line = next(i for i, text in enumerate(MINIMAL.splitlines(), 1) if text.startswith(f"{key}:"))
        assert problems_of(re.sub(rf"^{key}:.*\n", "", MINIMAL, flags=re.M)) == [
            f"docs/tiny.md:1:1: {key}: front matter field '{key}' is missing or empty; add '{key}: \"...\"' to the front matter"]
        assert problems_of(re.sub(rf"^{key}:.*$", f"{key}:", MINIMAL, flags=re.M)) == [
            f"docs/tiny.md:{line}:1: {key}: front matter field '{key}' is missing or empty; add '{key}: \"...\"' to the front matter"]


@pytest.mark.parametrize("key", OPTIONAL_META)
def test_an_optional_field_given_must_be_plain_text(key):
    source = MINIMAL.replace("annotated: true", f"{key}: yes\nannotated: true")
    assert problems_of(source) == [f"docs/tiny.md:6:1: {key}: front matter field '{key}' is not text (YAML read yes as a "
                                   f"yes/no value); put the value in quotes: {key}: \"yes\""]
    assert problems_of(source.replace(f"{key}: yes", f"{key}: no  # a comment")) == [
        f"docs/tiny.md:6:1: {key}: front matter field '{key}' is not text (YAML read no as a yes/no value); put the value "
        f"in quotes: {key}: \"no\""]
    assert problems_of(source.replace(f"{key}: yes", f"{key}:")) == []  # empty: as if left out
    assert len(problems_of(source.replace(f"{key}: yes", f'{key}: "<b>x</b>"'))) == 1


@pytest.mark.parametrize("written, meant", [("editor_notes", "editor_note"), ("photo_credits", "photo_credit"),
                                            ("Publisher", "publisher"), ("date-text", "date_text")])
def test_a_misspelt_field_is_a_warning_naming_the_field_meant(written, meant):
    """A misspelt field was dropped without a word (the editor's note vanished; a misspelt photo credit was
    reported as a note's target missing). The theme's own fields (hide, search, description) pass."""
    source = MINIMAL.replace("annotated: true", f"{written}: x\nhide: [toc]\ndescription: d\nannotated: true")
    found = [p for p in meta_problems(split_front_matter(source)[1], "docs/tiny.md", source) if p.subject == written]
    assert [(p.severity, p.format()) for p in found] == [
        ("warning", f"docs/tiny.md:6:1: {written}: front matter field '{written}' is not one the edition reads; "
                    f"did you mean '{meant}'?")]
    assert [p.subject for p in meta_problems(split_front_matter(source)[1], "docs/tiny.md", source)
            if p.subject in ("hide", "description")] == []

@pytest.mark.parametrize("written, todo", [
    ('"20 Nov 2026"', 'write it as date: "2026-11-20"'),
    ('"November 20, 2026"', 'write it as date: "2026-11-20"'),
    ('"2026/11/20"', 'write it as date: "2026-11-20"'),
    ('"last Friday"', 'write it as date: "YYYY-MM-DD" (e.g. "2026-11-20")'),
    ('"2026-11-20T10:00"', 'write it as date: "YYYY-MM-DD" (e.g. "2026-11-20")'),
])
def test_a_date_that_is_not_iso_8601_is_one_error_line(written, todo):
    source = MINIMAL.replace('date: "2024-01-02"', f"date: {written}")
    [line] = problems_of(source)
    assert line.startswith(f"docs/tiny.md:4:1: date: front matter field 'date' '{written[1:-1]}' is not an ISO 8601 date "
                           f"(YYYY-MM-DD); {todo}"), line


def test_a_date_that_is_no_real_day():
    assert problems_of(MINIMAL.replace("2024-01-02", "2026-02-30")) == [
        "docs/tiny.md:4:1: date: front matter field 'date' '2026-02-30' is not a real day; "
        "write the day of first publication as date: \"YYYY-MM-DD\""]


def test_a_field_given_twice_or_cut_by_a_hash_is_said_with_the_other_problems():
    """MkDocs reads front matter with YAML that keeps the last of two equal keys and drops a comment in silence."""
    source = MINIMAL.replace("annotated: true", "author: Someone Else\nphoto_credit: Reuters #1 photographer\nannotated: true")
    source = re.sub(r"^publisher:.*\n", "", source, flags=re.M)
    _md, meta, _offset = split_front_matter(source)
    found = [p.format() for p in front_matter_problems(source, meta, "docs/tiny.md")]
    first, second = [i for i, text in enumerate(source.splitlines(), 1) if text.startswith("author:")]
    assert f"docs/tiny.md:{second}:1: author: duplicate key 'author' (first at line {first}); YAML would silently keep only " \
           "the last one; delete one of them or merge their text" in found, found
    assert any(p.startswith(f"docs/tiny.md:{second + 1}:23: photo_credit: '#1 photographer...' was read as a YAML comment")
               for p in found), found
    assert any(p.startswith("docs/tiny.md:1:1: publisher: front matter field 'publisher' is missing") for p in found)


def test_a_field_of_white_space_only_is_a_problem():
    """'title: "  "' was published as an empty headline and an empty <title>; an editor's note of a space as an empty box."""
    source = MINIMAL.replace('title: "A Tiny Article"', 'title: "  "').replace("annotated: true", 'editor_note: " "\nannotated: true')
    assert problems_of(source) == [
        "docs/tiny.md:2:1: title: front matter field 'title' is only white space; write it",
        "docs/tiny.md:6:1: editor_note: front matter field 'editor_note' is only white space; write it, or remove the line"]


@pytest.mark.parametrize("written", ["2026-11-20", "2026-11-20 10:00:00"])
def test_an_unquoted_date_is_refused_as_every_implicitly_typed_value_is(written):
    """YAML reads it as a date (or a datetime): the project keeps what an editor typed only in quotes."""
    [line] = problems_of(MINIMAL.replace('date: "2024-01-02"', f"date: {written}"))
    assert line.startswith(f"docs/tiny.md:4:1: date: front matter field 'date' is not text (YAML read {written} as a date)")
    assert line.endswith('; put the value in quotes: date: "2026-11-20"')


def test_the_header_takes_its_words_from_the_front_matter():
    soup = BeautifulSoup(header(FULL), "html.parser")
    assert soup.select_one(".ed-kicker").get_text() == "Annotated\u00a0edition · P\u00a0column, republished\u00a0by\u00a0R"
    assert soup.select_one("#photo-credit").get_text() == "Photo (not shown here): C"
    assert [t["id"] for t in soup.find_all(id=True)] == ["headline", "dek", "byline", "dateline", "photo-credit"]


def test_the_header_holds_no_words_of_one_column():
    soup = BeautifulSoup(header({**FULL, "article_kind": "", "photo_label": None}), "html.parser")
    assert soup.select_one(".ed-kicker").get_text() == "Annotated\u00a0edition · P, republished\u00a0by\u00a0R"
    assert soup.select_one("#photo-credit").get_text() == "Photo: C"
    assert soup.select_one("#photo-credit > span.ed-added").get_text() == "Photo: "


def test_a_page_with_only_the_required_fields(tmp_path: Path):
    """Header, page and ClaimReview: no 'None', no empty attribute or value, no missing key."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (folder / "claims.yml").write_text(NOTE, encoding="utf-8")
    spec = PageSpec("tiny.md", folder)
    edition = Edition(SETTINGS, [spec], tmp_path)
    edition.load()
    page = edition.annotate(spec, BODY, MINIMAL, Links({"tiny.md": ""}, site_url="https://example.org/",
                                                                      extra={"site_name": "Test Edition"}), "docs/tiny.md")
    assert page.errors == [] and len(page.placed) == 1
    soup = BeautifulSoup(page.html, "html.parser")
    assert soup.select_one(".ed-kicker").get_text() == "Annotated\u00a0edition · Test\u00a0Publisher"
    # without date_text the dateline prints the date in words, not "2024-01-02"
    assert soup.select_one("#dateline")["datetime"] == "2024-01-02" and soup.select_one("#dateline").get_text() == "2 January 2024"
    assert soup.select_one("#dek") is None and soup.select_one("#photo-credit") is None
    assert "None" not in page.html and not re.search(r'\s[\w-]+=""', page.html)
    [review] = page.reviews
    text = json.dumps(review)
    assert "None" not in text and "null" not in text and '""' not in text
    assert review["itemReviewed"]["datePublished"] == "2024-01-02"
    assert review["itemReviewed"]["appearance"] == {"@type": "NewsArticle", "headline": "A Tiny Article",
                                                    "publisher": {"@type": "Organization", "name": "Test Publisher"}}


def test_the_review_names_the_republisher_where_the_article_was_read():
    from annotated_edition.opendata import _appearance

    assert _appearance({**FULL, "article_type": "OpinionNewsArticle"}) == {"@type": "OpinionNewsArticle", "url": "https://example.org/x", "headline": "T",
                                 "publisher": {"@type": "Organization", "name": "R"}}


def test_public_ids_leave_out_the_header_parts_a_page_does_not_have():
    """A page without a dek or a photo credit has no such element: its published ids must not name them
    (make publish-ids would record ids that never exist, and their vanishing would go unnoticed)."""
    from annotated_edition.published import page_ids
    text = "One.\n{#one}\n"
    assert page_ids(text, {"title": "T"}, [])[:4] == ["headline", "byline", "dateline", "one"]
    full = page_ids(text, {"dek": "D", "photo_credit": "P"}, [])
    assert full[:5] == ["headline", "dek", "byline", "dateline", "photo-credit"]


def test_a_heading_a_note_targets_is_a_public_id():
    """A note on '## Second {#second-h}' made the heading's id public, but publish-ids left it out: renaming the
    heading then published a page without it, unnoticed."""
    from annotated_edition.published import page_ids
    from test_templates import annotation
    heading = annotation(id="on-the-heading", paragraph="second-h")
    assert page_ids("## Second {#second-h}\n\nOne.\n{#one}\n", {"title": "T"}, [heading])[-3:] == [
        "one", "second-h", "on-the-heading"]


@pytest.mark.parametrize("source, said", [
    # (it said "check that it starts and ends with a line of three dashes", which it did, or blamed a line of the column)
    ("---\n- just a list\n---\n\nText.\n{#p}\n", "docs/tiny.md:1:1: the front matter is not a list of 'key: value' lines"),
    ("---\ntitle: T\nannotated: true\n\nText.\n{#p}\n", "docs/tiny.md:1:1: the front matter has no closing line of three "
                                                         "dashes (---); add a line '---' after its last field"),
])
def test_front_matter_that_is_no_mapping_or_never_closes_says_so(source, said):
    from annotated_edition.frontmatter import front_matter_problems
    found = [p.format() for p in front_matter_problems(source, split_front_matter(source)[1], "docs/tiny.md")]
    assert len(found) == 1 and found[0].startswith(said), found
