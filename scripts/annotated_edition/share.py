"""Share pages: one small page per note at ``<page>/share/<note-id>/``, so a shared link previews the note.

Link previews (Open Graph, https://ogp.me/; Twitter cards) are read from a page's ``<head>``
and ignore the ``#fragment``, so ``.../#note-id`` would preview as the whole article. Each share
page (template ``share.html``) carries the note's own title and summary and forwards readers
to the note itself.
"""

from __future__ import annotations

from .links import relative_url
from .merge import Placed
from .problems import Problem
from .templates import Templates

SHARE_FOLDER = "share/"


def share_image_problems(image: str | None, exists: bool) -> list[Problem]:
    """The option ``share_image`` (a site-relative path) naming no file of the site (``exists`` False): every share
    page's preview image would be a broken link."""
    if not image or exists:
        return []
    return [Problem("mkdocs.yml", 0, 0, "share_image", f"'{image}' is not a file of the site, so every link preview "
                    "would show a broken image", "fix 'share_image:' (a path under docs/, e.g. assets/card.png)")]


def site_url_problems(site_url: str | None) -> list[Problem]:
    """A site without ``site_url``: the share pages' canonical and preview addresses, the open data's ids and the
    ClaimReview's URLs would be relative, pointing nowhere once a link is shared (a warning: a strict build stops)."""
    if site_url:
        return []
    return [Problem("mkdocs.yml", 0, 0, "site_url", "is not set, so the share pages, the open data (annotations.jsonld) "
                    "and the fact-check data would carry addresses that point nowhere once shared",
                    "set 'site_url:' in mkdocs.yml to the published address (e.g. https://example.org/harbour/)",
                    "warning")]


def share_url(page_url: str, note_id: str = "") -> str:
    """The site-relative URL of a note's share page (or of the folder, without ``note_id``)."""
    return f"{page_url}{SHARE_FOLDER}" + (f"{note_id}/" if note_id else "")


def share_pages(templates: Templates, placed: list[Placed], page_url: str, site_url: str, site_name: str,
                image_url: str = "") -> dict[str, str]:
    """Every note's share page: ``{site-relative path of index.html: html}``; a note's former ids (``aliases``)
    get the same page at their own address.

    Args:
        placed: the page's notes.
        page_url: the annotated page's site-relative URL (``''`` for the home page).
        site_url: the site's absolute address, ending in ``/``.
        site_name: the edition's name.
        image_url: absolute URL of the preview image (none when empty).
    """
    pages = {}
    for p in placed:
        url = share_url(page_url, p.annotation.id)
        back = relative_url(page_url, url) + "#" + p.annotation.id
        pages[url + "index.html"] = templates.render(
            "share", a=p.annotation, page_url=site_url + page_url, share_url=site_url + url,
            image_url=image_url, site_name=site_name, back=back)
        for old in p.annotation.aliases:  # (a shared link to a renamed note's page still lands: the same page, its
            pages[share_url(page_url, old) + "index.html"] = pages[url + "index.html"]  # canonical address the new)
    return pages
