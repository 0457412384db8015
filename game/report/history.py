"""A game's history, round by round, read from its log (and, where the log is silent, a replay).

`RoundScored` entries carry progress, status and tracks after each round; round 0 is the
start. When a conditional commitment's condition came to hold is not logged, so
`conditional_flips` replays the game's actions through the engine's facade to see.
"""

from dataclasses import dataclass

from game.engine import Game


@dataclass(frozen=True, slots=True)
class RoundPoint:
    round: int
    progress: dict[str, float]
    status: dict[str, str]
    tracks: dict[str, float]


def round_points(game: Game) -> list[RoundPoint]:
    """Returns the state after each scored round, preceded by the start (round 0)."""
    t = game.catalog
    start = RoundPoint(0, {p: 0.0 for p in t.priority_order}, {p: "failed" for p in t.priority_order},
                       {tr.id: tr.start for tr in t.scenario.tracks})
    points = [start]
    for entry in game.view("facilitator").log:
        if entry.kind == "RoundScored":
            points.append(RoundPoint(entry.round, dict(entry.data["progress"]), dict(entry.data["status"]),
                                     dict(entry.data["tracks"])))
    return points


@dataclass(frozen=True, slots=True)
class Flip:
    """A conditional commitment becoming effective (its condition now holds) or ceasing to be."""

    commitment: int
    effective: bool
    round: int
    cause: str
    """The log line of the step that flipped it (the action, or what it set off)."""
    made: bool = False
    """It was made in that step (its condition already held, or never did)."""


# The entries that can flip a condition, most likely first.
_CAUSES = ("TradeAgreed", "Pledged", "ApprovalWon", "ApprovalLost", "PledgeWithdrawn", "Signed",
           "EventDrawn", "EventInjected", "TrackAdjusted", "CommitmentLapsed")
_WORLD = ("EventDrawn", "EventInjected", "TrackAdjusted")
"""Entries that move flags and tracks, the likeliest causes when a condition names no delegation."""


def conditional_flips(game: Game) -> list[Flip]:
    """Returns every time a conditional commitment became effective or stopped being so."""
    conditions = {c.id: c.when for c in game.view("public").commitments if c.when is not None}
    if not conditions:
        return []
    flips: list[Flip] = []
    known: dict[int, bool] = {}
    for applied, replay in game.replay():
        now = {c.id: c.effective for c in replay.view("public").commitments if c.id in conditions}
        for cid, effective in now.items():
            if known.get(cid, False) != effective:
                cause = _cause(applied.entries, conditions[cid])
                flips.append(Flip(cid, effective, cause.round, cause.text, cid not in known))
        known = now
    return flips


def _cause(entries, condition):
    """Returns the entry that most likely flipped the condition: one about a delegation (and kind)
    it names, else an event or adjustment if it names none, else the likeliest kind of entry."""
    named = named_parties(condition)
    candidates = [e for kind in _CAUSES for e in entries if e.kind == kind]
    if named:
        ranked = sorted(candidates, key=lambda e: -_relevance(e, named))  # stable: keeps _CAUSES order
        candidates = ranked if ranked and _relevance(ranked[0], named) else candidates
    else:
        candidates = [e for e in candidates if e.kind in _WORLD] or candidates
    return candidates[0] if candidates else entries[0]


def _relevance(entry, named: set[tuple[str, str | None]]) -> int:
    """2 if the entry is about a named delegation and kind, 1 if about the delegation, else 0."""
    data = entry.data
    who = {entry.actor, data.get("delegate"), *data.get("parties", ())}
    kind = data.get("kind_id")
    best = 0
    for delegate, wanted in named:
        if delegate in who:
            best = max(best, 2 if wanted is None or wanted == kind else 1)
    if entry.kind == "Pledged" and data.get("status") == "pending":
        best = min(best, 1)  # a pledge waiting for its vote counts for nothing yet
    return best


def named_parties(condition) -> set[tuple[str, str | None]]:
    """Returns the (delegation, kind or None) pairs a condition mentions, through all/any/not."""
    if condition.test in ("all", "any"):
        return set().union(*(named_parties(c) for c in condition.of))
    if condition.test == "not":
        return named_parties(condition.of)
    delegate = getattr(condition, "delegate", None)
    return {(delegate, getattr(condition, "kind", None))} if delegate else set()


def round_changes(points: list[RoundPoint]) -> dict[int, dict[str, float]]:
    """Returns each round's change of progress per priority against the round before."""
    changes = {}
    for before, after in zip(points, points[1:], strict=False):
        changes[after.round] = {p: after.progress[p] - before.progress.get(p, 0.0) for p in after.progress}
    return changes
