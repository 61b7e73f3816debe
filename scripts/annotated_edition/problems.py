"""Editor-facing problems: one line each, ``file:line:column: annotation-id: what; what to do``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix.

    Attributes:
        file: path of the file at fault, as shown to the editor (relative to the project).
        line: 1-based line number, or 0 when the problem is about the whole file.
        column: 1-based column, or 0 when unknown.
        subject: the annotation id (or field, or paragraph id) the problem is about; "" if none.
        what: what is wrong, in plain words.
        todo: what to change.
        severity: "error" stops the build; "warning" fails only ``mkdocs build --strict``.
    """

    file: str
    line: int
    column: int
    subject: str
    what: str
    todo: str = ""
    severity: str = "error"

    def format(self) -> str:
        """Return the problem as ``file:line:column: subject: what; todo``."""
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: "
        if self.subject:
            text += f"{self.subject}: "
        text += self.what
        if self.todo:
            text += f"; {self.todo}"
        return text.replace("\r", "\\r").replace("\n", "\\n")  # one line, whatever an editor typed

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.format()



def display_path(path: Path | str, root: Path | None = None) -> str:
    """Return ``path`` relative to ``root`` (default: the working directory) when it lies below it. A symbolic
    link keeps its own name (``annotations/x.yml``, not where it points); only the folders above it are resolved."""
    path = Path(path)
    base = (root or Path.cwd()).resolve()
    for candidate in (path.absolute(), path.parent.resolve() / path.name, path.resolve()):
        try:
            return str(candidate.relative_to(base))
        except ValueError:
            continue
    return str(path)
