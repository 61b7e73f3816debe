"""annotated-edition: margin notes (sourcing, fact checks with verdicts, context) for MkDocs pages.

A MkDocs plugin (:mod:`annotated_edition.plugin`) over a core without MkDocs
(:mod:`annotated_edition.core`); ``python -m annotated_edition`` checks notes, annotates a site
built by another generator, and writes the editors' JSON Schema (:mod:`annotated_edition.cli`).
"""

__version__ = "0.2.0"
