"""Build into a staging folder and put it in place only when the whole build succeeded.

MkDocs empties ``site_dir`` before it renders the pages, and the notes are anchored while the
pages render, so a build that fails on a note would leave an empty or half-written site.
:class:`Stage` gives MkDocs a sibling folder to build into (``.<name>.staging``) and swaps it
in at the end; on failure the staging folder is removed and ``site_dir`` is untouched.

A strict build fails after the last event (``on_post_build``) when anything logged a warning (a nav entry
or a link of a Markdown page to no file, say): MkDocs counts them with its ``mkdocs.utils.CountHandler``
and aborts then. A strict stage counts them the same way and does not swap in a build that had one.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler


class StageError(PluginError):
    """The staging folder cannot be made (MkDocs reports a :class:`PluginError` in one line)."""


class Stage:
    """The staging folder of one build of ``site_dir``."""

    def __init__(self, site_dir: Path, strict: bool = False) -> None:
        self.site_dir = site_dir.resolve()
        self.folder = self.site_dir.with_name(f".{self.site_dir.name}.staging")
        self.warnings = CountHandler() if strict else None  # (counting from begin() on)

    def begin(self) -> Path:
        """A fresh, empty staging folder (a leftover of an interrupted build is removed).

        Raises:
            StageError: a file (not a folder) has the staging folder's name, or the old site's: it is not
                removed (it may be someone's), and MkDocs would fail on it with a traceback.
        """
        for path in (self.folder, self.site_dir.with_name(f".{self.site_dir.name}.old")):
            if path.exists() and not path.is_dir():
                raise StageError(f"{path} is a file, where the build keeps a folder of its own; move or delete it")
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.warnings is not None:
            self.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)
        return self.folder

    def publish(self) -> Path | None:
        """Replace ``site_dir`` with the staged build; return ``site_dir``. A strict stage that counted a warning
        replaces nothing and returns None: MkDocs aborts the build next (then call :meth:`abandon`)."""
        if self._counted():
            return None
        old = self.site_dir.with_name(f".{self.site_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if self.site_dir.exists():
            self.site_dir.rename(old)
        self.folder.rename(self.site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return self.site_dir

    def abandon(self) -> None:
        """Remove the staged build; ``site_dir`` is as it was."""
        self._counted()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _counted(self) -> bool:
        """Stop counting; whether a warning was logged since :meth:`begin`."""
        if self.warnings is None:
            return False
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        return bool(self.warnings.get_counts())


def unwritten(stage: Stage | None) -> str:
    """How an error that stops a build before any page is written ends: the published site, if there is one, is
    kept (``stage`` is None in a preview, which publishes nothing)."""
    kept = stage is not None and stage.site_dir.is_dir()
    return "nothing was written" + (f": the previous {stage.site_dir.name}/ is as it was" if kept else "")
