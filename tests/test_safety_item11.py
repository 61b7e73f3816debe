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


def test_search_never_glues_a_word_to_the_next(built_site):
    """A note's search entry is words only: its paragraphs and list items stay apart ('2019. Later', not
    '2019.Later'). The Sources listing, whose dates once glued to 'Cited in', is out of the index: its sources are
    entries of their own ("publisher, date, republication"), its page entry is its introduction."""
    import json
    import re

    from bs4 import BeautifulSoup

    docs = json.loads((built_site / "search" / "search_index.deferred.json").read_text(encoding="utf-8"))["docs"]
    sources = [d for d in docs if d["location"].startswith("sources/")]
    assert sources and not [d for d in sources if "Cited in" in d["text"] or re.search(r"\d(?:Cited|[A-Z])", d["text"])]
    page = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = {d["location"].lstrip("#"): d["text"] for d in docs}
    checked = 0
    for body in page.select(".ed-note__body"):
        blocks = [" ".join(b.get_text(" ").split()) for b in body.find_all(["p", "li"])]
        text = entries[body.find_parent("aside")["id"]]
        for first, second in zip(blocks, blocks[1:]):
            last, next_word = first.split()[-1], second.split()[0]
            assert re.search(re.escape(last) + r"\s+" + re.escape(next_word), text), (last, next_word)
            checked += 1
    assert checked > 20
