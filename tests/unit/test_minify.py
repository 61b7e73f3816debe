"""minify.py: the site's own CSS and JS lose comments and white space, nothing else."""

from __future__ import annotations

from types import SimpleNamespace

from annotated_edition.minify import minified, minify_files


def test_css_and_js_lose_comments_and_white_space_only():
    css = "/* a comment */\n.ed-note  {\n  color: red;  /* why */\n}\n"
    assert minified("a.css", css) == ".ed-note{color:red}"
    js = "// a comment\nconst a = 1;  /* why */\nconst re = /a  b/g;\nconst s = 'x  // y';\n"
    assert minified("a.js", js) == "const a=1;const re=/a  b/g;const s='x  // y';"
    assert minified("a.html", "<p>  x  </p>") == "<p>  x  </p>"


def test_only_files_of_docs_are_minified():
    ours = SimpleNamespace(src_uri="assets/edition.css", src_dir="/site/docs", content_string="a  {  b: c }")
    theme = SimpleNamespace(src_uri="assets/theme.css", src_dir="/theme", content_string="a  {  b: c }")
    page = SimpleNamespace(src_uri="index.md", src_dir="/site/docs", content_string="a  {  b: c }")
    minify_files([ours, theme, page], "/site/docs")
    assert (ours.content_string, theme.content_string, page.content_string) == ("a{b:c}", "a  {  b: c }", "a  {  b: c }")
