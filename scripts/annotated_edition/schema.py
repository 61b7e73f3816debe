"""The editors' JSON Schemas, generated from the site's :class:`~annotated_edition.model.Settings`.

Two schemas (JSON Schema 2020-12, https://json-schema.org/draft/2020-12/schema): one for a
notes file (its ``category`` and ``verdict`` enums come from ``mkdocs.yml``) and one for the
source list. The engine validates with the same dicts it writes to ``schema/`` for editors'
tools, so the two cannot drift; ``python -m annotated_edition schema`` rewrites the files and
a test fails when the committed ones are stale. :class:`SchemaCheck` validates: ``fastjsonschema``
(the schema compiled to Python once per load) answers whether a file is valid, and only a file
that is not goes through the ``jsonschema`` library, whose errors name the rule and the value.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import fastjsonschema

from .problems import Problem
from .model import Settings

if TYPE_CHECKING:  # imported when a file has errors (see schema.validator)
    import jsonschema

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ANNOTATIONS_FILE = "annotations.schema.json"
SOURCES_FILE = "sources.schema.json"
SOURCE_ID = {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9-]*$"}


def _selector() -> dict:
    return {
        "type": "object", "additionalProperties": False, "required": ["paragraph", "exact"],
        "properties": {
            "paragraph": {"$ref": "#/$defs/id", "description": "Id of the paragraph (or header part) the quote is in."},
            "exact": {"$ref": "#/$defs/text", "description": "TextQuoteSelector exact: the quoted words, as in the article."},
            "prefix": {"$ref": "#/$defs/text", "description": "TextQuoteSelector prefix: text just before the quote, to tell repeats apart."},
            "suffix": {"$ref": "#/$defs/text", "description": "TextQuoteSelector suffix: text just after the quote, to tell repeats apart."},
        },
    }


# a note's fields, in the order the schema gives them (rules.py reads a body line that is one of them as a field
# indented into the body)
NOTE_FIELDS = ("id", "aliases", "target", "title", "verdict", "summary", "body", "later", "corrections", "sources", "checked")


def _annotation(settings: Settings) -> dict:
    with_verdicts = [c.id for c in settings.categories.values() if c.verdicts]
    return {
        "type": "object", "additionalProperties": False,
        "required": ["id", "target", "title", "summary", "body", "sources", "checked"],
        "properties": {
            "id": {"$ref": "#/$defs/id", "description": "Public and permanent: the note's URL fragment (#id) and HTML id."},
            "aliases": {"description": "Former ids of this note; links to them still land here.",
                        "type": "array", "items": {"$ref": "#/$defs/id"}},
            "target": _selector(),
            "title": {"$ref": "#/$defs/text"},
            "verdict": {"description": f"Only in categories with verdicts ({', '.join(with_verdicts) or 'none'}): the fact-check verdict.",
                        "enum": list(settings.verdicts)},
            "summary": {"$ref": "#/$defs/text", "description": "One sentence shown in the margin."},
            "body": {"$ref": "#/$defs/text", "description": "Markdown: the detail (use a | block)."},
            "later": {"description": "A later development that changed the claim (not an error of the column).",
                      "type": "object", "additionalProperties": False, "required": ["date", "text"],
                      "properties": {"date": {"$ref": "#/$defs/date"}, "text": {"$ref": "#/$defs/text"}}},
            "corrections": {"description": "Dated corrections of this note, each saying what changed (for example the "
                                           "verdict, from X to Y) and why. The latest one dates the note's modification.",
                            "type": "array", "minItems": 1, "items": {
                                "type": "object", "additionalProperties": False, "required": ["date", "what", "why"],
                                "properties": {"date": {"$ref": "#/$defs/date"},
                                               "what": {"$ref": "#/$defs/text", "description": "What changed (plain text or inline Markdown)."},
                                               "why": {"$ref": "#/$defs/text", "description": "Why it changed."}}}},
            "sources": {"description": "Ids of entries in sources.yml.", "type": "array", "minItems": 1, "items": SOURCE_ID},
            "checked": {"$ref": "#/$defs/date", "description": "The date this note's facts were last verified (YYYY-MM-DD)."},
        },
    }


def annotations_schema(settings: Settings) -> dict:
    """The schema of one notes file: ``{category, annotations: [...]}``; enums from ``settings``."""
    return {
        "$schema": DIALECT,
        "$id": ANNOTATIONS_FILE,
        "title": "Notes file of an annotated page",
        "description": "One category of margin notes. Each annotation follows the W3C Web Annotation model: a body "
                       "(title, summary, Markdown body, sources) and a target (a paragraph id and a TextQuoteSelector: "
                       "exact, prefix, suffix). Generated from mkdocs.yml: do not edit.",
        "type": "object", "additionalProperties": False, "required": ["category", "annotations"],
        "properties": {
            "category": {"description": "The category of every note in this file.", "enum": list(settings.categories)},
            "annotations": {"type": "array", "items": {"$ref": "#/$defs/annotation"}},
        },
        "$defs": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80},
            "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "text": {"type": "string", "minLength": 1},
            "annotation": _annotation(settings),
        },
    }


def sources_schema() -> dict:
    """The schema of a source list: ``{sources: [{id, title, publisher, date, url, ...}]}``."""
    source = {
        "type": "object", "additionalProperties": False, "required": ["id", "title", "publisher", "date", "url"],
        "properties": {
            "id": SOURCE_ID,
            "title": {"type": "string", "minLength": 1},
            "publisher": {"type": "string", "minLength": 1},
            "date": {"type": "string", "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|undated)$"},
            # a host with a dot and no spaces ('https:///x' and 'https://reuters' were published as links)
            "url": {"type": "string", "pattern": "^https?://[^\\s/?#:@.]+(\\.[^\\s/?#:@.]+)+(:[0-9]+)?([/?#][^\\s]*)?$"},
            "http_only": {"enum": ["true"], "description": "Write http_only: true when the page exists only at an "
                                                            "http:// address (silences the https warning)."},
            "via": {"type": "string", "minLength": 1,
                    "description": "Says when the URL is a republication (e.g. 'Reuters text via Task & Purpose')."},
        },
    }
    return {
        "$schema": DIALECT, "$id": SOURCES_FILE, "title": "Source list of an annotated page",
        "description": "Every source a note may cite, once. Notes cite sources by id. Generated: do not edit.",
        "type": "object", "additionalProperties": False, "required": ["sources"],
        "properties": {"sources": {"type": "array", "items": source}},
    }


def _inline(node, defs: dict):
    """``node`` with every local ``{"$ref": "#/$defs/x"}`` replaced by its definition."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**_inline(defs[ref.removeprefix("#/$defs/")], defs), **rest}
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def _pattern(validator, pattern: str, instance, schema):
    """``pattern`` as ECMA-262 reads it: ``$`` does not match before a final line break (Python's does)."""
    import jsonschema

    if validator.is_type(instance, "string") and (
            not re.search(pattern, instance) or (pattern.endswith("$") and instance.endswith("\n"))):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def validator(schema: dict) -> jsonschema.protocols.Validator:
    """A ``jsonschema`` validator for ``schema`` (of the dialect the schema names).

    Local ``$ref``s are inlined first: the same rules, without a reference lookup per value
    (they made validation of 2,000 notes take a second). ``pattern`` is checked as editors'
    tools (JavaScript) check it, so ``id: |`` (an id ending in a line break) is refused.
    ``jsonschema`` is imported here, when a file has errors to tell (its import costs a tenth of
    a build of this site).
    """
    import jsonschema

    base = jsonschema.validators.validator_for(schema)
    strict = jsonschema.validators.extend(base, {"pattern": _pattern})
    return strict(_inline(schema, schema.get("$defs", {})))


class SchemaCheck:
    """One schema, compiled once for a load: ``iter_errors(data)`` as a ``jsonschema`` validator gives them.

    ``fastjsonschema`` (``$`` in patterns read as the end of the text, as :func:`_pattern` does)
    tells whether ``data`` is valid; the ``jsonschema`` validator (:func:`validator`) is built
    only for data that is not, to give every error with its path, rule and value.
    """

    def __init__(self, schema: dict) -> None:
        self.schema = schema
        # (no detailed exceptions: their messages are never shown, and the code that builds them is most of
        # what Python compiles for a schema, at every build)
        self._valid = fastjsonschema.compile(_inline(schema, schema.get("$defs", {})), detailed_exceptions=False)
        self._errors = None

    def iter_errors(self, data) -> list:
        """Every ``jsonschema.ValidationError`` of ``data`` (none when it is valid)."""
        try:
            self._valid(data)
            return []
        except fastjsonschema.JsonSchemaException:
            self._errors = self._errors or validator(self.schema)
            return list(self._errors.iter_errors(data))


def schema_texts(settings: Settings) -> dict[str, str]:
    """File name -> the JSON text written to the schema folder (stable, indented, trailing newline)."""
    return {name: json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            for name, data in ((ANNOTATIONS_FILE, annotations_schema(settings)), (SOURCES_FILE, sources_schema()))}


def stale_schema_files(settings: Settings, folder: Path) -> list[str]:
    """The names of the files in ``folder`` that differ from what ``settings`` generate (or are missing); none when
    the folder does not exist (a site that has not written the editors' schema does not need it)."""
    if not folder.is_dir():
        return []
    return [name for name, text in schema_texts(settings).items()
            if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]


def stale_schema_problems(settings: Settings, folder: Path, shown: str) -> list[Problem]:
    """A warning when the editors' schema in ``folder`` (shown as ``shown``) is not what ``settings`` generate."""
    stale = stale_schema_files(settings, folder)
    return [Problem(f"{shown}/{', '.join(stale)}", 0, 0, "", "stale (the categories or verdicts in mkdocs.yml changed)",
                    "run 'python -m annotated_edition schema' to regenerate it", "warning")] if stale else []


def write_schema(settings: Settings, folder: Path) -> list[Path]:
    """Write the schemas into ``folder`` (created if needed); return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts(settings).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
