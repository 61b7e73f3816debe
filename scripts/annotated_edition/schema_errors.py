"""JSON Schema errors (from ``jsonschema``) told in an editor's words, with file, line and a fix."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from .problems import Problem
from .yamlsource import YamlDocument

if TYPE_CHECKING:  # imported when a file has errors (see schema.validator)
    import jsonschema

_WANT = {"string": "text", "array": "a list (lines starting with '- ')", "object": "a mapping of 'key: value' lines"}


def _field(path: tuple) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "file"


def _pattern_problem(error, where: tuple, name: str) -> Problem:
    if ("date" in name or name == "checked") and "undated" in str(error.validator_value):  # (a source's)
        return Problem(*where, f"'{name}' must be written YYYY-MM-DD, YYYY-MM, YYYY or undated, not {error.instance!r}",
                       'write it like "2019-03-27", "2019-03" or "2019", in quotes, or "undated"')
    if "date" in name or name == "checked":
        return Problem(*where, f"'{name}' must be a date written YYYY-MM-DD, not {error.instance!r}",
                       'write it like "2019-03-27", in quotes')
    if name == "url":
        return Problem(*where, f"{error.instance!r} is not a web address", "give the full https:// URL of the page you read")
    if "A-Z" in str(error.validator_value):  # (a source id: S1, S52b)
        fixed = re.sub(r"[^A-Za-z0-9]+", "-", str(error.instance)).strip("-") or "S1"
        return Problem(*where, f"'{name}' {error.instance!r} may only use letters, digits and hyphens",
                       f"write it as '{fixed}' (and cite it so)")
    fixed = re.sub(r"[^a-z0-9]+", "-", str(error.instance).lower()).strip("-") or "cargo-planes-note"
    if name == "paragraph":  # (not an id to choose: the one written after the paragraph, '{#cargo-planes}')
        return Problem(*where, f"'paragraph' {error.instance!r} is not a paragraph id (lowercase a-z, digits, hyphens)",
                       f"write the id that follows the paragraph in the article, without '{{#' and '}}': '{fixed}'?")
    return Problem(*where, f"'{name}' {error.instance!r} may only use lowercase letters a-z, digits and single hyphens",
                   f"rename it, e.g. '{fixed}' (ids are public URLs: choose once)")


def _kind_of(value: object) -> str:
    """The JSON Schema type name of a value read from YAML (for :data:`_WANT`)."""
    return "array" if isinstance(value, list) else "object" if isinstance(value, dict) else "string"


def schema_problem(error: jsonschema.ValidationError, doc: YamlDocument, file: str, subject: str) -> Problem:
    """Turn one ``jsonschema`` error into a :class:`Problem` at the line of the offending value."""
    path = tuple(error.absolute_path)
    place = doc.place(path)
    where = (file, place.line, place.column, subject)
    name, kind = _field(path), error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "a field"
        what = error.schema.get("properties", {}).get(missing, {}).get("description", "").rstrip(".")  # (the schema's words)
        return Problem(*where, f"missing required field '{missing}'", f"add '{missing}: ...'" + (f" ({what[:1].lower()}{what[1:]})" if what else ""))
    if kind == "additionalProperties":
        return _unknown_fields(error, doc, file, subject)[0]
    if kind in ("type", "enum") and error.instance is None and path and isinstance(path[-1], int):  # (a bare '-')
        return Problem(*where, f"entry {path[-1] + 1} of '{name}' is empty", "write it after the '-', or delete the line")
    if kind in ("type", "enum") and error.instance is None:  # ('verdict: ~' read "'None' is not a known verdict")
        return Problem(*where, f"'{name}' has no value", "list its entries under it, each on a line starting with '- '"
                       if error.validator_value == "array" else
                       "write the text after the colon (quote it, e.g. '~', if you mean the character itself)")
    if kind == "type" and not path:  # (a bare list of notes, without 'category:' and 'annotations:' above it)
        keys = " and ".join(f"'{key}:'" for key in error.schema.get("required", [])) or "its fields"
        return Problem(*where, f"the file is not a mapping of fields but {_WANT.get(_kind_of(error.instance), 'a value')}",
                       f"start it with {keys}, and indent the entries under the last by two spaces (see the other files)")
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else "text"
        # (an entry of a list is named as one: "'corrections' must be a list", then "... a mapping", contradicted)
        label = f"each entry of '{name}'" if path and isinstance(path[-1], int) else f"'{name}'"
        todo = (f"write it in brackets: '{name}: [{error.instance}]'" if wanted == "array" and isinstance(error.instance, str)
                else f"write one '{name}:' (one entry, not a list)" if wanted == "object" and isinstance(error.instance, list)
                else "fix the indentation or the value's form")  # ('sources: S7'; two 'later:' entries)
        return Problem(*where, f"{label} must be {_WANT.get(wanted, wanted)}", todo)
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        if not isinstance(error.instance, str):  # ('verdict: [accurate]' read "'['accurate']' is not a known verdict")
            return Problem(*where, f"'{name}' must be one word, not a list or a mapping", f"write one of: {options}")
        return Problem(*where, f"'{error.instance}' is not a known {name}", f"use one of: {options}")
    if kind == "pattern":
        return _pattern_problem(error, where, name)
    if kind == "minLength":
        return Problem(*where, f"'{name}' is empty", "write the text")
    if kind == "minItems":
        return Problem(*where, f"'{name}' is empty", "give at least one source id" if name == "sources"
                       else "list at least one entry under it, or remove the field")
    return Problem(*where, error.message, "see the schema in schema/")


def _unknown_fields(error: jsonschema.ValidationError, doc: YamlDocument, file: str, subject: str) -> list[Problem]:
    """One problem for each field of the mapping that the schema does not allow (jsonschema reports them in one error:
    'alias' and 'sumary' in one note were told as 'alias' alone), at the field's line."""
    path, allowed = tuple(error.absolute_path), list(error.schema.get("properties", {}))
    problems = []
    for bad in [k for k in error.instance if k not in allowed] or ["?"]:
        place = doc.key_place(path + (bad,))
        close = difflib.get_close_matches(bad, allowed, n=1)
        todo = f"did you mean '{close[0]}'?" if close else f"allowed fields here: {', '.join(allowed)}"
        if bad == "<<":  # (a YAML merge key: another entry's fields, copied in)
            todo = "this edition does not read YAML merge keys ('<<: *name'); write the fields out"
        problems.append(Problem(file, place.line, place.column, subject, f"unknown field '{bad}'", todo))
    return problems


def schema_problems(validator, doc: YamlDocument, file: str, subject_of) -> list[Problem]:
    """Every schema error of ``doc`` as a problem (an unknown field each); ``subject_of(path)`` names the note or source at fault."""
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path])
    problems = []
    for error in errors:
        subject = subject_of(tuple(error.absolute_path))
        problems += (_unknown_fields(error, doc, file, subject) if error.validator == "additionalProperties"
                     else [schema_problem(error, doc, file, subject)])
    return problems


def unreported(found: list[Problem], already: list[Problem]) -> list[Problem]:
    """``found`` less the problems at a place that ``already`` has one for: a value the YAML reader refused (a
    tag) reads as empty to the schema, and "'title' has no value" was reported beside the tag's problem."""
    places = {(p.file, p.line, p.column) for p in already}
    return [p for p in found if (p.file, p.line, p.column) not in places]
