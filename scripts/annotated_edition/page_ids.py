"""The ids of an annotated page: every element's (:func:`ids_of`), and the problems of an id carried twice, the
ids the notes give the page included (:func:`duplicate_id_problems`, case C08)."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .model import Annotation
from .problems import Problem


def ids_of(soup: BeautifulSoup) -> dict[str, list[Tag]]:
    """Every id of the page -> the elements carrying it, in document order."""
    found: dict[str, list[Tag]] = {}
    for tag in soup.find_all(id=True):
        found.setdefault(tag["id"], []).append(tag)
    return found


def _describe(tag: "Tag | tuple[str, str]") -> str:
    if isinstance(tag, tuple):  # ((id, note id): an id a note gives the page: its own, its title's or its marker's)
        ident, note = tag
        return f"note {note!r}" if ident == note else f"the {'title' if ident.endswith('-title') else 'marker'} of note {note!r}"
    if tag.get("data-alias-of"):  # (an alias: paragraph_aliases, or a note's aliases)
        return f"an alias of {tag['data-alias-of']!r}"
    return f"<{tag.name}> {' '.join(tag.get_text(' ').split())[:40]!r}"


def duplicate_id_problems(soup: BeautifulSoup, page_file: str, notes: list[Annotation]) -> list[Problem]:
    """One problem per id carried by two elements of the page, the ``notes`` placed on it included (case C08)."""
    found = ids_of(soup)
    own: dict[str, Annotation] = {}
    for note in notes:
        for ident in (note.id, f"{note.id}-title", f"ref-{note.id}"):
            own[ident] = note
            found.setdefault(ident, []).append((ident, note.id))
    problems = []
    for ident, tags in found.items():
        if len(tags) < 2:
            continue
        places = " and ".join(_describe(t) for t in tags[:3])
        note = own.get(ident)
        if note is None:
            problems.append(Problem(page_file, 0, 0, ident, f"the id is used twice on the page: {places}",
                                    "rename one of them (paragraph ids in the page, note ids in its notes folder)"))
        else:
            made = "" if ident == note.id else f" ({ident!r} is made from it, for the note's title or its marker)"
            problems.append(Problem(note.at.file, note.at.line, note.at.column, note.id,
                                    f"the note's id{made} clashes with another element: {places}",
                                    "rename this note, or what it clashes with (the page also gives ids <id>-title and ref-<id>)"))
    return problems
