"""The published-ids contract: an id once published stays (as itself or as an alias).

Paragraph ids, header ids and note ids are public URLs (``page/#id``, ``share/<id>/``). The
plugin option ``published_ids`` (a file beside ``mkdocs.yml``, one id a line) lists every id
that was published; the build refuses a page on which one of them is gone, naming the id, the
line of the list and how to alias it. ``python -m annotated_edition publish-ids`` (``make
publish-ids``) appends the ids that are new, after an editor adds notes or paragraphs.
A missing list enforces nothing (the first ``publish-ids`` writes it).
"""

from __future__ import annotations

from pathlib import Path

from .article import HEADER_IDS, declared_paragraph_ids
from .model import Annotation
from .problems import Problem


def read_published(path: Path) -> list[tuple[str, int]]:
    """The ids of the list with their line numbers (blank lines skipped); ``[]`` when there is no list."""
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [(line.strip(), number) for number, line in enumerate(lines, 1) if line.strip()]


def page_ids(markdown_text: str, annotations: list[Annotation]) -> list[str]:
    """The public ids of one annotated page, in order: header parts, paragraphs, then notes."""
    return list(dict.fromkeys([*HEADER_IDS, *(i for i, _ in declared_paragraph_ids(markdown_text)),
                               *(a.id for a in annotations)]))


def landing_ids(markdown_text: str, annotations: list[Annotation], paragraph_aliases: dict) -> set[str]:
    """Every id a link to the page lands on: its public ids, note aliases and paragraph aliases."""
    return (set(page_ids(markdown_text, annotations)) | {x for a in annotations for x in a.aliases}
            | {str(k) for k in paragraph_aliases})


def published_problems(published: list[tuple[str, int]], present: set[str], file: str, page_file: str) -> list[Problem]:
    """An error for each published id that no annotated page carries any more."""
    return [Problem(file, line, 1, ident, "this id was published and is no longer on the page (renamed or deleted?)",
                    f"if a paragraph was renamed, add '{ident}: new-id' under paragraph_aliases in {page_file}'s front "
                    f"matter; if a note was, add '{ident}' to that note's 'aliases:'; a deleted note keeps its id "
                    "as an alias of the closest note")
            for ident, line in published if ident not in present]


def append_new(path: Path, ids: list[str]) -> list[str]:
    """Append to the list the ``ids`` it does not hold yet; return them."""
    known = {ident for ident, _ in read_published(path)}
    new = [ident for ident in dict.fromkeys(ids) if ident not in known]
    if new:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        path.write_text(text + "".join(f"{ident}\n" for ident in new), encoding="utf-8")
    return new
