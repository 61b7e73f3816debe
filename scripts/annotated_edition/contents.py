"""The table of contents of a listing page (Material's right sidebar), for the MkDocs plugin.

MkDocs builds a page's table of contents from its Markdown headings, before the plugin adds a listing's
(the Index of notes' categories and paragraphs): :func:`add_contents` adds those headings to it. The
listing's HTML is read with the standard library's :class:`html.parser.HTMLParser`, which looks only at
the ``h2`` and ``h3`` elements (a listing is rendered from templates a site may override, so its HTML,
not the templates' data, says which headings it has).
"""

from __future__ import annotations

from html.parser import HTMLParser

from markupsafe import escape
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_HEADINGS = ("h2", "h3")
_NOT_TEXT = ("script", "style", "template")  # what Beautiful Soup's get_text leaves out too


class _Headings(HTMLParser):
    """Collects ``[(level, id, text)]`` of the ``h2``/``h3`` elements that have an ``id``, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, list[str]]] = []
        self.open: list[tuple[str, list[str]]] = []  # the headings being read (tag, their text), innermost last
        self.hidden = 0  # depth inside script/style/template within them

    def handle_starttag(self, tag: str, attrs: list) -> None:
        """Start reading an ``h2``/``h3`` with an id; inside one, note where its text is not text."""
        if tag in _HEADINGS:
            value = dict(attrs).get("id")
            if value is not None:
                self.found.append((int(tag[1]), value, []))
                self.open.append((tag, self.found[-1][2]))
        elif self.open and tag in _NOT_TEXT:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        """Stop at a heading's end tag (closing any heading left open inside it)."""
        tags = [t for t, _text in self.open]
        if tag in tags:
            del self.open[len(tags) - 1 - tags[::-1].index(tag):]
            self.hidden = self.hidden if self.open else 0
        elif self.open and tag in _NOT_TEXT and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        """Text inside a heading is its name (and that of every heading around it)."""
        if not self.hidden:
            for _tag, text in self.open:
                text.append(data)


def contents_of(html: str) -> list[dict]:
    """The table of contents of a listing: its ``h2`` and ``h3`` headings that have an id, as MkDocs'
    ``toc_tokens`` (``{"level": 2, "id": ..., "name": <text as HTML>, "children": [...]}``, the shape of
    Python-Markdown's toc extension, which :func:`mkdocs.structure.toc.get_toc` reads); each ``h3`` is a child
    of the ``h2`` before it."""
    parser = _Headings()
    parser.feed(html)
    parser.close()
    tokens: list[dict] = []
    for level, value, text in parser.found:
        token = {"level": level, "id": value, "name": str(escape("".join(text))), "children": []}
        (tokens[-1]["children"] if level == 3 and tokens else tokens).append(token)
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
