"""Rendering a note body (Markdown) to safe HTML.

Bodies are Markdown (Python-Markdown, https://python-markdown.github.io/). The HTML it
produces is passed through nh3 (Python binding of the ammonia allow-list sanitiser,
https://nh3.readthedocs.io/): only the tags and attributes below survive, links keep only
``https``/``http``/``mailto`` or relative URLs, and the output is balanced HTML. So a body
can never add a script, an event handler, a style, a ``javascript:``/``data:`` URL, or close
the page's own elements (case C13).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from typing import Callable

import markdown
import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "em", "strong", "code", "blockquote", "br", "abbr", "sub", "sup"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"https", "http", "mailto"}

_HEADING = re.compile(r"<h[1-6][\s>]", re.I)
_RAW_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_CODE = re.compile(r"`[^`]*`")
_HREF = re.compile(r'href="([^"]*)"')
_SAFE_HREF = re.compile(r"^(https?:|mailto:|#|[^:]*$)", re.I)

LinkResolver = Callable[[str], str]


_MD = markdown.Markdown(extensions=["sane_lists"], output_format="html")
_PLAIN = re.compile(r"^[^*_`\[\]<>&\\!#]*$")


@lru_cache(maxsize=8192)
def _to_html(text: str) -> str:
    """Markdown to (unsanitised) HTML with one reused converter (building one is slow).

    Cached: validation and rendering convert the same bodies in one build.
    """
    _MD.reset()
    return _MD.convert(text)


def body_issues(body: str) -> list[tuple[str, str, str]]:
    """List what is wrong with a Markdown body, without rendering it into the page.

    Returns:
        ``[(severity, what, todo), ...]`` where severity is ``"error"`` or ``"warning"``.
    """
    html = _to_html(body)
    issues: list[tuple[str, str, str]] = []
    if _HEADING.search(html):
        issues.append(("error", "the body contains a heading (# or ===), which would enter the page's table of contents",
                       "use **bold text** for a lead-in instead of a heading"))
    if _RAW_TAG.search(_CODE.sub("", body)):
        issues.append(("warning", "the body contains raw HTML, which is removed when the page is built",
                       "write Markdown instead (links as [text](https://...), emphasis as *text*)"))
    for href in _HREF.findall(html):
        if not _SAFE_HREF.match(href.strip()):
            issues.append(("warning", f"the link {href!r} uses a scheme that is not allowed and is removed",
                           "link only to https:// addresses or to pages of this site"))
    return issues


def render_body(body: str, resolve_link: LinkResolver | None = None) -> str:
    """Render a Markdown body to sanitised HTML.

    Args:
        body: Markdown text.
        resolve_link: maps a relative link as written (``about.md#x``) to the URL to publish;
            absolute URLs are left alone.

    Returns:
        Balanced HTML containing only :data:`ALLOWED_TAGS`. Headings, should any slip
        through validation, are demoted to bold paragraphs so they never create ids.
    """
    html = _to_html(body)
    html = re.sub(r"<h[1-6][^>]*>(.*?)</h[1-6]>", r"<p><strong>\1</strong></p>", html, flags=re.S | re.I)
    if resolve_link:
        def fix(match: re.Match) -> str:
            href = match.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("#"):
                return match.group(0)
            return f'href="{resolve_link(href)}"'
        html = _HREF.sub(fix, html)
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer")


def render_inline(text: str) -> str:
    """Render a one-line Markdown string (a title or summary) to sanitised inline HTML."""
    if _PLAIN.match(text):
        return escape(text)
    html = _to_html(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    inline = ALLOWED_TAGS - {"p", "ul", "ol", "li", "blockquote"}
    return nh3.clean(html, tags=inline, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer")


def _human_date(iso: str) -> str:
    """``2019-03-27`` -> ``27 March 2019``; ``2019-03`` -> ``March 2019``; other text unchanged."""
    import datetime as dt

    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = dt.date.fromisoformat(iso)
            return f"{d.day} {months[d.month - 1]} {d.year}"
        if len(parts) == 2:
            return f"{months[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def source_html(source) -> str:
    """One source as HTML: linked title, publisher, date, and the republication note if any."""
    from html import escape

    via = f' <span class="ed-source__via">({escape(source.via)})</span>' if source.via else ""
    date = "undated" if source.date == "undated" else _human_date(source.date)
    return (f'<a href="{escape(source.url, quote=True)}" rel="noopener noreferrer">{escape(source.title)}</a>, '
            f'<span class="ed-source__publisher">{escape(source.publisher)}</span>, '
            f'<span class="ed-source__date">{escape(date)}</span>{via}')


def note_html(annotation, number: int, resolve_link: LinkResolver | None = None,
              sources_url: str = "", share_base: str = "") -> str:
    """Render one annotation as its note element.

    Shape (class names are the stylesheet's contract)::

        <aside class="ed-note ed-note--CATEGORY" id=ID role="note" aria-labelledby=ID-title>
          header: number, category label with icon, verdict badge (claims)
          h2 title (its own section in the search index), summary (always visible)
          <details> body, later development, sources, checked date </details>
        </aside>

    Args:
        annotation: an :class:`edition.annotations.Annotation`.
        number: the note's number in document order (shared with its marker).
        resolve_link: see :func:`render_body`.
        sources_url: URL of the Sources page, for the "all sources" link.
        share_base: URL of the share pages' folder (``share/``); each note links to its own,
            which carries the note's link preview (see :mod:`edition.share`).
    """
    from html import escape

    from .annotations import VERDICTS

    a = annotation
    cat = a.category_info
    verdict = ""
    if a.verdict:
        verdict = (f'<span class="ed-verdict ed-verdict--{a.verdict}">'
                   f'<span class="ed-sr">Verdict: </span>{escape(VERDICTS[a.verdict])}</span>')
    later = ""
    if a.later:
        later = (f'<p class="ed-note__later"><strong>Later development, '
                 f'<time datetime="{escape(a.later["date"])}">{_human_date(a.later["date"])}</time>:</strong> '
                 f'{render_inline(a.later["text"])}</p>')
    sources = "".join(f"<li>{source_html(s)}</li>" for s in a.sources)
    all_sources = f' <a href="{escape(sources_url)}">All sources</a>.' if sources_url else ""
    if share_base:
        all_sources += f' <a href="{escape(share_base)}{a.id}/">Link with preview</a>.'

    return (
        f'<aside class="ed-note ed-note--{a.category}" id="{a.id}" role="note" '
        f'aria-labelledby="{a.id}-title" data-category="{a.category}" data-number="{number}">'
        f'<div class="ed-note__head" data-search-exclude>'
        f'<a class="ed-note__num" href="#ref-{a.id}" title="Back to the text">'
        f'<span aria-hidden="true">{number}</span><span class="ed-sr">Back to the text of note {number}</span></a>'
        f'<span class="ed-cat ed-cat--{a.category}"><span class="ed-cat__icon" aria-hidden="true">{cat.icon}</span>'
        f'{escape(cat.label)}</span>{verdict}</div>'
        f'<h2 class="ed-note__title" id="{a.id}-title">{render_inline(a.title)}</h2>'
        f'<p class="ed-note__summary">{render_inline(a.summary)}</p>'
        f'<details class="ed-note__more"><summary data-search-exclude>Details and sources</summary>'
        f'<div class="ed-note__body">{render_body(a.body, resolve_link)}</div>{later}'
        f'<p class="ed-note__sources-label">Sources:</p><ul class="ed-note__sources">{sources}</ul>'
        f'<p class="ed-note__checked">Checked <time datetime="{escape(a.checked)}">{_human_date(a.checked)}</time>.{all_sources}</p>'
        f'</details></aside>'
    )
