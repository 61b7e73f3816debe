"""The configuration Zensical builds this site from: ``mkdocs.yml`` with another ``site_dir`` and theme overrides
that suit Zensical's own templates (used by ``make zensical`` and ``tests/test_zensical.py``).

``overrides/`` holds two copies of Material 9.8.1's templates that name Material's own files:
``base.html`` (its stylesheets ``assets/stylesheets/main.<hash>.min.css``, its search worker) and
``partials/search.html`` (Material's search dialog). Zensical ships its stylesheets elsewhere
(``assets/stylesheets/modern/``) and has a search of its own, so with them its pages linked stylesheets that
do not exist and were published unstyled. Zensical gets every other override (``main.html``, ``404.html``,
``partials/source.html`` and the engine's templates) in ``.zensical-overrides/``.

Usage: ``python scripts/zensical_config.py SITE_DIR`` in the project: writes ``.zensical.yml`` and
``.zensical-overrides/`` and prints the configuration's name.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

MATERIAL_ONLY = ("base.html", "partials/search.html")  # copies of Material's templates (see above)
CONFIG = ".zensical.yml"
OVERRIDES = ".zensical-overrides"


def write_config(project: Path, site_dir: str) -> Path:
    """Write ``project/.zensical.yml`` (``site_dir`` and ``custom_dir`` replaced) and ``.zensical-overrides/``.

    Raises:
        ValueError: ``mkdocs.yml`` names no ``site_dir`` or no ``custom_dir: overrides`` to replace.
    """
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text, sites = re.subn(r"(?m)^site_dir: .*$", f"site_dir: {site_dir}", text)
    text, customs = re.subn(r"(?m)^(\s+custom_dir:) overrides\s*$", rf"\1 {OVERRIDES}", text)
    if sites != 1 or customs != 1:
        raise ValueError("mkdocs.yml: expected one 'site_dir:' line and one 'custom_dir: overrides' line")
    target = project / OVERRIDES
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(project / "overrides", target, ignore=lambda folder, names: [
        n for n in names if (Path(folder) / n).relative_to(project / "overrides").as_posix() in MATERIAL_ONLY])
    (project / CONFIG).write_text(text, encoding="utf-8")
    return project / CONFIG


if __name__ == "__main__":
    print(write_config(Path.cwd(), sys.argv[1]).name)
