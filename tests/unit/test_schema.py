"""schema: the editors' JSON Schema is generated from mkdocs.yml, and the committed copy is current."""

from __future__ import annotations

import json

from annotated_edition.model import Category, Settings, Verdict
from annotated_edition.schema import (ANNOTATIONS_FILE, SOURCES_FILE, SchemaCheck, annotations_schema, schema_texts,
                                      stale_schema_files, validator, write_schema)
from conftest import ROOT, project_settings

SETTINGS = Settings({"context": Category("context", "Context", "Context", "i", "#000", "#fff")},
                    {"true": Verdict("true", "True", 1)})


def test_committed_schema_equals_generated():
    """Fails when mkdocs.yml's categories or verdicts changed without 'make schema'."""
    assert stale_schema_files(project_settings(), ROOT / "schema") == []


def test_enums_come_from_the_settings():
    schema = annotations_schema(project_settings())
    assert schema["properties"]["category"]["enum"] == list(project_settings().categories)
    assert schema["$defs"]["annotation"]["properties"]["verdict"]["enum"] == list(project_settings().verdicts)
    other = annotations_schema(SETTINGS)
    assert other["properties"]["category"]["enum"] == ["context"]


def test_a_changed_category_makes_the_folder_stale(tmp_path):
    write_schema(SETTINGS, tmp_path)
    assert stale_schema_files(SETTINGS, tmp_path) == []
    assert stale_schema_files(project_settings(), tmp_path) == [ANNOTATIONS_FILE]
    (tmp_path / SOURCES_FILE).unlink()
    assert stale_schema_files(SETTINGS, tmp_path) == [SOURCES_FILE]


def test_written_files_are_the_schema_as_json():
    for name, text in schema_texts(SETTINGS).items():
        assert text.endswith("}\n")
        assert json.loads(text)["$id"] == name


def test_the_schema_accepts_a_note_and_refuses_an_unknown_category():
    note = {"id": "n-one", "target": {"paragraph": "p1", "exact": "x"}, "title": "T", "summary": "S", "body": "B",
            "sources": ["S1"], "checked": "2026-11-29"}
    check = validator(annotations_schema(SETTINGS))
    assert list(check.iter_errors({"category": "context", "annotations": [note]})) == []
    assert list(check.iter_errors({"category": "claims", "annotations": [note]}))
    assert list(check.iter_errors({"category": "context", "annotations": [{**note, "verdict": "maybe"}]}))


def test_the_fast_check_agrees_with_jsonschema():
    """SchemaCheck answers 'valid' only where jsonschema (with the ECMA reading of '$') finds no error."""
    note = {"id": "n-one", "target": {"paragraph": "p1", "exact": "x"}, "title": "T", "summary": "S", "body": "B",
            "sources": ["S1"], "checked": "2026-11-29"}
    schema = annotations_schema(SETTINGS)
    check, reference = SchemaCheck(schema), validator(schema)
    variants = [{}, {"id": "n-one\n"}, {"id": "N-one"}, {"checked": "2026-11-29\n"}, {"sources": []}, {"title": ""},
                {"title": None}, {"verdict": "true"}, {"verdict": "maybe"}, {"extra": "x"}, {"aliases": ["a-b", "C"]},
                {"target": {"paragraph": "p1"}}, {"later": {"date": "2026-01-01", "text": "t"}}, {"corrections": []}]
    for change in variants:
        data = {"category": "context", "annotations": [{**note, **change}]}
        errors = [e.message for e in check.iter_errors(data)]
        assert errors == [e.message for e in reference.iter_errors(data)], change
    assert not list(check.iter_errors({"category": "context", "annotations": [note]}))
    assert list(check.iter_errors({"category": "context", "annotations": [{**note, "id": "n-one\n"}]}))


def test_a_site_without_the_schema_folder_is_not_told_it_is_stale(tmp_path):
    """The editors' schema is optional: a new site's first strict build must not stop on a 'stale' warning about
    a folder it never wrote. Once written, a missing file in it is stale."""
    assert stale_schema_files(SETTINGS, tmp_path / "schema") == []
    write_schema(SETTINGS, tmp_path / "schema")
    (tmp_path / "schema" / SOURCES_FILE).unlink()
    assert stale_schema_files(SETTINGS, tmp_path / "schema") == [SOURCES_FILE]


def test_the_note_fields_named_once_are_the_schemas():
    """rules.py tells a body line that is a note's field (indented into the body) from NOTE_FIELDS."""
    from annotated_edition.schema import NOTE_FIELDS

    assert tuple(annotations_schema(SETTINGS)["$defs"]["annotation"]["properties"]) == NOTE_FIELDS
