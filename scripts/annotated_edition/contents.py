"""The table of contents of a listing page (Material's right sidebar), for the MkDocs plugin.

MkDocs builds a page's table of contents from its Markdown headings, before the plugin adds a listing's
(the Index of notes' categories and paragraphs): :func:`add_contents` adds those headings to it.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from markupsafe import escape
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


def contents_of(html: str) -> list[dict]:
    """The table of contents of a listing: its ``h2`` and ``h3`` headings that have an id, as MkDocs'
    ``toc_tokens`` (``{"level": 2, "id": ..., "name": <text as HTML>, "children": [...]}``, the shape of
    Python-Markdown's toc extension, which :func:`mkdocs.structure.toc.get_toc` reads); each ``h3`` is a child
    of the ``h2`` before it."""
    tokens: list[dict] = []
    for heading in BeautifulSoup(html, "html.parser").find_all(["h2", "h3"], id=True):
        token = {"level": int(heading.name[1]), "id": heading["id"], "name": str(escape(heading.get_text())),
                 "children": []}
        (tokens[-1]["children"] if token["level"] == 3 and tokens else tokens).append(token)
    return tokens


def add_contents(page: Page, listing_html: str) -> None:
    """Add a listing's headings to ``page.toc``: under the page's ``h1`` when the page has one, since
    Material lists that heading's children."""
    entries = get_toc(contents_of(listing_html)).items
    if not entries:
        return
    toc = page.toc.items
    if len(toc) == 1 and toc[0].level == 1:
        toc[0].children.extend(entries)
    else:
        toc.extend(entries)
