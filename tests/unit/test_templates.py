"""templates: Jinja2 with autoescape; JSON for <script> elements through json_script; site overrides."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from annotated_edition.links import Links
from annotated_edition.model import Annotation, Source
from annotated_edition.rendering import Renderer
from annotated_edition.anchoring import Anchor
from annotated_edition.merge import Placed
from annotated_edition.templates import TemplateProblem, Templates, json_script
from conftest import project_settings

SETTINGS = project_settings()
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def annotation(**kw) -> Annotation:
    base = dict(id="n-one", category=SETTINGS.categories["claims"], paragraph="p1", exact="x", title="A title",
                summary="A summary.", body="A body.", checked="2026-11-29", verdict=SETTINGS.verdicts["accurate"],
                sources=[Source("S1", "A source", "A publisher", "2019-03-27", "https://example.org/")])
    base.update(kw)
    return Annotation(**base)


def render(name: str, **context) -> str:
    return Templates(Renderer()).render(name, **context)


def test_a_title_with_a_script_never_reaches_html_raw():
    a = annotation(title=f"Title {HOSTILE}", summary=f"Summary {HOSTILE}", body=f"Body {HOSTILE}",
                   sources=[Source("S1", f"Source {HOSTILE}", f"Pub {HOSTILE}", "2019", "https://example.org/")])
    for html in (render("note", a=a, number=1, links=Links({})), render("marker", notes=[Placed(a, 1, Anchor(0, 1))]),
                 render("share", a=a, page_url="https://e.org/", share_url="https://e.org/share/n-one/", image_url="",
                        site_name=f"Site {HOSTILE}", back="../../#n-one")):
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("script") is None and soup.find("img") is None, html
        assert not [t for t in soup.find_all(True) if any(k.startswith("on") for k in t.attrs)]
        assert "<script>" not in html


def test_the_note_shows_the_title_as_text():
    html = render("note", a=annotation(title="Fish & chips, 3 < 5"), number=7, links=Links({}))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".ed-note__title").get_text() == "Fish & chips, 3 < 5"
    assert "3 &lt; 5" in html
    assert soup.select_one("aside .ed-note__num").get_text() == "7" and soup.find("aside")["id"] == "n-one"


def test_an_attribute_value_cannot_break_out():
    a = annotation(title='" onmouseover="alert(1)')
    soup = BeautifulSoup(render("share", a=a, page_url="https://e.org/", share_url="https://e.org/s/", image_url="",
                                site_name="S", back="#n-one"), "html.parser")
    assert all(not k.startswith("on") for t in soup.find_all(True) for k in t.attrs)
    assert soup.find("meta", property="og:title")["content"].startswith('" onmouseover="alert(1)')


def test_json_script_escapes_script_end_and_line_separators():
    data = {"name": "</script><script>alert(1)</script>", "text": "a\u2028b\u2029c", "amp": "&"}
    out = str(json_script(data))
    assert "</script" not in out.lower() and "<" not in out and ">" not in out
    assert "\u2028" not in out and "\u2029" not in out and "&" not in out
    assert json.loads(out) == data


def test_claim_reviews_are_script_safe():
    reviews = [{"@type": "ClaimReview", "claimReviewed": "</script><b>x</b>"}]
    html = render("claim_reviews", reviews=reviews)
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and json.loads(scripts[0].string) == reviews
    assert soup.find("b") is None


def test_a_site_template_overrides_the_package_one(tmp_path):
    (tmp_path / "annotated_edition").mkdir()
    (tmp_path / "annotated_edition" / "marker.html").write_text('<a class="mine">{{ notes[0].number }} {{ notes[0].annotation.title }}</a>',
                                                                 encoding="utf-8")
    html = Templates(Renderer(), tmp_path).render("marker", notes=[Placed(annotation(title="<i>"), 3, Anchor(0, 1))])
    assert html == '<a class="mine">3 &lt;i&gt;</a>'
    assert "mine" not in render("marker", notes=[Placed(annotation(), 3, Anchor(0, 1))])


def _override(tmp_path, name: str, text: str) -> Templates:
    (tmp_path / "annotated_edition").mkdir(parents=True, exist_ok=True)
    (tmp_path / "annotated_edition" / name).write_text(text, encoding="utf-8")
    return Templates(Renderer(), tmp_path, tmp_path)


def test_an_override_that_does_not_parse_is_an_error_at_its_line(tmp_path):
    templates = _override(tmp_path, "marker.html", "<a>\n{% if %}</a>\n")
    [problem] = templates.problems()
    assert (problem.file, problem.line, problem.severity) == ("annotated_edition/marker.html", 2, "error")
    assert "delete it to use the engine's own" in problem.todo
    with pytest.raises(TemplateProblem) as raised:  # (the build stops with the same line)
        templates.render("marker", notes=[Placed(annotation(), 3, Anchor(0, 1))])
    assert str(raised.value) == problem.format()


def test_an_override_that_names_no_template_is_a_warning(tmp_path):
    [problem] = _override(tmp_path, "notes.html", "<a></a>").problems()
    assert problem.severity == "warning" and "overrides nothing" in problem.what and "note.html" in problem.todo
    assert _override(tmp_path / "b", "note.html", "{{ a.title }}").problems() == []


def test_an_override_that_fails_while_rendering_names_its_file_and_line(tmp_path):
    templates = _override(tmp_path, "marker.html", "<a>\n{{ annotation.title }}</a>\n")
    with pytest.raises(TemplateProblem) as raised:
        templates.render("marker", notes=[Placed(annotation(), 3, Anchor(0, 1))])
    assert str(raised.value) == ("annotated_edition/marker.html:2: template: 'annotation' is undefined (it is given: "
                                 "notes); fix it, or delete it to use the engine's own")


@pytest.mark.parametrize("text, said", [
    ("<a>\n{{ notes[0].annotation.sumary | inline }}</a>", "has no attribute 'sumary'"),  # (was a TypeError in the filter)
    ("<a>\n{{ notes[0].number + 'x' }}</a>", "TypeError: unsupported operand"),
])
def test_an_override_that_fails_in_a_filter_or_an_expression_names_its_line(tmp_path, text, said):
    with pytest.raises(TemplateProblem) as raised:
        _override(tmp_path, "marker.html", text).render("marker", notes=[Placed(annotation(), 3, Anchor(0, 1))])
    assert str(raised.value).startswith("annotated_edition/marker.html:2: template: ") and said in str(raised.value)
