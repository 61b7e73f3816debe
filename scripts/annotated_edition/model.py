"""The records the engine works on: settings (categories, verdict scale) and annotations.

Plain typed records with no I/O, in the spirit of the Hypothesis client's
``src/types/api.ts``. An annotation follows the W3C Web Annotation Data Model
(https://www.w3.org/TR/annotation-model/): a *body* (title, summary, Markdown body, sources)
and a *target* whose ``paragraph`` plays the role of a FragmentSelector and whose
``exact``/``prefix``/``suffix`` are a TextQuoteSelector.

Categories and the verdict scale are defined once, in the site's configuration
(``mkdocs.yml``, see :mod:`annotated_edition.config`); everything else (the editors' JSON
Schema, the CSS custom properties, the JSON-LD vocabulary) is derived from :class:`Settings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .yamlsource import Place


@dataclass(frozen=True)
class Category:
    """A kind of note.

    Attributes:
        id: the name used in files, classes and URLs (``claims``).
        label / plural: shown as text ("Claim" / "Claims").
        icon: one glyph drawn beside the label; icon_scale: its size in the margin's circle, 1 by default
            (a glyph smaller than the others, such as three dots, may be drawn larger: 1.3).
        colour / dark_colour: CSS colours for the light and the dark scheme.
        tint / dark_tint: background of its highlights (default: the colour mixed into the page).
        line: the underline style of its quotes (``solid``, ``dotted``...), so colour is not the only cue.
        verdicts: whether notes of this category carry a verdict (fact checks).
        description: one sentence for listings.
        motivation: the W3C Web Annotation motivation of its notes (``assessing``, ``commenting``...).
    """

    id: str
    label: str
    plural: str
    icon: str
    colour: str
    dark_colour: str
    line: str = "solid"
    tint: str = ""
    dark_tint: str = ""
    verdicts: bool = False
    description: str = ""
    motivation: str = "commenting"
    icon_scale: float = 1.0


@dataclass(frozen=True)
class Verdict:
    """One step of the verdict scale: ``rating`` is its place on the true/false axis (None if off it);
    ``short``, if any, the words its badge shows in the margin (the label stays its name everywhere else,
    screen readers and open data included). A ``prominent`` verdict's badge is a filled box (``tint``,
    ``dark_tint``: its fill; default the colour mixed into the page), the others' are text; ``colour`` and
    ``dark_colour`` (default: the lighter grey of the dark scheme) colour its label; ``italic``, in italics."""

    id: str
    label: str
    rating: int | None = None
    prominent: bool = False
    short: str = ""
    colour: str = "#374151"
    dark_colour: str = ""
    tint: str = ""
    dark_tint: str = ""
    italic: bool = False


@dataclass(frozen=True)
class Settings:
    """The categories and the verdict scale, in the order the site gives them, and the word ranges
    of a note's body and summary (outside them, a warning)."""

    categories: dict[str, Category]
    verdicts: dict[str, Verdict]
    body_words: tuple[int, int] = (40, 150)
    summary_words: tuple[int, int] = (4, 40)

    @property
    def best_rating(self) -> int:
        """The highest rating on the scale (schema.org ``bestRating``); 1 when none is rated."""
        return max((v.rating for v in self.verdicts.values() if v.rating is not None), default=1)

    @property
    def worst_rating(self) -> int:
        """The lowest rating on the scale (schema.org ``worstRating``)."""
        return min((v.rating for v in self.verdicts.values() if v.rating is not None), default=1)

    def only(self, ids: list[str]) -> "Settings":
        """The same settings restricted to the categories ``ids`` (in their order here)."""
        return Settings({k: c for k, c in self.categories.items() if k in ids}, self.verdicts,
                        self.body_words, self.summary_words)


@dataclass(frozen=True)
class Source:
    """One entry of a source list; ``date`` is ``YYYY[-MM[-DD]]`` or ``undated``."""

    id: str
    title: str
    publisher: str
    date: str
    url: str
    via: str = ""
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Position:
    """Where a field was written: file and 1-based line and column."""

    file: str = ""
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Correction:
    """A dated correction of a note: ``what`` changed (for example the verdict) and ``why``."""

    date: str
    what: str
    why: str


@dataclass
class Annotation:
    """One note: its body, its target (paragraph + TextQuoteSelector) and where it was written."""

    id: str
    category: Category
    paragraph: str
    exact: str
    title: str
    summary: str
    body: str
    sources: list[Source]
    checked: str
    prefix: str = ""
    suffix: str = ""
    verdict: Verdict | None = None
    later: dict | None = None
    corrections: list[Correction] = field(default_factory=list)  # oldest first
    aliases: list[str] = field(default_factory=list)
    at: Position = Position()
    target_at: Position = Position()
    paragraph_at: Position = Position()
    body_place: Place | None = None  # where the body is typed (its value's place in the notes file)

    def in_body(self, text: str) -> Position:
        """Where ``text`` (a link's address, say) is first typed in the body (:meth:`Place.find`); where the note
        starts if the body's place is unknown."""
        if self.body_place is None:
            return self.at
        return Position(self.at.file, *self.body_place.find(text))

    @property
    def modified(self) -> str:
        """The date of the latest correction, or ``checked`` when that is later (or there is none)."""
        return max([self.checked, *(c.date for c in self.corrections)])


@dataclass
class AnnotationSet:
    """Everything read from one page's notes folder: notes in file order, sources by id, problems."""

    annotations: list[Annotation]
    sources: dict[str, Source]
    problems: list = field(default_factory=list)

    def uncited(self) -> list[str]:
        """Ids of the sources that no note cites, in the list's order (the Sources page leaves them out)."""
        cited = {s.id for a in self.annotations for s in a.sources}
        return [sid for sid in self.sources if sid not in cited]

    def counts(self, settings: Settings) -> dict[str, int]:
        """Number of notes per category id, in the order of ``settings.categories``."""
        counts = dict.fromkeys(settings.categories, 0)
        for a in self.annotations:
            counts[a.category.id] = counts.get(a.category.id, 0) + 1
        return counts
