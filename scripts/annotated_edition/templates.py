"""The Jinja2 environment that renders every piece of HTML the engine adds to a site.

Templates live in the package (``templates/annotated_edition/*.html``). A site overrides one
by putting a file of the same name in ``<custom_dir>/annotated_edition/``, as it overrides
Material's partials (https://squidfunk.github.io/mkdocs-material/customization/#overriding-partials).
Autoescape is on for every template: a string reaches HTML either escaped by Jinja2 or as
:class:`markupsafe.Markup` from :class:`annotated_edition.rendering.Renderer` (the one
sanitising point). JSON for ``<script>`` elements goes through the ``json_script`` filter.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
from markupsafe import Markup

from .rendering import Renderer, human_date

PACKAGE_TEMPLATES = Path(__file__).with_name("templates")
FOLDER = "annotated_edition"
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_script(data) -> Markup:
    """``data`` as compact JSON safe inside ``<script type="application/ld+json">`` (no ``</script>``, no raw ``<``)."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES))


def numbers(notes) -> str:
    """The numbers of a group's notes as its marker shows them: ``"7"`` for one note, ``"7–9"`` for several
    (``notes``: a list of :class:`~annotated_edition.merge.Placed`, in order)."""
    first, last = notes[0].number, notes[-1].number
    return f"{first}–{last}" if len(notes) > 1 else str(first)


def nobreak(text: str) -> str:
    """``text`` with no-break spaces (U+00A0) for its spaces: a phrase a line never splits."""
    return text.replace(" ", "\u00a0")


def environment(renderer: Renderer, custom_dir: str | Path | None = None) -> jinja2.Environment:
    """An autoescaping environment with the filters ``markdown``, ``inline``, ``plain``, ``human_date``,
    ``json_script``, ``numbers`` and ``nobreak``.

    Args:
        renderer: the build's Markdown renderer (the filters use it, so its cache is the build's).
        custom_dir: the site's theme ``custom_dir``; its ``annotated_edition/`` folder wins over
            the package's templates.
    """
    loaders: list[jinja2.BaseLoader] = []
    if custom_dir:
        loaders.append(jinja2.FileSystemLoader(str(custom_dir)))
    loaders.append(jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES)))
    # auto_reload off: an environment lives for one build, so an include need not stat its file each time
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True, auto_reload=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(markdown=renderer.body, inline=renderer.inline, plain=renderer.plain,
                       human_date=human_date, json_script=json_script, numbers=numbers, nobreak=nobreak)
    return env


class Templates:
    """The build's templates by short name: ``templates.render("note", annotation=...)``."""

    def __init__(self, renderer: Renderer, custom_dir: str | Path | None = None) -> None:
        self.env = environment(renderer, custom_dir)
        self._cache: dict[str, jinja2.Template] = {}

    def render(self, name: str, **context) -> str:
        """Render ``annotated_edition/<name>.html`` with ``context``; whitespace between tags is kept as written."""
        template = self._cache.get(name)
        if template is None:
            template = self._cache[name] = self.env.get_template(f"{FOLDER}/{name}.html")
        return template.render(**context)
