"""The rules of an annotated page's body: its paragraph ids, the ids of the header drawn from its front matter
(:mod:`annotated_edition.frontmatter` checks the front matter itself), the markup it may carry.

The header drawn from the front matter (template ``header.html``) gives its parts fixed ids that notes can
target like paragraphs: :data:`HEADER_IDS` (``dek`` and ``photo-credit`` only when given).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString

from .problems import Problem

HEADER_IDS = ("headline", "dek", "byline", "dateline", "photo-credit")
OPTIONAL_HEADER_IDS = {"dek": "dek", "photo-credit": "photo_credit"}  # written only when their field is given
ID_RULE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ATTR_LINE = re.compile(r"^\{:?\s*#([^\s}]+)[^}]*\}\s*$")
_ONLY_ID = re.compile(r"^\{:?\s*#[^\s}]+(\s+\.[A-Za-z0-9_-]+)*\s*\}$")  # {#id} or {#id .class}
_URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")
# elements of raw HTML that run script, restyle the page, embed another document or post a form: never in an article
_EMBEDDING = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta", "base",
              "form", "input", "button", "select", "textarea", "template", "noscript", "portal"}
_LOADING_ATTRS = ("src", "srcset", "poster", "data", "background")  # attributes whose URL is fetched as the page loads
_SVG_LOADING = {"image", "use", "feimage", "script"}  # SVG elements whose href is fetched as the page loads


def header_ids(meta: dict) -> list[str]:
    """The ids of the header drawn from ``meta``, in order (:data:`HEADER_IDS` less optional parts not given)."""
    return [i for i in HEADER_IDS if i not in OPTIONAL_HEADER_IDS or meta.get(OPTIONAL_HEADER_IDS[i])]


_SEGMENT_BREAKS = str.maketrans("\n\r\t\f", "    ")


def breaks_as_spaces(soup: BeautifulSoup) -> None:
    """Turn line breaks and tabs in the column's own paragraphs (``soup``'s top-level ``<p>`` and its header's)
    into spaces, in place; the text keeps its length, so offsets into it do not change. The stylesheet keeps
    those paragraphs' spaces (``white-space: pre-wrap``): a space between two quotes is a text node of its own,
    and while the page arrives Chromium counts a collapsed space at the end of the part received as a layout
    shift when the next part comes. A line break in wrapped Markdown would then break the printed line."""
    headers = soup.find_all("header", recursive=False)
    for paragraph in soup.find_all("p", recursive=False) + [p for h in headers for p in h.find_all("p", recursive=False)]:
        for text in paragraph.find_all(string=True):
            if type(text) is NavigableString and text != (spaced := text.translate(_SEGMENT_BREAKS)):
                text.replace_with(NavigableString(spaced))


def unsafe_markup_problems(soup: BeautifulSoup, markdown_text: str, page_file: str, line_offset: int = 0) -> list[Problem]:
    """Raw HTML in the page's own Markdown that could run script, restyle or embed: attributes (``on...``,
    ``style``, ``javascript:`` URLs), elements (:data:`_EMBEDDING`: ``<script>``, ``<style>``, ``<iframe>``...), and
    files loaded from another site (an image, media or SVG ``href`` on another host: every reader's visit would be
    told to that site). Each is told where the Markdown writes it, outside code spans (0 if nowhere)."""
    problems = []
    lines = [re.sub(r"`+[^`]*`+", lambda m: " " * len(m[0]), line) for line in markdown_text.splitlines()]
    seen: dict[str, int] = {}

    def place(pattern: str, take: bool = True) -> tuple[int, int]:  # (each place taken once: the n-th element, the n-th)
        found = [(i + line_offset, m.start() + 1) for i, text in enumerate(lines, 1) for m in re.finditer(pattern, text, re.I)]
        nth = seen.get(pattern, 0) + 1
        if take:
            seen[pattern] = nth
        return found[min(nth, len(found)) - 1] if found else (0, 0)

    def add(pattern: str, tag, what: str, todo: str) -> None:
        problems.append(Problem(page_file, *place(pattern), tag.get("id", ""), what, todo))

    for tag in soup.find_all(True):
        if tag.name in _EMBEDDING:
            add(rf"<{re.escape(tag.name)}\b", tag, f"the article holds a raw <{tag.name}> element, which would run, restyle "
                "or embed something on the published page", "remove it: the column is text (link to an embed's page "
                "instead of pasting its code)")
            continue
        for name, value in tag.attrs.items():
            text, low = " ".join(value) if isinstance(value, list) else str(value), name.lower()
            if (low in _LOADING_ATTRS or low in ("href", "xlink:href") and tag.name in _SVG_LOADING) and (
                    far := next(iter(_other_hosts(text)), "")):
                add(re.escape(far), tag, f"the <{tag.name}> loads {far[:60]!r} from another site as the page "
                    "opens, telling that site who reads the article", "save the file under docs/ and give its path, "
                    "or link to it instead")
            elif low.startswith("on") or low in _URL_ATTRS and re.match(r"^\s*(javascript|vbscript):", text, re.I):
                braces = place(r"\{[^}]*\b" + re.escape(name) + r"\s*=", take=False)  # (a paragraph's attributes)
                if low in _URL_ATTRS:  # (a Markdown link or image: [words](javascript:...))
                    where, todo = typed_in(markdown_text, text, line_offset), "remove the link, or link to an https:// address"
                elif braces[0]:
                    where, todo = braces, "remove it: a paragraph's attributes are its id and nothing else, e.g. {#cargo-planes}"
                else:
                    where, todo = place(rf"\b{re.escape(name)}\s*="), "remove the attribute"
                problems.append(Problem(page_file, *where, tag.get("id", ""),
                                        f"the attribute {name}={text[:40]!r} on a <{tag.name}> could run script", todo))
            elif low == "style" or low in _URL_ATTRS and re.match(r"^\s*data:", text, re.I):
                add(rf"\b{re.escape(name)}\s*=", tag, f"the attribute {name}={text[:40]!r} on a <{tag.name}> "
                    + ("restyles the article (and can load files from other sites)" if low == "style" else
                       "holds a whole file in the page (a data: address, which can also carry a script)"),
                    "remove it: the site's stylesheet styles the article" if low == "style" else
                    "save the file under docs/ and give its path")
    return problems


def _other_hosts(value: str) -> list[str]:
    """The URLs of a ``src``/``srcset``/``poster``/``href`` value that name a host (``https://...``, ``//...``, and
    ``\\\\...``, which browsers read as ``//``): files another site serves. (A srcset is ``url width, url width``.)"""
    urls = [part.split()[0] for part in value.split(",") if part.split()]
    return [url for url in urls if re.match(r"^\s*([a-z][a-z0-9+.-]*:)?[/\\\\]{2}", url, re.I)]


def _added(tag) -> bool:
    """Whether ``tag`` is in what the edition draws (the header, or class ``ed-added`` on it or an ancestor)."""
    return any({"ed-added", "ed-header"} & set(t.get("class") or []) for t in [tag, *tag.parents] if hasattr(t, "get"))


def declared_paragraph_ids(markdown_text: str) -> list[tuple[str, int]]:
    """Ids written on their own line after a paragraph (``{#id}``), with 1-based line numbers."""
    found = []
    for number, line in enumerate(markdown_text.splitlines(), start=1):
        match = _ATTR_LINE.match(line.strip())
        if match:
            found.append((match.group(1), number))
    return found


def paragraph_id_problems(markdown_text: str, soup: BeautifulSoup, page_file: str, line_offset: int = 0) -> list[Problem]:
    """Check the article's paragraph ids (cases C07 and C08).

    Every declared id must follow :data:`ID_RULE`, be unique, and land on a ``<p>`` (Python-
    Markdown's attr_list can put it on a ``<br>`` or a list item instead); every paragraph of
    the article must have an id.

    Args:
        markdown_text: the page's Markdown without front matter.
        soup: the same page rendered by Python-Markdown, parsed (before any note is merged).
        page_file: the path shown in problems.
        line_offset: lines taken by the front matter, added to line numbers.
    """
    problems = []
    by_id: dict[str, list] = {}
    for tag in soup.find_all(id=True):
        by_id.setdefault(tag["id"], []).append(tag)
    seen: dict[str, int] = {}
    for ident, line in declared_paragraph_ids(markdown_text):
        line += line_offset
        text = markdown_text.splitlines()[line - line_offset - 1].strip()
        if not _ONLY_ID.match(text):  # ({#Cargo Planes}, an id with a space, is offered as {#cargo-planes})
            whole = ident if "=" in text else re.sub(r"[^a-z0-9]+", "-", text.strip("{}#: ").lower()).strip("-")
            problems.append(Problem(page_file, line, 1, ident, "a paragraph's attributes may only be its id (and .classes)",
                                    f"write the line as {{#{whole}}} and nothing else"))
        if not ID_RULE.match(ident):
            problems.append(Problem(page_file, line, 1, ident, "a paragraph id may only use lowercase a-z, 0-9 and single hyphens",
                                    "rename it, e.g. {#cargo-planes}"))
        if ident in seen:
            problems.append(Problem(page_file, line, 1, ident, f"the paragraph id is used twice (first at line {seen[ident]})",
                                    "give each paragraph its own id"))
            continue
        seen[ident] = line
        if ident in HEADER_IDS:
            problems.append(Problem(page_file, line, 1, ident, "this id is reserved for the article header",
                                    "choose another id"))
        tags = by_id.get(ident, [])
        if not tags:
            problems.append(Problem(page_file, line, 1, ident, "the id was not attached to any element",
                                    "put '{#id}' on its own line directly after the paragraph's last line, no blank line between"))
        elif tags[0].name != "p":
            problems.append(Problem(page_file, line, 1, ident,
                                    f"the id landed on a <{tags[0].name}>, not on the paragraph (a line break or list before it?)",
                                    "end the paragraph without a hard line break, or give the list its own paragraph"))
    for leftover in soup.find_all(string=re.compile(r"\{:?\s*#[^}]*\}")):
        if type(leftover) is not NavigableString or _ATTR_LINE.match(leftover.strip()):  # (a comment; a line said above)
            continue
        line = typed_in(markdown_text, re.search(r"\{:?\s*#[^}]*\}", leftover).group(0), line_offset)[0]
        problems.append(Problem(page_file, line, 1 if line else 0, "", f"an id was left in the text: {leftover.strip()[:60]!r}",
                                "put '{#id}' on its own line directly after the paragraph, with no line break before it"))
    for p in soup.find_all("p"):
        if not p.get("id") and p.get_text(strip=True) and not _added(p) and not _ATTR_LINE.match(p.get_text(strip=True)):
            text = " ".join(p.get_text().split())[:50]
            line = typed_in(markdown_text, " ".join(text.split()[:4]), line_offset)[0]
            problems.append(Problem(page_file, line, 1 if line else 0, "", f"the paragraph {text!r} has no id",
                                    "add a line '{#some-id}' directly after it"))
    return problems


def typed_in(markdown_text: str, text: str, line_offset: int = 0) -> tuple[int, int]:
    """The file's 1-based line and column of ``text`` on the first Markdown line that holds it as written; ``(0, 0)``
    if none does (the words are marked up in the Markdown, or run over a line break). ``line_offset``: the lines
    of the front matter."""
    return next(((i + line_offset, line.index(text) + 1) for i, line in enumerate(markdown_text.splitlines(), 1)
                 if text in line), (0, 0))
