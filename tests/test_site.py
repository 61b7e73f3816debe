"""The published site under a project subpath (/demo-repo/), as GitHub Pages serves it (issue 7).

A crawler on Beautiful Soup follows every page, asset, link and #fragment of the built site
through a local server; Chromium then loads the article and the 404 page and must see no
failed request and no request to any other host (cases C14 and C16).
"""

from __future__ import annotations

import re

import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SITE_URL, SUBPATH, screenshot


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read(), r.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers.get("Content-Type", "")


def references(soup: BeautifulSoup) -> list[str]:
    refs = [t["href"] for t in soup.find_all(["a", "link"], href=True)]
    refs += [t["src"] for t in soup.find_all(["script", "img", "source", "iframe"], src=True)]
    refs += [t["content"] for t in soup.find_all("meta", content=True)
             if t.get("property") in ("og:image", "og:url") or t.get("name") == "twitter:image"]
    return refs


def test_crawl_every_page_asset_link_and_fragment(site_server):
    origin = site_server.origin
    start = site_server.url("")
    assert start == SITE_URL
    queue, seen, pages = [start], set(), {}
    fragments: list[tuple[str, str, str]] = []
    broken: list[str] = []
    external: set[str] = set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, ctype = fetch(url)
        if status != 200:
            broken.append(f"{status} {url}")
            continue
        if "text/html" not in ctype:
            continue
        soup = BeautifulSoup(body, "html.parser")
        pages[url] = {t["id"] for t in soup.find_all(id=True)} | {t["name"] for t in soup.find_all("a", attrs={"name": True})}
        for ref in references(soup):
            absolute = urljoin(url, ref)
            target, fragment = urldefrag(absolute)
            if not target.startswith(origin):
                assert not target.startswith(("javascript:", "data:")), (url, ref)
                if target.startswith("http"):
                    external.add(target)
                continue
            assert urlsplit(target).path.startswith(SUBPATH), f"{url} links outside the subpath: {ref}"
            if fragment:
                fragments.append((url, target, fragment))
            queue.append(target)
    assert not broken, broken
    missing = [f"{src} -> {target}#{frag}" for src, target, frag in fragments
               if target in pages and frag not in pages[target] and not frag.startswith(":~:")]
    assert not missing, missing[:10]
    assert len(pages) >= 5 + 60  # article, about, sources, index, 404-free pages, one share page per note
    # every external link is https, or a source registered as having no https address
    assert external
    http_only = registered_http_only(ROOT / "annotations" / "sources.yml")
    assert all(u.startswith("http://") for u in http_only)
    assert [u for u in external if not u.startswith("https://") and u not in http_only] == []


def registered_http_only(path: Path) -> set[str]:
    """The URLs of the source list's entries marked ``http_only: true`` (no https address exists)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["sources"]
    return {e["url"] for e in entries if str(e.get("http_only", "")).lower() == "true"}


def test_only_registered_sources_may_be_http(tmp_path):
    """The exemption above covers the marked entries only: an unmarked http:// source is not exempt."""
    (tmp_path / "sources.yml").write_text(
        "sources:\n  - {id: A, title: a, publisher: p, date: '2019', url: 'http://a.example/'}\n"
        "  - {id: B, title: b, publisher: p, date: '2019', url: 'http://b.example/', http_only: true}\n"
        "  - {id: C, title: c, publisher: p, date: '2019', url: 'https://c.example/'}\n", encoding="utf-8")
    assert registered_http_only(tmp_path / "sources.yml") == {"http://b.example/"}


def test_sitemap_lists_pages_under_the_site_url(site_server):
    status, body, _ = fetch(site_server.url("sitemap.xml"))
    assert status == 200
    locs = [e.text for e in ET.fromstring(body).iter() if e.tag.endswith("loc")]
    assert SITE_URL in locs and f"{SITE_URL}about/" in locs
    for loc in locs:
        assert loc.startswith(SITE_URL) and fetch(loc)[0] == 200


def test_canonical_social_metadata_and_credit(site_server):
    soup = BeautifulSoup(fetch(site_server.url(""))[1], "html.parser")
    assert soup.find("link", rel="canonical")["href"] == SITE_URL
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:title"].startswith("Russia's Moves in Venezuela")
    assert og["og:url"] == SITE_URL and og["og:image"] == f"{SITE_URL}assets/social-card.png"
    assert og["og:description"]
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    original = "https://www.themoscowtimes.com/2019/03/27/russias-moves-in-venezuela-arent-that-ominous-a6498"
    assert soup.select(f'.ed-editor-note a[href="{original}"]'), "credit and link to the original"
    assert fetch(og["og:image"])[0] == 200


def test_each_note_has_a_share_page_with_its_own_preview(site_server):
    soup = BeautifulSoup(fetch(site_server.url(""))[1], "html.parser")
    notes = soup.select("aside.ed-note")
    assert notes
    for note in notes[:5] + notes[-3:]:
        status, body, _ = fetch(site_server.url(f"share/{note['id']}/"))
        assert status == 200
        share = BeautifulSoup(body, "html.parser")
        og = {m["property"]: m["content"] for m in share.find_all("meta", property=True)}
        assert note.select_one(".ed-note__title").get_text() in og["og:title"]
        assert og["og:url"] == f"{SITE_URL}share/{note['id']}/"
        assert share.find("link", rel="canonical")["href"] == f"{SITE_URL}#{note['id']}"


@pytest.mark.browser
def test_404_page_is_styled_under_the_subpath(browser, site_server):
    for path in ("nope", "a/b/c"):
        status, body, _ = fetch(site_server.url(path))
        assert status == 404
        soup = BeautifulSoup(body, "html.parser")
        assert "Page not found" in soup.get_text()
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        failed, foreign = [], []
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on("response", lambda r: r.status >= 400 and not r.url.endswith(path) and failed.append(f"{r.status} {r.url}"))
        page.on("request", lambda r: not r.url.startswith(site_server.origin) and foreign.append(r.url))
        page.goto(site_server.url(path))
        page.wait_for_load_state("load")
        assert failed == [] and foreign == []
        # styled: Material's stylesheet applied (the header is a fixed bar, not unstyled text)
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        home = page.locator(".md-content a", has_text="front page")
        assert urlsplit(home.evaluate("a => a.href")).path == SUBPATH
        if path == "a/b/c":
            screenshot(page, "404-deep-1440")
        context.close()


@pytest.mark.browser
def test_article_loads_with_no_failed_or_third_party_request(open_page):
    for viewport in ({"width": 1440, "height": 900}, {"width": 390, "height": 844}):
        page = open_page("", viewport=viewport, fresh=True)  # (cold: nothing served from a cache)
        page.wait_for_load_state("networkidle")  # every request the page makes has been made
        assert page.problems == []


@pytest.mark.build
def test_no_page_sends_a_referrer_to_the_sources_it_links(built_site, open_page):
    """Every page the site serves asks, first thing in its head, for no Referer header (one meta element
    instead of rel="noreferrer" on every link), and the browser applies it to the links to sources."""
    for path in built_site.rglob("*.html"):
        if "share" in path.relative_to(built_site).parts:
            continue  # (a share page only forwards to the note)
        html = path.read_text(encoding="utf-8")
        head = html[html.index("<head"):html.index("</head>")]
        assert len(re.findall(r'<meta\b[^>]*\bname="?referrer"?[^>]*\bcontent="?no-referrer"?', head)) == 1 or \
            len(re.findall(r'<meta\b[^>]*\bcontent="?no-referrer"?[^>]*\bname="?referrer"?', head)) == 1, path
    # in the browser: a link followed from the article sends no referrer (here to the Sources page, same site)
    page = open_page("")
    with page.expect_navigation():
        page.locator("a.ed-legend__sources").click()
    assert page.url.endswith("/sources/") and page.evaluate("document.referrer") == ""


def test_workflow_is_linted_and_deploys_with_the_official_actions():
    workflow = ROOT / ".github" / "workflows" / "pages.yml"
    actionlint = Path(sys.executable).parent / "actionlint"
    result = subprocess.run([str(actionlint), str(workflow)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    spec = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert spec["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert spec["concurrency"]["group"]
    steps = [s for job in spec["jobs"].values() for s in job["steps"]]
    uses = " ".join(s.get("uses", "") for s in steps)
    runs = " ".join(s.get("run", "") for s in steps)
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert "make test" in runs and "make build" in runs
    assert "--strict" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_no_script_holds_up_the_articles_first_paint(built_site):
    """Material's script and ours are deferred: they run once the page is parsed, in order, and the first paint
    waits only for the document and its stylesheets (Lighthouse mobile: 1.2 s, not 1.6-1.85 s; tests/test_weight.py)."""
    page = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    external = page.find_all("script", src=True)
    assert len(external) >= 2 and [s["src"] for s in external if not s.has_attr("defer")] == [], external


def test_no_root_absolute_urls_in_our_output(built_site):
    """Everything we emit is relative or built from site_url: nothing breaks under /<repo>/."""
    for page in [built_site / "index.html", built_site / "sources" / "index.html", built_site / "notes" / "index.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for ref in references(soup):
            assert not (ref.startswith("/") and not ref.startswith("//")), (page.name, ref)
    js = (ROOT / "scripts" / "annotated_edition" / "assets" / "edition.js").read_text(encoding="utf-8")
    import re

    assert not re.findall(r"[\"'`]/[A-Za-z]", js), "root-absolute URL in edition.js: build it from location"
