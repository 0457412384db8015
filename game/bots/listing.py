"""The signatures and pledges the engine lists for a seat, without listing them each decision.

Which priorities a seat may sign, and to which priorities each kind may be pledged, are fixed
by the scenario's static rules (red lines, signers, contributors) and the contribution table;
so they are learned from the engine's own listing once a scenario table, and combined with what
the view shows each time (the seat's signatures, its free units, blocks and authority). The
actions kept are the engine's listed ones, so it need not check their form again.
"""

from collections.abc import Sequence, Set
from typing import Any

from game.bots.reading import cannot_give, legal_of, memo, seat_store
from game.engine import SeatView
from game.model.actions import Pledge, Sign


def may_act(view: SeatView, legal: Sequence[Any]) -> bool:
    """Returns whether the engine lists anything for the seat now (nothing while it may not act):
    read off the view when it is the seat's turn with actions left, else off the listing."""
    if view.turn_seat == view.seat and view.actions_left > 0 and not view.paused:
        return True  # turn_seat is None once the game is over, and outside negotiation
    m = memo(view)
    found = m.get("may act")
    if found is None:
        found = m["may act"] = bool(legal_of(legal, "pass"))
    return found


_TABLES: dict[str, dict[int, tuple[Any, dict]]] = {}
"""seat -> {id of the Pass the engine lists for it (its own action, one per scenario table and
seat): (that Pass, what the seat's listings taught at that table)}, for the last few tables."""


def taught(view: SeatView, legal: Sequence[Any]) -> dict:
    """Returns what the seat's listings taught at the view's table (a throwaway dict for a remote
    bot's plain list, read afresh each time): what static rules fix holds for every game at that
    table, and the actions kept are the table's own. Only while the seat may act."""
    if not hasattr(legal, "of"):
        return {}
    store = seat_store(view)
    found = store.get("taught")
    if found is None:
        by_table = _TABLES.setdefault(view.seat, {})
        table = legal.of("pass")[0]
        hit = by_table.get(id(table))  # by identity: an equal Pass may be another table's
        if hit is None or hit[0] is not table:
            if len(by_table) >= 8:
                del by_table[next(iter(by_table))]
            hit = by_table[id(table)] = (table, {})  # holds the Pass, so its id is not reused meanwhile
        found = store["taught"] = hit[1]
    return found


def approval_kinds(view: SeatView, legal: Sequence[Any] | None = None) -> Set[str]:
    """Returns the kinds the seat needs a mandate for: the keys of `view.me.approval_odds`, fixed
    per seat and scenario table, read once a game, or once a table when `legal` is at hand (the
    odds themselves must be read off each view)."""
    store = seat_store(view)
    found = store.get("approval kinds")
    if found is None:
        learned = store.get("taught")
        if learned is None and legal is not None and may_act(view, legal):
            learned = taught(view, legal)
        found = learned.get("approval kinds") if learned else None
        if found is None:
            found = frozenset(view.me.approval_odds)
            if learned is not None and hasattr(legal, "of"):
                learned["approval kinds"] = found
        store["approval kinds"] = found
    return found


# -- signatures ------------------------------------------------------------------------

def signatures(view: SeatView, legal: Sequence[Any]) -> dict[str, tuple[Sign, Sign | None] | None] | None:
    """Returns, by priority, the seat's (clean, reserved) signatures as listed while it had not
    signed it, or None where the rules never let it sign; None while the seat may not act.

    The engine lists both signatures of each priority the seat may sign and has not signed, the
    clean one where it signed with reservations, none where it signed cleanly. Signatures are
    never taken back, so a priority signed cleanly when first read in a game may be left out."""
    if not may_act(view, legal):
        return None
    store = seat_store(view) if hasattr(legal, "of") else {}
    found = store.get("signs")
    if found is None:
        found = store["signs"] = taught(view, legal).setdefault("signs", {})
        signed = view.public.delegates[view.seat].signed
        if any(_unknown(found, pid, signed.get(pid)) for pid in view.public.priorities):
            _learn_signatures(view, legal_of(legal, "sign"), found)
    return found


def _unknown(found: dict, pid: str, signed: bool | None) -> bool:
    """Whether the engine's listing now would teach something about the priority: it was never
    listed while the seat could still sign it, or its reserved form was never seen (the seat had
    signed with reservations before a bot first read it, in a game at this table) and the seat
    has not signed it in this game, so both forms are listed."""
    if pid not in found:
        return signed is not False
    kept = found[pid]
    return signed is None and kept is not None and kept[1] is None


def _learn_signatures(view: SeatView, listed: Sequence[Sign], found: dict) -> None:
    both: dict[str, list] = {}
    for action in listed:
        both.setdefault(action.priority, [None, None])[action.reservations] = action
    signed = view.public.delegates[view.seat].signed
    for pid in view.public.priorities:
        if pid in both:
            kept = found.get(pid)
            clean, reserved = both[pid]
            found[pid] = (clean, reserved or (kept[1] if kept else None))
        elif signed.get(pid) is not False:
            found[pid] = None  # listed in neither form: the rules never let the seat sign it


# -- pledges ---------------------------------------------------------------------------

def pledge_targets(view: SeatView, legal: Sequence[Any], kinds) -> dict[tuple[str, str], tuple]:
    """Returns, by (kind, priority) the rules let the seat pledge to, (listed place, the one-unit
    pledge, the listed pledges by amount), learned for each of `kinds` (kinds the seat has free
    units of and may give now, see `cannot_give`). Empty while the seat may not act.

    The engine lists, for each kind the seat has free units of and may give, two pledges (one
    unit, and all that is free) to each priority the kind advances outside its red lines and
    exclusions, kinds in the order of their first such priority in the contribution table."""
    if not may_act(view, legal):
        return {}
    store = seat_store(view) if hasattr(legal, "of") else {}
    found = store.get("pledges")
    if found is None:  # what contributes is the game's own: it orders the kinds too
        found = store["pledges"] = taught(view, legal).setdefault(tuple(view.public.contribution), (set(), {}))
    known, pairs = found
    if not known.issuperset(kinds):
        _learn_pledges(view, legal_of(legal, "pledge"), known, pairs)
    return pairs


def _learn_pledges(view: SeatView, listed: Sequence[Pledge], known: set, pairs: dict) -> None:
    place = {pair: index for index, pair in enumerate(view.public.contribution)}
    first: dict[str, int] = {}  # kind -> the place of its first listed priority
    for action in listed:
        kind = action.kind_id
        pair = (kind, action.priority)
        hit = pairs.get(pair)
        if hit is None:
            at = first.setdefault(kind, place[pair])
            hit = pairs[pair] = ((at, place[pair]), action, {})
        hit[2].setdefault(action.amount, action)
    seat = view.seat
    for kind, units in view.public.delegates[seat].free.items():
        if units > 0 and not cannot_give(view, seat, kind):
            known.add(kind)  # all its priorities were listed: any other is never legal


def refused_to_me(view: SeatView, legal: Sequence[Any], kind: str, pid: str) -> bool:
    """Returns whether the rules refuse the seat any commitment of `kind` (which it has free units
    of and may give now) to the priority, in a pledge or an offer alike: the engine lists no
    pledge of it there (its red lines, the priority's exclusions or contributors). False while
    the seat may not act (nothing is listed then)."""
    return may_act(view, legal) and (kind, pid) not in pledge_targets(view, legal, (kind,))


def excluded_asks(view: SeatView, legal: Sequence[Any]) -> set[tuple[str, str]]:
    """Returns the (delegation, priority) pairs the engine refused an offer for as `excluded`:
    the priority's exclusions are static, so a bot asks no such delegation for it again at this
    table (its own gives are never excluded: see `refused_to_me`). Add what a check teaches; a
    throwaway set for a plain list of legal actions or while the seat may not act."""
    if not hasattr(legal, "of") or not may_act(view, legal):
        return set()
    found = seat_store(view).get("excluded")
    if found is None:
        found = seat_store(view)["excluded"] = taught(view, legal).setdefault("excluded", set())
    return found
