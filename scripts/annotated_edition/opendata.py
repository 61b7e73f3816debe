"""The notes as open data: W3C Web Annotation (JSON-LD) and schema.org ClaimReview.

- :func:`annotation_collection` follows the Web Annotation Data Model
  (https://www.w3.org/TR/annotation-model/): an ``AnnotationCollection`` whose first
  ``AnnotationPage`` holds every note as an ``Annotation`` with a ``TextualBody`` (HTML), its
  sources as linked bodies, and a target with three alternative selectors: a ``FragmentSelector``
  (the paragraph's current id) refined by a ``TextQuoteSelector`` (exact, prefix, suffix, as the
  editor wrote them), and, for clients that anchor over the whole document and ignore
  ``refinedBy`` (Hypothesis), a ``TextQuoteSelector`` whose prefix and suffix make the quote
  unique in the page's body text and a ``TextPositionSelector`` in that text
  (:mod:`annotated_edition.pagetext`).
- :func:`claim_reviews` follows schema.org's ClaimReview (https://schema.org/ClaimReview) as
  fact-checkers publish it: one per claim note, the verdict as ``reviewRating``.
"""

from __future__ import annotations

from .merge import Placed
from .model import Annotation, Settings
from .rendering import LinkResolver, Renderer

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SCHEMA_CONTEXT = "https://schema.org"


def _stamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def annotation_item(a: Annotation, page_url: str, renderer: Renderer, resolve_link: LinkResolver | None = None,
                    paragraph: str = "", whole: tuple[dict, dict] | None = None) -> dict:
    """One note as a W3C ``Annotation`` (a plain dict, ready for ``json.dumps``).

    The HTML body is sanitised by ``renderer`` (title and summary included); the motivation
    is the category's (``mkdocs.yml``). ``paragraph`` is the id the quote was found in (default:
    the one the note names); ``whole`` its (TextQuoteSelector, TextPositionSelector) over the page.
    """
    quote = {"type": "TextQuoteSelector", "exact": a.exact}
    if a.prefix:
        quote["prefix"] = a.prefix
    if a.suffix:
        quote["suffix"] = a.suffix
    body = [
        {"type": "TextualBody", "purpose": a.category.motivation, "format": "text/html", "language": "en",
         "value": f"<p><strong>{renderer.inline(a.title)}</strong></p><p>{renderer.inline(a.summary)}</p>"
                  f"{renderer.body(a.body, resolve_link)}"},
        {"type": "TextualBody", "purpose": "tagging", "value": a.category.id},
    ]
    if a.verdict:
        body.append({"type": "TextualBody", "purpose": "assessing", "value": a.verdict.label})
    body += [{"id": s.url, "type": "Text", "format": "text/html", "purpose": "linking", "label": s.title}
             for s in a.sources]
    return {
        "id": f"{page_url}#{a.id}",
        "type": "Annotation",
        "motivation": a.category.motivation,
        "created": _stamp(a.checked),
        "modified": _stamp(a.modified),  # the latest correction
        "body": body,
        "target": {
            "source": page_url,
            "selector": [{
                "type": "FragmentSelector",
                "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
                "value": paragraph or a.paragraph,
                "refinedBy": quote,
            }, *(whole or ())],
        },
    }


def annotation_collection(placed: list[Placed], page_url: str, collection_url: str, label: str,
                          renderer: Renderer, resolve_link: LinkResolver | None = None,
                          selectors: dict[str, tuple[dict, dict]] | None = None) -> dict:
    """All notes, in document order, as one ``AnnotationCollection`` with a single page.

    Args:
        placed: notes as placed on the article (document order).
        page_url: absolute URL of the article page.
        collection_url: absolute URL where this document is published.
        label: a human-readable name for the collection.
        renderer: the build's Markdown renderer (the one sanitising point).
        resolve_link: maps relative links in bodies to absolute URLs.
        selectors: note id -> its whole-document selectors (:func:`annotated_edition.pagetext.note_selectors`).
    """
    selectors = selectors or {}
    items = [annotation_item(p.annotation, page_url, renderer, resolve_link, p.paragraph, selectors.get(p.annotation.id))
             for p in placed]
    return {
        "@context": ANNO_CONTEXT,
        "id": collection_url,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": f"{collection_url}#page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _appearance(meta: dict) -> dict:
    """The article the claims appear in: its schema.org type (``article_type``, e.g. ``OpinionNewsArticle``;
    default ``NewsArticle``), where it was read (``original_url``, when given) and who published it
    there (the ``republisher``, else the ``publisher``)."""
    appearance = {"@type": meta.get("article_type") or "NewsArticle"}
    if meta.get("original_url"):
        appearance["url"] = meta["original_url"]
    appearance["headline"] = meta.get("title", "")
    appearance["publisher"] = {"@type": "Organization", "name": meta.get("republisher") or meta.get("publisher", "")}
    return appearance


def claim_reviews(placed: list[Placed], settings: Settings, page_url: str, meta: dict, site_name: str,
                  site_url: str, renderer: Renderer) -> list[dict]:
    """Each note with a verdict as a schema.org ``ClaimReview``; names and texts as plain text.

    The properties are those Google's fact-check documentation names (https://developers.google.com/
    search/docs/appearance/structured-data/factcheck) and ``name``, the note's title; the note's summary
    (``reviewBody``, which no fact-check reader uses) stays out: it is on the page and in
    ``annotations.jsonld``, and 49 of them would add about 3 KB (gzipped) to every page load.

    Args:
        placed: notes as placed on the article.
        page_url: absolute URL of the article page (each review's URL is ``page_url#id``).
        meta: the article's front matter (author, date, title, publisher; original_url, republisher if given).
        site_name / site_url: the edition, as the reviews' author.
    """
    reviews = []
    for p in placed:
        a = p.annotation
        if a.verdict is None:
            continue
        rating = {"@type": "Rating", "alternateName": a.verdict.label}
        if a.verdict.rating is not None:  # verdicts off the true/false axis get a name only
            rating.update(ratingValue=a.verdict.rating, bestRating=settings.best_rating, worstRating=settings.worst_rating)
        reviews.append({
            "@context": SCHEMA_CONTEXT,
            "@type": "ClaimReview",
            "url": f"{page_url}#{a.id}",
            "name": renderer.plain(a.title),
            "claimReviewed": a.exact,
            "datePublished": a.checked,
            "dateModified": a.modified,
            "author": {"@type": "Organization", "name": site_name, "url": site_url},
            "reviewRating": rating,
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": meta.get("author", "")},
                "datePublished": meta.get("date", ""),
                "appearance": _appearance(meta),
            },
        })
    return reviews
