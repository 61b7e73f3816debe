"""The one link resolver: a page of ``docs/`` written as ``about.md#x`` -> the URL to publish.

Editors write links between pages as MkDocs does, by source path relative to ``docs/``
(https://www.mkdocs.org/user-guide/writing-your-docs/#linking-to-pages). :class:`Links` knows
each page's published URL (site-relative, ``about/`` or ``about.html``) and the page the link
is written on, and gives relative URLs for HTML and absolute ones (``site_url`` + URL) for the
open data. Anything that is not a known page (``https://...``, ``#x``) is returned unchanged.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field


def relative_url(url: str, from_url: str) -> str:
    """``url`` relative to the page at ``from_url`` (both site-relative, ``''`` is the home page).

    Follows MkDocs' ``mkdocs.utils.get_relative_url``: ``relative_url('about/', 'notes/') == '../about/'``.
    """
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath("/" + url, "/" + from_dir) if url else posixpath.relpath("/", "/" + from_dir)
    if target == ".":
        return "./"
    if url.endswith("/") or not url:
        target += "/"
    return target


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives the page ``src_path`` (``about.md`` -> ``about/``, ``index.md`` -> ``''``)."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    if stem.upper() == "README" or stem.upper().endswith("/README"):
        return stem[:-6]
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


@dataclass
class Links:
    """Links written on one page.

    Attributes:
        urls: every page of the site, source path (``about.md``) -> site-relative URL (``about/``).
        here: the site-relative URL of the page the links are written on.
        site_url: the site's absolute address, ending in ``/`` (for :meth:`absolute`).
        sources_url / index_url / share_url: where this page's notes link to their sources, the
            index of notes and their share pages
            (relative to ``here``; ``''`` when there is none).
    """

    urls: dict[str, str]
    here: str = ""
    site_url: str = ""
    sources_url: str = ""
    index_url: str = ""
    share_url: str = ""
    extra: dict = field(default_factory=dict)

    def resolve(self, path: str) -> str:
        """``about.md#x`` -> ``../about/#x`` from here; unknown targets unchanged."""
        name, hash_, fragment = path.partition("#")
        if name not in self.urls:
            return path
        return relative_url(self.urls[name], self.here) + hash_ + fragment

    def absolute(self, path: str) -> str:
        """``about.md#x`` -> ``https://site/about/#x``; unknown targets unchanged."""
        name, hash_, fragment = path.partition("#")
        if name not in self.urls:
            return path
        return self.site_url + self.urls[name] + hash_ + fragment



def page_links(urls: dict[str, str], here: str, annotated: str, sources_page: str | None, site_url: str,
               site_name: str, share_folder: str, index_page: str | None = None) -> Links:
    """The :class:`Links` of the page at ``here`` for notes of the annotated page ``annotated``.

    Args:
        urls: every page's site-relative URL by source path.
        here: the site-relative URL of the page being written.
        annotated: the annotated page's source path.
        sources_page / index_page: site-relative URLs of its Sources and Index listings (None: none).
        site_url / site_name: the site's address (ending in ``/``) and name.
        share_folder: site-relative URL of the annotated page's share pages.
    """
    return Links(urls, here, site_url, sources_url=relative_url(sources_page, here) if sources_page is not None else "",
                 index_url=relative_url(index_page, here) if index_page is not None else "",
                 share_url=relative_url(share_folder, here), extra={"site_name": site_name})
