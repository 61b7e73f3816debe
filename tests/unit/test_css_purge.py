"""The theme's CSS without unused rules (unused_css.py), in process."""

from __future__ import annotations

from annotated_edition.unused_css import parsed_files, purge_site, purged

WORDS = {"md-header", "md-nav", "div", "a", "data-md-color-scheme", "slate", "x"}


def _one(css: str, words=WORDS, elsewhere=frozenset()) -> str:
    return purged({"t": css}, set(words), set(elsewhere))["t"]


def test_a_rule_naming_an_unused_class_goes_and_a_used_one_stays():
    out = _one(".md-header{color:red}.md-tabs{color:blue}.md-tabs,.md-nav{margin:0}")
    assert ".md-header{color:red}" in out and ".md-tabs{" not in out
    assert ".md-tabs,.md-nav{margin:0}" in out  # one selector of the list can match


def test_what_sits_inside_a_pseudo_class_is_never_required():
    assert ".md-header:not(.md-unknown){color:red}" in _one(".md-header:not(.md-unknown){color:red}")
    assert _one(".md-header .md-unknown:hover{color:red}") == ""
    assert "a:hover" in _one("a:hover{color:red}")


def test_element_names_and_attribute_values_are_required():
    assert _one("kbd{color:red}") == ""
    assert _one("div>a{color:red}") == "div>a{color:red}"
    out = _one("[data-md-color-scheme=slate]{color:red}[data-md-color-scheme=sepia]{color:blue}")
    assert "slate" in out and "sepia" not in out


def test_an_emptied_media_block_goes_and_other_at_rules_stay():
    out = _one("@media screen{.md-tabs{color:red}}@media print{.md-nav{color:red}}"
               "@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{to{opacity:0}}")
    assert "screen" not in out and "@media print{.md-nav{color:red}}" in out
    assert "@font-face" in out and "@keyframes spin" in out


def test_unused_custom_properties_go_used_ones_and_what_they_use_stay():
    out = _one(":root{--a:1px;--b:var(--c);--c:2px;--unused:var(--d);--d:3px}.md-nav{margin:var(--b)}")
    assert "--b:var(--c)" in out and "--c:2px" in out
    assert "--a" not in out and "--unused" not in out and "--d" not in out  # --d's only use went with --unused
    assert "--a:1px" in _one(":root{--a:1px}", elsewhere={"--a"})


def test_a_property_used_by_another_trimmed_stylesheet_stays():
    out = purged({"main": ":root{--hue:225deg;--x:1}", "palette": ".md-nav{color:hsl(var(--hue),1%,1%)}"}, WORDS, set())
    assert "--hue:225deg" in out["main"] and "--x" not in out["main"]


def test_a_site_links_its_trimmed_copy_and_keeps_the_original(tmp_path):
    css = tmp_path / "assets" / "stylesheets"
    css.mkdir(parents=True)
    (css / "main.1234abcd.min.css").write_text(".md-header{color:red}.md-tabs{color:blue}.md-search-result{x:y}"
                                               "[data-md-scrolllock]{position:fixed}[data-md-other]{position:fixed}")
    (tmp_path / "assets" / "app.js").write_text('el.className="md-search-result";document.body.dataset.mdScrolllock=1')
    page = '<link rel="stylesheet" href="{0}assets/stylesheets/main.1234abcd.min.css"><header class="md-header"></header>' \
           '<script src="{0}assets/app.js"></script>'
    (tmp_path / "index.html").write_text(page.format(""))
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text(page.format("../"))
    sizes = purge_site(tmp_path, {"assets/stylesheets/main.1234abcd.min.css"})
    assert list(sizes) == ["assets/stylesheets/main.1234abcd.min.css"]
    trimmed = [p for p in css.iterdir() if p.name != "main.1234abcd.min.css"]
    assert len(trimmed) == 1 and trimmed[0].name.startswith("main.1234abcd.") and trimmed[0].name.endswith(".min.css")
    # a script's class counts, and the attribute it sets through dataset
    assert trimmed[0].read_text() == ".md-header{color:red}.md-search-result{x:y}[data-md-scrolllock]{position:fixed}"
    assert (css / "main.1234abcd.min.css").exists()
    assert f'href="../assets/stylesheets/{trimmed[0].name}"' in (tmp_path / "about" / "index.html").read_text()
    assert f'href="assets/stylesheets/{trimmed[0].name}"' in (tmp_path / "index.html").read_text()


def test_a_tree_parsed_before_is_used_only_for_the_text_it_was_parsed_from(tmp_path):
    sheet = tmp_path / "theme.css"
    sheet.write_text(".md-header{color:red}.md-tabs{color:blue}")
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="theme.css"><header class="md-header md-tabs">')
    other = tmp_path / "other.css"
    other.write_text(".md-header{color:green}")
    digest, tree = parsed_files({"theme.css": str(other)})["theme.css"]
    # the same digest as the built file: the tree parsed before is what gets trimmed (here a different one, to prove it)
    real_digest = parsed_files({"theme.css": str(sheet)})["theme.css"][0]
    purge_site(tmp_path, {"theme.css"}, {"theme.css": (real_digest, tree)})
    assert _trimmed(tmp_path) == ".md-header{color:green}"
    # a tree parsed from another text (the built file changed after): the built file is parsed again
    for path in tmp_path.glob("theme.*.css"):
        path.unlink()
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="theme.css"><header class="md-header md-tabs">')
    purge_site(tmp_path, {"theme.css"}, {"theme.css": (digest, tree)})
    assert _trimmed(tmp_path) == ".md-header{color:red}.md-tabs{color:blue}"


def _trimmed(site) -> str:
    [path] = [p for p in site.glob("theme.*.css")]
    return path.read_text()


def test_names_declared_unused_lose_their_rules_though_a_script_writes_them(tmp_path):
    # Material sets data-md-color-switching on <body> at every load: "[data-md-color-switching] *" restyled the page
    (tmp_path / "theme.css").write_text("[data-md-color-switching] *{transition-duration:0s}.md-header{color:red}"
                                        "[data-md-color-scheme=slate]{color:#fff}")
    (tmp_path / "app.js").write_text('document.body.setAttribute("data-md-color-switching","")')
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="theme.css"><script src="app.js"></script>'
                                         '<body data-md-color-scheme="slate"><header class="md-header">')
    purge_site(tmp_path, {"theme.css"}, unused={"data-md-color-switching"})
    assert _trimmed(tmp_path) == ".md-header{color:red}[data-md-color-scheme=slate]{color:#fff}"


def test_words_are_those_of_purgecss_default_extractor():
    from annotated_edition.unused_css import WORD, words_of

    text = 'a.md-nav__link[data-md-state="blocked"]{--md-x:1} el.dataset.mdScrolllock é_x-y9 €z\u2028w\nq_'
    assert words_of(text) == set(WORD.findall(text))
