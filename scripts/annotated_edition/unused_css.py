"""The theme's stylesheets without the rules no page of the site can use (option ``purge_css: true``).

Material ships one stylesheet for every feature it has (admonitions, tabs, code annotations,
tables, blog, versions...); an annotated article uses a fraction of it, yet every reader downloads
and every style recalculation matches all of it. After the build, :func:`purge_site` keeps, in each
of the theme's stylesheets that a page links:

- a rule when one of its selectors can match: every class, id, element name and attribute
  (with its value, for ``[name=value]``) it names at its top level appears in the site's pages,
  their scripts or the search index. This is PurgeCSS's rule and its default extractor (content
  split into ``[A-Za-z0-9_-]+`` words, https://purgecss.com/extractors.html), so names that a
  script writes into the page count as used; a script's ``dataset.mdScrolllock`` counts as the
  attribute ``data-md-scrolllock``. What sits inside ``:not()``, ``:is()``, ``:has()``...
  is never required (``:not(.x)`` matches when ``.x`` is absent);
- a custom property (``--name``) when a kept rule, another stylesheet, a script or a page
  refers to it (PurgeCSS's ``variables`` option);
- ``@media``, ``@supports``, ``@container`` and ``@layer`` blocks with what they keep; every other
  at-rule (``@font-face``, ``@keyframes``, ``@page``...) as it is.

The trimmed stylesheet gets a new name (the content's hash added before ``.min.css``/``.css``), so
a browser never keeps a stale copy, and every page's link is rewritten; the original file stays.
CSS is parsed and written with tinycss2 (https://doc.courtbouillon.org/tinycss2/).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2
from tinycss2 import ast

WORD = re.compile(r"[A-Za-z0-9_-]+")  # PurgeCSS's default extractor
VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
CUSTOM = re.compile(r"--[A-Za-z0-9_-]+")
STYLESHEET_LINK = re.compile(r"""<link\b[^>]*\brel=["']?stylesheet[^>]*>""")
SCRIPT_SRC = re.compile(r"""<script\b[^>]*\bsrc=["']?([^"'\s>]+)""")
HREF = re.compile(r"""\bhref=["']?([^"'\s>]+)""")
# WORD as a byte table for words_of() (any other byte becomes a space): WORD.findall's words in half its time
_NOT_WORD = bytes(b if WORD.fullmatch(chr(b)) else 32 for b in range(256))
BLOCK_AT_RULES = {"media", "supports", "container", "layer", "document"}
SEPARATORS = {">", "+", "~", ","}


def _top_level_names(selector: list) -> list[str]:
    """The names one complex selector requires: its classes, ids, element names and attribute
    names and ``=`` values (tinycss2 tokens, top level only: function arguments are never required)."""
    names: list[str] = []
    previous = None
    for token in selector:
        if isinstance(token, ast.HashToken):
            names.append(token.value)
        elif isinstance(token, ast.IdentToken):
            if isinstance(previous, ast.LiteralToken) and previous.value == ".":
                names.append(token.value)
            elif not (isinstance(previous, ast.LiteralToken) and previous.value == ":"):
                names.append(token.value.lower())  # an element name
        elif isinstance(token, ast.SquareBracketsBlock):
            names += _attribute_names(token.content)
        if not isinstance(token, (ast.WhitespaceToken, ast.Comment)):
            previous = token
        elif previous is not None and not (isinstance(previous, ast.LiteralToken) and previous.value in SEPARATORS):
            previous = None  # a descendant combinator: the next identifier is an element name
    return names


def _attribute_names(content: list) -> list[str]:
    """``[name]`` requires its name; ``[name=value]`` its value too, when the value is one word."""
    tokens = [t for t in content if not isinstance(t, ast.WhitespaceToken)]
    names = [tokens[0].value] if tokens and isinstance(tokens[0], ast.IdentToken) else []
    if len(tokens) >= 3 and isinstance(tokens[1], ast.LiteralToken) and tokens[1].value == "=":
        value = tokens[2].value
        if isinstance(value, str) and WORD.fullmatch(value):
            names.append(value)
    return names


def _selectors(prelude: list) -> list[list]:
    """A selector list's complex selectors (split at top-level commas)."""
    selectors: list[list] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _requirements(prelude: list) -> tuple[tuple[str, ...], ...]:
    """The names each complex selector of a prelude requires."""
    return tuple(tuple(_top_level_names(selector)) for selector in _selectors(prelude))


def words_of(text: str) -> set[str]:
    """The words of ``text`` as PurgeCSS's default extractor finds them (:data:`WORD`)."""
    return {word.decode("ascii") for word in set(text.encode("utf-8", "surrogatepass").translate(_NOT_WORD).split())}


def _can_match(requirements: tuple[tuple[str, ...], ...], words: set[str]) -> bool:
    """Whether one of a rule's selectors names only ``words``."""
    return any(all(name in words for name in names) for names in requirements)


def parsed(css: str) -> list:
    """A stylesheet as a plain tree the purge filters (only strings and tuples: it crosses processes):

    - ``("rule", requirements, prelude, declarations)`` for a style rule: ``requirements`` holds the names
      each of its selectors requires; ``declarations`` is a tuple of ``(name, css, custom properties it
      refers to)``, with name ``""`` for a nested rule;
    - ``("block", head, children)`` for ``@media``, ``@supports``...;
    - ``("text", css)`` for any other at-rule.

    Raises nothing: tinycss2 recovers from malformed CSS as browsers do (a malformed rule is dropped)."""
    return _tree(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _tree(rules: list) -> list:
    tree: list = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            declarations = tuple(_declaration(d) for d in tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True) if not isinstance(d, ast.ParseError))
            tree.append(("rule", _requirements(rule.prelude), tinycss2.serialize(rule.prelude).strip(), declarations))
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in BLOCK_AT_RULES and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            tree.append(("block", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}".strip(), _tree(inner)))
        elif isinstance(rule, ast.AtRule):
            tree.append(("text", rule.serialize()))
    return tree


def _declaration(item) -> tuple[str, str, tuple[str, ...]]:
    text = item.serialize()
    if isinstance(item, ast.Declaration):
        return item.name, text, tuple(VAR.findall(text))
    return "", text, ()  # a nested rule: kept as written


def _kept(tree: list, words: set[str]) -> list:
    """The rules of a :func:`parsed` tree that can match, as ``[prelude, declarations]`` for a style rule,
    ``[head, children]`` for a block at-rule, the CSS text of any other at-rule."""
    kept: list = []
    for item in tree:
        if item[0] == "rule" and _can_match(item[1], words):
            kept.append([item[2], list(item[3])])
        elif item[0] == "block":
            kept.append([item[1], _kept(item[2], words)])
        elif item[0] == "text":
            kept.append(item[1])
    return kept


def _references(tree: list) -> set[str]:
    """The custom properties the declarations of a kept ``tree`` refer to (``var(--x)``)."""
    found: set[str] = set()
    for item in tree:
        if isinstance(item, str):
            found.update(VAR.findall(item))
        elif item[1] and isinstance(item[1][0], list):
            found |= _references(item[1])
        else:
            for _name, _css, refs in item[1]:
                found.update(refs)
    return found


def _drop_properties(tree: list, referenced: set[str]) -> bool:
    """Drop, in place, the declarations of custom properties not in ``referenced``; whether any was."""
    dropped = False
    for item in tree:
        if isinstance(item, str):
            continue
        if item[1] and isinstance(item[1][0], list):
            dropped |= _drop_properties(item[1], referenced)
            continue
        kept = [d for d in item[1] if not (d[0].startswith("--") and d[0] not in referenced)]
        dropped |= len(kept) < len(item[1])
        item[1] = kept
    return dropped


def _serialize(tree: list) -> str:
    parts = []
    for item in tree:
        if isinstance(item, str):
            parts.append(item)
            continue
        head, body = item
        if body and isinstance(body[0], list):
            inner = _serialize(body)
            if inner:
                parts.append(f"{head}{{{inner}}}")
        elif body:
            parts.append(f"{head}{{{';'.join(css for _name, css, _refs in body)}}}")
    return "".join(parts)


def purged(stylesheets: dict[str, str], words: set[str], referenced_elsewhere: set[str],
           trees: dict[str, list] | None = None) -> dict[str, str]:
    """Each of ``stylesheets`` (name -> CSS) keeping what can apply to a site whose pages and
    scripts have the words ``words``.

    Custom properties are dropped when neither the kept rules of any of ``stylesheets`` nor
    ``referenced_elsewhere`` (names like ``--x`` that other stylesheets, scripts or pages use)
    refer to them, until none is left (one property's value may be the only use of another).
    ``trees`` may hold a stylesheet already :func:`parsed` (name -> tree, parsed from the same text).
    Raises nothing: tinycss2 recovers from malformed CSS as browsers do (a malformed rule is dropped).
    """
    trees = trees or {}
    kept = {name: _kept(trees[name] if name in trees else parsed(css), words) for name, css in stylesheets.items()}
    while True:
        referenced = referenced_elsewhere.union(*(_references(tree) for tree in kept.values()))
        if not any([_drop_properties(tree, referenced) for tree in kept.values()]):
            return {name: _serialize(tree) for name, tree in kept.items()}


def parsed_files(paths: dict[str, str]) -> dict[str, tuple[str, list]]:
    """``{name: (SHA-256 of the file's text, its parsed() tree)}`` for each file of ``paths`` (name -> file path);
    run by :class:`annotated_edition.background.Background` while the build goes on."""
    texts = {name: Path(path).read_text(encoding="utf-8") for name, path in paths.items()}
    return {name: (_digest(text), parsed(text)) for name, text in texts.items()}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _renamed(path: Path, text: str) -> Path:
    """``main.57a0d79d.min.css`` -> ``main.57a0d79d.<hash of text>.min.css``."""
    digest = _digest(text)[:8]
    stem, dot, rest = path.name.partition(".min.css") if path.name.endswith(".min.css") else (path.stem, "", "")
    return path.with_name(f"{stem}.{digest}.min.css" if dot else f"{stem}.{digest}.css")


def _linked(html: str, pattern: re.Pattern, page: Path, site: Path) -> set[Path]:
    """The site files a page links with ``pattern`` (relative URLs only; queries dropped)."""
    found = set()
    for url in pattern.findall(html):
        url = url.split("?")[0].split("#")[0]
        if url and "//" not in url and not url.startswith(("/", "data:")):
            found.add((page.parent / url).resolve())
    return found


def purge_site(site: Path, theme_stylesheets: set[str], parsed_before: dict[str, tuple[str, list]] | None = None,
               unused: set[str] = frozenset()) -> dict[str, tuple[int, int]]:
    """Trim, in the built ``site``, each stylesheet of ``theme_stylesheets`` (paths relative to
    the site, ``/``-separated) that a page links, and point every page at the trimmed copy.

    The words come from every ``.html`` page, every script a page loads and the search index
    (``search/*.json``); custom properties referred to by any other stylesheet of the site count
    as used. ``parsed_before`` may hold :func:`parsed_files` of the stylesheets (keyed by the same
    paths): a tree is used when its digest matches the built file's text, which is parsed otherwise.
    ``unused``: names (classes, ids, attributes) counted as absent although the site has them, so the rules
    that require them are left out (option ``purge_css_unused``).
    Returns ``{path: (bytes before, bytes after)}`` for each stylesheet trimmed.
    """
    site = site.resolve()
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    linked_css: set[Path] = set()
    scripts: set[Path] = set()  # (each read once, however many pages load it)
    for path, html in pages.items():
        for tag in STYLESHEET_LINK.findall(html):
            linked_css |= _linked(tag, HREF, path, site)
        scripts |= _linked(html, SCRIPT_SRC, path, site)
    sources = [*pages.values(), *(p.read_text(encoding="utf-8") for p in sorted(scripts) if p.is_file()),
               *(p.read_text(encoding="utf-8") for p in (site / "search").glob("*.json"))]
    targets = sorted(p for p in linked_css if p.is_file() and p.relative_to(site).as_posix() in theme_stylesheets)
    others = [p.read_text(encoding="utf-8") for p in site.rglob("*.css") if p not in targets]
    words = set().union(*map(words_of, dict.fromkeys(sources)))
    words |= {"data-" + CAMEL.sub(r"-\1", word).lower() for word in words if CAMEL.search(word)}  # el.dataset.mdFoo
    words -= unused
    referenced = set().union(*map(CUSTOM.findall, dict.fromkeys(sources + others)))
    sizes: dict[str, tuple[int, int]] = {}
    renames: dict[str, str] = {}
    originals = {path: path.read_text(encoding="utf-8") for path in targets}
    trees = {}
    for path, text in originals.items():
        digest, tree = (parsed_before or {}).get(path.relative_to(site).as_posix(), ("", None))
        if tree is not None and digest == _digest(text):
            trees[path] = tree
    for path, after in purged(originals, words, referenced, trees).items():
        before = originals[path]
        new = _renamed(path, after)
        new.write_text(after, encoding="utf-8")
        renames[path.name] = new.name
        sizes[path.relative_to(site).as_posix()] = (len(before.encode()), len(after.encode()))
    for path, html in pages.items():
        rewritten = STYLESHEET_LINK.sub(lambda m: _renamed_link(m.group(0), renames), html)
        if rewritten != html:
            path.write_text(rewritten, encoding="utf-8")
    return sizes


def _renamed_link(tag: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        tag = tag.replace(f"/{old}", f"/{new}")
    return tag
