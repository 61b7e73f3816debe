"""Reading and validating one page's notes folder: ``*.yml`` notes files and ``sources.yml``.

Each notes file holds one category of notes; ``sources.yml`` is the single list of sources the
notes cite by id. Validation is the JSON Schema generated from the site's settings
(:mod:`annotated_edition.schema`), then the rules a schema cannot express (unique ids and
aliases, verdicts only where the category carries them, cited sources that exist, real dates,
Markdown pitfalls). Every problem is collected, with file and line; an annotation is never
dropped without a problem that names it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .model import Annotation, AnnotationSet, Correction, Position, Settings, Source
from .problems import Problem, display_path
from .rendering import Renderer
from .rules import capped, item_rules, missing_folder, source_markup, too_big, unread_files, unreal_date
from .schema import SchemaCheck, annotations_schema, sources_schema
from .schema_errors import schema_problems, unreported
from .yamlsource import YamlDocument, flattened_list, load_yaml, read_text

SOURCES_FILE = "sources.yml"
NOTE_SUFFIXES = (".yml", ".yaml")


def _day_to_come(value) -> bool:
    try:
        return isinstance(value, str) and dt.date.fromisoformat(value) > dt.date.today()
    except ValueError:
        return False


def _unreal_day(value) -> bool:
    """A ``YYYY-MM-DD`` text that names no day; another form is the schema's to report (once)."""
    return isinstance(value, str) and unreal_date(value, whole_day=True)


def _read(path: Path, file: str, **options) -> tuple[YamlDocument | None, list[Problem]]:
    if big := too_big(path, file):
        return None, big
    text, problems = read_text(path, file)
    return (None, problems) if text is None else load_yaml(text, file, **options)


def _item_subject(data, key: str, path: tuple, fallback: str) -> str:
    items = data.get(key) if isinstance(data, dict) else None
    if len(path) >= 2 and path[0] == key and isinstance(items, list) and isinstance(path[1], int) and path[1] < len(items):
        item = items[path[1]]
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            return item["id"]
        return f"{fallback} {path[1] + 1}" if fallback else ""
    return ""


def _named(problem: Problem, data) -> Problem:
    """A problem whose subject is a data path (``annotations.3.body``) renamed after the note it is in."""
    parts = problem.subject.split(".")
    if len(parts) >= 2 and parts[0] == "annotations" and parts[1].isdigit():
        subject = _item_subject(data, "annotations", ("annotations", int(parts[1])), "annotation")
        return dataclasses.replace(problem, subject=subject or problem.subject)
    return problem


def _source_of(item, doc: YamlDocument, i: int, file: str, sources: dict, problems: list) -> Source | None:
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("id", "title", "publisher", "date", "url")):
        return None
    place, sid = doc.place(("sources", i)), item["id"]
    if same := next((s for s in sources.values() if s.id.lower() == sid.lower()), None):  # (ids in the page: source-s1)
        problems.append(Problem(file, place.line, place.column, sid, "duplicate source id" if same.id == sid else
                                f"the id differs from '{same.id}' only in case", f"give each source its own id (the "
                                f"first is at line {same.line})"))
        return None
    if blank := [k for k in ("title", "publisher", "via") if isinstance(item.get(k), str) and not item[k].strip()]:
        problems.append(Problem(file, place.line, place.column, sid, f"'{blank[0]}' is only white space", f"write the '{blank[0]}'"))
        return None
    if unreal_date(item["date"]):
        dp = doc.place(("sources", i, "date"))
        problems.append(Problem(file, dp.line, dp.column, sid, f"the date {item['date']!r} is not a real day or month",
                                'check it against the source; write "YYYY-MM-DD", "YYYY-MM", "YYYY" or "undated"'))
        return None
    for what, todo, key in source_markup(item):
        problems.append(Problem(file, *doc.place(("sources", i, key)).find(""), sid, what, todo, "warning"))
    if item["url"].startswith("http://") and item.get("http_only") != "true":
        up = doc.place(("sources", i, "url"))
        problems.append(Problem(file, up.line, up.column, sid, "the URL is http://, not https://",
                                "use the https:// address if the site has one, or add 'http_only: true' if it has none",
                                "warning"))
    return Source(sid, item["title"], item["publisher"], item["date"], item["url"], item.get("via") or "", file, place.line)


def load_sources(path: Path, root: Path | None = None) -> tuple[dict[str, Source], list[Problem]]:
    """Read a ``sources.yml``: ``({id: Source}, problems)``; every problem names file and line."""
    file = display_path(path, root)
    if not path.exists():
        return {}, [Problem(file, 0, 0, "", "the source list is missing",
                            "create it: 'sources:', then a list of sources (id, title, publisher, date, url)")]
    doc, problems = _read(path, file, empty_todo="write 'sources:' in it, then the list of sources")
    if doc is None:
        return {}, problems
    problems += unreported(schema_problems(SchemaCheck(sources_schema()), doc, file,
                                           lambda p: _item_subject(doc.data, "sources", p, "")), problems)
    sources: dict[str, Source] = {}
    items = doc.data.get("sources") if isinstance(doc.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        source = _source_of(item, doc, i, file, sources, problems)
        if source is not None:
            sources[source.id] = source
    return sources, capped(problems, file)


@dataclass
class _Loader:
    """The state of one load: settings, sources, ids seen so far, problems."""

    settings: Settings
    allowed: list[str]
    renderer: Renderer
    sources: dict[str, Source]
    invalid_sources: set[str]
    sources_file: str
    check: SchemaCheck  # the notes files' schema, compiled once for the load
    seen_ids: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)

    def load_file(self, path: Path, file: str) -> None:
        """Validate one notes file and keep its valid annotations; report at most 50 problems of it."""
        before = len(self.problems)
        self._load_file(path, file)
        self.problems[before:] = capped(self.problems[before:], file)

    def _load_file(self, path: Path, file: str) -> None:
        doc, file_problems = _read(path, file)
        if doc is None:
            self.problems += file_problems
            return
        data = doc.data if isinstance(doc.data, dict) else {}
        self.problems += [_named(p, data) for p in file_problems]
        found = schema_problems(self.check, doc, file, lambda p: _item_subject(data, "annotations", p, "annotation"))
        self.problems += unreported(found, file_problems)
        broken = {p.subject for p in found if p.severity == "error"}
        category = self.settings.categories.get(data.get("category"))
        if category is None:
            return
        if path.stem.lower() in self.settings.categories and path.stem.lower() != category.id:  # (a copied file's slip)
            self.problems.append(Problem(file, doc.place(("category",)).line, 1, "", f"the file is named for the category "
                                         f"'{path.stem.lower()}' but says 'category: {category.id}'", "fix one of them", "warning"))
        if category.id not in self.allowed:
            where = doc.place(("category",))
            self.problems.append(Problem(file, where.line, where.column, "", f"the category '{category.id}' is not used "
                                         f"on this page (its categories: {', '.join(self.allowed)})",
                                         "move the file to the right page's notes folder, or add the category to the "
                                         "page's 'categories' in mkdocs.yml"))
            return
        items = data.get("annotations")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                self.load_item(doc, file, i, item, category, broken)

    def load_item(self, doc: YamlDocument, file: str, i: int, item: dict, category, broken: set[str]) -> None:
        """Check one annotation's cross-field rules; keep it if it has no error."""
        aid = item.get("id") if isinstance(item.get("id"), str) else f"annotation {i + 1}"
        problems: list[Problem] = []

        def add(what, todo, key=(), severity="error", typed=""):  # (typed: the words at fault, told at their line)
            line, column = doc.place(("annotations", i) + tuple(key)).find(typed)
            problems.append(Problem(file, line, column, aid, what, todo, severity))

        self._check_ids(item, aid, f"{file}:{doc.place(('annotations', i)).line}", add)
        self._check_verdict(item, category, add)
        self._check_dates(item, add)
        cited = self._cited_sources(item, add)
        self._check_text(doc, item, i, add)
        item_rules(item, add, self.settings.body_words, self.settings.summary_words)
        self.problems += problems
        if aid not in broken and not any(p.severity == "error" for p in problems):
            self.annotations.append(_annotation(doc, file, i, item, category, self.settings, cited))

    def _check_ids(self, item: dict, aid: str, where: str, add) -> None:
        aliases = item.get("aliases") if isinstance(item.get("aliases"), list) else []
        for key, other in [(("id",), aid)] + [(("aliases", j), a) for j, a in enumerate(aliases) if isinstance(a, str)]:
            if key != ("id",) and other == aid:
                add(f"the alias '{other}' is the note's own id", "remove it from 'aliases:' (they list its old ids)", key)
            elif other in self.seen_ids:
                add(f"the {'id' if key == ('id',) else 'alias'} '{other}' is already used by a note in "
                    f"{self.seen_ids[other]}", "give one of the two notes a new id (ids are public URLs: keep the published one)", key)
            else:  # (an id clashing with an alias is told so: the alias may be the mistake, not the published id)
                self.seen_ids[other] = where if key == ("id",) else f"{where}, as an alias of '{aid}'"

    def _check_verdict(self, item: dict, category, add) -> None:
        if category.verdicts and "verdict" not in item:
            add(f"a {category.label.lower()} needs a verdict", f"add 'verdict:' with one of: {', '.join(self.settings.verdicts)}")
        if not category.verdicts and "verdict" in item:
            with_verdicts = ", ".join(c.id for c in self.settings.categories.values() if c.verdicts) or "no category"
            add(f"only {with_verdicts} carry a verdict; this file's category is '{category.id}'", "remove 'verdict', move the "
                "note to a file of a category with verdicts, or give this one 'verdicts: true' in mkdocs.yml", ("verdict",))

    def _check_dates(self, item: dict, add) -> None:
        later = item.get("later") if isinstance(item.get("later"), dict) else {}
        fields = [(item.get("checked"), ("checked",), "'checked'"), (later.get("date"), ("later", "date"), "'later.date'")]
        fields += [(c.get("date"), ("corrections", j, "date"), f"the date of correction {j + 1}")
                   for j, c in enumerate(item.get("corrections") or []) if isinstance(c, dict)]
        for value, key, name in fields:  # (a form not YYYY-MM-DD is the schema's to name)
            if _unreal_day(value):
                add(f"{name} {value!r} is not a real date", 'write it as "YYYY-MM-DD"', key)
            elif _day_to_come(value):
                add(f"{name} {value!r} is a day still to come", "write the day it happened, or the note was checked", key)

    def _cited_sources(self, item: dict, add) -> list[Source]:
        cited = []
        listed = item.get("sources") if isinstance(item.get("sources"), list) else []
        for j, sid in enumerate(listed):
            if not isinstance(sid, str):
                continue
            if sid in self.sources and self.sources[sid] in cited:  # (the page would list it twice)
                add(f"cites source '{sid}' twice", "list each source once", ("sources", j), "warning")
            elif sid in self.sources:
                cited.append(self.sources[sid])
            elif sid in self.invalid_sources:
                add(f"cites source '{sid}', whose entry in {self.sources_file} has an error (reported above)",
                    "fix that entry first", ("sources", j))
            elif self.sources or not self.invalid_sources:  # a list that failed whole was reported already
                near = [k for k in self.sources if k.casefold() == sid.casefold()] or difflib.get_close_matches(sid, list(self.sources), n=1)
                add(f"cites source '{sid}', which is not in {self.sources_file}", f"add it to {self.sources_file} first" if not near else
                    f"did you mean '{near[0]}'?" + ("" if near[0].lower() == sid.lower() else f" If not, add it to {self.sources_file}"), ("sources", j))
        return cited

    def _check_text(self, doc: YamlDocument, item: dict, i: int, add) -> None:
        body = item.get("body")
        if isinstance(body, str):
            if flattened_list(doc.place(("annotations", i, "body"))):
                add("the body is a folded block (>) and its Markdown list would be joined into one line",
                    "write 'body: |' instead of 'body: >'", ("body",))
            for severity, what, todo, typed in self.renderer.body_issues(body):
                add(what, todo, ("body",), severity, typed)


def _annotation(doc: YamlDocument, file: str, i: int, item: dict, category, settings: Settings,
                cited: list[Source]) -> Annotation:
    def at(*key) -> Position:
        place = doc.place(("annotations", i) + key)
        return Position(file, place.line, place.column)

    target = item["target"]
    return Annotation(
        id=item["id"], category=category, paragraph=target["paragraph"], exact=target["exact"],
        prefix=target.get("prefix") or "", suffix=target.get("suffix") or "",
        title=item["title"], summary=item["summary"], body=item["body"], sources=cited, checked=item["checked"],
        verdict=settings.verdicts.get(item.get("verdict") or ""), later=item.get("later"),
        corrections=sorted((Correction(c["date"], c["what"], c["why"]) for c in item.get("corrections") or []),
                           key=lambda c: c.date),
        aliases=list(item.get("aliases") or []), at=at(), target_at=at("target", "exact"),
        paragraph_at=at("target", "paragraph"), body_place=doc.place(("annotations", i, "body")))


def _notes_files(directory: Path, root: Path | None) -> tuple[list[Path], list[Problem]]:
    paths = sorted(p for p in directory.iterdir()
                   if p.is_file() and p.suffix.lower() in NOTE_SUFFIXES and p.name != SOURCES_FILE)
    problems = [Problem(display_path(nested, root), 0, 0, "", "this file is in a subfolder and is not read",
                        f"move it into {display_path(directory, root)}/ itself, or out of the notes folder "
                        "to keep it as a draft", "warning")
                for nested in sorted(directory.glob("*/**/*"))
                if nested.is_file() and nested.suffix.lower() in NOTE_SUFFIXES]
    return paths, problems


def load_annotations(directory: Path, settings: Settings, root: Path | None = None,
                     categories: list[str] | None = None, renderer: Renderer | None = None) -> AnnotationSet:
    """Read and validate every notes file of one page's folder.

    Args:
        directory: the page's notes folder (``*.yml``/``*.yaml``; ``sources.yml`` is its source list).
        settings: the site's categories and verdict scale.
        root: paths in problems are shown relative to this folder (default: the working directory).
        categories: the category ids this page uses (default: all of ``settings``).
        renderer: the build's :class:`Renderer` (a new one if omitted).

    Returns:
        An :class:`AnnotationSet` in file order. An annotation with an error in its own fields
        is left out of ``annotations`` but always named in ``problems``.
    """
    if not directory.is_dir():
        return AnnotationSet([], {}, [missing_folder(directory, root)])
    sources, source_problems = load_sources(directory / SOURCES_FILE, root)
    invalid = {p.subject for p in source_problems if p.severity == "error"} or ({""} if source_problems else set())
    loader = _Loader(settings, categories or list(settings.categories), renderer or Renderer(), sources, invalid,
                     display_path(directory / SOURCES_FILE, root), SchemaCheck(annotations_schema(settings)),
                     problems=list(source_problems))
    paths, nested = _notes_files(directory, root)
    loader.problems += nested
    loader.problems += unread_files(directory, paths + [directory / SOURCES_FILE], root)
    for path in paths:
        loader.load_file(path, display_path(path, root))
    return AnnotationSet(loader.annotations, sources, loader.problems)
