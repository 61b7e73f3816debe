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
