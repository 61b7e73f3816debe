"""Note text to safe HTML: the one sanitising point of everything an editor writes.

Bodies, titles and summaries are Markdown (Python-Markdown, https://python-markdown.github.io/).
The HTML it produces passes through nh3 (the Python binding of the ammonia allow-list
sanitiser, https://nh3.readthedocs.io/): only :data:`ALLOWED_TAGS` and
:data:`ALLOWED_ATTRIBUTES` survive, links keep only ``https``/``http``/``mailto`` or relative
URLs, and the output is balanced. So a note can never add a script, an event handler, a
style, a ``javascript:`` URL, or close the page's own elements (case C13). Every other string
reaches HTML through Jinja2's autoescape (:mod:`annotated_edition.templates`).

A :class:`Renderer` lives for one build: it holds one Markdown converter (building one is
slow) and a cache of converted texts that is dropped with it.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape, unescape
from typing import Callable

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "em", "strong", "code", "blockquote", "br", "abbr", "sub", "sup"}
INLINE_TAGS = ALLOWED_TAGS - {"p", "ul", "ol", "li", "blockquote", "a"}  # (a title is itself link text in listings)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"https", "http", "mailto"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# (not a Markdown autolink, <https://...> or <name@example.org>, which Markdown turns into a link)
RAW_TAG = re.compile(r"<\s*/?\s*(?![a-zA-Z][\w+.-]*:[^\s>]*>|[^\s>@]+@[^\s>@]+>)[a-zA-Z!][^>]*>")
_HEADING = re.compile(r"<h[1-6][\s>]", re.I)
_HEADING_ELEMENT = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S | re.I)
_CODE = re.compile(r"`[^`]*`")
_HREF = re.compile(r'href="([^"]*)"')
_SAFE_HREF = re.compile(r"^(https?:|mailto:|#|[^:]*$)", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_PLAIN = re.compile(r"^[^*_`\[\]<>&\\!#]*$")
# What could make a body's HTML hold a heading or a link with another scheme: '#' anywhere
# (ATX headings, also inside list items), a setext underline, '<' (raw HTML, autolinks), a
# reference definition, or an inline link target with a scheme other than http(s)/mailto.
# A body without any of these has no issue, so it is not rendered just to look (a check of
# 2,000 notes is under a second this way).
_MAY_HAVE_ISSUES = re.compile(r"#|<|&|!\[|\||\[\^|^ *(`{3}|~{3}|\*{3}|_{3})|^ *(=+|-+) *$|\]:|\]\(\s*(?!https?:|mailto:)[^)\s]*:", re.M)
# Markdown the notes' converter (plain Markdown, sane lists) does not render: it would show as its own characters
_UNRENDERED = {"a table": re.compile(r"^ *\|.*\| *$", re.M), "a footnote": re.compile(r"\[\^[^\]\s]+\]"),
               "a fenced code block": re.compile(r"^ *(`{3}|~{3})", re.M)}

LinkResolver = Callable[[str], str]


def human_date(iso: str) -> str:
    """``2019-03-27`` -> ``27 March 2019``; ``2019-03`` -> ``March 2019``; other text unchanged."""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            day = dt.date.fromisoformat(iso)
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def _clean(html: str, tags: set[str]) -> Markup:
    # (no rel on links: every page the engine writes asks for no referrer at all, see with_referrer_policy)
    return Markup(nh3.clean(html, tags=tags, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None))


REFERRER_POLICY = '<meta name="referrer" content="no-referrer">'  # (a str: Markup would escape the page added to it)


def with_referrer_policy(html: str) -> str:
    """A page's HTML (a whole document) asking the browser to send no ``Referer`` with any request or link
    it makes: the sources a note cites never learn which page a reader came from. One element in ``<head>``
    (https://www.w3.org/TR/referrer-policy/#referrer-policy-delivery-meta) instead of ``rel="noreferrer"`` on
    each of the hundreds of links; added right after ``<head>`` (before any request the page makes), once.
    A document without ``<head>`` is returned as it is."""
    if 'name="referrer"' in html or "name=referrer" in html:
        return html
    match = re.search(r"<head\b[^>]*>", html, re.IGNORECASE)
    return html if match is None else html[:match.end()] + REFERRER_POLICY + html[match.end():]


class Renderer:
    """Markdown to sanitised HTML for one build (one converter, one cache; see the module doc)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        self._cache: dict[str, str] = {}

    def _to_html(self, text: str) -> str:
        """Markdown to unsanitised HTML (cached: validation and rendering convert the same texts)."""
        html = self._cache.get(text)
        if html is None:
            self._md.reset()
            html = self._cache[text] = self._md.convert(text)
        return html

    def markdown_html(self, text: str) -> str:
        """Markdown to HTML *before* sanitising (to read what an editor wrote, never to publish)."""
        return self._to_html(text)

    def body_issues(self, body: str) -> list[tuple[str, str, str, str]]:
        """What is wrong with a Markdown body: ``[(severity, what, todo, typed), ...]``, severity ``error`` or
        ``warning``, ``typed`` the body's words at fault (to tell their line), or ``""``."""
        if not _MAY_HAVE_ISSUES.search(body):
            return []
        html = self._to_html(body)
        issues: list[tuple[str, str, str, str]] = []
        if _HEADING.search(html):
            heading = re.search(r"^[ \t]*(#{1,6}[ \t].*|[=-]{2,}[ \t]*)$", body, re.M)
            issues.append(("error", "the body contains a heading (# or ===), which would enter the page's table of contents",
                           "use **bold text** for a lead-in instead of a heading", heading.group(1) if heading else ""))
        for what, pattern in _UNRENDERED.items():
            if found := pattern.search(body):
                issues.append(("warning", f"the body contains {what}, which a note does not render (it shows as typed)",
                               "write it as sentences (a list is fine)", found.group(0).strip()))
        if "<img" in html:
            issues.append(("warning", "the body contains an image (![...](...)), which is removed when the page is built",
                           "link to it instead: [what it shows](https://...)", "![" if "![" in body else ""))
        if tag := RAW_TAG.search(_CODE.sub("", body)):
            issues.append(("warning", "the body contains raw HTML, which is removed when the page is built",
                           "write Markdown instead (links as [text](https://...), emphasis as *text*)", tag.group(0)))
        for href in _HREF.findall(html):
            if not _SAFE_HREF.match(href.strip()):
                issues.append(("warning", f"the link {href!r} uses a scheme that is not allowed and is removed",
                               "link only to https:// addresses or to pages of this site", href.strip()))
        return issues

    def body(self, body: str, resolve_link: LinkResolver | None = None) -> Markup:
        """A Markdown body as sanitised block HTML.

        Relative links (``about.md#x``) go through ``resolve_link``; absolute ones are kept.
        Headings, should any slip through validation, become bold paragraphs (they never make ids).
        """
        html = _HEADING_ELEMENT.sub(r"<p><strong>\1</strong></p>", self._to_html(body))
        if resolve_link:
            def fix(match: re.Match) -> str:
                href = match.group(1)
                if _SCHEME.match(href) or href.startswith("#"):
                    return match.group(0)
                return f'href="{escape(resolve_link(href))}"'
            html = _HREF.sub(fix, html)
        return _clean(html, ALLOWED_TAGS)

    def inline(self, text: str) -> Markup:
        """A one-line Markdown string (a title, a summary) as sanitised inline HTML, links reduced to their words
        (a title is itself the words of a link in the listings; :func:`annotated_edition.rules.item_rules` warns)."""
        if _PLAIN.match(text):
            return Markup(escape(text, quote=False))
        html = self._to_html(text).strip()
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return _clean(html, INLINE_TAGS)

    def plain(self, text: str) -> str:
        """A one-line Markdown string as plain text (for ``<title>``, link previews, JSON-LD names)."""
        return unescape(nh3.clean(str(self.inline(text)), tags=set()))
