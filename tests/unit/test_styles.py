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
