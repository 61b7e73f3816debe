"""core: Edition loads, validates, anchors and merges one page without MkDocs, returning results and problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from annotated_edition.core import Edition, PageSpec, errors_in
from annotated_edition.links import Links
from annotated_edition.model import Category, Settings, Verdict

SETTINGS = Settings(
    {"claims": Category("claims", "Claim", "Claims", "✓", "#9a3412", "#fdba74", verdicts=True, motivation="assessing"),
     "context": Category("context", "Context", "Context", "¶", "#0f766e", "#5eead4")},
    {"accurate": Verdict("accurate", "Accurate", 3), "wrong": Verdict("wrong", "Wrong", 1, prominent=True)})
PAGE = """---
title: "A Tiny Article"
dek: "Two paragraphs."
author: Test Writer
date: "2024-01-02"
date_text: "January 2, 2024"
publisher: Test Publisher
article_kind: column
republisher: Test Republisher
original_url: "https://example.org/tiny"
photo_credit: "None"
annotated: true
editor_note: "A *test* page: see [the other](other.md)."
---

The harbour opened in 1901 and closed in 1999.
{#harbour}

The lighthouse was painted *red* in 1950.
{#lighthouse}
"""
BODY = ('<p id="harbour">The harbour opened in 1901 and closed in 1999.</p>\n'
        '<p id="lighthouse">The lighthouse was painted <em>red</em> in 1950.</p>')
SOURCES = 'sources:\n  - {id: T1, title: "Records", publisher: "Town", date: "2020", url: "https://example.org/r"}\n'


def note(ident: str, paragraph: str, exact: str, verdict: str = "") -> str:
    return (f"  - id: {ident}\n    target: {{paragraph: {paragraph}, exact: \"{exact}\"}}\n    title: T {ident}\n"
            + (f"    verdict: {verdict}\n" if verdict else "")
            + "    summary: S.\n    body: |\n      B.\n    sources: [T1]\n    checked: \"2024-01-03\"\n")


def edition(tmp_path: Path, files: dict[str, str]) -> tuple[Edition, PageSpec]:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "sources.yml").write_text(SOURCES, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    spec = PageSpec("tiny.md", folder)
    return Edition(SETTINGS, [spec], tmp_path), spec


def annotate(tmp_path, files):
    ed, spec = edition(tmp_path, files)
    problems = ed.load()
    page = ed.annotate(spec, BODY, PAGE, Links({"tiny.md": ""}), "docs/tiny.md")
    return ed, problems, page


def merged(tmp_path, claims: str, context: str = ""):
    """The tiny page annotated with these notes (``note(...)`` texts of each category): ``(page, its soup)``."""
    files = {"claims.yml": "category: claims\nannotations:\n" + claims}
    if context:
        files["context.yml"] = "category: context\nannotations:\n" + context
    _ed, _problems, page = annotate(tmp_path, files)
    return page, BeautifulSoup(page.html, "html.parser")


def test_annotate_places_notes_in_document_order(tmp_path):
    files = {"claims.yml": "category: claims\nannotations:\n" + note("paint", "lighthouse", "painted red", "accurate")
             + note("dates", "harbour", "closed in 1999", "wrong"),
             "context.yml": "category: context\nannotations:\n" + note("opening", "harbour", "opened in 1901")}
    ed, problems, page = annotate(tmp_path, files)
    assert [p for p in problems + page.problems if ", outside the documented" not in p.what] == [] and page.errors == []
    assert [(p.annotation.id, p.number) for p in page.placed] == [("opening", 1), ("dates", 2), ("paint", 3)]
    soup = BeautifulSoup(page.html, "html.parser")
    assert [a["id"] for a in soup.select("aside.ed-note")] == ["opening", "dates", "paint"]
    assert "".join(s.get_text() for s in soup.select('.ed-hl[data-note="paint"]')) == "painted red"
    assert soup.select_one('.ed-hl[data-note="paint"]').find_parent("p")["id"] == "lighthouse"
    assert ed.notes["tiny.md"].counts(SETTINGS) == {"claims": 2, "context": 1}
    data = ed.open_data(page, Links({"tiny.md": ""}, site_url="https://example.org/"))
    assert data["total"] == 3 and [i["id"] for i in data["first"]["items"]][0] == "https://example.org/#opening"


def test_problems_are_returned_not_raised(tmp_path):
    files = {"claims.yml": "category: claims\nannotations:\n" + note("gone", "harbour", "opened in 1902", "accurate")
             + note("nowhere", "lighthouse-x", "painted", "accurate") + note("no-verdict", "harbour", "closed")}
    ed, problems, page = annotate(tmp_path, files)
    assert [(p.subject, p.line) for p in errors_in(problems)] == [("no-verdict", 21)]
    assert {p.subject for p in page.errors} == {"gone", "nowhere"}
    gone = next(p for p in page.errors if p.subject == "gone")
    assert gone.file == "notes/claims.yml" and gone.line == 4 and "closest passage is 'opened in 1901'" in gone.what
    assert [p.annotation.id for p in page.placed] == []


def test_a_category_not_used_on_the_page(tmp_path):
    folder = tmp_path / "notes"
    ed, _ = edition(tmp_path, {"context.yml": "category: context\nannotations:\n" + note("opening", "harbour", "opened")})
    ed = Edition(SETTINGS, [PageSpec("tiny.md", folder, ("claims",))], tmp_path)
    problems = ed.load()
    assert len(problems) == 1 and problems[0].file == "notes/context.yml" and problems[0].line == 1
    assert "the category 'context' is not used on this page" in problems[0].what


def test_editor_note_is_optional(tmp_path):
    ed, spec = edition(tmp_path, {})
    ed.load()
    source = PAGE.replace('editor_note: "A *test* page: see [the other](other.md)."\n', "")
    page = ed.annotate(spec, BODY, source, Links({"tiny.md": ""}), "docs/tiny.md")
    assert page.errors == [] and "ed-editor-note" not in page.html


def test_the_editor_note_links_resolve(tmp_path):
    ed, spec = edition(tmp_path, {})
    ed.load()
    page = ed.annotate(spec, BODY, PAGE, Links({"tiny.md": "tiny/", "other.md": "other/"}, here="tiny/"), "docs/tiny.md")
    note = BeautifulSoup(page.html, "html.parser").select_one(".ed-editor-note")
    assert note.find("em").get_text() == "test" and note.find("a")["href"] == "../other/"


def test_front_matter_problems_stop_the_merge(tmp_path):
    ed, spec = edition(tmp_path, {})
    ed.load()
    page = ed.annotate(spec, BODY, PAGE.replace("annotated: true\n", ""), Links({"tiny.md": ""}), "docs/tiny.md")
    assert page.html == "" and page.errors and page.errors[0].subject == "annotated"


def test_line_breaks_in_the_columns_paragraphs_become_spaces(tmp_path):
    """The stylesheet keeps the column's spaces (pre-wrap), so a line break of wrapped Markdown, in a paragraph or
    in the dek, is made a space (the text keeps its length, so the notes still anchor)."""
    files = {"claims.yml": "category: claims\nannotations:\n" + note("dates", "harbour", "1901 and closed", "wrong")}
    ed, spec = edition(tmp_path, files)
    ed.load()
    body = BODY.replace("opened in 1901 and", "opened in\n1901\tand")
    page = ed.annotate(spec, body, PAGE.replace('dek: "Two paragraphs."', 'dek: "Two\\nparagraphs.\\n"'),
                       Links({"tiny.md": ""}), "docs/tiny.md")
    soup = BeautifulSoup(page.html, "html.parser")
    assert page.errors == []
    assert soup.find(id="harbour").get_text() == "The harbour opened in 1901 and closed in 1999."
    assert soup.select_one(".ed-dek").get_text() == "Two paragraphs. "


def test_the_legend_keys_the_marks_of_the_text(tmp_path):
    """The legend is written after the merge: its example of a marker of several categories is the page's first
    such marker (numbers as the marker shows them), and it says which verdicts stay underlined ('prominent')."""
    page, soup = merged(tmp_path, note("dates", "harbour", "closed in 1999", "wrong") + note("paint", "lighthouse", "painted red", "accurate"),
                        note("opening", "harbour", "opened in 1901"))
    legend = soup.select_one(".ed-legend")
    assert legend is not None and "<!--" not in page.html
    mixed = soup.select_one("a.ed-marker--mixed")
    assert mixed is not None and mixed["data-n"] == "1–2"
    sample = legend.select_one(".ed-legend__mixed .ed-legend__sample")
    assert sample is not None and sample["data-n"] == mixed["data-n"] and not legend.select_one(".ed-legend__mixed").has_attr("hidden")
    assert legend.select_one(".ed-legend__flagged").get_text() == "Underlined: findings rated “Wrong”."
    single = tmp_path / "single"
    single.mkdir()
    _page, soup = merged(single, note("paint", "lighthouse", "painted red", "accurate"))
    assert soup.select_one(".ed-legend__mixed") is None


def test_the_kicker_breaks_only_between_its_phrases(tmp_path):
    _page, soup = merged(tmp_path, note("paint", "lighthouse", "painted red", "accurate"))
    nbsp = "\u00a0"
    assert soup.select_one(".ed-kicker").get_text() == (f"Annotated{nbsp}edition · Test{nbsp}Publisher{nbsp}column, "
                                                        f"republished{nbsp}by{nbsp}Test{nbsp}Republisher")


def test_a_notes_folder_misspelt_in_mkdocs_yml_is_named(tmp_path):
    """'annotations: notes-harbor' beside notes-harbour/ was told to create a folder."""
    (tmp_path / "notes-harbour").mkdir()
    [problem] = Edition(SETTINGS, [PageSpec("tiny.md", tmp_path / "notes-harbor")], tmp_path).load()
    assert problem.format() == ("notes-harbor: the notes folder is missing; fix 'annotations:' in mkdocs.yml: "
                                "did you mean 'notes-harbour'?")
    [problem] = Edition(SETTINGS, [PageSpec("tiny.md", tmp_path / "zzz")], tmp_path).load()
    assert problem.todo.startswith("create it")
