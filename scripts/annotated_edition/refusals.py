"""Site configurations the edition refuses, each with one line that says what to change.

- A theme other than Material: the notes are merged into Material's content element and laid out against
  its header, sidebars and colour schemes; another theme would publish them stacked as plain text.
- Material's ``navigation.instant`` loads pages without a full reload, so the edition's script
  (run once per load) would leave the next page without its layout and with inert markers.
- Without the ``attr_list`` Markdown extension the paragraphs' ids (``{#id}``) stay in the text, and every
  note would be reported as targeting a paragraph that has none.
- ``mkdocs gh-deploy`` with ``site_url`` unset or local would publish ``http://127.0.0.1:8000/``
  in every canonical and share URL.
- A theme override (``custom_dir``) that does not compile (:func:`refuse_overrides`): MkDocs stops on it with a traceback.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .problems import display_path

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", ""}


def refuse_config(config: MkDocsConfig, command: str) -> None:
    """Raise :class:`PluginError` (one line) for a configuration the edition cannot publish."""
    name = config.theme.name if config.theme else None
    if name != "material":
        raise PluginError(f"annotated-edition: the theme is {name!r}; the edition is laid out for Material for MkDocs: "
                          "set 'theme: name: material' in mkdocs.yml (pip install mkdocs-material)")
    features = (config.theme.get("features") or []) if config.theme else []
    if "navigation.instant" in features:
        raise PluginError("annotated-edition: theme feature 'navigation.instant' is not supported (pages loaded "
                          "without a full reload get no margin layout); remove it from theme.features in mkdocs.yml")
    if not any(str(name).rpartition(".")[2] == "attr_list" for name in config.markdown_extensions or []):
        raise PluginError("annotated-edition: the paragraphs' ids ({#id}) need the Markdown extension attr_list; "
                          "add 'attr_list' under markdown_extensions in mkdocs.yml")
    if command == "gh-deploy":
        url = urlsplit(config.site_url or "")
        if url.scheme != "https" or url.hostname in LOCAL_HOSTS or url.hostname is None:
            raise PluginError(f"annotated-edition: site_url is {config.site_url!r}, not the published https:// address; "
                              "set SITE_URL=https://<user>.github.io/<repo>/ (or use 'make deploy')")


def refuse_site_dir(site_dir: Path, keep: dict[str, Path]) -> None:
    """Raise :class:`PluginError` (one line) when building into ``site_dir`` would replace a folder the project keeps
    (``keep``: a name shown -> the folder, e.g. each page's notes folder): MkDocs empties its site_dir, and a build
    swaps its own in (``mkdocs build -d annotations`` deleted every note). MkDocs itself refuses a docs_dir inside
    its site_dir."""
    site = site_dir.resolve()
    for name, folder in keep.items():
        if site == folder.resolve() or site in folder.resolve().parents:
            raise PluginError(f"annotated-edition: the site folder {site_dir} holds {name}, which a build would delete; "
                              "build into another folder (site_dir in mkdocs.yml, or 'mkdocs build -d')")


def refuse_overrides(config: MkDocsConfig, env: jinja2.Environment | None = None) -> None:
    """Raise :class:`PluginError` (one line, at the file's line) for a template of the theme's ``custom_dir`` that
    does not compile in the theme's Jinja2 environment ``env`` (MkDocs would stop on it with a traceback). Given the
    build's own environment (the plugin's ``on_env``), the compiled templates are the ones its pages then use. The
    engine's own overrides (``annotated_edition/``) are :class:`~annotated_edition.templates.Templates`' to check."""
    folder = Path(config.theme.custom_dir) if config.theme and config.theme.custom_dir else None
    if folder is None or not folder.is_dir():
        return
    env = env or config.theme.get_env()
    for path in sorted(folder.rglob("*.html")):
        if path.relative_to(folder).parts[0] == "annotated_edition":
            continue
        try:
            env.get_template(path.relative_to(folder).as_posix())
        except jinja2.TemplateSyntaxError as error:
            shown = display_path(path, Path(config.config_file_path or ".").resolve().parent)
            raise PluginError(f"{shown}:{error.lineno}: template: {error.message}; fix it, or delete it to use the "
                              f"theme's own {path.relative_to(folder).as_posix()}") from None
