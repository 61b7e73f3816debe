"""Resolving a TextQuoteSelector (W3C Web Annotation: exact, prefix, suffix) in a paragraph.

The rule is exact, never fuzzy: after a documented normalisation, the quote must occur once
in its paragraph's text, or ``prefix``/``suffix`` must pick out one occurrence. This is the
strict half of the Hypothesis client's anchoring (``src/annotator/anchoring/text-quote.ts``),
without its fuzzy fallback: a guessed anchor is worse than an error an editor can fix.

Normalisation (applied to both the paragraph text and the quote, for matching only; the
highlight always covers the article's own characters, never the normalised ones):

- curly single quotes and apostrophes (‘ ’ ‚ ʼ ′) match ``'``;
- curly double quotes (“ ” „ ″) match ``"``;
- dashes (‐ ‑ ‒ – — −) match ``-``;
- the ellipsis … matches ``...``;
- any run of white space (including non-breaking and thin spaces, and line breaks) matches
  one space; white space at the ends of ``exact``, ``prefix`` and ``suffix`` is ignored.

Matching is case-sensitive.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

_CHAR_MAP = {
    **dict.fromkeys("‘’‚ʼ′", "'"),
    **dict.fromkeys("“”„″", '"'),
    **dict.fromkeys("‐‑‒–—−", "-"),
    "…": "...",
}
# what normalising changes: a run of white space, or one character of _CHAR_MAP
_CHANGED = re.compile(r"\s+|[" + re.escape("".join(_CHAR_MAP)) + "]")


def normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """Normalise ``text`` for matching.

    Returns:
        ``(normalised, origin)`` where ``origin[k]`` is the index in ``text`` of the character
        that produced ``normalised[k]`` (so ``len(origin) == len(normalised)``).
    """
    out: list[str] = []
    origin: list[int] = []
    done = 0  # text[:done] is normalised; the stretches between changes are copied whole
    for change in _CHANGED.finditer(text):
        start = change.start()
        out.append(text[done:start])
        origin.extend(range(done, start))
        mapped = " " if change.group().isspace() else _CHAR_MAP[change.group()]
        out.append(mapped)
        origin.extend([start] * len(mapped))
        done = change.end()
    out.append(text[done:])
    origin.extend(range(done, len(text)))
    return "".join(out), tuple(origin)


def normalise_text(text: str) -> str:
    """Only the normalised string of :func:`normalise`."""
    return normalise(text)[0]


@dataclass(frozen=True)
class Anchor:
    """A resolved quote: ``text[start:end]`` in the paragraph's own characters (0-based, end exclusive)."""

    start: int
    end: int


@dataclass
class AnchorFailure(Exception):
    """The quote did not resolve to exactly one place.

    ``kind`` is ``"missing"``, ``"form"`` (there, in another Unicode normal form: NFC and NFD), ``"compatible"``
    (there, with a ligature or another compatibility character: NFKC), ``"marks"`` (there, without the quote marks
    typed around it), ``"ambiguous"`` or ``"context"`` (the quote is there but no occurrence has the given
    prefix/suffix); ``candidates`` holds, for
    "missing", the closest
    passage of the paragraph (at most one), otherwise each occurrence shown with a little context.
    """

    kind: str
    candidates: list[str]
    invisible: str = ""  # (for "missing": the quote's invisible characters, named, which a closest passage hides)
    differs: str = ""  # (for "missing": the quote's words where they first differ from the closest passage)

    def describe(self) -> tuple[str, str]:
        """Return ``(what is wrong, what to do)`` for an editor."""
        if self.kind == "form":
            return ("the quote writes an accented letter in another Unicode form than the article (composed or "
                    "decomposed: they look the same)", "copy the accented words from the article's own file")
        if self.kind == "compatible":
            return ("the article writes a ligature or a compatibility character (such as 'ﬁ' for 'fi') where the quote "
                    "has plain letters, or the other way round (they look the same)", "copy the words from the article's own file")
        if self.kind == "marks":
            return ("the quote includes quote marks around the words, which the article does not have there",
                    "remove the quote marks: the quote is the article's words alone")
        if self.kind == "missing" and self.invisible:
            return (f"the quote holds an invisible character ({self.invisible}) that the paragraph does not have",
                    "delete it: retype the words around it")
        if self.kind == "missing":
            near = f"; the closest passage is {self.candidates[0]!r}" if self.candidates else ""
            near += f" (the quote differs at {self.differs!r})" if self.differs else ""
            return (f"the quote is not in the paragraph{near}",
                    "copy the words exactly from the article (matching is case-sensitive; curly quotes, "
                    "dashes and spacing may differ)")
        if self.kind == "context":
            shown = " | ".join(self.candidates)
            return (f"the quote is in the paragraph ({shown}) but not with that prefix/suffix",
                    "copy 'prefix:' from the words just before the quote and 'suffix:' from the words just after")
        shown = " | ".join(self.candidates)
        return (f"the quote occurs {len(self.candidates)} times in the paragraph: {shown}",
                "add 'prefix:' (words just before) or 'suffix:' (words just after) to pick one")


def _context(norm: str, start: int, end: int, width: int = 20) -> str:
    left = norm[max(0, start - width):start]
    right = norm[end:end + width]
    return f"…{left}[{norm[start:end]}]{right}…"


def _first_difference(quote: str, close: str, width: int = 8) -> str:
    """The words of ``quote`` around its first character that ``close`` replaces or lacks (``aren`t`` for
    ``aren't``), with ``width`` characters either side; "" when the quote is all there (only context differs)."""
    for op, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, quote, close, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):  # (widened to whole words: 'as many passenger' read as the editor's typo)
            start, end = max(0, i1 - width), min(len(quote), i2 + width)
            while start > 0 and not quote[start - 1].isspace():
                start -= 1
            while end < len(quote) and not quote[end].isspace():
                end += 1
            return quote[start:end]
    return ""


def _closest(norm: str, quote: str) -> str:
    """The passage of ``norm`` most like ``quote`` (difflib ratio over word-aligned windows)."""
    if not norm:
        return ""
    best, best_ratio = "", 0.0
    starts = [0] + [m.end() for m in re.finditer(r"\s", norm)]
    size = len(quote)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    for s in starts:
        for span in (size - 2, size, size + 2):
            candidate = norm[s:s + max(span, 1)]
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio, end = candidate, ratio, s + len(candidate)
    if best_ratio < 0.5:
        return ""
    while end < len(norm) and not norm[end - 1].isspace() and not norm[end].isspace():  # (to the end of its last word)
        best, end = best + norm[end], end + 1
    return best.strip()


@dataclass(frozen=True)
class NormalisedText:
    """A paragraph's text with its normalised form, computed once for all the quotes in it."""

    text: str
    norm: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "NormalisedText":
        """Normalise ``text`` (see :func:`normalise`)."""
        return cls(text, *normalise(text))


def find_quote(text: "str | NormalisedText", exact: str, prefix: str = "", suffix: str = "") -> Anchor:
    """Find the one place where ``exact`` occurs in ``text``.

    Args:
        text: the paragraph's text content (the article's own characters), or its
            :class:`NormalisedText` when several quotes are looked up in one paragraph.
        exact: the quote (TextQuoteSelector ``exact``).
        prefix: optional text that must come just before the quote.
        suffix: optional text that must come just after the quote.

    Returns:
        The :class:`Anchor` (offsets into ``text``).

    Raises:
        AnchorFailure: the quote is absent, or occurs more than once and ``prefix``/``suffix``
            do not single one out.
    """
    paragraph = text if isinstance(text, NormalisedText) else NormalisedText.of(text)
    norm, origin = paragraph.norm, paragraph.origin
    quote = normalise_text(exact).strip()
    before = normalise_text(prefix).strip()
    after = normalise_text(suffix).strip()
    if not quote:
        raise AnchorFailure("missing", [])
    hits, bare = [], []
    pos = norm.find(quote)
    while pos != -1:
        end = pos + len(quote)
        bare.append(pos)
        # prefix and suffix match up to the white space where they meet the quote
        if (not before or norm[:pos].rstrip().endswith(before)) and (not after or norm[end:].lstrip().startswith(after)):
            hits.append(pos)
        pos = norm.find(quote, pos + 1)
    if len(hits) == 1:
        start = hits[0]
        end = start + len(quote)
        return Anchor(origin[start], origin[end - 1] + 1)
    if not hits and bare:
        raise AnchorFailure("context", [_context(norm, h, h + len(quote)) for h in bare])
    if not hits:
        if unicodedata.normalize("NFC", quote) in unicodedata.normalize("NFC", norm):  # (Maiquetía typed on a Mac)
            raise AnchorFailure("form", [])
        if unicodedata.normalize("NFKC", quote) in unicodedata.normalize("NFKC", norm):  # ('five' for the article's 'ﬁve')
            raise AnchorFailure("compatible", [])
        if len(quote) > 2 and quote[0] in "\"'" and quote[-1] in "\"'" and quote[1:-1].strip() in norm:
            raise AnchorFailure("marks", [])  # (exact: “war of words”, the quote marks typed as part of it)
        return_close = _closest(norm, quote)
        invisible = ", ".join(sorted({f"U+{ord(c):04X} {unicodedata.name(c, '')}".strip()
                                      for c in exact if unicodedata.category(c) == "Cf"}))
        raise AnchorFailure("missing", [return_close] if return_close else [], invisible,
                            _first_difference(quote, return_close.strip("…")) if return_close else "")
    raise AnchorFailure("ambiguous", [_context(norm, h, h + len(quote)) for h in hits])


def quote_elsewhere(exact: str, paragraphs: dict[str, str]) -> str:
    """The one paragraph of ``paragraphs`` (id -> text) that holds ``exact``, or "" (none, or several): a quote
    missing from the paragraph a note names was often copied from the next one."""
    holding = []
    for ident, text in paragraphs.items():
        try:
            find_quote(text, exact)
            holding.append(ident)
        except AnchorFailure as failure:
            holding += [ident] if failure.kind == "ambiguous" else []
    return holding[0] if len(holding) == 1 else ""


def cut_word(text: str, anchor: Anchor) -> str:
    """The word of ``text`` that the quote at ``anchor`` starts or ends inside of ("wo Russian" in "two Russian"
    cuts 'two'), or "" when the quote begins and ends at word boundaries. A word is a run of letters and digits
    (``str.isalnum``): "Russia" in "Russia's" and "military" in "non-military" cut none."""
    for at in (anchor.start, anchor.end):
        if 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
            start, end = at, at
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum():
                end += 1
            return text[start:end]
    return ""
