"""The Jinja2 environment that renders every piece of HTML the engine adds to a site.

Templates live in the package (``templates/annotated_edition/*.html``). A site overrides one
by putting a file of the same name in ``<custom_dir>/annotated_edition/``, as it overrides
Material's partials (https://squidfunk.github.io/mkdocs-material/customization/#overriding-partials).
Autoescape is on for every template: a string reaches HTML either escaped by Jinja2 or as
:class:`markupsafe.Markup` from :class:`annotated_edition.rendering.Renderer` (the one
sanitising point). JSON for ``<script>`` elements goes through the ``json_script`` filter.
"""

from __future__ import annotations

import functools
import json
import traceback
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from .problems import Problem, display_path
from .rendering import Renderer, human_date

PACKAGE_TEMPLATES = Path(__file__).with_name("templates")
FOLDER = "annotated_edition"
OVERRIDE_TODO = "fix it, or delete it to use the engine's own"
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
    filters = dict(markdown=renderer.body, inline=renderer.inline, plain=renderer.plain, human_date=human_date,
                   json_script=json_script, numbers=numbers, nobreak=nobreak)
    env.filters.update({name: _defined(function) for name, function in filters.items()})
    return env


def _defined(function: Callable) -> Callable:
    """``function`` as a filter that names an undefined value (``{{ a.sumary | inline }}``) as Jinja2 names it in
    ``{{ a.sumary }}``, instead of failing on it with a TypeError inside the filter."""
    @functools.wraps(function)
    def defined(value, *args, **kwargs):
        if isinstance(value, jinja2.Undefined):
            value._fail_with_undefined_error()
        return function(value, *args, **kwargs)
    return defined


class TemplateProblem(Exception):
    """A template failed while rendering; the message is one line: ``file:line: what; what to do``."""


def _where(error: jinja2.TemplateError) -> tuple[Path | None, int]:
    """The template file and line of ``error``: a syntax error names them; a render error's traceback holds
    them (Jinja2 rewrites its frames to the template's own lines). ``(None, 0)`` when neither does."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return Path(error.filename), error.lineno
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".html"):
            return Path(frame.filename), frame.lineno or 0
    return None, 0


class Templates:
    """The build's templates by short name: ``templates.render("note", annotation=...)``.

    Args:
        renderer: the build's Markdown renderer (see :func:`environment`).
        custom_dir: the theme's ``custom_dir``; its ``annotated_edition/`` templates win.
        root: the project folder (template paths in messages are relative to it).
    """

    def __init__(self, renderer: Renderer, custom_dir: str | Path | None = None, root: Path | None = None) -> None:
        self.env = environment(renderer, custom_dir)
        self.root = root
        self.override_folder = Path(custom_dir) / FOLDER if custom_dir else None  # (where a site's overrides are)
        self._cache: dict[str, jinja2.Template] = {}

    def render(self, name: str, **context) -> str:
        """Render ``annotated_edition/<name>.html`` with ``context``; whitespace between tags is kept as written.

        Raises:
            TemplateProblem: the template (a site's override, most likely) does not parse or fails on
                this context (an unknown variable or filter), with its file and line.
        """
        try:
            template = self._cache.get(name)
            if template is None:
                template = self._cache[name] = self.env.get_template(f"{FOLDER}/{name}.html")
            return template.render(**context)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateProblem(self._syntax_problem(error).format()) from None
        except Exception as error:  # (an override's '{{ a.title + 1 }}' is a TypeError: told at its line too)
            file, line = _where(error)
            override = bool(file and self.override_folder and file.resolve().is_relative_to(self.override_folder.resolve()))
            if not (override or isinstance(error, jinja2.TemplateError)):
                raise
            where = f"{display_path(file, self.root)}:{line}" if file else f"{FOLDER}/{name}.html"
            what = error.message if isinstance(error, jinja2.TemplateError) and error.message else f"{type(error).__name__}: {error}"
            given = (f" (it is given: {', '.join(sorted(context))})"  # (an included template sees more: not said)
                     if isinstance(error, jinja2.UndefinedError) and file and file.name == f"{name}.html" else "")
            raise TemplateProblem(f"{where}: template: {what}{given}; "
                                  + (OVERRIDE_TODO if override else "this is the engine's own template: please report it")) from None

    def _syntax_problem(self, error: jinja2.TemplateSyntaxError) -> Problem:
        file = display_path(error.filename, self.root) if error.filename else f"{FOLDER}/{error.name}"
        return Problem(file, error.lineno, 0, "", f"template: {error.message}", OVERRIDE_TODO)

    def overridden(self) -> bool:
        """Whether the site overrides any of the engine's templates (a check then renders its notes, to try them)."""
        return self.override_folder is not None and any(self.override_folder.glob("*.html"))

    def problems(self) -> list[Problem]:
        """The site's overrides that cannot serve: one that does not parse (an error, at its line) and one whose
        name is none of the engine's templates (a warning: it would be ignored without a word)."""
        folder = self.override_folder
        if folder is None or not folder.is_dir():
            return []
        own = sorted(p.name for p in (PACKAGE_TEMPLATES / FOLDER).glob("*.html"))
        problems = []
        for path in sorted(folder.glob("*.html")):
            shown = display_path(path, self.root)
            if path.name not in own:
                problems.append(Problem(shown, 0, 0, "", "no template of the engine has this name, so it overrides "
                                        "nothing", f"an override takes the name of one: {', '.join(own)}", "warning"))
                continue
            try:
                self.env.get_template(f"{FOLDER}/{path.name}")
            except jinja2.TemplateSyntaxError as error:
                problems.append(self._syntax_problem(error))
        return problems
