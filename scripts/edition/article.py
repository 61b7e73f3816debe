"""The article page: its header (from front matter) and the paragraph-id rules.

Front matter fields (``docs/index.md``): ``title``, ``dek``, ``author``, ``date``
(YYYY-MM-DD), ``date_text`` (as printed), ``publisher``, ``republisher``, ``original_url``,
``photo_credit``, ``paragraph_aliases`` (old id -> new id) and ``annotated: true``.

The header parts get fixed ids that notes can target like paragraphs: ``headline``,
``dek``, ``byline``, ``dateline``, ``photo-credit``. Everything the edition adds to the
article's words carries the class ``ed-added`` so the fidelity test can tell it apart.
"""

from __future__ import annotations

import re
from html import escape

from bs4 import BeautifulSoup, NavigableString

from .problems import Problem

HEADER_IDS = ("headline", "dek", "byline", "dateline", "photo-credit")
ID_RULE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ATTR_LINE = re.compile(r"^\{:?\s*#([^\s}]+)[^}]*\}\s*$")
REQUIRED_META = ("title", "dek", "author", "date", "date_text", "publisher", "republisher", "original_url", "photo_credit")


def header_html(meta: dict, about_url: str) -> str:
    """The article's header and the editor's note, as HTML.

    Args:
        meta: the page's front matter.
        about_url: URL of the About page (relative to the article page).
    """
    e = lambda key: escape(str(meta.get(key, "")))  # noqa: E731
    return (
        '<header class="ed-header">'
        f'<p class="ed-kicker ed-added">Annotated edition · {e("publisher")} column, republished by {e("republisher")}</p>'
        f'<h1 id="headline">{e("title")}</h1>'
        f'<p class="ed-dek" id="dek">{e("dek")}</p>'
        f'<p class="ed-byline"><span id="byline">By {e("author")}</span>'
        f'<span class="ed-added" aria-hidden="true"> · </span>'
        f'<time id="dateline" datetime="{e("date")}">{e("date_text")}</time></p>'
        f'<p class="ed-credit" id="photo-credit"><span class="ed-added">Photo credit (the photo is not reproduced here): </span>'
        f'{e("photo_credit")}</p>'
        '</header>'
        '<div class="ed-editor-note ed-added" role="note" aria-label="Editor\'s note">'
        '<p><strong>Editor\'s note.</strong> The column is reproduced from a plain-text copy. We repaired that copy: '
        'two sentences it split across paragraphs are joined again ("…his government opposed the U.S.-led coup…" and '
        '"…policy: encouraging a nonviolent…"), a stray "2" after the last line is removed, and the two '
        '"Related article" lines, whose links pointed nowhere, are plain text. '
        f'<a href="{escape(about_url)}">About this edition</a> explains the notes and their verdicts. '
        f'Original: <a href="{e("original_url")}" rel="noopener noreferrer">{e("republisher")}</a>.</p>'
        '</div>'
    )


def meta_problems(meta: dict, page_file: str, source: str = "") -> list[Problem]:
    """Missing or malformed front matter fields of the article page.

    Args:
        meta: the front matter as MkDocs read it.
        page_file: the path shown in problems.
        source: the page's text, to point at the line of a field.
    """
    problems = []
    lines = source.splitlines()
    for key in REQUIRED_META:
        value = meta.get(key)
        line = next((i for i, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)
        if key not in meta or value in (None, ""):
            problems.append(Problem(page_file, line, 1, key, f"front matter field '{key}' is missing or empty",
                                    f"add '{key}: \"...\"' to the front matter"))
        elif not isinstance(value, str):
            problems.append(Problem(page_file, line, 1, key,
                                    f"front matter field '{key}' is not text (YAML read {value!r} as a {type(value).__name__})",
                                    f"put the value in quotes: {key}: \"{value}\""))
    aliases = meta.get("paragraph_aliases") or {}
    if not isinstance(aliases, dict):
        problems.append(Problem(page_file, 1, 1, "paragraph_aliases", "must be a mapping of old id to new id",
                                "write it as 'paragraph_aliases: {old-id: new-id}'"))
    return problems


def declared_paragraph_ids(markdown_text: str) -> list[tuple[str, int]]:
    """Ids written on their own line after a paragraph (``{#id}``), with 1-based line numbers."""
    found = []
    for number, line in enumerate(markdown_text.splitlines(), start=1):
        match = _ATTR_LINE.match(line.strip())
        if match:
            found.append((match.group(1), number))
    return found


def paragraph_id_problems(markdown_text: str, html: str, page_file: str, line_offset: int = 0) -> list[Problem]:
    """Check the article's paragraph ids (cases C07 and C08).

    Every declared id must follow :data:`ID_RULE`, be unique, and land on a ``<p>`` (Python-
    Markdown's attr_list can put it on a ``<br>`` or a list item instead); every paragraph of
    the article must have an id.

    Args:
        markdown_text: the page's Markdown without front matter.
        html: the same page rendered by Python-Markdown.
        page_file: the path shown in problems.
        line_offset: lines taken by the front matter, added to line numbers.
    """
    problems = []
    soup = BeautifulSoup(html, "html.parser")
    by_id: dict[str, list] = {}
    for tag in soup.find_all(id=True):
        by_id.setdefault(tag["id"], []).append(tag)
    seen: dict[str, int] = {}
    for ident, line in declared_paragraph_ids(markdown_text):
        line += line_offset
        if not ID_RULE.match(ident):
            problems.append(Problem(page_file, line, 1, ident, "a paragraph id may only use lowercase a-z, 0-9 and single hyphens",
                                    "rename it, e.g. {#cargo-planes}"))
        if ident in seen:
            problems.append(Problem(page_file, line, 1, ident, f"the paragraph id is used twice (first at line {seen[ident]})",
                                    "give each paragraph its own id"))
            continue
        seen[ident] = line
        if ident in HEADER_IDS:
            problems.append(Problem(page_file, line, 1, ident, "this id is reserved for the article header",
                                    "choose another id"))
        tags = by_id.get(ident, [])
        if not tags:
            problems.append(Problem(page_file, line, 1, ident, "the id was not attached to any element",
                                    "put '{#id}' on its own line directly after the paragraph's last line"))
        elif tags[0].name != "p":
            problems.append(Problem(page_file, line, 1, ident,
                                    f"the id landed on a <{tags[0].name}>, not on the paragraph (a line break or list before it?)",
                                    "end the paragraph without a hard line break, or give the list its own paragraph"))
    for leftover in soup.find_all(string=re.compile(r"\{:?\s*#[^}]*\}")):
        if type(leftover) is not NavigableString:  # comments may mention the syntax
            continue
        problems.append(Problem(page_file, 0, 0, "", f"an id was left in the text: {leftover.strip()[:60]!r}",
                                "put '{#id}' on its own line directly after the paragraph, with no line break before it"))
    for p in soup.find_all("p"):
        if not p.get("id") and p.get_text(strip=True):
            text = " ".join(p.get_text().split())[:50]
            problems.append(Problem(page_file, 0, 0, "", f"the paragraph {text!r} has no id",
                                    "add a line '{#some-id}' directly after it"))
    return problems


def legend_html(annotation_set) -> str:
    """The legend: the four categories with their counts; filter controls appear with JavaScript."""
    from .annotations import CATEGORIES

    counts = annotation_set.counts()
    items = []
    for key, cat in CATEGORIES.items():
        items.append(
            f'<label><input type="checkbox" data-cat="{key}" checked hidden>'
            f'<span class="ed-cat ed-cat--{key}"><span class="ed-cat__icon" aria-hidden="true">{cat.icon}</span>'
            f'{escape(cat.plural)}</span> <span class="ed-legend__count">({counts.get(key, 0)})</span></label>')
    return (
        '<div class="ed-legend ed-added" role="group" aria-label="Note categories">'
        f'<p class="ed-legend__title">{sum(counts.values())} notes:</p>{"".join(items)}'
        '<button type="button" class="ed-legend__toggle-all" aria-pressed="false" hidden>Expand all notes</button>'
        '</div>'
    )
