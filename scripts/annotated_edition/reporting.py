"""Problems as MkDocs log lines, one each, and the build's refusal when one is an error.

``mkdocs build`` logs them through MkDocs' logger and stops with a :class:`mkdocs.exceptions.PluginError`
(https://www.mkdocs.org/dev-guide/plugins/#handling-errors); ``mkdocs serve`` logs them outside MkDocs'
loggers (:data:`serve_log`) and shows them on the pages instead of stopping.
"""

from __future__ import annotations

import functools
import logging
from typing import Callable

from mkdocs.exceptions import PluginError

from .problems import Problem
from .templates import TemplateProblem

log = logging.getLogger("mkdocs.plugins.annotated_edition")


def log_problems(problems: list[Problem], logger: logging.Logger = log) -> None:
    """Log each problem on one line."""
    for problem in problems:
        (logger.error if problem.severity == "error" else logger.warning)(problem.format())


def _serve_logger() -> logging.Logger:
    """Outside MkDocs' loggers, so that a strict 'mkdocs serve' does not count the problems and abort."""
    logger = logging.getLogger("annotated_edition.serve")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  annotated-edition: %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    return logger


serve_log = _serve_logger()


def report(problems: list[Problem], strict: bool, where: str, check_command: str) -> None:
    """Log each problem on one line; raise :class:`PluginError` on an error (or, when strict, a warning), naming
    ``check_command`` (option ``check_command``) as the way to list them without building."""
    errors = [p for p in problems if p.severity == "error"]
    log_problems(problems)
    if errors or (strict and problems):
        warned = f"{len(problems) - len(errors)} warning(s)"
        count = (f"{len(errors)} error(s)" + (f" and {warned}" if len(problems) > len(errors) else "") if errors
                 else f"{warned} (a strict build refuses warnings)")
        raise PluginError(f"{count} in the annotations or the article (listed above); {where}. "
                          f"Fix them and build again ('{check_command}' lists them without building).")


def templates_refused(event: Callable) -> Callable:
    """A plugin event whose :class:`~annotated_edition.templates.TemplateProblem` (a site's override template
    that fails) stops the build as a :class:`PluginError`: one line naming the template's file and line, not
    MkDocs' traceback."""
    @functools.wraps(event)
    def refused(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except TemplateProblem as problem:
            raise PluginError(str(problem)) from None
    return refused
