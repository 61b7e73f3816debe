"""Configurations the edition refuses in one line (:mod:`annotated_edition.refusals`)."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from annotated_edition.refusals import refuse_config


def _config(tmp_path, extensions: str):
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\ntheme: {{name: material}}\n{extensions}", encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize("extensions", ["", "markdown_extensions:\n  - toc\n"])
def test_without_attr_list_the_build_stops_naming_the_extension(tmp_path, extensions):
    """Without attr_list every paragraph id stays in the text: one line saying what to add, not an error per note."""
    with pytest.raises(PluginError) as refused:
        refuse_config(_config(tmp_path, extensions), "build")
    assert "\n" not in str(refused.value) and "add 'attr_list' under markdown_extensions" in str(refused.value)


@pytest.mark.parametrize("name", ["attr_list", "markdown.extensions.attr_list"])
def test_attr_list_by_either_name_is_accepted(tmp_path, name):
    refuse_config(_config(tmp_path, f"markdown_extensions:\n  - {name}\n"), "build")


def test_another_theme_is_refused_in_one_line(tmp_path):
    """The layout is made for Material's page: with readthedocs the notes came out as plain text, without a word."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme: readthedocs\nmarkdown_extensions: [attr_list]\n", encoding="utf-8")
    with pytest.raises(PluginError) as refused:
        refuse_config(load_config(str(tmp_path / "mkdocs.yml")), "build")
    assert "\n" not in str(refused.value) and "set 'theme: name: material'" in str(refused.value)
