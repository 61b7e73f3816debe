"""Layout pass timings (issue 13, point 9), for scripts/bench.py to adopt.

Usage: make build && .venv/bin/python scripts/bench_layout.py [--runs 5] (make bench runs it)

Serves site/ on 127.0.0.1, opens the article at 1440x900 in Debian's Chromium, and reads the
`ed-layout` performance measures edition.js records for each layout pass: the first pass (run in the
ResizeObserver's first callback, after the browser's own first layout) and passes after a viewport
change and after an item is opened. Then the same with the article's body repeated until the page has
about 1,000 notes (ids suffixed, so every note, marker and quote stays unique). Prints medians.
Budgets: at most 16 ms per pass with 67 notes, at most 150 ms with 1,000.

Also the first contentful paint of the article opened plainly and through a link to a note (#id), with the
CPU 4x slower (as the layout script's cost shows on a cheap phone): a deep link must not hold the page back
(budget: within 10 % of the plain load), and neither load may shift the layout (CLS 0).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import statistics
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
# attributes that hold ids (one, or several separated by spaces), quoted or not (the pages are minified)
REF = re.compile(r'\b(id|data-notes?|aria-details|aria-controls|aria-labelledby|aria-describedby|href)=("[^"]*"|[^\s>"]+)')
NOTE = re.compile(r'class="?ed-note[\s">]')


def _paragraph(html: str, ident: str) -> int:
    found = re.search(rf'<p\b[^>]*\bid="?{ident}[\s">]', html)
    if not found:
        raise SystemExit(f"bench_layout: no paragraph with id {ident!r} in site/index.html; run make build first")
    return found.start()


def multiplied(html: str, notes: int) -> str:
    """The article with its body (from the first paragraph to the republication line) repeated to about ``notes`` notes."""
    start, end = _paragraph(html, "allies-worried"), _paragraph(html, "republication")
    body = html[start:end]
    per_copy = len(NOTE.findall(body))
    copies = max(0, round((notes - len(NOTE.findall(html))) / per_copy))

    def suffix(k: int):
        def one(m: re.Match) -> str:
            value = m.group(2).strip('"')
            if m.group(1) == "href":
                if not value.startswith("#"):
                    return m.group(0)
                return f'href="{value}-x{k}"'
            return f'{m.group(1)}="' + " ".join(f"{v}-x{k}" for v in value.split()) + '"'
        return one

    extra = "".join(REF.sub(suffix(k), body) for k in range(copies))
    return html[:end] + extra + html[end:]


def serve() -> http.server.ThreadingHTTPServer:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}), directory=str(SITE)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def measure(browser, url: str, html: str | None) -> dict:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    if html is not None:
        page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(url)
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    count = "performance.getEntriesByName('ed-layout').length"
    n = page.evaluate(count)
    # a viewport change that resizes the article (from 1200 px it keeps one width), then back to 1440
    page.set_viewport_size({"width": 1100, "height": 900})
    page.wait_for_function(f"{count} > {n}")
    n = page.evaluate(count)
    page.set_viewport_size({"width": 1440, "height": 900})
    page.wait_for_function(f"{count} > {n}")
    n = page.evaluate(count)
    page.locator(".ed-note .ed-note__title").nth(20).click()
    page.wait_for_function(f"{count} > {n}")
    times = page.evaluate("performance.getEntriesByName('ed-layout').map(e => e.duration)")
    notes = page.evaluate("document.querySelectorAll('.ed-note').length")
    page.close()
    return {"notes": notes, "first": times[0], "later": max(times[1:])}


PAINT = """window.__cls = 0; new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) window.__cls += e.value; }))
  .observe({type: 'layout-shift', buffered: true});"""


def first_paint(browser, url: str) -> dict:
    """First contentful paint (ms) and CLS of one load of ``url``, with the CPU 4x slower (Chrome DevTools
    Protocol ``Emulation.setCPUThrottlingRate``); measured once the script has laid the page out."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script(PAINT)
    page.goto(url)
    page.wait_for_function("document.documentElement.classList.contains('ed-laid')")
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")  # the landing's scroll
    figures = page.evaluate("({fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime, cls: window.__cls})")
    context.close()
    return figures


def paint_report(browser, url: str, runs: int) -> None:
    """Print the medians of :func:`first_paint` for the article and for a link to one of its notes (interleaved)."""
    note = "war-of-words"
    plain, deep = [], []
    for _ in range(runs):
        plain.append(first_paint(browser, url))
        deep.append(first_paint(browser, f"{url}#{note}"))
    fcp, fcp_deep = statistics.median(r["fcp"] for r in plain), statistics.median(r["fcp"] for r in deep)
    print(f"\nfirst contentful paint at 1440x900, CPU 4x slower, median of {runs} runs")
    print(f"{'load':22} {'FCP ms':>7} {'CLS':>6}")
    print(f"{'article':22} {fcp:>7.0f} {max(r['cls'] for r in plain):>6.3f}")
    print(f"{'#' + note:22} {fcp_deep:>7.0f} {max(r['cls'] for r in deep):>6.3f}")
    print(f"deep link / plain: {fcp_deep / fcp:.2f} (budget 1.10)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    # (first paint varies by a fifth from one load to the next on this machine: five loads each way gave ratios
    # from 0.9 to 1.14 a minute apart; eleven give a steadier median)
    parser.add_argument("--paint-runs", type=int, default=11)
    args = parser.parse_args()
    assert (SITE / "index.html").exists(), "run make build first"
    httpd = serve()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    big = multiplied((SITE / "index.html").read_text(encoding="utf-8"), 1000)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        results = {"article": [], "1,000 notes": []}
        for _ in range(args.runs):  # interleaved, so machine noise hits both alike
            results["article"].append(measure(browser, url, None))
            results["1,000 notes"].append(measure(browser, url, big))
        table(results, args.runs)
        paint_report(browser, url, args.paint_runs)
        browser.close()
    httpd.shutdown()


def table(results: dict[str, list[dict]], runs: int) -> None:
    """Print the medians of the layout passes :func:`measure` recorded, by page."""
    print(f"layout pass at 1440x900, median of {runs} runs (ms of script per pass)")
    print(f"{'page':14} {'notes':>6} {'first pass':>11} {'worst later pass':>17}")
    for name, samples in results.items():
        print(f"{name:14} {samples[0]['notes']:>6} {statistics.median(r['first'] for r in samples):>11.1f} "
              f"{statistics.median(r['later'] for r in samples):>17.1f}")


if __name__ == "__main__":
    main()
