"""The notes as open data (issue 8): W3C Web Annotation JSON-LD, ClaimReview, index page, search."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup
from pyld import jsonld

from annotated_edition.anchoring import find_quote, normalise
from annotated_edition.merge import element_text
from annotated_edition.rendering import Renderer
from conftest import ROOT, SITE_URL, project_notes, project_settings

CONTEXTS = {
    "http://www.w3.org/ns/anno.jsonld": ROOT / "tests" / "data" / "contexts" / "anno.jsonld",
    "https://schema.org": ROOT / "tests" / "data" / "contexts" / "schemaorg.jsonld",
}
SETTINGS = project_settings()
SET = project_notes()


def local_loader(url, options=None):
    """pyld document loader that serves the committed contexts and refuses everything else."""
    path = CONTEXTS.get(url.rstrip("/")) or CONTEXTS.get(url)
    assert path is not None, f"the test tried to fetch {url}"
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(path.read_text(encoding="utf-8"))}


def words(html: str) -> str:
    """The text of an HTML fragment, white space collapsed."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def collection(site: Path) -> dict:
    return json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))


def article(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_collection_structure(built_site):
    data = collection(built_site)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["id"] == f"{SITE_URL}annotations.jsonld"
    items = data["first"]["items"]
    assert data["total"] == len(items) == len(SET.annotations)
    by_id = {a.id: a for a in SET.annotations}
    for item in items:
        assert item["type"] == "Annotation"
        note_id = item["id"].split("#", 1)[1]
        assert item["id"] == f"{SITE_URL}#{note_id}" and note_id in by_id
        note = by_id[note_id]
        assert item["motivation"] == note.category.motivation
        assert item["created"].startswith(note.checked) and item["modified"].startswith(note.checked)
        bodies = item["body"]
        html = [b for b in bodies if b.get("format") == "text/html" and b["type"] == "TextualBody"]
        assert html and "<script" not in html[0]["value"]
        assert {b["value"] for b in bodies if b.get("purpose") == "tagging"} == {note.category.id}
        assert {b["id"] for b in bodies if b.get("purpose") == "linking"} == {s.url for s in note.sources}
        target = item["target"]
        assert target["source"] == SITE_URL
        selector = next(s for s in target["selector"] if s["type"] == "FragmentSelector")
        assert selector["value"] == note.paragraph
        quote = selector["refinedBy"]
        assert quote["type"] == "TextQuoteSelector" and quote["exact"] == note.exact


def test_every_selector_anchors_in_the_built_page(built_site):
    """A reader's tool resolves each published selector in the page, onto exactly the highlighted text."""
    soup = article(built_site)
    for junk in soup.select(".ed-marker, .ed-note, .ed-permalink"):
        junk.decompose()
    for item in collection(built_site)["first"]["items"]:
        note_id = item["id"].split("#", 1)[1]
        selector = next(s for s in item["target"]["selector"] if s["type"] == "FragmentSelector")
        element = soup.find(id=selector["value"])
        assert element is not None
        quote = selector["refinedBy"]
        text = element_text(element)
        anchor = find_quote(text, quote["exact"], quote.get("prefix", ""), quote.get("suffix", ""))
        found = normalise(text[anchor.start:anchor.end])[0].strip()
        assert found == normalise(quote["exact"])[0].strip()
        highlighted = "".join(p.get_text() for p in element.select(f'.ed-hl[data-note="{note_id}"]'))
        assert normalise(highlighted)[0].strip() == found, note_id


def test_collection_expands_with_a_json_ld_processor(built_site):
    expanded = jsonld.expand(collection(built_site), {"documentLoader": local_loader})
    assert expanded[0]["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    first = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]
    items = first["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    assert len(items) == len(SET.annotations)
    one = items[0]
    assert one["@type"] == ["http://www.w3.org/ns/oa#Annotation"]
    assert "http://www.w3.org/ns/oa#hasTarget" in one and "http://www.w3.org/ns/oa#hasBody" in one
    target = one["http://www.w3.org/ns/oa#hasTarget"][0]
    selector = target["http://www.w3.org/ns/oa#hasSelector"][0]
    assert selector["@type"] == ["http://www.w3.org/ns/oa#FragmentSelector"]
    refined = selector["http://www.w3.org/ns/oa#refinedBy"][0]
    assert refined["@type"] == ["http://www.w3.org/ns/oa#TextQuoteSelector"]


def test_page_links_the_collection(built_site):
    link = article(built_site).find("link", rel="alternate", type="application/ld+json")
    assert link is not None and link["href"] == "annotations.jsonld"


def test_claim_reviews(built_site):
    reviews = json.loads(article(built_site).find("script", id="_claim-reviews").string)
    claims = [a for a in SET.annotations if a.category.verdicts]
    assert len(reviews) == len(claims)
    for review in reviews:
        assert review["@type"] == "ClaimReview" and review["url"].startswith(f"{SITE_URL}#")
        assert review["claimReviewed"] and review["datePublished"]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["author"]["name"] == "Eli Lake"
        assert claim["appearance"]["url"].startswith("https://www.themoscowtimes.com/2019/03/27/")
        assert review["author"]["@type"] == "Organization"
    expanded = jsonld.expand(reviews, {"documentLoader": local_loader})
    assert len(expanded) == len(claims)
    assert expanded[0]["@type"] == ["http://schema.org/ClaimReview"]
    assert "http://schema.org/reviewRating" in expanded[0]


def test_index_page_lists_every_note_by_category_and_paragraph(built_site):
    soup = BeautifulSoup((built_site / "notes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select(".md-content a[href^='../#']")]
    for note in SET.annotations:
        assert links.count(f"../#{note.id}") == 2, note.id  # once by category, once by paragraph
    text = soup.get_text()
    for cat in SETTINGS.categories.values():
        assert cat.plural in text
    # the right sidebar's table of contents leads to each category and each paragraph's notes
    contents = [a["href"] for a in soup.select(".md-sidebar--secondary a.md-nav__link")]
    headings = ["#" + h["id"] for h in soup.select(".md-content h2[id], .md-content h3[id]")]
    assert contents == headings
    assert {f"#category-{cat}" for cat in SETTINGS.categories} < set(contents)
    paragraphs = {a["href"].removeprefix("../#") for a in soup.select(".md-content h3 > a[href^='../#']")}
    assert len(paragraphs) >= 15 and {f"#paragraph-{p}" for p in paragraphs} < set(contents)


def test_search_index_gives_each_note_its_own_entry(built_site):
    # deferred_search: page loads fetch search_index.json, its config only; the entries load on the first query
    loaded = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    index = json.loads((built_site / "search" / "search_index.deferred.json").read_text(encoding="utf-8"))
    assert loaded == {"config": index["config"], "docs": []}
    docs = index["docs"]
    assert not [d["location"] for d in docs if d["location"].startswith("notes/")]  # the Index repeats the notes
    # the Sources page: its introduction, then one entry per cited source at its line, in the listing's order
    # (a search for a publisher found nothing: the whole listing had left the index)
    sources_html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li id="?source-([a-z0-9-]+)', sources_html)
    entries = [d for d in docs if d["location"].startswith("sources/")]
    assert [d["location"] for d in entries] == ["sources/"] + [f"sources/#source-{sid}" for sid in listed] and len(listed) > 90
    assert "Cited in" not in entries[0]["text"] and "sources from" in entries[0]["text"]
    by_id = {s.id.lower(): s for s in SET.sources.values()}
    for d in entries[1:]:
        source = by_id[d["location"].removeprefix("sources/#source-")]
        assert d["title"] == escape(source.title, quote=False) and d["text"].startswith(escape(source.publisher, quote=False))
    assert not [n.id for n in SET.annotations if "<" in next(d["text"] for d in docs if d["location"] == f"#{n.id}")]  # words only
    by_location = {d["location"]: d for d in docs}
    renderer = Renderer()
    for note in SET.annotations:
        entry = by_location.get(f"#{note.id}")
        assert entry is not None, note.id
        text = words(entry["text"])
        assert words(renderer.inline(note.summary)) in text, note.id
        assert " ".join(words(renderer.body(note.body)).split()[:12]) in text, note.id
    # marker numbers and labels never get glued into the article's words
    article_text = " ".join(d["text"] for d in docs if not d["location"].startswith("#") or d["location"] == "#headline")
    assert "Note 1, " not in article_text
    helicopter = [d for d in docs if "Mi-35M2" in d["text"] and d["location"].startswith("#")]
    assert helicopter and all(d["location"] in {f"#{n.id}" for n in SET.annotations} for d in helicopter)
