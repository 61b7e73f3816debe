"""Bad input from editors: every problem reported at once, as file:line:column: id: what; what to do.

Covers issue cases C01-C08 (our own inputs of each kind). The cases run ``make check``'s
command in this process (``annotated_edition.cli.check`` on a copied project: fast); a few run
the real ``python -m annotated_edition check`` and ``mkdocs build`` (marked ``build``). Neither
may print a traceback or drop a note silently. Each editor-facing case asserts the file, the
line (and column) and what to change.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import (CHECK_PARTS, ROOT, TEST_SOURCES, annotate_in_process, build, check, check_in_process, make_project,
                      mkdocs, project_settings)

GOOD = """\
# yaml-language-server: $schema=../schema/annotations.schema.json
category: claims
annotations:
  - id: test-planes
    target:
      paragraph: cargo-planes
      exact: two Russian cargo planes
    title: One freighter, one passenger jet
    verdict: imprecise
    summary: Only one of the two planes was a freighter.
    body: |
      A test body.
    sources: [S1]
    checked: "2026-11-29"
"""


def note(id="test-note", paragraph="cargo-planes", exact="two Russian cargo planes", extra="", body="A test body.",
         title="A title", verdict="imprecise"):
    verdict_line = f"    verdict: {verdict}\n" if verdict else ""
    return (f"  - id: {id}\n    target:\n      paragraph: {paragraph}\n      exact: {exact}\n{extra}"
            f"    title: {title}\n{verdict_line}    summary: A summary.\n    body: |\n      {body}\n"
            f"    sources: [S1]\n    checked: \"2026-11-29\"\n")


def claims(*notes: str, category: str = "claims") -> str:
    return f"category: {category}\nannotations:\n" + "".join(notes)


def project_with(tmp_path, files, replace_files=None):
    """A copy of the project whose notes folder holds exactly ``files`` (in-process checks need no scripts/)."""
    return make_project(tmp_path / "p", annotations=files, replace_files=replace_files, parts=CHECK_PARTS)


def run(tmp_path, files, replace_files=None):
    project = project_with(tmp_path, files, replace_files)
    return project, check_in_process(project)


def assert_problem(result, pattern: str):
    """``make check`` failed, without a traceback, with an error line matching ``pattern``."""
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    assert re.search(r"^error: " + pattern, result.stderr, re.M), f"no error line matching {pattern!r} in:\n{out}"


VERDICT_IDS = ", ".join(project_settings().verdicts)
CATEGORY_IDS = ", ".join(project_settings().categories)
C = r"annotations/claims\.yml:"  # every case writes annotations/claims.yml

CASES = {
    "quote-missing": (claims(note(exact="three Russian cargo planes")),
                      C + r"6:14: test-note: the quote is not in the paragraph; the closest passage is 'two Russian cargo planes'"
                          r".*; copy the words exactly from the article"),
    "quote-with-invisible-character": (claims(note(exact="two Russian\u200b cargo planes")),
                                       C + r"6:14: test-note: the quote holds an invisible character \(U\+200B ZERO WIDTH "
                                           r"SPACE\) that the paragraph does not have \(paragraph 'cargo-planes'\); delete it"),
    "quote-in-another-paragraph": (claims(note(exact="Some of this is reminiscent of Syria")),
                                   C + r"6:14: test-note: the quote is not in the paragraph.*\(paragraph 'cargo-planes'\); "
                                       r"the words are in paragraph 'syria-2015': write 'paragraph: syria-2015'$"),
    "unknown-paragraph": (claims(note(paragraph="cargo-plane")),
                          C + r"5:18: test-note: paragraph 'cargo-plane' does not exist .*; did you mean 'cargo-planes'\? "
                              r"\(a paragraph renamed in the article keeps its old id under 'paragraph_aliases'\)"),
    "duplicate-id-same-file": (claims(note(), note(exact="personnel and equipment")),
                               C + r"14:9: test-note: the id 'test-note' is already used by a note in annotations/claims\.yml:3"
                                   r"; give one of the two notes a new id"),
    "alias-of-another-note": (claims(note(), note(id="second-note", exact="personnel and equipment",
                                                  extra="    aliases: [old-name, test-note]\n")),
                              C + r"18:25: second-note: the alias 'test-note' is already used by a note in "
                                  r"annotations/claims\.yml:3; give one of the two notes a new id"),
    "alias-of-itself": (claims(note(extra="    aliases: [test-note]\n")),
                        C + r"7:15: test-note: the alias 'test-note' is the note's own id; remove it from 'aliases:'"),
    "unknown-category": (claims(note(), category="claim"),
                         C + r"1:11: 'claim' is not a known category; use one of: " + re.escape(CATEGORY_IDS) + "$"),
    "missing-field": (claims(note().replace("    title: A title\n", "")),
                      C + r"3:5: test-note: missing required field 'title'; add 'title: \.\.\.'"),
    "yaml-does-not-parse": ("category: claims\nannotations:\n  - id: [x\n",
                            C + r"4:1: YAML does not parse: .*; line the key up with its neighbours, or quote the value"),
    "C01-duplicate-key": (claims(note(extra="").replace("    body: |\n      A test body.\n",
                                                         "    body: First wording.\n    body: Second wording.\n")),
                          C + r"11:5: test-note: duplicate key 'body' \(first at line 10\).*; delete one of them"),
    "C02-null": (claims(note(title="~")), C + r"7:12: test-note: 'title' has no value; write the text after the colon"),
    "C03-unquoted-colon": (claims(note()).replace("summary: A summary.", "summary: Ratio: two to one"),
                           C + r"9:19: YAML does not parse: a value contains a colon .*; put the whole value in quotes"),
    "C03-tab": (claims(note()).replace("    title: A title", "\ttitle: A title"),
                C + r"7:1: YAML does not parse: a tab character .*; use spaces, not tabs"),
    "C03-inner-quotes": (claims(note(title='"the "old" pier"')),
                         C + r"7:18: YAML does not parse: a quote mark inside a quoted value .*; wrap the value in the other "
                             r"kind of quotes"),
    "C06-ambiguous": (claims(note(paragraph="us-official", exact="Russian personnel")),
                      C + r"6:14: test-note: the quote occurs 2 times in the paragraph: .*\[Russian personnel\].*\|.*"
                          r"\[Russian personnel\].*; add 'prefix:'"),
    "C08-id-equals-paragraph": (claims(note(id="cargo-planes")),
                                C + r"3:5: cargo-planes: the note's id .*clashes with another element: <p>.*; rename this note, or what it clashes with"),
    "verdict-missing": (claims(note(verdict="")),
                        C + r"3:5: test-note: a claim needs a verdict; add 'verdict:' with one of: " + re.escape(VERDICT_IDS)),
    "verdict-not-on-sourcing": (claims(note(), category="sourcing"),
                                C + r"8:14: test-note: only claims carry a verdict.*; remove 'verdict'"),
    "empty-verdict": (claims(note(verdict="~")),
                      C + r"8:14: test-note: 'verdict' has no value; write the text after the colon"),
    "unknown-verdict": (claims(note(verdict="mostly-true")),
                        C + r"8:14: test-note: 'mostly-true' is not a known verdict; use one of: " + re.escape(VERDICT_IDS)),
    "unknown-source": (claims(note()).replace("[S1]", "[S999]"),
                       C + r"12:15: test-note: cites source 'S999', which is not in annotations/sources\.yml"
                           r"; add it to annotations/sources\.yml first"),
    # (told at the value's line, 5, below the key written wrong)
    "a-misspelt-field-holding-a-block": (claims(note()).replace("    target:", "    targt:"),
                                         C + r"4:5: test-note: unknown field 'targt'; did you mean 'target'\?"),
    "a-merge-key": (claims(note()).replace("  - id: test-note", "  - &n {title: T}\n  - <<: *n\n    id: test-note"),
                    C + r"\d+:\d+: test-note: unknown field '<<'; this edition does not read YAML merge keys"),
    "a-bare-list-of-notes": ("- id: test-note\n  title: A title\n",  # (it said "'file' must be a mapping")
                             C + r"1:1: the file is not a mapping of fields but a list \(lines starting with '- '\); "
                                 r"start it with 'category:' and 'annotations:', and indent the entries under the last"),
    "source-like-another": (claims(note()).replace("[S1]", "[S19]"),  # (a typo, or a source deleted or never added)
                            C + r"12:15: test-note: cites source 'S19', which is not in annotations/sources\.yml"
                                r"; did you mean 'S\d+'\? If not, add it to annotations/sources\.yml$"),
    "source-in-the-wrong-case": (claims(note()).replace("[S1]", "[s1]"),
                                 C + r"12:15: test-note: cites source 's1', which is not in annotations/sources\.yml"
                                     r"; did you mean 'S1'\?"),
    "later-as-a-list": (claims(note(extra='    later:\n      - {date: "2024-01-01", text: "One."}\n      - {date: "2024-02-01", text: "Two."}\n')),
                        C + r"8:7: test-note: 'later' must be a mapping.*; write one 'later:' \(one entry, not a list\)"),
    "unknown-field": (claims(note(extra="")).replace("    summary:", "    sumary: x\n    summary:"),
                      C + r"9:\d+: test-note: unknown field 'sumary'; did you mean 'summary'\?"),
    "bad-id": (claims(note(id="Cargo_Note")), C + r"3:9: Cargo_Note: 'id' 'Cargo_Note' may only use lowercase.*; rename it, "
                                                 r"e\.g\. 'cargo-note'"),
    "hash-in-paragraph": (claims(note(paragraph='"#cargo-planes"')),
                          C + r"5:18: test-note: 'paragraph' '#cargo-planes' is not a paragraph id .*; write the id that "
                              r"follows the paragraph in the article, without '\{#' and '\}': 'cargo-planes'\?$"),
    "bad-date": (claims(note()).replace('checked: "2026-11-29"', 'checked: "29/11/2026"'),
                 C + r"13:14: test-note: 'checked' must be a date written YYYY-MM-DD.*; write it like \"2019-03-27\""),
    "checked-in-the-future": (claims(note()).replace('checked: "2026-11-29"', 'checked: "2091-03-27"'),
                              C + r"13:14: test-note: 'checked' '2091-03-27' is a day still to come; write the day"),
    "later-in-the-future": (claims(note(extra='    later: {date: "2099-01-01", text: "Superseded."}\n')),
                            C + r"7:\d+: test-note: 'later\.date' '2099-01-01' is a day still to come; write the day"),
    "correction-in-the-future": (claims(note(extra='    corrections:\n      - {date: "2099-01-01", what: "x", why: "y"}\n')),
                                 C + r"8:\d+: test-note: the date of correction 1 '2099-01-01' is a day still to come"),
    "folded-list": (claims(note()).replace("    body: |\n      A test body.\n", "    body: >\n      Intro:\n\n      - one\n      - two\n"),
                    C + r"10:11: test-note: the body is a folded block \(>\) .*; write 'body: \|'"),
    "heading-in-body": (claims(note(body="## Heading\n\n      Text.")),
                        C + r"11:7: test-note: the body contains a heading.*; use \*\*bold text\*\*"),
    "verdict-as-a-list": (claims(note(verdict="[accurate]")),
                          C + r"8:14: test-note: 'verdict' must be one word, not a list or a mapping; write one of: "),
    "bare-dash": (claims(note()) + "  -\n", C + r"14:\d: annotation 2: entry 2 of 'annotations' is empty; write it after the '-', or "
                                            r"delete the line$"),
    "right-to-left-override": (claims(note(title='"Planes \\u202Eseveral"')),
                               C + r"7:12: test-note: the title holds an invisible control character, U\+202E RIGHT-TO-LEFT "
                                   r"OVERRIDE; delete it: retype the words around it$"),
    "bell-in-summary": (claims(note()).replace("summary: A summary.", 'summary: "A summary\\a."'),
                        C + r"9:\d+: test-note: the summary holds an invisible control character, U\+0007 CONTROL"),
    "blank-title": (claims(note(title='"   "')),
                    C + r"7:12: test-note: the title is only white space, which would be published as an empty line; "
                        r"write the title$"),
    "blank-correction": (claims(note(extra='    corrections:\n      - {date: "2019-04-01", what: "The verdict.", why: " "}\n')),
                         C + r"8:\d+: test-note: the 'why' of correction 1 is only white space.*; write the 'why' of "
                             r"correction 1, or remove the field$"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_bad_input(tmp_path, case):
    text, pattern = CASES[case]
    _, result = run(tmp_path, {"claims.yml": text})
    assert_problem(result, pattern)


@pytest.mark.build
@pytest.mark.parametrize("case", ["quote-missing", "C03-tab", "C08-id-equals-paragraph"])
def test_build_stops_with_the_same_lines(tmp_path, case):
    text, pattern = CASES[case]
    project = make_project(tmp_path / "p", annotations={"claims.yml": text})
    result = mkdocs(project, "build")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in out
    assert re.search(pattern, out, re.M), out
    assert not (project / "site" / "index.html").exists()
    # (an error raised while MkDocs read the page came with a line of its own: "Error reading page 'index.md':")
    assert "Error reading page" not in out, out


@pytest.mark.build
def test_the_check_command_as_a_process(tmp_path):
    """``python -m annotated_edition check`` (``make check``): exit 1, one 'error: file:line:col: id: what; todo' line."""
    project = make_project(tmp_path / "p", annotations={"claims.yml": claims(note(exact="three Russian cargo planes"))})
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert re.fullmatch(r"error: annotations/claims\.yml:6:14: test-note: the quote is not in the paragraph.*; copy the "
                        r"words exactly from the article.*", errors[0])
    assert "1 error(s), 0 warning(s)" in result.stderr
    (project / "annotations" / "claims.yml").write_text(GOOD, encoding="utf-8")
    good = check(project)
    assert good.returncode == 0 and "OK: 1 notes anchored, 0 warning(s)" in good.stdout, good.stdout + good.stderr


def _bad_colour_project(tmp_path):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'colour: "#1d4ed8"' in text
    return project_with(tmp_path, {"claims.yml": GOOD}, {"mkdocs.yml": text.replace('colour: "#1d4ed8"', 'colour: "blue!"')})


def _main(argv) -> int:
    from annotated_edition import cli

    try:
        return cli.main(argv)
    except SystemExit as exit_:  # what a shell sees (MkDocs' Abort is a SystemExit)
        return exit_.code


def test_the_check_command_names_a_bad_option(tmp_path, capsys, caplog):
    """A mistake in the plugin's options: a non-zero exit and one line naming the option (cli.main, in process)."""
    project = _bad_colour_project(tmp_path)
    assert _main(["-f", str(project / "mkdocs.yml"), "check"]) != 0
    err = capsys.readouterr().err + "\n".join(caplog.messages)  # MkDocs logs it
    lines = [line for line in err.splitlines() if "'blue!'" in line]
    assert len(lines) == 1 and "option 'categories'" in lines[0] and "is not a CSS colour" in lines[0], err
    assert "Traceback" not in err
    assert _main(["-f", str(project / "nowhere.yml"), "check"]) == 2
    assert re.search(r"^error: .*nowhere\.yml: not found", capsys.readouterr().err, re.M)


def test_a_bad_option_exits_2_with_an_error_line(tmp_path, capsys):
    """cli.main's contract: 2 for a configuration error, reported as 'error: ...'."""
    project = _bad_colour_project(tmp_path)
    assert _main(["-f", str(project / "mkdocs.yml"), "check"]) == 2
    assert re.search(r"^error: .*'categories'.*'blue!' is not a CSS colour", capsys.readouterr().err, re.M)


def test_every_problem_in_one_run(tmp_path):
    files = {
        "claims.yml": claims(note(id="a-one", exact="not in the text"), note(id="a-two", paragraph="nowhere"),
                             note(id="a-three").replace("    title: A title\n", "")),
        "sanctions.yml": "category: sanctions\nannotations:\n  - id: [broken\n",
    }
    _, result = run(tmp_path, files)
    out = result.stderr
    assert re.search(r"^error: annotations/claims\.yml:6:14: a-one: the quote is not in the paragraph.*; copy", out, re.M), out
    assert re.search(r"^error: annotations/claims\.yml:\d+:18: a-two: paragraph 'nowhere' does not exist.*; use the id", out, re.M)
    assert re.search(r"^error: annotations/claims\.yml:\d+:5: a-three: missing required field 'title'; add", out, re.M)
    assert re.search(r"^error: annotations/sanctions\.yml:\d+:\d+: YAML does not parse.*; ", out, re.M)
    assert "4 error(s)" in out



@pytest.mark.build
def test_the_build_lists_every_problem_in_one_run(tmp_path):
    """A build with a note that does not load (no title) still anchors the notes that did, and lists the problems
    of both, as the check does: it stopped at the first kind, so an editor fixed one and met the next."""
    files = {"claims.yml": claims(note(id="a-one", exact="not in the text"), note(id="a-two", paragraph="nowhere"),
                                  note(id="a-three").replace("    title: A title\n", ""))}
    project = make_project(tmp_path / "p", annotations=files)
    result = mkdocs(project, "build")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    for line in (r"annotations/claims\.yml:6:14: a-one: the quote is not in the paragraph",
                 r"annotations/claims\.yml:\d+:18: a-two: paragraph 'nowhere' does not exist",
                 r"annotations/claims\.yml:\d+:5: a-three: missing required field 'title'"):
        assert len(re.findall(line, out)) == 1, (line, out)
    assert "3 error(s)" in out
    assert not (project / "site").exists()


def test_a_file_that_does_not_load_is_not_also_reported_as_published_ids_gone(tmp_path):
    """One YAML error in claims.yml was followed by 48 errors telling the editor to add aliases for the file's
    published ids, which had left the page only because the file did not load."""
    published = (ROOT / "published-ids.txt").read_text(encoding="utf-8")
    project = make_project(tmp_path / "p", parts=CHECK_PARTS, replace_files={"published-ids.txt": published})
    claims_file = project / "annotations" / "claims.yml"
    claims_file.write_text(claims_file.read_text(encoding="utf-8").replace("annotations:\n", "annotations:\n\t", 1),
                           encoding="utf-8")
    result = check_in_process(project)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "annotations/claims.yml:" in errors[0], result.stderr


def test_an_article_saved_with_windows_line_endings(tmp_path):
    """MkDocs reads a page in text mode (CRLF becomes LF); the check read the bytes and refused the front matter."""
    project = make_project(tmp_path / "p", parts=CHECK_PARTS)
    article = project / "docs" / "index.md"
    article.write_bytes(article.read_bytes().replace(b"\n", b"\r\n"))
    result = check_in_process(project)
    assert result.returncode == 0, result.stderr
    assert "OK: 70 notes anchored" in result.stdout


def test_a_published_ids_file_that_does_not_exist_is_said(tmp_path):
    """A misspelt 'published_ids:' turned the published-ids check off without a word (a list not yet written is
    allowed: the first publish-ids writes it)."""
    project = make_project(tmp_path / "p", parts=CHECK_PARTS)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("published_ids: published-ids.txt",
                                                                 "published_ids: published-idz.txt"), encoding="utf-8")
    result = check_in_process(project)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^published ids: none checked, published-idz\.txt does not exist yet \(the first 'publish-ids' "
                     r"writes it; if it exists under another name, fix 'published_ids:' in mkdocs\.yml\)$", result.stdout, re.M)
    assert "none checked" not in check_in_process(make_project(tmp_path / "q", parts=CHECK_PARTS, replace_files={
        "published-ids.txt": (ROOT / "published-ids.txt").read_text(encoding="utf-8")})).stdout


UNCITED = TEST_SOURCES + "".join(
    f'  - id: {sid}\n    title: "[A report]"\n    publisher: "Reuters"\n    date: "2019"\n    url: "https://example.org/{sid}"\n'
    for sid in ("S9", "S2"))


def test_sources_that_no_note_cites_are_named(tmp_path):
    """The Sources page leaves out a source no note cites: an editor who forgot to cite one was not told."""
    result = check_in_process(project_with(tmp_path, {"claims.yml": GOOD, "sources.yml": UNCITED}))
    assert result.returncode == 0, result.stderr
    assert re.search(r"^annotations/sources\.yml: 2 source\(s\) cited by no note of index\.md, so left off its Sources "
                     r"page: S9, S2 \(cite them in a note's 'sources:', or delete them\)$", result.stdout, re.M), result.stdout
    assert "cited by no note" not in check_in_process(project_with(tmp_path / "all", {"claims.yml": GOOD})).stdout


def test_source_ids_equal_but_for_case_and_blank_titles_are_errors(tmp_path):
    """'s1' and 'S1' both passed and gave the Sources page two elements with id 'source-s1'; a title of spaces was
    published as an empty link."""
    extra = ('  - id: s1\n    title: "[Another report]"\n    publisher: "AFP"\n    date: "2019"\n    url: "https://example.org/a"\n'
             '  - id: S1\n    title: "[Again]"\n    publisher: "AFP"\n    date: "2019"\n    url: "https://example.org/b"\n'
             '  - id: S3\n    title: "  "\n    publisher: "AFP"\n    date: "2019"\n    url: "https://example.org/c"\n'
             '  - id: S4\n    title: "[A]"\n    publisher: "AFP"\n    date: "2019"\n    url: "https://example.org/d"\n'
             '    via: " "\n'
             '  - id: S5\n    title: "[A]"\n    publisher: "AFP"\n    date: "2019"\n    url: "https:///x"\n'
             '  - id: "S 6"\n    title: "[A]"\n    publisher: "AFP"\n    date: "2019"\n    url: "https://example.org/e"\n')
    lines = (TEST_SOURCES + extra).splitlines()
    at = [i for i, text in enumerate(lines, 1) if text.startswith("  - id:")]
    _, result = run(tmp_path, {"claims.yml": GOOD, "sources.yml": TEST_SOURCES + extra})
    assert_problem(result, rf"annotations/sources\.yml:{at[1]}:5: s1: the id differs from 'S1' only in case; give each "
                           rf"source its own id \(the first is at line {at[0]}\)")
    assert_problem(result, rf"annotations/sources\.yml:{at[2]}:5: S1: duplicate source id; give each source its own id")
    assert_problem(result, rf"annotations/sources\.yml:{at[3]}:5: S3: 'title' is only white space; write the 'title'")
    assert_problem(result, rf"annotations/sources\.yml:{at[4]}:5: S4: 'via' is only white space; write the 'via'")
    assert_problem(result, rf"annotations/sources\.yml:{at[5] + 4}:10: S5: 'https:///x' is not a web address")
    assert_problem(result, rf"annotations/sources\.yml:{at[6]}:\d+: S 6: 'id' 'S 6' may only use letters, digits and "
                           r"hyphens; write it as 'S-6' \(and cite it so\)")


@pytest.mark.build
def test_the_build_names_uncited_sources_and_publishes(tmp_path):
    project = project_with(tmp_path, {"claims.yml": GOOD, "sources.yml": UNCITED})
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr  # (information: a strict build goes on)
    assert re.search(r"^INFO +- +annotations/sources\.yml: 2 source\(s\) cited by no note of index\.md, so left off its "
                     r"Sources page: S9, S2 ", result.stderr, re.M), result.stderr


@pytest.mark.build
def test_a_share_image_that_is_not_a_file_stops_the_build(tmp_path):
    """Every share page's preview named the image: a misspelt path published a broken image on each of them."""
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("share_image: assets/social-card.png",
                                                                 "share_image: assets/social-cards.png"), encoding="utf-8")
    result = mkdocs(project, "build")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "mkdocs.yml: share_image: 'assets/social-cards.png' is not a file of the site" in out, out
    assert not (project / "site").exists()


@pytest.mark.parametrize("where", ["checked", "source", "correction"])
def test_a_date_in_the_wrong_form_is_one_error_naming_the_forms_allowed(tmp_path, where):
    """A date written 24/03/2019 gave two errors that disagreed (YYYY-MM-DD only, then YYYY-MM-DD, YYYY-MM,
    YYYY or undated for a source), and a correction was named 'corrections[0].date'."""
    files = {"claims.yml": claims(note())}
    if where == "checked":
        files["claims.yml"] = files["claims.yml"].replace('checked: "2026-11-29"', 'checked: "24/03/2019"')
    elif where == "correction":
        files["claims.yml"] = claims(note(extra='    corrections:\n      - {date: "24/03/2019", what: "x", why: "y"}\n'))
    else:
        files["sources.yml"] = TEST_SOURCES.replace('date: "2019-03-24"', 'date: "24/03/2019"')
    _, result = run(tmp_path, files)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    allowed = "written YYYY-MM-DD, YYYY-MM, YYYY or undated" if where == "source" else "a date written YYYY-MM-DD"
    assert f"must be {allowed}, not '24/03/2019'" in errors[0] and "[0]" not in errors[0], errors[0]


def test_a_yaml_tag_is_one_error_and_runs_nothing(tmp_path):
    """A tag is refused before anything is built from it (no code runs); it came with a second, false error, that
    the field had no value."""
    text = claims(note(title="!!python/object/apply:os.system ['touch " + str(tmp_path / "ran") + "']"))
    _, result = run(tmp_path, {"claims.yml": text})
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: annotations/claims.yml:7:12: test-note: the YAML tag 'tag:yaml.org,2002:python/object/apply:"
                      "os.system' is not allowed; remove the tag (annotation files hold plain text, lists and mappings)"]
    assert not (tmp_path / "ran").exists()


def test_a_title_too_long_for_the_margin_is_a_warning(tmp_path):
    """A 5,000-character title passed without a word (the margin shows titles whole)."""
    _, result = run(tmp_path, {"claims.yml": claims(note(title="A title " + "that goes on " * 7))})
    assert result.returncode == 1, result.stderr
    assert re.search(r"^warning: annotations/claims\.yml:7:12: test-note: the title is 98 characters long; the margin shows "
                     r"a title whole, up to 80; shorten it", result.stdout, re.M), result.stdout
    _, result = run(tmp_path / "ok", {"claims.yml": claims(note(title="A title " + "that goes on " * 5))})
    assert "the title is" not in result.stdout


def test_a_file_named_for_one_category_that_says_another_is_a_warning(tmp_path):
    """sanctions.yml saying 'category: sourcing' (a copied file's first line) moved its notes without a word."""
    _, result = run(tmp_path, {"sanctions.yml": claims(note(), category="sourcing").replace("    verdict: imprecise\n", "")})
    assert re.search(r"^warning: annotations/sanctions\.yml:1:1: the file is named for the category 'sanctions' but says "
                     r"'category: sourcing'; fix one of them$", result.stdout, re.M), result.stdout + result.stderr


@pytest.mark.parametrize("files, said", [
    ({"claims.yml": claims(note(extra="    corrections: []\n"))},
     "'corrections' is empty; list at least one entry under it, or remove the field"),  # (was: "give at least one source id")
    ({"claims.yml": claims(note(extra='    corrections: ["Fixed."]\n'))},
     "each entry of 'corrections' must be a mapping of 'key: value' lines"),  # (was: "'corrections' must be a mapping")
    ({"sanctions.yml": "category: sanctions\nannotations:\n"},
     "'annotations' has no value; list its entries under it, each on a line starting with '- '"),
    ({"claims.yml": claims(note()), "sources.yml": ""},
     "annotations/sources.yml:1:1: the file is empty; write 'sources:' in it, then the list of sources"),
])
def test_the_advice_fits_the_field(tmp_path, files, said):
    """Advice written for one field was given for others: an empty sources.yml was told to write 'category:'."""
    _, result = run(tmp_path, files)
    assert said in result.stderr, result.stderr

def test_duplicate_ids_across_files(tmp_path):
    files = {"claims.yml": claims(note(id="same-id")),
             "sanctions.yml": claims(note(id="same-id", exact="personnel and equipment", verdict=""), category="sanctions")}
    _, result = run(tmp_path, files)
    assert_problem(result, r"annotations/sanctions\.yml:3:\d+: same-id: the id 'same-id' is already used by a note in "
                           r"annotations/claims\.yml:3; give one of the two notes a new id")


def annotated(tmp_path, files, replace_files=None) -> BeautifulSoup:
    """The merged article (header, legend, notes) of a copied project, without building the site."""
    page = annotate_in_process(project_with(tmp_path, files, replace_files))
    assert not page.errors, [p.format() for p in page.errors]
    return BeautifulSoup(page.html, "html.parser")


def test_norway_values_are_kept_as_typed(tmp_path):
    """C02: unquoted no/yes/on/3.10/dates stay the editor's text; True/False never reach the page."""
    text = claims(note(title="no", body="yes").replace("summary: A summary.", "summary: on 3.10"))
    text = text.replace('checked: "2026-11-29"', "checked: 2026-11-29")
    aside = annotated(tmp_path, {"claims.yml": text}).find(id="test-note")
    assert aside.select_one(".ed-note__title").get_text() == "no"
    assert aside.select_one(".ed-note__body").get_text().strip() == "yes"
    assert aside.select_one(".ed-note__summary").get_text() == "on 3.10"
    assert "True" not in aside.get_text() and "False" not in aside.get_text()
    assert "Checked 29 November 2026." in aside.select_one(".ed-note__sources").get_text()


@pytest.mark.build
def test_norway_values_in_the_built_page(tmp_path):
    """C02 through MkDocs: the plugin publishes what the core merged."""
    text = claims(note(title="no", body="yes"))
    soup = BeautifulSoup((build(make_project(tmp_path / "p", annotations={"claims.yml": text})) / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    aside = soup.find(id="test-note")
    assert aside.select_one(".ed-note__title").get_text() == "no"
    assert aside.select_one(".ed-note__body").get_text().strip() == "yes"


def test_list_in_a_note_and_a_second_note_pair_by_id(tmp_path):
    """C04: a body with a paragraph and a two-item list; a second note on the same paragraph."""
    first = note(id="with-list", body="Intro paragraph.\n\n      - first item\n      - second item")
    second = note(id="plain", exact="personnel and equipment", body="Only this text.")
    soup = annotated(tmp_path, {"claims.yml": claims(first, second)})
    body = soup.find(id="with-list").select_one(".ed-note__body")
    assert len(body.find_all("ul")) == 1 and [li.get_text() for li in body.find_all("li")] == ["first item", "second item"]
    assert soup.find(id="plain").select_one(".ed-note__body").get_text().strip() == "Only this text."
    # both quotes end in one sentence: one marker, each note keeps its ref- anchor
    marker = soup.find(id="ref-with-list")
    assert marker["href"] == "#with-list" and marker["data-notes"].split() == ["with-list", "plain"]
    assert soup.find(id="ref-plain").find_next("a")["id"] == "ref-with-list"


def test_typographic_characters_anchor_on_the_articles_own(tmp_path):
    """C05: a hyphen in the quote matches the article's em dash; the highlight covers the em dash."""
    text = claims(note(paragraph="syria-2015", exact="another deal - with Damascus"))
    pieces = annotated(tmp_path, {"claims.yml": text}).select('.ed-hl[data-note="test-note"]')
    assert "".join(p.get_text() for p in pieces) == "another deal — with Damascus"


def test_prefix_picks_one_of_two_occurrences(tmp_path):
    """C06: with a prefix the note anchors to the second 'Russian personnel'."""
    text = claims(note(paragraph="us-official", exact="Russian personnel", extra="      prefix: \"non-military \"\n"))
    piece = annotated(tmp_path, {"claims.yml": text}).select_one('.ed-hl[data-note="test-note"]')
    assert piece.previous_sibling.endswith("non-military ")


def _where(text: str, typed: str) -> tuple[int, int]:
    """The 1-based line and column where ``typed`` first appears in ``text``."""
    line = next(i for i, words in enumerate(text.splitlines(), 1) if typed in words)
    return line, text.splitlines()[line - 1].index(typed) + 1


def _article_with(old: str, new: str) -> str:
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def test_a_quote_in_a_paragraph_split_off_without_an_id_is_told_where_it_went(tmp_path):
    """A paragraph split in two left its notes' quotes in the half without an id: each was told "copy the words
    exactly", though they were exact."""
    article = _article_with(" Secretary of State Mike Pompeo", "\n\nSecretary of State Mike Pompeo")
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, C + r"\d+:\d+: test-planes: the quote is not in the paragraph \(paragraph 'cargo-planes'\); the "
                           r"words are in the paragraph 'On Saturday two Russian cargo\.\.\.', which has no id: give it one and "
                           r"name it here$")


def test_paragraph_id_after_a_hard_line_break(tmp_path):
    """C07: Python-Markdown puts the id on the <br>'s line; the check says it could not attach it."""
    article = _article_with("The main value of Russia's move is symbolic. ",
                            "The main value of Russia's move is symbolic.  \n{#symbolic-value}\n")
    article = article.replace("cut its client loose.\n{#symbolic-value}", "cut its client loose.")
    _, result = run(tmp_path, {"claims.yml": claims(note())}, {"docs/index.md": article})
    assert_problem(result, r"docs/index\.md:\d+:1: symbolic-value: .*; ")


def test_a_paragraph_id_with_a_space_is_offered_whole(tmp_path):
    """{#Cargo Planes} was read as the id 'Cargo' and an attribute: the fix offered, {#Cargo}, was itself refused."""
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": _article_with("{#cargo-planes}", "{#Cargo Planes}")})
    assert_problem(result, r"docs/index\.md:\d+:1: Cargo: a paragraph's attributes may only be its id \(and \.classes\); "
                           r"write the line as \{#cargo-planes\} and nothing else$")


def test_a_blank_line_before_a_paragraph_id_is_said_once_with_its_line(tmp_path):
    """The {#id} line, set apart by a blank line, became a paragraph of its own: it was also reported as 'an id left
    in the text' and as a paragraph without an id, both without a line number."""
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": _article_with("\n{#cargo-planes}", "\n\n{#cargo-planes}")})
    assert_problem(result, r"docs/index\.md:\d+:1: cargo-planes: the id was not attached to any element; put '\{#id\}' on "
                           r"its own line directly after the paragraph's last line, no blank line between$")
    assert "left in the text" not in result.stderr and "'{#cargo-planes}' has no id" not in result.stderr, result.stderr


def test_paragraph_id_after_a_list(tmp_path):
    """C07: an id line after a list lands on the last <li>: reported, not published."""
    article = _article_with("Moscow has no plans to cut its client loose.\n{#symbolic-value}",
                            "Moscow has no plans to cut its client loose.\n\n- one\n- two\n{#symbolic-value}")
    _, result = run(tmp_path, {"claims.yml": claims(note())}, {"docs/index.md": article})
    assert_problem(result, r"docs/index\.md:\d+:1: symbolic-value: the id landed on a <li>, not on the paragraph.*; end the "
                           r"paragraph without a hard line break, or give the list its own paragraph")


def test_duplicate_paragraph_ids(tmp_path):
    """C08: two paragraphs with one id: named with both lines, once. The notes on that id, which looked in one of the
    two paragraphs, are not also blamed (an editor was sent to fix six notes), nor is the id named again, lineless."""
    article = _article_with("{#economic-response}", "{#menendez-letter}")
    on_it = note(id="on-the-letter", paragraph="menendez-letter", exact="wrote a letter to Pompeo")
    _, result = run(tmp_path, {"claims.yml": claims(note(), on_it)}, {"docs/index.md": article})
    assert_problem(result, r"docs/index\.md:\d+:1: menendez-letter: the paragraph id is used twice \(first at line \d+\); ")
    assert result.stderr.count("error:") == 1, result.stderr


def make_build(project):
    """``make build`` (strict; the plugin stages the build) in ``project``, with this venv's tools."""
    return subprocess.run(["make", "-f", str(ROOT / "Makefile"), "build", f"BIN={Path(sys.executable).parent}",
                           "VENV_STAMP=mkdocs.yml", "--assume-old=mkdocs.yml"], cwd=project, capture_output=True, text=True, timeout=300)


@pytest.mark.build
def test_failed_build_keeps_previous_site_and_editor_files(tmp_path):
    """A failed ``make build`` leaves site/ and the notes as they were."""
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD})
    first = make_build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    site = project / "site"
    before = (site / "index.html").read_bytes()
    broken = GOOD.replace("two Russian cargo planes", "two Russian cargo jets")
    (project / "annotations" / "claims.yml").write_text(broken, encoding="utf-8")
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "annotations").iterdir()}
    result = make_build(project)
    assert result.returncode != 0
    assert "test-planes: the quote is not in the paragraph" in result.stdout + result.stderr
    assert (site / "index.html").read_bytes() == before
    assert not list(project.glob(".site*"))
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "annotations").iterdir()} == digests


HTTP_SOURCE = textwrap.dedent("""\
    sources:
      - id: S1
        title: "[A page]"
        publisher: "Somebody"
        date: "2019"
        url: "http://example.org/page"
""")


def test_http_source_is_a_warning(tmp_path):
    _, result = run(tmp_path, {"claims.yml": GOOD, "sources.yml": HTTP_SOURCE})
    assert result.returncode == 1, result.stderr
    assert re.search(r"^warning: annotations/sources\.yml:6:\d+: S1: the URL is http://, not https://; use the https:// "
                     r"address if the site has one, or add 'http_only: true' if it has none$", result.stdout, re.M), result.stdout


@pytest.mark.build
def test_strict_build_refuses_an_http_source(tmp_path):
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD, "sources.yml": HTTP_SOURCE})
    strict = mkdocs(project, "build", "--strict")
    assert strict.returncode != 0 and "S1: the URL is http://" in strict.stdout + strict.stderr


def test_http_only_source_is_accepted(tmp_path):
    _, result = run(tmp_path, {"claims.yml": GOOD, "sources.yml": HTTP_SOURCE + "    http_only: true\n"})
    assert result.returncode == 0 and "http://" not in result.stdout, result.stdout + result.stderr


# ---- faults a new editor ran into (each kind, our own inputs) ----

def test_file_that_is_not_utf8(tmp_path):
    project = project_with(tmp_path, {"claims.yml": GOOD})
    path = project / "annotations" / "claims.yml"
    path.write_bytes(path.read_bytes().replace(b"One freighter", "Guaid\u00f3 freighter".encode("cp1252")))
    assert_problem(check_in_process(project),
                   r"annotations/claims\.yml:8:\d+: the file is not UTF-8 text \(byte 0xf3\); save it with the UTF-8 encoding")


def test_empty_annotation_file(tmp_path):
    _, result = run(tmp_path, {"claims.yml": GOOD, "sanctions.yml": ""})
    assert_problem(result, r"annotations/sanctions\.yml:1:1: the file is empty; write 'category:'")


def test_article_without_annotated_flag_is_an_error(tmp_path):
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": _article_with("annotated: true\n", "")})
    assert_problem(result, r"docs/index\.md:1:1: annotated: the article's front matter does not say 'annotated: true'.*; add the "
                           r"line 'annotated: true' to the front matter")


def test_front_matter_that_is_not_yaml_names_its_line(tmp_path):
    article = _article_with('dek: "Two cargo', "dek: Update: two cargo").replace("survival.\"\n", "survival.\n", 1)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, r"docs/index\.md:3:\d+: YAML does not parse: a value contains a colon.*; put the whole value in quotes")


def test_unquoted_front_matter_date(tmp_path):
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": _article_with('date: "2019-03-27"', "date: 2019-03-27")})
    assert_problem(result, r"docs/index\.md:5:1: date: front matter field 'date' is not text .*put the value in quotes")


def test_upper_case_suffix_is_read_and_subfolders_are_named(tmp_path):
    project = project_with(tmp_path, {"claims.YAML": GOOD})
    (project / "annotations" / "drafts").mkdir()
    (project / "annotations" / "drafts" / "x.yml").write_text(GOOD, encoding="utf-8")
    result = check_in_process(project)
    assert result.returncode == 1, result.stderr
    assert "index.md: 1 notes loaded" in result.stdout, result.stdout  # (claims.YAML was read)
    assert re.search(r"^warning: annotations/drafts/x\.yml: this file is in a subfolder and is not read; move it into "
                     r"annotations/ itself", result.stdout, re.M), result.stdout


def test_renamed_paragraph_with_alias_keeps_its_notes(tmp_path):
    article = _article_with("{#cargo-planes}", "{#cargo-flights}").replace("paragraph_aliases: {}",
                                                                       "paragraph_aliases: {cargo-planes: cargo-flights}")
    soup = annotated(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert soup.find(id="test-planes") is not None
    assert soup.find(id="cargo-planes")["data-alias-of"] == "cargo-flights"


def test_alias_to_a_missing_paragraph(tmp_path):
    article = _article_with("paragraph_aliases: {}", "paragraph_aliases: {old-para: no-such-para}")
    line = article.splitlines().index("paragraph_aliases: {old-para: no-such-para}") + 1
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{line}:1: paragraph_aliases\.old-para: the alias points to 'no-such-para', "
                           r"which does not exist; point it at the paragraph's current id")


def test_a_quote_cut_inside_a_word_is_a_warning_at_the_quote(tmp_path):
    _, result = run(tmp_path, {"claims.yml": claims(note(exact="wo Russian cargo planes"))})
    assert result.returncode == 1, result.stderr  # (a warning: a strict build stops on it)
    assert re.search(r"^warning: annotations/claims\.yml:6:14: test-note: the quote begins or ends inside the word 'two', "
                     r"so the highlight would cut it; quote whole words$", result.stdout, re.M), result.stdout
    _, result = run(tmp_path / "whole", {"claims.yml": claims(note())})
    assert "inside the word" not in result.stdout + result.stderr


def test_links_and_html_outside_the_body_are_warnings_and_never_published_as_links(tmp_path):
    """A link in a title or a summary was published as written (about.md: a 404 on directory URLs; #nope: dead);
    one-line fields are shown as words (a title is itself the words of a link in the listings)."""
    later = '    later: {date: "2020-01-01", text: "See <https://example.org/later>."}\n'
    corrections = '    corrections:\n      - {date: "2019-04-01", what: "The [verdict](#nope).", why: "[y](javascript:alert(1))"}\n'
    files = {"claims.yml": claims(note(title='"See [about](about.md#nope)"', extra=later + corrections))}
    files["claims.yml"] = files["claims.yml"].replace("summary: A summary.", 'summary: "A [summary](about.md) of <b>it</b>."')
    project, result = run(tmp_path, files)
    assert result.returncode == 1, result.stderr
    for name in ("title", "summary", "'later.text'", "'what' of correction 1", "'why' of correction 1"):
        wanted = "raw HTML" if name == "summary" else "a link, which is published as its words only"
        assert re.search(rf"^warning: annotations/claims\.yml:\d+:\d+: test-note: the {re.escape(name)} contains {wanted}",
                         result.stdout, re.M), (name, result.stdout)
    soup = annotated(tmp_path / "built", files)
    note_html = soup.find(id="test-note")
    assert note_html.select_one(".ed-note__title").get_text() == "See about"
    assert note_html.select(".ed-note__summary, .ed-note__later, .ed-note__corrections li") and not note_html.select(
        ".ed-note__title a, .ed-note__summary a, .ed-note__later a, .ed-note__corrections a")
    assert not [a["href"] for a in soup.find_all("a", href=True) if re.search(r"about\.md|#nope|javascript|/later", a["href"])]


def test_a_hash_that_starts_a_comment_mid_value_is_a_warning(tmp_path):
    """YAML reads 'The #1 threat' as 'The' and a comment: the title was published as one word, without a word."""
    files = {"claims.yml": claims(note(title="The #1 threat to Maduro", extra='      prefix: "On Saturday"  # the comment meant\n'))}
    _, result = run(tmp_path, files)
    assert result.returncode == 1, result.stderr
    assert re.search(r"^warning: annotations/claims\.yml:8:16: test-note: '#1 threat to Maduro\.\.\.' was read as a YAML "
                     r"comment \(a '#' after a space starts one\), so the value is only 'The'; put the whole value in quotes",
                     result.stdout, re.M), result.stdout
    assert "comment meant" not in result.stdout  # ('# like this' is a comment the editor wrote)


def test_a_paragraph_without_id_and_an_id_left_in_the_text_are_told_at_their_lines(tmp_path):
    """Both were reported as 'docs/index.md:' with no line."""
    article = (ROOT / "docs" / "index.md").read_text(encoding="utf-8").rstrip("\n")
    article += "\n\nA closing paragraph that has no id at all.\n\nA sentence with {#stray} in its middle.\n{#closing}\n"
    lines = article.splitlines()
    bare, stray = lines.index("A closing paragraph that has no id at all.") + 1, lines.index("{#closing}")
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{bare}:1: the paragraph 'A closing paragraph that has no id at all\.' has no id")
    assert_problem(result, rf"docs/index\.md:{stray}:1: an id was left in the text: ")


def test_a_source_cited_twice_by_one_note_is_a_warning_and_listed_once(tmp_path):
    files = {"claims.yml": claims(note()).replace("sources: [S1]", "sources: [S1, S1]")}
    _, result = run(tmp_path, files)
    assert result.returncode == 1, result.stderr
    assert re.search(r"^warning: annotations/claims\.yml:12:19: test-note: cites source 'S1' twice; list each source once$",
                     result.stdout, re.M), result.stdout
    assert annotated(tmp_path / "built", files).find(id="test-note").get_text().count("[Reuters report") == 1


def test_a_misnamed_listing_is_an_error_of_the_check(tmp_path):
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8").replace("edition_page: corrections", "edition_page: correction")
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/about.md": about})
    assert_problem(result, r"docs/about\.md:\d+:1: edition_page: 'correction' is no kind of listing")


def test_what_the_sanitiser_drops_from_the_editors_note_is_said_at_its_line(tmp_path):
    """A javascript: link, a script or an image in the editor's note was dropped without a word (bodies warn)."""
    article = _article_with("  repair, and explains", "  repair <script>x()</script>, and [explains](javascript:x())")
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    out = result.stdout + result.stderr
    line, column = _where(article, "<script>")
    assert re.search(rf"^warning: docs/index\.md:{line}:{column}: editor_note: the editor's note contains raw HTML, which "
                     r"is removed", out, re.M), out
    line, column = _where(article, "javascript")
    assert re.search(rf"^warning: docs/index\.md:{line}:{column}: editor_note: the link 'javascript:x\(\)' uses a scheme "
                     r"that is not allowed", out, re.M), out


@pytest.mark.parametrize("written, at, said", [
    ("two [Russian](javascript:alert(1)) cargo planes", "javascript:",
     r"the attribute href='javascript:alert\(1\)' on a <a> could run script; remove the link, or link to an https:// address$"),
    ("two Russian cargo planes <b onclick=alert(4)>!</b>", "onclick",
     r"the attribute onclick='alert\(4\)' on a <b> could run script; remove the attribute$"),
])
def test_a_script_in_a_link_or_an_attribute_is_told_where_it_is_written_with_advice_for_it(tmp_path, written, at, said):
    """A link's advice is a link's; an attribute in raw HTML is not a paragraph's '{#id}' attributes."""
    article = _article_with("two Russian cargo planes", written)
    line, column = next((i, text.index(at) + 1) for i, text in enumerate(article.splitlines(), 1) if at in text)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{line}:{column}: " + said)


@pytest.mark.parametrize("raw, element", [
    ('<script src="https://evil.example/x.js"></script>', "script"),
    ("<svg><script>alert(3)</script></svg>", "script"),
    ('<iframe src="https://evil.example/"></iframe>', "iframe"),
    ("<style>body{display:none}</style>", "style"),
    ('<form action="/x"><input name="q"></form>', "form"),
])
def test_a_raw_element_that_runs_or_embeds_in_the_article_is_an_error_at_its_line(tmp_path, raw, element):
    """A <script> pasted into the article (a CMS embed) was published with the check and the strict build passing."""
    article = _article_with("two Russian cargo planes", "two Russian cargo planes " + raw)
    line, column = next((i, text.index(f"<{element}") + 1) for i, text in enumerate(article.splitlines(), 1) if raw in text)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{line}:{column}: (cargo-planes: )?the article holds a raw <{element}> element, "
                           r"which would run, restyle or embed something on the published page; remove it")


@pytest.mark.parametrize("raw, url", [('<img src="https://evil.example/pixel.gif" alt="">', "https://evil.example/pixel.gif"),
                                      ("![Maduro](//cdn.example/m.jpg)", "//cdn.example/m.jpg"),
                                      ('<img src="a.png" srcset="a.png 1x, https://evil.example/b.png 2x" alt="">',
                                       "https://evil.example/b.png"),
                                      ('<svg><image href="https://evil.example/t.png"/></svg>', "https://evil.example/t.png"),
                                      ('<img src="\\\\evil.example\\x.png" alt="">', "\\\\evil.example\\x.png")])
def test_an_image_from_another_site_in_the_article_is_an_error(tmp_path, raw, url):
    """Each reader's visit would be told to that site (no request leaves the page for a third party); an SVG image's
    href, and backslashes, which browsers read as slashes, too."""
    article = _article_with("two Russian cargo planes", "two Russian cargo planes " + raw)
    line, column = next((i, text.index(url) + 1) for i, text in enumerate(article.splitlines(), 1) if raw in text)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{line}:{column}: (cargo-planes: )?the <(img|image)> loads '[^']+' from another site as "
                           r"the page opens, telling that site who reads the article; save the file under docs/")


def test_raw_html_is_told_where_it_is_written_not_where_a_code_span_names_it(tmp_path):
    """An <iframe> was told at the first line that wrote '<iframe' at all: a code span naming it, or the first of two."""
    article = _article_with("two Russian cargo planes", "two Russian cargo planes (sites use `<iframe>` embeds)")
    article = article.replace("{#cargo-planes}", "{#cargo-planes}\n\nSee <iframe src=\"a.html\"></iframe>\n{#see-1}\n\n"
                              "And <iframe src=\"b.html\"></iframe>\n{#see-2}")
    lines = article.splitlines()
    first, second = (i for i, text in enumerate(lines, 1) if text.startswith(("See <iframe", "And <iframe")))
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    for line, column in ((first, 5), (second, 5)):
        assert_problem(result, rf"docs/index\.md:{line}:{column}: the article holds a raw <iframe> element")


@pytest.mark.parametrize("raw, said", [
    ('<span style="color:#991b1b">red</span>', r"the attribute style='color:#991b1b' on a <span> restyles the article "
                                                r"\(and can load files from other sites\); remove it: the site's stylesheet"),
    ('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">', r"the attribute src='data:image/gif;base64,[^']*' on a "
                                                                      r"<img> holds a whole file in the page .*; save the file under docs/"),
])
def test_a_style_attribute_or_a_data_address_is_told_what_it_does(tmp_path, raw, said):
    """A style attribute was refused as one that 'could run script', and a data: image told to link to https."""
    article = _article_with("two Russian cargo planes", "two Russian cargo planes " + raw)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, r"docs/index\.md:\d+:\d+: (cargo-planes: )?" + said)


def test_a_link_of_the_article_to_no_page_is_an_error_at_its_line(tmp_path):
    """The check said OK, and only MkDocs' strict build refused the link, naming no line."""
    article = _article_with("two Russian cargo planes", "two Russian [cargo planes](archive.md#x)")
    line, column = next((i, text.index("archive.md") + 1) for i, text in enumerate(article.splitlines(), 1)
                        if "archive.md" in text)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{line}:{column}: the article links to 'archive\.md#x', but it is not a page of "
                           r"the site; link to a file of docs/ \(by its path from the page's folder\), or remove the link$")
    _, result = run(tmp_path / "good", {"claims.yml": GOOD},
                    {"docs/index.md": article.replace("archive.md#x", "about.md")})
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("written, said", [
    ("[cargo planes](about.md#no-such-section)", r"the article links to 'about\.md#no-such-section', but about\.md has no "
                                                 r"'#no-such-section'; link to a heading"),
    ("[cargo planes](index.md#no-such-paragraph)", r"the article links to 'index\.md#no-such-paragraph', but index\.md has no"),
    ("[cargo planes](sources.md#s7)", r"the article links to 'sources\.md#s7', but sources\.md has no '#s7'; "),
    ("cargo planes ![y](assets/nope.png)", r"the article links to 'assets/nope\.png', but it is not a file of the site"),
    ('cargo planes <img src="assets/nope.png" alt="">', r"the article links to 'assets/nope\.png', but it is not a file of the "
                                                        r"site"),
])
def test_a_link_or_image_of_the_article_that_lands_nowhere_is_an_error_at_its_line(tmp_path, written, said):
    """The check said OK where MkDocs' strict build refused these, naming no line; a raw <img> to no file passed both."""
    article = _article_with("two Russian cargo planes", "two Russian " + written)
    line = next(i for i, text in enumerate(article.splitlines(), 1) if written in text)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{line}:\d+: " + said)


def test_legitimate_inline_html_links_and_images_of_the_article_pass(tmp_path):
    written = ("[a](about.md#repairs-made-to-the-text) [b](sources.md) [c](#cargo-planes) ![d](assets/favicon.svg) "
               '<img src="assets/favicon.svg" alt=""> [e](https://example.org/x#y) [f](mailto:a@example.org) '
               '<abbr title="Defense Intelligence Agency">DIA</abbr> <sup>1</sup> <sub>2</sub> <em>x</em> <span>y</span>')
    article = _article_with("two Russian cargo planes", "two Russian cargo planes " + written)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert result.returncode == 0, result.stdout + result.stderr


def test_markup_in_a_source_is_a_warning(tmp_path):
    """The Sources page printed '[Reuters](https://r.com) *report*' and '<b>Reuters</b>' as typed, without a word."""
    sources = TEST_SOURCES.replace('title: "[Reuters report on the Russian planes landing in Caracas]"',
                                   'title: "[Reuters](https://r.com) *report*"').replace('publisher: "Reuters"', 'publisher: "<b>Reuters</b>"')
    _, result = run(tmp_path, {"claims.yml": GOOD, "sources.yml": sources})
    assert result.returncode == 1, result.stderr
    for line, key, found in ((3, "title", r"'\]\('"), (4, "publisher", r"'<b>'")):
        assert re.search(rf"^warning: annotations/sources\.yml:{line}:\d+: S1: the source's {key} holds markup \({found}\), "
                         r"which is printed as typed; write plain text$", result.stdout, re.M), result.stdout


def test_the_check_holds_the_share_image_and_the_schema_as_the_build_does(tmp_path):
    """The check said OK where the build refused a share_image that is no file, or warned of a stale schema."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("share_image: assets/social-card.png",
                                                                       "share_image: assets/social-card.jpg")
    project, result = run(tmp_path, {"claims.yml": GOOD}, {"mkdocs.yml": config})
    assert_problem(result, r"mkdocs\.yml: share_image: 'assets/social-card\.jpg' is not a file of the site")
    schema = project / "schema" / "annotations.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"accurate"', '"correct"'), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("social-card.jpg", "social-card.png"), encoding="utf-8")
    result = check_in_process(project)
    assert result.returncode == 1 and re.search(r"^warning: schema/annotations\.schema\.json: stale \(the categories or "
                                                r"verdicts in mkdocs\.yml changed\); run 'python -m annotated_edition schema'",
                                                result.stdout, re.M), result.stdout


def test_a_site_without_site_url_is_warned_of_by_the_check(tmp_path):
    """Without site_url the share pages' canonical links, the open data's ids and the ClaimReview's URLs were
    relative ('#ferry-price'), pointing nowhere once shared, and the check said OK."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^site_url: .*$", "", config, count=1, flags=re.M)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"mkdocs.yml": config})
    assert re.search(r"^warning: mkdocs\.yml: site_url: is not set, so the share pages, the open data "
                     r"\(annotations\.jsonld\) and the fact-check data would carry addresses that point nowhere once "
                     r"shared; set 'site_url:' in mkdocs\.yml to the published address", result.stdout, re.M), result.stdout


@pytest.mark.build
def test_a_strict_build_without_site_url_is_refused_even_when_quiet(tmp_path):
    """MkDocs drops its logger's warnings under '-q', so a strict 'mkdocs build -q' published them: this one is held
    and refused with the notes' problems."""
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url: .*$", "", config.read_text(encoding="utf-8"), count=1, flags=re.M),
                      encoding="utf-8")
    result = mkdocs(project, "build", "-q")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out
    assert "1 warning(s) (a strict build refuses warnings)" in out, out
    assert not (project / "site").exists()
    result = mkdocs(project, "build")
    assert "mkdocs.yml: site_url: is not set" in result.stdout + result.stderr


def test_a_check_piped_into_head_ends_without_a_traceback():
    """'make check | head -1' closed the pipe, and the check printed a BrokenPipeError traceback."""
    process = subprocess.Popen([sys.executable, "-m", "annotated_edition", "check"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().startswith("index.md: 70 notes loaded")
    process.stdout.close()  # (as head does after its line)
    assert "Traceback" not in process.stderr.read()
    process.wait(timeout=60)


def test_an_id_taken_by_another_note_s_alias_names_the_alias(tmp_path):
    """'the id ... is already used by a note' blamed a published note, not the alias that took its id."""
    files = {"claims.yml": claims(note(id="new-note", extra="    aliases: [test-note]\n"),
                                  note(exact="personnel and equipment"))}
    _, result = run(tmp_path, files)
    assert_problem(result, r"annotations/claims\.yml:\d+:\d+: test-note: the id 'test-note' is already used by a note in "
                           r"annotations/claims\.yml:3, as an alias of 'new-note'")


@pytest.mark.parametrize("old, new, typed, said", [
    # the editor's note (front matter) is Markdown the engine renders: MkDocs never checked its links
    ("about.md#repairs-made-to-the-text", "about.md#repairs-made", "about.md#repairs-made)",
     r"editor_note: the editor's note links to 'about\.md#repairs-made', but about\.md has no '#repairs-made'; did you mean "
     r"'#repairs-made-to-the-text'\?"),
    # the article's own link to an id of its page: the check said OK, and the build's MkDocs warning names no line
    ("two Russian cargo planes", "two [Russian](#russia) cargo planes", "#russia",
     r"the article links to '#russia', but its page has no '#russia'; link to an id of the page$"),
])
def test_an_article_link_to_no_place_is_an_error_at_its_line(tmp_path, old, new, typed, said):
    article = _article_with(old, new)
    line, column = _where(article, typed)
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{line}:{column}: " + said)


def test_a_note_date_before_the_article_is_a_warning(tmp_path):
    """A later development of 2010 and a correction of 2018, on a column of 27 March 2019, were accepted."""
    extra = '    later: {date: "2010-01-01", text: "Superseded."}\n    corrections:\n      - {date: "2018-01-01", what: "x", why: "y"}\n'
    _, result = run(tmp_path, {"claims.yml": claims(note(extra=extra))})
    assert result.returncode == 1, result.stderr
    for said in ("'later.date' '2010-01-01'", "a correction's date '2018-01-01'"):
        assert re.search(rf"^warning: annotations/claims\.yml:3:5: test-note: {said} comes before the article \(index\.md, "
                         r"2019-03-27\); check the year$", result.stdout, re.M), result.stdout
    assert "comes before" not in run(tmp_path / "ok", {"claims.yml": GOOD})[1].stdout


def test_each_alias_that_cannot_work_is_told_at_its_own_line(tmp_path):
    block = "paragraph_aliases:\n  old-para: no-such-para\n  cargo-planes: us-official\n  older: us-official"
    article = _article_with("paragraph_aliases: {}", block)
    first = article.splitlines().index("  old-para: no-such-para") + 1
    _, result = run(tmp_path, {"claims.yml": GOOD}, {"docs/index.md": article})
    assert_problem(result, rf"docs/index\.md:{first}:1: paragraph_aliases\.old-para: the alias points to 'no-such-para'")
    assert_problem(result, rf"docs/index\.md:{first + 1}:1: paragraph_aliases\.cargo-planes: 'cargo-planes' is still the "
                           r"id of an element; remove the alias, or finish renaming the paragraph")
    assert "paragraph_aliases.older" not in result.stdout + result.stderr  # (a working alias is no problem)
    _, result = run(tmp_path / "none", {"claims.yml": GOOD}, {"docs/index.md": _article_with("paragraph_aliases: {}",
                                                                                             "paragraph_aliases: {old-para: }")})
    assert_problem(result, r"docs/index\.md:\d+:1: paragraph_aliases\.old-para: the alias names no current id; write "
                           r"'old-para: <the paragraph's current id>'")  # (it said "points to 'None'")
    not_a_mapping = _article_with("paragraph_aliases: {}", "paragraph_aliases: [old-para]")
    line = not_a_mapping.splitlines().index("paragraph_aliases: [old-para]") + 1
    _, result = run(tmp_path / "list", {"claims.yml": GOOD}, {"docs/index.md": not_a_mapping})
    assert_problem(result, rf"docs/index\.md:{line}:1: paragraph_aliases: must be a mapping of old id to new id")


def test_prefix_without_its_space_and_a_wrong_prefix(tmp_path):
    good = claims(note(paragraph="us-official", exact="Russian personnel", extra='      prefix: "non-military"\n'))
    _, result = run(tmp_path / "a", {"claims.yml": good})
    assert result.returncode == 0, result.stderr
    wrong = claims(note(paragraph="us-official", exact="Russian personnel", extra='      prefix: "military-grade"\n'))
    _, result = run(tmp_path / "b", {"claims.yml": wrong})
    assert_problem(result, r"annotations/claims\.yml:6:14: test-note: the quote is in the paragraph .* but not with that "
                           r"prefix/suffix.*; copy 'prefix:' from the words just before")


def test_sources_written_without_brackets(tmp_path):
    _, result = run(tmp_path, {"claims.yml": claims(note()).replace("sources: [S1]", "sources: S1")})
    assert_problem(result, r"annotations/claims\.yml:12:\d+: test-note: 'sources' must be a list.*; write it in brackets: "
                           r"'sources: \[S1\]'")
    assert "cites source 'S'" not in result.stderr


def test_an_alias_that_takes_a_paragraph_s_id_is_named_as_an_alias(tmp_path):
    """It read "the id is used twice on the page: <p> '...' and <span> ''": the alias was an empty span."""
    _, result = run(tmp_path, {"claims.yml": claims(note(extra="    aliases: [cargo-planes]\n"))})
    assert_problem(result, r"docs/index\.md: cargo-planes: the id is used twice on the page: <p> 'On Saturday two Russian "
                           r"cargo planes of ' and an alias of 'test-note'; rename one of them")


def test_an_invalid_source_is_reported_once(tmp_path):
    broken = 'sources:\n  - id: S1\n    title: "[A page]"\n    publisher: "Somebody"\n    date: "2019"\n'
    _, result = run(tmp_path, {"claims.yml": GOOD, "sources.yml": broken})
    assert_problem(result, r"annotations/sources\.yml:2:5: S1: missing required field 'url'; add 'url: \.\.\.'")
    assert "not in annotations/sources.yml" not in result.stderr
    assert re.search(r"^error: annotations/claims\.yml:13:\d+: test-planes: cites source 'S1', whose entry in "
                     r"annotations/sources\.yml has an error \(reported above\); fix that entry first", result.stderr, re.M)


def test_note_id_that_clashes_with_a_generated_id(tmp_path):
    _, result = run(tmp_path, {"claims.yml": claims(note(id="planes"), note(id="planes-title", exact="landed in Caracas"))})
    # (it read "clashes with another element: a note and a note", without saying the page makes ids from a note's)
    # (then "a note's id, title or marker and a note's id, title or marker", naming neither note)
    assert_problem(result, r"annotations/claims\.yml:14:5: planes-title: the note's id clashes with another element: the "
                           r"title of note 'planes' and note 'planes-title'; rename this note, or what it clashes with \(the page also "
                           r"gives ids <id>-title and ref-<id>\)")


def test_a_field_indented_into_the_body_and_a_bare_address_are_warnings(tmp_path):
    """A correction indented as far as the body's lines was published as the body's words, with no warning (and the
    About page listed no correction); a bare address in a body is published as text."""
    body = ("A test body, see https://example.org/report for it.\n"
            "      corrections:\n        - date: \"2026-12-06\"\n          what: x\n          why: y")
    _, result = run(tmp_path, {"claims.yml": claims(note(body=body))})
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert re.search(r"^warning: annotations/claims\.yml:12:7: test-note: the body has a line 'corrections:', which YAML "
                     r"reads as the body's words, not as the note's field; indent 'corrections:' as 'body:' is", out, re.M), out
    assert re.search(r"^warning: annotations/claims\.yml:11:24: test-note: the body holds a bare address, "
                     r"'https://example\.org/report', which is published as text.*; write it as <https://example\.org/report>",
                     out, re.M), out
    _, result = run(tmp_path / "ok", {"claims.yml": claims(note(body="See [the report](https://example.org/r) "
                                                                      "or <https://example.org/r>."))})
    assert "bare address" not in result.stdout and "the body has a line" not in result.stdout


def test_the_count_of_notes_loaded_says_when_errors_leave_some_out(tmp_path):
    """'22 notes loaded (claims 0, ...)' read as if claims.yml were empty, when it did not parse."""
    _, result = run(tmp_path, {"claims.yml": "category: claims\nannotations:\n  - id: [x\n"})
    assert result.returncode == 1
    assert "index.md: 0 notes loaded (claims 0, sourcing 0, syria analogy 0, sanctions 0), not counting the notes the " \
           "errors above leave out" in result.stdout, result.stdout
    _, result = run(tmp_path / "ok", {"claims.yml": claims(note())})
    assert "not counting" not in result.stdout


def test_each_unknown_field_of_a_note_is_named(tmp_path):
    """'alias:' and 'sumary:' in one note: only 'alias' was named (the schema reports a mapping's extra fields in one
    error), so the second typo came to light a run later."""
    text = claims(note(extra="    alias: [old-note]\n")).replace("    summary:", "    sumary:")
    _, result = run(tmp_path, {"claims.yml": text})
    assert re.search(r"^error: annotations/claims\.yml:7:\d+: test-note: unknown field 'alias'; did you mean 'aliases'\?",
                     result.stderr, re.M), result.stderr
    assert re.search(r"^error: annotations/claims\.yml:10:\d+: test-note: unknown field 'sumary'; did you mean 'summary'\?",
                     result.stderr, re.M), result.stderr
