"""Generated listings of one annotated page: its Sources and its Index of notes (template contexts).

A page of ``docs/`` becomes a listing by its front matter: ``edition_page: sources``,
``edition_page: notes-index`` or ``edition_page: corrections`` (every correction of the notes,
newest first, after the page's own text), and ``annotations_of: <page>.md`` when the site has several
annotated pages (default: the first one configured).
"""

from __future__ import annotations

from collections import Counter

import unicodedata

from .merge import Placed
from .model import AnnotationSet, Settings
from .problems import Problem

KINDS = ("sources", "notes-index", "corrections")


def alphabetical(name: str) -> tuple[str, str]:
    """Sort key that files a name as a reader looks it up: accents and case set aside ("Báo Nghệ An" before
    "Brinkwire", not after it), the name itself breaking ties. Unicode
    decomposition (NFKD, ``unicodedata``) without the combining marks; no locale needed."""
    base = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return base.casefold(), name


def sources_context(annotation_set: AnnotationSet, article_url: str, number_of: dict[str, int] | None = None) -> dict:
    """Context of ``sources.html``: every cited source, by publisher, each with the notes that cite it.

    Args:
        annotation_set: the page's notes and sources.
        article_url: URL of the annotated page relative to the listing page (``../``).
        number_of: each placed note's number by its id (the marker's), written before its title and giving the
            order of the notes that cite a source (unnumbered ones last, in file order); ``None``: file order.
    """
    number_of = number_of or {}
    in_article_order = sorted(annotation_set.annotations, key=lambda a: number_of.get(a.id, len(number_of) + 1))
    cited_by: dict[str, list] = {}
    for a in in_article_order:
        for s in a.sources:
            cited_by.setdefault(s.id, []).append(a)
    by_publisher: dict[str, list] = {}
    for sid, source in annotation_set.sources.items():
        if sid in cited_by:
            by_publisher.setdefault(source.publisher, []).append(source)
    groups = [(publisher, [(s, cited_by[s.id]) for s in sorted(by_publisher[publisher], key=lambda s: (s.date, s.title))])
              for publisher in sorted(by_publisher, key=alphabetical)]
    return {"groups": groups, "total_sources": sum(len(v) for v in by_publisher.values()),
            "total_notes": len(annotation_set.annotations), "article_url": article_url, "number_of": number_of}


def uncited_notice(annotation_set: AnnotationSet, page: str, sources_file: str) -> str | None:
    """The line a check or build prints when sources of ``page``'s list (shown as ``sources_file``) are cited by no
    note: the Sources page leaves them out, so an editor who forgot to cite one would not know. None if all are."""
    uncited = annotation_set.uncited()
    if not uncited:
        return None
    return (f"{sources_file}: {len(uncited)} source(s) cited by no note of {page}, so left off its Sources page: "
            f"{', '.join(uncited)} (cite them in a note's 'sources:', or delete them)")


FIRST_WORDS = 8


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first ``count`` words of ``text``, with an ellipsis when there are more (a comma, colon, semicolon or
    full stop the cut falls after gives way to it: "is symbolic…", not "is symbolic.…")."""
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]).rstrip(".,;:") + "…"


def notes_index_context(settings: Settings, placed: list[Placed], article_url: str) -> dict:
    """Context of ``notes_index.html``: the placed notes by category (the page's order) and by paragraph.

    ``by_category`` is ``[(Category, [Placed], tally)]``, the tally of a category that carries verdicts being
    ``[(Verdict, count)]`` in the scale's order (verdicts no note has left out), else empty.
    ``by_paragraph`` is ``[(paragraph id, its first words, [Placed])]`` in document order.
    """
    by_paragraph: dict[str, list[Placed]] = {}
    for p in placed:
        by_paragraph.setdefault(p.annotation.paragraph, []).append(p)
    by_category = []
    for key, cat in settings.categories.items():
        items = [p for p in placed if p.annotation.category.id == key]
        counts = Counter(p.annotation.verdict.id for p in items if p.annotation.verdict)
        tally = [(v, counts[v.id]) for v in settings.verdicts.values() if counts[v.id]] if cat.verdicts else []
        by_category.append((cat, items, tally))
    return {"by_category": by_category,
            "by_paragraph": [(pid, first_words(items[0].paragraph_text), items) for pid, items in by_paragraph.items()],
            "article_url": article_url}


def corrections_context(placed: list[Placed], article_url: str, repo_url: str) -> dict:
    """Context of ``corrections.html``: every correction of the placed notes, newest first (then in note order)."""
    entries = [(c, p.annotation) for p in placed for c in p.annotation.corrections]
    entries.sort(key=lambda entry: entry[0].date, reverse=True)  # stable: same-day corrections keep note order
    return {"entries": entries, "article_url": article_url, "repo_url": (repo_url or "").rstrip("/")}


def render_listing(edition, kind: str, of: str, article_url: str, repo_url: str = "") -> str:
    """The HTML of the ``kind`` listing of the annotated page ``of`` (an :class:`~annotated_edition.core.Edition`'s)."""
    annotated = edition.pages[of]
    if kind == "sources":
        number_of = {p.annotation.id: p.number for p in annotated.placed}
        return edition.templates.render("sources", **sources_context(edition.notes[of], article_url, number_of))
    if kind == "corrections":
        return edition.templates.render("corrections", **corrections_context(annotated.placed, article_url, repo_url))
    return edition.templates.render("notes_index", **notes_index_context(
        edition.settings_of(annotated.spec), annotated.placed, article_url))


# listings that only repeat the notes (which have their own search entries): left out of the search index (the Sources
# listing's list is too, by data-search-exclude: each source has an entry of its own, search_index.source_entries)
SEARCH_EXCLUDED = ("notes-index",)


def find_listings(sources: dict[str, str], default_page: str) -> dict[str, tuple[str, str]]:
    """The listing pages among ``sources`` (source path -> file text): ``{path: (kind, annotated page)}``."""
    from .frontmatter import split_front_matter

    found = {}
    for src, text in sources.items():
        _md, meta, _offset = split_front_matter(text)
        if meta.get("edition_page") in KINDS:
            found[src] = (meta["edition_page"], meta.get("annotations_of") or default_page)
    return found


def listing_problems(sources: dict[str, str], docs_dir: str, annotated: list[str]) -> list[Problem]:
    """Pages of ``sources`` (source path -> file text, in ``docs_dir`` as shown) meant as listings that would be
    published without their list: ``edition_page`` naming no kind of listing, ``annotations_of`` naming no page of
    ``annotated`` (the annotated pages), or front matter naming them that does not parse (MkDocs then shows it as
    the page's first words). As every page's front matter is read here, two more: a page saying ``annotated: true``
    that mkdocs.yml does not list (an error: it would be published bare) and a key written twice in a page that is
    not annotated (a warning; an annotated page's own check says it)."""
    from .frontmatter import duplicate_fields, front_matter_places, split_front_matter

    problems = []
    for src, text in sources.items():
        _md, meta, _offset = split_front_matter(text)
        kind, where = meta.get("edition_page"), f"{docs_dir}/{src}"
        problems += duplicate_fields(text, where) if src not in annotated else []
        if meta.get("annotated") is True and src not in annotated:
            problems.append(Problem(where, front_matter_places(text)("annotated").line, 1, "annotated", "the page says "
                                    "'annotated: true', but the plugin's 'pages:' in mkdocs.yml does not list it, so it "
                                    "would be published without its notes", f"add '- {{page: {src}, annotations: <its "
                                    "notes folder>}' under 'pages:', or remove 'annotated: true'"))
        if kind is not None and kind not in KINDS:
            problems.append(Problem(where, front_matter_places(text)("edition_page").line, 1, "edition_page",
                                    f"{kind!r} is no kind of listing, so the page would be published without its list",
                                    f"write one of: {', '.join(KINDS)}"))
        elif kind is not None and (of := meta.get("annotations_of") or (annotated or [""])[0]) not in annotated:
            problems.append(Problem(where, front_matter_places(text)("annotations_of").line, 1, "annotations_of",
                                    f"{of!r} is not an annotated page of mkdocs.yml", f"write one of: {', '.join(annotated)}"))
        elif not meta and text.startswith("---") and "edition_page" in text.split("\n---", 1)[0]:
            problems.append(Problem(where, 1, 1, "edition_page", "the front matter does not parse, so the page would be "
                                    "published without its list, and with its front matter as text",
                                    "fix its YAML (put a value holding ': ', '[' or '#' in quotes)"))
    return problems


def listing_url(urls: dict[str, str], listings: dict[str, tuple[str, str]], kind: str, page: str) -> str | None:
    """The site-relative URL of the ``kind`` listing of the annotated ``page``, or None."""
    return next((urls[src] for src, (k, of) in listings.items() if k == kind and of == page), None)
