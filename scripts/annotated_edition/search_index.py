"""One search entry per note, so a search result leads to the note itself.

Notes carry ``data-search-exclude`` (honoured by Material's search plugin,
``material/plugins/search``), so the article's own entries hold the column's words only, and
each note is indexed once, as its own entry at ``<page>#<note-id>``: title, summary and body.
The entries are added to the built index after the generator wrote it: MkDocs' and Material's
``search/search_index.json`` (``{"config", "docs": [{location, title, text}]}``) or Zensical's
``search.json`` (``{"config", "items": [{location, level, title, text, path, tags}]}``).
"""

from __future__ import annotations

import json
from pathlib import Path

from .merge import Placed
from .rendering import Renderer

INDEXES = (("search/search_index.json", "docs"), ("search.json", "items"))


def note_entries(placed: list[Placed], page_url: str, page_title: str, renderer: Renderer) -> list[dict]:
    """The entries of one page's notes, in document order (fields of both index formats)."""
    return [{"location": f"{page_url}#{p.annotation.id}", "level": 2,
             "title": f"{p.number}. {renderer.plain(p.annotation.title)}",
             "text": f"<p>{renderer.inline(p.annotation.summary)}</p>{renderer.body(p.annotation.body)}",
             "path": [page_title], "tags": []} for p in placed]


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
