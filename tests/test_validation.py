"""Bad input from editors: every problem reported at once, as file:line:column: id: what; what to do.

Covers issue cases C01-C08 (our own inputs of each kind), through ``make check``'s command
and through ``mkdocs build``; neither may print a traceback or drop a note silently.
"""

from __future__ import annotations

import hashlib
import re
import textwrap

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build, check, make_project, mkdocs

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


def run(tmp_path, files):
    project = make_project(tmp_path / "p", annotations=files)
    return project, check(project)


def assert_problem(result, pattern: str):
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    assert re.search(pattern, out, re.M), f"no line matching {pattern!r} in:\n{out}"


CASES = {
    "quote-missing": (claims(note(exact="three Russian cargo planes")),
                      r"claims\.yml:6:14: test-note: the quote is not in the paragraph; the closest passage is 'two Russian cargo planes'"),
    "unknown-paragraph": (claims(note(paragraph="cargo-plane")),
                          r"claims\.yml:5:18: test-note: paragraph 'cargo-plane' does not exist .*did you mean 'cargo-planes'\?"),
    "duplicate-id-same-file": (claims(note(), note(exact="personnel and equipment")),
                               r"claims\.yml:\d+:\d+: test-note: the id 'test-note' is already used by a note in .*claims\.yml:3"),
    "unknown-category": (claims(note(), category="claim"),
                         r"claims\.yml:1:11: 'claim' is not a known category; use one of: sourcing, claims, syria-analogy, sanctions"),
    "missing-field": (claims(note().replace("    title: A title\n", "")),
                      r"claims\.yml:3:5: test-note: missing required field 'title'"),
    "yaml-does-not-parse": ("category: claims\nannotations:\n  - id: [x\n",
                            r"claims\.yml:\d+:\d+: YAML does not parse"),
    "C01-duplicate-key": (claims(note(extra="").replace("    body: |\n      A test body.\n",
                                                         "    body: First wording.\n    body: Second wording.\n")),
                          r"claims\.yml:11:5: test-note: duplicate key 'body' \(first at line 10\)"),
    "C02-null": (claims(note(title="~")), r"claims\.yml:7:12: test-note: 'title' has no value; write the text"),
    "C03-unquoted-colon": (claims(note()).replace("summary: A summary.", "summary: Ratio: two to one"),
                           r"claims\.yml:\d+:\d+: YAML does not parse: a value contains a colon .*put the whole value in quotes"),
    "C03-tab": (claims(note()).replace("    title: A title", "\ttitle: A title"),
                r"claims\.yml:\d+:\d+: YAML does not parse: a tab character .*use spaces, not tabs"),
    "C03-inner-quotes": (claims(note(title='"the "old" pier"')),
                         r"claims\.yml:\d+:\d+: YAML does not parse: a quote mark inside a quoted value"),
    "C06-ambiguous": (claims(note(paragraph="us-official", exact="Russian personnel")),
                      r"test-note: the quote occurs 2 times in the paragraph: .*\[Russian personnel\].*\|.*\[Russian personnel\].*; add 'prefix:'"),
    "C08-id-equals-paragraph": (claims(note(id="cargo-planes")),
                                r"claims\.yml:3:5: cargo-planes: the note's id .*clashes with another element: <p>"),
    "verdict-missing": (claims(note(verdict="")), r"test-note: a claim needs a verdict"),
    "verdict-not-on-sourcing": (claims(note(), category="sourcing"), r"test-note: only claims carry a verdict"),
    "unknown-verdict": (claims(note(verdict="mostly-true")), r"test-note: 'mostly-true' is not a known verdict; use one of: accurate"),
    "unknown-source": (claims(note()).replace("[S1]", "[S999]"), r"test-note: cites source 'S999', which is not in annotations/sources\.yml"),
    "unknown-field": (claims(note(extra="")).replace("    summary:", "    sumary: x\n    summary:"),
                      r"test-note: unknown field 'sumary'; did you mean 'summary'\?"),
    "bad-id": (claims(note(id="Cargo_Note")), r"Cargo_Note: 'id' 'Cargo_Note' may only use lowercase"),
    "bad-date": (claims(note()).replace('checked: "2026-11-29"', 'checked: "29/11/2026"'),
                 r"test-note: 'checked' must be a date written YYYY-MM-DD"),
    "folded-list": (claims(note()).replace("    body: |\n      A test body.\n", "    body: >\n      Intro:\n\n      - one\n      - two\n"),
                    r"test-note: the body is a folded block \(>\) .*write 'body: \|'"),
    "heading-in-body": (claims(note(body="## Heading\n\n      Text.")), r"test-note: the body contains a heading"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_bad_input(tmp_path, case):
    text, pattern = CASES[case]
    _, result = run(tmp_path, {"claims.yml": text})
    assert_problem(result, pattern)


@pytest.mark.parametrize("case", ["quote-missing", "unknown-category", "C01-duplicate-key", "C03-tab", "C08-id-equals-paragraph"])
def test_build_stops_with_the_same_lines(tmp_path, case):
    text, pattern = CASES[case]
    project = make_project(tmp_path / "p", annotations={"claims.yml": text})
    result = mkdocs(project, "build")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in out
    assert re.search(pattern, out, re.M), out
    assert not (project / "site" / "index.html").exists()


def test_every_problem_in_one_run(tmp_path):
    files = {
        "claims.yml": claims(note(id="a-one", exact="not in the text"), note(id="a-two", paragraph="nowhere"),
                             note(id="a-three").replace("    title: A title\n", "")),
        "sanctions.yml": "category: sanctions\nannotations:\n  - id: [broken\n",
    }
    _, result = run(tmp_path, files)
    out = result.stderr
    assert "a-one: the quote is not in the paragraph" in out
    assert "a-two: paragraph 'nowhere' does not exist" in out
    assert "a-three: missing required field 'title'" in out
    assert "sanctions.yml:" in out and "YAML does not parse" in out
    assert "4 error(s)" in out


def test_duplicate_ids_across_files(tmp_path):
    files = {"claims.yml": claims(note(id="same-id")),
             "sanctions.yml": claims(note(id="same-id", exact="personnel and equipment", verdict=""), category="sanctions")}
    _, result = run(tmp_path, files)
    assert_problem(result, r"sanctions\.yml:3:\d+: same-id: the id 'same-id' is already used by a note in annotations/claims\.yml:3")


def test_norway_values_are_kept_as_typed(tmp_path):
    """C02: unquoted no/yes/on/3.10/dates stay the editor's text; True/False never reach the page."""
    text = claims(note(title="no", body="yes").replace("summary: A summary.", "summary: on 3.10"))
    text = text.replace('checked: "2026-11-29"', "checked: 2026-11-29")
    project = make_project(tmp_path / "p", annotations={"claims.yml": text})
    site = build(project)
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    aside = soup.find(id="test-note")
    assert aside.select_one(".ed-note__title").get_text() == "no"
    assert aside.select_one(".ed-note__body").get_text().strip() == "yes"
    assert aside.select_one(".ed-note__summary").get_text() == "on 3.10"
    assert "True" not in aside.get_text() and "False" not in aside.get_text()
    assert aside.select_one(".ed-note__checked time")["datetime"] == "2026-11-29"


def test_list_in_a_note_and_a_second_note_pair_by_id(tmp_path):
    """C04: a body with a paragraph and a two-item list; a second note on the same paragraph."""
    first = note(id="with-list", body="Intro paragraph.\n\n      - first item\n      - second item")
    second = note(id="plain", exact="personnel and equipment", body="Only this text.")
    project = make_project(tmp_path / "p", annotations={"claims.yml": claims(first, second)})
    soup = BeautifulSoup((build(project) / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = soup.find(id="with-list").select_one(".ed-note__body")
    assert len(body.find_all("ul")) == 1 and [li.get_text() for li in body.find_all("li")] == ["first item", "second item"]
    assert soup.find(id="plain").select_one(".ed-note__body").get_text().strip() == "Only this text."
    assert soup.find(id="ref-with-list")["href"] == "#with-list"
    assert soup.find(id="ref-plain")["href"] == "#plain"


def test_typographic_characters_anchor_on_the_articles_own(tmp_path):
    """C05: a hyphen in the quote matches the article's em dash; the highlight covers the em dash."""
    text = claims(note(paragraph="syria-2015", exact="another deal - with Damascus"))
    project = make_project(tmp_path / "p", annotations={"claims.yml": text})
    soup = BeautifulSoup((build(project) / "index.html").read_text(encoding="utf-8"), "html.parser")
    pieces = soup.select('.ed-hl[data-note="test-note"]')
    assert "".join(p.get_text() for p in pieces) == "another deal — with Damascus"


def test_prefix_picks_one_of_two_occurrences(tmp_path):
    """C06: with a prefix the note anchors to the second 'Russian personnel'."""
    text = claims(note(paragraph="us-official", exact="Russian personnel", extra="      prefix: \"non-military \"\n"))
    project = make_project(tmp_path / "p", annotations={"claims.yml": text})
    soup = BeautifulSoup((build(project) / "index.html").read_text(encoding="utf-8"), "html.parser")
    piece = soup.select_one('.ed-hl[data-note="test-note"]')
    assert piece.previous_sibling.endswith("non-military ")


def _article_with(old: str, new: str) -> str:
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def test_paragraph_id_after_a_hard_line_break(tmp_path):
    """C07: Python-Markdown puts the id on the <br>'s line; the build says it could not attach it."""
    article = _article_with("The main value of Russia's move is symbolic. ",
                            "The main value of Russia's move is symbolic.  \n{#symbolic-value}\n")
    article = article.replace("cut its client loose.\n{#symbolic-value}", "cut its client loose.")
    project = make_project(tmp_path / "p", annotations={"claims.yml": claims(note())},
                           replace_files={"docs/index.md": article})
    result = check(project)
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "symbolic-value" in out and "Traceback" not in out


def test_paragraph_id_after_a_list(tmp_path):
    """C07: an id line after a list lands on the last <li>: reported, not published."""
    article = _article_with("Moscow has no plans to cut its client loose.\n{#symbolic-value}",
                              "Moscow has no plans to cut its client loose.\n\n- one\n- two\n{#symbolic-value}")
    project = make_project(tmp_path / "p", annotations={"claims.yml": claims(note())},
                           replace_files={"docs/index.md": article})
    result = check(project)
    assert_problem(result, r"docs/index\.md:\d+:1: symbolic-value: the id landed on a <li>, not on the paragraph")


def test_duplicate_paragraph_ids(tmp_path):
    """C08: two paragraphs with one id: named with both lines."""
    article = _article_with("{#economic-response}", "{#menendez-letter}")
    project = make_project(tmp_path / "p", annotations={"claims.yml": claims(note())},
                           replace_files={"docs/index.md": article})
    result = check(project)
    assert_problem(result, r"docs/index\.md:\d+:1: menendez-letter: the paragraph id is used twice \(first at line \d+\)")


def test_failed_build_keeps_previous_site_and_editor_files(tmp_path):
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD})
    site = build(project)
    before = (site / "index.html").read_bytes()
    broken = GOOD.replace("two Russian cargo planes", "two Russian cargo jets")
    (project / "annotations" / "claims.yml").write_text(broken, encoding="utf-8")
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "annotations").iterdir()}
    result = mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert (site / "index.html").read_bytes() == before
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (project / "annotations").iterdir()} == digests


def test_http_source_is_a_warning_that_strict_refuses(tmp_path):
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD})
    sources = textwrap.dedent("""\
        sources:
          - id: S1
            title: "[A page]"
            publisher: "Somebody"
            date: "2019"
            url: "http://example.org/page"
    """)
    (project / "annotations" / "sources.yml").write_text(sources, encoding="utf-8")
    result = check(project)
    assert result.returncode == 0 and "S1: the URL is http://, not https://" in result.stdout
    assert "add 'http_only: true' if it has none" in result.stdout
    strict = mkdocs(project, "build", "--strict")
    assert strict.returncode != 0 and "S1: the URL is http://" in strict.stdout + strict.stderr


def test_http_only_source_is_accepted(tmp_path):
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD, "sources.yml": (
        'sources:\n  - id: S1\n    title: "[A page]"\n    publisher: "Somebody"\n    date: "2019"\n'
        '    url: "http://example.org/page"\n    http_only: true\n')})
    result = check(project)
    assert result.returncode == 0 and "http://" not in result.stdout


# ---- faults a new editor ran into (each kind, our own inputs) ----

def test_file_that_is_not_utf8(tmp_path):
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD})
    path = project / "annotations" / "claims.yml"
    path.write_bytes(path.read_bytes().replace(b"One freighter", "Guaid\u00f3 freighter".encode("cp1252")))
    result = check(project)
    assert_problem(result, r"claims\.yml:8:\d+: the file is not UTF-8 text \(byte 0xf3\); save it with the UTF-8 encoding")


def test_empty_annotation_file(tmp_path):
    _, result = run(tmp_path, {"claims.yml": GOOD, "sanctions.yml": ""})
    assert_problem(result, r"sanctions\.yml:1:1: the file is empty; write 'category:'")


def test_article_without_annotated_flag_is_an_error(tmp_path):
    article = _article_with("annotated: true\n", "")
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD}, replace_files={"docs/index.md": article})
    assert_problem(check(project), r"docs/index\.md:1:1: annotated: the article's front matter does not say 'annotated: true'")


def test_front_matter_that_is_not_yaml_names_its_line(tmp_path):
    article = _article_with('dek: "Two cargo', "dek: Update: two cargo").replace("survival.\"\n", "survival.\n", 1)
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD}, replace_files={"docs/index.md": article})
    assert_problem(check(project), r"docs/index\.md:3:\d+: YAML does not parse: a value contains a colon")


def test_unquoted_front_matter_date(tmp_path):
    article = _article_with('date: "2019-03-27"', "date: 2019-03-27")
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD}, replace_files={"docs/index.md": article})
    assert_problem(check(project), r"docs/index\.md:5:1: date: front matter field 'date' is not text .*put the value in quotes")


def test_upper_case_suffix_is_read_and_subfolders_are_named(tmp_path):
    project = make_project(tmp_path / "p", annotations={"claims.YAML": GOOD})
    (project / "annotations" / "drafts").mkdir()
    (project / "annotations" / "drafts" / "x.yml").write_text(GOOD, encoding="utf-8")
    result = check(project)
    assert result.returncode == 0
    assert "1 placed on the page" in result.stdout
    assert "drafts/x.yml: this file is in a subfolder and is not read" in result.stdout


def test_renamed_paragraph_with_alias_keeps_its_notes(tmp_path):
    article = _article_with("{#cargo-planes}", "{#cargo-flights}").replace("paragraph_aliases: {}",
                                                                       "paragraph_aliases: {cargo-planes: cargo-flights}")
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD}, replace_files={"docs/index.md": article})
    soup = BeautifulSoup((build(project) / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find(id="test-planes") is not None
    assert soup.find(id="cargo-planes")["data-alias-of"] == "cargo-flights"


def test_alias_to_a_missing_paragraph(tmp_path):
    article = _article_with("paragraph_aliases: {}", "paragraph_aliases: {old-para: no-such-para}")
    project = make_project(tmp_path / "p", annotations={"claims.yml": GOOD}, replace_files={"docs/index.md": article})
    assert_problem(check(project), r"paragraph_aliases\.old-para: the alias points to 'no-such-para', which does not exist")


def test_prefix_without_its_space_and_a_wrong_prefix(tmp_path):
    good = claims(note(paragraph="us-official", exact="Russian personnel", extra='      prefix: "non-military"\n'))
    _, result = run(tmp_path / "a", {"claims.yml": good})
    assert result.returncode == 0, result.stderr
    wrong = claims(note(paragraph="us-official", exact="Russian personnel", extra='      prefix: "military-grade"\n'))
    _, result = run(tmp_path / "b", {"claims.yml": wrong})
    assert_problem(result, r"test-note: the quote is in the paragraph .* but not with that prefix/suffix")


def test_sources_written_without_brackets(tmp_path):
    _, result = run(tmp_path, {"claims.yml": claims(note()).replace("sources: [S1]", "sources: S1")})
    assert_problem(result, r"test-note: 'sources' must be a list")
    assert "cites source 'S'" not in result.stderr


def test_an_invalid_source_is_reported_once(tmp_path):
    broken = 'sources:\n  - id: S1\n    title: "[A page]"\n    publisher: "Somebody"\n    date: "2019"\n'
    _, result = run(tmp_path, {"claims.yml": GOOD, "sources.yml": broken})
    assert_problem(result, r"sources\.yml:2:5: S1: missing required field 'url'")
    assert "not in annotations/sources.yml" not in result.stderr
    assert "whose entry in annotations/sources.yml has an error" in result.stderr


def test_note_id_that_clashes_with_a_generated_id(tmp_path):
    _, result = run(tmp_path, {"claims.yml": claims(note(id="planes"), note(id="planes-title", exact="landed in Caracas"))})
    assert_problem(result, r"claims\.yml:\d+:5: planes(-title)?: the note's id .*clashes with another element")
