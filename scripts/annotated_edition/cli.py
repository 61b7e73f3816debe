"""``python -m annotated_edition``: the commands (https://docs.python.org/3/library/argparse.html).

- ``check [-f mkdocs.yml]``: validate every annotated page's notes and front matter and anchor
  every note, without building; prints ``file:line:column: id: what; what to do`` per problem
  and the notes per category; exits 1 on an error, and on a warning when ``strict: true``, as the
  build does. (``make check``)
- ``annotate SITE_DIR [-f mkdocs.yml]``: merge the notes into a site another generator built
  (Zensical); exits 1 and leaves the site as built on an error. (``make zensical``)
- ``publish-ids [-f mkdocs.yml]``: after a check, append the new paragraph and note ids to the
  list of the ``published_ids`` option (``make publish-ids``).
- ``schema [-f mkdocs.yml]``: rewrite the editors' JSON Schema from the categories and verdicts.

Every command first validates ``mkdocs.yml`` with MkDocs' own config classes: an invalid option,
and an option of the plugin that MkDocs does not know (``categorys:``, which would leave
``categories`` empty), stops it with exit status 2 and one line naming the option, before any
note is read. Other warnings are printed; in ``strict`` mode they stop it too, as they stop a build.
"""

from __future__ import annotations

import argparse
import difflib
import logging
import re
import sys
from pathlib import Path

from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError

from .frontmatter import split_front_matter
from .core import errors_in
from .listings import listing_problems, uncited_notice
from .loading import SOURCES_FILE
from .postbuild import AnnotateError, annotate_site
from .problems import Problem, display_path
from .project import PLUGIN, Project, ProjectError, load_project
from .published import append_new, page_ids, unchecked_notice
from .refusals import refuse_config, refuse_overrides
from .schema import stale_schema_problems, write_schema
from .share import share_image_problems, site_url_problems
from .templates import TemplateProblem
from .yamlsource import duplicate_keys_in, read_text


def _print(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"{problem.severity}: {problem.format()}", file=sys.stderr if problem.severity == "error" else sys.stdout)


_UNKNOWN = re.compile(r"^Plugin '[^']*' option '([^']+)': Unrecognised configuration name")  # (not a sub-option)


def _with_hint(message: str, config: MkDocsConfig) -> str:
    """``message``, with the plugin's nearest option name when it names one MkDocs does not know."""
    unknown = _UNKNOWN.search(message)
    plugins = config.plugins if unknown else None  # (the list as written when 'plugins' itself failed)
    plugin = plugins.get(PLUGIN) if isinstance(plugins, dict) else None
    if plugin is None:
        return message
    near = difflib.get_close_matches(unknown.group(1), [name for name, _ in plugin.config_scheme], n=1)
    return message + (f"; did you mean '{near[0]}'?" if near else "; remove it or fix its name")


def config_problems(path: Path) -> tuple[list[str], list[str]]:
    """``(errors, warnings)`` of ``mkdocs.yml`` at ``path`` as MkDocs' validation gives them (``MkDocsConfig``),
    one line each; the plugin's warnings (an option it does not know) count as errors, and so does every
    warning in ``strict`` mode."""
    config = MkDocsConfig(config_file_path=str(path))
    with path.open("rb") as file:
        config.load_file(file)
    level = logging.getLogger("mkdocs").level
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # (validation logs what it also returns)
    try:
        failed, warned = config.validate()
    finally:
        logging.getLogger("mkdocs").setLevel(level)
    errors = [f"{path}: Config value '{key}': {line}" for key, error in failed for line in str(error).splitlines()]
    if not failed:  # what a build refuses (another theme, no attr_list...), refused here too, in the same line
        try:
            refuse_config(config, "check")
            refuse_overrides(config)
        except PluginError as refused:
            errors.append(f"{path}: {refused}")
    warnings: list[str] = []
    for twice in duplicate_keys_in(path, str(path)):  # (MkDocs keeps the last, silently)
        (errors if config.strict else warnings).append(twice.format())
    for key, warning in warned:
        line = f"{path}: Config value '{key}': {_with_hint(str(warning), config)}"
        fatal = config.strict or (key == "plugins" and str(warning).startswith(f"Plugin '{PLUGIN}'"))
        (errors if fatal else warnings).append(line)
    return errors, warnings


def _load(config_file: str) -> Project | None:
    """The project, or None after printing why it cannot be read (its configuration's errors, one a line)."""
    path = Path(config_file)
    try:
        errors, warnings = config_problems(path) if path.is_file() else ([], [])
        for line in warnings:
            print(f"warning: {line}")
        for line in errors:
            print(f"error: {line}", file=sys.stderr)
        return None if errors else load_project(path)
    except (ProjectError, ValidationError, ConfigurationError) as error:
        print("error: " + "; ".join(line.strip() for line in str(error).splitlines() if line.strip()), file=sys.stderr)
        return None


def check(project: Project) -> int:
    """Check every annotated page as a build would; print problems and counts; return the exit status: 1 for an
    error, and for a warning too when mkdocs.yml says ``strict: true``, as the build then refuses it."""
    edition = project.edition()
    problems = edition.load()
    # (a note that did not load is not on the page: the published-ids check would blame each of its file's ids)
    published = None if errors_in(problems) else project.published_path()
    placed = 0
    sources: dict[str, str] = {}
    for spec in edition.specs.values():
        path = Path(project.config.docs_dir) / spec.page
        if not path.is_file():
            problems.append(Problem(display_path(path, project.root), 0, 0, "", "the annotated page does not exist",
                                    "fix 'page:' under the plugin's 'pages' in mkdocs.yml"))
            continue
        page_file = display_path(path, project.root)
        source, unreadable = read_text(path, page_file)
        if source is None:
            problems += unreadable
            continue
        front = edition.check_source(spec, source, page_file)
        if errors_in(front):
            problems += front
            continue
        body = project.render_markdown(split_front_matter(source)[0])
        result = edition.annotate(spec, body, source, project.links(project.urls[spec.page], spec), page_file,
                                  render=edition.templates.overridden())  # (a site's own templates are tried too)
        problems += result.problems
        placed += len(result.placed)
        sources[spec.page] = source
    problems += edition.site_problems(sources, project.anchors(edition), published)
    problems += listing_problems(project.page_texts(), display_path(Path(project.config.docs_dir), project.root),
                                 list(edition.specs))
    image = project.plugin_config["share_image"]  # (as the build holds them: the check said OK where the build refused)
    problems += share_image_problems(image, bool(image) and (Path(project.config.docs_dir) / str(image)).is_file())
    problems += site_url_problems(project.config.site_url)
    schema_dir = project.plugin_config["schema_dir"]
    problems += stale_schema_problems(project.settings, project.root / schema_dir, schema_dir)
    _print(problems)
    for spec in edition.specs.values():
        counts = edition.notes[spec.page].counts(edition.settings_of(spec))
        summary = ", ".join(f"{edition.settings.categories[k].plural.lower()} {n}" for k, n in counts.items())
        print(f"{spec.page}: {sum(counts.values())} notes loaded ({summary})"
              + (", not counting the notes the errors above leave out" if errors_in(problems) else ""))
    errors = errors_in(problems)
    warnings = len(problems) - len(errors)
    if errors or (warnings and project.config.strict):
        print(f"{len(errors)} error(s), {warnings} warning(s)" + ("" if errors else ", and mkdocs.yml says 'strict: true'")
              + ": fix them and run the check again", file=sys.stderr)
        return 1
    print(f"OK: {placed} notes anchored, {warnings} warning(s)")
    if notice := unchecked_notice(published, display_path(published, project.root) if published else ""):
        print(notice)
    for spec in edition.specs.values():
        if notice := uncited_notice(edition.notes[spec.page], spec.page, display_path(spec.folder / SOURCES_FILE, project.root)):
            print(notice)
    if warnings:
        print("Warnings do not stop a preview ('mkdocs serve'), but a strict build ('mkdocs build --strict', or "
              "'strict: true' in mkdocs.yml) refuses to publish until they are fixed.")
    return 0


def publish_ids(project: Project) -> int:
    """Append the ids of every annotated page that are not yet in the published list; return the exit status."""
    path = project.published_path()
    if path is None:
        print("error: the plugin has no 'published_ids' option in mkdocs.yml (e.g. published_ids: published-ids.txt)",
              file=sys.stderr)
        return 2
    if check(project):
        print("error: fix the problems above first: only ids of a site that builds are published", file=sys.stderr)
        return 1
    edition = project.edition()
    edition.load()
    ids = []
    for spec in edition.specs.values():
        source = (Path(project.config.docs_dir) / spec.page).read_text(encoding="utf-8-sig")
        markdown_text, meta, _ = split_front_matter(source)
        ids += [(spec.page, ident) for ident in page_ids(markdown_text, meta, edition.notes[spec.page].annotations)]
    try:
        new = append_new(path, ids)
    except OSError as error:  # (a folder, or a folder that does not exist, named by 'published_ids:')
        print(f"error: {display_path(path, project.root)}: cannot write the list ({error.strerror}); fix 'published_ids:' "
              "in mkdocs.yml", file=sys.stderr)
        return 1
    print(f"{display_path(path, project.root)}: {len(new)} new id(s) added" + (f": {', '.join(new)}" if new else ""))
    return 0


def annotate(project: Project, site: Path) -> int:
    """Annotate the built ``site``; print what was done; return the exit status."""
    try:
        problems, placed = annotate_site(project, site)
    except AnnotateError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    _print(problems)
    if errors_in(problems) or (problems and project.config.strict):  # (as a strict MkDocs build, warnings stop it)
        counted = (f"{len(errors_in(problems))} error(s)" if errors_in(problems) else
                   f"{len(problems)} warning(s), and mkdocs.yml says 'strict: true'")
        print(f"{counted}: nothing was annotated; the site in {site} is not fit to publish", file=sys.stderr)
        return 1
    print(f"Annotated {site}: " + ", ".join(f"{page} {n} notes" for page, n in placed.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit status (2 for a usage or configuration error)."""
    parser = argparse.ArgumentParser(prog="python -m annotated_edition",
                                     description="The annotated edition's commands, on the site that mkdocs.yml describes.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate and anchor every note without building")
    annotate_parser = commands.add_parser("annotate", help="merge the notes into a site another generator built")
    annotate_parser.add_argument("site_dir", type=Path)
    commands.add_parser("schema", help="rewrite the editors' JSON Schema from mkdocs.yml")
    commands.add_parser("publish-ids", help="add the new paragraph and note ids to the published list")
    args = parser.parse_args(argv)
    project = _load(args.config_file)
    if project is None:
        return 2

    try:
        if args.command == "check":
            return check(project)
        if args.command == "annotate":
            return annotate(project, args.site_dir)
        if args.command == "publish-ids":
            return publish_ids(project)
    except TemplateProblem as problem:  # (a site's override template that fails: its file and line)
        print(f"error: {problem}", file=sys.stderr)
        return 1
    folder = project.root / project.plugin_config["schema_dir"]
    for path in write_schema(project.settings, folder):
        print(f"wrote {display_path(path, project.root)}")
    return 0
