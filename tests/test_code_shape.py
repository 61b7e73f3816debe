"""The engine's shape (issue 12, point 7): small modules, short functions, no import cycle.

Read from the source with :mod:`ast`; no import of the package is needed.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "annotated_edition"
MODULES = sorted(PACKAGE.glob("*.py"))
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60


def test_the_package_is_there():
    assert len(MODULES) >= 15


def test_no_module_over_300_lines():
    long = {m.name: n for m in MODULES if (n := len(m.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these modules: {long}"


def test_no_function_over_60_lines():
    long = {}
    for module in MODULES:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long[f"{module.name}:{node.name}"] = length
    assert not long, f"split these functions: {long}"


def _imports(module: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add(node.module.split(".")[0] if node.module else "")
    return found


def test_no_import_cycle():
    graph = {m.stem: _imports(m) for m in MODULES}
    visiting, done = set(), set()

    def visit(name: str, path: list[str]) -> None:
        if name in done:
            return
        assert name not in visiting, f"import cycle: {' -> '.join(path + [name])}"
        visiting.add(name)
        for other in graph.get(name, ()):
            visit(other, path + [name])
        visiting.discard(name)
        done.add(name)

    for name in graph:
        visit(name, [])


def test_every_public_function_has_a_docstring():
    missing = []
    for module in MODULES:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{module.name} has no module docstring"
        members = [n for c in tree.body if isinstance(c, ast.ClassDef) for n in c.body]
        for node in tree.body + members:  # module level and methods, not nested helpers
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
                if not ast.get_docstring(node) and not node.name.startswith(("on_", "run_validation", "post_validation")):
                    missing.append(f"{module.name}:{node.name}")
    assert not missing, f"add docstrings: {missing}"
