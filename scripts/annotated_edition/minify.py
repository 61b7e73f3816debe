"""The site's own stylesheets and scripts, minified as they are built (option ``minify: true``),
and every page's HTML (option ``minify_html: true``).

``minify`` runs in ``on_files``: every ``.css`` and ``.js`` file of ``docs/`` (not the theme's,
which come minified) and the plugin's category stylesheet lose their comments and white space, with
rcssmin and rjsmin (conservative: no renaming, no rewriting). ``docs/`` keeps the readable sources.

``minify_html`` runs in ``on_post_page``, before an annotated page's text is read for the open
data's selectors: minify-html (https://github.com/wilsonzlin/minify-html) collapses the templates'
white space, drops attribute quotes where HTML allows it and orders attributes; closing tags and
inline scripts are kept as written, and the text a reader sees is unchanged.
"""

from __future__ import annotations

import re

import minify_html
import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minified(name: str, text: str) -> str:
    """``text`` minified by the minifier for ``name``'s extension (unchanged for other files)."""
    for suffix, minify in MINIFIERS.items():
        if name.endswith(suffix):
            return minify(text)
    return text


def minify_files(files, docs_dir: str) -> None:
    """Minify, in place, the stylesheets and scripts of ``files`` (MkDocs' Files) that come from ``docs_dir``."""
    for file in files:
        if file.src_uri.endswith(tuple(MINIFIERS)) and file.src_dir == docs_dir:
            file.content_string = minified(file.src_uri, file.content_string)


# Material's search plugin reads ``data-search-exclude`` from a page's content (``on_page_context``), before
# ``on_post_page``: in the page a reader downloads it marks nothing
SEARCH_EXCLUDE = re.compile(r" data-search-exclude(?:=\"\")?(?=[ >])")


def minified_page(html: str) -> str:
    """A whole HTML document minified (minify-html; closing tags and ``<html>``/``<head>`` kept), without the
    search plugin's ``data-search-exclude`` marks (read before this runs)."""
    html = SEARCH_EXCLUDE.sub("", html)
    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True)
