"""Safe YAML loading for editors' files, with line numbers and no silent surprises.

PyYAML (https://pyyaml.org/wiki/PyYAMLDocumentation) is used only to *compose* the
document into nodes (never to construct Python objects, so no tag can run code). We then
turn nodes into plain data ourselves so that:

- duplicate keys are errors (PyYAML's constructor silently keeps the last one: case C01);
- every scalar is kept as the exact text the editor typed: ``no``, ``on``, ``3.10`` and
  ``2019-03-27`` stay strings, never ``False``, ``3.1`` or a date (the YAML 1.1 "Norway
  problem", case C02). Only an absent value (``~``, ``null`` or nothing) becomes ``None``,
  which the validator reports as a missing value;
- every value keeps its position, so validators can say ``file:line:column``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .yamlhints import parse_hint, quoted_value_column

try:  # the C parser is faster and gives the same marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_NULLS = {"~", "null", "Null", "NULL", ""}
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_LIST_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")

MAX_ALIAS_VALUES = 1000  # values that aliases may add to a file (a "billion laughs" file adds billions)
Path_ = tuple  # a path into the data: keys (str) and list indexes (int)


@dataclass(frozen=True)
class Place:
    """Where a value sits in its file: 1-based ``line`` and ``column``, and how it was written.

    ``style`` is PyYAML's scalar style: ``None`` (plain), ``"'"``, ``'"'``, ``"|"`` or ``">"``.
    ``raw`` is the exact source text of a scalar value (for block scalars: the lines as typed;
    ``""`` for a mapping or a list).
    """

    line: int
    column: int
    style: str | None = None
    raw: str = ""

    def find(self, text: str) -> tuple[int, int]:
        """The 1-based line and column where ``text`` is first typed in this value; the value's own place when
        ``text`` is empty or not typed as such (YAML or Markdown resolved an escape in it)."""
        index = self.raw.find(text) if text else -1
        if index < 0:
            return self.line, self.column
        before = self.raw[:index]
        line_start = before.rfind("\n")
        return self.line + before.count("\n"), index - line_start if line_start >= 0 else self.column + index


KEY = "\0key"  # the last element of a path whose place is its key's, not its value's (YamlDocument.key_place)


@dataclass
class YamlDocument:
    """A loaded YAML file: ``data`` (dicts, lists, str, None) and ``places`` by path."""

    data: Any
    places: dict[Path_, Place] = field(default_factory=dict)

    def place(self, path: Path_) -> Place:
        """Return the place of ``path``, or of its nearest ancestor that has one (line 1 at worst)."""
        path = tuple(path)
        while path:
            if path in self.places:
                return self.places[path]
            path = path[:-1]
        return self.places.get((), Place(1, 1))

    def key_place(self, path: Path_) -> Place:
        """The place of the key that names ``path`` (a field's own line, where its value may start lines below)."""
        return self.places.get(tuple(path) + (KEY,)) or self.place(path)


def _place(node: yaml.Node, text: str) -> Place:
    start, end = node.start_mark, node.end_mark
    scalar = isinstance(node, yaml.ScalarNode)  # a mapping's text would copy the file again at each level
    raw = text[start.index:end.index] if scalar and getattr(start, "index", None) is not None else ""
    return Place(start.line + 1, start.column + 1, getattr(node, "style", None) or None, raw)


def _expanded_size(root) -> tuple[int, int]:
    """``(values once every alias is expanded, distinct values)``, counted without expanding anything."""
    sizes: dict[int, int] = {}

    def size(node) -> int:
        if id(node) not in sizes:
            sizes[id(node)] = 0  # a recursive alias counts once
            children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else (
                node.value if isinstance(node, yaml.SequenceNode) else [])
            sizes[id(node)] = min(1 + sum(size(child) for child in children), 10 * MAX_ALIAS_VALUES)
        return sizes[id(node)]

    return size(root), len(sizes)


# a plain value followed on its line by '#' and a word ("The #1 threat"): YAML ends the value at the space; a
# comment the editor meant is written '# like this', with a space after the '#'
_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)\s")  # ('title: &Maduro survival' is 'survival', anchored as 'Maduro')
_CUT_BY_COMMENT = re.compile(r"([ \t]+)(#[^\s#][^\n]{0,20})")


DUPLICATE_KEY = "duplicate key"


def _convert(node, path, text, places, problems, file):
    places[path] = _place(node, text)
    if node.tag not in _STANDARD_TAGS:
        p = places[path]
        problems.append(Problem(file, p.line, p.column, _label(path),
                                f"the YAML tag {node.tag!r} is not allowed",
                                "remove the tag (annotation files hold plain text, lists and mappings)"))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                kp = _place(key_node, text)
                problems.append(Problem(file, kp.line, kp.column, _label(path),
                                        "a key must be plain text", "write the key as a simple word"))
                continue
            key = key_node.value
            kp = _place(key_node, text)
            if key in first_seen:
                problems.append(Problem(
                    file, kp.line, kp.column, _label(path + (key,)),
                    f"{DUPLICATE_KEY} {key!r} (first at line {first_seen[key]}); YAML would silently keep only the last one",
                    "delete one of them or merge their text"))
                continue
            first_seen[key] = kp.line
            places[path + (key, KEY)] = kp
            result[key] = _convert(value_node, path + (key,), text, places, problems, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), text, places, problems, file)
                for i, item in enumerate(node.value)]
    # A scalar: keep the editor's exact text; only an absent value becomes None.
    if not node.style and node.value in _NULLS:
        return None
    if not node.style and (anchor := _ANCHOR.match(text, node.start_mark.index)) and f"*{anchor[1]}" not in text:
        problems.append(Problem(file, node.start_mark.line + 1, node.start_mark.column + 1, _label(path),
                                f"'&{anchor[1]}' was read as a YAML anchor (a name to repeat the value by), so the value "
                                f"is only {node.value!r}", 'put the whole value in quotes: "..."', "warning"))
    if not node.style and (cut := _CUT_BY_COMMENT.match(text, node.end_mark.index)):
        line, column = node.end_mark.line + 1, node.end_mark.column + len(cut.group(1)) + 1
        problems.append(Problem(file, line, column, _label(path), f"'{cut.group(2)}...' was read as a YAML comment "
                                f"(a '#' after a space starts one), so the value is only {node.value!r}",
                                'put the whole value in quotes: "..."', "warning"))
    return node.value


def _label(path: Path_) -> str:
    return ".".join(str(p) for p in path)


def read_text(path, file: str) -> tuple[str | None, list[Problem]]:
    """Read an editor's file as UTF-8 (a leading BOM is allowed), its line endings as Python's text mode reads
    them, and MkDocs a page (universal newlines: CRLF and CR become LF; an article saved on Windows was refused).

    Returns ``(text, [])``, or ``(None, [problem])`` naming the line and column of the first
    byte that is not UTF-8.
    """
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n"), []
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [Problem(file, line, column, "", f"the file is not UTF-8 text (byte 0x{data[err.start]:02x})",
                              "save it with the UTF-8 encoding in your editor")]


def load_yaml(text: str, file: str, empty_todo: str = "write 'category:' and 'annotations:' in it, or delete the file"
              ) -> tuple[YamlDocument | None, list[Problem]]:
    """Load one YAML document from ``text``.

    Args:
        text: the file's contents.
        file: the path to show in problems.
        empty_todo: what to do about an empty file (a notes file's advice by default).

    Returns:
        ``(document, problems)``. ``document`` is ``None`` when the YAML does not parse; a
        parse error yields exactly one problem (the parser cannot go on past it).
    """
    problems: list[Problem] = []
    lines = text.splitlines()
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except RecursionError:
        return None, [Problem(file, 1, 1, "", "the YAML is nested too deeply", "flatten the structure")]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what, todo, fault = parse_hint(err, lines)
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        if fault is not None:
            line, column = fault + 1, quoted_value_column(lines[fault])
        return None, [Problem(file, line, column, "", f"YAML does not parse: {what}", todo)]
    except yaml.YAMLError as err:  # e.g. a control character in the stream
        return None, [Problem(file, 0, 0, "", f"YAML does not parse: {err}", "remove the character")]
    if not nodes:
        return None, [Problem(file, 1, 1, "", "the file is empty", empty_todo)]
    if len(nodes) != 1:
        return None, [Problem(file, 1, 1, "", f"expected one YAML document, found {len(nodes)}",
                              "keep one document per file (remove '---' separators)")]
    places: dict[Path_, Place] = {}
    try:  # without an anchor (&name) there is no alias (*name) to expand: no need to count
        expanded, distinct = _expanded_size(nodes[0]) if "&" in text else (0, 0)
        if expanded - distinct > MAX_ALIAS_VALUES:
            return None, [Problem(file, 1, 1, "", f"YAML aliases (*name) would repeat over {MAX_ALIAS_VALUES} values",
                                  "write the values out instead of using anchors (&name) and aliases (*name)")]
        data = _convert(nodes[0], (), text, places, problems, file)
    except RecursionError:
        return None, [Problem(file, 1, 1, "", "the YAML is nested too deeply", "flatten the structure")]
    return YamlDocument(data, places), problems


def duplicate_keys(text: str, file: str) -> list[Problem]:
    """The keys written twice in a YAML text this package does not otherwise read (``mkdocs.yml``, whose loader
    silently keeps the last one), as warnings at the second key's line and column; ``[]`` when the text does not
    parse (its own reader says why). Tags (``!ENV``, ``!!python/name:``) are not looked inside."""
    _document, problems = load_yaml(text, file)
    return [replace(p, severity="warning") for p in problems if p.what.startswith(DUPLICATE_KEY)]


def duplicate_keys_in(path: Path, file: str) -> list[Problem]:
    """:func:`duplicate_keys` of the file at ``path`` (shown as ``file``); ``[]`` when there is no such file."""
    return duplicate_keys(path.read_text("utf-8-sig", "replace"), file) if path.is_file() else []


def flattened_list(place: Place) -> bool:
    """True when a folded block scalar (``>``) holds Markdown list lines that folding would join."""
    if place.style != ">":
        return False
    body_lines = place.raw.splitlines()[1:]
    return sum(1 for line in body_lines if _LIST_LINE.match(line)) >= 1
