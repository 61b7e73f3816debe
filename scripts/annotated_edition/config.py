"""The plugin's options in ``mkdocs.yml``, validated with MkDocs' own config option classes.

The block a site writes (see the README for a whole example)::

    plugins:
      - annotated-edition:
          pages:
            - page: index.md             # a page of docs/
              annotations: annotations   # its notes folder, relative to mkdocs.yml
          categories:
            - {id: claims, label: Claim, plural: Claims, icon: "✓", colour: "#9a3412",
               dark_colour: "#fdba74", verdicts: true, motivation: assessing}
          verdicts:
            - {id: accurate, label: Accurate, rating: 3}

Categories and verdicts are defined here once; the editors' JSON Schema, the category CSS and
the open data are derived from them (:func:`settings_of`). A mistake is reported by MkDocs as
one line naming the option (``Plugin 'annotated-edition' option 'categories': ...``).
Option classes: https://www.mkdocs.org/dev-guide/plugins/#config_scheme
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from tinycss2.color4 import parse_color

from .model import Category, Settings, Verdict

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-z]+|(rgb|hsl|oklch)a?\([^)]*\))$")
MOTIVATIONS = ("assessing", "commenting", "describing", "classifying", "identifying", "linking",
               "questioning", "tagging", "highlighting", "editing", "bookmarking", "moderating", "replying")


class _Text(c.Type):
    """Text; a value YAML read as something else (``true``, ``no``, ``2019``, a date) is refused with the
    advice to quote it (YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans)."""

    def __init__(self, default=None) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value):
        if value is not None and not isinstance(value, str):
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            raise ValidationError(f"YAML read {value!r} as a {type(value).__name__}, not text: put it in quotes "
                                  f"('\"{shown}\"', or the word you meant)")
        if isinstance(value, str) and not value.strip():  # (a label of spaces showed a blank name in the legend)
            raise ValidationError("is empty: write the words")
        return super().run_validation(value)


class _Id(_Text):
    """A lowercase id (``a-z``, ``0-9``, single hyphens): used in file names, classes and URLs."""

    def __init__(self) -> None:
        super().__init__()

    def run_validation(self, value):
        value = super().run_validation(value)
        if not ID.match(value):
            raise ValidationError(f"{value!r} may only use lowercase a-z, 0-9 and single hyphens")
        return value


class _Colour(c.Type):
    """A CSS colour (``#9a3412``, ``rgb(...)``, a named colour), as CSS Color 4 parses it (tinycss2's
    ``color4.parse_color``): a word that is no colour (``bluish``) left the category without one."""

    def __init__(self, default=None) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not COLOUR.match(value.strip()) or parse_color(value.strip()) is None:
            raise ValidationError(f"{value!r} is not a CSS colour (write it like '#9a3412')")
        return value.strip()


class _Flag(c.Type):
    """true or false, false by default (MkDocs' own message read "Expected type: <class 'bool'> ...")."""

    def __init__(self) -> None:
        super().__init__(bool, default=False)

    def run_validation(self, value):
        if not isinstance(value, bool):
            raise ValidationError(f"must be true or false, not {value!r}")
        return value


class _Range(c.Type):
    """Two whole numbers, the least and the most: ``[40, 150]``."""

    def __init__(self, default: list[int]) -> None:
        super().__init__(list, default=default)

    def run_validation(self, value):
        if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, int) and v >= 0 for v in value) \
                or value[0] > value[1]:
            raise ValidationError(f"{value!r} is not a range: write [least, most], e.g. {self.default}")
        return value


class _Icon(c.Type):
    """One character, a category's mark (a variation selector or a combining mark may follow it)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value):
        marks = [ch for ch in str(value) if not unicodedata.combining(ch) and ch not in "\ufe0e\ufe0f\u200d"]
        if not isinstance(value, str) or len(marks) != 1 or not value.strip():
            raise ValidationError(f"{value!r} is not one character: write the mark, e.g. \"✓\" or \"§\"")
        return value


class _Scale(c.Type):
    """A number above 0 (a size relative to the usual one: 1.3 is a third larger)."""

    def __init__(self, default: float = 1) -> None:
        super().__init__((int, float), default=default)

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValidationError(f"{value!r} is not a number above 0: write e.g. 1 or 1.3")
        return value


class CategoryConfig(base.Config):
    """One category of notes (see :class:`annotated_edition.model.Category`)."""

    id = _Id()
    label = _Text()
    plural = c.Optional(_Text())
    icon = _Icon()
    icon_scale = _Scale()  # the icon's size in the margin's circle (1.3: a third larger)
    colour = _Colour()
    dark_colour = c.Optional(_Colour())
    tint = c.Optional(_Colour())
    dark_tint = c.Optional(_Colour())
    line = c.Choice(("solid", "dotted", "dashed", "double", "wavy"), default="solid")
    verdicts = _Flag()
    description = c.Type(str, default="")
    motivation = c.Choice(MOTIVATIONS, default="commenting")


class VerdictConfig(base.Config):
    """One step of the verdict scale (see :class:`annotated_edition.model.Verdict`)."""

    id = _Id()
    label = _Text()
    short = c.Optional(_Text())  # the badge's words in the margin, where a long label takes two lines
    rating = c.Optional(c.Type(int))
    prominent = _Flag()
    # its badge: the label's colour in each scheme and, for a prominent verdict (boxed), the box's fill
    colour = c.Optional(_Colour())  # (default: the model's, Verdict.colour)
    dark_colour = c.Optional(_Colour())
    tint = c.Optional(_Colour())
    dark_tint = c.Optional(_Colour())
    italic = _Flag()  # e.g. an opinion: not a finding about facts


class PageConfig(base.Config):
    """An annotated page: its Markdown file, its notes folder and the categories it uses."""

    page = c.Type(str)
    annotations = c.Type(str)
    categories = c.Optional(c.ListOfItems(_Id()))


def _unknown_keys(item: object, config_class: type[base.Config]) -> str:
    """The first key of ``item`` that ``config_class`` has no option for, as a message with the nearest option
    ("unknown option 'color'; did you mean 'colour'?"); "" if none. MkDocs itself first said the option meant was
    missing ("Sub-option 'colour': Required configuration not provided."), without naming the key written."""
    names = [name for name, _option in config_class._schema]
    for key in item if isinstance(item, dict) else ():
        if key not in names:
            near = difflib.get_close_matches(str(key), names, n=1)
            return f"unknown option {key!r}" + (f"; did you mean {near[0]!r}?" if near else f" (options: {', '.join(names)})")
    return ""


def _unique(items: list, what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item["id"] in seen:
            raise ValidationError(f"two {what} have the id {item['id']!r}; give each its own")
        seen.add(item["id"])


class _Unique(c.ListOfItems):
    """A list of sub-configs whose ``id`` values are unique; an item's error names the item (MkDocs' own message,
    "Sub-option 'label': Required configuration not provided.", did not say which category lacked it)."""

    def __init__(self, option, what: str, one: str) -> None:
        super().__init__(option, default=[])
        self.what, self.one = what, one

    def run_validation(self, value):
        for number, item in enumerate(value if isinstance(value, list) else [], 1):
            named = f" ({item['id']!r})" if isinstance(item, dict) and isinstance(item.get("id"), str) else ""
            if unknown := _unknown_keys(item, self.option_type.config_class):
                raise ValidationError(f"{self.one} {number}{named}: {unknown}")
            try:
                self.option_type.run_validation(item)
            except ValidationError as error:
                raise ValidationError(f"{self.one} {number}{named}: {error}") from None
        items = super().run_validation(value)
        _unique(items, self.what)
        return items


class _Pages(c.ListOfItems):
    """The annotated pages; each page once, each category it names defined under ``categories``."""

    def __init__(self) -> None:
        super().__init__(c.SubConfig(PageConfig), default=[])

    def run_validation(self, value):
        for number, item in enumerate(value if isinstance(value, list) else [], 1):
            if unknown := _unknown_keys(item, PageConfig):
                raise ValidationError(f"page {number}: {unknown}")
        return super().run_validation(value)

    def post_validation(self, config, key_name):
        if not config[key_name]:  # (the check passed with 0 notes; the build failed on a listing page)
            raise ValidationError("names no annotated page; add one, e.g. '- {page: index.md, annotations: notes}'")
        known = [cat["id"] for cat in config.get("categories") or []]
        pages, folders = [], {}
        for page in config[key_name]:
            if page["page"] in pages:
                raise ValidationError(f"the page {page['page']!r} is listed twice")
            if page["annotations"].rstrip("/") in folders:  # (each note was reported missing from the other page)
                raise ValidationError(f"the pages {folders[page['annotations'].rstrip('/')]!r} and {page['page']!r} share "
                                      f"the notes folder {page['annotations']!r}; give each page its own")
            pages.append(page["page"])
            folders[page["annotations"].rstrip("/")] = page["page"]
            for cat in page["categories"] or []:
                if cat not in known:
                    raise ValidationError(f"page {page['page']!r} names the category {cat!r}, which is not "
                                          f"defined under 'categories' (defined: {', '.join(known) or 'none'})")


class PluginConfig(base.Config):
    """All options of the ``annotated-edition`` plugin."""

    pages = _Pages()
    categories = _Unique(c.SubConfig(CategoryConfig), "categories", "category")
    verdicts = _Unique(c.SubConfig(VerdictConfig), "verdicts", "verdict")
    body_words = _Range([40, 150])
    summary_words = _Range([4, 40])
    schema_dir = c.Type(str, default="schema")
    # the command a build's error names for listing the problems without building (a site's own, e.g. 'make check')
    check_command = c.Type(str, default="python -m annotated_edition check")
    share_image = c.Optional(c.Type(str))
    published_ids = c.Optional(c.Type(str))  # the list of published ids, beside mkdocs.yml (see published.py)
    minify = _Flag()  # the site's own CSS and JS (docs/), the engine's and the category stylesheet (minify.py)
    minify_html = _Flag()  # every page's HTML, with minify-html (minify.py)
    purge_css = _Flag()  # the theme's stylesheets without the rules no page can use (unused_css.py)
    # names (classes, attributes) whose theme rules purge_css leaves out although a script writes them
    purge_css_unused = c.ListOfItems(c.Type(str), default=[])
    deferred_search = _Flag()  # the index moves to search/search_index.deferred.json (search_index.py)


def settings_of(config: PluginConfig) -> Settings:
    """The categories and verdict scale of a validated plugin config, as :class:`Settings`."""
    categories = {
        cat["id"]: Category(id=cat["id"], label=cat["label"], plural=cat["plural"] or cat["label"], icon=cat["icon"],
                            colour=cat["colour"], dark_colour=cat["dark_colour"] or cat["colour"], line=cat["line"],
                            tint=cat["tint"] or "", dark_tint=cat["dark_tint"] or "",
                            verdicts=cat["verdicts"], description=cat["description"], motivation=cat["motivation"],
                            icon_scale=float(cat["icon_scale"]))
        for cat in config["categories"]
    }
    verdicts = {v["id"]: Verdict(v["id"], v["label"], v["rating"], v["prominent"], v["short"] or "",
                                 colour=v["colour"] or Verdict.colour,
                                 dark_colour=v["dark_colour"] or "", tint=v["tint"] or "", dark_tint=v["dark_tint"] or "",
                                 italic=v["italic"]) for v in config["verdicts"]}
    return Settings(categories, verdicts, tuple(config["body_words"]), tuple(config["summary_words"]))
