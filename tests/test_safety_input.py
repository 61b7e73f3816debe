"""Issue 14, the editor's safety net (in-process): what an editor can get wrong is one line each.

Each test runs ``python -m annotated_edition check`` in-process (``cli.main``) on a throwaway
copy of the project, or calls the loader directly.
"""

from __future__ import annotations

import re
import time

import pytest
from pathlib import Path

from annotated_edition import cli
from annotated_edition.loading import load_annotations
from annotated_edition.rules import MAX_FILE_BYTES
from annotated_edition.yamlsource import load_yaml
from conftest import ROOT, make_project

BODY = " ".join(["The record shows what the column says, and how we know it."] * 5)


def note(ident="test-note", body=BODY, summary="Only one of the two planes was a freighter.", extra=""):
    return (f"  - id: {ident}\n    target:\n      paragraph: cargo-planes\n      exact: two Russian cargo planes\n"
            f"    title: A title\n    verdict: imprecise\n    summary: \"{summary}\"\n    body: |\n      {body}\n"
            f"    sources: [S1]\n    checked: \"2026-11-29\"\n{extra}")


def claims(*notes: str) -> str:
    return "category: claims\nannotations:\n" + "".join(notes)


def run_check(tmp_path, capsys, files=None, published=None, word_ranges=False, **replace):
    project = make_project(tmp_path / "p", annotations=files, replace_files=replace or None, word_ranges=word_ranges)
    if published is not None:
        (project / "published-ids.txt").write_text(published, encoding="utf-8")
    status = cli.main(["-f", str(project / "mkdocs.yml"), "check"])
    out = capsys.readouterr()
    return project, status, out.out + out.err


def lines_matching(text: str, pattern: str) -> list[str]:
    return [line for line in text.splitlines() if re.search(pattern, line)]


# Item 1: links in note bodies
def test_item01_body_link_to_unknown_page_or_fragment_is_an_error(tmp_path, capsys):
    body = BODY + " See [the about page](abuot.md), [a section](about.md#no-such-section) and [here](#nowhere)."
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note(body=body))})
    assert status == 1
    assert lines_matching(out, r"annotations/claims\.yml:11:\d+: test-note: the body links to 'abuot\.md'.*did you mean 'about\.md'")
    assert lines_matching(out, r"claims\.yml:11:\d+: test-note: the body links to 'about\.md#no-such-section', but about\.md has no")
    assert lines_matching(out, r"claims\.yml:11:\d+: test-note: the body links to '#nowhere', but index\.md has no '#nowhere'")
    assert "Traceback" not in out


def test_item01_a_body_link_is_told_at_its_own_line_and_column(tmp_path, capsys):
    body = BODY + "\n\n      A second paragraph.\n      It links [here](#nowhere) on its second line."
    plain = note(ident="plain-note", body="x").replace("    body: |\n      x\n", f"    body: {BODY} See [old](http://example.org/).\n")
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note(body=body), plain)})
    assert status == 1
    # line 10 is 'body: |'; the text starts on 11; the link is on the fourth line of the text, after 'It links [here]('
    assert lines_matching(out, r"claims\.yml:14:23: test-note: the body links to '#nowhere'")
    # a body on one line (plain scalar): the column counts from the start of the value
    column = len("    body: ") + len(BODY + " See [old](") + 1
    assert lines_matching(out, rf"claims\.yml:\d+:{column}: plain-note: the body links to 'http://example\.org/' over http://")


def test_item01_known_links_pass_and_http_is_a_warning(tmp_path, capsys):
    body = BODY + (" See [this](about.md), [that](#cargo-planes), [a source](sources.md#source-s1), [the claims]"
                   "(notes.md#category-claims) and [old](http://example.org/).")
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note(body=body))})
    assert status == 1 and not lines_matching(out, r"^error: "), out  # (a warning: the strict site fails)
    assert lines_matching(out, r"^warning: .*test-note: the body links to 'http://example\.org/' over http://; use the https")


# Item 2: the published-ids contract
def test_item02_a_published_id_that_disappears_is_an_error(tmp_path, capsys):
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note())},
                               published="headline\ncargo-planes\ntest-note\nold-note\n")
    assert status == 1
    assert lines_matching(out, r"published-ids\.txt:4:1: old-note: this id was published and is no longer on index\.md.*aliases")
    assert not lines_matching(out, r"published-ids\.txt:[123]:")


def test_item02_a_note_renamed_without_an_alias_is_named_by_its_new_id(tmp_path, capsys):
    """The error named only the list's line, with advice for a paragraph and a note in one sentence: a new id like
    the one gone is most likely its new name, and is offered."""
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note(ident="test-note-renamed"))},
                               published="headline\ncargo-planes\ntest-note\n")
    assert status == 1
    assert lines_matching(out, r"published-ids\.txt:3:1: test-note: this id was published and is no longer on index\.md "
                               r"\(renamed or deleted\?\); if it is now 'test-note-renamed', add 'test-note' to that note's 'aliases:'")


def test_item02_each_published_id_is_held_to_its_own_page(tmp_path, capsys):
    """Lines name their page (``index.md#id``); a page that is no longer annotated is named."""
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note())},
                               published="index.md#headline\nindex.md#test-note\nindex.md#gone\ntiny.md#test-note\n")
    assert status == 1
    assert lines_matching(out, r"published-ids\.txt:3:1: gone: this id was published and is no longer on index\.md")
    assert lines_matching(out, r"published-ids\.txt:4:1: test-note: this id was published on 'tiny\.md', which is no longer an annotated page")
    assert not lines_matching(out, r"published-ids\.txt:[12]:")


def test_item02_a_hand_edited_list_reads_as_meant(tmp_path, capsys):
    """A comment line was read as an id (' comment line'); a byte order mark made 'index.md' another page; a space
    before '#' made the page 'index.md '."""
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note())},
                               published="\ufeff# ids published with the first edition\nindex.md#headline\n\nindex.md #test-note\n"
                                         "index.md#gone\n")
    assert status == 1
    said = [line for line in out.splitlines() if "published-ids.txt" in line]
    assert len(said) == 1 and said[0].startswith("error: published-ids.txt:5:1: gone: this id was published"), out


def test_item02_publish_ids_into_a_folder_is_one_line(tmp_path, capsys):
    project, status, _ = run_check(tmp_path, capsys, {"claims.yml": claims(note())})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("published_ids: published-ids.txt", "published_ids: docs"),
                      encoding="utf-8")
    assert cli.main(["-f", str(config), "publish-ids"]) == 1
    out = capsys.readouterr()
    assert "published ids: none checked, docs is a folder, not a list" in out.out
    assert "error: docs: cannot write the list (Is a directory); fix 'published_ids:' in mkdocs.yml" in out.err, out.err


def test_item02_an_alias_keeps_the_contract_and_publish_ids_appends(tmp_path, capsys):
    project, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note(extra="    aliases: [old-note]\n"))},
                                     published="old-note\n")
    assert status == 0, out
    assert cli.main(["-f", str(project / "mkdocs.yml"), "publish-ids"]) == 0
    ids = (project / "published-ids.txt").read_text(encoding="utf-8").split()
    assert ids[0] == "old-note" and "index.md#test-note" in ids and "index.md#cargo-planes" in ids and "index.md#headline" in ids
    assert "index.md#old-note" not in ids  # the bare id holds it
    capsys.readouterr()
    assert cli.main(["-f", str(project / "mkdocs.yml"), "publish-ids"]) == 0
    assert "0 new id(s)" in capsys.readouterr().out


def test_item02_the_project_list_is_what_the_build_enforces():
    assert (ROOT / "published-ids.txt").is_file()
    assert "published_ids: published-ids.txt" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


# Item 3: dates that are no day
def test_item03_source_date_that_is_no_day(tmp_path, capsys):
    bad = 'sources:\n  - id: S1\n    title: "T"\n    publisher: "P"\n    date: "2019-02-30"\n    url: "https://example.org/"\n'
    _, status, out = run_check(tmp_path, capsys, {"sources.yml": bad, "claims.yml": claims(note())})
    assert status == 1
    assert lines_matching(out, r"sources\.yml:5:\d+: S1: the date '2019-02-30' is not a real day or month")


# Item 4: files the loader skips
def test_item04_files_that_are_not_read_are_named(tmp_path, capsys):
    files = {"claims.yml": claims(note()), "claims.yml.txt": claims(note("other")), "more-claims.yaml~": "x"}
    _, _, out = run_check(tmp_path, capsys, files)
    assert lines_matching(out, r"^warning: annotations/claims\.yml\.txt: this file is in the notes folder but is not read")
    assert lines_matching(out, r"^warning: annotations/more-claims\.yaml~: this file is in the notes folder but is not read")


# Item 5: lengths
def test_item05_body_and_summary_outside_the_range_warn(tmp_path, capsys):
    long = " ".join(["w"] * 5000)
    files = {"claims.yml": claims(note("short-one", body="Three words here.", summary="One."), note("long-one", body=long, summary="Two words"))}
    _, _, out = run_check(tmp_path, capsys, files, word_ranges=True)
    assert lines_matching(out, r"^warning: .*short-one: the body has 3 words, outside the documented 40-150")
    assert lines_matching(out, r"^warning: .*long-one: the body has 5000 words, outside the documented 40-150")
    assert lines_matching(out, r"^warning: .*long-one: the summary has 2 words, outside the documented 4-40")
    assert lines_matching(out, r"^warning: .*short-one: the summary has 1 word, outside the documented 4-40")  # (not '1 words')


# Item 11: an id with a trailing newline; HTML in later.text
def test_item11_block_id_and_html_in_later_text(tmp_path, capsys):
    block_id = note().replace("  - id: test-note\n", "  - id: |\n      test-note\n")
    later = note("later-note", extra='    later: {date: "2024-12-08", text: "Since then <b>this</b>."}\n')
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(block_id, later)})
    assert status == 1
    line = next(x for x in out.splitlines() if x.startswith("error: annotations/claims.yml:3:"))
    assert "test-note\\n: 'id' 'test-note\\n' may only use lowercase" in line
    assert lines_matching(out, r"^warning: .*later-note: the 'later\.text' contains raw HTML")


# Item 12: input size
def test_item12_junk_file_is_one_line(tmp_path, capsys):
    files = {"claims.yml": claims(note()), "junk.yml": "x" * (MAX_FILE_BYTES + 1)}
    start = time.monotonic()
    _, status, out = run_check(tmp_path, capsys, files)
    assert status == 1 and time.monotonic() - start < 30
    assert len(lines_matching(out, r"junk\.yml")) == 1
    assert lines_matching(out, r"junk\.yml: the file is 1,000,001 bytes, over the limit of 1,000,000")


def test_item12_at_most_fifty_problems_per_file(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "sources.yml").write_text('sources:\n  - {id: S1, title: T, publisher: P, date: "2019", url: "https://e.org/"}\n')
    (folder / "claims.yml").write_text("category: claims\nannotations:\n" + "  - id: Bad Id\n" * 300)
    from annotated_edition.project import load_project
    settings = load_project(ROOT / "mkdocs.yml").settings
    problems = [p for p in load_annotations(folder, settings, tmp_path).problems if p.file.endswith("claims.yml")]
    assert len(problems) == 51
    assert re.search(r"\d+ more problem\(s\) in this file are not listed", problems[-1].format())


def test_item12_alias_bomb_is_refused_at_once():
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [f"{n}: &{n} [{', '.join(['*' + p] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi")]
    start = time.monotonic()
    doc, problems = load_yaml("\n".join(rows) + "\n", "bomb.yml")
    assert doc is None and time.monotonic() - start < 2
    assert [p.format() for p in problems] == [
        "bomb.yml:1:1: YAML aliases (*name) would repeat over 1000 values; "
        "write the values out instead of using anchors (&name) and aliases (*name)"]


def test_item12_a_long_field_is_refused(tmp_path, capsys):
    _, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note(body="word " * 5000))})
    assert status == 1
    assert lines_matching(out, r"test-note: 'body' is 25,00\d characters long, over the limit of 20,000")


# Item 13: the article missing or not UTF-8
def test_item13_article_not_utf8_is_one_line(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    (project / "docs" / "index.md").write_bytes((ROOT / "docs" / "index.md").read_bytes() + b"\xff\xfe\n")
    status = cli.main(["-f", str(project / "mkdocs.yml"), "check"])
    out = capsys.readouterr()
    text = out.out + out.err
    assert status == 1 and "Traceback" not in text
    assert lines_matching(text, r"docs/index\.md:\d+:\d+: the file is not UTF-8 text \(byte 0xff\)")


def test_item13_article_missing_is_one_line(tmp_path, capsys):
    project = make_project(tmp_path / "p")
    (project / "docs" / "index.md").unlink()
    status = cli.main(["-f", str(project / "mkdocs.yml"), "check"])
    text = "".join(capsys.readouterr())
    assert status == 1
    assert lines_matching(text, r"docs/index\.md: the annotated page does not exist")


# Item 17: YAML errors say where and what
BLOCK_HINT = "YAML does not parse: this line is indented by {} spaces, less than the text of 'body' above it (6), so YAML " \
             "ends the text before it; indent every line of the text as its first line is (a list in a body too)"
INDENT_HINT = "YAML does not parse: this line is indented by {} spaces, the field above it by 4; indent it by 4 spaces, " \
              "like the other fields of the same entry"


@pytest.mark.parametrize("text, said", [
    pytest.param('category: claims\nannotations:\n  - id: a-note\n    title: "An unclosed quote\n    summary: Something.\n'
                 '    body: |\n      Text.\n    checked: "2026-11-29"\n',
                 "c.yml:4:12: YAML does not parse: the quoted value that starts here is never closed on its line "
                 "(YAML read on to line 8); add the closing quote mark at the end of the value", id="unclosed-quote"),
    pytest.param("category: claims\nannotations:\n  - id: a-note\n    title: A title\n   summary: Three spaces.\n",
                 "c.yml:5:4: " + INDENT_HINT.format(3), id="three-space-indent"),
    # (after a body's lines, 6 spaces, it said 'indent it by 6', which puts the field inside the body)
    pytest.param("category: claims\nannotations:\n  - id: a-note\n    title: A title\n    body: |\n      Body text.\n"
                 "      More text.\n  sources: [S1]\n", "c.yml:8:3: " + INDENT_HINT.format(2), id="field-after-a-body"),
    # (PyYAML's mark was lines below, with advice for a colon: "put the whole value in quotes")
    pytest.param("category: claims\nannotations:\n  - id: a-note\n    body: |\n      It quotes\n  - the Daily Beast\n"
                 "  - the Washington Times\n      as an opinion column: it argues.\n", "c.yml:6:1: " + BLOCK_HINT.format(2),
                 id="a-list-two-spaces-in-a-body"),
    pytest.param("category: claims\nannotations:\n  - id: a-note\n    body: |\n      It quotes\n    the Washington Times: "
                 "an opinion column: it argues.\n      More.\n", "c.yml:6:1: " + BLOCK_HINT.format(4),
                 id="a-body-line-four-spaces-in"),
    pytest.param("category: claims\nannotations:\n  - id: a-note\n    body: |\n      It quotes\n    the last line.\n"
                 "    checked: \"2026-11-29\"\n", "c.yml:6:1: " + BLOCK_HINT.format(4), id="the-last-body-line-four-spaces-in"),
])
def test_item17_a_yaml_error_is_said_in_words_at_its_line(text, said):
    _, problems = load_yaml(text, "c.yml")
    assert [p.format() for p in problems] == [said]


NOTE_START = "category: claims\nannotations:\n  - id: a-note\n    title: A title\n    body: |\n      Body text.\n"
LATER_ERROR = "  - id: b-note\n    title: Rosneft's trading arms: 2020\n"  # (a colon in a plain value)


@pytest.mark.parametrize("layout", [
    '    summary: "A quoted summary that\n      wraps onto a second line."\n',
    "    summary: A plain summary that\n      wraps onto a second line.\n",
    "    later:   # a later development\n      date: \"2020-01-01\"\n",
    "    corrections:  # newest first\n      - date: \"2026-01-01\"\n",
    "    sources: [S61a,\n      S61b]\n",
], ids=["quoted-summary-wraps", "plain-summary-wraps", "later-with-a-comment", "corrections-with-a-comment", "flow-list-wraps"])
def test_a_legitimate_layout_is_not_blamed_for_an_error_below_it(layout):
    """A wrapped quoted summary was told "never closed", and a field after a body (with a comment, or a value that
    wraps) "less than the text of 'body'", where the error was a later note's colon."""
    text = NOTE_START + layout + LATER_ERROR
    line = text.splitlines().index("    title: Rosneft's trading arms: 2020") + 1
    _, problems = load_yaml(text, "c.yml")
    assert [p.line for p in problems] == [line], [p.format() for p in problems]


def test_quotes_in_a_body_or_its_indentation_indicator_are_not_blamed():
    body = ('category: claims\nannotations:\n  - id: a-note\n    body: |2\n        deeper first line, then\n'
            '      "stand idly by as Russia exacerbates\n      tensions", he said.\n')
    text = body + LATER_ERROR
    _, problems = load_yaml(text, "c.yml")
    assert [p.line for p in problems] == [len(text.splitlines())], [p.format() for p in problems]


def test_a_notes_file_that_is_a_symbolic_link_is_named_as_the_editor_sees_it(tmp_path, capsys):
    """A symbolic link in the notes folder (a file shared between projects) is named by its own path in the
    project, not by an absolute path; nor is a project reached through a linked folder."""
    elsewhere = tmp_path / "shared" / "notes.yml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(claims(note(extra="    checkd: \"2026-11-29\"\n")), encoding="utf-8")
    project = make_project(tmp_path / "p", annotations={"claims.yml": claims(note(ident="other-note"))})
    (project / "annotations" / "linked.yml").symlink_to(elsewhere)
    (tmp_path / "via").symlink_to(project)
    for config in (project / "mkdocs.yml", tmp_path / "via" / "mkdocs.yml"):
        status = cli.main(["-f", str(config), "check"])
        out = capsys.readouterr()
        assert status == 1
        assert lines_matching(out.out + out.err, r"^error: annotations/linked\.yml:\d+:\d+: test-note: unknown field 'checkd'")
        assert str(tmp_path) not in out.out + out.err


@pytest.mark.parametrize("value, said", [
    ("“Ratio: two to one”", "x.yml:2:10: YAML does not parse: the value is in curly quote marks (“...”), which YAML reads "
                            'as text, not as quotes; use straight quotes: "..."'),
    ("@handle said so", "x.yml:2:10: YAML does not parse: a value cannot start with '@' unquoted (YAML reserves it); put "
                        'the whole value in quotes: "..."'),
    ("- not a list", "x.yml:2:10: YAML does not parse: a value cannot start with '-' unquoted"),
])
def test_prose_that_yaml_reads_otherwise_is_told_in_the_editors_terms(value, said):
    """PyYAML's own words ('block sequence entries are not allowed in this context') told an editor nothing; a
    value in curly quotes was told to 'put the whole value in quotes', which it was."""
    document, problems = load_yaml(f"- id: n1\n  title: {value}\n", "x.yml")
    assert document is None and len(problems) == 1 and problems[0].format().startswith(said), problems[0].format()


def test_an_ampersand_that_makes_an_anchor_is_a_warning_naming_what_is_left():
    """'title: &Maduro survival' was published as 'survival' without a word (YAML took '&Maduro' as an anchor)."""
    document, problems = load_yaml("- id: n1\n  title: &Maduro survival\n  summary: A & B\n", "x.yml")
    assert document.data[0]["title"] == "survival" and document.data[0]["summary"] == "A & B"
    assert [p.format() for p in problems] == ["x.yml:2:10: 0.title: '&Maduro' was read as a YAML anchor (a name to "
                                              "repeat the value by), so the value is only 'survival'; put the whole "
                                              'value in quotes: "..."']
    _, problems = load_yaml("base: &b text\ncopy: *b\n", "y.yml")  # (an anchor repeated on purpose)
    assert problems == []



def test_item02_publish_ids_refuses_a_note_a_strict_build_refuses(tmp_path, capsys):
    """A note with only a warning passed the check, so publish-ids listed its id, though the strict build refused
    to publish it; the build then refused the draft's removal as an id that vanished."""
    project, status, out = run_check(tmp_path, capsys, {"claims.yml": claims(note(body=BODY + " See https://example.org/x."))})
    assert status == 1 and "warning:" in out, out  # (a strict site: the check fails on it too)
    assert "strict: true" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert cli.main(["-f", str(project / "mkdocs.yml"), "publish-ids"]) == 1
    said = capsys.readouterr().err
    assert "0 error(s), 1 warning(s), and mkdocs.yml says 'strict: true'" in said, said
    assert not (project / "published-ids.txt").exists()
