"""rendering: an editor's Markdown to sanitised HTML (nh3), the one sanitising point; and its warnings."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from annotated_edition.rendering import Renderer, human_date

R = Renderer()


def tags(html) -> list[str]:
    return [t.name for t in BeautifulSoup(str(html), "html.parser").find_all(True)]


@pytest.mark.parametrize("markdown", [
    "<script>alert(1)</script> text",
    'An <img src=x onerror="alert(1)"> image',
    "<iframe src='https://e.org'></iframe>",
    '<div style="position:fixed" onclick="x()">styled</div>',
    "<style>body{display:none}</style>",
])
def test_raw_html_is_stripped(markdown):
    html = str(R.body(markdown))
    soup = BeautifulSoup(html, "html.parser")
    assert not set(tags(html)) & {"script", "img", "iframe", "div", "style"}, html
    assert all(not k.startswith("on") and k != "style" for t in soup.find_all(True) for k in t.attrs), html


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
                                  "vbscript:x"])
def test_unsafe_link_schemes_are_removed(link):
    html = str(R.body(f"[home]({link})"))
    hrefs = [a.get("href") for a in BeautifulSoup(html, "html.parser").find_all("a")]
    assert all(h is None or not h.lower().startswith(("javascript:", "data:", "vbscript:")) for h in hrefs), html


def test_safe_markdown_survives():
    html = str(R.body("Intro with *emphasis* and [a link](https://example.org/).\n\n- one\n- two\n"))
    assert tags(html) == ["p", "em", "a", "ul", "li", "li"]
    assert 'href="https://example.org/"' in html and "rel=" not in html  # (the page's referrer policy covers it)


def test_a_stray_closing_tag_cannot_close_the_page():
    html = str(R.body("Text </div></article> more"))
    assert "</div>" not in html and "</article>" not in html


def test_relative_links_go_through_the_resolver_and_headings_become_bold():
    html = str(R.body("See [about](about.md#x) and [x](https://e.org/).\n\n## Heading", lambda p: "../" + p))
    assert 'href="../about.md#x"' in html and 'href="https://e.org/"' in html
    assert "<h2" not in html and "<strong>Heading</strong>" in html


def test_inline_and_plain():
    assert str(R.inline("Fish & chips, 3 < 5")) == "Fish &amp; chips, 3 &lt; 5"
    assert str(R.inline("A <chips> tag")) == "A  tag"  # raw HTML is removed (and reported by the check)
    assert str(R.inline("*Bold* <script>x</script>")).startswith("<em>Bold</em>")
    assert "<script" not in str(R.inline("*Bold* <script>x</script>"))
    assert "<p>" not in str(R.inline("Just *one* line"))
    assert R.plain("*Fish* & chips") == "Fish & chips"


def test_body_issues():
    kinds = {what.split(",")[0] for _severity, what, _todo, _typed in R.body_issues("# Head\n\n<b>x</b> [a](javascript:x)")}
    assert any("heading" in k for k in kinds) and any("raw HTML" in k for k in kinds)
    assert any("javascript:x" in what for _s, what, _t, _typed in R.body_issues("[a](javascript:x)"))
    assert R.body_issues("Plain text with `<code>` and [a](https://e.org/).") == []
    # each issue names the words at fault, so the check can tell their line
    assert [typed for *_rest, typed in R.body_issues("Text.\n\n## Head\n\n<b>x</b> [a](javascript:x)")] == [
        "## Head", "<b>", "javascript:x"]


def test_an_image_in_a_body_is_a_warning_not_a_silent_loss():
    """The sanitiser removes images (a note links to what it shows): the editor hears of it, and a strict build
    refuses it, instead of an empty paragraph in its place."""
    issues = R.body_issues("![tracker](https://evil.example/pixel.png)")
    assert [(severity, what.split(" (")[0]) for severity, what, _todo, _typed in issues] == [("warning", "the body contains an image")]
    assert "<img" not in str(R.body("![tracker](https://evil.example/pixel.png)"))
    assert R.body_issues("An exclamation! [a link](https://e.org/)") == []


@pytest.mark.parametrize("iso, human", [("2019-03-27", "27 March 2019"), ("2019-03", "March 2019"),
                                        ("2019", "2019"), ("undated", "undated"), ("2019-13-01", "2019-13-01")])
def test_human_date(iso, human):
    assert human_date(iso) == human


def test_every_page_asks_for_no_referrer_once_and_first_in_its_head():
    from annotated_edition.rendering import with_referrer_policy

    page = '<!doctype html><html><head lang="en"><link rel="stylesheet" href="a.css"></head><body><a href="https://x.org/">x</a>'
    out = with_referrer_policy(page)
    assert out.startswith('<!doctype html><html><head lang="en"><meta name="referrer" content="no-referrer"><link')
    assert with_referrer_policy(out) == out
    assert with_referrer_policy("<p>no head</p>") == "<p>no head</p>"
    assert "&lt;" not in out



def test_a_markdown_autolink_is_no_raw_html():
    """<https://...> is Markdown (a link); it was warned about as raw HTML, and a strict build refused it."""
    assert R.body_issues("See <https://example.com/a> or <desk@example.org>.") == []
    assert 'href="https://example.com/a"' in str(R.body("See <https://example.com/a>."))
    assert [what.split(",")[0] for _s, what, _t, _typed in R.body_issues("See <b>this</b>.")] == [
        "the body contains raw HTML"]


@pytest.mark.parametrize("body, what", [("| Year | Debt |\n|---|---|\n| 2020 | 1 |", "a table"),
                                        ("A claim.[^1]\n\n[^1]: The note.", "a footnote"),
                                        ("```\ncode\n```", "a fenced code block")])
def test_markdown_a_note_does_not_render_is_a_warning(body, what):
    """A table, a footnote or a fenced code block showed as typed (pipes, [^1], backticks) without a word."""
    assert [(severity, found.split(",")[0]) for severity, found, _todo, _typed in R.body_issues(body)] == [
        ("warning", f"the body contains {what}")]
    assert R.body_issues("A pipe | in a sentence, and a list:\n\n- one\n- two") == []
