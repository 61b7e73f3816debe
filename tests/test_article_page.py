"""The built article page: ids, notes, links between highlights and notes, and fidelity to the seed."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from annotated_edition.anchoring import normalise
from annotated_edition.article import HEADER_IDS, declared_paragraph_ids
from conftest import ROOT, project_notes

SEED = Path(__file__).parent / "data" / "seed.txt"


def article_soup(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_strict_build_writes_the_article(built_site):
    assert (built_site / "index.html").exists()
    assert (built_site / "about" / "index.html").exists()
    assert (built_site / "sources" / "index.html").exists()


def test_every_paragraph_id_is_on_a_paragraph(built_site):
    soup = article_soup(built_site)
    ids = [i for i, _ in declared_paragraph_ids((ROOT / "docs" / "index.md").read_text(encoding="utf-8"))]
    assert len(ids) >= 15
    for ident in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident)
        tags = soup.find_all(id=ident)
        assert len(tags) == 1 and tags[0].name == "p", ident
    for ident in HEADER_IDS:
        assert len(soup.find_all(id=ident)) == 1, ident
    # every paragraph of the article text has an id
    for p in soup.select(".ed-article > p"):
        assert p.get("id"), p.get_text()[:60]


def test_no_id_appears_twice(built_site):
    for page in built_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids = [t["id"] for t in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), (page, sorted(i for i in ids if ids.count(i) > 1))


def test_every_annotation_is_on_the_page_linked_to_its_highlight(built_site):
    soup = article_soup(built_site)
    annotation_set = project_notes()
    assert not [p for p in annotation_set.problems if p.severity == "error"]
    assert annotation_set.annotations
    numbers = []
    for a in annotation_set.annotations:
        note = soup.find(id=a.id)
        assert note is not None and note.name == "aside", a.id
        assert note["role"] == "note" and note["aria-labelledby"] == f"{a.id}-title"
        assert note["class"][:2] == ["ed-note", f"ed-note--{a.category.id}"], a.id
        # one marker per sentence: the note's ref- anchor is its group's marker or sits just before it
        ref = soup.find(id=f"ref-{a.id}")
        assert ref is not None, a.id
        marker = ref if ref.name == "a" else ref.find_next("a", class_="ed-marker")
        assert a.id in marker["data-notes"].split() and a.id in marker["aria-controls"].split(), a.id
        assert marker["href"] == f"#{marker['data-notes'].split()[0]}"
        pieces = soup.select(f'.ed-hl[data-note="{a.id}"]')
        assert pieces, a.id
        assert pieces[0]["aria-details"] == a.id
        highlighted = "".join(p.get_text() for p in pieces)
        # the article's own characters, equal to the quote under the anchoring's normalisation
        assert normalise(highlighted)[0].strip() == normalise(a.exact)[0].strip(), a.id
        # the note follows its paragraph
        paragraph = soup.find(id=a.paragraph)
        block = paragraph if paragraph.name in ("p", "h1") else paragraph.find_parent("p")
        following = []
        for sib in block.find_next_siblings():  # notes, alone or in the item of their sentence's group
            if sib.name == "aside":
                following.append(sib.get("id"))
            elif "ed-group" in (sib.get("class") or []):
                following += [n["id"] for n in sib.select("aside.ed-note")]
            else:
                break
        assert a.id in following, (a.id, a.paragraph)
        numbers.append(int(note.select_one(".ed-note__num").get_text()))
        if a.verdict:
            assert note.select_one(f".ed-verdict--{a.verdict.id}") is not None
            assert a.verdict.label in note.select_one(f".ed-verdict--{a.verdict.id}").get_text()
    assert sorted(numbers) == list(range(1, len(numbers) + 1))


def test_no_link_to_hash_placeholders(built_site):
    soup = article_soup(built_site)
    assert not soup.select('a[href="#"]')
    text = soup.get_text()
    assert "Related article: Russia Says Presence of 'Russian Specialists'" in text


def _seed_words() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)      # [text](#) placeholders -> text
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)       # <url> -> url
    words = text.split()
    assert words[-1] == "2"                                   # the stray "2" the edition removes
    return words[:-1]


def page_words(site: Path) -> list[str]:
    soup = article_soup(site)
    article = soup.select_one(".ed-article")
    for added in article.select(".ed-note, .ed-marker"):
        added.decompose()
    for added in article.select(".ed-added"):
        added.replace_with(" ")
    blocks = article.find_all(["h1", "p"])
    return " ".join(block.get_text("") for block in blocks).split()


def test_fidelity_page_words_equal_the_seed_words(built_site):
    """Same words in the same order; the only repairs (joined sentences, the stray '2') keep the words."""
    assert page_words(built_site) == _seed_words()


def test_repairs_are_joined_sentences(built_site):
    soup = article_soup(built_site)
    for added in soup.select(".ed-marker"):
        added.decompose()
    assert "responded that his government opposed the U.S.-led coup" in soup.find(id="cargo-planes").get_text()
    assert "bipartisan policy: encouraging a nonviolent" in soup.find(id="bipartisan-policy").get_text()
    note = soup.select_one(".ed-editor-note").get_text()
    assert "stray" in note and "joined" in note


def test_notes_follow_document_order(built_site):
    """Notes appear in the order of their markers, also where two header parts share a line."""
    soup = article_soup(built_site)
    numbers = [int(n.select_one(".ed-note__num").get_text()) for n in soup.select("aside.ed-note")]
    assert numbers == sorted(numbers)
    markers = [i for m in soup.select("a.ed-marker") for i in m["data-notes"].split()]
    assert markers == [n["id"] for n in soup.select("aside.ed-note")]
