"""Issue 14 items 7, 10, 14, 15 and 16: the deploy path, refused configurations, and 'make serve'."""

from __future__ import annotations

import re
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from annotated_edition.refusals import refuse_config
from conftest import ROOT, _env, free_port, make_project

sys.path.insert(0, str(ROOT / "scripts"))
import serve  # noqa: E402  (scripts/serve.py, what 'make serve' runs)


def config_with(tmp_path: Path, extra: str = "", site_url: str = "https://example.org/site/"):
    project = make_project(tmp_path / "p")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("    - navigation.top\n", "    - navigation.top\n" + extra)
    text = text.replace('site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]', f"site_url: {site_url}")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    return load_config(str(project / "mkdocs.yml"))


def test_item10_navigation_instant_is_refused_in_one_line(tmp_path):
    with pytest.raises(PluginError) as refused:
        refuse_config(config_with(tmp_path, "    - navigation.instant\n"), "build")
    assert "\n" not in str(refused.value) and "navigation.instant" in str(refused.value)
    refuse_config(config_with(tmp_path / "b"), "build")  # without it: accepted


def test_item07_gh_deploy_refuses_a_local_site_url(tmp_path):
    with pytest.raises(PluginError, match="set SITE_URL=https://"):
        refuse_config(config_with(tmp_path, site_url="http://127.0.0.1:8000/"), "gh-deploy")
    refuse_config(config_with(tmp_path / "b"), "gh-deploy")


def test_item14_busy_port_is_one_line(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert serve.main([str(port)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"port {port} is in use" in err and f"make serve PORT={port + 1}" in err
    assert serve.main(["eighty"]) == 2
    assert "make serve PORT=8123" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "$(PORT)" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_a_port_left_in_time_wait_by_a_stopped_server_is_free():
    """'make serve' stopped and started again within a minute said the port was in use: the old server's
    connections were in TIME_WAIT, which MkDocs' own server (SO_REUSEADDR) binds over."""
    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = server.accept()
        accepted.close()  # (the server's side closes first: its connection waits in TIME_WAIT)
        client.recv(1)
        client.close()
    assert serve.port_is_free(port)
    with socket.socket() as listening:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(("127.0.0.1", port))
        listening.listen()
        assert not serve.port_is_free(port)


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)


@pytest.mark.build
def test_item07_make_deploy(tmp_path):
    project = make_project(tmp_path / "p")
    (project / ".venv").symlink_to(ROOT / ".venv")  # deploy.sh runs no make target (it would reinstall the venv)
    (project / ".gitignore").write_text("site/\n.venv\n.site-staging/\n")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    _git(project, "init", "-q")
    _git(project, "-c", "user.email=t@e", "-c", "user.name=t", "add", "-A")
    _git(project, "-c", "user.email=t@e", "-c", "user.name=t", "commit", "-qm", "site")
    _git(project, "remote", "add", "origin", str(remote))
    env = {k: v for k, v in _env().items() if k != "SITE_URL"}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e")

    def deploy(**extra):
        return subprocess.run(["bash", "scripts/deploy.sh"], cwd=project, env={**env, **extra},
                              capture_output=True, text=True, timeout=300)

    unset = deploy()
    assert unset.returncode == 1 and "SITE_URL is not set" in unset.stderr
    (project / "docs" / "about.md").write_text("changed\n")
    dirty = deploy(SITE_URL="https://u.github.io/r/")
    assert dirty.returncode == 1 and "uncommitted changes" in dirty.stderr
    _git(project, "checkout", "docs/about.md")
    # readers need somewhere to report errors: origin (here a folder) names no GitHub repository
    nowhere = deploy(SITE_URL="https://u.github.io/r/")
    assert nowhere.returncode == 1 and "REPO_URL is not set" in nowhere.stderr
    # ... the GitHub repository origin names (ssh form) is taken; the pages go to another remote
    _git(project, "remote", "rename", "origin", "pages")
    _git(project, "remote", "add", "origin", "git@github.com:u/r.git")
    done = deploy(SITE_URL="https://u.github.io/r/", DEPLOY_ARGS="--remote-name pages")
    assert done.returncode == 0, done.stdout + done.stderr
    shown = subprocess.run(["git", "--git-dir", str(remote), "show", "gh-pages:index.html"], capture_output=True, text=True)
    assert re.search(r'href="?https://u\.github\.io/r/[" >]', shown.stdout) and "127.0.0.1" not in shown.stdout
    about = subprocess.run(["git", "--git-dir", str(remote), "show", "gh-pages:about/index.html"],
                           capture_output=True, text=True).stdout
    assert re.search(r'href="?https://github\.com/u/r/issues"?>open an issue', about)
    assert re.search(r'href="?https://github\.com/u/r"?[ >]', shown.stdout)  # the header's "Report an error"


def _wait_for(url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.build
def test_item15_serve_shows_the_problems_and_never_hangs(tmp_path):
    bad = (ROOT / "annotations" / "claims.yml").read_text(encoding="utf-8").replace("verdict: accurate", "verdict: acurate", 1)
    published = (ROOT / "published-ids.txt").read_text(encoding="utf-8")
    project = make_project(tmp_path / "p", replace_files={"annotations/claims.yml": bad, "published-ids.txt": published})
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page = _wait_for(f"http://127.0.0.1:{port}/")
        assert re.search(r'class="?ed-problems\b', page) and "is not a known verdict" in page
        assert "error: annotations/claims.yml:" in page
        # (the note that did not load is not on the page: its published id was reported gone too, in the preview only)
        assert "no longer on" not in page
        assert page.count("error: ") == 1, re.findall(r"error: [^<]*", page)
        about = _wait_for(f"http://127.0.0.1:{port}/about/")
        assert re.search(r'class="?ed-problems\b', about)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.build
def test_item16_make_serve_restarts_when_the_engine_changes(tmp_path):
    project = make_project(tmp_path / "p")
    port = free_port()
    wrapper = subprocess.Popen([sys.executable, str(project / "scripts" / "serve.py"), str(port)], cwd=project,
                               env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(f"http://127.0.0.1:{port}/")
        engine = project / "scripts" / "annotated_edition" / "problems.py"
        engine.write_text(engine.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        os.utime(engine, (time.time() + 5, time.time() + 5))
        deadline = time.monotonic() + 60
        lines = []
        while time.monotonic() < deadline:
            line = wrapper.stderr.readline()
            lines.append(line)
            if "restarting the server" in line:
                break
        assert any("restarting the server" in line for line in lines), "".join(lines)
        _wait_for(f"http://127.0.0.1:{port}/")
    finally:
        wrapper.terminate()
        wrapper.wait(timeout=30)
    with pytest.raises(ConnectionRefusedError):  # stopping 'make serve' leaves no server running
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
