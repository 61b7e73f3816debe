"""One search entry per note, so a search result leads to the note itself, and one per source of a Sources listing.

Notes carry ``data-search-exclude`` (honoured by Material's search plugin,
``material/plugins/search``), so the article's own entries hold the column's words only, and
each note is indexed once, as its own entry at ``<page>#<note-id>``: its title, summary and body as
plain text (no markup, white space collapsed: the index carries words only; the notes' sources and
dates are in the page). The entries are added to the built index after the generator wrote it:
MkDocs' and Material's ``search/search_index.json`` (``{"config", "docs": [{location, title, text}]}``)
or Zensical's ``search.json`` (``{"config", "items": [{location, level, title, text, path, tags}]}``).
With the option ``deferred_search`` the MkDocs index then moves out of the way of page loads
(:func:`defer_index`).
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from pathlib import Path

import nh3

from .listings import sources_context
from .merge import Placed
from .model import AnnotationSet
from .rendering import Renderer, human_date

INDEXES = (("search/search_index.json", "docs"), ("search.json", "items"))
DEFERRED = "search/search_index.deferred.json"


_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|br|blockquote)\b[^>]*>")


def words_of(html: str) -> str:
    """The words of an HTML fragment, escaped for the index (blocks become spaces, never glue words)."""
    return escape(" ".join(unescape(nh3.clean(_BLOCK_TAG.sub(" ", html), tags=set())).split()), quote=False)


def note_entries(placed: list[Placed], page_url: str, page_title: str, renderer: Renderer) -> list[dict]:
    """The entries of one page's notes, in document order (fields of both index formats)."""
    return [{"location": f"{page_url}#{p.annotation.id}", "level": 2,
             "title": f"{p.number}. {renderer.plain(p.annotation.title)}",
             "text": words_of(f"{renderer.inline(p.annotation.summary)} {renderer.body(p.annotation.body)}"),
             "path": [page_title], "tags": []} for p in placed]


def source_entries(annotation_set: AnnotationSet, placed: list[Placed], sources_url: str) -> list[dict]:
    """One entry per cited source, at its line of the Sources listing (``<sources_url>#source-<id>``), in the
    listing's order: its title, then its publisher, date and republication, so that a search for a publisher
    ("TASS") finds each source it published. (The listing page's own entry is its introduction: its list carries
    ``data-search-exclude``.)"""
    number_of = {p.annotation.id: p.number for p in placed}
    return [{"location": f"{sources_url}#source-{source.id.lower()}", "level": 2, "title": escape(source.title, quote=False),
             "text": escape(", ".join(filter(None, (publisher, human_date(source.date) if source.date != "undated" else "",
                                                    source.via))), quote=False),
             "path": [], "tags": []}
            for publisher, cited in sources_context(annotation_set, "", number_of)["groups"] for source, _ in cited]


def page_entries(annotation_set: AnnotationSet, placed: list[Placed], page_url: str, page_title: str,
                 renderer: Renderer, sources_url: str | None) -> list[dict]:
    """The search entries of one annotated page: its notes' (:func:`note_entries`) and, when it has a Sources
    listing (site-relative ``sources_url``), its sources' (:func:`source_entries`)."""
    notes = note_entries(placed, page_url, page_title, renderer)
    return notes + (source_entries(annotation_set, placed, sources_url) if sources_url is not None else [])


def add_entries(site: Path, entries: list[dict]) -> Path | None:
    """Append ``entries`` to the search index the generator wrote in ``site``; return its path (None if none)."""
    for name, key in INDEXES:
        path = site / name
        if path.is_file():
            index = json.loads(path.read_text(encoding="utf-8"))
            fields = ("location", "title", "text") if key == "docs" else ("location", "level", "title", "text", "path", "tags")
            index.setdefault(key, []).extend({f: e[f] for f in fields} for e in entries)
            path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            return path
    return None


def defer_index(site: Path) -> None:
    """Move MkDocs' search index to :data:`DEFERRED`, leaving only its ``config`` (no entries) in its place.

    Material's page script fetches ``search/search_index.json`` on every page load; with the plugin's
    ``deferred_search`` option a site's search worker fetches the entries on the reader's first query
    instead (this site's ``docs/assets/javascripts/workers/edition-search.js``)."""
    path = site / INDEXES[0][0]
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        (site / DEFERRED).write_text(text, encoding="utf-8")
        empty = {"config": json.loads(text).get("config", {}), "docs": []}
        path.write_text(json.dumps(empty, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
