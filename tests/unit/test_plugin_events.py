"""plugin: what its events do beyond the build (the build itself is tested on a built site)."""

from __future__ import annotations

from types import SimpleNamespace

from annotated_edition.core import PageSpec
from annotated_edition.plugin import AnnotatedEditionPlugin


class Server:
    """Records what MkDocs' LiveReloadServer would watch."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_each_notes_folder_once(tmp_path):
    """A site made from the README had no 'watch:' for its notes: 'mkdocs serve' did not rebuild on a note's edit."""
    for name in ("notes", "notes-world", "listed"):
        (tmp_path / name).mkdir()
    plugin = AnnotatedEditionPlugin()
    plugin.specs = [PageSpec("index.md", tmp_path / "notes", ()), PageSpec("world/a.md", tmp_path / "notes-world", ()),
                    PageSpec("b.md", tmp_path / "listed", ()), PageSpec("c.md", tmp_path / "missing", ())]
    server = Server()
    assert plugin.on_serve(server, config=SimpleNamespace(watch=[str(tmp_path / "listed")]), builder=None) is server
    assert sorted(server.watched) == [str((tmp_path / "notes").resolve()), str((tmp_path / "notes-world").resolve())]


def test_a_strict_build_stopped_by_warnings_alone_does_not_count_zero_errors():
    import pytest
    from mkdocs.exceptions import PluginError

    from annotated_edition.problems import Problem
    from annotated_edition.reporting import report

    warning = Problem("notes/claims.yml", 3, 5, "n-one", "a warning", severity="warning")
    with pytest.raises(PluginError) as stopped:
        report([warning], True, "nothing was written", "mkdocs-check")
    assert str(stopped.value).startswith("1 warning(s) (a strict build refuses warnings) in the annotations")
    with pytest.raises(PluginError) as stopped:
        report([warning, Problem("notes/claims.yml", 4, 5, "n-two", "an error")], False, "nothing was written", "c")
    assert str(stopped.value).startswith("1 error(s) and 1 warning(s) in the annotations")
