"""Merging annotations into a page's HTML: highlights, markers and notes.

Input is the page's parsed HTML (Beautiful Soup, https://www.crummy.com/software/BeautifulSoup/);
output is the same HTML where, for each annotation,

- its quote is wrapped in ``<span class="ed-hl">`` pieces (``ed-hl--flag`` when its verdict is
  one the reader should see first: ``prominent`` in ``mkdocs.yml``), one per text node, so a quote that
  crosses emphasis or a link, or overlaps another quote, still gives valid nested HTML (the
  approach of the Hypothesis client's ``highlighter.ts``);
- notes whose quotes end in the same sentence form a group (:mod:`annotated_edition.sentences`):
  one numbered marker (template ``marker.html``) follows the group's last quote, and one item
  (template ``group.html``: the notes, each with its own id) follows the paragraph, in the
  order of the quotes, so it reads in place without JavaScript and on a phone.

Markers and notes go in as empty slot elements replaced by their rendered HTML after
serialising: parsing every note into the tree would cost more than the rest of the merge.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable

from bs4 import BeautifulSoup, NavigableString, Tag

from .anchoring import Anchor, AnchorFailure, NormalisedText, cut_word, find_quote, quote_elsewhere
from .model import Annotation
from .page_ids import duplicate_id_problems, ids_of
from .problems import Problem
from .sentences import sentence_ends, sentence_of

_SLOT = re.compile(r'<ed-slot data-id="([^"]*)"></ed-slot>')
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "header", "figure")


@dataclass
class Placed:
    """An annotation resolved in the page: its number (1-based, document order), anchor and group.

    ``group`` is the id of the group's first note: notes on one sentence share its marker;
    ``paragraph_text`` is the text of the paragraph the quote is in.
    """

    annotation: Annotation
    number: int
    anchor: Anchor
    group: str = ""
    paragraph_text: str = ""
    paragraph: str = ""  # the id of the element it was found in (the current id when the note names an alias)


Render = Callable[[list[Placed]], str]


def _text_nodes(element: Tag) -> list[NavigableString]:
    """The text nodes of ``element`` in document order (comments and the like excluded)."""
    return [n for n in element.descendants if isinstance(n, NavigableString) and type(n) is NavigableString]


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
        flag = " ed-hl--flag" if annotation.verdict is not None and annotation.verdict.prominent else ""
        attrs = {"class": f"ed-hl ed-hl--{annotation.category.id}{flag}", "data-note": annotation.id}  # (the verdict: on the note)
        span = soup.new_tag("span", attrs=attrs)
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


def _block_of(element: Tag) -> Tag:
    """The element itself when it is a block, else its nearest block ancestor (notes go after it)."""
    if element.name in _BLOCKS:
        return element
    return element.find_parent(list(_BLOCKS)) or element


def _after_highlight(piece: Tag) -> Tag:
    """Where a marker goes: after its quote's last piece, outside highlights that end there too,
    and after markers already placed there, so markers keep the notes' order."""
    target = piece
    while (target.parent is not None and "ed-hl" in (target.parent.get("class") or [])
           and target.next_sibling is None):
        target = target.parent
    while isinstance(target.next_sibling, Tag) and target.next_sibling.name == "ed-slot":
        target = target.next_sibling
    return _past_closing_marks(target)


# a closing quotation mark, bracket or punctuation right after a quote: the marker goes after it ("on the
# table"7, "survival.1"), as a footnote mark does (Chicago Manual of Style 14.26: after any punctuation but a
# dash); an apostrophe followed by a letter ("Russia's") is not one
_CLOSING = re.compile(r"""^(?:["\u201d\u00bb)\].,;:!?\u2026]|['\u2019](?![^\W\d_]))+""")


def _past_closing_marks(target: Tag) -> Tag:
    """``target``, or the closing marks that follow it as their own text node (split off the text after)."""
    text = target.next_sibling
    match = _CLOSING.match(text) if type(text) is NavigableString else None  # (not a comment or CDATA)
    if not match:
        return target
    closing, rest = NavigableString(match.group()), text[match.end():]
    text.replace_with(closing)
    if rest:
        closing.insert_after(NavigableString(rest))
    return closing


def _missing_paragraph(ann: Annotation, ids: dict, page_file: str) -> Problem:
    known = [k for k, v in ids.items() if v[0].name in ("p", "h1", "span", "time")]
    close = difflib.get_close_matches(ann.paragraph, known, n=1)
    at, renamed = ann.paragraph_at, " (a paragraph renamed in the article keeps its old id under 'paragraph_aliases')"
    return Problem(at.file, at.line, at.column, ann.id, f"paragraph '{ann.paragraph}' does not exist in {page_file}",
                   (f"did you mean '{close[0]}'?" if close else "use the id written after the paragraph ({#...})") + renamed)


Resolved = tuple[Tag, Anchor, Annotation]


def resolve(soup: BeautifulSoup, annotations: list[Annotation], page_file: str,
            aliases: dict[str, str]) -> tuple[list[Resolved], dict[int, str], list[Problem]]:
    """Find each annotation's paragraph and quote.

    Returns:
        ``([(element, anchor, annotation)] in document order, {id(element): its text}, problems)``; notes on
        the same words keep the order they were read in (file by file, each file top to bottom).
    """
    ids = ids_of(soup)
    order = {id(tag): i for i, tag in enumerate(soup.find_all(True))}
    texts: dict[str, NormalisedText] = {}
    resolved, problems = [], []
    for ann in annotations:
        targets = ids.get(ann.paragraph) or ids.get(aliases.get(ann.paragraph, ""))
        if not targets:
            problems.append(_missing_paragraph(ann, ids, page_file))
            continue
        text = texts.get(ann.paragraph)
        if text is None:
            text = texts[ann.paragraph] = NormalisedText.of(element_text(targets[0]))
        try:
            anchor = find_quote(text, ann.exact, ann.prefix, ann.suffix)
        except AnchorFailure as failure:
            what, todo = failure.describe()
            others = {i: element_text(t[0]) for i, t in ids.items() if t[0].name == "p" and i != ann.paragraph}
            others |= {f" {' '.join(element_text(p).split()[:5])}": element_text(p) for p in soup.find_all("p", id=False)}
            if failure.kind == "missing" and (elsewhere := quote_elsewhere(ann.exact, others)):  # (' ': a paragraph without id)
                what = what.split(";")[0]  # (not the closest passage here: the words are all there, elsewhere)
                todo = (f"the words are in the paragraph '{elsewhere[1:]}...', which has no id: give it one and name it here"
                        if elsewhere[0] == " " else f"the words are in paragraph '{elsewhere}': write 'paragraph: {elsewhere}'")
            at = ann.target_at
            problems.append(Problem(at.file, at.line, at.column, ann.id, f"{what} (paragraph '{ann.paragraph}')", todo))
            continue
        resolved.append((targets[0], anchor, ann))
        if word := cut_word(text.text, anchor):
            at = ann.target_at
            problems.append(Problem(at.file, at.line, at.column, ann.id, f"the quote begins or ends inside the word "
                                    f"{word!r}, so the highlight would cut it", "quote whole words", "warning"))
    resolved.sort(key=lambda r: (order[id(r[0])], r[1].start, r[1].end))  # (stable: notes on one quote in file order)
    return resolved, {id(e): texts[a.paragraph].text for e, _, a in resolved}, problems


def groups_of(resolved: list[Resolved], texts: dict[int, str]) -> list[list[Resolved]]:
    """The notes grouped by the sentence their quote ends in, groups in order of their first quote."""
    groups: dict[tuple[int, int], list[Resolved]] = {}
    ends: dict[int, list[int]] = {}
    for item in resolved:
        element, anchor, _ann = item
        sentences = ends.get(id(element)) or ends.setdefault(id(element), sentence_ends(texts[id(element)]))
        groups.setdefault((id(element), sentence_of(sentences, anchor.end - 1)), []).append(item)
    return list(groups.values())


def _slot(soup: BeautifulSoup, key: str) -> Tag:
    return soup.new_tag("ed-slot", attrs={"data-id": key})


def _alias_stubs(soup: BeautifulSoup, ids: dict, aliases: dict[str, str], placed: list[Placed],
                 slots: dict[str, Tag]) -> None:
    # slots: group id -> the group's slot
    """An empty element with each former id, just before what it now names, so old links land without JavaScript
    (an alias that cannot work is left out: :func:`annotated_edition.frontmatter.alias_problems` names it)."""
    for old, new in aliases.items():
        if ids.get(new) and old not in ids:
            ids[new][0].insert_before(soup.new_tag("span", attrs={"id": old, "class": "ed-alias", "data-alias-of": new}))
    for item in placed:
        for old in item.annotation.aliases:
            slots[item.group].insert_before(
                soup.new_tag("span", attrs={"id": old, "class": "ed-alias", "data-alias-of": item.annotation.id}))


def merge(soup: BeautifulSoup, annotations: list[Annotation], render_marker: Render, render_note: Render,
          page_file: str, aliases: dict[str, str] | None = None,
          serialise: bool = True) -> tuple[str, list[Placed], list[Problem]]:
    """Merge ``annotations`` into the parsed page ``soup``.

    Args:
        soup: the page's content HTML, parsed; it is changed in place.
        annotations: validated annotations (:func:`annotated_edition.loading.load_annotations`).
        render_marker / render_note: ``(notes of one group) -> html`` (the templates).
        page_file: the page's source path, for problems about the page itself.
        aliases: former paragraph ids -> current ones (front matter ``paragraph_aliases``).
        serialise: False returns ``""`` as the HTML (a check needs only the problems).

    Returns:
        ``(html, placed, problems)``: the merged HTML, the notes placed in document order, and
        every anchoring problem (at the file and line of the annotation's ``exact``). With
        problems, the HTML must not be published.
    """
    aliases = aliases or {}
    ids = ids_of(soup)
    resolved, texts, problems = resolve(soup, annotations, page_file, aliases)
    groups = groups_of(resolved, texts)
    placed: list[Placed] = []
    for group in groups:
        placed += [Placed(ann, len(placed) + k, anchor, group[0][2].id, texts[id(element)],
                          element.get("id") or ann.paragraph)
                   for k, (element, anchor, ann) in enumerate(group, 1)]
    last_piece = {ann.id: _wrap(soup, element, anchor, ann)[-1] for element, anchor, ann in resolved}
    # Markers go in after every highlight exists, so they never shift another quote's offsets.
    rendered: dict[str, str] = {}
    after_block: dict[int, Tag] = {}
    slots: dict[str, Tag] = {}
    members: dict[str, list[Placed]] = {}
    for item in placed:
        members.setdefault(item.group, []).append(item)
    for group in groups:
        key, items = group[0][2].id, members[group[0][2].id]
        last = max(group, key=lambda r: r[1].end)[2].id  # the marker follows the quote that ends last
        marker = _slot(soup, "m " + key)
        rendered["m " + key] = render_marker(items)
        _after_highlight(last_piece[last]).insert_after(marker)
        block = _block_of(group[0][0])  # header parts (byline, dateline) share one block
        slot = slots[key] = _slot(soup, "n " + key)
        rendered["n " + key] = render_note(items) + "\n"  # a line break after the item, as between paragraphs
        after_block.get(id(block), block).insert_after(slot)
        after_block[id(block)] = slot
    _alias_stubs(soup, ids, aliases, placed, slots)
    problems += duplicate_id_problems(soup, page_file, [p.annotation for p in placed])
    if not serialise:
        return "", placed, problems
    html = _SLOT.sub(lambda m: rendered.get(m.group(1), ""), str(soup))  # one pass: linear in the page size
    return html, placed, problems
