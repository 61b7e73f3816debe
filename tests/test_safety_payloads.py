"""Issue 14 items 6, 8 and 9: hostile text in every field is escaped or refused in every output.

One note carries every payload in each of its text fields (and its source in title, publisher
and via); the site is built without strict mode (escaping must not depend on it), every output
file is checked, and in Chromium nothing runs. The strict build refuses the same site, and
fields where a payload cannot be made safe (ids, URLs, the article's front matter) are refused.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from annotated_edition import cli
from conftest import ROOT, SiteServer, build, make_project, mkdocs

PAYLOADS = ['<script>window.__x=1</script>', '<img src=x onerror="window.__x=2">', '"><svg onload="window.__x=3">',
            '</script><script>window.__x=4</script>', '<!--<script', 'line\u2028sep',
            '[a](javascript:window.__x=5)', '[b](data:text/html,<script>window.__x=6</script>)']
TEXT = " ".join(PAYLOADS)
WORDS = " ".join(["The record shows what the column says."] * 8)


def q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def hostile_files() -> dict[str, str]:
    note = (f"category: claims\nannotations:\n  - id: hostile\n    target:\n      paragraph: cargo-planes\n"
            f"      exact: two Russian cargo planes\n    title: {q(TEXT)}\n    verdict: imprecise\n"
            f"    summary: {q('A summary of four words ' + TEXT)}\n    body: {q(WORDS + ' ' + TEXT)}\n"
            f"    later: {{date: \"2024-12-08\", text: {q(TEXT)}}}\n    sources: [S1]\n    checked: \"2026-11-29\"\n")
    sources = (f"sources:\n  - id: S1\n    title: {q(TEXT)}\n    publisher: {q(TEXT)}\n    date: \"2019-03-24\"\n"
               f"    url: \"https://example.org/a?b=<c>&d=\\\"e\\\"\"\n    via: {q(TEXT)}\n")
    return {"claims.yml": note, "sources.yml": sources}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile") / "p", annotations=hostile_files())
    return build(project, "--no-strict")


def unsafe_in_html(html: str) -> list[str]:
    """What in an HTML text could run a payload: a script with our marker, an on* attribute, a bad URL."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        if tag.name in ("script", "svg", "iframe", "object", "embed") and "__x" in str(tag):
            found.append(str(tag)[:80])
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") or re.match(r"\s*(javascript|data):", value, re.I) and name in ("href", "src"):
                found.append(f"<{tag.name} {name}={value[:40]!r}>")
    for script in soup.find_all("script", type="application/ld+json"):
        assert "<" not in script.string and "\u2028" not in script.string
        json.loads(script.string)
    return found


@pytest.mark.build
def test_item06_every_output_escapes_every_field(hostile_site):
    pages = [p for p in hostile_site.rglob("*.html")]
    share = [p for p in pages if "/share/" in p.as_posix()]
    assert share and any(p.parent.name == "hostile" for p in share)
    for path in pages:
        assert unsafe_in_html(path.read_text(encoding="utf-8")) == [], path
    data = json.loads((hostile_site / "annotations.jsonld").read_text(encoding="utf-8"))
    for item in data["first"]["items"]:
        for body in item["body"]:
            if body.get("format") == "text/html" and "value" in body:
                assert unsafe_in_html(body["value"]) == []
    index = BeautifulSoup((hostile_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "<script>window.__x=1</script>" in index.get_text()  # the title shown as text, never as a script
    assert not [s for s in index.find_all("script") if s.get("type") != "application/ld+json" and "__x" in (s.string or "")]


@pytest.mark.build
def test_item06_the_strict_build_refuses_the_same_site(tmp_path):
    project = make_project(tmp_path / "p", annotations=hostile_files())
    result = mkdocs(project, "build")
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert re.search(r"claims\.yml:\d+:\d+: hostile: the title contains raw HTML", out)
    assert "strict: true" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.build
def test_item09_json_ld_escapes_comment_openers_and_the_page_parses(hostile_site):
    index = (hostile_site / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script [^>]*\bid="?_claim-reviews"?[^>]*>(.*?)</script>', index, re.S).group(1)
    # the comment opener left in the title's plain text (ClaimReview's name) is escaped
    assert "<!--" not in block and "\\u003c!--" in block
    assert BeautifulSoup(index[index.index(block):], "html.parser").find("footer", class_="md-footer")


@pytest.mark.browser
@pytest.mark.build
def test_item06_nothing_runs_in_chromium(browser, hostile_site):
    server = SiteServer(hostile_site)
    try:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        share = next(p for p in hostile_site.rglob("share/*/index.html") if p.parent.name == "hostile")
        for path in ["", "notes/", "sources/", share.parent.relative_to(hostile_site).as_posix() + "/"]:
            page.goto(server.url(path), wait_until="load")
            page.wait_for_function("document.readyState === 'complete'")
            for link in page.query_selector_all("a[href^='javascript:'], a[href^='data:']"):
                pytest.fail(f"{path}: a link to {link.get_attribute('href')}")
            page.hover("body")
            assert page.evaluate("window.__x") is None, path
            assert page.evaluate("!!document.querySelector('footer.md-footer')"), f"{path}: the page was swallowed"
        assert dialogs == []
        context.close()
    finally:
        server.close()


def _front(replace: dict[str, str]) -> str:
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_item08_front_matter_payloads_are_refused(tmp_path, capsys):
    source = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    dek = re.search(r"^dek: .*$", source, re.M).group(0)
    url = re.search(r"^original_url: .*$", source, re.M).group(0)
    article = _front({dek: 'dek: "A dek\\"><script>alert(1)</script>"', url: 'original_url: "javascript:alert(3)"'})
    project = make_project(tmp_path / "p", replace_files={"docs/index.md": article})
    status = cli.main(["-f", str(project / "mkdocs.yml"), "check"])
    out = "".join(capsys.readouterr())
    assert status == 1 and "Traceback" not in out
    assert re.search(r"docs/index\.md:\d+:1: dek: 'dek' contains < or >: it must be plain text", out)
    assert re.search(r"docs/index\.md:\d+:1: original_url: 'original_url' 'javascript:alert\(3\)' is not an https:// address", out)
    article = _front({"{#cargo-planes}": '{#cargo-planes onmouseover="alert(4)"}'})
    project = make_project(tmp_path / "q", replace_files={"docs/index.md": article})
    assert cli.main(["-f", str(project / "mkdocs.yml"), "check"]) == 1
    out = "".join(capsys.readouterr())
    assert re.search(r"docs/index\.md:\d+:1: cargo-planes: a paragraph's attributes may only be its id", out)
    assert re.search(r"docs/index\.md:\d+:\d+: cargo-planes: the attribute onmouseover='alert\(4\)' on a <p> could run script", out)


def test_item08_ids_and_urls_that_cannot_be_made_safe_are_refused(tmp_path, capsys):
    files = hostile_files()
    files["claims.yml"] = files["claims.yml"].replace("id: hostile", "id: '\"><script>x</script>'")
    files["sources.yml"] = files["sources.yml"].replace('url: "https://example.org/a', 'url: "javascript:alert(1)//')
    project = make_project(tmp_path / "p", annotations=files)
    assert cli.main(["-f", str(project / "mkdocs.yml"), "check"]) == 1
    out = "".join(capsys.readouterr())
    assert re.search(r"claims\.yml:3:\d+: .*'id' .* may only use lowercase", out)
    assert re.search(r"sources\.yml:\d+:\d+: S1: 'javascript:alert\(1\)//.*' is not a web address", out)


@pytest.mark.build
def test_item08_quotes_and_ampersands_in_the_title_stay_whole_in_meta(tmp_path):
    source = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    title = re.search(r"^title: .*$", source, re.M).group(0)
    author = re.search(r"^author: .*$", source, re.M).group(0)
    article = _front({title: "title: 'Russia''s \"Moves\" & Venezuela'", author: "author: 'Eli Lake & \"Co\"'"})
    site = build(make_project(tmp_path / "p", replace_files={"docs/index.md": article}))
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("meta", property="og:title")["content"] == 'Russia\'s "Moves" & Venezuela'
    assert soup.find("meta", property="og:description")["content"]  # X reads og: where its twitter: tags are missing
    assert soup.find("meta", attrs={"name": "author"})["content"] == 'Eli Lake & "Co"'
    assert soup.title.string.startswith('Russia\'s "Moves" & Venezuela')
