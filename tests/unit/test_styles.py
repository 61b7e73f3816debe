"""styles: the category stylesheet is generated from the categories (one block per category, both schemes)."""

from __future__ import annotations

from annotated_edition.model import Category, Settings
from annotated_edition.styles import category_css
from conftest import project_settings


def test_every_category_has_its_colours_and_rules():
    settings = project_settings()
    css = category_css(settings)
    light, dark = css.split('[data-md-color-scheme="slate"]', 1)
    for c in settings.categories.values():
        assert f"--ed-{c.id}: {c.colour};" in light
        assert f"--ed-{c.id}: {c.dark_colour};" in dark
        for selector in (f".ed-cat--{c.id}", f".ed-hl--{c.id}", f"a.ed-marker--{c.id}", f".ed-note--{c.id}",
                         f"[data-ed-show*={c.id}]"):
            assert selector in css, (c.id, selector)
        assert f"text-decoration-style: {c.line};" in css
    assert css.count("{") == css.count("}")


def test_a_missing_tint_is_mixed_from_the_colour_and_a_new_category_appears():
    settings = Settings({"context": Category("context", "Context", "Context", "i", "#123456", "#abcdef")}, {})
    css = category_css(settings)
    assert "--ed-context-bg: color-mix(in srgb, #123456 14%, white);" in css
    assert "--ed-context-bg: color-mix(in srgb, #abcdef 20%, transparent);" in css
    assert "claims" not in css


def test_the_printed_foot_names_the_site_and_an_icon_scale_is_a_category_option():
    """The engine held this column's name for every printout ("Russia's Moves in Venezuela, annotated") and a rule
    for one category id (claims): both now come from mkdocs.yml."""
    settings = Settings({"context": Category("context", "Context", "Context", "i", "#123456", "#abcdef", icon_scale=1.3),
                         "facts": Category("facts", "Fact", "Facts", "!", "#123456", "#abcdef")}, {})
    css = category_css(settings, 'The "Ledger", annotated')
    assert '@page { @bottom-left { content: "The \\"Ledger\\", annotated"; } }' in css
    assert ".ed-cat--context { color: var(--ed-context); --ed-icon-scale: 1.3; }" in css
    assert ".ed-cat--facts { color: var(--ed-facts); }" in css
    assert "@page" not in category_css(settings)
