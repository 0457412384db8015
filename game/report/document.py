"""A report as a document: sections of plain blocks that both renderers draw.

The after-action review and the sweep report are built once as this small tree;
`review_html` and `review_markdown` render the same tree, so the projected page and
the students' write-up always hold the same content. Text here is raw: renderers escape.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Strong:
    """Inline: emphasised text."""

    text: str


@dataclass(frozen=True, slots=True)
class Badge:
    """Inline: a status word with a symbol and a colour (never colour alone)."""

    status: str
    """secured, partial, failed, met, unmet, success, failure, same, better, worse, unknown."""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    """Inline: a link to a section of the page (`#id`) or a source on the web."""

    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Meter:
    """Inline: progress against a target, with the partial threshold marked."""

    value: float
    target: float
    partial: float


Inline = str | Strong | Badge | Link | Meter
Run = tuple[Inline, ...]
"""A run of inline parts; a table cell or a list item is one run."""


@dataclass(frozen=True, slots=True)
class Para:
    parts: Run
    style: str = ""
    """"" plain, "lead" larger, "note" small print, "quote" a quoted brief."""


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[Run, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    head: tuple[str, ...]
    rows: tuple[tuple[Run, ...], ...]
    numeric: frozenset[int] = frozenset()
    """Column indexes to right-align."""
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart: `draw()` returns a matplotlib figure; renderers save it as SVG or PNG."""

    key: str
    title: str
    alt: str
    draw: Callable[[], Any]
    data: Table | None = None
    """The numbers behind the chart, for the write-up and for screen readers."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a timeline: a label (what kind of thing), its text and a tone."""

    label: str
    text: str
    tone: str = "neutral"
    """event, good, bad, neutral, facilitator, minor."""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Entries:
    items: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Sub:
    """A titled group of blocks inside a section; `card` ones sit side by side on the page."""

    title: str
    blocks: tuple
    card: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    blocks: tuple
    intro: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]
    """(label, value) pairs shown under the title."""
    sections: tuple[Section, ...]
    banner: Run = ()
    """The result at a glance."""
    footer: str = ""

    def all_figures(self) -> list[Figure]:
        """Returns every figure in the document, in order."""
        found: list[Figure] = []

        def walk(blocks) -> None:
            for block in blocks:
                if isinstance(block, Figure):
                    found.append(block)
                elif isinstance(block, Sub):
                    walk(block.blocks)

        for section in self.sections:
            walk(section.blocks)
        return found


def run(*parts: Inline) -> Run:
    """Returns a run of inline parts (drops empty strings)."""
    return tuple(p for p in parts if p != "")


def para(*parts: Inline, style: str = "") -> Para:
    return Para(run(*parts), style)
