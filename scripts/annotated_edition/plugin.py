"""The MkDocs edge: the ``annotated-edition`` plugin (https://www.mkdocs.org/dev-guide/plugins/).

Registered under the ``mkdocs.plugins`` entry point (``pyproject.toml``) and listed in
``mkdocs.yml`` under ``plugins:`` with its options (:mod:`annotated_edition.config`). Each event
hands over to :class:`annotated_edition.core.Edition` and reports its problems, one log line
each; an error stops the build with :class:`mkdocs.exceptions.PluginError`.

- ``on_config``: derive the settings; add the generated category stylesheet.
- ``on_pre_build``: load and validate every page's notes and front matter (before any page is
  written; ``make build`` builds into a staging folder, so a failure keeps the published site).
- ``on_files``: check each annotated page exists; add the stylesheet; note the listing pages.
- ``on_page_content``: merge the notes into an annotated page (its Markdown rendered once, by MkDocs).
- ``on_page_context`` (before the search plugin): fill in the Sources and Index listings.
- ``on_post_page``: put an annotated page's ClaimReview data in ``<head>``; record its notes'
  selectors in the page's final text (for the open data).
- ``on_post_build``: write each page's open data and share pages; fail if a page was not annotated.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .config import PluginConfig, settings_of
from .core import OPEN_DATA, Edition, PageSpec
from .links import Links, page_links, relative_url
from .listings import find_listings, listing_url, render_listing
from .problems import Problem, display_path
from .schema import stale_schema_files
from .share import share_pages, share_url
from .styles import STYLESHEET, category_css

log = logging.getLogger("mkdocs.plugins.annotated_edition")


def report(problems: list[Problem], strict: bool, where: str) -> None:
    """Log each problem on one line; raise :class:`PluginError` on an error (or, when strict, a warning)."""
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        (log.error if problem.severity == "error" else log.warning)(problem.format())
    if errors or (strict and problems):
        count = f"{len(errors)} error(s)" + (f" and {len(problems) - len(errors)} warning(s)" if len(problems) > len(errors) else "")
        if not errors:
            count += " (a strict build refuses warnings)"
        raise PluginError(f"{count} in the annotations or the article (listed above); {where}. "
                          "Fix them and build again ('make check' lists them without building).")


class AnnotatedEditionPlugin(BasePlugin[PluginConfig]):
    """Margin notes from YAML files, merged into the pages ``mkdocs.yml`` names."""

    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Derive the settings and page list; put the category stylesheet before the site's own."""
        self.settings = settings_of(self.config)
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.specs = [PageSpec(p["page"], self.root / p["annotations"], tuple(p["categories"] or ()))
                      for p in self.config["pages"]]
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        stale = stale_schema_files(self.settings, self.root / self.config["schema_dir"])
        if stale:
            log.warning(f"{self.config['schema_dir']}/{', '.join(stale)}: stale (the categories or verdicts in "
                        "mkdocs.yml changed); run 'python -m annotated_edition schema' to regenerate it")
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Load and validate every annotated page's notes and front matter."""
        self.edition = Edition(self.settings, self.specs, self.root, config.theme.custom_dir)
        self.reported: set[str] = set()
        problems = self.edition.load()
        for spec in self.specs:
            path = Path(config.docs_dir) / spec.page
            if path.is_file():
                problems += self.edition.check_source(spec, path.read_text(encoding="utf-8-sig"), display_path(path, self.root))
        self._report(problems, config, "nothing was written: the previous site is as it was")

    def _report(self, problems: list[Problem], config: MkDocsConfig, where: str) -> None:
        new = [p for p in problems if p.format() not in self.reported]
        self.reported.update(p.format() for p in new)
        report(new, bool(config.strict), where)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Check the annotated pages exist; add the stylesheet; find the listing pages."""
        for spec in self.specs:
            if files.get_file_from_path(spec.page) is None:
                raise PluginError(f"annotated-edition: pages: {spec.page!r} is not a page of {config.docs_dir}; "
                                  "fix 'page:' in mkdocs.yml")
        files.append(File.generated(config, STYLESHEET, content=category_css(self.settings)))
        self.urls = {f.src_uri: f.url.removeprefix("./") if f.url != "./" else "" for f in files.documentation_pages()}
        self.listings = find_listings({f.src_uri: f.content_string for f in files.documentation_pages()}, self.specs[0].page if self.specs else "")
        return files

    def links(self, here: str, spec: PageSpec, config: MkDocsConfig) -> Links:
        """Links written on the page at ``here`` (site-relative URL) about the annotated page ``spec``."""
        return page_links(self.urls, here, spec.page, listing_url(self.urls, self.listings, "sources", spec.page),
                          config.site_url or "", config.site_name, share_url(self.urls[spec.page]))

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Merge the notes into an annotated page; other pages pass unchanged."""
        spec = self.edition.specs.get(page.file.src_uri)
        if spec is None:
            return html
        links = self.links(self.urls[spec.page], spec, config)
        path = Path(page.file.abs_src_path or page.file.src_uri)
        result = self.edition.annotate(spec, html, page.file.content_string, links, display_path(path, self.root))
        self._report(result.problems, config, "the page was not written")
        return result.html

    @event_priority(50)  # before the search plugin (priority 0) indexes the page
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        """Fill in a Sources, Index or Corrections listing from its annotated page's notes."""
        kind, of = self.listings.get(page.file.src_uri, (None, None))
        if kind is None:
            return context
        annotated = self.edition.pages.get(of)
        if annotated is None:
            raise PluginError(f"{page.file.src_uri}: annotations_of: {of!r} is not an annotated page of mkdocs.yml")
        article_url = relative_url(self.urls[of], self.urls[page.file.src_uri])
        listing = render_listing(self.edition, kind, of, article_url, config.repo_url or "")
        page.content = (page.content or "") + listing
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """An annotated page's final HTML: ClaimReview in ``<head>``, selectors recorded from its text."""
        annotated = self.edition.pages.get(page.file.src_uri)
        return output if annotated is None else self.edition.finish(annotated, output)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Write each annotated page's open data and share pages; never publish a bare article."""
        site = Path(config.site_dir)
        image = self.config["share_image"]
        for spec in self.specs:
            page = self.edition.pages.get(spec.page)
            if page is None:
                raise PluginError(f"annotated-edition: {spec.page} was built without its notes (is it in the nav "
                                  "or excluded by not_in_nav/exclude_docs?); the site must not be published")
            here = self.urls[spec.page]
            links = self.links(here, spec, config)
            data = json.dumps(self.edition.open_data(page, links), ensure_ascii=False, indent=1)
            (site / here / OPEN_DATA).write_text(data, encoding="utf-8")
            pages = share_pages(self.edition.templates, page.placed, here, config.site_url or "", config.site_name,
                                (config.site_url or "") + image if image else "")
            for path, html in pages.items():
                (site / path).parent.mkdir(parents=True, exist_ok=True)
                (site / path).write_text(html, encoding="utf-8")
