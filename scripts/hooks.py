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

from edition.check import check_config
from edition.edition import annotate_article
from edition.pages import notes_index_html, sources_html
from edition.problems import Problem

log = logging.getLogger("mkdocs.hooks.edition")
_build: dict = {}


def _report(problems: list[Problem], strict: bool, where: str) -> None:
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        (log.error if problem.severity == "error" else log.warning)(problem.format())
    if errors or (strict and problems):
        count = len(errors) if errors else len(problems)
        raise PluginError(f"{count} problem(s) in the annotations or the article (listed above); "
                          f"{where}. Fix them and build again ('make check' lists them without building).")


def on_pre_build(config) -> None:
    """Validate and anchor every annotation before anything is written."""
    result = check_config(config)
    _build.clear()
    _build["result"] = result
    _build["set"] = result.annotation_set
    _report(result.problems, bool(config.strict), f"nothing was written to {config.site_dir}")


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

        source = page.file.content_string
        offset = source.count("\n") - (page.markdown or "").count("\n")
        result = annotate_article(html, page.markdown or "", page.meta, _build["set"], page.file.src_path,
                                  line_offset=offset, about_url=url("about.md"), sources_url=url("sources.md"),
                                  resolve_link=url)
        # Warnings were already reported in on_pre_build; only new errors matter here.
        new_errors = [p for p in result.errors if p not in _build["result"].problems]
        _report(new_errors, False, "the page was not written")
        _build["placed"] = result.placed
        return result.html
    if kind == "sources":
        return html + sources_html(_build["set"], article_url)
    if kind == "notes-index":
        return html + notes_index_html(_build["set"], _build["result"].placed, article_url)
    return html
