"""A function run in another Python process while MkDocs goes on building (the machine's other core).

:class:`Background` starts ``python -m annotated_edition.background``, hands it the function's module,
name and arguments (pickled, on its standard input) and reads the pickled result from its standard
output when :meth:`Background.result` is called. A plain subprocess rather than :mod:`multiprocessing`:
``spawn`` would re-run the parent's ``__main__`` (a site's own build script), ``fork`` would copy the
threads of ``mkdocs serve``. If the process cannot start or fails, :meth:`~Background.result` calls the
function here instead, so the result never depends on it.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

PACKAGE_PARENT = str(Path(__file__).resolve().parents[1])


class Background:
    """``function(*args)`` computed in another process; ``function`` must be a module-level function of an
    importable module, ``args`` and its result picklable."""

    def __init__(self, function: Callable, *args: Any) -> None:
        self.function, self.args = function, args
        self.process: subprocess.Popen | None = None
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [PACKAGE_PARENT, os.environ.get("PYTHONPATH")])))
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=env)
            self.process.stdin.write(pickle.dumps((function.__module__, function.__name__, args)))
            self.process.stdin.close()
        except OSError:
            self.cancel()

    def result(self) -> Any:
        """The function's result: from the other process, or computed here if that process failed."""
        if self.process is not None:
            try:
                out = self.process.stdout.read()
                if self.process.wait() == 0:
                    return pickle.loads(out)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                pass
            finally:
                self.process.stdout.close()
                self.process = None
        return self.function(*self.args)

    def cancel(self) -> None:
        """Stop the other process (a build that failed does not wait for it)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            if self.process.stdout:
                self.process.stdout.close()
            self.process = None


def _serve() -> None:
    """In the other process: read ``(module, name, args)`` from stdin, write the pickled result to stdout."""
    module, name, args = pickle.loads(sys.stdin.buffer.read())
    result = getattr(importlib.import_module(module), name)(*args)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    os._exit(0)  # without freeing every object first: the parent waits for this process to end


if __name__ == "__main__":
    _serve()
