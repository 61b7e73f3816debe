"""A built page's text as whole-document annotation clients see it, and selectors into it.

Clients such as Hypothesis (and the libraries it grew from, ``dom-anchor-text-quote`` and
``dom-anchor-text-position``) anchor a TextQuoteSelector and a TextPositionSelector in
``document.body.textContent``: every text node of ``<body>`` in document order, the contents of
``<script>`` and ``<style>`` included, comments and ``<template>`` contents excluded.
:func:`body_text` gives that text from the page's final HTML (as a browser parses it: the
newline right after ``<pre>``, ``<listing>`` or ``<textarea>`` dropped; text after ``</body>``
moved into it), and :func:`note_selectors` the selectors of each note's highlighted quote, with
a ``prefix`` and ``suffix`` of 32 characters each side (what the Hypothesis client records),
longer where that is not enough to make the quote unique in the page.
"""

from __future__ import annotations

from html.parser import HTMLParser

CONTEXT = 32
_LEADING_NEWLINE_DROPPED = ("pre", "listing", "textarea")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _BodyText(HTMLParser):
    """Collects the text of ``<body>`` and the span of each note's highlight pieces in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.size = 0
        self.in_body = False
        self.in_template = 0
        self.drop_newline = False
        self.open: list[tuple[str, str]] = []  # (tag, note id of a highlight piece or "")
        self.lit = 0  # how many entries of ``open`` are highlight pieces
        self.spans: dict[str, tuple[int, int]] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        """Open an element (void ones stay closed); a highlight piece records its note id."""
        self.drop_newline = tag in _LEADING_NEWLINE_DROPPED
        self.in_body = self.in_body or tag == "body"
        self.in_template += tag == "template"
        if tag in _VOID:
            return
        note = ""
        if tag == "span":
            values = dict(attrs)
            note = (values.get("data-note") or "") if "ed-hl" in (values.get("class") or "").split() else ""
        self.lit += bool(note)
        self.open.append((tag, note))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        """A self-closed element (``<br/>``): holds no text."""
        self.drop_newline = False

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of that name and any left open inside it."""
        self.drop_newline = False
        self.in_template -= tag == "template" and self.in_template > 0
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                if self.lit:
                    self.lit -= sum(1 for _tag, note in self.open[i:] if note)
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        """Count text of the body, outside templates, into each open highlight's span."""
        if self.drop_newline and data.startswith("\n"):
            data = data[1:]
        self.drop_newline = False
        if not self.in_body or self.in_template or not data:
            return
        start = self.size
        self.size += len(data)
        self.parts.append(data)
        for _tag, note in self.open if self.lit else ():
            if note:
                first, last = self.spans.get(note, (start, self.size))
                self.spans[note] = (min(first, start), max(last, self.size))


def body_text(html: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of ``<body>`` and, for each note id, the span of its highlighted quote in it.

    A quote's span runs from the start of its first highlight piece (``span.ed-hl`` with
    ``data-note``) to the end of its last one. Text after ``</body>`` counts, as a browser
    moves it into the body; comments and ``<template>`` contents do not.
    """
    parser = _BodyText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts), parser.spans


def _unique(text: str, needle: str) -> bool:
    first = text.find(needle)
    return first >= 0 and text.find(needle, first + 1) < 0


def quote_selectors(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[dict, dict]:
    """A TextQuoteSelector and a TextPositionSelector for ``text[start:end]``.

    ``prefix`` and ``suffix`` are ``context`` characters each side (fewer at the ends of the
    text), doubled until ``prefix + exact + suffix`` occurs once in ``text``.
    """
    exact = text[start:end]
    size = context
    while True:
        prefix, suffix = text[max(0, start - size):start], text[end:end + size]
        if _unique(text, prefix + exact + suffix) or (start - size <= 0 and end + size >= len(text)):
            break
        size *= 2
    return ({"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": start, "end": end})


def note_selectors(html: str) -> dict[str, tuple[dict, dict]]:
    """Each note's (TextQuoteSelector, TextPositionSelector) in the page's body text."""
    text, spans = body_text(html)
    return {note: quote_selectors(text, start, end) for note, (start, end) in spans.items()}
