"""The MkDocs edge: the ``annotated-edition`` plugin (https://www.mkdocs.org/dev-guide/plugins/).

Registered under the ``mkdocs.plugins`` entry point (``pyproject.toml``), listed in ``mkdocs.yml`` under ``plugins:``
with its options (:mod:`annotated_edition.config`). Each event hands over to :class:`.core.Edition` and reports its
problems, one log line each; an error stops the build (:class:`mkdocs.exceptions.PluginError`). ``build`` and
``gh-deploy`` build into a staging folder (:mod:`annotated_edition.staging`): a failed build leaves the site as it was.
Each event's docstring says what it does and why it runs when it does.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .article import HEADER_IDS
from .config import PluginConfig, settings_of
from .core import OPEN_DATA, Edition, PageSpec, errors_in
from .linkcheck import ids_in
from .links import Links, page_links, relative_url
from .contents import add_contents
from .listings import (SEARCH_EXCLUDED, find_listings, listing_problems, listing_url, render_listing,
                       uncited_notice)
from .loading import SOURCES_FILE
from .problems import Problem, display_path
from .published import unchecked_notice
from .reporting import log, log_problems, report, serve_log, templates_refused
from .rendering import with_referrer_policy
from .refusals import refuse_config, refuse_overrides, refuse_site_dir
from .schema import stale_schema_problems
from .minify import minified, minified_page, minify_files
from .unused_css import parsed_files, purge_site
from .background import Background
from .search_index import add_entries, defer_index, page_entries
from .share import share_image_problems, share_pages, share_url, site_url_problems
from .presentation import ASSETS, asset_text, list_assets, with_boot
from .staging import Stage, unwritten
from .yamlsource import duplicate_keys_in, read_text
from .styles import STYLESHEET, category_css


def _text_of(file: File) -> str:
    """A page's text; a page that is not UTF-8 reads as empty here (MkDocs reports it when it reads the page)."""
    try:
        return file.content_string
    except UnicodeDecodeError:
        return ""


class AnnotatedEditionPlugin(BasePlugin[PluginConfig]):
    """Margin notes from YAML files, merged into the pages ``mkdocs.yml`` names."""

    supports_multiple_instances = False
    command = "build"  # set by on_startup; MkDocs makes a new instance per rebuild of 'mkdocs serve'
    stage: Stage | None = None
    parsing: Background | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command: 'serve' shows problems on the pages instead of stopping; 'build' and 'gh-deploy' stage."""
        AnnotatedEditionPlugin.command = command

    @property
    def serving(self) -> bool:
        """Whether this build is a 'mkdocs serve' preview."""
        return AnnotatedEditionPlugin.command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Derive the settings and page list; put the category stylesheet before the site's own; stage."""
        refuse_config(config, AnnotatedEditionPlugin.command)
        self.settings = settings_of(self.config)
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.specs = [PageSpec(p["page"], self.root / p["annotations"], tuple(p["categories"] or ()))
                      for p in self.config["pages"]]
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        list_assets(config.extra_css, config.extra_javascript, after=STYLESHEET)
        refuse_site_dir(Path(config.site_dir), {f"the notes of {spec.page} ({display_path(spec.folder, self.root)}/)": spec.folder
                                                for spec in self.specs})
        if AnnotatedEditionPlugin.command in ("build", "gh-deploy"):
            self.stage = Stage(Path(config.site_dir), strict=bool(config.strict))
            config.site_dir = str(self.stage.begin())
        written = Path(config.config_file_path or "")  # (MkDocs keeps the last of a key written twice, silently)
        twice = duplicate_keys_in(written, display_path(written, self.root)) if config.config_file_path else []
        for problem in stale_schema_problems(self.settings, self.root / self.config["schema_dir"], self.config["schema_dir"]) + twice:
            log.warning(problem.format())
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Load and validate every annotated page's notes and front matter."""
        self.edition = Edition(self.settings, self.specs, self.root, config.theme.custom_dir)
        self.reported: set[str] = set()
        self.shown: list[Problem] = []
        self.anchors: dict[str, set[str]] = {}
        self.sources: dict[str, str] = {}
        self.rendered_listings: dict[str, str] = {}  # listing page -> its HTML, rendered once per build
        problems = self.edition.load()
        self.all_loaded = not errors_in(problems)  # (else published ids are not checked: each would be blamed)
        for spec in self.specs:
            path = Path(config.docs_dir) / spec.page
            if path.is_file():
                text, unreadable = read_text(path, display_path(path, self.root))
                problems += unreadable or self.edition.check_source(spec, text, display_path(path, self.root))
        self.held: list[Problem] = []
        self._hold(problems, config)

    def _hold(self, problems: list[Problem], config: MkDocsConfig) -> None:
        """Keep the problems for on_env, which reports them all at once, as the check lists them; 'serve' shows them."""
        if self.serving:
            self._report(problems, config, "")
        else:
            self.held += problems

    def _report(self, problems: list[Problem], config: MkDocsConfig, where: str) -> None:
        new = list({p.format(): p for p in problems if p.format() not in self.reported}.values())
        self.reported.update(p.format() for p in new)
        if self.serving:  # a refused rebuild would leave every browser tab waiting: the pages show the problems
            log_problems(new, serve_log)
            self.shown += new
            return
        report(new, bool(config.strict), where, self.config["check_command"])

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Check the annotated pages exist and no file takes a share page's place; add the stylesheet; minify the
        site's own assets (option); note the theme's stylesheets (for ``purge_css``); find the listings."""
        for spec in self.specs:
            if files.get_file_from_path(spec.page) is None:
                raise PluginError(f"annotated-edition: pages: {spec.page!r} is not a page of {config.docs_dir}; "
                                  "fix 'page:' in mkdocs.yml")
        css = category_css(self.settings, config.site_name)
        if self.config["minify"]:
            minify_files(files, config.docs_dir)
            css = minified(STYLESHEET, css)
        files.append(File.generated(config, STYLESHEET, content=css))
        for uri in ASSETS:  # the engine's stylesheet and script, unless the site brings its own
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content=asset_text(uri, self.config["minify"])))
        theme_css = [f for f in files if f.dest_uri.endswith(".css") and f.src_dir != config.docs_dir
                     and f.generated_by is None]
        self.theme_css = {f.dest_uri for f in theme_css}
        image = self.config["share_image"]
        self._hold(share_image_problems(image, bool(image) and files.get_file_from_path(image) is not None)
                   + site_url_problems(config.site_url), config)  # (held: a strict build refuses them, '-q' or not)
        if self.config["purge_css"]:  # most of the purge is parsing the theme's CSS: on the other core
            self.parsing = Background(parsed_files, {f.dest_uri: f.abs_src_path for f in theme_css if f.abs_src_path})
        self.urls = {f.src_uri: f.url.removeprefix("./") if f.url != "./" else "" for f in files.documentation_pages()}
        for spec in self.specs:  # (a file of docs/ where a note's share page goes would be overwritten by it)
            folder = share_url(self.urls[spec.page])
            if clash := next((f for f in files if f.src_dir == config.docs_dir and f.dest_uri.startswith(folder)), None):
                raise PluginError(f"{display_path(Path(config.docs_dir) / clash.src_uri, self.root)}: {folder} is where "
                                  f"the share pages of {spec.page}'s notes are written; move the file elsewhere")
        texts = {f.src_uri: _text_of(f) for f in files.documentation_pages()}
        self.listings = find_listings(texts, self.specs[0].page if self.specs else "")
        self._hold(listing_problems(texts, display_path(Path(config.docs_dir), self.root), [s.page for s in self.specs]), config)
        return files

    def links(self, here: str, spec: PageSpec, config: MkDocsConfig) -> Links:
        """Links written on the page at ``here`` (site-relative URL) about the annotated page ``spec``."""
        return page_links(self.urls, here, spec.page, listing_url(self.urls, self.listings, "sources", spec.page),
                          config.site_url or "", config.site_name, share_url(self.urls[spec.page]),
                          listing_url(self.urls, self.listings, "notes-index", spec.page))

    @templates_refused
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Merge the notes into an annotated page; other pages pass unchanged."""
        spec = self.edition.specs.get(page.file.src_uri)
        if spec is None:
            self.anchors[page.file.src_uri] = ids_in(html) | set(page.present_anchor_ids or ())
            return html
        page.meta.setdefault("hide", ["navigation", "toc"])  # the notes take the theme's sidebars
        page.meta.setdefault("skip_to", HEADER_IDS[0])
        links = self.links(self.urls[spec.page], spec, config)
        path = Path(page.file.abs_src_path or page.file.src_uri)
        self.sources[spec.page] = page.file.content_string
        result = self.edition.annotate(spec, html, page.file.content_string, links, display_path(path, self.root))
        self._hold(result.problems, config)
        # (MkDocs checks links to '#id' against these once every page is built: the notes' ids count)
        page.present_anchor_ids = self.anchors[page.file.src_uri] = ids_in(result.html or html) | set(page.present_anchor_ids or ())
        return result.html or html

    @templates_refused
    def on_env(self, env, config: MkDocsConfig, files: Files):
        """Every page is merged: check the links of note bodies and the published ids, before any page is written."""
        refuse_overrides(config, env)  # (a theme override that does not compile, in one line: compiled once, for the pages)
        held, self.held = self.held, []
        self._report(held, config, unwritten(self.stage))
        anchors: dict[str, set[str] | None] = {f.src_uri: None for f in files if f.inclusion.is_included()}
        anchors.update(self.anchors)
        for src in self.listings:
            if src in anchors and self.edition.pages.get(self.listings[src][1]):
                anchors[src] = (anchors[src] or set()) | ids_in(self._listing(src, config))
        option = self.config["published_ids"] if self.all_loaded else None
        published = self.root / option if option else None
        self._report(self.edition.site_problems(self.sources, anchors, published), config,
                     unwritten(self.stage))
        if notice := unchecked_notice(published, option or ""):
            log.info(notice)
        for spec in self.specs if self.all_loaded else ():  # (with a file unread, its sources would look uncited)
            if notice := uncited_notice(self.edition.notes[spec.page], spec.page,
                                        display_path(spec.folder / SOURCES_FILE, self.root)):
                log.info(notice)
        return env

    @templates_refused
    @event_priority(50)  # before the search plugin (priority 0) indexes the page
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        """Fill in a Sources, Index or Corrections listing from its annotated page's notes."""
        if self.shown:
            page.content = self.edition.templates.render("problems", problems=self.shown) + (page.content or "")
        if page.file.src_uri in self.listings:
            listing = self._listing(page.file.src_uri, config)
            page.content = (page.content or "") + listing
            page.present_anchor_ids = set(page.present_anchor_ids or ()) | ids_in(listing)  # (MkDocs checks links to them)
            add_contents(page, listing)
            if self.listings[page.file.src_uri][0] in SEARCH_EXCLUDED:  # its words are the notes': not indexed twice
                page.meta.setdefault("search", {"exclude": True})
        return context

    def _listing(self, src: str, config: MkDocsConfig) -> str:
        """The listing of the page ``src`` (a listing page), from its annotated page's notes (rendered once a build)."""
        if src not in self.rendered_listings:
            kind, of = self.listings[src]
            if self.edition.pages.get(of) is None:
                if self.serving:
                    return ""
                raise PluginError(f"{src}: annotations_of: {of!r} is not an annotated page of mkdocs.yml")
            article_url = relative_url(self.urls[of], self.urls[src])
            self.rendered_listings[src] = render_listing(self.edition, kind, of, article_url, config.repo_url or "")
        return self.rendered_listings[src]

    @templates_refused
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A page's final HTML: no referrer (every page), minified (option); an annotated page's ClaimReview and selectors."""
        output = with_boot(with_referrer_policy(output))
        if self.config["minify_html"]:
            output = minified_page(output)
        annotated = self.edition.pages.get(page.file.src_uri)
        return output if annotated is None else self.edition.finish(annotated, output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """A page made from a theme template alone (Material's 404.html) asks for no referrer either."""
        return with_boot(with_referrer_policy(output_content)) if template_name.endswith(".html") else output_content

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):
        """'mkdocs serve' rebuilds when a note changes: each notes folder is watched (a site need not list it)."""
        for folder in {s.folder.resolve() for s in self.specs if s.folder.is_dir()} - {Path(p).resolve() for p in config.watch}:
            server.watch(str(folder))
        return server

    @templates_refused
    @event_priority(-50)  # after the search plugin wrote its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Write each annotated page's open data, share pages and search entries; trim the theme's CSS (option);
        never publish a bare article."""
        site = Path(config.site_dir)
        image = self.config["share_image"]
        entries: list[dict] = []
        for spec in self.specs:
            page = self.edition.pages.get(spec.page)
            if page is None and self.serving:
                continue
            if page is None:
                raise PluginError(f"annotated-edition: {spec.page} was built without its notes (is it in the nav "
                                  "or excluded by not_in_nav/exclude_docs?); the site must not be published")
            here = self.urls[spec.page]
            links = self.links(here, spec, config)
            (site / here / OPEN_DATA).write_text(json.dumps(self.edition.open_data(page, links), ensure_ascii=False, indent=1), encoding="utf-8")
            pages = share_pages(self.edition.templates, page.placed, here, config.site_url or "", config.site_name,
                                (config.site_url or "") + image if image else "")
            for path, html in pages.items():
                (site / path).parent.mkdir(parents=True, exist_ok=True)
                (site / path).write_text(html, encoding="utf-8")
            entries += page_entries(self.edition.notes[spec.page], page.placed, here, page.meta.get("title", ""),
                                    self.edition.renderer, listing_url(self.urls, self.listings, "sources", spec.page))
        add_entries(site, entries)
        if self.config["deferred_search"]:
            defer_index(site)
        if self.config["purge_css"]:
            purge_site(site, self.theme_css, self.parsing.result(), unused=set(self.config["purge_css_unused"]))
        if self.stage is not None and (published := self.stage.publish()) is not None:
            config.site_dir, self.stage = str(published), None
        elif self.stage is not None:  # (MkDocs aborts next; on_build_error removes the stage)
            log.info(f"a warning stops this strict build: {self.stage.site_dir.name}/ is left as it was")

    def on_build_error(self, *, error: Exception) -> None:
        """Drop the staged build (the published site stays); stop parsing the theme's CSS; list problems still held."""
        log_problems([p for p in getattr(self, "held", []) if p.format() != str(error)])  # (not twice)
        if self.parsing is not None:
            self.parsing.cancel()
        if self.stage is not None:
            self.stage.abandon()
            self.stage = None
