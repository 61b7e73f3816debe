"""Anchoring a TextQuoteSelector: exact offsets, normalisation, prefix/suffix; property-based."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import assume, given, settings, strategies as st

from annotated_edition.anchoring import AnchorFailure, cut_word, find_quote, normalise
from annotated_edition.links import Links
from annotated_edition.merge import element_text, merge
from annotated_edition.model import Annotation, Source
from annotated_edition.rendering import Renderer
from annotated_edition.templates import Templates
from conftest import CHECK_PARTS, ROOT, annotate_in_process, make_project, project_notes, project_settings

TEMPLATES = Templates(Renderer())


def note_html(notes) -> str:
    return TEMPLATES.render("group", notes=notes, links=Links({}))


def marker_html(notes) -> str:
    return TEMPLATES.render("marker", notes=notes)


def merge_html(html: str, notes: list[Annotation], render_note=note_html):
    return merge(BeautifulSoup(html, "html.parser"), notes, marker_html, render_note, "x.md")

TYPOGRAPHIC = "’‘“”—–… \u00a0\u2009"
text_alphabet = st.sampled_from(list("abcdefghij .,'\"-") + list(TYPOGRAPHIC))


@given(st.text(alphabet=text_alphabet, min_size=1, max_size=80), st.data())
@settings(max_examples=300, deadline=None)
def test_a_unique_substring_is_found_at_its_offsets(paragraph, data):
    start = data.draw(st.integers(0, len(paragraph) - 1))
    end = data.draw(st.integers(start + 1, len(paragraph)))
    quote = paragraph[start:end]
    norm_quote = normalise(quote)[0].strip()
    assume(norm_quote)
    norm_para = normalise(paragraph)[0]
    assume(occurrences(norm_para, norm_quote) == 1)
    anchor = find_quote(paragraph, quote)
    # the anchor covers the article's own characters, and normalises to the quote
    assert normalise(paragraph[anchor.start:anchor.end])[0].strip() == norm_quote
    assert anchor.start <= start + len(quote) and anchor.end >= start


@given(st.text(alphabet=text_alphabet, max_size=100))
@settings(max_examples=300, deadline=None)
def test_normalisation_maps_every_character_back(text):
    norm, origin = normalise(text)
    assert len(norm) == len(origin)
    assert list(origin) == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def assert_balanced(html: str) -> None:
    """Every element is closed, in order: no tag left open, none closed out of turn."""
    from html.parser import HTMLParser

    stack: list[str] = []

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in VOID:
                stack.append(tag)

        def handle_endtag(self, tag):
            assert stack and stack[-1] == tag, f"</{tag}> closes <{stack[-1] if stack else None}>"
            stack.pop()

    Checker().feed(html)
    assert stack == [], f"left open: {stack}"


def occurrences(text: str, part: str) -> int:
    """Occurrences of ``part`` in ``text``, overlapping ones included (as anchoring counts them)."""
    return sum(1 for i in range(len(text)) if text.startswith(part, i))


def _note(**kw) -> Annotation:
    settings = project_settings()
    base = dict(id="n-one", category=settings.categories["claims"], paragraph="p1", exact="x", title="T", summary="S",
                body="B", sources=[Source("S1", "t", "p", "2019", "https://example.org/")], checked="2026-11-29",
                verdict=settings.verdicts["accurate"])
    base.update(kw)
    return Annotation(**base)


@given(st.text(alphabet="abc def", min_size=3, max_size=40), st.data())
@settings(max_examples=150, deadline=None)
def test_merging_never_changes_the_rendered_text(words, data):
    """Highlights wrap text; they never add, drop or alter a character of the paragraph."""
    html = f"<p id='p1'>{words[:len(words)//2]}<em>{words[len(words)//2:]}</em></p>"
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    quote = words[start:end]
    assume(quote.strip() and occurrences(normalise(words)[0], normalise(quote)[0].strip()) == 1)
    merged, placed, problems = merge_html(html, [_note(exact=quote)], lambda notes: "<aside id='n-one'></aside>")
    assert not [p for p in problems if p.severity == "error"]  # (a quote cut inside a word is a warning)
    soup = BeautifulSoup(merged, "html.parser")
    for m in soup.select(".ed-marker"):
        m.decompose()
    # as a browser renders it (white space collapsed; Beautiful Soup also folds blank-only strings)
    assert " ".join(element_text(soup.find(id="p1")).split()) == " ".join(words.split())


def test_typographic_normalisation_examples():
    text = "the keeper’s log — kept … “here”\u00a0now"
    anchor = find_quote(text, "keeper's log - kept ... \"here\" now")
    assert text[anchor.start:anchor.end] == "keeper’s log — kept … “here”\u00a0now"


def test_missing_quote_names_the_closest_passage():
    with pytest.raises(AnchorFailure) as info:
        find_quote("Two Russian cargo planes landed in Caracas.", "two Russian cargo plains")
    assert info.value.kind == "missing" and "Russian cargo planes" in info.value.candidates[0]


def test_a_missing_quote_says_where_it_differs_from_the_closest_passage():
    """A backtick typed for an apostrophe: the closest passage shown looked the same as the quote."""
    with pytest.raises(AnchorFailure) as info:
        find_quote("They aren't enough to make a difference.", "aren`t enough to make")
    assert info.value.describe()[0] == ("the quote is not in the paragraph; the closest passage is \"aren't enough to "
                                        "make\" (the quote differs at 'aren`t enough')")


@pytest.mark.parametrize("article, quote", [("Maiquet\u00eda", "Maiquet\u0069\u0301a"), ("Maiquet\u0069\u0301a", "Maiquet\u00eda")])
def test_a_quote_in_another_unicode_form_says_so(article, quote):
    """An accent typed composed (NFC) against one decomposed (NFD), or the other way: the closest passage shown
    looked the same as the quote, and nothing said why it did not match."""
    with pytest.raises(AnchorFailure) as info:
        find_quote(f"landed in {article} near Caracas", f"in {quote} near")
    assert info.value.kind == "form" and "another Unicode form" in info.value.describe()[0]


@pytest.mark.parametrize("article, quote, kind, said", [
    ("after \ufb01ve days of talks", "five days", "compatible", "a ligature or a compatibility character"),
    ("after five days of talks", "\ufb01ve days", "compatible", "a ligature or a compatibility character"),
    ("a war of words over the flights", "\u201cwar of words\u201d", "marks", "quote marks around the words"),
    ("a war of words over the flights", "'war of words'", "marks", "quote marks around the words"),
])
def test_a_quote_that_differs_only_in_ways_that_look_the_same_says_how(article, quote, kind, said):
    """The closest passage shown ('ﬁve', 'war of words') looked the same as the quote, and nothing said why."""
    with pytest.raises(AnchorFailure) as info:
        find_quote(article, quote)
    assert info.value.kind == kind and said in info.value.describe()[0]


def test_the_closest_passage_ends_at_a_word_end():
    """A passage cut at the quote's length ended mid-word ('grown by 30 per cent s'): it runs to its word's end."""
    with pytest.raises(AnchorFailure) as info:
        find_quote("Traffic has grown by 30 per cent since 2020, officials say.", "has grown by 30 percent s")
    assert info.value.candidates[0].endswith("since"), info.value.candidates


@pytest.mark.parametrize("quote, cut", [
    ("wo Russian cargo", "two"), ("two Russian cargo plane", "planes"), ("two Russian cargo planes", ""),
    ("Russia's two", ""), ("military", ""), ("non-military", ""), ("2015.", ""), ("201", "2015"), ("Russia's", ""),
    ("ussia's two", "Russia"), ("on-military aid in 2015", "non"), ("Russian", ""), ("Russian c", "cargo")])
def test_a_quote_that_cuts_a_word_names_it(quote, cut):
    text = "Russia's two Russian cargo planes: non-military aid in 2015."
    assert cut_word(text, find_quote(text, quote)) == cut


def test_ambiguous_quote_lists_each_occurrence_and_prefix_suffix_resolve():
    text = "Russia sent planes. Later Russia sent more."
    with pytest.raises(AnchorFailure) as info:
        find_quote(text, "Russia sent")
    assert info.value.kind == "ambiguous" and len(info.value.candidates) == 2
    assert find_quote(text, "Russia sent", prefix="Later ").start == text.index("Later ") + 6
    assert find_quote(text, "Russia sent", suffix=" planes").start == 0


def test_notes_on_the_same_words_are_numbered_in_file_order():
    html = "<p id='p1'>one two three</p>"
    notes = [_note(id="note-9", exact="two"), _note(id="note-10", exact="two"), _note(id="a-note", exact="two")]
    _, placed, problems = merge_html(html, notes)
    assert not problems
    assert [(p.annotation.id, p.number) for p in placed] == [("note-9", 1), ("note-10", 2), ("a-note", 3)]


def test_overlapping_and_nested_quotes_give_valid_html():
    html = "<p id='p1'>one two <a href='https://example.org/'>three four</a> five</p>"
    notes = [_note(id="outer", exact="two three four"), _note(id="inner", exact="three"),
             _note(id="overlap", exact="four five")]
    merged, placed, problems = merge_html(html, notes)
    assert not problems and len(placed) == 3
    soup = BeautifulSoup(merged, "html.parser")
    assert_balanced(merged)
    for marker in soup.select(".ed-marker"):
        marker.decompose()
    for note in ("outer", "inner", "overlap"):
        pieces = soup.select(f'.ed-hl[data-note="{note}"]')
        assert pieces and soup.find(id=note).name == "aside"
    assert "".join(p.get_text() for p in soup.select('.ed-hl[data-note="outer"]')) == "two three four"
    link = soup.find("a", href="https://example.org/")
    assert link.get_text().startswith("three four")


def test_quote_across_emphasis_in_the_article(tmp_path):
    """A quote that spans *emphasis* in the article still anchors, one highlight piece per text node."""
    article = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    article = article.replace("The main value of Russia's move is symbolic.", "The main value of *Russia's move* is symbolic.")
    files = {"claims.yml": ("category: claims\nannotations:\n  - id: across-em\n    target:\n      paragraph: symbolic-value\n"
                            "      exact: \"value of Russia's move is\"\n    title: T\n    verdict: opinion\n    summary: S.\n"
                            "    body: |\n      B.\n    sources: [S1]\n    checked: \"2026-11-29\"\n")}
    project = make_project(tmp_path / "p", annotations=files, replace_files={"docs/index.md": article}, parts=CHECK_PARTS)
    page = annotate_in_process(project)
    assert not page.errors, [p.format() for p in page.errors]
    soup = BeautifulSoup(page.html, "html.parser")
    pieces = soup.select('.ed-hl[data-note="across-em"]')
    assert len(pieces) == 3 and pieces[1].find_parent("em") is not None
    assert "".join(p.get_text() for p in pieces) == "value of Russia's move is"


def highlighted_text(soup: BeautifulSoup) -> dict[str, str]:
    """Each note id -> the text of its highlight pieces, joined in document order."""
    joined: dict[str, str] = {}
    for piece in soup.select(".ed-hl[data-note]"):
        # a piece nested in another note's piece is text of both notes: count all its text
        joined[piece["data-note"]] = joined.get(piece["data-note"], "") + "".join(piece.find_all(string=True))
    return joined


def test_every_highlight_covers_exactly_its_quote():
    """Every note of the real article: its highlight is its whole quote, no character more or less
    (fails if the merge drops the last character of each highlight)."""
    page = annotate_in_process(ROOT)
    assert not page.errors, [p.format() for p in page.errors]
    text = highlighted_text(BeautifulSoup(page.html, "html.parser"))
    notes = project_notes().annotations
    assert len(notes) == len(page.placed) >= 60
    for a in notes:
        assert normalise(text.get(a.id, ""))[0].strip() == normalise(a.exact)[0].strip(), a.id


def test_where_a_quote_differs_is_told_in_whole_words():
    """'(the quote differs at 'as many passenger')' cut 'passengers' short, which read as the editor's typo."""
    from annotated_edition.anchoring import _first_difference
    said = _first_difference("twice as many passengers as last year", "twice as many islanders as last year")
    assert said == "as many passengers", said
