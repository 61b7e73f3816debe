"""Share pages: one small page per note at ``share/<note-id>/``, so a shared link previews the note.

Link previews (Open Graph, https://ogp.me/; Twitter cards) are read from a page's ``<head>``
and ignore the ``#fragment``, so ``.../#note-id`` would preview as the whole article. Each share
page carries the note's own title and summary and forwards readers to the note itself.
"""

from __future__ import annotations

from html import escape

from .annotations import Annotation

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title} · {site}</title>
<meta name="description" content="{summary}">
<link rel="canonical" href="{page_url}#{id}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{summary}">
<meta property="og:url" content="{share_url}">
<meta property="og:image" content="{image}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{title}">
<meta name="twitter:description" content="{summary}">
<meta name="twitter:image" content="{image}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=../../#{id}">
</head>
<body>
<p><a href="../../#{id}">{plain_title}</a>: {summary}</p>
</body>
</html>
"""


def share_page(a: Annotation, page_url: str, share_url: str, image_url: str, site_name: str) -> str:
    """The HTML of one share page.

    Args:
        a: the note.
        page_url: absolute URL of the article page.
        share_url: absolute URL of this share page.
        image_url: absolute URL of the preview image.
        site_name: the edition's name.
    """
    return _PAGE.format(title=escape(f"{a.title} ({a.category_info.label})"), site=escape(site_name),
                        summary=escape(a.summary), page_url=escape(page_url), id=a.id,
                        share_url=escape(share_url), image=escape(image_url), plain_title=escape(a.title))
