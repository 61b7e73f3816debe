"""Limits and rules of editors' input beyond the schema: sizes, lengths, dates, stray files.

- A notes or sources file over :data:`MAX_FILE_BYTES`, or a text field over
  :data:`MAX_FIELD_CHARS`, is refused with one line (a pasted file of junk must not take the
  build down).
- At most :data:`MAX_PROBLEMS_PER_FILE` problems are reported per file, then one line with the
  count of the rest.
- A title longer than :data:`MAX_TITLE_CHARS` gets a warning (the margin shows titles whole).
- A body and a summary should have the number of words the site sets (plugin options
  ``body_words`` and ``summary_words``, default 40-150 and 4-40, the README's range): outside
  it, a warning.
- Anything in a notes folder that is not loaded gets a warning naming it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

from .problems import Problem, display_path
from .rendering import RAW_TAG
from .schema import NOTE_FIELDS

MAX_FILE_BYTES = 1_000_000
MAX_FIELD_CHARS = 20_000
MAX_TITLE_CHARS = 80  # (the longest of this site's 70 titles has 51)
MAX_PROBLEMS_PER_FILE = 50
_WORD = re.compile(r"\w[\w'’.-]*")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_EMPHASIS = re.compile(r"(?<!\w)[*_]\w[^*_]*[*_]")  # *report*, _report_
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")  # (not tab or line breaks)
_LINK = re.compile(r"\]\s*[(\[]|<[a-z][\w+.-]*:[^\s>]*>", re.I)  # [words](address), [words][name], <https://...>


def too_big(path: Path, file: str) -> list[Problem]:
    """One problem when the file is over :data:`MAX_FILE_BYTES`, else none."""
    size = path.stat().st_size
    if size <= MAX_FILE_BYTES:
        return []
    return [Problem(file, 0, 0, "", f"the file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
                    "split it, or check that it is the file you meant to save here")]


def capped(problems: list[Problem], file: str) -> list[Problem]:
    """``problems`` of one file, at most :data:`MAX_PROBLEMS_PER_FILE` then one line counting the rest."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    rest = problems[MAX_PROBLEMS_PER_FILE:]
    severity = "error" if any(p.severity == "error" for p in rest) else "warning"
    return problems[:MAX_PROBLEMS_PER_FILE] + [
        Problem(file, 0, 0, "", f"{len(rest)} more problem(s) in this file are not listed",
                "fix the ones above and check again", severity)]


def unreal_date(text: str, whole_day: bool = False) -> bool:
    """Whether ``text``, written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (only the last with ``whole_day``), names no real
    year, month or day (``2019-02-30``). Text in another form is False: the schema names its form, once."""
    import datetime as dt

    match = _DATE.match(text)
    if not match or (whole_day and not match.group(3)):
        return False
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return True
    return False


def words(text: str) -> int:
    """Number of words of a Markdown text (link targets not counted)."""
    return len(_WORD.findall(re.sub(r"\]\([^)]*\)", "]", text)))


# a line of a body that is one of a note's fields (a correction indented too far is published as the body's words)
_FIELD_LINE = re.compile(rf"^[ \t]*({'|'.join(f for f in NOTE_FIELDS if f != 'body')})[ \t]*:(?=[ \t]|$)", re.M)
_BARE_URL = re.compile(r"(?<![(<\[\"'=/])(?<!\]: )\b(?:https?://|www\.)[^\s)>\]]+")  # (not in a link's (), <> or [x]: ...)


def item_rules(item: dict, add, body_words: tuple[int, int] = (40, 150), summary_words: tuple[int, int] = (4, 40)) -> None:
    """Sizes, word counts (ranges ``(least, most)``), fields of white space only, and raw HTML or links in the
    one-line fields (:func:`one_line_fields`) of one note.

    ``add(what, todo, key, severity, typed="")`` records a problem at the field ``key`` (at ``typed`` in it).
    """
    for key in ("id", "title", "summary", "body"):
        value = item.get(key)
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            add(f"'{key}' is {len(value):,} characters long, over the limit of {MAX_FIELD_CHARS:,}",
                "shorten it", (key,), "error")
    title = item.get("title")
    if isinstance(title, str) and MAX_TITLE_CHARS < len(title) <= MAX_FIELD_CHARS:
        add(f"the title is {len(title)} characters long; the margin shows a title whole, up to {MAX_TITLE_CHARS}",
            "shorten it (the summary and the body say the rest)", ("title",), "warning")
    for key, (low, high) in (("body", body_words), ("summary", summary_words)):
        value = item.get(key)
        if isinstance(value, str) and len(value) <= MAX_FIELD_CHARS:
            count = words(value)
            if not low <= count <= high:
                add(f"the {key} has {count} word{'' if count == 1 else 's'}, outside the documented {low}-{high}",
                    "shorten it" if count > high else "say more (or fold it into another note)", (key,), "warning")
    body = item.get("body")
    for key, name, text in one_line_fields(item) + ([(("body",), "body", body)] if isinstance(body, str) else []):
        if hidden := _CONTROL.search(text):  # (a right-to-left override shows the words reversed)
            add(f"the {name} holds an invisible control character, U+{ord(hidden[0]):04X} "
                f"{unicodedata.name(hidden[0], 'CONTROL')}", "delete it: retype the words around it", key, "error", hidden[0])
        elif not text.strip():
            add(f"the {name} is only white space" + (", which would be published as an empty line" if name != "body" else ""),
                f"write the {name}" + (", or remove the field" if key[0] in ("later", "corrections") else ""), key, "error")
        elif name == "body":  # (its markup is the renderer's to check: Renderer.body_issues)
            for line in _FIELD_LINE.finditer(text):  # (a field indented as far as the body's lines is read as them)
                add(f"the body has a line '{line[1]}:', which YAML reads as the body's words, not as the note's field",
                    f"indent '{line[1]}:' as 'body:' is (it would be published as text)", key, "warning", line[1] + ":")
            for url in _BARE_URL.finditer(text):
                add(f"the body holds a bare address, {url[0]!r}, which is published as text, not as a link",
                    f"write it as <{'' if url[0].startswith('http') else 'https://'}{url[0]}> or [words](...)", key, "warning", url[0])
        elif RAW_TAG.search(text):
            add(f"the {name} contains raw HTML, which is removed or shown as text",
                "write plain text (Markdown *emphasis* is fine)", key, "warning")
        elif _LINK.search(text):
            add(f"the {name} contains a link, which is published as its words only (links are followed in the body)",
                "move the link into the body", key, "warning")


def source_markup(item: dict) -> list[tuple[str, str, str]]:
    """``(what, todo, field)`` for each field of a source (its title, publisher, via) holding raw HTML or a
    Markdown link or emphasis: the Sources page prints them as typed."""
    found = []
    for key in ("title", "publisher", "via"):
        text = item.get(key) if isinstance(item.get(key), str) else ""
        if markup := RAW_TAG.search(text) or _LINK.search(text) or _EMPHASIS.search(text):
            found.append((f"the source's {key} holds markup ({markup[0]!r}), which is printed as typed", "write plain text", key))
    return found


def dates_before(annotations: list, day: str, page: str) -> list[Problem]:
    """A warning for each date of a note (``checked``, ``later.date``, a correction's) earlier than ``day``
    (YYYY-MM-DD), the day the article ``page`` was first published: none of them can come before it (a mistyped
    year, most likely). ``annotations``: :class:`~annotated_edition.model.Annotation` objects."""
    problems = []
    for a in annotations:
        later = a.later.get("date") if isinstance(a.later, dict) else None
        dated = [("'checked'", a.checked), ("'later.date'", later)] + [("a correction's date", c.date) for c in a.corrections]
        for name, value in dated:
            if isinstance(value, str) and _DATE.match(value) and _DATE.match(day) and value < day:  # (ISO dates sort)
                problems.append(Problem(a.at.file, a.at.line, a.at.column, a.id, f"{name} {value!r} comes before the "
                                        f"article ({page}, {day})", "check the year", "warning"))
    return problems


def one_line_fields(item: dict) -> list[tuple[tuple, str, str]]:
    """The note's one-line Markdown fields (rendered inline, without links): ``(key path, name, text)`` of its
    title, summary, ``later.text`` and each correction's ``what`` and ``why``, those that are text."""
    later = item.get("later") if isinstance(item.get("later"), dict) else {}
    fields = [(("title",), "title", item.get("title")), (("summary",), "summary", item.get("summary")),
              (("later", "text"), "'later.text'", later.get("text"))]
    for j, correction in enumerate(item.get("corrections") or []):
        if isinstance(correction, dict):
            fields += [(("corrections", j, k), f"'{k}' of correction {j + 1}", correction.get(k)) for k in ("what", "why")]
    return [(key, name, text) for key, name, text in fields if isinstance(text, str)]


def missing_folder(directory: Path, root: Path | None) -> Problem:
    """A page's notes folder that does not exist: a folder of that name misspelt in mkdocs.yml's ``annotations:`` is
    named (``notes-harbor`` for ``notes-harbour``), else the folder is to be created."""
    near = difflib.get_close_matches(directory.name, [d.name for d in directory.parent.glob("*/")], n=1) \
        if directory.parent.is_dir() else []
    return Problem(display_path(directory, root), 0, 0, "", "the notes folder is missing",
                   f"fix 'annotations:' in mkdocs.yml: did you mean '{near[0]}'?" if near else
                   "create it, with one YAML file per category and a sources.yml (or fix 'annotations:' in mkdocs.yml)")


def unread_files(directory: Path, read: list[Path], root: Path | None) -> list[Problem]:
    """A warning for every file of the notes folder that is not read (``claims.yml.txt``, ``x.yaml~``...).

    Notes files in subfolders are named by the loader already (with their own hint).
    """
    keep = {p.resolve() for p in read}
    return [Problem(display_path(path, root), 0, 0, "", "this file is in the notes folder but is not read "
                    "(only .yml and .yaml files directly in the folder are)",
                    "rename it to end in .yml, or move it out of the notes folder", "warning")
            for path in sorted(directory.rglob("*"))
            if path.is_file() and path.resolve() not in keep
            and (path.parent == directory or path.suffix.lower() not in (".yml", ".yaml"))]
