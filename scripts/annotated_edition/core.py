"""The engine without MkDocs: load, validate, anchor, merge, and the open data of annotated pages.

:class:`Edition` holds one build (a Markdown renderer, the templates, the notes of each page)
and returns results and :class:`~annotated_edition.problems.Problem` lists; it never logs,
raises for an editor's mistake, or writes a file. Its two edges are the MkDocs plugin
(:mod:`annotated_edition.plugin`) and the command that annotates a site another generator
built (:mod:`annotated_edition.postbuild`). Nothing is cached beyond the :class:`Edition`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bs4 import BeautifulSoup

from .article import (breaks_as_spaces, declared_paragraph_ids, paragraph_id_problems, typed_in,
                      unsafe_markup_problems)
from .frontmatter import alias_problems, front_matter_problems, split_front_matter, typed_at
from .linkcheck import (fragment_problems, ids_in, link_problems, markdown_link_problems, note_ids,
                        written_link_problems)
from .links import Links
from .loading import load_annotations
from .merge import Placed, merge
from .page_ids import ids_of
from .model import AnnotationSet, Position, Settings
from .opendata import annotation_collection, claim_reviews
from .pagetext import note_selectors
from .permalinks import add_permalinks
from .problems import Problem, display_path
from .rules import dates_before
from .published import landing_ids, published_problems, read_published
from .rendering import Renderer
from .templates import Templates

OPEN_DATA = "annotations.jsonld"
# where the legend goes (after the header) until the merge has numbered the markers
LEGEND_PLACE = "<!--ed-legend-->"


@dataclass(frozen=True)
class PageSpec:
    """An annotated page: ``page`` (source path in ``docs/``), its notes ``folder``, its category ids."""

    page: str
    folder: Path
    categories: tuple[str, ...] = ()


@dataclass
class AnnotatedPage:
    """One page merged with its notes: publish ``html`` only when ``errors`` is empty."""

    spec: PageSpec
    html: str
    placed: list[Placed]
    problems: list[Problem] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    reviews: list[dict] = field(default_factory=list)
    selectors: dict[str, tuple[dict, dict]] = field(default_factory=dict)
    page_file: str = ""  # the page's path as problems show it
    body_html: str = ""  # the page's own Markdown as rendered, before the merge (its links are checked with the site's)
    links: Links | None = None

    @property
    def errors(self) -> list[Problem]:
        """The problems that forbid publishing."""
        return [p for p in self.problems if p.severity == "error"]


def errors_in(problems: list[Problem]) -> list[Problem]:
    """The problems of severity ``error``."""
    return [p for p in problems if p.severity == "error"]


class Edition:
    """One build of a site's annotated pages.

    Args:
        settings: the site's categories and verdict scale.
        specs: the annotated pages.
        root: the project folder (paths in problems are relative to it).
        custom_dir: the theme's ``custom_dir``, whose ``annotated_edition/`` templates win.
    """

    def __init__(self, settings: Settings, specs: list[PageSpec], root: Path, custom_dir: str | Path | None = None) -> None:
        self.settings = settings
        self.specs = {spec.page: spec for spec in specs}
        self.root = root
        self.renderer = Renderer()
        self.templates = Templates(self.renderer, custom_dir, root)
        self.notes: dict[str, AnnotationSet] = {}
        self.pages: dict[str, AnnotatedPage] = {}

    def settings_of(self, spec: PageSpec) -> Settings:
        """The settings restricted to the page's categories."""
        return self.settings.only(list(spec.categories)) if spec.categories else self.settings

    def load(self) -> list[Problem]:
        """Load and validate every page's notes folder and the site's template overrides; return all their problems."""
        problems = self.templates.problems()
        for spec in self.specs.values():
            loaded = load_annotations(spec.folder, self.settings, self.root, list(spec.categories) or None, self.renderer)
            self.notes[spec.page] = loaded
            problems += loaded.problems
        return problems

    def check_source(self, spec: PageSpec, source: str, page_file: str) -> list[Problem]:
        """Problems of the page's front matter (before its Markdown is rendered)."""
        _markdown, meta, _offset = split_front_matter(source)
        return front_matter_problems(source, meta, page_file)

    def annotate(self, spec: PageSpec, body_html: str, source: str, links: Links, page_file: str,
                 render: bool = True) -> AnnotatedPage:
        """Merge the page's notes into its rendered Markdown.

        Args:
            spec: the page.
            body_html: the page's Markdown as the site generator rendered it (once).
            source: the page's file text, front matter included (for ids and line numbers).
            links: links as written on this page (relative URLs; see :class:`Links`).
            page_file: the page's path as shown in problems.
            render: False leaves markers and notes empty (a check needs the problems, not the HTML).

        Returns:
            The :class:`AnnotatedPage`; ``html`` is the header, legend and merged article,
            with the page's ClaimReview data.
        """
        markdown_text, meta, offset = split_front_matter(source)
        problems = front_matter_problems(source, meta, page_file)
        if errors_in(problems):
            return AnnotatedPage(spec, "", [], problems, meta)
        note = meta.get("editor_note") if isinstance(meta.get("editor_note"), str) else ""
        for severity, what, todo, typed in self.renderer.body_issues(note):  # (what the sanitiser would drop)
            at = typed_at(source, page_file, "editor_note", typed)
            problems.append(Problem(at.file, at.line, at.column, "editor_note", what.replace("the body", "the editor's "
                                    "note"), todo, severity))
        annotation_set = self.notes[spec.page]
        settings = self.settings_of(spec)
        head = self.templates.render("header", meta=meta, links=links) + LEGEND_PLACE
        soup = BeautifulSoup(head + body_html, "html.parser")
        breaks_as_spaces(soup)
        problems += paragraph_id_problems(markdown_text, soup, page_file, offset)
        problems += unsafe_markup_problems(BeautifulSoup(body_html, "html.parser"), markdown_text, page_file, offset)
        aliases = meta.get("paragraph_aliases") if isinstance(meta.get("paragraph_aliases"), dict) else {}
        elements = ids_of(soup).keys()
        problems += alias_problems(aliases, elements, source, page_file)
        # the article's own '#id' links, told at their line (MkDocs' strict build names none)
        made = {made for a in annotation_set.annotations for made in (f"{a.id}-title", f"ref-{a.id}")}
        landing = elements | note_ids(annotation_set.annotations) | aliases.keys() | made
        problems += fragment_problems(body_html, landing, lambda href: Position(page_file, *typed_in(markdown_text, href, offset)))

        def marker(notes):
            return self.templates.render("marker", notes=notes) if render else ""

        def note(notes):
            return self.templates.render("group", notes=notes, links=links) if render else ""

        declared = [ident for ident, _line in declared_paragraph_ids(markdown_text)]
        twice = {ident for ident in declared if declared.count(ident) > 1}  # (paragraph_id_problems said it, at its line)
        merged, placed, merge_problems = merge(soup, annotation_set.annotations, marker, note, page_file, aliases, render)
        on_twice = {a.id for a in annotation_set.annotations if a.paragraph in twice}
        merge_problems = [p for p in merge_problems if p.subject not in twice | on_twice]  # (their notes looked in one)
        merged = merged.replace(LEGEND_PLACE, self._legend(annotation_set, settings, placed, links), 1)
        problems += merge_problems + dates_before(annotation_set.annotations, str(meta.get("date", "")), spec.page)
        reviews = claim_reviews(placed, settings, links.site_url + links.here, meta, links.extra.get("site_name", ""),
                                links.site_url, self.renderer)
        html = self.templates.render("article", body=add_permalinks(merged))
        result = self.pages[spec.page] = AnnotatedPage(spec, html, placed, problems, meta, reviews, page_file=page_file,
                                                       body_html=body_html, links=links)
        return result

    def _legend(self, annotation_set: AnnotationSet, settings: Settings, placed: list[Placed], links: Links) -> str:
        """The page's legend, written once the markers are numbered: its example of a marker of several
        categories is the page's first group that mixes them (``placed`` in document order, by ``group``)."""
        groups: dict[str, list[Placed]] = {}
        for p in placed:
            groups.setdefault(p.group, []).append(p)
        mixed = next((g for g in groups.values() if len({p.annotation.category.id for p in g}) > 1), None)
        return self.templates.render("legend", categories=list(settings.categories.values()),
                                     counts=annotation_set.counts(settings), links=links, mixed=mixed,
                                     flagged=[v.label for v in settings.verdicts.values() if v.prominent])

    def site_problems(self, sources: dict[str, str], anchors: dict[str, set[str] | None],
                      published: Path | None = None) -> list[Problem]:
        """Once every annotated page is merged: the links of note bodies and the published-ids contract.

        Args:
            sources: each annotated page's file text by source path.
            anchors: every file of ``docs/`` by source path, with its page's ids (None: not a page);
                the annotated pages' own ids are added here.
            published: the list of published ids (``published_ids`` option), or None.
        """
        present: dict[str, set[str]] = {}
        anchors = dict(anchors)
        for name, page in self.pages.items():
            aliases = page.meta.get("paragraph_aliases")
            landing = landing_ids(split_front_matter(sources[name])[0], page.meta, self.notes[name].annotations,
                                  aliases if isinstance(aliases, dict) else {})
            present[name] = landing
            anchors[name] = (anchors.get(name) or set()) | ids_in(page.html) | landing
        problems = [p for name in self.pages for p in link_problems(self.notes[name].annotations, name, anchors, self.renderer)]
        for name, page in self.pages.items():  # (the page's own links and images, now that every page's ids are known)
            markdown_text, _meta, offset = split_front_matter(sources[name])
            problems += written_link_problems(page.body_html, name, page.links.here if page.links else "",
                                              page.links.urls if page.links else {}, anchors,
                                              lambda href: Position(page.page_file, *typed_in(markdown_text, href, offset)))
        for name, page in self.pages.items():
            if isinstance(note := page.meta.get("editor_note"), str):
                problems += markdown_link_problems(note, name, anchors, self.renderer, "editor_note",
                                                   partial(typed_at, sources[name], page.page_file, "editor_note"),
                                                   "the editor's note")
        if published is not None and self.pages:
            problems += published_problems(read_published(published), present, display_path(published, self.root))
        return problems

    def finish(self, page: AnnotatedPage, html: str) -> str:
        """The annotated page's final HTML (the whole document, as it will be written).

        Inserts the ClaimReview data before ``</head>``, then records each note's
        TextQuoteSelector and TextPositionSelector in the text a browser gives for ``<body>``
        (:mod:`annotated_edition.pagetext`), for :meth:`open_data`.
        """
        if page.reviews:
            script = self.templates.render("claim_reviews", reviews=page.reviews)
            at = html.find("</head>")
            html = html[:at] + script + html[at:] if at >= 0 else script + html
        page.selectors = note_selectors(html)
        return html

    def open_data(self, page: AnnotatedPage, links: Links) -> dict:
        """The page's notes as a W3C ``AnnotationCollection`` (published at ``<page>annotations.jsonld``)."""
        url = links.site_url + links.here
        title = page.meta.get("title", "")
        return annotation_collection(page.placed, url, url + OPEN_DATA, f"Notes on: {title}", self.renderer,
                                     links.absolute, page.selectors)
