"""A readable transcript of a game, round by round, from the facilitator's view of the log.

Rendered with rich: colour on a terminal, plain text in files (golden transcripts). Every
string from a scenario or record passes `terminal_safe` and goes in as rich `Text`, never
as markup, so neither escape sequences nor `[link=...]` markup reach the terminal.
"""

from collections.abc import Iterable, Iterator
from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from game.engine import Game, LogEntry
from game.report.terminal_text import one_line, terminal_safe

# Entry kinds shown in a transcript, and the style of their line; others are bookkeeping.
_STYLES = {
    "EventDrawn": "bold yellow", "EventInjected": "bold magenta", "MessageSent": "yellow",
    "TradeProposed": "cyan", "TradeCountered": "cyan", "OfferAccepted": "green", "OfferRejected": "red",
    "TradeAgreed": "bold green", "TradeFailed": "red", "OfferExpired": "dim", "OfferCancelled": "dim",
    "Pledged": "green", "PledgeWithdrawn": "bold red", "CommitmentLapsed": "red", "Signed": "blue",
    "ApprovalSought": "", "ApprovalWon": "bold green", "ApprovalLost": "bold red",  # VoteAnnounced: their public twin
    "TrackAdjusted": "magenta", "TrackMoved": "dim", "Paused": "magenta", "Resumed": "magenta",
    "PhaseEnded": "magenta", "SeatHandedOver": "magenta", "GameEnded": "bold",
    "CommitmentExpired": "red", "CommitmentRenewed": "green", "CommitmentsSuspended": "red",
    "CommitmentsResumed": "green", "CommitmentsCancelled": "bold red", "CommitmentsRenewed": "green",
    "TrackDrifted": "dim",
}
_MARKS = {"EventDrawn": "◆", "EventInjected": "◆", "TradeAgreed": "⇄", "PledgeWithdrawn": "✗",
          "ApprovalWon": "✓", "ApprovalLost": "✗", "CommitmentLapsed": "✗",
          "CommitmentExpired": "✗", "CommitmentsCancelled": "✗", "CommitmentsSuspended": "‖"}


def transcript(game: Game, *, quiet_passes: bool = True) -> Group:
    """Returns the whole game as rich renderables: rounds, then the result."""
    return Group(*transcript_parts(game, quiet_passes=quiet_passes))


def transcript_parts(game: Game, *, quiet_passes: bool = True) -> Iterator[RenderableType]:
    """Yields the transcript's renderables one at a time, so each can be printed as soon as it is made."""
    yield from LogLines(game, quiet_passes=quiet_passes).lines(game.view("facilitator").log)
    yield from ending(game)


def ending(game: Game) -> Iterator[RenderableType]:
    """Yields the end of a transcript: the result's heading and tables."""
    yield Rule("Result")
    suspended = [c for c in game.view("facilitator").commitments if c.status == "suspended"]
    if suspended:
        yield Text("Suspended at the end, so not counted: " + ", ".join(
            f"#{c.id} ({terminal_safe(game.names(c.delegate))})" for c in suspended) + ".")
    yield result_tables(game)


class LogLines:
    """Turns log entries into transcript lines as they come, remembering the round they are in.

    Fed the whole log at once, or a played game's new entries after each decision (`coalition run`
    prints its transcript while the bots play): the lines are the same either way."""

    def __init__(self, game: Game, *, quiet_passes: bool = True):
        self.game = game
        self.quiet_passes = quiet_passes
        self.round = 0

    def lines(self, entries: Iterable[LogEntry]) -> Iterator[RenderableType]:
        """Yields the renderables of these entries: a rule when a round starts, one line per entry shown."""
        for entry in entries:
            if entry.kind == "RoundScored":
                yield progress_table(self.game, entry.data["progress"], entry.data["status"], entry.round)
                continue
            if entry.kind not in _STYLES or (self.quiet_passes and entry.kind == "Passed"):
                continue
            if entry.round != self.round and entry.kind != "GameEnded":
                self.round = entry.round
                yield Rule(f"Round {self.round}", style="dim")
            # a vote's odds are private to the seat, but the vote itself is public news
            private = entry.visible_to is not None and entry.kind not in ("ApprovalWon", "ApprovalLost")
            secret = " (private)" if private else ""
            line = Text(f"{_MARKS.get(entry.kind, '·')} ", style=_STYLES[entry.kind])
            line.append(terminal_safe(entry.text) + secret + _term_note(self.game, entry), style=_STYLES[entry.kind])
            yield line


def _term_note(game: Game, entry) -> str:
    """Returns " Terms: #3 to the end of round 4." for new commitments whose kind has a term."""
    if entry.kind not in ("Pledged", "TradeAgreed"):
        return ""
    terms = {k.id: k.term for k in game.scenario.commitment_kinds if k.term}
    if not terms:
        return ""
    ids = entry.data.get("commitments") or [entry.data.get("commitment")]
    commitments = game.view("facilitator").commitments
    ends = [f"#{i} to the end of round {entry.round + terms[commitments[i - 1].kind] - 1}"
            for i in ids if i and commitments[i - 1].kind in terms]
    return f" Terms: {', '.join(ends)}, unless renewed." if ends else ""


def progress_table(game: Game, progress: dict, status: dict, round_: int) -> Table:
    table = Table(title=f"Progress after round {round_}", title_justify="left", show_edge=False)
    table.add_column("Priority")
    table.add_column("Progress", justify="right")
    table.add_column("Target", justify="right")
    table.add_column("Status")
    for priority in game.scenario.priorities:
        pid = priority.id
        table.add_row(Text(one_line(priority.name)), f"{progress[pid]:g}", f"{priority.target:g}",
                      _status(status[pid]))
    return table


def _status(status: str) -> Text:
    return Text(status, style={"secured": "bold green", "partial": "yellow", "failed": "red"}[status])


def result_tables(game: Game) -> Group:
    result = game.result()
    priorities = progress_table(game, {p: v["progress"] for p, v in result["priorities"].items()},
                                {p: v["status"] for p, v in result["priorities"].items()}, result["rounds_played"])
    priorities.title = f"Outcome: {result['outcome']} ({result['end_reason']})"
    scores = Table(title="Private objectives (revealed)", title_justify="left", show_edge=False)
    scores.add_column("Delegation")
    scores.add_column("Played by")
    scores.add_column("Score", justify="right")
    scores.add_column("Objectives (✓ met, ✗ not met)")
    for delegate in game.scenario.delegates:
        data = result["delegates"][delegate.id]
        scores.add_row(Text(one_line(delegate.name)), Text(one_line(game.controller(delegate.id))),
                       str(data["score"]), objective_lines(delegate, data["objectives"]))
    return Group(priorities, Text(""), scores)


def objective_lines(delegate, met: dict[str, bool]) -> Text:
    """Returns one line per private objective: met or not, its description and its points."""
    lines = Text()
    for index, objective in enumerate(delegate.objectives):
        ok = met.get(objective.id, False)
        if index:
            lines.append("\n")
        lines.append("✓ " if ok else "✗ ", style="green" if ok else "red")
        lines.append(f"{one_line(objective.description)} ({objective.points:+d})")
    return lines if delegate.objectives else Text("—")


def transcript_text(game: Game, width: int = 110) -> str:
    """Returns the transcript as plain text (no colour), for files and golden tests."""
    buffer = StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False, legacy_windows=False)
    console.print(transcript(game))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
