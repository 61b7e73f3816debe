"""A site's project as the commands see it: ``mkdocs.yml`` read and validated by MkDocs' own loader.

The commands (check, annotate, schema) run outside a MkDocs build, so they read the same file
with ``mkdocs.config.load_config`` (which validates the plugin's options with their option
classes) and list the pages of ``docs/`` themselves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from .config import settings_of
from .core import Edition, PageSpec
from .linkcheck import ids_in
from .links import Links, page_links, page_url
from .listings import find_listings, listing_url, render_listing
from .model import Settings
from .share import share_url

PLUGIN = "annotated-edition"


class ProjectError(Exception):
    """The project cannot be read (no mkdocs.yml, the plugin not listed); the message says what to do."""


@dataclass
class Project:
    """A loaded ``mkdocs.yml`` with the plugin's settings, pages and the site's page URLs."""

    config: MkDocsConfig
    plugin_config: dict
    settings: Settings
    specs: list[PageSpec]
    root: Path
    urls: dict[str, str]

    def edition(self) -> Edition:
        """A new :class:`Edition` (one build) for this project."""
        return Edition(self.settings, self.specs, self.root, self.config.theme.custom_dir)

    def listings(self) -> dict[str, tuple[str, str]]:
        """Listing pages: source path -> (kind, annotated page it lists)."""
        return find_listings(self.page_texts(), self.specs[0].page if self.specs else "")

    def page_texts(self) -> dict[str, str]:
        """Every page of ``docs/`` (source path -> its text)."""
        docs = Path(self.config.docs_dir)
        return {src: (docs / src).read_text(encoding="utf-8-sig", errors="replace") for src in self.urls}

    def links(self, here: str, spec: PageSpec) -> Links:
        """Links written on the page at ``here`` about the annotated page ``spec`` (as the plugin makes them)."""
        listings = self.listings()
        return page_links(self.urls, here, spec.page, listing_url(self.urls, listings, "sources", spec.page),
                          self.config.site_url or "", self.config.site_name, share_url(self.urls[spec.page]),
                          listing_url(self.urls, listings, "notes-index", spec.page))

    def published_path(self) -> Path | None:
        """The list of published ids (the ``published_ids`` option), or None."""
        option = self.plugin_config.get("published_ids")
        return self.root / option if option else None

    def anchors(self, edition: Edition) -> dict[str, set[str] | None]:
        """Every file of ``docs/`` with its page's ids as a build would give them (None: not a page)."""
        docs = Path(self.config.docs_dir)
        anchors: dict[str, set[str] | None] = {p.relative_to(docs).as_posix(): None for p in docs.rglob("*") if p.is_file()}
        for src in self.urls:
            anchors[src] = ids_in(self.render_markdown((docs / src).read_text(encoding="utf-8-sig", errors="replace")))
        for src, (kind, of) in self.listings().items():  # (the ids of a listing as the build renders it)
            if of in edition.pages and src in anchors:
                anchors[src] = (anchors[src] or set()) | ids_in(render_listing(edition, kind, of, "", ""))
        return anchors

    def render_markdown(self, text: str) -> str:
        """Markdown to HTML with the site's ``markdown_extensions`` (as MkDocs renders a page)."""
        md = markdown.Markdown(extensions=self.config.markdown_extensions, extension_configs=self.config.mdx_configs)
        return md.convert(text)


class _Collect(logging.Handler):
    """Keeps the messages of the error records it receives."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record's message."""
        self.messages.append(record.getMessage())


def _load_config(path: Path) -> MkDocsConfig:
    """MkDocs' loader, its error lines turned into one :class:`ProjectError` instead of an ``Abort``."""
    logger = logging.getLogger("mkdocs.config")
    collect, propagate = _Collect(), logger.propagate
    logger.addHandler(collect)
    logger.propagate = False
    try:
        return load_config(str(path))
    except Abort as abort:
        raise ProjectError(f"{path}: " + ("; ".join(collect.messages) or str(abort))) from None
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate


def load_project(config_file: str | Path = "mkdocs.yml") -> Project:
    """Read ``config_file`` with MkDocs' loader.

    Raises:
        ProjectError: the file is missing, an option is invalid (MkDocs' line naming it), or the
            ``annotated-edition`` plugin is not listed.
    """
    path = Path(config_file)
    if not path.is_file():
        raise ProjectError(f"{path}: not found; run from the project folder or name its mkdocs.yml")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = _load_config(path)
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise ProjectError(f"{path}: the '{PLUGIN}' plugin is not listed under 'plugins:'")
    root = path.resolve().parent
    specs = [PageSpec(p["page"], root / p["annotations"], tuple(p["categories"] or ())) for p in plugin.config["pages"]]
    docs = Path(config.docs_dir)
    urls = {p.relative_to(docs).as_posix(): page_url(p.relative_to(docs).as_posix(), config.use_directory_urls)
            for p in sorted(docs.rglob("*.md"))}
    return Project(config, plugin.config, settings_of(plugin.config), specs, root, urls)
