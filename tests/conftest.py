"""Shared fixtures: throwaway copies of the project, builds, a subpath web server, Chromium.

Browser tests drive Debian's ``chromium`` (``/usr/bin/chromium``) through Playwright for
Python, launched with ``executable_path``; they never download a browser and never skip:
``make test`` installs chromium first.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from page_pool import PagePool

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SUBPATH = "/demo-repo/"
TEST_REPO_URL = "https://example.org/newsroom/demo-repo"  # REPO_URL of the test builds (a fork sets its own)
OUTPUT = ROOT / "test-output"
TEST_SOURCES = """\
sources:
  - id: S1
    title: "[Reuters report on the Russian planes landing in Caracas]"
    publisher: "Reuters"
    date: "2019-03-24"
    url: "https://taskandpurpose.com/russian-troops-arrive-venezuela"
    via: "Reuters text republished by Task & Purpose"
"""
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "schema", "scripts", "annotations")
# what the engine reads (the package itself is installed into the venv, editable)
CHECK_PARTS = ("mkdocs.yml", "docs", "overrides", "schema", "annotations")


PLUGIN_LINE = "  - annotated-edition:\n"
ANY_LENGTH = "      body_words: [0, 100000]\n      summary_words: [0, 100000]\n"


def make_project(dest: Path, annotations: dict[str, str] | None = None, *,
                 replace_files: dict[str, str] | None = None, parts: tuple[str, ...] = PROJECT_PARTS,
                 word_ranges: bool = False) -> Path:
    """Copy the project (sources only) to ``dest``.

    Args:
        dest: an empty or missing folder.
        annotations: when given, ``annotations/`` holds exactly these files (name -> text);
            without a ``sources.yml`` among them, :data:`TEST_SOURCES` is used.
        replace_files: other files to overwrite, by path relative to the project.
        parts: the top-level files and folders copied (:data:`CHECK_PARTS` is enough in-process).
        word_ranges: keep the site's word ranges for bodies and summaries with ``annotations``
            (by default test notes may have any length: their bodies are a few words).
    """
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir() and part not in parts:
            (dest / part).mkdir()  # mkdocs.yml watches it: it must exist
        elif src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    if annotations is not None:
        shutil.rmtree(dest / "annotations")
        (dest / "annotations").mkdir()
        (dest / "annotations" / "sources.yml").write_text(TEST_SOURCES, encoding="utf-8")
        for name, text in annotations.items():
            (dest / "annotations" / name).write_text(text, encoding="utf-8")
        if not word_ranges:
            config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
            assert PLUGIN_LINE in config, "the plugin's block in mkdocs.yml moved: update conftest.PLUGIN_LINE"
            (dest / "mkdocs.yml").write_text(config.replace(PLUGIN_LINE, PLUGIN_LINE + ANY_LENGTH), encoding="utf-8")
    for name, text in (replace_files or {}).items():
        (dest / name).write_text(text, encoding="utf-8")
    return dest


def _env() -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = str(ROOT / "scripts")
    return env


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``mkdocs ARGS`` in ``project`` with this venv's Python; output captured as text."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, env=_env(),
                          capture_output=True, text=True, timeout=300)


def check(project: Path) -> subprocess.CompletedProcess:
    """Run ``python -m annotated_edition check`` (what ``make check`` runs) in ``project``, as a subprocess.

    Slow (a new interpreter per call): tests using it are marked ``build``; prefer :func:`check_in_process`.
    """
    env = _env()
    return subprocess.run([sys.executable, "-m", "annotated_edition", "check"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


@dataclass
class CheckResult:
    """What ``python -m annotated_edition check`` printed and returned, run in this process."""

    returncode: int
    stdout: str
    stderr: str


def check_in_process(project: Path) -> CheckResult:
    """``annotated_edition.cli.check`` on ``project/mkdocs.yml`` in this process (same lines as ``make check``)."""
    from annotated_edition import cli
    from annotated_edition.project import load_project

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.check(load_project(project / "mkdocs.yml"))
    return CheckResult(status, out.getvalue(), err.getvalue())


def annotate_in_process(project: Path, page: str = "index.md"):
    """Merge ``project``'s notes into its annotated ``page`` as ``make check`` does, in this process.

    Returns the :class:`annotated_edition.core.AnnotatedPage` (its ``html`` is the header, legend
    and merged article the plugin puts in the page); its ``problems`` include the notes' own.
    """
    from annotated_edition.frontmatter import split_front_matter
    from annotated_edition.project import load_project

    loaded = load_project(project / "mkdocs.yml")
    edition = loaded.edition()
    problems = edition.load()
    spec = edition.specs[page]
    source = (Path(loaded.config.docs_dir) / page).read_text(encoding="utf-8-sig")
    body = loaded.render_markdown(split_front_matter(source)[0])
    result = edition.annotate(spec, body, source, loaded.links(loaded.urls[page], spec), f"docs/{page}")
    result.problems[:0] = problems
    return result


@functools.cache
def project_settings():
    """The real project's :class:`annotated_edition.model.Settings` (categories and verdicts of mkdocs.yml)."""
    from annotated_edition.project import load_project

    return load_project(ROOT / "mkdocs.yml").settings


@functools.cache
def project_notes():
    """The real project's notes folder, loaded and validated once per session (an ``AnnotationSet``)."""
    from annotated_edition.loading import load_annotations

    return load_annotations(ROOT / "annotations", project_settings(), ROOT)


def build(project: Path, *extra: str, site_url: str | None = None) -> Path:
    """Build ``project`` strictly into ``project/site``; fail the test with MkDocs' output if it fails."""
    env_url = site_url or f"http://127.0.0.1{SUBPATH}"
    os.environ["SITE_URL"] = env_url
    os.environ["REPO_URL"] = TEST_REPO_URL
    try:
        result = mkdocs(project, "build", "--strict", *extra)
    finally:
        os.environ.pop("SITE_URL", None)
        os.environ.pop("REPO_URL", None)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site under ``/demo-repo/`` as GitHub Pages serves a project site.

    Unknown paths get the site's ``404.html`` with status 404, like GitHub Pages.
    """

    site: Path = Path(".")
    requests_seen: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if not path.startswith(SUBPATH):
            return str(self.site / "__outside_subpath__")
        return str(self.site / path[len(SUBPATH):])

    def send_head(self):
        self.requests_seen.append(self.path)
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            target = target / "index.html"
        if not target.exists():
            page = (self.site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            return __import__("io").BytesIO(page)
        return super().send_head()


class TrickleHandler(SubpathHandler):
    """As :class:`SubpathHandler`, but a page's HTML arrives in pieces of 1 KB, 10 ms apart, as over a slow network:
    the browser draws the page while it is still arriving (Python's server sends it in 64 KB pieces, which a
    loaded machine may also draw between). Other files are sent at once."""

    def copyfile(self, source, destination):
        if not self.path.split("?")[0].split("#")[0].endswith(("/", ".html")):
            return super().copyfile(source, destination)
        while piece := source.read(1024):
            destination.write(piece)
            destination.flush()
            time.sleep(0.01)  # (the network's pace, not a test waiting: the test waits on the page's own state)


class HeldHandler(SubpathHandler):
    """As :class:`SubpathHandler`, but the article page's HTML stops after byte ``hold_at`` until the test sets
    ``release``: the browser draws what it has (a network that stalls mid-page, at a chosen byte), then the rest
    comes at once. Set both with :meth:`HeldServer.hold`."""

    hold_at: int | None = None
    release = threading.Event()

    def copyfile(self, source, destination):
        if self.hold_at is None or not self.path.split("?")[0].split("#")[0].endswith(SUBPATH):
            return super().copyfile(source, destination)
        destination.write(source.read(self.hold_at))
        destination.flush()
        self.release.wait(60)  # (the test sets it once the page is drawn; 60 s only so a failed test frees the thread)
        destination.write(source.read())


class QuietServer(http.server.ThreadingHTTPServer):
    """A threaded HTTP server that says nothing when a browser closes a connection before a reply has been sent
    (a test's page closed while it still loads); any other error is printed as usual."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class SiteServer:
    """A running server for one built site: ``url(path)`` gives an absolute URL under the subpath."""

    def __init__(self, site: Path, port: int = 0, base: type[SubpathHandler] = SubpathHandler):
        handler = type("Handler", (base,), {"site": site, "requests_seen": []})
        self.handler = handler
        self.httpd = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}{SUBPATH}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now (the server binds it right after the build)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


BUILD_FIXTURES = {"built_site", "site_server", "trickle_server", "held_server", "case_server"}
BROWSER_FIXTURES = {"browser", "open_page", "open_case"}


# the longest tests (20-70 s each) start first, so that neither core is left alone with one at the end
SLOWEST = ("test_every_published_id_lands", "test_bench_runs_in_quick_mode", "test_lighthouse_")


def pytest_collection_modifyitems(items):
    """A test that uses a built site is a ``build`` test, one that uses Chromium a ``browser`` test,
    whether or not it says so (``make test-fast`` leaves both out). The slowest run first."""
    items.sort(key=lambda item: not item.name.startswith(SLOWEST))
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if BUILD_FIXTURES & fixtures and not item.get_closest_marker("build"):
            item.add_marker(pytest.mark.build)
        if BROWSER_FIXTURES & fixtures and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)


SITE_PORT = free_port()
SITE_URL = f"http://127.0.0.1:{SITE_PORT}{SUBPATH}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project, built once per test session (strict), with site_url = :data:`SITE_URL`."""
    project = make_project(tmp_path_factory.mktemp("project"))
    return build(project, site_url=SITE_URL)


@pytest.fixture(scope="session")
def site_server(built_site):
    server = SiteServer(built_site, port=SITE_PORT)
    yield server
    server.close()


@pytest.fixture(scope="session")
def trickle_server(built_site):
    """The tests' site, its pages' HTML sent in small pieces (:class:`TrickleHandler`)."""
    server = SiteServer(built_site, base=TrickleHandler)
    yield server
    server.close()


class HeldServer(SiteServer):
    """A :class:`SiteServer` whose article page can stall mid-way (:class:`HeldHandler`)."""

    def __init__(self, site: Path):
        super().__init__(site, base=HeldHandler)

    def hold(self, at: int) -> threading.Event:
        """Stall the next article page after byte ``at``; set the returned event to send the rest."""
        self.handler.hold_at, self.handler.release = at, threading.Event()
        return self.handler.release


@pytest.fixture(scope="session")
def held_server(built_site):
    """The tests' site, its article page stalled at a chosen byte (:class:`HeldServer`)."""
    server = HeldServer(built_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Fails (never skips) when chromium is missing."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run 'make test' (it installs it) or apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def page_pool(browser):
    """The worker's reusable pages (:class:`page_pool.PagePool`)."""
    pool = PagePool(browser)
    yield pool
    pool.close()


@pytest.fixture
def open_page(browser, site_server, page_pool):
    """``open_page(path, viewport=DESKTOP, fresh=False, **context options)`` -> a loaded Playwright page.

    Console errors and failed or third-party requests are collected on ``page.problems``. A page loaded and
    waited for is one of the worker's pages, reused (:mod:`page_pool`), unless ``fresh=True``.
    """
    contexts: list = []
    yield page_opener(browser, site_server, contexts, page_pool)
    page_pool.give_back()
    for context in contexts:
        context.close()


# loaded, and on an annotated page with its script running, laid out (ed-laid); without JavaScript the
# inline script never marks <html> with ed-js, so loading is enough
LAID = ("document.readyState === 'complete' && (!document.querySelector('.ed-article')"
        " || !document.documentElement.classList.contains('ed-js') || document.documentElement.classList.contains('ed-laid'))")


def page_opener(browser, server: "SiteServer", contexts: list, pool: "PagePool | None" = None):
    """A function ``open(path, viewport=DESKTOP, wait=True, fresh=False, **context options)`` -> loaded page.

    Each page collects console errors, page errors, failed requests and requests to any
    other host on ``page.problems``; its context is appended to ``contexts`` for closing. With ``pool``, a
    page loaded and waited for is the pool's for its context options (not closed: wiped for the next test),
    unless ``fresh`` (a cold page: a new context, nothing cached).
    """
    def listen(page) -> None:
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
        page.on("request", lambda r: (not r.url.startswith(server.origin) and not r.url.startswith("data:"))
                and page.problems.append(f"third party: {r.url}"))

    def _open(path: str = "", viewport=None, wait: bool = True, fresh: bool = False, **options):
        reuse = pool and not fresh and path is not None and wait
        page = pool.take(viewport or DESKTOP, listen, **options) if reuse else None
        if page is None:
            context = browser.new_context(viewport=viewport or DESKTOP, **options)
            contexts.append(context)
            page = context.new_page()
            listen(page)
        if path is not None:
            page.goto(server.url(path))
            if wait:
                page.wait_for_load_state("load")
                page.wait_for_function(LAID, polling=50)
        return page

    return _open


def screenshot(page, name: str) -> Path:
    """Save a screenshot under test-output/ (for people to look at) and return its path."""
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path))
    return path


# ---- Reading and deep links (issues 4 and 5): a small throwaway article with the edge cases ----

CASE_BODY = """
Opening words of the case article, with a note that was renamed.
{#intro}

A paragraph right before a heading, with a note on it.
{#before-heading}

## A heading after a noted paragraph

A paragraph right before a blockquote, with a note on it.
{#before-quote}

> A quoted paragraph inside a blockquote.
> {#quoted}

Short one.
{#short-one}

Short two, the last.
{#short-two}
"""
_LONG_BODY = "\n\n".join(
    f"Paragraph {i} of a long note body: it keeps going so that the note is much taller than the short "
    f"paragraph it belongs to, which is what pushes neighbouring notes apart in the margin." for i in range(1, 7)
) + "\n\n- a first listed point\n- a second listed point\n"


def _case_note(ident: str, paragraph: str, exact: str, long: bool = False, aliases: str = "") -> str:
    summary = ("A long summary that runs over several lines in the margin, so that two of them on two short "
               "consecutive paragraphs cannot both sit level with their highlights.") if long else "A short summary."
    body = _LONG_BODY if long else "A short body."
    body = "\n".join("      " + line if line else "" for line in body.splitlines())
    return (f"  - id: {ident}\n{aliases}    target:\n      paragraph: {paragraph}\n      exact: \"{exact}\"\n"
            f"    title: \"Note {ident}\"\n    verdict: accurate\n    summary: \"{summary}\"\n"
            f"    body: |\n{body}\n    sources: [S1]\n    checked: \"2026-11-29\"\n")


CASE_ANNOTATIONS = {"claims.yml": "category: claims\nannotations:\n" + "".join([
    _case_note("renamed-note", "intro", "Opening words", aliases="    aliases: [old-note]\n"),
    _case_note("heading-note", "before-heading", "right before a heading"),
    _case_note("quote-note", "before-quote", "right before a blockquote"),
    _case_note("short-one-note", "short-one", "Short one", long=True),
    _case_note("short-two-note", "short-two", "Short two", long=True),
    _case_note("last-note", "short-two", "the last", long=True),
])}
CASE_ALIASES = {"old-intro": "intro", "old-short": "short-two"}


def case_article() -> str:
    """The real article's front matter (with paragraph aliases) over :data:`CASE_BODY`."""
    source = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    front = source.split("---", 2)[1]
    aliases = "paragraph_aliases: {" + ", ".join(f"{k}: {v}" for k, v in CASE_ALIASES.items()) + "}"
    front = "\n".join(aliases if line.startswith("paragraph_aliases:") else line for line in front.splitlines())
    return f"---{front}\n---\n{CASE_BODY}"


@pytest.fixture(scope="session")
def case_server(tmp_path_factory):
    """The case article (:data:`CASE_BODY`, :data:`CASE_ANNOTATIONS`) built and served under /demo-repo/."""
    port = free_port()
    project = make_project(tmp_path_factory.mktemp("cases"), annotations=CASE_ANNOTATIONS,
                           replace_files={"docs/index.md": case_article()})
    server = SiteServer(build(project, site_url=f"http://127.0.0.1:{port}{SUBPATH}"), port=port)
    yield server
    server.close()


@pytest.fixture
def open_case(browser, case_server):
    """Like ``open_page``, on the case article's server."""
    contexts: list = []
    yield page_opener(browser, case_server, contexts)
    for context in contexts:
        context.close()
