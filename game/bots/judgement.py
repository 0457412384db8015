"""What bots read off a view: gaps to close, what their objectives ask of whom, offer values.

Shared by the personalities, so each personality module holds only its temperament.
"""

from collections.abc import Sequence, Set
from dataclasses import dataclass
from math import ceil
from operator import attrgetter
from typing import Any

from game.bots.listing import approval_kinds, may_act, pledge_targets, signatures, taught
from game.bots.reading import (
    advances,
    any_pending,
    contributed_to,
    gaps,
    legal_of,
    memo,
    pending_kinds,
    seat_store,
    spare_units,
    term_ends_in,
)
from game.engine import SeatView
from game.model.actions import Pledge, Renew, SeekApproval, Sign


@dataclass(frozen=True)
class Want:
    """A commitment one of the seat's objectives needs: who should give what, toward what."""

    delegate: str | None
    kind: str | None
    priority: str | None
    amount: float


@dataclass(frozen=True)
class _Parsed:
    """What one objective's conditions ask for, read once (conditions are static)."""

    wants: tuple[Want, ...]
    avoided: frozenset[tuple[str | None, str | None]]
    priorities: frozenset[str]


_PARSED: dict[int, tuple[tuple, _Parsed]] = {}
"""id(conditions) -> (the conditions, held so their id is not reused, and their parse)."""
_PARSED_MOST = 4096
"""A remote bot decodes fresh conditions on every connection: past this many, start again."""


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
    if len(_PARSED) >= _PARSED_MOST:
        _PARSED.clear()
    _PARSED[id(when)] = (when, parsed)
    return parsed


def parse_objective(when: tuple) -> _Parsed:
    """Returns what one objective's conditions ask for (wants), avoid and mention."""
    return _parse(when)


_WHEN = attrgetter("when")
_MET = attrgetter("met")
_BY_SEAT: dict[str, tuple[tuple, dict]] = {}
"""seat -> (its objectives' conditions, what was read off them): conditions are static, so
what they ask is read once per seat (and again for another table's seat of that id)."""


def seat_facts(view: SeatView) -> dict:
    """Returns the dict of what has been read off the seat's objectives' conditions (kept per
    seat while its conditions are the same); callers add entries that follow from them alone."""
    store = seat_store(view)  # a seat's conditions are the same all game
    facts = store.get("facts")
    if facts is None:
        whens = tuple(map(_WHEN, view.me.objectives))
        hit = _BY_SEAT.get(view.seat)
        if hit is None or hit[0] != whens:  # compared by identity first
            hit = _BY_SEAT[view.seat] = (whens, {})
        facts = store["facts"] = hit[1]
    return facts


def wants(view: SeatView) -> tuple[Want, ...]:
    """Returns the `contributed` conditions (not negated) of the seat's own unmet objectives."""
    m = memo(view)
    found = m.get("wants")
    if found is None:
        objectives = view.me.objectives
        key = ("wants", *map(_MET, objectives))
        facts = seat_facts(view)
        found = facts.get(key)
        if found is None:
            found = facts[key] = tuple(w for o in objectives if not o.met for w in _parse(o.when).wants)
        m["wants"] = found
    return found


def names_others(view: SeatView) -> bool:
    """Returns whether any of the seat's objectives wants another delegation's contribution: if
    none does, what it asks of others is nothing, met or not (so `met` need not be read)."""
    facts = seat_facts(view)
    found = facts.get("names others")
    if found is None:
        seat = view.seat
        found = facts["names others"] = any(w.delegate and w.delegate != seat
                                            for o in view.me.objectives for w in _parse(o.when).wants)
    return found


def avoided(view: SeatView) -> frozenset[tuple[str | None, str | None]]:
    """Returns (delegate, kind) pairs the seat's objectives want NOT committed."""
    facts = seat_facts(view)
    found = facts.get("avoided")
    if found is None:
        found = facts["avoided"] = frozenset(pair for o in view.me.objectives for pair in _parse(o.when).avoided)
    return found


def objective_priorities(view: SeatView) -> frozenset[str]:
    """Returns the priorities the seat's objectives mention."""
    facts = seat_facts(view)
    found = facts.get("mentioned")
    if found is None:
        found = facts["mentioned"] = frozenset(pid for o in view.me.objectives for pid in _parse(o.when).priorities)
    return found


def free(view: SeatView, seat: str, kind: str) -> int:
    return view.public.delegates[seat].free.get(kind, 0)


def best_pledge(view: SeatView, legal: Sequence[Any], *, cap: int | None = None,
                priorities: Set[str] | None = None, avoid: Set | None = None,
                approval_ok: bool = True, min_odds: float = 0.0, else_cap: int | None = None) -> Pledge | None:
    """Returns the pledge that closes the most of an open gap, sized to the gap (and `cap`);
    vote-bound kinds only if `approval_ok` and their odds are at least `min_odds`; the first
    listed of the best score. It weighs each (kind, priority) with room that the seat may pledge
    its spare units to now (the engine lists a pledge of it: see `pledge_targets`). With
    `priorities` and `else_cap`, if none of those priorities has a pledge, the one the same call
    without `priorities` and with `else_cap` for `cap` returns (found in the same pass)."""
    spare = spare_units(view)
    if not spare or not may_act(view, legal):
        return None  # nothing listed: no spare units, or the seat may not act now
    d = view.public.delegates[view.seat]
    blocked, authority = d.blocked, d.binding_authority
    table = _pledge_kinds(view, legal, avoid, approval_ok)
    room_of = gaps(view)
    odds = None  # read only if a vote-bound kind has a priority with room
    best, best_score, best_amount = None, 0.0, 0
    wide = else_cap is not None and priorities is not None  # (with no priorities, one best is both)
    other, other_score, other_amount = None, 0.0, 0  # toward any priority, sized with else_cap
    for kind, units in spare.items():
        entry = table.get(kind)
        if entry is None:
            if kind in table:
                continue  # avoided, or vote-bound while votes are not ok
            entry = _pledge_kind(view, legal, table, kind, avoid, approval_ok)
            if entry is None:
                continue
        if kind in blocked or (entry[0] and not authority):
            continue  # never listed (see cannot_give)
        pairs = entry[2]
        if pairs is None:
            pairs = _learn_pairs(view, legal, table, kind)
        chance = 1.0 if not entry[1] else None  # a vote-bound kind's odds: read once a priority has room
        for pid, value, listed in pairs:
            room = room_of[pid]
            if room <= 0:
                continue
            if chance is None:
                if odds is None:
                    odds = view.private[view.seat].approval_odds
                chance = odds[kind]
                if chance < min_odds:
                    break
            if value <= 0:
                continue  # no unit of a kind that adds nothing has a score
            need = ceil(room / value)  # the units the gap needs, at least one and at most those it has
            needed = units if units < need else (need if need > 1 else 1)
            if wide:
                amount = else_cap if else_cap < needed else needed
                worth = amount * value
                score = (room if worth > room else worth) * chance  # min(worth, room) * chance
                if score > 0 and (score > other_score or (score == other_score and listed[0] < other[0])):
                    other, other_score, other_amount = listed, score, amount
            if priorities is not None and pid not in priorities:
                continue
            amount = cap if cap is not None and cap < needed else needed
            worth = amount * value
            score = (room if worth > room else worth) * chance  # min(worth, room) * chance
            if score > 0 and (score > best_score or (score == best_score and listed[0] < best[0])):
                best, best_score, best_amount = listed, score, amount
    if best is None:
        if other is None:
            return None
        best, best_amount = other, other_amount
    _, first, by_amount = best
    if best_amount == first.amount:
        return first  # a listed pledge itself: the engine knows it well formed
    return by_amount.get(best_amount) or Pledge(view.seat, first.kind_id, best_amount, first.priority)


def _pledge_kinds(view: SeatView, legal: Sequence[Any], avoid: Set | None, approval_ok: bool) -> dict:
    """Returns the seat's table for `best_pledge`: kind -> (needs binding authority,
    vote-bound, its (priority, progress per unit, listed) pairs in the order of the contribution
    table, or None until learned), or None for a kind it never pledges so. Kept for the scenario
    table and contribution table (a throwaway for a plain list of legal actions, which teaches
    afresh each time). Only while the seat may act."""
    if not hasattr(legal, "of"):
        return {}
    store = seat_store(view)
    key = ("pledge kinds", avoid, approval_ok)
    table = store.get(key)
    if table is None:  # the same for every game at the scenario table with this contribution table
        tables = store.get("pledge tables")
        if tables is None:
            contribution = tuple(view.public.contribution.items())
            tables = store["pledge tables"] = taught(view, legal).setdefault(("pledge kinds", contribution), {})
        table = store[key] = tables.setdefault((avoid, approval_ok), {})
    return table


def _pledge_kind(view: SeatView, legal: Sequence[Any], table: dict, kind: str, avoid: Set | None,
                 approval_ok: bool) -> tuple | None:
    """Enters what the static tables say of pledging `kind` (see `_pledge_kinds`)."""
    seat = view.seat
    vote_bound = kind in approval_kinds(view, legal)
    if (avoid and ((seat, kind) in avoid or (None, kind) in avoid)) or (vote_bound and not approval_ok):
        entry = None
    else:
        entry = (view.public.kinds[kind].needs_binding_authority, vote_bound, None)
    table[kind] = entry
    return entry


def _learn_pairs(view: SeatView, legal: Sequence[Any], table: dict, kind: str) -> tuple:
    """Enters the priorities the rules let the seat pledge `kind` to (the seat has spare units of
    it and may give it now, so the engine's listing names them all): see `pledge_targets`."""
    targets = pledge_targets(view, legal, (kind,))
    pairs = tuple((pid, value, targets[(kind, pid)]) for pid, value in advances(view).get(kind, ())
                  if (kind, pid) in targets)
    needs_authority, vote_bound, _ = table[kind]
    table[kind] = (needs_authority, vote_bound, pairs)
    return pairs


def renewal(view: SeatView, legal: Sequence[Any]) -> Renew | None:
    """Returns a renewal of the seat's commitment whose term ends this round, if it still
    matters: its priority would fall short without it, or an objective of the seat names it."""
    now = view.round
    if not term_ends_in(view.mine, now):
        return None
    for c in view.mine:
        if c.term_ends != now or c.status not in ("active", "pending", "suspended"):
            continue
        p = view.public.priorities[c.priority]
        worth = c.amount * view.public.contribution.get((c.kind, c.priority), 0.0)
        if p.progress - worth < p.target or c.priority in objective_priorities(view):
            action = Renew(view.seat, c.id)
            if action in legal:
                return action
    return None


def approval_to_seek(view: SeatView, legal: Sequence[Any], min_odds: float = 0.0) -> SeekApproval | None:
    """Returns a vote worth calling: a kind with pending commitments and fair odds."""
    if not any_pending(view.mine):
        return None
    pending = pending_kinds(view.mine)
    mandates = view.public.delegates[view.seat].mandates
    me = view.private[view.seat]
    scheduled = me.votes_scheduled
    open_kinds = [kind for kind in pending if kind not in mandates and kind not in scheduled]
    if not open_kinds:
        return None  # the engine lists no request for a kind with a mandate or a vote scheduled
    odds = me.approval_odds
    if all(odds.get(kind, 0) < min_odds for kind in open_kinds):
        return None  # no request it could list would have fair odds: it is not listed
    requests = [a for a in legal_of(legal, "seek_approval") if a.kind_id in pending]
    votes = [a for a in requests if odds.get(a.kind_id, 0) >= min_odds]
    return max(votes, key=lambda a: odds.get(a.kind_id, 0), default=None)  # the best odds first


_RANKS = {"failed": 0, "partial": 1, "secured": 2}


def sign_choice(view: SeatView, legal: Sequence[Any], *, full_when_contributing: bool,
                threshold: str = "partial") -> Sign | None:
    """Returns a signature to give on a priority at or above `threshold` (or one the seat
    contributes to): fully where it contributes and `full_when_contributing`, else with reservations."""
    signs = signatures(view, legal)  # by priority the rules let the seat sign at all
    if not signs:
        return None  # nothing is listed now
    signed = view.public.delegates[view.seat].signed
    if full_when_contributing:
        todo = signs.items()
    else:  # only where it has not signed: a reserved signature has nothing to upgrade to
        todo = [(pid, both) for pid, both in signs.items() if pid not in signed and both is not None]
        if not todo:
            return None
    contributed = None  # read once it decides something
    ranks = _RANKS
    floor = ranks[threshold]
    priorities = view.public.priorities
    room_of = None
    best, best_key = None, None
    for pid, both in todo:
        if both is None:
            continue
        done = signed.get(pid)
        if done is False:
            continue  # signed cleanly: nothing is listed
        if full_when_contributing:
            if contributed is None:
                contributed = contributed_to(view.mine)
            want_full = pid in contributed
            if done and not want_full:
                continue  # already reserved; nothing to upgrade to
        else:
            want_full = False
        rank = ranks[priorities[pid].status]
        if rank < floor:
            if contributed is None:
                contributed = contributed_to(view.mine)
            if pid not in contributed:
                continue
        if room_of is None:
            room_of = gaps(view)
        # the priority closest to done first: a signature counts most where it can secure it
        key = (-rank, room_of[pid], pid)
        if best_key is None or key < best_key:
            best, best_key = both[not want_full], key  # with reservations unless signing fully
    return best


def my_items(offer: Any, seat: str) -> list[Any]:
    return [item for item in offer.items if item.giver == seat]


def offer_value(view: SeatView, offer: Any) -> float:
    """Returns how much the offer advances open priorities, per unit the seat gives."""
    gain = 0.0
    contribution = view.public.contribution
    room_of = gaps(view)
    seat = view.seat
    cost = 0
    for item in offer.items:
        value = contribution.get((item.kind_id, item.priority), 0) * item.amount
        room = room_of[item.priority]
        gain += room if room < value else value  # min(value, room): nothing for a priority already at target
        if item.giver == seat:
            cost += item.amount
    return gain / max(1, cost)
