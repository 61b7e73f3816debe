"""A tiny annotated article for unit tests: a page with the four required front matter fields and one
paragraph, one note with a verdict and its source (tests/unit/test_front_matter.py and test_cli_config.py build on them)."""

PAGE = """---
title: "A Tiny Article"
author: Test Writer
date: "2024-01-02"
publisher: Test Publisher
annotated: true
---

The harbour opened in 1901.
{#harbour}
"""

NOTE = """category: claims
annotations:
  - id: opening
    target: {paragraph: harbour, exact: "opened in 1901"}
    title: Opening
    verdict: accurate
    summary: It opened then.
    body: |
      Records say so.
    sources: [T1]
    checked: "2024-01-03"
"""
SOURCES = 'sources:\n  - {id: T1, title: "Records", publisher: "Town", date: "2020", url: "https://example.org/r"}\n'
