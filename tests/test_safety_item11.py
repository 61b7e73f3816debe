"""Issue 14, item 11: ``docs/.well-known/`` is published (MkDocs skips dot-folders), and search never glues words."""

from __future__ import annotations

import pytest

from conftest import build, make_project

pytestmark = pytest.mark.build


def test_a_well_known_file_is_published(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "docs" / ".well-known").mkdir()
    (project / "docs" / ".well-known" / "security.txt").write_text("Contact: https://example.org/report\n", encoding="utf-8")
    site = build(project)
    assert (site / ".well-known" / "security.txt").read_text(encoding="utf-8").startswith("Contact:")


def test_search_never_glues_a_date_to_the_next_word(built_site):
    """The Sources listing reads '..., 24 March 2019. Cited in: ...' in the search index, not '2019Cited'."""
    import json
    import re

    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["text"] for d in docs if d["location"].startswith("sources/"))
    assert "Cited in" in text
    assert not re.search(r"(\d|undated)Cited", text)
