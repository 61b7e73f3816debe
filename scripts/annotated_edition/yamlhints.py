"""Plain words and a hint for PyYAML's parse errors (:func:`parse_hint`), for an editor who wrote prose.

PyYAML says "mapping values are not allowed here" where an editor wrote a colon in a title, or "could not
find expected ':'" where a line is indented by three spaces: each known message gets what went wrong in
the editor's terms and what to change, and, where the mark is not the line at fault (a quote left open
lines above), that line.
"""

from __future__ import annotations

import re

import yaml

_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])(.*)$""")

_CURLY_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s:#]+:\s+([“‘„«])")  # title: “Ratio: two to one”


def quoted_value_column(line: str) -> int:
    """The 1-based column of the quote mark that opens the value of ``line`` (1 if it has none)."""
    match = _QUOTED_VALUE.match(line) or _CURLY_VALUE.match(line)
    return match.start(1) + 1 if match else 1


def _unclosed_quote(lines: list[str], last: int) -> int | None:
    """The 0-based line, up to ``last``, of the first quoted value that is never closed: not on its line, nor on the
    more indented lines that continue it (a quoted value may wrap). A block's text (``body: |``) is words, not values."""
    def unquoted(text: str, quote: str) -> str:
        return text.replace('\\\\', "").replace('\\"', "") if quote == '"' else text.replace("''", "")

    in_blocks = _block_lines(lines)
    for number, line in enumerate(lines[: last + 1]):
        match = _QUOTED_VALUE.match(line)
        if number in in_blocks or not match or match.group(1) in unquoted(match.group(2), match.group(1)):
            continue
        following = []
        for later in lines[number + 1:]:
            if later.strip() and _indent(later) <= _indent(line):
                break
            following.append(later)
        if not any(match.group(1) in unquoted(later, match.group(1)) for later in following):
            return number
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_BLOCK_KEY = re.compile(r":[ \t]*[|>][-+0-9]*[ \t]*(#.*)?$")  # ('body: |': the lines under it, more indented, are its text)


def _text_indent(lines: list[str], k: int) -> int:
    """The indentation of the text of the block whose key is on line ``k``: its indentation indicator (``|2``: the
    key's indentation plus 2), or its first line's."""
    indicator = re.search(r":[ \t]*[|>][-+]?([1-9])", lines[k])
    first = next((line for line in lines[k + 1:] if line.strip()), "")
    return _indent(lines[k]) + int(indicator[1]) if indicator else _indent(first)


def _block_lines(lines: list[str]) -> set[int]:
    """The 0-based lines that are the text of a block (``body: |``): YAML reads them as words, quotes included."""
    inside: set[int] = set()
    for k, line in enumerate(lines):
        if k in inside or not _BLOCK_KEY.search(line) or line.lstrip().startswith("#"):
            continue
        key, text = _indent(line), _text_indent(lines, k)
        for j in range(k + 1, len(lines)):
            if text <= key or lines[j].strip() and _indent(lines[j]) < text:
                break
            inside.add(j)
    return inside


def _field_above(lines: list[str], above: int) -> str:
    """The field line the line ``above`` belongs to: itself, or, when it is a line of a block's text (``body: |``),
    the block's own key line."""
    for i in range(above - 1, -1, -1):
        if lines[i].strip() and _indent(lines[i]) < _indent(lines[above]):
            return lines[i] if _BLOCK_KEY.search(lines[i]) else lines[above]
    return lines[above]


_FIELD_LINE = re.compile(r"^\s*(-\s+)?[A-Za-z_][\w-]*:(\s|$)|^\s*(#|-(\s|$))")  # a field, an entry, a comment
_PLAIN_ITEM = re.compile(r"^\s*-\s+[^:]*$")  # a list item of words ('- the Daily Beast')


def _broken_block(lines: list[str], last: int) -> tuple[str, str, int] | None:
    """Words for the first line, up to ``last``, that ends a block's text (``body: |``) too soon, and its 0-based
    line: indented less than the text, and prose rather than a field, an entry or a comment; or between the key's
    indentation and the text's, where YAML allows nothing; or a list item after which the text goes on (a list
    written two spaces in). PyYAML tells the error lines below, with advice for a colon or a key."""
    for k in range(min(last + 1, len(lines))):
        if not _BLOCK_KEY.search(lines[k]) or lines[k].lstrip().startswith("#"):
            continue
        key, text = _indent(lines[k]), _text_indent(lines, k)
        body = [i for i in range(k + 1, len(lines)) if lines[i].strip()]
        out = next((j for j, i in enumerate(body) if _indent(lines[i]) < text), None)
        if text <= key or out is None or body[out] > last:
            continue
        here, rest = body[out], body[out + 1:]
        dip, j = _indent(lines[here]), 0
        while j < len(rest) and _indent(lines[rest[j]]) == dip and _PLAIN_ITEM.match(lines[rest[j]]):
            j += 1  # (the other items of a list written two spaces in)
        goes_on = j < len(rest) and _indent(lines[rest[j]]) >= text
        if key < dip or not _FIELD_LINE.match(lines[here]) or (_PLAIN_ITEM.match(lines[here]) and goes_on):
            name = lines[k].strip().lstrip("- ").partition(":")[0]
            return (f"this line is indented by {dip} spaces, less than the text of '{name}' above it ({text}), so "
                    "YAML ends the text before it", "indent every line of the text as its first line is (a list in a "
                    "body too)", here)
    return None


def _misindented(lines: list[str], at: int) -> tuple[str, str] | None:
    """Words for a line indented unlike the field above it (a three-space indent), or None."""
    index = next((i for i in range(at - 1, -1, -1) if lines[i].strip()), None)
    above = lines[index] if index is not None else ""
    here = lines[at] if at < len(lines) else ""
    if not above or _indent(here) == _indent(above) or above.rstrip().endswith(":"):
        return None
    field = _field_above(lines, index)
    wanted = _indent(field) + 2 if field.lstrip().startswith("- ") else _indent(field)
    if wanted == _indent(here):
        return None
    return (f"this line is indented by {_indent(here)} spaces, the field above it by {wanted}",
            f"indent it by {wanted} spaces, like the other fields of the same entry")


def parse_hint(err: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, str, int | None]:
    """Plain words and a hint for a PyYAML parser message, and the 0-based line at fault when it is not the mark's."""
    mark = err.problem_mark
    at = mark.line if mark else 0
    opened = _unclosed_quote(lines, at) if mark else None
    if opened is not None and opened < at:
        return (f"the quoted value that starts here is never closed on its line (YAML read on to line {at + 1})",
                "add the closing quote mark at the end of the value", opened)
    if mark and (broken := _broken_block(lines, at)):
        return broken
    if mark and ("expected '-' indicator" in (err.problem or "") or "<block mapping start>" in (err.problem or "")):
        misindented = _misindented(lines, at)
        if misindented:
            return (*misindented, None)
    if mark and at < len(lines) and _CURLY_VALUE.match(lines[at]):  # (told at the curly quote mark, not the colon)
        return ("the value is in curly quote marks (“...”), which YAML reads as text, not as quotes",
                'use straight quotes: "...", or write it as a block (title: |) on the next line', at)
    return (*_parse_words(err, lines), None)


def _parse_words(err: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, str]:
    """Turn a PyYAML parser message into plain words and a hint for the editor."""
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    mark = err.problem_mark
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "'\\t'" in problem or "\t" in line_text[: len(line_text) - len(line_text.lstrip())]:
        return "a tab character is used for indentation", "use spaces, not tabs, to indent YAML"
    if "cannot start any token" in problem or "block sequence entries are not allowed" in problem:
        first = line_text.partition(":")[2].strip()[:1] or "?"
        return (f"a value cannot start with '{first}' unquoted (YAML reserves it)", 'put the whole value in quotes: "..."')
    if "mapping values are not allowed" in problem:
        return ("a value contains a colon followed by a space, which YAML reads as a new key",
                "put the whole value in quotes, or write it as a block (body: |) on the next lines")
    if "expected <block end>" in problem or "did not find expected key" in problem or "expected ',' or '}'" in problem or "expected ',' or ']'" in problem:
        quotes = line_text.count('"') if '"' in line_text else line_text.count("'")
        if quotes > 2:
            return ("a quote mark inside a quoted value ends the value early",
                    "wrap the value in the other kind of quotes ('...'), double a single quote (''), "
                    "or escape the inner double quotes (\\\")")
        return ("the indentation or structure is broken here (" + problem + ")",
                "line the key up with its neighbours, or quote the value")
    if "end of stream" in problem and "quoted" in context:
        return "a quoted value is never closed", "add the closing quote mark"
    if "could not find expected ':'" in problem:
        return ("a line inside a mapping is not 'key: value'",
                "check the indentation of this line, or quote the value if it continues the line above")
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return problem, "quote the value ('...') so YAML takes it literally"
    what = problem + (f" ({context})" if context else "")
    return what or "the YAML does not parse", "check quotes, colons and indentation on this line"
