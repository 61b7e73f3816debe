"""Permalinks: a link to itself on every paragraph, heading and note of the article.

Server-rendered so they exist without JavaScript: ``<a class="ed-permalink ed-added"
href="#ID" aria-label="...">`` (on paragraphs and headings out of the Tab order, ``tabindex="-1"``:
a keyboard reaches the column's markers without passing one per paragraph) with no text of its own (the stylesheet draws the icon), so
the article's words, the search index and text fragments (``#:~:text=``) are unchanged.
``edition.js`` upgrades each one to a button that copies the absolute URL (built from the
page's ``<link rel="canonical">``) when the Clipboard API is there; otherwise it stays a
plain link.

Paragraph and note ids are a public contract (``tests/data/published-ids.txt``); a renamed
id keeps working through an alias (see :mod:`edition.merge`).

The merged article is a few hundred kilobytes, so this works on the serialised HTML with
regular expressions instead of parsing it again: the markup is the merge's own output
(paragraphs never nest, notes are ``<aside>`` elements that never nest).
"""

from __future__ import annotations

import html as html_lib
import re

_WORDS = 6
_NOTE = re.compile(r"<aside\b.*?</aside>", re.S)
_BLOCK = re.compile(r'<(p|h[1-6])\b([^>]*?)\bid="([^"]+)"([^>]*)>(.*?)</\1>', re.S)
_NOTE_HEAD = re.compile(r'(<aside\b[^>]*>.*?)(\s*<p class="ed-note__title")', re.S)  # the head ends at the title
_NOTE_OPEN = re.compile(r'<aside\b[^>]*\bid="([^"]+)"[^>]*>')
_NUMBER = re.compile(r'class="ed-note__num"[^>]*>(\d+)</a>')  # the note's number, as its head shows it
_TAG = re.compile(r"<[^>]+>")
_SKIP = re.compile(r'<(span|a)\b[^>]*class="(?:ed-marker|ed-sr|ed-added)[^"]*"[^>]*>.*?</\1>', re.S)


def _link(ident: str, label: str, tab_stop: bool = True) -> str:
    skip = "" if tab_stop else ' tabindex="-1"'
    return (f'<a class="ed-permalink ed-added" href="#{html_lib.escape(ident, quote=True)}"{skip} '
            f'aria-label="{html_lib.escape(label, quote=True)}"></a>')


def _first_words(inner_html: str) -> str:
    """The first words of a block's own text (markers and added text left out), for the link's name."""
    text = html_lib.unescape(_TAG.sub("", _SKIP.sub("", inner_html)))
    words = text.split()
    return " ".join(words[:_WORDS]) + ("…" if len(words) > _WORDS else "")


def _block(match: re.Match) -> str:
    name, before, ident, after, inner = match.groups()
    if "ed-added" in before + after:
        return match.group(0)
    kind = "paragraph" if name == "p" else "heading"
    words = _first_words(inner)
    label = f"Link to {kind}: {words}" if words else f"Link to {kind} {ident}"
    # a heading is named by its own words: the link's name, and a marker's, were read in the list of headings
    own = "" if kind == "paragraph" or "aria-label" in before + after else \
        f' aria-label="{html_lib.escape(" ".join(html_lib.unescape(_TAG.sub("", _SKIP.sub("", inner))).split()))}"'
    return f"<{name}{before}id=\"{ident}\"{after}{own}>{inner}{_link(ident, label, tab_stop=False)}</{name}>"


def _note(match: re.Match) -> str:
    note = match.group(0)
    opening = _NOTE_OPEN.match(note)
    if opening is None:
        return note
    number = _NUMBER.search(note)
    label = f"Link to note {number.group(1)}" if number else "Link to this note"
    link = _link(opening.group(1), label)
    if _NOTE_HEAD.search(note):
        return _NOTE_HEAD.sub(lambda m: m.group(1) + link + m.group(2), note, count=1)
    return note[:opening.end()] + link + note[opening.end():]


def add_permalinks(html: str) -> str:
    """Add a permalink to every paragraph or heading that has an id, and to every note.

    Args:
        html: the merged article (header, legend, paragraphs, notes), as produced by
            :func:`edition.merge.merge`.

    Returns:
        The same HTML with an ``a.ed-permalink`` at the end of each ``<p>``/``<h1-6>`` with
        an id outside the notes, and one at the end of each note's head row.
    """
    out, last = [], 0
    for note in _NOTE.finditer(html):
        out.append(_BLOCK.sub(_block, html[last:note.start()]))
        out.append(_note(note))
        last = note.end()
    out.append(_BLOCK.sub(_block, html[last:]))
    return "".join(out)
