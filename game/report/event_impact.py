"""How much each event card drawn in a game changed the table: what it did, the tracks it moved,
and how progress moved in its round.

A card's own effects (track moves, messages) are logged with the card's id as actor,
right after it. Progress is only scored per round, and players move it far more than
cards do, so the round's progress change is reported beside the card, never credited to it.
"""

from dataclasses import dataclass

from game.engine import Game
from game.report.history import RoundPoint, round_changes

EVENT_KINDS = ("EventDrawn", "EventInjected")


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
        if entry.kind in EVENT_KINDS:
            per_round[entry.round] = per_round.get(entry.round, 0) + 1
    impacts = []
    for index, entry in enumerate(log):
        if entry.kind not in EVENT_KINDS:
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
    ("France, Germany: odds of approval for ground troops -10 points"); messages are left to the timeline."""
    grouped: dict[str, list[str]] = {}
    for effect in game.catalog.events[event_id].effects:
        described = _EFFECT_TEXT[effect.op](game, effect)
        if described:
            who, what = described
            grouped.setdefault(what, [])
            if who:
                grouped[what].append(who)
    return [f"{', '.join(who)}: {what}" if who else what for what, who in grouped.items()]


def _d(game: Game, seat: str) -> str:
    return game.catalog.delegates[seat].name if seat in game.catalog.delegates else seat


def _k(game: Game, kind: str) -> str:
    return game.catalog.kinds[kind].name.lower() if kind in game.catalog.kinds else kind


def _for(effect) -> str:
    rounds = getattr(effect, "rounds", None)
    return f" for {rounds} round{'s' if rounds != 1 else ''}" if rounds else ""


def _track(game, e):
    names = {tr.id: tr.name for tr in game.scenario.tracks}
    return "", f"{names.get(e.track, e.track)} {e.by:+g}"


def _flag(game, e):
    names = {f.id: f.name for f in game.scenario.flags}
    return "", f"{'sets' if e.value else 'clears'} “{names.get(e.flag, e.flag)}”"


def _representative(game, e):
    authority = ", without binding authority" if e.binding_authority is False else ""
    return _d(game, e.delegate), f"represented by {e.name} ({e.title}){authority}{_for(e)}"


def _contribution(game, e):
    priority = game.catalog.priorities.get(e.priority)
    return "", f"each unit of {_k(game, e.kind)} counts {e.by:+g} toward {priority.name if priority else e.priority}{_for(e)}"


_EFFECT_TEXT = {
    "adjust_track": _track,
    "set_flag": _flag,
    "adjust_capacity": lambda g, e: (_d(g, e.delegate), f"{_k(g, e.kind)} capacity {e.by:+d}{_for(e)}"),
    "adjust_capital": lambda g, e: (_d(g, e.delegate), f"political capital {e.by:+d}"),
    "block_kind": lambda g, e: (_d(g, e.delegate), f"cannot commit {_k(g, e.kind)}{_for(e)}"),
    "unblock_kind": lambda g, e: (_d(g, e.delegate), f"can commit {_k(g, e.kind)} again"),
    "replace_representative": _representative,
    "adjust_approval": lambda g, e: (_d(g, e.delegate),
                                     f"odds of approval for {_k(g, e.kind)} {e.by * 100:+.0f} points{_for(e)}"),
    "adjust_contribution": _contribution,
    "adjust_actions": lambda g, e: (_d(g, e.delegate), f"{e.by:+d} action(s) per turn{_for(e)}"),
    "cancel_offers": lambda g, e: (_d(g, e.delegate), "open offers cancelled"),
    "revoke_approval": lambda g, e: (_d(g, e.delegate), f"loses its mandate for {_k(g, e.kind)}"),
    "message": lambda g, e: None,
}
