"""``make serve``: ``mkdocs serve`` on a free port, restarted when the engine's Python changes.

MkDocs imports the plugin once per process, so an edit to ``scripts/annotated_edition/`` would
not reach a running ``mkdocs serve``; this wrapper polls those files and restarts the server.
A busy port is one line that says how to choose another. The preview is not strict (MkDocs
aborts a strict rebuild on a warning and the browser then waits forever); the plugin shows
its problems on every page instead, and ``make build`` stays strict. Usage: ``python scripts/serve.py PORT``.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "scripts" / "annotated_edition"


def port_is_free(port: int) -> bool:
    """Whether 127.0.0.1:``port`` can be bound now, as MkDocs' server binds it (``SO_REUSEADDR``, as Python's
    ``socketserver`` sets with ``allow_reuse_address``): the connections a stopped server leaves in TIME_WAIT for
    a minute do not make the port busy; a server listening there does."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def engine_state() -> dict[str, float]:
    """The engine's Python files and templates with their modification times."""
    return {str(p): p.stat().st_mtime for p in ENGINE.rglob("*") if p.is_file() and p.suffix in (".py", ".html")}


def wait_for_port(port: int, seconds: float = 10) -> None:
    """Wait until the old server has let go of ``port``."""
    deadline = time.monotonic() + seconds
    while not port_is_free(port) and time.monotonic() < deadline:
        time.sleep(0.1)


def _stop(*_args) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    """Serve until interrupted; return the exit status."""
    port_text = argv[0] if argv else "8000"
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        print(f"error: PORT={port_text!r} is not a port number; run e.g. 'make serve PORT=8123'", file=sys.stderr)
        return 2
    port = int(port_text)
    if not port_is_free(port):
        print(f"error: port {port} is in use (another 'make serve'?); run 'make serve PORT={port + 1}' or stop the other server",
              file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _stop)
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    server = None
    try:
        while True:
            state = engine_state()
            server = subprocess.Popen(command, cwd=ROOT)
            while server.poll() is None and engine_state() == state:
                time.sleep(1)
            if server.poll() is not None:
                return server.returncode
            print("The engine (scripts/annotated_edition/) changed: restarting the server", file=sys.stderr)
            server.terminate()
            server.wait()
            wait_for_port(port)
    except KeyboardInterrupt:
        return 0
    finally:  # stopped at any point (even while restarting): no server is left running
        if server is not None and server.poll() is None:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
