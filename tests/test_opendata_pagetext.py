"""The page text whole-document selectors count in (``annotated_edition.pagetext``), without a browser."""

from __future__ import annotations

from annotated_edition.pagetext import body_text, quote_selectors

PAGE = """<!doctype html><html><head><title>T</title><script>var head = 1;</script></head>
<body><script>var x = "a<b";</script><!-- a comment -->
<p id="p">One <span class="ed-hl ed-hl--claims" data-note="n1">quoted <em>words</em></span><a class="ed-marker">1</a> here &amp; there.</p>
<template><p>not in textContent</p></template><pre>
kept</pre><textarea>
text</textarea><br/><img alt="no text">
</body>
</html>
"""


def test_body_text_counts_what_textcontent_counts():
    text, spans = body_text(PAGE)
    assert text.startswith('var x = "a<b";\n')
    assert "a comment" not in text and "not in textContent" not in text and "head = 1" not in text
    assert "here & there." in text
    assert "here & there.\nkepttext" in text  # the newline right after <pre> and <textarea> is dropped
    assert text.endswith("\n\n")  # whitespace after </body> belongs to the body, as browsers parse it
    start, end = spans["n1"]
    assert text[start:end] == "quoted words"


def test_quote_selectors_take_32_characters_each_side():
    text = "x" * 50 + "needle" + "y" * 50
    quote, position = quote_selectors(text, 50, 56)
    assert quote == {"type": "TextQuoteSelector", "exact": "needle", "prefix": "x" * 32, "suffix": "y" * 32}
    assert position == {"type": "TextPositionSelector", "start": 50, "end": 56}


def test_quote_selectors_grow_until_the_quote_is_unique():
    repeated = "z" * 40 + "needle" + "z" * 40
    text = "A" + repeated + "B" + repeated + "C"
    quote, _position = quote_selectors(text, 41, 47)
    assert quote["exact"] == "needle"
    assert text.count(quote["prefix"] + quote["exact"] + quote["suffix"]) == 1
    assert len(quote["prefix"]) > 32


def test_quote_selectors_at_the_ends_of_the_text():
    quote, _position = quote_selectors("needle and more", 0, 6)
    assert quote["prefix"] == "" and quote["suffix"] == " and more"
