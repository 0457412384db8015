"""How much each event card drawn in a game changed the table: what it did, the tracks it moved,
and how progress moved in its round.

A card's own effects (track moves, messages) are logged with the card's id as actor,
right after it. Progress is only scored per round, and players move it far more than
cards do, so the round's progress change is reported beside the card, never credited to it.
"""

from dataclasses import dataclass

from game.engine import CARD_ENTRIES, Game, effect_parts
from game.report.history import RoundPoint, round_changes


@dataclass(frozen=True, slots=True)
class EventImpact:
    event: str
    title: str
    round: int
    injected: bool
    effects: tuple[str, ...]
    tracks: tuple[tuple[str, float, float], ...]
    """(track name, before, after) for every track the card moved."""
    track_change: float
    """Track movement, as a percentage of each track's range, summed."""
    progress: tuple[tuple[str, float], ...]
    """(priority short name, change) for every priority that moved in the card's round."""
    progress_change: float
    """The round's progress change, as a percentage of each target, summed."""
    statuses: tuple[str, ...]
    """Status changes in the card's round, e.g. "Force: partial → secured"."""
    shared: bool
    """Other cards were drawn in the same round."""


def event_impacts(game: Game, points: list[RoundPoint]) -> list[EventImpact]:
    """Returns each card drawn or injected, in the order they came."""
    t = game.catalog
    log = game.view("facilitator").log
    changes = round_changes(points)
    by_round = {p.round: p for p in points}
    names = {tr.id: tr.name for tr in t.scenario.tracks}
    ranges = {tr.id: (tr.max - tr.min) or 1 for tr in t.scenario.tracks}
    per_round: dict[int, int] = {}
    for entry in log:
        if entry.kind in CARD_ENTRIES:
            per_round[entry.round] = per_round.get(entry.round, 0) + 1
    impacts = []
    for index, entry in enumerate(log):
        if entry.kind not in CARD_ENTRIES:
            continue
        eid = entry.data["event"]
        moves = list(_track_moves(log, index, eid))
        deltas = {p: d for p, d in changes.get(entry.round, {}).items() if d}
        impacts.append(EventImpact(
            eid, entry.data.get("title", eid), entry.round, entry.kind == "EventInjected",
            tuple(describe_effects(game, eid)),
            tuple((names.get(tid, tid), before, after) for tid, before, after in moves),
            round(100 * sum(abs(a - b) / ranges.get(tid, 10) for tid, b, a in moves), 1),
            tuple((t.priorities[p].short or t.priorities[p].name, d) for p, d in deltas.items()),
            round(100 * sum(abs(d) / t.priorities[p].target for p, d in deltas.items()), 1),
            tuple(_status_changes(game, by_round.get(entry.round - 1), by_round.get(entry.round))),
            per_round[entry.round] > 1))
    return impacts


def _track_moves(log, index: int, eid: str):
    for entry in log[index + 1:]:
        if entry.actor != eid:
            break
        if entry.kind == "TrackMoved":
            yield entry.data["track"], entry.data["before"], entry.data["after"]


def _status_changes(game: Game, before: RoundPoint | None, after: RoundPoint | None):
    if before is None or after is None:
        return
    for pid, priority in game.catalog.priorities.items():
        if before.status.get(pid) != after.status.get(pid):
            yield f"{priority.short or priority.name}: {before.status.get(pid)} → {after.status.get(pid)}"


def describe_effects(game: Game, event_id: str) -> list[str]:
    """Returns the card's effects in plain words, one delegation list per identical effect
    ("France, Germany: cannot commit ground troops for 2 rounds"); messages are left to the timeline."""
    grouped: dict[str, list[str]] = {}
    for effect in game.catalog.events[event_id].effects:
        if effect.op == "message":
            continue
        who, what = effect_parts(effect, game.names)
        grouped.setdefault(what, [])
        if who:
            grouped[what].append(who)
    return [f"{', '.join(who)}: {what}" if who else what for what, who in grouped.items()]
