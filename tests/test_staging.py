"""A failed ``mkdocs build`` (not only ``make build``) leaves the published site as it was.

MkDocs empties ``site_dir`` before pages render, and notes are anchored while they render; the
plugin therefore builds into a staging folder and swaps it in only at the end
(:mod:`annotated_edition.staging`).
"""

from __future__ import annotations

import pytest

from conftest import check, make_project, mkdocs

pytestmark = pytest.mark.build


# A note that fails (the plugin's error), and what MkDocs itself only warns about, which stops a strict build
# after the plugin's last event: a Markdown page's link to no file, a nav entry naming no file.
BREAKS = [("annotations/claims.yml", "paragraph: cargo-planes\n", "paragraph: cargo-planez\n", "cargo-planez"),
          ("docs/about.md", "\n# About", "\nSee [the list](nope.md).\n\n# About", "nope.md"),
          ("mkdocs.yml", ": sources.md", ": sourcez.md", "sourcez.md"),
          ("mkdocs.yml", "site_name:", "site_author: A\nsite_author: B\nsite_name:", "mkdocs.yml:2:1: site_author: duplicate key"),
          ("docs/about.md", "\n# About", "\nSee [a paragraph](index.md#cargo-plane).\n\n# About",
           "does not contain an anchor '#cargo-plane'")]


def test_a_failed_plain_mkdocs_build_keeps_the_previous_site(tmp_path):
    project = make_project(tmp_path / "p")
    assert mkdocs(project, "build", "--strict").returncode == 0
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert len(before) > 70
    for name, old, new, named in BREAKS:
        good = (project / name).read_text(encoding="utf-8")
        assert old in good, name
        (project / name).write_text(good.replace(old, new, 1), encoding="utf-8")
        result = mkdocs(project, "build", "--strict")
        assert result.returncode != 0 and named in result.stderr, result.stderr
        after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
        assert after == before, name
        assert not list(project.glob(".site*")), f"the staging folder was left behind ({name})"
        (project / name).write_text(good, encoding="utf-8")


def test_a_failing_override_template_is_one_line_and_publishes_nothing(tmp_path):
    """A site's override of the engine's templates that does not parse, or names what it is not given, stops the
    build with its file and line (it was MkDocs' traceback), and the check with it."""
    project = make_project(tmp_path / "p")  # (that a stopped build keeps the previous site: the test above)
    override = project / "overrides" / "annotated_edition" / "note.html"
    override.parent.mkdir()
    for text, said in [("<aside>\n{% if %}</aside>\n", "overrides/annotated_edition/note.html:2: template: Expected an expression"),
                       ("<aside>\n{{ annotation.title }}</aside>\n", "overrides/annotated_edition/note.html:2: template: 'annotation' is undefined")]:
        override.write_text(text, encoding="utf-8")
        result = mkdocs(project, "build", "--strict")
        assert result.returncode != 0 and said in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.count(said) == 1, result.stderr
        assert not (project / "site").exists() and not list(project.glob(".site*"))
        checked = check(project)  # (with an override the check renders the notes, to try it)
        assert checked.returncode != 0 and said in checked.stdout + checked.stderr, checked.stdout + checked.stderr


def test_a_theme_override_that_does_not_compile_is_one_line(tmp_path):
    """A broken override of Material's own templates (overrides/main.html) stopped MkDocs with a traceback."""
    project = make_project(tmp_path / "p")
    (project / "overrides" / "main.html").write_text('{% extends "base.html" %}\n{% block content %}\n', encoding="utf-8")
    said = "overrides/main.html:2: template: Unexpected end of template"
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0 and said in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert "delete it to use the theme's own main.html" in result.stderr and not (project / "site").exists()
    checked = check(project)
    assert checked.returncode != 0 and said in checked.stdout + checked.stderr, checked.stdout + checked.stderr


def test_a_good_build_leaves_no_staging_folder(tmp_path):
    """... and a link of a Markdown page to a note or into a listing lands (MkDocs checks it against the ids of
    the merged page and of the listings)."""
    project = make_project(tmp_path / "p")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [a note](index.md#dek-cargo-framing), [a source]"
                     "(sources.md#source-s1) and [the claims](notes.md#category-claims).\n", encoding="utf-8")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file() and (project / "site" / "annotations.jsonld").is_file()
    assert not list(project.glob(".site*"))


@pytest.mark.parametrize("name", [".site.staging", ".site.old"])
def test_a_file_where_the_build_keeps_a_folder_is_one_line_and_kept(tmp_path, name):
    """A file named like the staging folder made MkDocs fail with a traceback (NotADirectoryError)."""
    project = make_project(tmp_path / "p")
    (project / name).write_text("someone's notes\n", encoding="utf-8")
    result = mkdocs(project, "build")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert f"{project / name} is a file, where the build keeps a folder of its own; move or delete it" in out, out
    assert (project / name).read_text(encoding="utf-8") == "someone's notes\n"
    assert not (project / "site").exists()


def test_a_page_of_docs_where_a_share_page_goes_is_refused_and_kept(tmp_path):
    """docs/share/<note>/index.md was overwritten by the engine's share page of that note without a word."""
    project = make_project(tmp_path / "p")
    mine = project / "docs" / "share" / "war-of-words" / "index.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("# Our own page\n", encoding="utf-8")
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("docs/share/war-of-words/index.md: share/ is where the share pages of index.md's notes are written; move "
            "the file elsewhere") in result.stderr, result.stderr
    assert mine.read_text(encoding="utf-8") == "# Our own page\n" and not (project / "site").exists()


def test_building_into_the_notes_folder_is_refused_and_the_notes_kept(tmp_path):
    """'mkdocs build -d annotations' exited 0 with the notes folder replaced by the built site."""
    project = make_project(tmp_path / "p")
    before = {p.name: p.read_bytes() for p in (project / "annotations").iterdir()}
    result = mkdocs(project, "build", "--strict", "-d", "annotations")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "holds the notes of index.md (annotations/), which a build would delete" in result.stderr, result.stderr
    assert {p.name: p.read_bytes() for p in (project / "annotations").iterdir()} == before



def test_a_stopped_build_says_the_previous_site_is_kept_only_when_there_is_one(tmp_path):
    from annotated_edition.staging import Stage, unwritten

    assert unwritten(Stage(tmp_path / "site")) == "nothing was written"  # (a first build has no previous site)
    (tmp_path / "site").mkdir()
    assert unwritten(Stage(tmp_path / "site")) == "nothing was written: the previous site/ is as it was"
    assert unwritten(None) == "nothing was written"  # ('mkdocs serve')
