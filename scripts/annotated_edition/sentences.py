"""Sentence ends in a paragraph's text, so that notes on one sentence share one marker.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets after it) followed
by white space and a capital letter, a digit or an opening quote, unless the word before the
stop is an abbreviation: a run of single letters with stops (``U.S.``, ``U.N.``) or one of
:data:`ABBREVIATIONS`. This is the rule-based approach of the Unicode sentence-boundary
algorithm (UAX #29) narrowed to English news prose; it needs no model, and an error costs only
a marker that could have been shared.
"""

from __future__ import annotations

import bisect
import re

ABBREVIATIONS = frozenset("Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Lt Sgt Capt St Jr Sr No Vol vs etc Inc Ltd Co Corp "
                          "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_STOP = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)$")


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence's last character, in order (the text's end is the last).

    ``sentence_ends("He left. She stayed.") == [8, 20]``; ``"U.S. President"`` is one sentence.
    """
    ends = []
    for stop in _STOP.finditer(text):
        word = _WORD_BEFORE.search(text, 0, stop.start())
        if stop.group(0)[0] == "." and word and (word.group(1) in ABBREVIATIONS or "." in word.group(1)
                                                  or len(word.group(1)) == 1):
            continue
        ends.append(stop.end())
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    return ends


def sentence_of(ends: list[int], offset: int) -> int:
    """The index of the sentence holding the character at ``offset`` (see :func:`sentence_ends`)."""
    return bisect.bisect_right(ends, offset)
