"""The category stylesheet, generated from the site's categories and verdicts (``mkdocs.yml``).

Each category gets two custom properties per colour scheme (``--ed-<id>``, its colour, and
``--ed-<id>-bg``, its tint; Material's dark scheme is ``[data-md-color-scheme="slate"]``) and
the rules that colour its label (and draw its icon), markers and notes, give its highlights their colour, tint and
underline style (as ``--ed-c``, ``--ed-c-bg``: the site's stylesheet decides when a highlight
shows them), and hide it when filtered out
(``?show=`` on ``<html data-ed-show>``). Each verdict gets its badge's colours: a prominent verdict's badge
(class ``ed-verdict--flag``) is a box filled with its tint, the others' are text in its colour. The engine's
stylesheet (``assets/edition.css``) styles everything else. A tint left out is the colour mixed into the page
(CSS ``color-mix()``).
"""

from __future__ import annotations

from tinycss2.serializer import serialize_string_value

from .model import Category, Settings, Verdict

STYLESHEET = "assets/annotated-edition/categories.css"


def _tint(colour: str, share: int, into: str) -> str:
    return f"color-mix(in srgb, {colour} {share}%, {into})"


def _rules(c: Category) -> list[str]:
    k, icon = c.id, serialize_string_value(c.icon)
    return [
        f".md-typeset .ed-cat--{k} {{ color: var(--ed-{k});{f' --ed-icon-scale: {c.icon_scale:g};' if c.icon_scale != 1 else ''} }}",
        # the icon, silent to screen readers (the alternative text after "/" is empty)
        f'.md-typeset .ed-cat--{k}::before {{ color: var(--ed-{k}); background: var(--ed-{k}-bg); content: "{icon}"; content: "{icon}" / ""; }}',
        f".ed-hl--{k} {{ --ed-c: var(--ed-{k}); --ed-c-bg: var(--ed-{k}-bg); text-decoration-style: {c.line}; }}",
        f".md-typeset a.ed-marker--{k} {{ color: var(--ed-{k}); }}",
        f".md-typeset .ed-legend input[data-cat={k}] {{ accent-color: var(--ed-{k}); }}",  # (its filter box in its colour)
        # (over edition.css's border shorthand; --ed-c: the note's colour, as its highlights')
        f".md-typeset .ed-note.ed-note--{k} {{ border-color: var(--ed-{k}); --ed-c: var(--ed-{k}); }}",
        "@media screen {",
        f"  [data-ed-show]:not([data-ed-show*={k}]) .ed-note--{k} {{ display: none !important; }}",
        f"  [data-ed-show]:not([data-ed-show*={k}]) .ed-hl--{k} {{ background: none; text-decoration: none; }}",
        "}",
    ]


DARK = '[data-md-color-scheme="slate"]'
DARK_GREY = "#d1d5db"  # a verdict's label in the dark scheme when its dark_colour is left out


def _verdict_rules(v: Verdict) -> list[str]:
    """A verdict badge's colours: boxed and filled when prominent, else text (no fill, no visible edge)."""
    dark = v.dark_colour or DARK_GREY
    if v.prominent:
        light_bg, dark_bg, edge = v.tint or _tint(v.colour, 14, "white"), v.dark_tint or _tint(dark, 16, "transparent"), ""
    else:
        light_bg = dark_bg = "transparent"
        edge = " border-color: transparent !important;"
    italic = " font-style: italic;" if v.italic else ""
    return [f".ed-verdict--{v.id} {{ color: {v.colour}; background: {light_bg};{edge}{italic} }}",
            f"{DARK} .ed-verdict--{v.id} {{ color: {dark}; background: {dark_bg}; }}"]


# A site's name up to this many characters fits one line of the phone's header (320 px, every button drawn); a
# longer one may take two, so the engine's stylesheet sets it from the top (its first line never moves)
SHORT_SITE_NAME = 20


def category_css(settings: Settings, site_name: str = "") -> str:
    """The stylesheet text for ``settings.categories`` and ``settings.verdicts`` (light and dark scheme), and a
    printed page's foot naming ``site_name`` (the site's, from ``mkdocs.yml``: a loose sheet says where it is from);
    a short ``site_name`` (:data:`SHORT_SITE_NAME`) is centred in a phone's header, not set from its top."""
    light = [f"  --ed-{c.id}: {c.colour}; --ed-{c.id}-bg: {c.tint or _tint(c.colour, 14, 'white')};"
             for c in settings.categories.values()]
    dark = [f"  --ed-{c.id}: {c.dark_colour}; --ed-{c.id}-bg: {c.dark_tint or _tint(c.dark_colour, 20, 'transparent')};"
            for c in settings.categories.values()]
    lines = ["/* Generated from the categories and verdicts in mkdocs.yml by the annotated-edition plugin: do not edit. */",
             ":root {", *light, "}", '[data-md-color-scheme="slate"] {', *dark, "}"]
    for category in settings.categories.values():
        lines += _rules(category)
    # a marker (one per sentence: its notes may be of several categories, data-cats) hides only when
    # every one of its categories is filtered out
    shown = ", ".join(f"[data-ed-show*={k}] [data-cats~={k}]" for k in settings.categories)
    lines.append(f"@media screen {{ [data-ed-show] .ed-marker:not(:is({shown})) {{ display: none !important; }} }}")
    # the legend's line on the underlined verdicts goes while no category with verdicts is ticked in the legend
    if ticked := ", ".join(f"input[data-cat={k}]:checked" for k, c in settings.categories.items() if c.verdicts):
        lines.append(f"@media screen {{ .ed-legend:not(:has({ticked})) .ed-legend__flagged {{ display: none; }} }}")
    for verdict in settings.verdicts.values():
        lines += _verdict_rules(verdict)
    if site_name:
        lines.append(f'@page {{ @bottom-left {{ content: "{serialize_string_value(site_name)}"; }} }}')
    if 0 < len(site_name) <= SHORT_SITE_NAME:  # one line on a phone beside every button: centred in the header
        lines.append("@media screen and (max-width: 44.9375em) { .md-header__title .md-header__topic { align-items: center; padding-top: 0; } }")
    return "\n".join(lines) + "\n"
