"""Merging annotations into the article's HTML: highlights, markers and notes.

Input is the page's rendered HTML (from Python-Markdown, inside the MkDocs build); output is
the same HTML with, for each annotation:

- its quoted span wrapped in ``<span class="ed-hl">`` pieces, one per text node, so a quote
  that crosses emphasis or a link, or overlaps another quote, still gives valid nested HTML
  (the approach of the Hypothesis client's ``highlighter.ts``);
- a numbered marker link (``<a class="ed-marker" href="#note-id">``) after the span;
- the note itself (an ``<aside role="note">``, see :mod:`edition.render`) right after its
  paragraph, in order of the quotes, so it reads in place without JavaScript and on a phone.

HTML is parsed with Beautiful Soup (https://www.crummy.com/software/BeautifulSoup/).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .anchoring import Anchor, AnchorFailure, find_quote
from .annotations import Annotation
from .problems import Problem

NoteRenderer = Callable[[Annotation, int], str]
_SLOT = re.compile(r'<ed-note-slot data-id="[^"]*"></ed-note-slot>')
OWN_CLASSES = ("ed-note", "ed-marker", "ed-added")


@dataclass
class Placed:
    """An annotation resolved in the page: its number (1-based, document order) and anchor."""

    annotation: Annotation
    number: int
    anchor: Anchor


def _text_nodes(element: Tag) -> list[NavigableString]:
    """The text nodes of ``element`` in document order (comments and the like excluded)."""
    return [n for n in element.descendants
            if isinstance(n, NavigableString) and type(n) is NavigableString]


def element_text(element: Tag) -> str:
    """The text content of ``element``, as anchoring sees it (concatenated text nodes)."""
    return "".join(str(n) for n in _text_nodes(element))


def _wrap(soup: BeautifulSoup, element: Tag, anchor: Anchor, annotation: Annotation) -> list[Tag]:
    """Wrap ``element``'s text in ``[anchor.start, anchor.end)`` in highlight spans; return them."""
    pieces: list[Tag] = []
    offset = 0
    for node in _text_nodes(element):
        text = str(node)
        a, b = offset, offset + len(text)
        offset = b
        if b <= anchor.start or a >= anchor.end or not text:
            continue
        ls, le = max(anchor.start, a) - a, min(anchor.end, b) - a
        span = soup.new_tag("span", attrs={
            "class": f"ed-hl ed-hl--{annotation.category}",
            "data-note": annotation.id,
        })
        span.string = text[ls:le]
        new = [NavigableString(text[:ls])] if ls else []
        new.append(span)
        if le < len(text):
            new.append(NavigableString(text[le:]))
        node.replace_with(*new)
        pieces.append(span)
    if pieces:
        pieces[0]["aria-details"] = annotation.id
    return pieces


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "header", "figure")


def _block_of(element: Tag) -> Tag:
    """The element itself when it is a block, else its nearest block ancestor (notes go after it)."""
    if element.name in _BLOCKS:
        return element
    parent = element.find_parent(list(_BLOCKS))
    return parent or element


def _after_highlight(piece: Tag) -> Tag:
    """Where a marker goes: after its quote's last piece, outside highlights that end there too,
    and after markers already placed at that point, so markers keep the notes' order."""
    target = piece
    while (target.parent is not None and "ed-hl" in (target.parent.get("class") or [])
           and target.next_sibling is None):
        target = target.parent
    while isinstance(target.next_sibling, Tag) and "ed-marker" in (target.next_sibling.get("class") or []):
        target = target.next_sibling
    return target


def _ids(soup: BeautifulSoup) -> dict[str, list[Tag]]:
    found: dict[str, list[Tag]] = {}
    for tag in soup.find_all(id=True):
        found.setdefault(tag["id"], []).append(tag)
    return found


def _describe(tag: Tag) -> str:
    text = " ".join(tag.get_text(" ").split())
    return f"<{tag.name}> {text[:40]!r}"


def duplicate_id_problems(soup: BeautifulSoup, page_file: str, extra_ids: list[str] = ()) -> list[Problem]:
    """One problem per id carried by two or more elements of the page (case C08).

    ``extra_ids`` are ids of elements not in ``soup`` yet (the notes, added after serialising).
    """
    problems = []
    found = _ids(soup)
    for ident in extra_ids:
        found.setdefault(ident, []).append(None)
    for ident, tags in found.items():
        if len(tags) > 1:
            places = " and ".join(_describe(t) if t is not None else "a note" for t in tags[:3])
            problems.append(Problem(page_file, 0, 0, ident, f"the id is used twice on the page: {places}",
                                    "rename one of them (paragraph ids in docs/, note ids in annotations/)"))
    return problems


def merge(html: str, annotations: list[Annotation], render_note: NoteRenderer,
          page_file: str, aliases: dict[str, str] | None = None) -> tuple[str, list[Placed], list[Problem]]:
    """Merge ``annotations`` into the page ``html``.

    Args:
        html: the page's content HTML.
        annotations: validated annotations (see :func:`edition.annotations.load_annotations`).
        render_note: ``render_note(annotation, number) -> html`` for the note element.
        page_file: the page's source path, for problems about the page itself.
        aliases: former paragraph ids mapped to current ones; each gets an empty anchor element
            just before its paragraph so old links land without JavaScript.

    Returns:
        ``(html, placed, problems)``: the merged HTML, the notes placed in document order, and
        every anchoring problem (file:line of the annotation's ``exact``). With problems, the
        returned HTML must not be published.
    """
    soup = BeautifulSoup(html, "html.parser")
    problems: list[Problem] = []
    ids = _ids(soup)
    order = {id(tag): i for i, tag in enumerate(soup.find_all(True))}
    resolved: list[tuple[Tag, Anchor, Annotation]] = []
    texts: dict[str, str] = {}
    for ann in annotations:
        where = (ann.file, ann.target_line, ann.target_column, ann.id)
        targets = ids.get(ann.paragraph) or ids.get((aliases or {}).get(ann.paragraph, ""))
        if not targets:
            known = [k for k, v in ids.items() if v[0].name in ("p", "h1", "span", "time")]
            close = difflib.get_close_matches(ann.paragraph, known, n=1)
            problems.append(Problem(ann.file, ann.paragraph_line, ann.paragraph_column, ann.id,
                                    f"paragraph '{ann.paragraph}' does not exist in {page_file}",
                                    f"did you mean '{close[0]}'?" if close else "use the id written after the paragraph ({#...})"))
            continue
        element = targets[0]
        text = texts.setdefault(ann.paragraph, element_text(element))
        try:
            anchor = find_quote(text, ann.exact, ann.prefix, ann.suffix)
        except AnchorFailure as failure:
            what, todo = failure.describe()
            problems.append(Problem(*where, f"{what} (paragraph '{ann.paragraph}')", todo))
            continue
        resolved.append((element, anchor, ann))
    resolved.sort(key=lambda r: (order[id(r[0])], r[1].start, r[1].end, r[2].id))
    placed: list[Placed] = []
    last_piece: dict[str, Tag] = {}
    for number, (element, anchor, ann) in enumerate(resolved, start=1):
        pieces = _wrap(soup, element, anchor, ann)
        last_piece[ann.id] = pieces[-1]
        placed.append(Placed(ann, number, anchor))
    # Markers go in after every highlight exists, so they never shift another quote's offsets.
    notes_after: dict[int, list[Placed]] = {}
    elements: dict[int, Tag] = {}
    for (element, _anchor, _ann), item in zip(resolved, placed):
        ann = item.annotation
        marker = soup.new_tag("a", attrs={
            "class": f"ed-marker ed-marker--{ann.category}", "id": f"ref-{ann.id}", "href": f"#{ann.id}",
            "aria-controls": ann.id, "data-note": ann.id, "data-search-exclude": "",
            # the stylesheet draws the number from data-n, so the marker adds no text to the
            # paragraph: text fragment links (#:~:text=) match across it, with or without JavaScript
            "data-n": str(item.number), "aria-label": f"Note {item.number}, {ann.category_info.label}"})
        number = soup.new_tag("span", attrs={"class": "ed-marker__num", "aria-hidden": "true"})
        number.string = str(item.number)
        label = soup.new_tag("span", attrs={"class": "ed-sr"})
        label.string = f"Note {item.number}, {ann.category_info.label}"
        marker.extend([number, label])
        _after_highlight(last_piece[ann.id]).insert_after(marker)
        block = _block_of(element)  # header parts (byline, dateline) share one block
        notes_after.setdefault(id(block), []).append(item)
        elements[id(block)] = block
    # Notes go in as empty placeholder elements, replaced by their HTML after serialising:
    # parsing each note's HTML into the tree would cost more than the rest of the merge.
    slots: dict[str, str] = {}
    for key, items in notes_after.items():
        anchor_point = elements[key]
        for item in sorted(items, key=lambda i: i.number):
            slot = soup.new_tag("ed-note-slot", attrs={"data-id": item.annotation.id})
            slots[f'<ed-note-slot data-id="{item.annotation.id}"></ed-note-slot>'] = render_note(item.annotation, item.number)
            anchor_point.insert_after(slot)
            anchor_point = slot
    for old, new in (aliases or {}).items():
        target = ids.get(new)
        if not target:
            problems.append(Problem(page_file, 1, 1, f"paragraph_aliases.{old}", f"the alias points to '{new}', which does not exist",
                                    "point it at the paragraph's current id"))
        elif old in ids:
            problems.append(Problem(page_file, 1, 1, f"paragraph_aliases.{old}", f"'{old}' is still the id of an element",
                                    "remove the alias, or finish renaming the paragraph"))
        else:
            stub = soup.new_tag("span", attrs={"id": old, "class": "ed-alias", "data-alias-of": new})
            target[0].insert_before(stub)
    for item in placed:
        for old in item.annotation.aliases:
            slot = soup.find("ed-note-slot", attrs={"data-id": item.annotation.id})
            if slot is not None:
                stub = soup.new_tag("span", attrs={"id": old, "class": "ed-alias", "data-alias-of": item.annotation.id})
                slot.insert_before(stub)
    by_id = {i: p.annotation for p in placed for i in (p.annotation.id, f"{p.annotation.id}-title", f"ref-{p.annotation.id}")}
    for problem in duplicate_id_problems(soup, page_file, extra_ids=[i for p in placed for i in (p.annotation.id, f"{p.annotation.id}-title")]):
        note = by_id.get(problem.subject)
        if note is not None:
            problem = Problem(note.file, note.line, note.column, note.id,
                              f"the note's id (or its {problem.subject!r}) clashes with another element: {problem.what.split(': ', 1)[-1]}",
                              "choose another id for the note (ids are public URLs)")
        problems.append(problem)
    html = _SLOT.sub(lambda m: slots.get(m.group(0), ""), str(soup))  # one pass: linear in the page size
    return html, placed, problems
