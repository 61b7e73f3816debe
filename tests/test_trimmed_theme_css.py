"""Issue 13, point 10: the theme's stylesheets lose the rules no page can use (``purge_css``), and
nothing a reader sees changes: every element's computed style (but the unused custom properties
themselves), and its ``::before``/``::after``,
is the same with the trimmed stylesheets as with Material's own, on every kind of page, in both
colour schemes, with a note open, the phone's navigation drawer open and search showing results."""

from __future__ import annotations

import re

import pytest

from conftest import DESKTOP, LAID, PHONE

pytestmark = pytest.mark.browser

TRIMMED = re.compile(r"/assets/stylesheets/(\w+)\.(\w+)\.[0-9a-f]{8}\.min\.css$")

STYLES = """() => {
  const HORIZONTAL_MARGIN = /^margin-(left|right|inline-start|inline-end)$/;
  // every computed style lists the same standard properties (then the custom ones it inherits): name
  // them once (reading them by index is six times slower)
  const names = Array.from(getComputedStyle(document.documentElement))
    .filter(name => !name.startsWith('--') && !HORIZONTAL_MARGIN.test(name));
  const out = [];
  const all = document.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(all[i], pseudo);
      if (pseudo && cs.content === 'none') continue;
      // Chromium resolves an auto horizontal margin to 0 or to its used value from one load to the
      // next (same box, same place): compare where the box is instead of that resolved value
      let text = '';
      if (!pseudo) {
        const r = all[i].getBoundingClientRect();
        text += 'box:' + [r.left, r.top, r.width, r.height].map(Math.round).join(',') + ';';
      }
      for (const name of names) text += name + ':' + cs.getPropertyValue(name) + ';';
      out.push((all[i].id || all[i].className.baseVal || all[i].className || all[i].tagName) + (pseudo || '') + ' ' + text);
    }
  }
  // the strings stay in the page (about 20 MB on the article): Python receives one FNV-1a hash per entry
  window.__styles = out;
  return out.map(s => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h >>> 0;
  });
}"""
SETTLED = "document.getAnimations().every(a => a.playState !== 'running')"


def _collect(page, act) -> list[int]:
    """One hash per element and pseudo-element of ``page`` (after ``act``); the strings stay in ``window.__styles``."""
    page.wait_for_function(LAID, polling=50)
    if act:
        act(page)
        # two frames: a transition the act starts (the hovered drawer button fades to .7) is running by then; it
        # could start after the check below, so that one page was captured before it and the other after
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function(SETTLED, polling=50)
    return page.evaluate(STYLES)


def _open_note(page):
    page.locator("a.ed-marker").nth(3).click()
    page.wait_for_function("document.querySelector('.ed-note.is-open, .ed-group.is-open')")


def _search(page):
    if not page.locator("input.md-search__input").is_visible():
        page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").press_sequentially("Maduro")
    page.locator("a.md-search-result__link").first.wait_for(state="visible")
    # Material locks the body's scroll on a phone 400 ms after search opens: wait for that state
    page.wait_for_function("document.body.hasAttribute('data-md-scrolllock') === innerWidth < 960")


def _drawer(page):
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function("document.getElementById('__drawer').checked")


CASES = [
    ("", DESKTOP, _open_note, {}),
    ("", DESKTOP, _search, {"color_scheme": "dark"}),
    ("", PHONE, _drawer, {}),
    ("", PHONE, _search, {}),
    ("about/", DESKTOP, None, {"color_scheme": "dark"}),
    ("sources/", DESKTOP, None, {}),
    ("notes/", PHONE, None, {}),
    ("404.html", DESKTOP, None, {}),
]


def test_the_site_uses_trimmed_theme_stylesheets(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="?(assets/stylesheets/[^" >]+)', html)
    assert links and all(TRIMMED.search("/" + link) for link in links), links
    for link in links:
        trimmed = (built_site / link).stat().st_size
        original = TRIMMED.sub(lambda m: f"/assets/stylesheets/{m[1]}.{m[2]}.min.css", "/" + link)
        assert trimmed < 0.75 * (built_site / original.lstrip("/")).stat().st_size, link


@pytest.mark.parametrize("path,viewport,act,options", CASES, ids=[f"{c[0] or 'article'}-{c[1]['width']}-"
                                                                  f"{c[2].__name__.strip('_') if c[2] else 'load'}"
                                                                  f"-{c[3].get('color_scheme', 'light')}" for c in CASES])
def test_trimmed_stylesheets_change_no_computed_style(browser, site_server, built_site, path, viewport, act, options):
    pages, contexts = [], []
    try:
        for original in (False, True):
            context = browser.new_context(viewport=viewport, reduced_motion="reduce", **options)
            contexts.append(context)
            page = context.new_page()
            if original:
                def untrimmed(route):
                    m = TRIMMED.search(route.request.url)
                    route.fulfill(path=built_site / "assets" / "stylesheets" / f"{m[1]}.{m[2]}.min.css",
                                  content_type="text/css")
                page.route(TRIMMED, untrimmed)
            page.goto(site_server.url(path))
            pages.append((page, _collect(page, act)))
        (trimmed_page, trimmed), (untrimmed_page, untrimmed) = pages
        assert len(trimmed) == len(untrimmed)
        differences = [i for i, (a, b) in enumerate(zip(trimmed, untrimmed)) if a != b]
        if differences:
            a, b = (p.evaluate("i => window.__styles[i]", differences[0]) for p in (trimmed_page, untrimmed_page))
            first = [(x, y) for x, y in zip(a.split(";"), b.split(";")) if x != y][:5]
            pytest.fail(f"{len(differences)} elements styled differently; first: {a.split(' ')[0]}: {first}")
    finally:
        for context in contexts:
            context.close()
