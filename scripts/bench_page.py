"""The article page as a reader's browser gets it: the built site served gzipped, and Lighthouse on it.

Used by ``make bench`` (:mod:`bench`) and by the weight tests (``tests/test_weight.py``), so the
figures and the budgets' assertions come from one definition:

- :func:`serve`: a local server for a built site that gzips text responses when the client accepts
  gzip, as GitHub Pages does (``python -m http.server`` sends everything raw).
- :func:`page_figures`: the page loaded in Chromium: bytes by kind, elements, CLS, LCP, layout time.
- :func:`lighthouse`: one Lighthouse run (``tests/js/node_modules``, installed by ``make test``) for
  a form factor, the four categories' scores and the Total Blocking Time.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Lighthouse through its Node API (the runner exits once the report is written; the command lingers ~3 s)
LIGHTHOUSE_RUN = ROOT / "tests" / "js" / "lighthouse-run.mjs"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Issue 13, point 10: the article page's budgets (KB = 1,000 bytes, each response's body gzipped at level 6)
BUDGET_BYTES = 110_000
BUDGET_ELEMENTS = 1_600
BUDGET_TBT_MS = 50
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
COMPRESSED = (".html", ".css", ".js", ".json", ".jsonld", ".xml", ".svg", ".txt")


class Gzipped(http.server.SimpleHTTPRequestHandler):
    """Serves files, gzipped (level 6, like the bench's byte counts) when the client accepts gzip."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return __import__("io").BytesIO(body)


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    """Serve ``site`` on a free port of 127.0.0.1 (``.server_address[1]``), gzipped; ``.shutdown()`` stops it."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipped, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def lighthouse(url: str, form_factor: str, chromium: str = "/usr/bin/chromium") -> dict:
    """One Lighthouse run on ``url`` (``mobile`` or ``desktop``): ``{category: score 0-100, "tbt_ms": ...,
    "fcp_ms": ..., "failed": [audit ids short of 1]}`` (simulated times in ms).

    Raises:
        FileNotFoundError: Lighthouse is not installed (``make testjs``).
        RuntimeError: the run failed, or gave a category no score.
    """
    if not (LIGHTHOUSE_RUN.parent / "node_modules" / "lighthouse").is_dir():
        raise FileNotFoundError(f"Lighthouse is missing from {LIGHTHOUSE_RUN.parent}: run 'make testjs'")
    with tempfile.TemporaryDirectory(prefix="edition-lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = ["node", str(LIGHTHOUSE_RUN), url, form_factor, str(out), *CATEGORIES]
        env = dict(os.environ, CHROME_PATH=chromium)
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240)
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse {form_factor} failed: {result.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    unscored = [c for c in CATEGORIES if report["categories"][c]["score"] is None]
    if unscored:  # (a run that measured nothing: Lighthouse gives no score rather than a low one)
        reason = (report.get("runtimeError") or {}).get("message", "an audit it scores by failed")
        raise RuntimeError(f"lighthouse {form_factor} gave no score for {', '.join(unscored)}: {reason}")
    figures = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    figures["tbt_ms"] = report["audits"]["total-blocking-time"]["numericValue"]
    figures["fcp_ms"] = report["audits"]["first-contentful-paint"]["numericValue"]
    figures["failed"] = sorted(a["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                               if ref["weight"] and (a := report["audits"][ref["id"]])["score"] not in (None, 1))
    return figures


KIND = {"document": "html", "stylesheet": "css", "script": "js", "font": "fonts", "image": "images"}


def page_figures(site: Path, width: int = 1440, browser=None) -> dict:
    """Load the article in Chromium (served gzipped): bytes by kind (each response's body gzipped at level 6:
    the budget's definition), the elements in its DOM once laid out, CLS, LCP, our layout time, long tasks.
    ``browser``: a running Playwright browser (the tests', or :func:`chromium`'s); without it one is launched.
    Each load has a browser context of its own (no cache or storage shared with another load)."""
    if browser is not None:
        return _page_figures(site, width, browser)
    with chromium() as launched:
        return _page_figures(site, width, launched)


@contextlib.contextmanager
def chromium():
    """Debian's Chromium through Playwright, launched once for several :func:`page_figures` (a launch costs
    about 2 s of CPU here); closed on leaving the ``with`` block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _page_figures(site: Path, width: int, browser) -> dict:
    httpd = serve(site)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    weights: dict[str, int] = {}
    ours = 0
    requests = 0
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.add_init_script("""
      window.__cls = 0; window.__lcp = 0; window.__long = [];
      new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) window.__cls += e.value; }))
        .observe({type: 'layout-shift', buffered: true});
      new PerformanceObserver(l => l.getEntries().forEach(e => { window.__lcp = e.startTime; }))
        .observe({type: 'largest-contentful-paint', buffered: true});
      new PerformanceObserver(l => l.getEntries().forEach(e => window.__long.push(e.duration)))
        .observe({type: 'longtask', buffered: true});
    """)
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("!document.querySelector('.ed-article') || document.documentElement.classList.contains('ed-laid')")
    for r in responses:
        try:
            body = r.body()
        except Exception:
            continue
        requests += 1
        kind = KIND.get(r.request.resource_type, "other")
        size = len(gzip.compress(body, 6))
        weights[kind] = weights.get(kind, 0) + size
        if r.url.endswith(("assets/edition.css", "assets/edition.js")):
            ours += size
    figures = page.evaluate("""() => ({
        cls: window.__cls, lcp: window.__lcp, long_tasks: window.__long.length,
        dom: document.getElementsByTagName('*').length,
        long_task_ms: window.__long.reduce((a, b) => a + b, 0),
        layout_ms: performance.getEntriesByType('measure').filter(m => m.name.startsWith('ed-layout'))
                     .reduce((a, m) => a + m.duration, 0),
        notes_html_gzip_source: Array.from(document.querySelectorAll('.ed-note')).map(n => n.outerHTML).join('')
    })""")
    page.close()
    httpd.shutdown()
    notes_html = figures.pop("notes_html_gzip_source")
    figures.update(requests=requests, bytes=weights, total=sum(weights.values()), ours=ours,
                   notes_text=len(gzip.compress(notes_html.encode(), 6)))
    return figures
