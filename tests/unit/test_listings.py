"""The Sources listing files publishers as a reader looks them up (listings.alphabetical)."""

from __future__ import annotations

from annotated_edition.contents import contents_of
from annotated_edition.listings import alphabetical, listing_problems


def test_publishers_sort_with_accents_and_case_set_aside():
    names = ["Xinhua", "Brinkwire", "Báo Nghệ An", "argus Media", "Élysée", "El País"]
    assert sorted(names, key=alphabetical) == ["argus Media", "Báo Nghệ An", "Brinkwire", "El País", "Élysée", "Xinhua"]


def test_the_sources_page_of_the_project_is_in_that_order(built_site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_site / "sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    publishers = [p.get_text(strip=True) for p in soup.select(".ed-sources__publisher > strong")]
    assert len(publishers) > 20 and publishers == sorted(publishers, key=alphabetical)
    assert publishers.index("Báo Nghệ An") < publishers.index("Brinkwire")


def test_contents_of_a_listing_nest_its_h3_under_its_h2_and_escape_their_text():
    html = ('<h2 id="by-category">By category</h2><h3 id="category-claims">Claims (48)</h3><h3>No id</h3>'
            '<h2 id="by-paragraph">By paragraph</h2><h3 id="paragraph-p1"><a href="../#p1">“A &lt;b&gt; tag”</a></h3>')
    assert contents_of(html) == [
        {"level": 2, "id": "by-category", "name": "By category",
         "children": [{"level": 3, "id": "category-claims", "name": "Claims (48)", "children": []}]},
        {"level": 2, "id": "by-paragraph", "name": "By paragraph",
         "children": [{"level": 3, "id": "paragraph-p1", "name": "“A &lt;b&gt; tag”", "children": []}]},
    ]


def test_contents_of_reads_a_heading_as_beautiful_soup_does():
    """The listing is read with html.parser.HTMLParser; its headings' text is what Beautiful Soup's get_text gives
    (no comments, scripts or styles; the text of a heading left open inside another counts for both)."""
    from bs4 import BeautifulSoup

    html = ('<h2 id="">Empty id</h2><h2 id="a">x<!-- c -->y<script>z</script>w &amp; <b>b</b><style>s</style></h2>'
            '<h3 id=q>t</h3><h2>no id<h3 id="k">inside</h3></h2><h2 id="x">A<h3 id="y">B</h2>C<h3 id="z">D</h3>')
    expected = [(int(h.name[1]), h["id"], h.get_text())
                for h in BeautifulSoup(html, "html.parser").find_all(["h2", "h3"], id=True)]
    flat = [(t["level"], t["id"], t["name"]) for token in contents_of(html) for t in [token, *token["children"]]]
    assert flat == [(level, hid, text.replace("&", "&amp;")) for level, hid, text in expected]


def test_the_index_tallies_each_categorys_verdicts_in_the_scales_order(built_site):
    # (a reader looked for "how many claims are wrong" and found 70 rows to count)
    from collections import Counter

    from bs4 import BeautifulSoup
    from conftest import project_notes, project_settings

    settings = project_settings()
    soup = BeautifulSoup((built_site / "notes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    tallies = soup.select("div.ed-tally")
    with_verdicts = [c for c in settings.categories.values() if c.verdicts]
    assert len(tallies) == len(with_verdicts) == 1
    # "Verdicts: 26 Accurate, 8 Imprecise, ...": each count before its badge (after it, it read as a footnote number)
    shown = [(li.select_one(".ed-verdict")["class"][1].removeprefix("ed-verdict--"), int(li.get_text().split("\xa0")[0]))
             for li in tallies[0].select("li.ed-tally__item")]
    counts = Counter(a.verdict.id for a in project_notes().annotations if a.verdict)
    assert shown == [(v, counts[v]) for v in settings.verdicts if counts[v]]
    assert sum(n for _, n in shown) == sum(1 for a in project_notes().annotations if a.category.verdicts)
    # a list, one item per verdict: a comma-separated line read "1 Accurate then, superseded" as two items
    assert [li.select(".ed-verdict").__len__() for li in tallies[0].select("ul > li")] == [1] * len(shown)


def test_first_words_end_in_one_ellipsis():
    from annotated_edition.listings import first_words

    assert first_words("The main value of Russia's move is symbolic. Moscow has", 8) == "The main value of Russia's move is symbolic…"
    assert first_words("One, two, three", 2) == "One, two…"
    assert first_words("Is it over? Not yet", 3) == "Is it over?…"
    assert first_words("Short text.", 8) == "Short text."


def test_a_page_meant_as_a_listing_that_would_show_none_is_a_problem():
    """'edition_page: correction' (or front matter that does not parse) published the About page without its
    corrections, and check and build said nothing."""
    pages = {"about.md": "---\ntitle: About\nedition_page: correction\n---\n\n# About\n",
             "notes.md": "---\nedition_page: [notes-index\n---\n\n# Index\n",
             "sources.md": "---\nedition_page: sources\n---\n\n# Sources\n", "plain.md": "# Plain\n"}
    pages["notes-world.md"] = "---\nedition_page: notes-index\nannotations_of: world/harbor.md\n---\n\n# Index\n"
    found = [p.format() for p in listing_problems(pages, "docs", ["index.md", "world/harbour.md"])]
    assert found == [
        "docs/about.md:3:1: edition_page: 'correction' is no kind of listing, so the page would be published without its "
        "list; write one of: sources, notes-index, corrections",
        "docs/notes.md:1:1: edition_page: the front matter does not parse, so the page would be published without its "
        "list, and with its front matter as text; fix its YAML (put a value holding ': ', '[' or '#' in quotes)",
        "docs/notes-world.md:3:1: annotations_of: 'world/harbor.md' is not an annotated page of mkdocs.yml; write one of: "
        "index.md, world/harbour.md"]



def test_a_front_matter_key_written_twice_is_said_on_any_page():
    """MkDocs keeps the last 'title:' of two without a word; an annotated page's own check says it, so it is not
    said twice."""
    twice = "---\ntitle: A\ntitle: B\n---\n\n# B\n"
    found = listing_problems({"about.md": twice, "index.md": twice, "plain.md": "# Plain\n"}, "docs", ["index.md"])
    assert [(p.file, p.line, p.column, p.severity) for p in found] == [("docs/about.md", 3, 1, "warning")]
    assert "duplicate key 'title' (first at line 2)" in found[0].what


def test_a_page_saying_annotated_that_mkdocs_yml_does_not_list_is_an_error():
    """It was published without its notes, and neither the check nor the build said a word."""
    page = "---\ntitle: Harbour\nannotated: true\n---\n\nText.\n"
    [problem] = listing_problems({"world/harbour.md": page, "index.md": page}, "docs", ["index.md"])
    assert (problem.file, problem.line, problem.severity) == ("docs/world/harbour.md", 3, "error")
    assert "'pages:' in mkdocs.yml does not list it" in problem.what
    assert "- {page: world/harbour.md, annotations: <its notes folder>}" in problem.todo
