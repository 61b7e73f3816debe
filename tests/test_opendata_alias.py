"""Issue 15, section 1: after a paragraph is renamed, the open data names its new id."""

from __future__ import annotations

import json

import pytest

from annotated_edition.pagetext import body_text
from conftest import ROOT, build, make_project

pytestmark = pytest.mark.build


def test_a_renamed_paragraph_is_exported_under_its_new_id(tmp_path):
    article = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "{#cargo-planes}" in article and "paragraph_aliases: {}" in article
    renamed = (article.replace("{#cargo-planes}", "{#two-planes}")
               .replace("paragraph_aliases: {}", "paragraph_aliases: {cargo-planes: two-planes}"))
    site = build(make_project(tmp_path / "project", replace_files={"docs/index.md": renamed}))
    items = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]
    claims = (ROOT / "annotations" / "claims.yml").read_text(encoding="utf-8")
    expected = claims.count("paragraph: cargo-planes\n")
    fragments = [item["target"]["selector"][0]["value"] for item in items]
    assert "cargo-planes" not in fragments
    assert fragments.count("two-planes") >= expected > 0
    text, spans = body_text((site / "index.html").read_text(encoding="utf-8"))
    for item in items:
        _fragment, quote, position = item["target"]["selector"]
        assert text[position["start"]:position["end"]] == quote["exact"]
