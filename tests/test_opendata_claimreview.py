"""Issue 15, section 3: ClaimReview keeps what Google's fact-check documentation asks for,
one review per claim, in ``<head>``; ``dateModified`` follows corrections (tests/test_corrections.py).

https://developers.google.com/search/docs/appearance/structured-data/factcheck : required
``claimReviewed``, ``reviewRating`` (with ``alternateName``) and ``url``; recommended ``author``,
``datePublished``, ``itemReviewed`` (a ``Claim`` with ``author``, ``datePublished``, ``appearance``),
and on the rating ``ratingValue``, ``bestRating``, ``worstRating``.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from annotated_edition.project import load_project
from conftest import ROOT, SITE_URL

pytestmark = pytest.mark.build


def reviews_of(site) -> list[dict]:
    html = (site / "index.html").read_text(encoding="utf-8")
    head, body = html.split("</head>", 1)
    assert "ClaimReview" not in body, "the ClaimReview data belongs in <head>"
    scripts = BeautifulSoup(head, "html.parser").find_all("script", type="application/ld+json")
    return [r for s in scripts for r in json.loads(s.string) if r.get("@type") == "ClaimReview"]


def test_each_claim_has_exactly_one_review(built_site):
    edition = load_project(ROOT / "mkdocs.yml").edition()
    edition.load()
    claims = {a.id for a in edition.notes["index.md"].annotations if a.verdict is not None}
    urls = [r["url"] for r in reviews_of(built_site)]
    assert sorted(urls) == sorted(f"{SITE_URL}#{ident}" for ident in claims)
    assert len(urls) == len(set(urls))


def test_every_review_has_the_properties_google_asks_for(built_site):
    reviews = reviews_of(built_site)
    assert reviews
    for r in reviews:
        where = r["url"]
        assert r["@context"] == "https://schema.org", where
        assert r["claimReviewed"].strip() and r["url"].startswith(SITE_URL), where
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"].strip(), where
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"], where
        assert r["author"]["@type"] == "Organization" and r["author"]["name"] and r["author"]["url"], where
        assert r["datePublished"] <= r["dateModified"], where
        claim = r["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["author"]["name"] and claim["datePublished"], where
        assert claim["appearance"]["url"].startswith("https://") and claim["appearance"]["headline"], where
    assert sum("ratingValue" in r["reviewRating"] for r in reviews) > len(reviews) / 2
