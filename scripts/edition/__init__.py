"""The annotated edition: annotations (W3C Web Annotation style) merged into the article.

Modules, one job each:

- ``problems``: the editor-facing error record and its one-line format.
- ``yamlsource``: safe YAML loading that keeps line numbers and rejects silent surprises.
- ``annotations``: loading and validating annotation and source files (JSON Schema + rules).
- ``anchoring``: resolving a TextQuoteSelector (exact/prefix/suffix) inside a paragraph's text.
- ``notes``: rendering one annotation as sanitised HTML.
- ``merge``: highlighting the quoted spans and placing the notes in the page HTML.
- ``article``: the article header (headline, dek, byline) and paragraph-id checks.
- ``pages``: the generated Sources and Index listings.
- ``check``: ``python -m edition.check``, the validator behind ``make check``.
"""
