"""The engine's own presentation: the margin layout's stylesheet and script, and the line that marks the page
for them before it is first drawn.

``assets/edition.css`` and ``assets/edition.js`` (this package's ``assets/`` folder) lay the notes out in the
margin, group them, open and print them. Both edges add them to a site that does not bring its own file at
the same address: the MkDocs plugin as generated files listed in ``extra_css`` / ``extra_javascript``
(after the category stylesheet, before the site's own, which can override them), ``annotate`` by writing
them into the built site and linking them from each page. A site replaces one by putting its own
``docs/assets/edition.css`` (or ``.js``) in place, as it overrides a theme's partial.

:data:`BOOT` runs in ``<head>``. It marks ``<html>`` with ``ed-js``: the stylesheet lays the margin out for
the script only when the script will run, so its layout never shifts what was drawn. It adds ``ed-laid`` at
the load event unless the script has claimed the page (``ed-claimed``, which ``edition.js`` adds as it is run,
before starting in a task of its own): the margin items show once the script has placed them, or, should it
fail to load or to start, when every script has run (a timer would race a slow phone's script and show items it
then moves). And it copies ``?show=`` (the category filter) to ``data-ed-show``, so the first paint is already
filtered.
"""

from __future__ import annotations

from pathlib import Path

from .minify import minified

ASSETS_DIR = Path(__file__).with_name("assets")
EDITION_CSS = "assets/edition.css"
EDITION_JS = "assets/edition.js"
ASSETS = (EDITION_CSS, EDITION_JS)  # their site-relative addresses (the package's files of the same names)

BOOT = ('<script>(function(){var h=document.documentElement;h.classList.add("ed-js");addEventListener("load",'
        'function(){if(!h.classList.contains("ed-claimed"))h.classList.add("ed-laid")});'
        'var s=new URLSearchParams(location.search).get("show");if(s!==null)h.dataset.edShow=s;})();</script>')


def asset_text(uri: str, minify: bool = False) -> str:
    """The text of the engine's asset at the site address ``uri`` (one of :data:`ASSETS`), minified if asked."""
    text = (ASSETS_DIR / Path(uri).name).read_text(encoding="utf-8")
    return minified(uri, text) if minify else text


def list_assets(extra_css: list, extra_javascript: list, after: str) -> None:
    """Name the engine's stylesheet in ``extra_css`` right after ``after`` (the category stylesheet, which must be
    listed) and its script first in ``extra_javascript`` (MkDocs' config lists, changed in place), unless the
    site lists them already. The script is deferred (MkDocs' ``ExtraScriptValue.defer``): it then never holds
    up the first paint, and still runs in order after the theme's, once the page is parsed."""
    from mkdocs.config.config_options import ExtraScriptValue  # (the plugin's edge only: the core runs without MkDocs)

    if EDITION_CSS not in [str(x) for x in extra_css]:
        extra_css.insert(extra_css.index(after) + 1, EDITION_CSS)
    if EDITION_JS not in [str(x) for x in extra_javascript]:
        script = ExtraScriptValue(EDITION_JS)
        script.defer = True
        extra_javascript.insert(0, script)


def with_boot(html: str) -> str:
    """A whole HTML document with :data:`BOOT` at the end of its ``<head>``, once; a document without
    ``</head>`` is returned as it is."""
    if BOOT in html or "</head>" not in html:
        return html
    return html.replace("</head>", BOOT + "</head>", 1)


def write_missing_assets(site: Path, minify: bool = False) -> list[str]:
    """Write into the built ``site`` each of the engine's assets the site does not have; return their addresses."""
    written = []
    for uri in ASSETS:
        path = site / uri
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(asset_text(uri, minify), encoding="utf-8")
            written.append(uri)
    return written
