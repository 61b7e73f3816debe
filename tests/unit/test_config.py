"""config: the plugin's options, validated by MkDocs' own option classes; an error is one line naming the option."""

from __future__ import annotations

import logging

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from annotated_edition.config import PluginConfig, settings_of

CLAIMS = {"id": "claims", "label": "Claim", "plural": "Claims", "icon": "✓", "colour": "#9a3412", "verdicts": True,
          "motivation": "assessing"}
CONTEXT = {"id": "context", "label": "Context", "icon": "i", "colour": "rgb(10, 20, 30)", "line": "dotted"}
VERDICTS = [{"id": "accurate", "label": "Accurate", "rating": 3}, {"id": "wrong", "label": "Wrong", "rating": 1}]


def validate(**options):
    cfg = PluginConfig()
    cfg.load_dict({"pages": [{"page": "index.md", "annotations": "notes"}], "categories": [CLAIMS, CONTEXT],
                   "verdicts": VERDICTS, **options})
    errors, warnings = cfg.validate()
    return cfg, errors, warnings


def only_error(errors) -> tuple[str, str]:
    assert len(errors) == 1, errors
    key, error = errors[0]
    message = str(error)
    assert "\n" not in message
    return key, message


def test_a_valid_block_gives_the_settings_in_order():
    cfg, errors, warnings = validate()
    assert errors == [] and warnings == []
    settings = settings_of(cfg)
    assert list(settings.categories) == ["claims", "context"]
    claims, context = settings.categories["claims"], settings.categories["context"]
    assert claims.verdicts and claims.motivation == "assessing" and claims.dark_colour == "#9a3412"
    assert context.plural == "Context" and context.line == "dotted" and not context.verdicts
    assert context.motivation == "commenting"
    assert list(settings.verdicts) == ["accurate", "wrong"]
    assert (settings.best_rating, settings.worst_rating) == (3, 1)


@pytest.mark.parametrize("colour", ["blue!", "#12", "javascript:x", "#9a3412; }", "bluish", "#12345"])
def test_a_bad_category_colour(colour):
    _, errors, _ = validate(categories=[{**CLAIMS, "colour": colour}])
    key, message = only_error(errors)
    assert key == "categories" and "'colour'" in message and "is not a CSS colour" in message and repr(colour) in message


def test_a_duplicate_category_id():
    _, errors, _ = validate(categories=[CLAIMS, {**CONTEXT, "id": "claims"}])
    key, message = only_error(errors)
    assert key == "categories" and "two categories have the id 'claims'" in message


def test_a_duplicate_verdict_id():
    _, errors, _ = validate(verdicts=VERDICTS + [{"id": "wrong", "label": "Also wrong"}])
    key, message = only_error(errors)
    assert key == "verdicts" and "two verdicts have the id 'wrong'" in message


def test_a_page_naming_an_undefined_category():
    _, errors, _ = validate(pages=[{"page": "index.md", "annotations": "notes", "categories": ["claims", "sanctions"]}])
    key, message = only_error(errors)
    assert key == "pages" and "'sanctions'" in message and "not defined under 'categories'" in message
    assert "defined: claims, context" in message


def test_a_page_listed_twice():
    page = {"page": "index.md", "annotations": "notes"}
    _, errors, _ = validate(pages=[page, {**page, "annotations": "other"}])
    key, message = only_error(errors)
    assert key == "pages" and "'index.md' is listed twice" in message


@pytest.mark.parametrize("bad", ["Claims", "claims_x", "-claims", "cl--aims"])
def test_an_id_that_cannot_be_a_class_or_url(bad):
    _, errors, _ = validate(categories=[{**CLAIMS, "id": bad}])
    key, message = only_error(errors)
    assert key == "categories" and "may only use lowercase" in message


def test_an_unknown_motivation_and_a_missing_label():
    _, errors, _ = validate(categories=[{**CLAIMS, "motivation": "shouting"}])
    assert only_error(errors)[0] == "categories"
    _, errors, _ = validate(categories=[{k: v for k, v in CLAIMS.items() if k != "label"}])
    key, message = only_error(errors)
    assert key == "categories" and "label" in message


def test_mkdocs_reports_it_in_one_line_naming_the_plugin_and_the_option(tmp_path, caplog):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hi\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - annotated-edition:\n      pages:\n        - {page: index.md, annotations: notes}\n"
        "      categories:\n        - {id: claims, label: Claim, icon: x, colour: 'blue!'}\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        load_config(str(tmp_path / "mkdocs.yml"))
    lines = [m for m in caplog.messages if "blue!" in m]
    assert len(lines) == 1 and "\n" not in lines[0]
    assert "Plugin 'annotated-edition' option 'categories'" in lines[0] and "is not a CSS colour" in lines[0]


@pytest.mark.parametrize("pages", [[], None])
def test_a_plugin_that_names_no_page_is_one_error(pages):
    """'pages: []' passed the check with 0 notes, and the build failed on a listing page in words of its own."""
    options = {} if pages is None else {"pages": pages}
    cfg = PluginConfig()
    cfg.load_dict({"categories": [CLAIMS, CONTEXT], "verdicts": VERDICTS, **options})
    errors, _warnings = cfg.validate()
    key, message = only_error(errors)
    assert key == "pages" and message == "names no annotated page; add one, e.g. '- {page: index.md, annotations: notes}'"


@pytest.mark.parametrize("options, key, said", [
    # (MkDocs' own words: "Sub-option 'label': Required configuration not provided." for any category;
    # "Expected type: <class 'bool'> but received: <class 'str'>")
    ({"categories": [{k: v for k, v in CLAIMS.items() if k != "label"}]}, "categories",
     "category 1 ('claims'): Sub-option 'label': Required configuration not provided."),
    ({"verdicts": [VERDICTS[0], {"id": "wrong", "rating": "low"}]}, "verdicts", "verdict 2 ('wrong'): "),
    ({"minify": "yes please"}, "minify", "must be true or false, not 'yes please'"),
    ({"body_words": "big"}, "body_words", "'big' is not a range: write [least, most], e.g. [40, 150]"),
    ({"summary_words": 40}, "summary_words", "40 is not a range: write [least, most], e.g. [4, 40]"),
    # (each was accepted: a blank name in the legend, an empty or two-character mark, a negative size)
    ({"categories": [{**CLAIMS, "label": "   "}]}, "categories", "category 1 ('claims'): Sub-option 'label': is empty"),
    ({"categories": [{**CLAIMS, "icon": "??"}]}, "categories", "category 1 ('claims'): Sub-option 'icon': '??' is not one"),
    ({"categories": [{**CLAIMS, "icon": ""}]}, "categories", "category 1 ('claims'): Sub-option 'icon': '' is not one"),
    ({"categories": [{**CLAIMS, "icon_scale": -2}]}, "categories", "category 1 ('claims'): Sub-option 'icon_scale': -2 is "
                                                                   "not a number above 0"),
    ({"categories": [{**CLAIMS, "verdicts": "yes"}]}, "categories", "category 1 ('claims'): Sub-option 'verdicts': must be "
                                                                    "true or false, not 'yes'"),
])
def test_an_option_s_error_names_the_item_and_the_form_wanted(options, key, said):
    _, errors, _ = validate(**options)
    found_key, message = only_error(errors)
    assert found_key == key and message.startswith(said), message


def test_an_icon_with_a_variation_selector_is_one_character():
    assert validate(categories=[{**CLAIMS, "icon": "\u26a0\ufe0f"}, CONTEXT])[1] == []


def test_two_pages_that_share_a_notes_folder_are_one_error():
    """Each page's notes were anchored in the other page too: about 70 'paragraph does not exist' errors."""
    _, errors, _ = validate(pages=[{"page": "index.md", "annotations": "notes"},
                                   {"page": "second.md", "annotations": "notes/"}])
    key, message = only_error(errors)
    assert key == "pages" and message == ("the pages 'index.md' and 'second.md' share the notes folder 'notes/'; "
                                          "give each page its own")


def test_a_misspelt_option_of_a_category_a_verdict_or_a_page_is_named_with_the_one_meant():
    """MkDocs said the option meant was missing ("Sub-option 'colour': Required configuration not provided."),
    never naming 'color', the key written."""
    context = {k: v for k, v in CONTEXT.items() if k != "colour"}
    _, errors, _ = validate(categories=[CLAIMS, {**context, "color": "#0f766e"}])
    assert only_error(errors) == ("categories", "category 2 ('context'): unknown option 'color'; did you mean 'colour'?")
    _, errors, _ = validate(verdicts=[{**VERDICTS[0], "ratng": 3}, VERDICTS[1]])
    assert only_error(errors) == ("verdicts", "verdict 1 ('accurate'): unknown option 'ratng'; did you mean 'rating'?")
    _, errors, _ = validate(pages=[{"page": "index.md", "notes": "notes"}])
    assert only_error(errors) == ("pages", "page 1: unknown option 'notes' (options: page, annotations, categories)")
