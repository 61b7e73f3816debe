"""C15: ``mkdocs serve`` rebuilds when a note in annotations/ changes, and serves the new text."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from conftest import _env, free_port, make_project


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def test_editing_a_note_rebuilds_the_served_page(tmp_path):
    project = make_project(tmp_path / "p")
    port = free_port()
    env = _env()
    env["SITE_URL"] = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               ], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.time() + 60
        while True:
            try:
                page = _get(url)
                break
            except OSError:
                assert time.time() < deadline, "mkdocs serve did not start"
                time.sleep(0.3)
        claims = project / "annotations" / "claims.yml"
        text = claims.read_text(encoding="utf-8")
        old = "One freighter, and contracts rather than new aid"
        assert old in text and old in page
        claims.write_text(text.replace(old, "Edited while serving"), encoding="utf-8")
        deadline = time.time() + 15
        while "Edited while serving" not in page:
            assert time.time() < deadline, "the page was not rebuilt within 15 s of the edit"
            time.sleep(0.5)
            page = _get(url)
    finally:
        server.terminate()
        server.wait(timeout=10)
