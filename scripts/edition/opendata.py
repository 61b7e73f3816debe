"""The notes as open data: W3C Web Annotation (JSON-LD) and schema.org ClaimReview.

- :func:`annotation_collection` follows the Web Annotation Data Model
  (https://www.w3.org/TR/annotation-model/): an ``AnnotationCollection`` whose first
  ``AnnotationPage`` holds every note as an ``Annotation`` with a ``TextualBody`` (HTML), its
  sources as linked bodies, and a target with a ``FragmentSelector`` (the paragraph id) refined
  by a ``TextQuoteSelector`` (exact, prefix, suffix, as the editor wrote them).
- :func:`claim_reviews` follows schema.org's ClaimReview (https://schema.org/ClaimReview) as
  fact-checkers publish it: one per claim note, the verdict as ``reviewRating``.
"""

from __future__ import annotations

from .annotations import VERDICTS, Annotation
from .merge import Placed
from .notes import LinkResolver, render_body

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SCHEMA_CONTEXT = "https://schema.org"
MOTIVATION = {"claims": "assessing", "sourcing": "commenting", "syria-analogy": "commenting", "sanctions": "describing"}
# Ordinal part of the verdict scale (3 best); verdicts off the true/false axis get a name only.
RATING = {"accurate": 3, "accurate-then-superseded": 3, "imprecise": 2, "wrong": 1}


def _stamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def annotation_item(a: Annotation, page_url: str, resolve_link: LinkResolver | None = None) -> dict:
    """One note as a W3C ``Annotation`` (a plain dict, ready for ``json.dumps``)."""
    quote = {"type": "TextQuoteSelector", "exact": a.exact}
    if a.prefix:
        quote["prefix"] = a.prefix
    if a.suffix:
        quote["suffix"] = a.suffix
    body = [
        {"type": "TextualBody", "purpose": MOTIVATION[a.category], "format": "text/html", "language": "en",
         "value": f"<p><strong>{a.title}</strong></p><p>{a.summary}</p>{render_body(a.body, resolve_link)}"},
        {"type": "TextualBody", "purpose": "tagging", "value": a.category},
    ]
    if a.verdict:
        body.append({"type": "TextualBody", "purpose": "assessing", "value": VERDICTS[a.verdict]})
    body += [{"id": s.url, "type": "Text", "format": "text/html", "purpose": "linking", "label": s.title}
             for s in a.sources]
    return {
        "id": f"{page_url}#{a.id}",
        "type": "Annotation",
        "motivation": MOTIVATION[a.category],
        "created": _stamp(a.checked),
        "modified": _stamp(a.checked),
        "body": body,
        "target": {
            "source": page_url,
            "selector": {
                "type": "FragmentSelector",
                "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
                "value": a.paragraph,
                "refinedBy": quote,
            },
        },
    }


def annotation_collection(placed: list[Placed], page_url: str, collection_url: str, label: str,
                          resolve_link: LinkResolver | None = None) -> dict:
    """All notes, in document order, as one ``AnnotationCollection`` with a single page.

    Args:
        placed: notes as placed on the article (document order).
        page_url: absolute URL of the article page.
        collection_url: absolute URL where this document is published.
        label: a human-readable name for the collection.
        resolve_link: maps relative links in bodies to absolute URLs.
    """
    items = [annotation_item(p.annotation, page_url, resolve_link) for p in placed]
    return {
        "@context": ANNO_CONTEXT,
        "id": collection_url,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": f"{collection_url}#page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def claim_reviews(placed: list[Placed], page_url: str, meta: dict, site_name: str, site_url: str) -> list[dict]:
    """Each claim note as a schema.org ``ClaimReview``.

    Args:
        placed: notes as placed on the article.
        page_url: absolute URL of the article page (each review's URL is ``page_url#id``).
        meta: the article's front matter (author, date, original_url, title, republisher).
        site_name / site_url: the edition, as the reviews' author.
    """
    reviews = []
    for p in placed:
        a = p.annotation
        if a.category != "claims":
            continue
        rating = {"@type": "Rating", "alternateName": VERDICTS[a.verdict]}
        if a.verdict in RATING:
            rating.update(ratingValue=RATING[a.verdict], bestRating=3, worstRating=1)
        reviews.append({
            "@context": SCHEMA_CONTEXT,
            "@type": "ClaimReview",
            "url": f"{page_url}#{a.id}",
            "name": a.title,
            "claimReviewed": a.exact,
            "reviewBody": a.summary,
            "datePublished": a.checked,
            "author": {"@type": "Organization", "name": site_name, "url": site_url},
            "reviewRating": rating,
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": meta.get("author", "")},
                "datePublished": meta.get("date", ""),
                "appearance": {
                    "@type": "OpinionNewsArticle",
                    "url": meta.get("original_url", ""),
                    "headline": meta.get("title", ""),
                    "publisher": {"@type": "Organization", "name": meta.get("republisher", "")},
                },
            },
        })
    return reviews
