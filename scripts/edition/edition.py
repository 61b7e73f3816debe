"""One article page plus its annotations, checked and merged: shared by the MkDocs hook and ``make check``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .annotations import AnnotationSet, load_annotations
from .article import header_html, legend_html, meta_problems, paragraph_id_problems
from .merge import Placed, merge
from .notes import LinkResolver, note_html
from .permalinks import add_permalinks
from .problems import Problem


@dataclass
class MergedPage:
    """The merged article: ``html`` (publish only when ``errors`` is empty), notes placed, problems."""

    html: str
    placed: list[Placed]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def annotate_article(body_html: str, markdown_text: str, meta: dict, annotation_set: AnnotationSet,
                     page_file: str, *, line_offset: int = 0, about_url: str = "about/",
                     sources_url: str = "sources/", resolve_link: LinkResolver | None = None,
                     share_base: str = "share/", render_notes: bool = True, source: str = "") -> MergedPage:
    """Check the article and merge its annotations.

    Args:
        body_html: the article's Markdown rendered to HTML (without the header).
        markdown_text: the article's Markdown, front matter removed.
        meta: the front matter.
        annotation_set: from :func:`edition.annotations.load_annotations`; its problems are included.
        page_file: the article's path as shown in problems.
        line_offset: the number of front matter lines, so Markdown line numbers match the file.
        about_url / sources_url: links from the article to those pages.
        resolve_link: maps links written in note bodies (``about.md``) to published URLs.
        share_base: URL of the folder of share pages (one per note, with its link preview).
        render_notes: False leaves each note's element empty (for checking only: faster).
        source: the page's whole text (front matter included), to give front matter lines.
    """
    problems = list(annotation_set.problems)
    problems += meta_problems(meta, page_file, source)
    problems += paragraph_id_problems(markdown_text, body_html, page_file, line_offset)
    aliases = meta.get("paragraph_aliases") if isinstance(meta.get("paragraph_aliases"), dict) else {}
    html = header_html(meta, about_url) + legend_html(annotation_set) + body_html

    def render(annotation, number):
        if not render_notes:
            return f'<aside id="{annotation.id}"></aside>'
        return note_html(annotation, number, resolve_link, sources_url, share_base)

    merged, placed, merge_problems = merge(html, annotation_set.annotations, render, page_file, aliases)
    merged = add_permalinks(merged)
    problems += merge_problems
    return MergedPage(f'<div class="ed-article">{merged}</div>', placed, problems)


def annotations_dir(config_file: str | Path) -> Path:
    """The ``annotations/`` folder that sits beside ``mkdocs.yml``."""
    return Path(config_file).resolve().parent / "annotations"


def load_for(config_file: str | Path) -> AnnotationSet:
    """Load the annotations of the project whose ``mkdocs.yml`` is ``config_file``."""
    root = Path(config_file).resolve().parent
    return load_annotations(annotations_dir(config_file), root)
