"""The published-ids contract: an id once published stays (as itself or as an alias).

Paragraph ids, header ids and note ids are public URLs (``page/#id``, ``share/<id>/``). The
plugin option ``published_ids`` (a file beside ``mkdocs.yml``) lists every id that was published,
one a line as ``<page>#<id>`` (the page's path in ``docs/``, as in the plugin's ``pages:``, e.g.
``index.md#cargo-planes``): ids are unique per page, so each is held to its own page. A bare ``id``
is accepted while the site has a single annotated page. The build refuses a page on which one of
them is gone, naming the id, the line of the list and how to alias it. ``python -m
annotated_edition publish-ids`` (``make publish-ids``) appends the ids that are new, after an editor
adds notes or paragraphs. A missing list enforces nothing (the first ``publish-ids`` writes it).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .article import declared_paragraph_ids, header_ids
from .model import Annotation
from .problems import Problem


def unchecked_notice(path: Path | None, shown: str) -> str | None:
    """The line a check or build prints when the list ``path`` (option ``published_ids``, shown as ``shown``) does
    not exist, so that no published id is checked; None when it exists or no list is set."""
    if path is None or path.is_file():
        return None
    if path.exists():
        return f"published ids: none checked, {shown} is a folder, not a list; fix 'published_ids:' in mkdocs.yml"
    return (f"published ids: none checked, {shown} does not exist yet (the first 'publish-ids' writes it; "
            "if it exists under another name, fix 'published_ids:' in mkdocs.yml)")


def read_published(path: Path) -> list[tuple[str | None, str, int]]:
    """The entries of the list as ``(page or None for a bare id, id, line number)``; blank lines and comments
    (``# ...``, a '#' and a space) are skipped, a byte order mark and spaces around the parts ignored; ``[]`` when
    there is no list."""
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    entries = []
    for number, line in enumerate(lines, 1):
        if line.strip().startswith("# ") or line.strip() == "#":
            continue
        page, hash_, ident = line.strip().rpartition("#")
        if ident.strip():
            entries.append((page.strip() if hash_ and page.strip() else None, ident.strip(), number))
    return entries


def page_ids(markdown_text: str, meta: dict, annotations: list[Annotation]) -> list[str]:
    """The public ids of one annotated page (its Markdown without front matter, and that front matter), in order:
    header parts (those its front matter gives), paragraphs, the other elements notes target (a heading's
    ``{#id}``), then notes."""
    return list(dict.fromkeys([*header_ids(meta), *(i for i, _ in declared_paragraph_ids(markdown_text)),
                               *(a.paragraph for a in annotations), *(a.id for a in annotations)]))


def landing_ids(markdown_text: str, meta: dict, annotations: list[Annotation], paragraph_aliases: dict) -> set[str]:
    """Every id a link to the page lands on: its public ids, note aliases and paragraph aliases."""
    return (set(page_ids(markdown_text, meta, annotations)) | {x for a in annotations for x in a.aliases}
            | {str(k) for k in paragraph_aliases})


def published_problems(published: list[tuple[str | None, str, int]], present: dict[str, set[str]],
                       file: str) -> list[Problem]:
    """An error for each published id its page no longer carries.

    Args:
        published: :func:`read_published`'s entries.
        present: each annotated page (path in ``docs/``) with every id a link to it lands on
            (:func:`landing_ids`).
        file: the list's path as shown in messages.
    """
    problems = []
    only = next(iter(present)) if len(present) == 1 else None
    held = {(page or only, ident) for page, ident, _ in published}
    for page, ident, line in published:
        page = page or only
        if page is None:
            problems.append(Problem(file, line, 1, ident, "this id names no page, and the site has several annotated pages",
                                    f"write the line as '<page>#{ident}', e.g. '{next(iter(present), 'index.md')}#{ident}'"))
        elif page not in present:
            problems.append(Problem(file, line, 1, ident, f"this id was published on '{page}', which is no longer an "
                                    "annotated page (renamed, or removed from the plugin's 'pages:'?)",
                                    f"annotate '{page}' again, or keep its old address with a redirect and move the "
                                    f"line to the page its notes went to; annotated pages: {', '.join(present)}"))
        elif ident not in present[page]:
            new = sorted(i for i in present[page] if (page, i) not in held)
            near = difflib.get_close_matches(ident, new, n=1)  # (a new id like it: most likely its new name)
            problems.append(Problem(file, line, 1, ident, f"this id was published and is no longer on {page} (renamed or deleted?)",
                                    (f"if it is now '{near[0]}', add '{ident}' to that note's 'aliases:', or '{ident}: "
                                     f"{near[0]}' under paragraph_aliases if it is a paragraph" if near else
                                     f"if a paragraph was renamed, add '{ident}: new-id' under paragraph_aliases in {page}'s "
                                     f"front matter; if a note was, add '{ident}' to that note's 'aliases:'")
                                    + "; a deleted note keeps its id as an alias of the closest note"))
    return problems


def append_new(path: Path, ids: list[tuple[str, str]]) -> list[str]:
    """Append to the list, as ``<page>#<id>`` lines, the ``(page, id)`` pairs it does not hold yet (a bare id
    in the list counts as held); return the lines added."""
    known = {(page, ident) for page, ident, _ in read_published(path)}
    new = [f"{page}#{ident}" for page, ident in dict.fromkeys(ids)
           if (page, ident) not in known and (None, ident) not in known]
    if new:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        path.write_text(text + "".join(f"{line}\n" for line in new), encoding="utf-8")
    return new
