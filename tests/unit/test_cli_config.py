"""cli: every command validates mkdocs.yml with MkDocs' own config classes first; an option the plugin does not know
(``categorys:``) stops it with one line naming the option and exit status 2, before any note is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotated_edition import cli
from tiny_article import NOTE, PAGE, SOURCES

CONFIG = """site_name: Mini
theme: {name: material}
markdown_extensions: [attr_list]
plugins:
  - annotated-edition:
      pages:
        - {page: index.md, annotations: notes}
      categories:
        - {id: claims, label: Claim, icon: "✓", colour: "#9a3412", verdicts: true}
      body_words: [1, 150]
      verdicts:
        - {id: accurate, label: Accurate, rating: 3}
"""
NOTES = {"sources.yml": SOURCES, "claims.yml": NOTE}


def project(tmp_path: Path, config: str = CONFIG) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes").mkdir()
    for name, text in NOTES.items():
        (tmp_path / "notes" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def run(capsys, path: Path, *command: str) -> tuple[int, str, str]:
    status = cli.main(["-f", str(path), *command])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_valid_project_checks(tmp_path, capsys):
    status, out, err = run(capsys, project(tmp_path), "check")
    assert (status, err) == (0, "") and "OK: 1 notes anchored" in out


@pytest.mark.parametrize("command", [["check"], ["schema"], ["publish-ids"], ["annotate", "site"]])
def test_a_misspelt_option_is_named_before_any_note_is_read(tmp_path, capsys, command):
    path = project(tmp_path, CONFIG.replace("      categories:", "      categorys:"))
    status, out, err = run(capsys, path, *command)
    assert status == 2 and out == ""
    assert err == (f"error: {path}: Config value 'plugins': Plugin 'annotated-edition' option 'categorys': "
                   "Unrecognised configuration name: categorys; did you mean 'categories'?\n")
    assert not (tmp_path / "schema").exists()


def test_a_misspelt_option_of_a_category_is_named(tmp_path, capsys):
    path = project(tmp_path, CONFIG.replace("verdicts: true}", "verdicts: true, dark_color: '#fdba74'}"))
    status, out, err = run(capsys, path, "check")
    assert status == 2 and out == "" and len(err.splitlines()) == 1
    assert err.endswith("option 'categories': category 1 ('claims'): unknown option 'dark_color'; did you mean 'dark_colour'?\n")


def test_an_invalid_option_is_one_line(tmp_path, capsys):
    status, out, err = run(capsys, project(tmp_path, CONFIG.replace("[1, 150]", "[150]")), "check")
    assert status == 2 and out == "" and len(err.splitlines()) == 1
    assert "option 'body_words': [150] is not a range" in err


def test_other_warnings_stop_a_command_only_in_strict_mode(tmp_path, capsys):
    path = project(tmp_path, "site_nmae: Typo\n" + CONFIG)
    status, out, err = run(capsys, path, "check")
    assert status == 0 and out.startswith(f"warning: {path}: Config value 'site_nmae': Unrecognised configuration name")
    path.write_text("strict: true\nsite_nmae: Typo\n" + CONFIG, encoding="utf-8")
    status, out, err = run(capsys, path, "check")
    assert status == 2 and out == "" and err.startswith(f"error: {path}: Config value 'site_nmae': Unrecognised")


def test_a_key_written_twice_in_mkdocs_yml_is_named_at_its_line(tmp_path, capsys):
    """MkDocs keeps the last of two keys without a word (two 'plugins:' blocks drop the first, and with it the notes)."""
    path = project(tmp_path, CONFIG.replace("theme: {name: material}\n", "theme: {name: material}\nsite_name: Other\n"))
    status, out, err = run(capsys, path, "check")
    assert status == 0 and out.startswith(f"warning: {path}:3:1: site_name: duplicate key 'site_name' (first at line 1)")
    path.write_text("strict: true\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, err = run(capsys, path, "check")
    assert status == 2 and err.startswith(f"error: {path}:4:1: site_name: duplicate key")


def test_a_warning_beside_a_plugin_that_failed(tmp_path, capsys):
    """MkDocs leaves 'plugins' as written when it fails: the other warnings are still told, without a traceback."""
    path = project(tmp_path, "site_nmae: Typo\n" + CONFIG.replace("  - annotated-edition:", "  - no-such-plugin\n  - annotated-edition:"))
    status, out, err = run(capsys, path, "check")
    assert status == 2 and "site_nmae" in out
    assert err == f"error: {path}: Config value 'plugins': The \"no-such-plugin\" plugin is not installed\n"


def test_a_file_that_is_not_yaml_is_one_line(tmp_path, capsys):
    status, out, err = run(capsys, project(tmp_path, "site_name: [\n"), "check")
    assert status == 2 and out == "" and len(err.splitlines()) == 1 and "line 2, column 1" in err


def test_what_a_build_refuses_check_refuses_in_one_line(tmp_path, capsys):
    """Without attr_list a build stops in one line; check said nothing of it and listed an error per paragraph id."""
    path = project(tmp_path, CONFIG.replace("markdown_extensions: [attr_list]\n", ""))
    status, out, err = run(capsys, path, "check")
    assert status == 2 and err.count("\n") == 1 and "add 'attr_list' under markdown_extensions" in err, err


def test_a_verdict_id_yaml_reads_as_a_boolean_is_told_to_be_quoted(tmp_path, capsys):
    """'id: true' is a boolean in YAML 1.1: the error says to quote it, not 'Expected type str, received bool'."""
    path = project(tmp_path, CONFIG.replace("{id: accurate, label: Accurate", "{id: true, label: True"))
    status, out, err = run(capsys, path, "check")
    assert status == 2 and "YAML read True as a bool, not text: put it in quotes ('\"true\"'" in err, err


def test_the_help_is_written_for_people(capsys):
    """It opened with the module docstring's first line: reST markup and a link to argparse's documentation."""
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "``" not in out and "docs.python.org" not in out
    assert "check" in out and "annotate" in out and "publish-ids" in out
