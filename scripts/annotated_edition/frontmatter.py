"""The front matter of an annotated page: its fields, read as MkDocs reads them, and their problems.

Front matter fields (text is plain text: no ``<`` or ``>``; put a value in quotes when YAML could
read it as something else, a date, a number, ``yes``, or text with ``: `` in it). Required:

- ``title``: the headline (``<h1 id="headline">``; also the page's ``<title>``).
- ``author``: the byline, "By <author>" (``id="byline"``).
- ``date``: the day the article was first published, an ISO 8601 calendar date ``YYYY-MM-DD`` in
  quotes (``date: "2019-03-27"``): the dateline's ``datetime`` and the ClaimReviews' ``datePublished``.
- ``publisher``: who published it first; the kicker reads "Annotated edition · <publisher>".
- ``annotated: true``: the page carries notes.

Optional (left out or empty, a field is not shown, and nothing but the defaults below stands in its place;
a field named like one of these, ``editor_notes``, is a warning):

- ``dek``: the standfirst under the headline (``id="dek"``).
- ``date_text``: the date as printed (``id="dateline"``); default: ``date`` in words ("27 March 2019").
- ``article_kind``: what the article is, after the publisher in the kicker (``column``: "<publisher> column").
- ``article_type``: its schema.org type in the ClaimReviews (``itemReviewed.appearance``), default ``NewsArticle``.
- ``republisher``: who republished it: the kicker goes on ", republished by <republisher>".
- ``original_url``: the https:// address of the text annotated (the ClaimReviews' appearance).
- ``photo_credit``: the credit of the article's photo (``id="photo-credit"``).
- ``photo_label``: the words before that credit, a colon added: default ``Photo`` ("Photo: <credit>").
- ``editor_note``: Markdown, written as a block (``editor_note: |``), shown under the header.
- ``paragraph_aliases``: ``{old-id: new-id}``, so links to a renamed paragraph still land.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Collection

import yaml

from .model import Position
from .problems import Problem
from .yamlsource import Place, duplicate_keys, load_yaml

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)  # MkDocs' mkdocs.utils.meta.YAML_RE
REQUIRED_META = ("title", "author", "date", "publisher")
OPTIONAL_META = ("dek", "date_text", "article_kind", "article_type", "republisher", "original_url", "photo_credit",
                 "photo_label")
OPTIONAL_TEXT = ("editor_note",)
URL_META = ("original_url",)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATE_FORMS = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%Y/%m/%d", "%Y.%m.%d")  # guesses
_SAFE_URL = re.compile(r"^https://[^\s\"'<>`]+$")
_MARKUP = re.compile(r"[<>]")


def front_matter_places(source: str) -> Callable[..., Place]:
    """``place_of(*path)``: where the front matter value at ``path`` (keys from the top, e.g. ``"paragraph_aliases",
    "old-id"``) is written in the page's file (:class:`Place`, 1-based lines counted from the file's first), or its
    nearest parent; line 1 for a field not written. The front matter is parsed once, with the notes' YAML reader."""
    text = _front_matter_yaml(source)
    document, _ = load_yaml(text, "") if text is not None else (None, [])
    unwritten = Place(1, 1)

    def place_of(*path) -> Place:
        if document is None:
            return unwritten
        place = document.place(path)
        return unwritten if place is document.places.get(()) else place
    return place_of


def meta_text_problems(meta: dict, page_file: str, source: str = "", keys=REQUIRED_META + OPTIONAL_META) -> list[Problem]:
    """Front matter text printed into the page's head and header: plain text, and URLs https.

    Material prints ``title``, ``description`` and ``author`` into HTML without escaping, so
    ``<`` and ``>`` are refused in every text field (the templates escape the rest).
    """
    place_of, problems = front_matter_places(source), []
    for key in keys:
        value = meta.get(key)
        if not isinstance(value, str):
            continue
        if key in URL_META:
            if not _SAFE_URL.match(value):
                problems.append(Problem(page_file, place_of(key).line, 1, key, f"'{key}' {value[:60]!r} is not an https:// address",
                                        "give the full https:// address of the original"))
        elif _MARKUP.search(value):
            problems.append(Problem(page_file, place_of(key).line, 1, key, f"'{key}' contains < or >: it must be plain text",
                                    "remove the markup (the header and the page's metadata print this text as it is)"))
    return problems


def duplicate_fields(source: str, page_file: str) -> list[Problem]:
    """The front matter keys written twice in a page's file (MkDocs keeps the last one without a word), as warnings
    at the second key's line and column of the file."""
    text = _front_matter_yaml(source)
    return duplicate_keys(text, page_file) if text is not None else []


def _front_matter_yaml(source: str) -> str | None:
    """The front matter of a page's file as YAML whose line numbers are the file's (line 1, the '---', left
    empty), or None when the file has none."""
    match = _FRONT_MATTER.match(source)
    return "\n" + match.group(1) if match else None


def split_front_matter(source: str) -> tuple[str, dict, int]:
    """``(markdown, meta, line_offset)`` of a page, read as MkDocs reads it (``mkdocs.utils.meta.get_data``).

    ``line_offset`` is the number of lines before the Markdown, so its line numbers can be told
    as the file's. Front matter that is not a YAML mapping gives ``{}`` (see :func:`front_matter_problems`).
    """
    match = _FRONT_MATTER.match(source)
    meta: dict = {}
    if match:
        try:
            data = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict):
            meta, markdown_text = data, source[match.end():].lstrip("\n")
            return markdown_text, meta, source.count("\n") - markdown_text.count("\n")
    return source, meta, 0


def _typed_value(key: str, value, line: int, page_file: str, lines: list[str]) -> Problem:
    """A text field that YAML read as something else (a date, a number, ``yes``): quote it, as it was written
    (``author: no`` is to be ``"no"``, not ``"False"``)."""
    written = lines[line - 1].partition(":")[2].split(" #")[0].strip() if 0 < line <= len(lines) else str(value)
    kind = ("yes/no value" if isinstance(value, bool) else "number" if isinstance(value, (int, float)) else
            "date" if isinstance(value, datetime.date) else "list or mapping")
    typed = f"{value:%Y-%m-%d}" if key == "date" and isinstance(value, datetime.date) else written
    return Problem(page_file, line, 1, key, f"front matter field '{key}' is not text (YAML read {written} as a {kind})",
                   f"put the value in quotes: {key}: \"{typed}\"")


def _date_problem(value: str, line: int, page_file: str) -> Problem | None:
    """``date`` must be an ISO 8601 calendar date, ``YYYY-MM-DD``: it is printed in ``datetime`` attributes
    and JSON-LD, where "20 Nov 2026" is no date at all."""
    if _ISO_DATE.match(value):
        try:
            datetime.date.fromisoformat(value)
            return None
        except ValueError:
            return Problem(page_file, line, 1, "date", f"front matter field 'date' {value!r} is not a real day",
                           'write the day of first publication as date: "YYYY-MM-DD"')
    for form in _DATE_FORMS:
        try:
            meant = f'"{datetime.datetime.strptime(value.strip(), form):%Y-%m-%d}"'
            break
        except ValueError:
            continue
    else:
        meant = '"YYYY-MM-DD" (e.g. "2026-11-20")'
    return Problem(page_file, line, 1, "date", f"front matter field 'date' {value!r} is not an ISO 8601 date (YYYY-MM-DD)",
                   f"write it as date: {meant} (the date as printed may go in date_text)")


def meta_problems(meta: dict, page_file: str, source: str = "") -> list[Problem]:
    """Missing or malformed front matter fields of the article page (see the module's docstring).

    Args:
        meta: the front matter as MkDocs read it.
        page_file: the path shown in problems.
        source: the page's text, to point at the line of a field.
    """
    problems = []
    lines, place_of = source.splitlines(), front_matter_places(source)
    for key in REQUIRED_META + OPTIONAL_META:
        value, line = meta.get(key), place_of(key).line
        if value in (None, ""):
            if key in REQUIRED_META:
                problems.append(Problem(page_file, line, 1, key, f"front matter field '{key}' is missing or empty",
                                        f"add '{key}: \"...\"' to the front matter"))
        elif not isinstance(value, str):
            problems.append(_typed_value(key, value, line, page_file, lines))
        elif key == "date" and (problem := _date_problem(value, line, page_file)):
            problems.append(problem)
    for key in OPTIONAL_TEXT:
        if key in meta and not isinstance(meta[key], str):
            problems.append(Problem(page_file, place_of(key).line, 1, key, f"front matter field '{key}' is not text",
                                    f"write it as a block: '{key}: |' followed by indented Markdown"))
    for key in REQUIRED_META + OPTIONAL_META + OPTIONAL_TEXT:  # ("title: '  '" gave an empty headline)
        if isinstance(meta.get(key), str) and meta[key] and not meta[key].strip():
            problems.append(Problem(page_file, place_of(key).line, 1, key, f"front matter field '{key}' is only white "
                                    "space", "write it" + ("" if key in REQUIRED_META else ", or remove the line")))
    problems += meta_text_problems(meta, page_file, source)
    aliases = meta.get("paragraph_aliases") or {}
    if not isinstance(aliases, dict):
        problems.append(Problem(page_file, place_of("paragraph_aliases").line, 1, "paragraph_aliases",
                                "must be a mapping of old id to new id", "write it as 'paragraph_aliases: {old-id: new-id}'"))
    known = REQUIRED_META + OPTIONAL_META + OPTIONAL_TEXT + ("annotated", "paragraph_aliases")
    for key in [str(k) for k in meta if k not in known]:  # (a misspelt field was dropped without a word)
        if close := difflib.get_close_matches(key, known, n=1, cutoff=0.8):
            problems.append(Problem(page_file, place_of(key).line, 1, key, f"front matter field '{key}' is not one "
                                    f"the edition reads", f"did you mean '{close[0]}'?", "warning"))
    return problems


def front_matter_problems(source: str, meta: dict, page_file: str) -> list[Problem]:
    """Problems of a page's front matter that MkDocs would pass over in silence: MkDocs drops front matter that
    is not a YAML mapping (the page then shows it as text), so it is parsed again here to say where and why. The
    page must also say ``annotated: true``, or no note would be shown. Then the fields (:func:`meta_problems`)."""
    if not source.startswith("---"):
        return [Problem(page_file, 1, 1, "", "the article has no front matter",
                        "start the file with the '---' block (title, dek, author, ...) and 'annotated: true'")]
    if not meta and not re.search(r"\n(?:-{3}|\.{3})[ \t]*\n", source):
        return [Problem(page_file, 1, 1, "", "the front matter has no closing line of three dashes (---)",
                        "add a line '---' after its last field, before the article's first words")]
    if not meta:
        _, problems = load_yaml(source.split("\n---", 1)[0][3:], page_file)  # (it starts on the file's first line)
        return problems or [Problem(page_file, 1, 1, "", "the front matter is not a list of 'key: value' lines",
                                    "write each field on a line of its own: 'title: \"...\"', 'author: ...'")]
    if meta.get("annotated") is not True:
        return [Problem(page_file, front_matter_places(source)("annotated").line, 1, "annotated", "the article's front "
                        "matter does not say 'annotated: true', so no note would be shown",
                        "add the line 'annotated: true' to the front matter")]
    # and what MkDocs' YAML reading drops in silence: a key given twice (the last wins), a value cut by '#'
    return load_yaml("\n" + _FRONT_MATTER.match(source).group(1), page_file)[1] + meta_problems(meta, page_file, source)


def typed_at(source: str, page_file: str, key: str, text: str) -> Position:
    """Where ``text`` (a link's address) is typed in the front matter field ``key`` of the page (:meth:`Place.find`);
    the field's place if it is not found as typed."""
    return Position(page_file, *front_matter_places(source)(key).find(text))


def alias_problems(aliases: dict, ids: Collection[str], source: str, page_file: str) -> list[Problem]:
    """Entries of ``paragraph_aliases`` that cannot work, each at its line: an old id that an element of the page
    still has (a renaming not finished), or a new id that no element has (``ids``: every id of the page)."""
    problems, place_of = [], front_matter_places(source)
    for old, new in aliases.items():
        line, subject = place_of("paragraph_aliases", old).line, f"paragraph_aliases.{old}"
        if not isinstance(new, str) or not new:
            problems.append(Problem(page_file, line, 1, subject, "the alias names no current id",
                                    f"write '{old}: <the paragraph's current id>'"))
        elif new not in ids:
            problems.append(Problem(page_file, line, 1, subject, f"the alias points to '{new}', which does not exist",
                                    "point it at the paragraph's current id"))
        elif old in ids:
            problems.append(Problem(page_file, line, 1, subject, f"'{old}' is still the id of an element",
                                    "remove the alias, or finish renaming the paragraph"))
    return problems
