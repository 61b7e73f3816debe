"""Generated listings: the Sources page and the Index of notes, both built from the YAML."""

from __future__ import annotations

from html import escape

from .annotations import CATEGORIES, VERDICTS, AnnotationSet
from .notes import render_inline, source_html


def sources_html(annotation_set: AnnotationSet, article_url: str) -> str:
    """Every cited source, grouped by publisher, each linking back to every note that cites it.

    Args:
        annotation_set: the loaded annotations and sources.
        article_url: URL of the article page relative to the Sources page (e.g. ``../``).
    """
    cited_by: dict[str, list] = {}
    for a in annotation_set.annotations:
        for s in a.sources:
            cited_by.setdefault(s.id, []).append(a)
    by_publisher: dict[str, list] = {}
    for sid, source in annotation_set.sources.items():
        if sid in cited_by:
            by_publisher.setdefault(source.publisher, []).append(source)
    parts = [f'<p class="ed-count">{sum(len(v) for v in by_publisher.values())} sources from '
             f'{len(by_publisher)} publishers, cited by {len(annotation_set.annotations)} notes.</p>']
    for publisher in sorted(by_publisher, key=str.casefold):
        parts.append(f"<h2>{escape(publisher)}</h2><ul class=\"ed-sources\">")
        for source in sorted(by_publisher[publisher], key=lambda s: (s.date, s.title)):
            notes = ", ".join(f'<a href="{escape(article_url)}#{a.id}">{render_inline(a.title)}</a>'
                              for a in cited_by[source.id])
            parts.append(f'<li id="source-{escape(source.id.lower())}">{source_html(source)}'
                         f'<br><span class="ed-cited">Cited in: {notes}</span></li>')
        parts.append("</ul>")
    return "".join(parts)


def notes_index_html(annotation_set: AnnotationSet, placed, article_url: str) -> str:
    """Every note, by category and by paragraph, each linking to the note on the article page.

    Args:
        annotation_set: the loaded annotations.
        placed: the notes as placed on the article (``edition.merge.Placed``), in document order.
        article_url: URL of the article page relative to this page.
    """
    def item(p) -> str:
        a = p.annotation
        verdict = f' <span class="ed-verdict ed-verdict--{a.verdict}">{VERDICTS[a.verdict]}</span>' if a.verdict else ""
        return (f'<li><a href="{escape(article_url)}#{a.id}">{p.number}. {render_inline(a.title)}</a>{verdict}'
                f' <span class="ed-quote">“{escape(a.exact)}”</span></li>')

    parts = ["<h2>By category</h2>"]
    for key, cat in CATEGORIES.items():
        items = [p for p in placed if p.annotation.category == key]
        parts.append(f'<h3>{escape(cat.plural)} ({len(items)})</h3><p>{escape(cat.description)}</p><ul>')
        parts += [item(p) for p in items]
        parts.append("</ul>")
    parts.append("<h2>By paragraph</h2>")
    seen: list[str] = []
    for p in placed:
        if p.annotation.paragraph not in seen:
            seen.append(p.annotation.paragraph)
    for paragraph in seen:
        items = [p for p in placed if p.annotation.paragraph == paragraph]
        parts.append(f'<h3><a href="{escape(article_url)}#{paragraph}">#{paragraph}</a></h3><ul>')
        parts += [item(p) for p in items]
        parts.append("</ul>")
    return "".join(parts)
