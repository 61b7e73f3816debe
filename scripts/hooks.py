"""MkDocs hooks (https://www.mkdocs.org/user-guide/configuration/#hooks) of the annotated edition.

Listed in ``mkdocs.yml`` under ``hooks:``, so plain ``mkdocs build``, ``serve`` and
``gh-deploy`` merge the annotations with no extra step. Annotations are read on every build
(never cached at import), and ``annotations/`` is in ``watch:`` so ``mkdocs serve`` rebuilds
when a note changes.

Order of events:

- ``on_pre_build``: load, validate and anchor everything (:func:`edition.check.check_config`).
  Any error is logged one line each and the build stops *before* MkDocs cleans ``site_dir``,
  so a failed build leaves the previous site as it was.
- ``on_page_content``: merge the notes into the article page; fill the Sources and Index pages.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

import json

from mkdocs.structure.files import File

from edition.check import check_config, page_link_resolver
from edition.edition import annotate_article
from edition.opendata import annotation_collection, claim_reviews
from edition.pages import notes_index_html, sources_html
from edition.problems import Problem
from edition.share import share_page

log = logging.getLogger("mkdocs.hooks.edition")
_build: dict = {}


def _report(problems: list[Problem], strict: bool, where: str) -> None:
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        (log.error if problem.severity == "error" else log.warning)(problem.format())
    if errors or (strict and problems):
        count = f"{len(errors)} error(s)" + (f" and {len(problems) - len(errors)} warning(s)" if len(problems) > len(errors) else "")
        if not errors:
            count += " (a strict build refuses warnings)"
        raise PluginError(f"{count} in the annotations or the article (listed above); "
                          f"{where}. Fix them and build again ('make check' lists them without building).")


def on_pre_build(config) -> None:
    """Validate and anchor every annotation before anything is written."""
    result = check_config(config)
    _build.clear()
    _build["result"] = result
    _build["set"] = result.annotation_set
    _report(result.problems, bool(config.strict), "nothing was written: the previous site is as it was")


def _absolute_link(config):
    """Map a relative link written in a note body (``about.md#x``) to an absolute URL."""
    relative = page_link_resolver(config.use_directory_urls)

    def resolve(path: str) -> str:
        url = relative(path)
        return url if ":" in url.split("#")[0] else config.site_url + url.removeprefix("./")
    return resolve


def on_files(files, config):
    """Add the generated files: ``annotations.jsonld`` and one share page per note."""
    result = _build["result"]
    site_url = config.site_url
    placed = result.placed
    collection = annotation_collection(placed, site_url, site_url + "annotations.jsonld",
                                       f"Notes on: {result.meta.get('title', '')}", _absolute_link(config))
    files.append(File.generated(config, "annotations.jsonld",
                                content=json.dumps(collection, ensure_ascii=False, indent=1)))
    image = site_url + "assets/social-card.png"
    for p in placed:
        share_url = f"{site_url}share/{p.annotation.id}/"
        html = share_page(p.annotation, site_url, share_url, image, config.site_name)
        files.append(File.generated(config, f"share/{p.annotation.id}/index.html", content=html))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Merge the notes into the article; generate the Sources and Index listings."""
    kind = page.meta.get("edition_page")
    article = files.get_file_from_path("index.md")
    article_url = article.url_relative_to(page.file) if article else "./"
    if page.meta.get("annotated"):
        def url(path: str) -> str:
            name, _, fragment = path.partition("#")
            target = files.get_file_from_path(name)
            if target is None:
                return path
            return target.url_relative_to(page.file) + (f"#{fragment}" if fragment else "")

        checked = _build["result"]
        if html == checked.body_html:  # the same HTML on_pre_build merged: reuse its work
            result = checked
        else:
            source = page.file.content_string
            offset = source.count("\n") - (page.markdown or "").count("\n")
            result = annotate_article(html, page.markdown or "", page.meta, _build["set"], page.file.src_path,
                                      line_offset=offset, about_url=url("about.md"), sources_url=url("sources.md"),
                                      resolve_link=url)
        # Warnings were already reported in on_pre_build; only new errors matter here.
        new_errors = [p for p in result.errors if p not in _build["result"].problems]
        _report(new_errors, False, "the page was not written")
        _build["placed"] = result.placed
        reviews = claim_reviews(result.placed, config.site_url, page.meta, config.site_name, config.site_url)
        data = json.dumps(reviews, ensure_ascii=False).replace("</", "<\\/")
        return result.html + f'<script type="application/ld+json" id="_claim-reviews">{data}</script>'
    if kind == "sources":
        return html + sources_html(_build["set"], article_url)
    if kind == "notes-index":
        return html + notes_index_html(_build["set"], _build["result"].placed, article_url)
    return html
