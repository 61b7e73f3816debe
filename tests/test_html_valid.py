"""Issue 15, section 2: every built page is valid HTML for the W3C Nu HTML Checker (vnu).

The checker is the ``vnu-jar`` package from npm (``tests/js``, installed by ``make test``),
run by Java (Debian's ``default-jre-headless``, installed by ``make test`` when missing), over
every HTML file of the built site: the pages, the 404 page and the share pages.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build

VNU = ROOT / "tests" / "js" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_built_page_has_no_html_error(built_site):
    java = shutil.which("java")
    assert java, "Java is missing: run 'make test' (it installs default-jre-headless) or apt-get install default-jre-headless"
    assert VNU.exists(), "tests/js/node_modules is missing: run 'make test' (it runs 'npm ci --prefix tests/js')"
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 5
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == [], f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:40])
    assert result.returncode == 0, result.stderr[-2000:]
