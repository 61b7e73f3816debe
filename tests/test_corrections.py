"""Issue 15, section 4: a note's corrections, on the note, in the generated Corrections section
(About), and in the open data's modification dates; the About page links the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from annotated_edition.project import load_project
from annotated_edition.schema import stale_schema_files
from conftest import TEST_REPO_URL, ROOT, build, make_project

CLAIMS = (ROOT / "annotations" / "claims.yml").read_text(encoding="utf-8")
# Two corrections on a note checked on 2026-11-29, written in file order oldest-last on purpose.
EXTRA = """    corrections:
      - date: "2026-12-03"
        what: "Verdict changed from *wrong* to accurate."
        why: "A second source confirmed the figure."
      - date: "2026-12-01"
        what: "A source added."
        why: "The first one had moved."
"""
NOTE = "  - id: two-months-of-crisis\n"


def corrected_claims(extra: str = EXTRA) -> str:
    """claims.yml with ``extra`` added to the note ``two-months-of-crisis`` (just before its sources)."""
    start = CLAIMS.index(NOTE)
    at = CLAIMS.index("    sources:", start)
    return CLAIMS[:at] + extra + CLAIMS[at:]


def test_the_schema_in_the_repository_is_current():
    project = load_project(ROOT / "mkdocs.yml")
    assert stale_schema_files(project.settings, ROOT / "schema") == []
    schema = json.loads((ROOT / "schema" / "annotations.schema.json").read_text(encoding="utf-8"))
    corrections = schema["$defs"]["annotation"]["properties"]["corrections"]
    assert corrections["items"]["required"] == ["date", "what", "why"]


def test_the_recorded_corrections_are_those_the_bodies_described():
    """The three verdict changes of 4 December 2026 are corrections, and their bodies no longer repeat them."""
    edition = load_project(ROOT / "mkdocs.yml").edition()
    assert [p for p in edition.load() if p.severity == "error"] == []
    notes = {a.id: a for a in edition.notes["index.md"].annotations}
    corrected = {a.id for a in notes.values() if a.corrections}
    assert corrected == {"wrong-committee", "on-tuesday-unresolved", "one-air-base-hmeimim"}
    for ident in corrected:
        note = notes[ident]
        assert [c.date for c in note.corrections] == ["2026-12-04"] and note.checked == "2026-12-04"
        assert note.corrections[0].what.startswith("Verdict changed from ")
        assert note.corrections[0].what.endswith(f"to {note.verdict.label.lower()}.")
        assert "Verdict changed" not in note.body


@pytest.mark.build
def test_corrections_show_on_the_note_in_the_listing_and_in_the_dates(tmp_path):
    assert NOTE in CLAIMS
    site = build(make_project(tmp_path / "p", replace_files={"annotations/claims.yml": corrected_claims()}))
    article = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    note = article.find(id="two-months-of-crisis")
    shown = [" ".join(li.get_text(" ").split()) for li in note.select(".ed-note__corrections li")]
    assert shown[0].startswith("3 December 2026 : Verdict changed from wrong to accurate.") and "1 December 2026" in shown[1]
    assert "Checked 29 November 2026." in note.select_one(".ed-note__sources").get_text()  # 'checked' stays

    about = BeautifulSoup((site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    listing = about.select_one(".ed-corrections")
    assert listing.select_one(".ed-corrections__report a")["href"] == TEST_REPO_URL + "/issues"
    entries = listing.select(".ed-corrections__list li")
    dates = [li.time["datetime"] for li in entries]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2026-12-04" and "2026-12-01" in dates
    links = [li.a["href"] for li in entries]
    assert "../#two-months-of-crisis" in links and "../#wrong-committee" in links
    assert links.index("../#two-months-of-crisis") == dates.index("2026-12-03")

    items = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]
    item = next(i for i in items if i["id"].endswith("#two-months-of-crisis"))
    assert item["created"] == "2026-11-29T00:00:00Z" and item["modified"] == "2026-12-03T00:00:00Z"
    head = (site / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    reviews = json.loads(BeautifulSoup(head, "html.parser").find("script", id="_claim-reviews").string)
    review = next(r for r in reviews if r["url"].endswith("#two-months-of-crisis"))
    assert review["datePublished"] == "2026-11-29" and review["dateModified"] == "2026-12-03"


@pytest.mark.build
def test_a_correction_with_a_bad_date_or_no_reason_is_refused(tmp_path):
    bad = corrected_claims('    corrections:\n      - date: "2026-02-30"\n        what: "x"\n        why: "y"\n'
                           '      - date: "2026-12-01"\n        what: "no reason given"\n')
    project = make_project(tmp_path / "p", replace_files={"annotations/claims.yml": bad})
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    result = subprocess.run([sys.executable, "-m", "annotated_edition", "check"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=120)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "two-months-of-crisis" in out and "2026-02-30" in out and "why" in out


@pytest.mark.build
def test_about_links_the_repository_from_mkdocs_yml(built_site):
    about = BeautifulSoup((built_site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    report = about.select_one(".ed-corrections__report a")
    assert report["href"] == TEST_REPO_URL + "/issues"  # from REPO_URL, through repo_url in mkdocs.yml
    assert "open an issue" in report.get_text()
    source = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert "repo_url: !ENV REPO_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert TEST_REPO_URL not in source and "github.com" not in source  # written once, in mkdocs.yml
