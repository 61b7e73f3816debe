"""The second edge: annotate a site that another generator already built (Zensical).

Zensical (Material's successor) reads ``mkdocs.yml`` but runs neither MkDocs hooks nor MkDocs
plugins, so its site has the articles without a note. :func:`annotate_site` takes that built
site and does what the plugin does during a MkDocs build: it merges each annotated page's notes
into the page's content (``article.md-content__inner``, Material's and Zensical's content
element), fills in the listings, adds the category stylesheet and the engine's presentation
(:mod:`annotated_edition.presentation`) where the site lacks them, writes the open data and share
pages, and adds one search entry per note to Zensical's search index
(:mod:`annotated_edition.search_index`). HTML is parsed with Beautiful Soup.
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from .core import OPEN_DATA, AnnotatedPage, errors_in
from .links import relative_url
from .listings import listing_problems, listing_url, render_listing
from .problems import Problem, display_path
from .rendering import with_referrer_policy
from .presentation import EDITION_CSS, EDITION_JS, with_boot, write_missing_assets
from .project import Project
from .search_index import add_entries, page_entries
from .share import share_image_problems, share_pages, site_url_problems
from .styles import STYLESHEET, category_css

CONTENT = "article.md-content__inner"


class AnnotateError(Exception):
    """The built site cannot be annotated (a page or its content element is missing)."""


def _page_file(site: Path, url: str) -> Path:
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


def _content(soup: BeautifulSoup, path: Path):
    content = soup.select_one(CONTENT)
    if content is None:
        raise AnnotateError(f"{path}: no <{CONTENT}> element; was the site built with the Material or Zensical theme?")
    return content


def _take_body(content) -> str:
    """Take the page's rendered Markdown out of the content element (which keeps the theme's skip
    anchor; the title heading the theme adds is dropped: the annotated header has the headline)."""
    for tag in content.find_all(["a", "h1"], recursive=False, limit=2):
        if tag.name == "h1" and not tag.get("id"):
            tag.extract()
    kept = [tag for tag in content.find_all("a", recursive=False, limit=1) if tag.get("id") == "__skip"]
    for tag in kept:
        tag.extract()
    body = content.decode_contents()
    content.clear()
    for tag in kept:
        content.append(tag)
    return body


def _add_presentation(soup: BeautifulSoup, url: str) -> None:
    """Link the page at ``url`` (site-relative) to the category stylesheet and the engine's (after the theme's
    first stylesheet) and to the engine's script (at the end of ``<body>``), each unless it is linked already.
    Links are written as the theme's are: relative, or from the site's root where the theme's stylesheet is
    (a 404 page, served at any depth). A page without the theme's stylesheets (a redirect...) is left as it is."""
    first = soup.head.find("link", rel="stylesheet") if soup.head is not None else None
    if first is None or soup.body is None:
        return
    theme = first.get("href", "")
    rooted = theme.startswith(("/", "http:", "https:")) and "assets/" in theme
    base = theme[:theme.find("assets/")] if rooted else None

    def link(uri: str) -> str:
        return base + uri if base is not None else relative_url(uri, url)

    for uri in (EDITION_CSS, STYLESHEET):  # each inserted right after the theme's: the category's comes first
        href = link(uri)
        if not soup.head.find("link", href=href):
            first.insert_after(soup.new_tag("link", rel="stylesheet", href=href))
    src = link(EDITION_JS)
    if not soup.find("script", src=src):
        soup.body.append(soup.new_tag("script", src=src, defer=""))  # as the plugin lists it (presentation.list_assets)


def annotate_site(project: Project, site: Path) -> tuple[list[Problem], dict[str, int]]:
    """Annotate the built ``site`` in place; return the problems and the notes placed per page.

    Nothing is written when a problem is an error (the site is left as the generator built it).

    Raises:
        AnnotateError: a page or its content element is missing from the built site.
    """
    edition = project.edition()
    problems = edition.load()
    written: dict[Path, BeautifulSoup] = {}
    finished: dict[Path, AnnotatedPage] = {}
    sources: dict[str, str] = {}
    listings = project.listings()
    for spec in edition.specs.values():
        url = project.urls.get(spec.page)
        path = _page_file(site, url) if url is not None else None
        if path is None or not path.is_file():
            raise AnnotateError(f"{spec.page}: no built page at {path}; build the site first, then annotate it")
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        content = _content(soup, path)
        if content.select_one(".ed-article") is not None:
            raise AnnotateError(f"{path}: already annotated; build the site again with the generator, then annotate "
                                "it once")
        source_path = Path(project.config.docs_dir) / spec.page
        sources[spec.page] = source_path.read_text(encoding="utf-8-sig")
        page = edition.annotate(spec, _take_body(content), sources[spec.page], project.links(url, spec),
                                display_path(source_path, project.root))
        problems += page.problems
        content.append(BeautifulSoup(page.html, "html.parser"))
        if "hide" not in page.meta:  # as the plugin's default hide: [navigation, toc] (the notes take the margins)
            for sidebar in soup.select(".md-sidebar--primary, .md-sidebar--secondary"):
                sidebar["hidden"] = ""
        written[path], finished[path] = soup, page
    image = project.plugin_config["share_image"]
    problems += share_image_problems(image, bool(image) and (site / str(image)).is_file())
    problems += site_url_problems(project.config.site_url)
    # as the plugin's on_env: links of note bodies and the published ids (make zensical published a renamed note)
    problems += listing_problems(project.page_texts(), display_path(Path(project.config.docs_dir), project.root),
                                 list(edition.specs))
    published = None if errors_in(problems) else project.published_path()  # (else each unloaded note would be blamed)
    problems += edition.site_problems(sources, project.anchors(edition), published)
    if errors_in(problems) or (project.config.strict and problems):  # (a strict site is not published with warnings)
        return problems, {}
    for src, (kind, of) in listings.items():
        here = project.urls[src]
        path = _page_file(site, here)
        soup = written.get(path) or BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article_url = relative_url(project.urls[of], here)
        html = render_listing(edition, kind, of, article_url, project.config.repo_url or "")
        _content(soup, path).append(BeautifulSoup(html, "html.parser"))
        written[path] = soup
    _write(project, edition, site, written, finished)
    return problems, {page: len(result.placed) for page, result in edition.pages.items()}


def _write(project: Project, edition, site: Path, written: dict[Path, BeautifulSoup],
           finished: dict[Path, AnnotatedPage]) -> None:
    """Write the pages (an annotated one finished: ClaimReview in its head, selectors recorded),
    stylesheet, open data, share pages and search entries."""
    for path in site.rglob("*.html"):
        soup = written.get(path) or BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        _add_presentation(soup, path.parent.relative_to(site).as_posix() + "/" if path.parent != site else "")
        html = with_boot(with_referrer_policy(str(soup)))
        path.write_text(edition.finish(finished[path], html) if path in finished else html, encoding="utf-8")
    (site / STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
    (site / STYLESHEET).write_text(category_css(edition.settings, project.config.site_name), encoding="utf-8")
    write_missing_assets(site, project.plugin_config["minify"])
    config = project.config
    entries: list[dict] = []
    for spec in edition.specs.values():
        page, url = edition.pages[spec.page], project.urls[spec.page]
        links = project.links(url, spec)
        (site / url / OPEN_DATA).write_text(json.dumps(edition.open_data(page, links), ensure_ascii=False, indent=1),
                                            encoding="utf-8")
        image = project.plugin_config["share_image"]
        for rel, html in share_pages(edition.templates, page.placed, url, config.site_url or "", config.site_name,
                                     (config.site_url or "") + image if image else "").items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_text(html, encoding="utf-8")
        entries += page_entries(edition.notes[spec.page], page.placed, url, page.meta.get("title", ""), edition.renderer,
                                listing_url(project.urls, project.listings(), "sources", spec.page))
    add_entries(site, entries)
