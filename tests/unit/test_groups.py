"""One marker per sentence (issue 13, point 2): sentence ends, groups, and the markup of a group."""

from __future__ import annotations

from bs4 import BeautifulSoup

from annotated_edition.sentences import sentence_ends
from test_core import merged, note


def test_sentence_ends_keep_abbreviations_inside_a_sentence():
    text = 'Allies worried that U.S. President Donald Trump means it. It turns out that Mr. Putin acted. "Fine," he said.'
    ends = sentence_ends(text)
    assert [text[a:b].strip() for a, b in zip([0] + ends, ends)] == [
        "Allies worried that U.S. President Donald Trump means it.", "It turns out that Mr. Putin acted.", '"Fine," he said.']


def test_notes_on_one_sentence_share_one_marker_and_one_item(tmp_path):
    page, soup = merged(tmp_path, note("opened", "harbour", "opened in 1901", "accurate") + note("closed", "harbour", "closed in 1999", "wrong"),
                        note("paint", "lighthouse", "painted"))
    markers = soup.select("a.ed-marker")
    assert [m["data-notes"] for m in markers] == ["opened closed", "paint"]
    first = markers[0]
    assert first["id"] == "ref-opened" and first["href"] == "#opened" and first["data-n"] == "1–2"
    assert first["aria-label"] == "Notes 1–2, accurate: T opened; wrong: T closed"
    assert markers[1]["aria-label"] == "Note 3, context: T paint"
    # the marker follows the quote that ends last in the sentence; the other note keeps its ref- anchor
    assert first.find_previous("span", class_="ed-hl")["data-note"] == "closed"
    assert soup.find(id="ref-closed").find_next("a")["id"] == "ref-opened"
    group = soup.select_one(".ed-group")
    assert [n["id"] for n in group.select("aside.ed-note")] == ["opened", "closed"]
    assert group["aria-label"] == "Notes 1–2"
    assert [p.number for p in page.placed] == [1, 2, 3] and [p.group for p in page.placed] == ["opened", "opened", "paint"]


def test_note_titles_are_not_headings_and_prominent_verdicts_are_flagged(tmp_path):
    _page, soup = merged(tmp_path, note("opened", "harbour", "opened in 1901", "accurate") + note("paint", "lighthouse", "painted", "wrong"))
    assert not soup.select(".ed-note :is(h1, h2, h3, h4, h5, h6)")
    assert soup.select_one("#opened-title").name == "p"
    assert [h["data-note"] for h in soup.select(".ed-hl")] == ["opened", "paint"]
    assert ["ed-hl--flag" in h["class"] for h in soup.select(".ed-hl")] == [False, True]
    assert soup.select_one("#paint .ed-verdict--wrong") is not None


def test_a_marker_follows_the_closing_quotation_mark_but_not_an_apostrophe(tmp_path):
    from test_core import PAGE, Links, edition

    body = ('<p id="harbour">Officials said the harbour \u201copened in 1901\u201d and later "closed in 1999"; fine.</p>\n'
            '<p id="lighthouse">The lighthouse was painted in 1950 for Russia\'s fleet.</p>')
    files = {"claims.yml": "category: claims\nannotations:\n" + note("opened", "harbour", "opened in 1901", "accurate"),
             "context.yml": "category: context\nannotations:\n" + note("closed", "harbour", "later \\\"closed in 1999", "")
             + note("fleet", "lighthouse", "for Russia")}
    ed, spec = edition(tmp_path, files)
    ed.load()
    page = ed.annotate(spec, body, PAGE, Links({"tiny.md": ""}), "docs/tiny.md")
    soup = BeautifulSoup(page.html, "html.parser")
    text = {p["id"]: "".join(s if isinstance(s, str) else ("[" + s["data-notes"] + "]" if "ed-marker" in s.get("class", []) else s.get_text())
                             for s in p.children) for p in soup.select("p[id]")}
    assert '1901\u201d[opened closed] and' not in text["harbour"]  # one sentence: one marker, after the last quote
    # after closing marks and punctuation, as a footnote mark (not after a dash)
    assert text["harbour"].endswith('later "closed in 1999";[opened closed] fine.'), text["harbour"]
    assert text["lighthouse"].endswith("for Russia[fleet]'s fleet."), text["lighthouse"]
