"""``python -m edition.check [mkdocs.yml]``: validate annotations and the article without building.

Prints every problem as ``file:line:column: id: what; what to do`` and the number of notes
per category, then exits 1 if any problem is an error (0 otherwise). This is ``make check``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from .annotations import CATEGORIES
from .edition import MergedPage, annotate_article, load_for
from .problems import Problem, display_path
from .yamlsource import load_yaml


def check_project(config_file: str | Path = "mkdocs.yml") -> MergedPage:
    """Load ``mkdocs.yml`` and run :func:`check_config` on it.

    Raises:
        FileNotFoundError: ``config_file`` or the article page does not exist.
    """
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    return check_config(load_config(str(config_file)), render_notes=False)


def check_config(config, render_notes: bool = True) -> MergedPage:
    """Render the article with the config's Markdown extensions and merge its annotations.

    Args:
        config: a loaded MkDocs config (``mkdocs.config.defaults.MkDocsConfig``).
        render_notes: False to skip rendering each note's HTML (``make check`` needs only the
            problems; the build needs the HTML).

    Returns:
        The merged page with every problem; ``result.counts`` holds notes per category.
    """
    config_file = Path(config.config_file_path)
    root = config_file.resolve().parent
    page = Path(config.docs_dir) / "index.md"
    source = page.read_text(encoding="utf-8-sig")
    markdown_text, meta = get_data(source)
    offset = source.count("\n") - markdown_text.count("\n")
    page_file = display_path(page, root)
    front_problems = front_matter_problems(source, meta, page_file)
    if front_problems:  # without its front matter the page cannot be checked further
        result = MergedPage("", [], front_problems)
        result.counts, result.annotation_set, result.meta, result.body_html = {}, load_for(config_file), meta, ""  # type: ignore[attr-defined]
        result.problems += result.annotation_set.problems
        result.counts = result.annotation_set.counts()  # type: ignore[attr-defined]
        return result
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    body = md.convert(markdown_text)
    annotation_set = load_for(config_file)
    resolve = page_link_resolver(config.use_directory_urls)
    result = annotate_article(body, markdown_text, meta, annotation_set, page_file, line_offset=offset,
                              about_url=resolve("about.md"), sources_url=resolve("sources.md"), resolve_link=resolve,
                              render_notes=render_notes, source=source)
    result.counts = annotation_set.counts()  # type: ignore[attr-defined]
    result.annotation_set = annotation_set  # type: ignore[attr-defined]
    result.meta = meta  # type: ignore[attr-defined]
    result.body_html = body  # type: ignore[attr-defined]
    return result


def front_matter_problems(source: str, meta: dict, page_file: str) -> list[Problem]:
    """Problems of the article's front matter that MkDocs would pass over in silence.

    MkDocs drops front matter that is not valid YAML (and the page then shows it as text);
    here it is parsed again to say where and why. The page must also say ``annotated: true``,
    or no note would be shown.
    """
    if not source.startswith("---"):
        return [Problem(page_file, 1, 1, "", "the article has no front matter",
                        "start the file with the '---' block (title, dek, author, ...) and 'annotated: true'")]
    if not meta:
        block = source.split("\n---", 1)[0][3:]
        _, problems = load_yaml(block, page_file)  # the block starts on the file's first line
        return problems or [Problem(page_file, 1, 1, "", "the front matter could not be read",
                                    "check that it starts and ends with a line of three dashes (---)")]
    if meta.get("annotated") is not True:
        line = next((i for i, l in enumerate(source.splitlines(), 1) if l.startswith("annotated:")), 1)
        return [Problem(page_file, line, 1, "annotated", "the article's front matter does not say 'annotated: true', "
                        "so no note would be shown", "add the line 'annotated: true' to the front matter")]
    return []


def page_link_resolver(use_directory_urls: bool):
    """Map ``name.md#frag`` written on the article (the site's root page) to its published URL.

    Gives the URLs MkDocs' ``File.url_relative_to`` gives for pages of a flat ``docs_dir``.
    """
    def resolve(path: str) -> str:
        name, _, fragment = path.partition("#")
        if not name.endswith(".md"):
            return path
        stem = name[:-3]
        url = "./" if stem == "index" else (f"{stem}/" if use_directory_urls else f"{stem}.html")
        return url + (f"#{fragment}" if fragment else "")
    return resolve


def main(argv: list[str] | None = None) -> int:
    """Run the check; return the exit status (1 when there are errors)."""
    args = sys.argv[1:] if argv is None else argv
    config_file = Path(args[0] if args else "mkdocs.yml")
    if not config_file.exists():
        print(f"{config_file}: not found; run from the project folder or name the mkdocs.yml to check", file=sys.stderr)
        return 2
    result = check_project(config_file)
    for problem in result.problems:
        print(f"{problem.severity}: {problem.format()}", file=sys.stderr if problem.severity == "error" else sys.stdout)
    counts = result.counts  # type: ignore[attr-defined]
    summary = ", ".join(f"{CATEGORIES[k].plural.lower()} {n}" for k, n in counts.items())
    print(f"{sum(counts.values())} notes loaded ({summary}); {len(result.placed)} placed on the page")
    errors = result.errors
    warnings = len(result.problems) - len(errors)
    if errors:
        print(f"{len(errors)} error(s), {warnings} warning(s): fix them and run 'make check' again", file=sys.stderr)
        return 1
    print(f"OK: {len(result.placed)} notes anchored, {warnings} warning(s)")
    if warnings:
        print("Warnings do not stop 'make serve', but 'make build' (strict) refuses to publish until they are fixed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
