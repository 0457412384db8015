"""The after-action review: one game turned into the debrief a facilitator projects.

    path = write_review(game, "review.html")     # the table's end screen calls this
    text = review_markdown(game)                 # the same content for students' write-ups

`build_review` assembles the sections (in the order a hotwash uses them) into a
`Document`; `review_html` and `review_markdown` render that one document.
"""

from pathlib import Path

from game.engine import Game
from game.errors import ContentError
from game.report.document import Badge, Document, Section, run
from game.report.history import round_points
from game.report.moments import find_moments, moments_section
from game.report.review_charts import contributions_section, rounds_section
from game.report.review_html import render_html
from game.report.review_markdown import render_markdown, write_images
from game.report.review_sections import (
    briefs_section,
    debrief_section,
    objectives_section,
    outcome_section,
    reality_section,
)
from game.report.timeline import timeline_section

__all__ = ["build_review", "review_html", "review_markdown", "write_markdown", "write_review"]

SECTION_IDS = ("debrief", "outcome", "rounds", "moments", "contributions", "delegations", "briefs", "reality",
               "timeline")


def build_review(game: Game, record: str = "RECORD") -> Document:
    """Returns the review of a game as a document: debrief questions first, the full archive last."""
    points = round_points(game)
    sections: tuple[Section, ...] = (
        debrief_section(game),
        outcome_section(game),
        rounds_section(game, points),
        moments_section(game, find_moments(game, points)),
        contributions_section(game),
        objectives_section(game),
        briefs_section(game),
        reality_section(game),
        timeline_section(game, points, record),
    )
    meta = game.scenario.meta
    result = game.result()
    return Document(
        title=f"After-action review: {meta.title}",
        subtitle=" ".join(f"{meta.summary} Setting: {meta.setting}".split()),
        facts=_facts(game, result),
        sections=sections,
        banner=run(f"{game.names.vocabulary.result}: ", Badge(result["outcome"]), " — " + ", ".join(
            f"{game.catalog.priorities[p].short or game.catalog.priorities[p].name} {v['status']}"
            for p, v in result["priorities"].items())),
        footer=(f"Coalition Table after-action review of scenario {meta.id} (content {game.content_hash[:12]}), "
                f"seed {game.seed}, {result['decisions']} decisions. Built from the game record: "
                f"`coalition replay` plays it again."),
    )


def _facts(game: Game, result: dict) -> tuple[tuple[str, str], ...]:
    meta = game.scenario.meta
    humans = sum(1 for seat in game.seats if game.controller(seat) == "human")
    bots = len(game.seats) - humans
    return (("Scenario", meta.id), ("Date", meta.date), ("Seed", str(game.seed)),
            ("Rounds played", f"{result['rounds_played']} of {game.scenario.rules.rounds}"),
            ("Delegations", f"{len(game.seats)} ({humans} human, {bots} bot)"),
            ("Decisions", str(result["decisions"])))


def review_html(game: Game, record: str = "RECORD") -> str:
    """Returns the review as one self-contained HTML page (`record`: the file the fork commands name)."""
    return render_html(build_review(game, record))


def write_review(game: Game, path: str | Path, record: str = "RECORD") -> Path:
    """Writes the review as HTML to `path` and returns the path."""
    return write_page(Path(path), review_html(game, record))


def review_markdown(game: Game, images: str | Path | None = None, link_prefix: str = "",
                    record: str = "RECORD") -> str:
    """Returns the review as Markdown; with `images`, charts are saved there as PNG and linked."""
    document = build_review(game, record)
    image = write_images(document, Path(images), link_prefix) if images is not None else None
    return render_markdown(document, image)


def write_markdown(game: Game, path: str | Path, record: str = "RECORD") -> Path:
    """Writes the review as Markdown to `path`, its charts as PNG in `<name>-charts/` beside it."""
    path = Path(path)
    folder = path.with_name(f"{path.stem}-charts")
    try:
        text = review_markdown(game, folder, f"{folder.name}/", record)
    except OSError as err:
        raise ContentError(f"{folder}: cannot write the charts: {err.strerror}") from None
    return write_page(path, text)


def write_page(path: Path, text: str) -> Path:
    """Writes a report file, creating its folder; an OSError becomes one clear ContentError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as err:
        raise ContentError(f"{path}: cannot write the report: {err.strerror}") from None
    return path
