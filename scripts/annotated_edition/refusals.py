"""Site configurations the edition refuses, each with one line that says what to change.

- A theme other than Material: the notes are merged into Material's content element and laid out against
  its header, sidebars and colour schemes; another theme would publish them stacked as plain text.
- Material's ``navigation.instant`` loads pages without a full reload, so the edition's script
  (run once per load) would leave the next page without its layout and with inert markers.
- Without the ``attr_list`` Markdown extension the paragraphs' ids (``{#id}``) stay in the text, and every
  note would be reported as targeting a paragraph that has none.
- ``mkdocs gh-deploy`` with ``site_url`` unset or local would publish ``http://127.0.0.1:8000/``
  in every canonical and share URL.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

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

