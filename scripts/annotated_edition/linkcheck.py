"""Links in note bodies checked before anything is published.

A note links to a page of the site as MkDocs pages do, by source path (``about.md``,
``about.md#who-we-are``), or to a place on its own page (``#cargo-planes``); the one resolver
(:class:`annotated_edition.links.Links`) turns these into URLs. Here every such link is
checked against the pages the site has and the ids each page will carry (MkDocs' own link
validation covers links written in Markdown pages, not those in our notes). A link to a page
or a ``#fragment`` that does not exist is an error naming the note, its file and line; an
``http://`` link is a warning (use https).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from typing import Callable

from .model import Annotation, Position
from .problems import Problem
from .rendering import Renderer

# ('id="' found by its literal start, then the character before it checked: a pattern beginning with \b makes
# re try every position of the text, ten times slower on a listing's 100 KB)
_ID = re.compile(r'id="([^"]+)"')
_WORD_CHARACTER = re.compile(r"\w")
_HREF = re.compile(r'href="([^"]*)"')
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def ids_in(html: str) -> set[str]:
    """Every ``id`` attribute value of an HTML text (``id="..."`` not preceded by a word character)."""
    found, at = set(), 0
    while (match := _ID.search(html, at)) is not None:
        if match.start() and _WORD_CHARACTER.match(html, match.start() - 1):  # (grid="...": look on from its 'd')
            at = match.start() + 1
        else:
            found.add(match.group(1))
            at = match.end()
    return found


def note_ids(annotations: list[Annotation]) -> set[str]:
    """The ids a page's notes land on: their ids and former ids (aliases)."""
    return {a.id for a in annotations} | {alias for a in annotations for alias in a.aliases}


def link_problems(annotations: list[Annotation], page: str, anchors: dict[str, set[str] | None],
                  renderer: Renderer) -> list[Problem]:
    """Problems of the links in the bodies of one page's notes (:func:`markdown_link_problems` of each body, told
    at the line and column where the link is typed)."""
    return [problem for a in annotations
            for problem in markdown_link_problems(a.body, page, anchors, renderer, a.id, a.in_body, "the body")]


def markdown_link_problems(text: str, page: str, anchors: dict[str, set[str] | None], renderer: Renderer,
                           subject: str, place: Callable[[str], Position], field: str) -> list[Problem]:
    """Problems of the links of one Markdown text written for ``page`` (a note's body, the editor's note).

    Args:
        text: the Markdown.
        page: the annotated page's source path (``#x`` links point there).
        anchors: every file of ``docs/`` by source path, with the ids of its page (None for a
            file that is not a page, or whose ids are unknown: only its existence is checked).
        renderer: the build's renderer (its Markdown, before sanitising, gives the links).
        subject: what the problems name (a note's id, a front matter field).
        place: where a link's address is typed in its file.
        field: the text's name in messages ("the body").
    """
    problems = []
    for href in dict.fromkeys(_HREF.findall(renderer.markdown_html(text))):
        href, at = href.replace("&amp;", "&"), place(href.replace("&amp;", "&"))
        if href.lower().startswith("http://"):
            problems.append(Problem(at.file, at.line, at.column, subject, f"{field} links to {href!r} over http://",
                                    "use the https:// address", "warning"))
            continue
        if _SCHEME.match(href) or href.startswith("//"):
            continue
        name, _, fragment = href.partition("#")
        name = name.partition("?")[0] or page
        if name not in anchors:
            close = difflib.get_close_matches(name, [p for p in anchors if p.endswith(".md")], n=1)
            problems.append(Problem(at.file, at.line, at.column, subject, f"{field} links to {href!r}, but {name!r} is "
                                    "not a page of the site", f"write the whole address: 'https://{href}'" if
                                    href.startswith("www.") else f"did you mean '{close[0]}'?" if close else
                                    "link to a page of docs/ by its file name, e.g. about.md"))
        elif (beside := posixpath.join(posixpath.dirname(page), name)) != name and beside in anchors:
            problems.append(Problem(at.file, at.line, at.column, subject, f"{field} links to {href!r}, which is "
                                    f"docs/{name}, not docs/{beside} beside the page (notes link by path from docs/)",
                                    f"write '{beside}' if that is the page meant", "warning"))
        elif fragment and anchors[name] is not None and fragment not in anchors[name]:
            close = difflib.get_close_matches(fragment, sorted(anchors[name]), n=1)
            problems.append(Problem(at.file, at.line, at.column, subject, f"{field} links to {href!r}, but {name} has "
                                    f"no '#{fragment}'", f"did you mean '#{close[0]}'?" if close else
                                    "link to a heading, paragraph or note id of that page"))
    return problems


def fragment_problems(html: str, ids: set[str], place: Callable[[str], Position]) -> list[Problem]:
    """Links of an annotated page's rendered Markdown ``html`` to an ``#id`` not among ``ids`` (the merged page's),
    each where ``place`` finds it typed. MkDocs says the same in a strict build, without a line; the page's other
    links are MkDocs' to check."""
    problems = []
    for href in dict.fromkeys(h for h in _HREF.findall(html) if h.startswith("#") and len(h) > 1):
        if href[1:] not in ids:
            close = difflib.get_close_matches(href[1:], sorted(ids), n=1)
            at = place(href)
            problems.append(Problem(at.file, at.line, at.column, "", f"the article links to {href!r}, but its page has no "
                                    f"{href!r}", f"did you mean '#{close[0]}'?" if close else "link to an id of the page"))
    return problems


_WRITTEN = re.compile(r'\b(?:href|src)="([^"]*)"')


def written_link_problems(html: str, page: str, here: str, urls: dict[str, str], anchors: dict[str, set[str] | None],
                          place: Callable[[str], Position]) -> list[Problem]:
    """Links and images of an annotated page's rendered Markdown ``html`` (the page's own, not its notes') to no file
    of the site, or to an ``#id`` that the page they name lacks; each where ``place`` finds it typed.

    A link is read as the Markdown wrote it (``about.md#x``, from the page's folder in ``docs/``) and as MkDocs or
    another generator turned it into a URL (``../about/#x``, from the page's URL ``here``); raw HTML as written. MkDocs
    warns of the first kind without a line and not at all of raw HTML; the check, which renders without MkDocs, would
    say nothing. ``urls``: every page's source path -> URL; ``anchors``: every file of ``docs/`` -> its page's ids.
    """
    by_url = {url.rstrip("/"): src for src, url in urls.items()}
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    problems = []
    for written in dict.fromkeys(_WRITTEN.findall(html)):
        href = written.replace("&amp;", "&")
        name, _, fragment = href.partition("#")
        name = name.partition("?")[0]
        if not name or name.startswith("//") or _SCHEME.match(name):
            continue  # (an '#id' of the page is fragment_problems')
        src = None
        for folder in (posixpath.dirname(page), base):
            target = posixpath.normpath(posixpath.join(folder, name)).lstrip("/")
            target = "" if target == "." else target
            src = target if target in anchors else by_url.get(target)
            if src is not None:
                break
        at = place(written)  # (as typed; a link MkDocs rewrote is found by its fragment or file name)
        at = at if at.line else place(f"#{fragment}" if fragment else posixpath.basename(name))
        if src is None:
            pages = [p for p in anchors if p.endswith(".md")]
            close = difflib.get_close_matches(posixpath.normpath(posixpath.join(posixpath.dirname(page), name)), pages, n=1,
                                              cutoff=0.8) if name.endswith(".md") else []
            problems.append(Problem(at.file, at.line, at.column, "", f"the article links to {href!r}, but it is not "
                                    f"{'a page' if name.endswith('.md') else 'a file'} of the site", f"did you mean "
                                    f"'{close[0]}'?" if close else "link to a file of docs/ (by its path from the page's "
                                    "folder), or remove the link"))
        elif fragment and anchors.get(src) is not None and fragment not in anchors[src]:
            close = difflib.get_close_matches(fragment, sorted(anchors[src]), n=1)
            problems.append(Problem(at.file, at.line, at.column, "", f"the article links to {href!r}, but {src} has no "
                                    f"'#{fragment}'", f"did you mean '#{close[0]}'?" if close else
                                    "link to a heading, paragraph or note id of that page"))
    return problems
