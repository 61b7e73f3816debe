"""The Sources listing files publishers as a reader looks them up (listings.alphabetical)."""

from __future__ import annotations

from annotated_edition.listings import alphabetical


def test_publishers_sort_with_accents_and_case_set_aside():
    names = ["Xinhua", "Brinkwire", "Báo Nghệ An", "argus Media", "Élysée", "El País"]
    assert sorted(names, key=alphabetical) == ["argus Media", "Báo Nghệ An", "Brinkwire", "El País", "Élysée", "Xinhua"]


def test_the_sources_page_of_the_project_is_in_that_order(built_site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_site / "sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    publishers = [p.get_text(strip=True) for p in soup.select(".ed-sources__publisher > strong")]
    assert len(publishers) > 20 and publishers == sorted(publishers, key=alphabetical)
    assert publishers.index("Báo Nghệ An") < publishers.index("Brinkwire")
