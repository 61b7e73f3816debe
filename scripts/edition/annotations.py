"""Loading and validating the annotation files in ``annotations/``.

Each ``*.yml`` file holds one category of notes (see ``schema/annotations.schema.json``);
``sources.yml`` is the single list of sources that notes cite by id
(``schema/sources.schema.json``). Validation uses JSON Schema through the ``jsonschema``
library, then the rules a schema cannot express (unique ids across files, verdicts only on
claims, sources that exist, Markdown pitfalls). Every problem is collected; nothing stops
at the first one, and no annotation is ever dropped silently.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jsonschema

from .notes import _RAW_TAG, body_issues
from .problems import Problem, display_path
from .yamlsource import Place, YamlDocument, flattened_list, load_yaml, read_text

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
SOURCES_FILE = "sources.yml"


@dataclass(frozen=True)
class Category:
    """A kind of note: ``key`` (file/URL name), ``label`` (shown as text), ``icon`` (a glyph)."""

    key: str
    label: str
    plural: str
    icon: str
    description: str


CATEGORIES: dict[str, Category] = {
    c.key: c
    for c in (
        Category("claims", "Claim", "Claims", "✓", "Fact checks of statements in the column, each with a verdict."),
        Category("sourcing", "Sourcing", "Sourcing", "?", "Who says it, what they could know, and what others said on the record."),
        Category("syria-analogy", "Syria analogy", "Syria analogy", "≈", "Where the comparison with Russia in Syria (2015) holds and where it breaks."),
        Category("sanctions", "Sanctions", "Sanctions", "§", "What the sanctions named or implied in the column are, and what followed."),
    )
}

VERDICTS: dict[str, str] = {
    "accurate": "Accurate",
    "imprecise": "Imprecise",
    "wrong": "Wrong",
    "unverifiable": "Unverifiable",
    "opinion": "Opinion",
    "accurate-then-superseded": "Accurate then, superseded",
}


@dataclass
class Source:
    """One entry of ``sources.yml``; ``date`` is ``YYYY[-MM[-DD]]`` or ``undated``."""

    id: str
    title: str
    publisher: str
    date: str
    url: str
    via: str = ""
    file: str = ""
    line: int = 0


@dataclass
class Annotation:
    """One note: a body (title, summary, Markdown body, sources) and a target.

    The target follows W3C Web Annotation (https://www.w3.org/TR/annotation-model/): the
    ``paragraph`` id plays the role of a FragmentSelector and ``exact``/``prefix``/``suffix``
    are a TextQuoteSelector.
    """

    id: str
    category: str
    paragraph: str
    exact: str
    title: str
    summary: str
    body: str
    sources: list[Source]
    checked: str
    prefix: str = ""
    suffix: str = ""
    verdict: str = ""
    later: dict | None = None
    aliases: list[str] = field(default_factory=list)
    file: str = ""
    line: int = 0
    column: int = 0
    target_line: int = 0
    target_column: int = 0
    paragraph_line: int = 0
    paragraph_column: int = 0

    @property
    def category_info(self) -> Category:
        return CATEGORIES[self.category]


@dataclass
class AnnotationSet:
    """Everything read from ``annotations/``: notes in file order, sources by id, problems."""

    annotations: list[Annotation]
    sources: dict[str, Source]
    problems: list[Problem]

    def counts(self) -> dict[str, int]:
        """Number of notes per category key, in the order of :data:`CATEGORIES`."""
        return {key: sum(1 for a in self.annotations if a.category == key) for key in CATEGORIES}


@lru_cache(maxsize=None)
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _field(path) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "file"


def _schema_problem(error: jsonschema.ValidationError, doc: YamlDocument, file: str, subject: str) -> Problem:
    """Turn one jsonschema error into plain words and a suggestion."""
    path = tuple(error.absolute_path)
    place = doc.place(path)
    name = _field(path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "a field"
        return Problem(file, place.line, place.column, subject, f"missing required field '{missing}'",
                       f"add '{missing}: ...' (see schema/ for what it holds)")
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        bad = extra[0] if extra else "?"
        bad_place = doc.place(path + (bad,))
        close = difflib.get_close_matches(bad, allowed, n=1)
        todo = f"did you mean '{close[0]}'?" if close else f"allowed fields here: {', '.join(allowed)}"
        return Problem(file, bad_place.line, bad_place.column, subject, f"unknown field '{bad}'", todo)
    if kind == "type" and error.instance is None:
        return Problem(file, place.line, place.column, subject, f"'{name}' has no value",
                       "write the text after the colon (quote it, e.g. '~', if you mean the character itself)")
    if kind == "type":
        want = {"string": "text", "array": "a list (lines starting with '- ')", "object": "a mapping of 'key: value' lines"}
        wanted = error.validator_value if isinstance(error.validator_value, str) else "text"
        return Problem(file, place.line, place.column, subject, f"'{name}' must be {want.get(wanted, wanted)}",
                       "fix the indentation or the value's form")
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return Problem(file, place.line, place.column, subject, f"'{error.instance}' is not a known {name}",
                       f"use one of: {options}")
    if kind == "pattern":
        if "date" in name or name == "checked":
            return Problem(file, place.line, place.column, subject, f"'{name}' must be a date written YYYY-MM-DD, not {error.instance!r}",
                           'write it like "2019-03-27", in quotes')
        if name == "url":
            return Problem(file, place.line, place.column, subject, f"{error.instance!r} is not a web address",
                           "give the full https:// URL of the page you read")
        return Problem(file, place.line, place.column, subject,
                       f"'{name}' {error.instance!r} may only use lowercase letters a-z, digits and single hyphens",
                       "rename it, e.g. 'cargo-planes-note' (ids are public URLs: choose once)")
    if kind in ("minLength", "minItems"):
        return Problem(file, place.line, place.column, subject, f"'{name}' is empty",
                       "give at least one source id" if kind == "minItems" else "write the text")
    return Problem(file, place.line, place.column, subject, error.message, "see the schema in schema/")


def _validate(doc: YamlDocument, schema: str, file: str, subject_of) -> list[Problem]:
    problems = []
    errors = sorted(_validator(schema).iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        problems.append(_schema_problem(error, doc, file, subject_of(tuple(error.absolute_path))))
    return problems


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return True
    except (TypeError, ValueError):
        return False


def _name_subject(problem: Problem, data: dict) -> Problem:
    """Replace a data path subject (``annotations.3.body``) with the annotation's id."""
    parts = problem.subject.split(".")
    items = data.get("annotations") if isinstance(data, dict) else None
    if len(parts) >= 2 and parts[0] == "annotations" and parts[1].isdigit() and isinstance(items, list):
        index = int(parts[1])
        item = items[index] if index < len(items) else None
        ident = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"annotation {index + 1}"
        return dataclasses.replace(problem, subject=ident)
    return problem


def load_sources(path: Path, root: Path | None = None) -> tuple[dict[str, Source], list[Problem]]:
    """Read ``sources.yml``. Returns sources by id and the problems found (file:line for each)."""
    file = display_path(path, root)
    if not path.exists():
        return {}, [Problem(file, 0, 0, "", "the source list is missing", "create it (see schema/sources.schema.json)")]
    text, problems = read_text(path, file)
    if text is None:
        return {}, problems
    doc, problems = load_yaml(text, file)
    if doc is None:
        return {}, problems

    def subject(p):
        if len(p) >= 2 and p[0] == "sources" and isinstance(doc.data.get("sources"), list):
            item = doc.data["sources"][p[1]]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return item["id"]
        return ""

    schema_problems = _validate(doc, "sources.schema.json", file, subject)
    problems += schema_problems
    sources: dict[str, Source] = {}
    items = doc.data.get("sources") if isinstance(doc.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("id", "title", "publisher", "date", "url")):
            continue
        place = doc.place(("sources", i))
        sid = item["id"]
        if sid in sources:
            problems.append(Problem(file, place.line, place.column, sid,
                                    f"duplicate source id (first at line {sources[sid].line})", "give each source its own id"))
            continue
        if item["url"].startswith("http://") and item.get("http_only") != "true":
            up = doc.place(("sources", i, "url"))
            problems.append(Problem(file, up.line, up.column, sid, "the URL is http://, not https://",
                                    "use the https:// address if the site has one, or add 'http_only: true' if it has none", "warning"))
        sources[sid] = Source(sid, item["title"], item["publisher"], item["date"], item["url"],
                              item.get("via") or "", file, place.line)
    return sources, problems


def load_annotations(directory: Path, root: Path | None = None) -> AnnotationSet:
    """Read and validate every annotation file in ``directory``.

    Args:
        directory: the ``annotations/`` folder (``*.yml``/``*.yaml``; ``sources.yml`` is the source list).
        root: paths in problems are shown relative to this folder (default: the working directory).

    Returns:
        An :class:`AnnotationSet`. ``problems`` lists every problem of every file; an
        annotation with an error in its own fields is left out of ``annotations`` but is
        always named in ``problems``, so nothing disappears without a word.
    """
    problems: list[Problem] = []
    if not directory.is_dir():
        return AnnotationSet([], {}, [Problem(display_path(directory, root), 0, 0, "", "the annotations folder is missing",
                                              "create it, with one YAML file per category")])
    sources, source_problems = load_sources(directory / SOURCES_FILE, root)
    problems += source_problems
    invalid_sources = {p.subject for p in source_problems if p.severity == "error"}
    annotations: list[Annotation] = []
    seen_ids: dict[str, str] = {}
    paths = sorted(p for p in directory.iterdir()
                   if p.is_file() and p.suffix.lower() in (".yml", ".yaml") and p.name != SOURCES_FILE)
    for nested in sorted(directory.glob("*/**/*")):
        if nested.is_file() and nested.suffix.lower() in (".yml", ".yaml"):
            problems.append(Problem(display_path(nested, root), 0, 0, "", "this file is in a subfolder and is not read",
                                    "move it into annotations/ itself, or rename it (e.g. .yml.draft) to keep it as a draft",
                                    "warning"))
    for path in paths:
        file = display_path(path, root)
        text, file_problems = read_text(path, file)
        if text is not None:
            doc, file_problems = load_yaml(text, file)
        if text is None or doc is None:
            problems += file_problems
            continue
        data = doc.data if isinstance(doc.data, dict) else {}
        problems += [_name_subject(p, data) for p in file_problems]

        def subject(p, data=data):
            if len(p) >= 2 and p[0] == "annotations" and isinstance(data.get("annotations"), list):
                item = data["annotations"][p[1]]
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    return item["id"]
                return f"annotation {p[1] + 1}"
            return ""

        schema_problems = _validate(doc, "annotations.schema.json", file, subject)
        problems += schema_problems
        broken = {(p.subject) for p in schema_problems if p.severity == "error"}
        category = data.get("category")
        if category not in CATEGORIES:
            continue
        items = data.get("annotations")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            aid = item.get("id") if isinstance(item.get("id"), str) else f"annotation {i + 1}"
            place = doc.place(("annotations", i))
            item_problems: list[Problem] = []

            def add(what, todo, key=(), severity="error"):
                pl = doc.place(("annotations", i) + tuple(key))
                item_problems.append(Problem(file, pl.line, pl.column, aid, what, todo, severity))

            for other in [aid] + [a for a in item.get("aliases") or [] if isinstance(a, str)]:
                if other in seen_ids:
                    add(f"the id '{other}' is already used by a note in {seen_ids[other]}",
                        "give each note its own id (ids are public URLs)", ("id",))
                else:
                    seen_ids[other] = f"{file}:{place.line}"
            verdict = item.get("verdict")
            if category == "claims" and "verdict" not in item:
                add("a claim needs a verdict", f"add 'verdict:' with one of: {', '.join(VERDICTS)}")
            if category != "claims" and "verdict" in item:
                add(f"only claims carry a verdict; this file's category is '{category}'",
                    "remove 'verdict', or move the note to claims.yml", ("verdict",))
            for key in ("checked",):
                if isinstance(item.get(key), str) and not _is_date(item[key]):
                    add(f"'{key}' {item[key]!r} is not a real date", 'write it as "YYYY-MM-DD"', (key,))
            later = item.get("later")
            if isinstance(later, dict) and isinstance(later.get("date"), str) and not _is_date(later["date"]):
                add(f"'later.date' {later['date']!r} is not a real date", 'write it as "YYYY-MM-DD"', ("later", "date"))
            cited = []
            listed = item.get("sources") if isinstance(item.get("sources"), list) else []
            for j, sid in enumerate(listed):
                if not isinstance(sid, str):
                    continue
                if sid in sources:
                    cited.append(sources[sid])
                elif sid in invalid_sources:
                    add(f"cites source '{sid}', whose entry in annotations/{SOURCES_FILE} has an error (reported above)",
                        "fix that entry first", ("sources", j))
                elif sources or not source_problems:
                    close = difflib.get_close_matches(sid, list(sources), n=1)
                    add(f"cites source '{sid}', which is not in annotations/{SOURCES_FILE}",
                        f"did you mean '{close[0]}'?" if close else f"add it to annotations/{SOURCES_FILE} first",
                        ("sources", j))
            for key in ("title", "summary"):
                if isinstance(item.get(key), str) and _RAW_TAG.search(item[key]):
                    add(f"the {key} contains raw HTML, which is removed or shown as text",
                        "write plain text (Markdown *emphasis* is fine)", (key,), "warning")
            body = item.get("body")
            if isinstance(body, str):
                body_place: Place = doc.place(("annotations", i, "body"))
                if flattened_list(body_place):
                    add("the body is a folded block (>) and its Markdown list would be joined into one line",
                        "write 'body: |' instead of 'body: >'", ("body",))
                for severity, what, todo in body_issues(body):
                    add(what, todo, ("body",), severity)
            problems += item_problems
            if aid in broken or any(p.severity == "error" for p in item_problems):
                continue
            target = item["target"]
            tplace = doc.place(("annotations", i, "target", "exact"))
            pplace = doc.place(("annotations", i, "target", "paragraph"))
            annotations.append(Annotation(
                id=aid, category=category, paragraph=target["paragraph"], exact=target["exact"],
                prefix=target.get("prefix") or "", suffix=target.get("suffix") or "",
                title=item["title"], summary=item["summary"], body=item["body"], sources=cited,
                checked=item["checked"], verdict=verdict or "", later=later, aliases=list(item.get("aliases") or []),
                file=file, line=place.line, column=place.column, target_line=tplace.line, target_column=tplace.column,
                paragraph_line=pplace.line, paragraph_column=pplace.column,
            ))
    return AnnotationSet(annotations, sources, problems)
