"""What bots read off a view: gaps to close, what their objectives ask of whom, offer values.

Shared by the personalities, so each personality module holds only its temperament.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil
from typing import Any

from game.engine import SeatView
from game.model.actions import Pledge, Renew, SeekApproval, Sign


@dataclass(frozen=True)
class Want:
    """A commitment one of the seat's objectives needs: who should give what, toward what."""

    delegate: str | None
    kind: str | None
    priority: str | None
    amount: float


def gap(view: SeatView, pid: str) -> float:
    p = view.priorities[pid]
    return max(0.0, p.target - p.progress)


def open_priorities(view: SeatView) -> list[str]:
    """Returns the priorities short of their target, biggest gap first."""
    return sorted((pid for pid in view.priorities if gap(view, pid) > 0), key=lambda pid: -gap(view, pid))


@dataclass(frozen=True)
class _Parsed:
    """What one objective's conditions ask for, read once (conditions are static)."""

    wants: tuple[Want, ...]
    avoided: frozenset[tuple[str | None, str | None]]
    priorities: frozenset[str]


_PARSED: dict[int, tuple[tuple, _Parsed]] = {}


def _parse(when: tuple) -> _Parsed:
    """Returns the objective's parse, cached by its (immutable, long-lived) condition tuple."""
    hit = _PARSED.get(id(when))
    if hit is not None and hit[0] is when:
        return hit[1]
    found: list[Want] = []
    avoid: set[tuple[str | None, str | None]] = set()
    priorities: set[str] = set()

    def walk(condition: Any, negated: bool) -> None:
        fields = type(condition).model_fields
        if "priority" in fields and condition.priority:
            priorities.add(condition.priority)
        if condition.test == "contributed":
            if negated:
                avoid.add((condition.delegate, condition.kind))
            else:
                found.append(Want(condition.delegate, condition.kind, condition.priority, condition.min))
        elif condition.test in ("all", "any"):
            for part in condition.of:
                walk(part, negated)
        elif condition.test == "not":
            walk(condition.of, not negated)

    for condition in when:
        walk(condition, False)
    parsed = _Parsed(tuple(found), frozenset(avoid), frozenset(priorities))
    _PARSED[id(when)] = (when, parsed)
    return parsed


def parse_objective(when: tuple) -> _Parsed:
    """Returns what one objective's conditions ask for (wants), avoid and mention."""
    return _parse(when)


def wants(view: SeatView) -> list[Want]:
    """Returns the `contributed` conditions (not negated) of the seat's own unmet objectives."""
    return [w for o in view.me.objectives if not o.met for w in _parse(o.when).wants]


def avoided(view: SeatView) -> set[tuple[str | None, str | None]]:
    """Returns (delegate, kind) pairs the seat's objectives want NOT committed."""
    return {pair for o in view.me.objectives for pair in _parse(o.when).avoided}


def objective_priorities(view: SeatView) -> set[str]:
    """Returns the priorities the seat's objectives mention."""
    return {pid for o in view.me.objectives for pid in _parse(o.when).priorities}


def units_needed(view: SeatView, kind: str, pid: str) -> int:
    value = view.contribution.get((kind, pid), 0)
    return max(1, ceil(gap(view, pid) / value)) if value > 0 else 0


def free(view: SeatView, seat: str, kind: str) -> int:
    return view.delegates[seat].free.get(kind, 0)


def promised(view: SeatView) -> dict[str, int]:
    """Returns the units the seat already offers in its own open offers, by kind: a bot does
    not pledge them elsewhere, so its offers stay good until answered."""
    held: dict[str, int] = {}
    for offer in view.offers:
        if offer.status == "open" and offer.proposer == view.seat:
            for item in offer.items:
                if item.giver == view.seat:
                    held[item.kind_id] = held.get(item.kind_id, 0) + item.amount
    return held


def best_pledge(view: SeatView, legal: Sequence[Any], *, cap: int | None = None,
                priorities: set[str] | None = None, avoid: set | None = None,
                approval_ok: bool = True, min_odds: float = 0.0) -> Pledge | None:
    """Returns the pledge that closes the most of an open gap, sized to the gap (and `cap`);
    vote-bound kinds only if `approval_ok` and their odds are at least `min_odds`."""
    best, best_score = None, 0.0
    gaps = {pid: gap(view, pid) for pid in view.priorities}
    odds = view.me.approval_odds
    held = promised(view)
    for action in legal:
        if not isinstance(action, Pledge) or gaps[action.priority] <= 0:
            continue
        if priorities is not None and action.priority not in priorities:
            continue
        if avoid and ((view.seat, action.kind_id) in avoid or (None, action.kind_id) in avoid):
            continue
        if action.kind_id in odds and (not approval_ok or odds[action.kind_id] < min_odds):
            continue
        value = view.contribution.get((action.kind_id, action.priority), 0)
        spare = free(view, view.seat, action.kind_id) - held.get(action.kind_id, 0)
        if spare <= 0:
            continue
        amount = min(spare, units_needed(view, action.kind_id, action.priority))
        if cap is not None:
            amount = min(amount, cap)
        score = min(amount * value, gaps[action.priority]) * odds.get(action.kind_id, 1.0)
        if score > best_score:
            best, best_score = Pledge(view.seat, action.kind_id, amount, action.priority), score
    return best


def renewal(view: SeatView, legal: Sequence[Any]) -> Renew | None:
    """Returns a renewal of the seat's commitment whose term ends this round, if it still
    matters: its priority would fall short without it, or an objective of the seat names it."""
    for c in view.mine:
        if c.term_ends != view.round or c.status not in ("active", "pending", "suspended"):
            continue
        p = view.priorities[c.priority]
        worth = c.amount * view.contribution.get((c.kind, c.priority), 0.0)
        if p.progress - worth < p.target or c.priority in objective_priorities(view):
            action = Renew(view.seat, c.id)
            if action in legal:
                return action
    return None


def approval_to_seek(view: SeatView, legal: Sequence[Any], min_odds: float = 0.0) -> SeekApproval | None:
    """Returns a vote worth calling: a kind with pending commitments and fair odds."""
    pending = {c.kind for c in view.mine if c.status == "pending"}
    odds = view.me.approval_odds
    votes = [a for a in legal if isinstance(a, SeekApproval) and a.kind_id in pending
             and odds.get(a.kind_id, 0) >= min_odds]
    return max(votes, key=lambda a: odds.get(a.kind_id, 0), default=None)  # the best odds first


def sign_choice(view: SeatView, legal: Sequence[Any], *, full_when_contributing: bool,
                threshold: str = "partial") -> Sign | None:
    """Returns a signature to give on a priority at or above `threshold` (or one the seat
    contributes to): fully where it contributes and `full_when_contributing`, else with reservations."""
    contributed = {c.priority for c in view.mine if c.effective}
    ranks = {"failed": 0, "partial": 1, "secured": 2}
    signed = view.delegates[view.seat].signed
    signs = [a for a in legal if isinstance(a, Sign)]
    # the priority closest to done first: a signature counts most where it can secure it
    signs.sort(key=lambda a: (-ranks[view.priorities[a.priority].status], gap(view, a.priority), a.priority))
    for action in signs:
        if not isinstance(action, Sign):
            continue
        pid = action.priority
        want_full = full_when_contributing and pid in contributed
        if signed.get(pid) is True and not want_full:
            continue  # already reserved; nothing to upgrade to
        if ranks[view.priorities[pid].status] < ranks[threshold] and pid not in contributed:
            continue
        if action.reservations != want_full:
            return action
    return None


def my_items(offer: Any, seat: str) -> list[Any]:
    return [item for item in offer.items if item.giver == seat]


def offer_value(view: SeatView, offer: Any) -> float:
    """Returns how much the offer advances open priorities, per unit the seat gives."""
    gain = 0.0
    for item in offer.items:
        value = view.contribution.get((item.kind_id, item.priority), 0) * item.amount
        gain += min(value, gap(view, item.priority))  # nothing for a priority already at target
    cost = sum(item.amount for item in my_items(offer, view.seat))
    return gain / max(1, cost)
