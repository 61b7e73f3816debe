"""The site's own stylesheets and scripts, minified as they are built (option ``minify: true``).

Runs in ``on_files``: every ``.css`` and ``.js`` file of ``docs/`` (not the theme's, which come
minified) and the plugin's category stylesheet lose their comments and white space, with rcssmin
and rjsmin (conservative: no renaming, no rewriting). ``docs/`` keeps the readable sources.
"""

from __future__ import annotations

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
