"""Accessibility of the annotated article: axe-core (axe-playwright-python) at 1440 and 390 px,
light and dark schemes, notes closed and opened; highlight text contrast in both schemes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import DESKTOP, PHONE, screenshot

AXE = Axe()
SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"])
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440", "390"])


def violations(page) -> list[str]:
    results = AXE.run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                                                      for n in v["nodes"][:5])
            for v in results.response["violations"]]


def open_scheme(open_page, path: str, viewport: dict, scheme: str, **options):
    page = open_page(path, viewport=viewport, color_scheme=scheme, **options)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected, "the palette follows the media query"
    return page


@SCHEMES
@VIEWPORTS
def test_axe_reports_no_violations(open_page, viewport, scheme):
    page = open_scheme(open_page, "", viewport, scheme)
    found = violations(page)
    screenshot(page, f"axe-{viewport['width']}-{scheme}")
    assert not found, "\n".join(found)


@SCHEMES
@VIEWPORTS
def test_axe_with_notes_opened_and_a_note_targeted(open_page, viewport, scheme):
    """The states the reader creates: every note open (phone), details open, a linked note and paragraph."""
    page = open_scheme(open_page, "#war-of-words", viewport, scheme)
    if viewport is PHONE:
        page.locator(".ed-legend__toggle-all").click()
    for summary in page.locator(".ed-note summary").all()[:6]:
        summary.evaluate("s => s.parentElement.open = true")
    page.locator("#cargo-planes").hover()
    found = violations(page)
    assert not found, "\n".join(found)


@VIEWPORTS
def test_axe_without_javascript(open_page, site_server, viewport):
    """The page as it renders without JavaScript: its scripts are removed (axe itself needs JavaScript)."""
    import re

    page = open_page(None, viewport=viewport)

    def strip_scripts(route, request):
        response = route.fetch()
        html = re.sub(r"<script\b[^>]*>.*?</script>", "", response.text(), flags=re.S | re.I)
        route.fulfill(response=response, body=html)

    page.route(site_server.url(""), strip_scripts)
    page.goto(site_server.url(""))
    assert not page.evaluate("document.documentElement.classList.contains('ed-js')")
    assert page.locator(".ed-note").first.is_visible()
    found = violations(page)
    assert not found, "\n".join(found)


# ---- highlight colours keep the text readable (>= 4.5:1) in both schemes ----

def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _blend(top: list[float], bottom: tuple[float, float, float]) -> tuple[float, float, float]:
    alpha = top[3]
    return tuple(top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3))


def contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


COLOURS = """() => {
  const parse = c => { const ctx = document.createElement('canvas').getContext('2d'); ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
  const page = parse(getComputedStyle(document.body).backgroundColor);
  const out = {page, hl: {}, cat: {}};
  for (const cat of ['claims', 'sourcing', 'syria-analogy', 'sanctions']) {
    const hl = document.querySelector('.ed-hl--' + cat), label = document.querySelector('.ed-note--' + cat + ' .ed-cat');
    out.hl[cat] = {fg: parse(getComputedStyle(hl).color), bg: parse(getComputedStyle(hl).backgroundColor)};
    out.cat[cat] = {fg: parse(getComputedStyle(label).color), bg: parse(getComputedStyle(label.closest('.ed-note')).backgroundColor)};
  }
  return out;
}"""


# the text inside highlights in the lines set in grey (dek, "Related article", republication line): its
# colour, and the page, highlight and nested highlight backgrounds under it, composited
LINES_IN_HIGHLIGHTS = """() => {
  const parse = c => { const ctx = document.createElement('canvas').getContext('2d'); ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
  return [...document.querySelectorAll(':is(.ed-dek, .ed-related, .ed-republication) .ed-hl')].map(h => {
    const layers = [];
    for (let e = h; e; e = e.parentElement) layers.unshift(parse(getComputedStyle(e).backgroundColor));
    return {line: h.closest('p').className, note: h.dataset.note, fg: parse(getComputedStyle(h).color), layers};
  });
}"""


@SCHEMES
def test_text_in_highlights_on_grey_lines_keeps_contrast(open_page, scheme):
    page = open_scheme(open_page, "", DESKTOP, scheme)
    found = page.evaluate(LINES_IN_HIGHLIGHTS)
    assert {f["line"] for f in found} >= {"ed-dek", "ed-related", "ed-republication"}
    report = []
    for item in found:
        bg = (255.0, 255.0, 255.0)
        for layer in item["layers"]:
            bg = _blend(layer, bg)
        ratio = contrast(_blend(item["fg"], bg), bg)
        report.append(f"{item['line']} {item['note']}: {ratio:.2f}:1")
        assert ratio >= 4.5, report[-1]
    print(f"\n{scheme}: " + "; ".join(report))


@SCHEMES
def test_highlight_colours_keep_text_contrast(open_page, scheme):
    page = open_scheme(open_page, "", DESKTOP, scheme)
    colours = page.evaluate(COLOURS)
    page_bg = tuple(colours["page"][:3])
    report = []
    for cat in ("claims", "sourcing", "syria-analogy", "sanctions"):
        hl = colours["hl"][cat]
        bg = _blend(hl["bg"], page_bg)
        fg = _blend(hl["fg"], bg)
        ratio = contrast(fg, bg)
        label = colours["cat"][cat]
        label_bg = _blend(label["bg"], page_bg)
        label_ratio = contrast(_blend(label["fg"], label_bg), label_bg)
        report.append(f"{cat}: highlighted text {ratio:.2f}:1, category label {label_ratio:.2f}:1")
        assert ratio >= 4.5 and label_ratio >= 4.5, report[-1]
    print(f"\n{scheme}: " + "; ".join(report))
