"""The timeline, round by round: the opened archive of everything that happened, private offers too.

Each round opens with the command that forks the game there (the debrief's "what if"), its
event cards and their narrative, then a one-line count, then the entries in order. Passes
and bookkeeping are left out; a round's signatures are gathered into one line so the page
stays readable when projected.
"""

from collections import Counter
from dataclasses import dataclass

from game.engine import CARD_ENTRIES, ENTRY_KINDS, Game
from game.report.document import Entries, Entry, Para, Section, Strong, Sub, run
from game.report.history import RoundPoint


@dataclass(frozen=True, slots=True)
class Style:
    label: str
    tone: str


_TONES = {"event": "event", "good": "good", "bad": "bad", "signal": "neutral", "neutral": "neutral",
          "facilitator": "facilitator", "minor": "minor"}
"""The page's tone of each tone the engine declares."""
# Entry kind -> how it is shown; kinds the engine keeps out of summaries are left out.
STYLES = {kind: Style(declared.label, _TONES[declared.tone])
          for kind, declared in ENTRY_KINDS.items() if declared.summary}

# What the round's one-line count mentions, in this order.
_COUNTED = (("Pledged", "pledge", "pledges"), ("TradeProposed", "offer", "offers"),
            ("TradeAgreed", "deal", "deals"), ("OfferRejected", "rejection", "rejections"),
            ("TradeFailed", "failed deal", "failed deals"), ("PledgeWithdrawn", "withdrawal", "withdrawals"),
            ("ApprovalWon", "vote won", "votes won"), ("ApprovalLost", "vote lost", "votes lost"),
            ("Signed", "signature", "signatures"))


def rounds_of(game: Game) -> dict[int, list]:
    """Returns the shown log entries grouped by round."""
    rounds: dict[int, list] = {}
    for entry in game.view("facilitator").log:
        if entry.kind in STYLES:
            rounds.setdefault(entry.round, []).append(entry)
    return rounds


def round_starts(game: Game) -> dict[int, int]:
    """Returns, per round, the step (actions taken) at which it began: where a fork starts it."""
    starts = {game.fork(0).round: 0}
    for step, (_, walking) in enumerate(game.replay(), 1):
        starts.setdefault(walking.round, step)
    return starts


def fork_command(record: str, step: int, round_: int) -> str:
    """Returns the command that starts a new game from this step of the record."""
    return f"coalition fork {record} --at {step} --out round-{round_}.yaml"


def timeline_section(game: Game, points: list[RoundPoint], record: str = "RECORD") -> Section:
    """Returns the timeline section: one group per round, each headed by the command that forks there
    (`record` names the game's file; the review of an unsaved game says RECORD)."""
    by_round = {p.round: p for p in points}
    starts = round_starts(game)
    groups = []
    for round_, entries in sorted(rounds_of(game).items()):
        before = by_round.get(round_ - 1)
        after = by_round.get(round_)
        blocks = _round_blocks(game, entries, before, after)
        if round_ in starts:
            blocks.insert(0, Para(run(f"What if? Fork at step {starts[round_]} and play on from the start of "
                                      f"round {round_}: ", Strong(fork_command(record, starts[round_], round_))),
                                  "note"))
        groups.append(Sub(f"Round {round_}", tuple(blocks)))
    return Section("timeline", "Timeline, round by round", tuple(groups),
                   intro="The whole archive, opened: every offer, private ones included, in the order it happened. "
                         "“Private” marks what only some delegations saw at the time. Each round starts with the "
                         "command that forks the game there: add --seed N for new luck from then on, then "
                         "`coalition play --record round-N.yaml` to play on.")


def _round_blocks(game: Game, entries: list, before: RoundPoint | None, after: RoundPoint | None) -> list:
    events = [e for e in entries if e.kind in CARD_ENTRIES]
    rest = [e for e in entries if e.kind not in CARD_ENTRIES]
    blocks: list = []
    if events:
        blocks.append(Entries(tuple(_entry(game, e) for e in events)))
    summary = _summary(game, entries, before, after)
    if summary:
        blocks.append(Para(run(summary), "note"))
    lines = _lines(game, rest)
    if lines:
        blocks.append(Entries(tuple(lines)))
    return blocks


def _summary(game: Game, entries: list, before: RoundPoint | None, after: RoundPoint | None) -> str:
    counts = Counter(e.kind for e in entries)
    parts = [f"{counts[k]} {one if counts[k] == 1 else many}" for k, one, many in _COUNTED if counts[k]]
    text = ", ".join(parts).capitalize() + "." if parts else ""
    if before is not None and after is not None:
        moves = []
        for pid, priority in game.catalog.priorities.items():
            start, end = before.progress.get(pid, 0.0), after.progress.get(pid, 0.0)
            if start != end or before.status.get(pid) != after.status.get(pid):
                moves.append(f"{priority.short or priority.name} {start:g} → {end:g} of {priority.target:g}"
                             + (f" ({after.status[pid]})" if before.status.get(pid) != after.status[pid] else ""))
        if moves:
            text += " Progress: " + "; ".join(moves) + "."
    return text.strip()


def _lines(game: Game, entries: list) -> list[Entry]:
    """Returns the round's entries in order, with its signatures gathered into one line."""
    lines: list[Entry] = []
    signatures = [e for e in entries if e.kind == "Signed"]
    for entry in entries:
        if entry.kind == "Signed":
            if entry is signatures[0]:
                lines.append(_signatures(game, signatures))
            continue
        lines.append(_entry(game, entry))
    return lines


def _entry(game: Game, entry) -> Entry:
    style = STYLES[entry.kind]
    note = ""
    if entry.visible_to is not None:
        note = "private to " + ", ".join(_name(game, s) for s in entry.visible_to)
    if entry.actor == "facilitator" and style.tone != "facilitator":
        style = Style(style.label, "facilitator")
    return Entry(style.label, entry.text, style.tone, note)


def _signatures(game: Game, entries: list) -> Entry:
    by_seat: dict[str, list[str]] = {}
    for entry in entries:
        priority = game.catalog.priorities[entry.data["priority"]]
        mark = " (with reservations)" if entry.data.get("reservations") else ""
        by_seat.setdefault(entry.actor, []).append(f"{priority.short or priority.name}{mark}")
    text = "; ".join(f"{_name(game, seat)}: {', '.join(items)}" for seat, items in by_seat.items())
    return Entry("Signatures", text + ".", "neutral")


def _name(game: Game, seat: str) -> str:
    return game.display_name(seat)
