"""What bots derive from a view, computed once: per view (a snapshot for one decision), or per
part of a view that the next views hand over unchanged (the priorities, the contribution
table, a delegation's units), so a bot's reasoning costs little next to building the view it
reads; scans of the seat's own commitments done in C, and the action values built most, kept."""

from collections.abc import Callable, Iterator, Sequence
from functools import partial, wraps
from itertools import compress
from operator import attrgetter
from typing import Any

from game.engine import SeatView
from game.model.actions import OfferItem, Pass

_LAST: tuple[Any, dict] = (None, {})


def memo(view: SeatView) -> dict:
    """Returns a scratch dict for values derived from this one view: a view is a snapshot, so
    they hold for the whole decision. Only the last view's is kept (swapped in one step)."""
    global _LAST
    last = _LAST
    if last[0] is view:
        return last[1]
    found: dict = {}
    _LAST = (view, found)
    return found


def forgets_view(decide: Callable) -> Callable:
    """Wraps a bot's `decide`: once it has decided, what it derived from the view is let go,
    so no bot holds a view (nor the game behind it) between decisions."""

    @wraps(decide)
    def deciding(bot: Any, view: SeatView, *args: Any) -> Any:
        global _LAST, _STORE_NOW
        try:
            return decide(bot, view, *args)
        finally:
            if _LAST[0] is view:
                _LAST = (None, {})
            if _STORE_NOW[0] is view:
                _STORE_NOW = (None, None)

    return deciding


_SHARED: dict[str, tuple[Any, Any]] = {}
"""name -> (the part of a view read, what was derived from it), for the last part read."""


def _shared(name: str, part: Any, derive: Callable[[Any], Any]) -> Any:
    """Returns derive(part), kept while views hand over this same (immutable) part."""
    hit = _SHARED.get(name)
    if hit is not None and hit[0] is part:
        return hit[1]
    found = derive(part)
    _SHARED[name] = (part, found)  # holds the part, so its id is not reused meanwhile
    return found


def legal_of(legal: Sequence[Any], kind: str) -> Sequence[Any]:
    """Returns the legal actions of one kind in listed order; lists only that kind when `legal`
    is the engine's LegalActions (a remote bot gets a plain list)."""
    return legal.of(kind) if hasattr(legal, "of") else tuple(a for a in legal if a.kind == kind)


_SEATS: dict[str, tuple[Any, dict]] = {}
"""seat -> (the contribution table of the game it was read in, {what: found}): what the seat's
listings and private odds gave, which the static tables fix for a whole game."""


_STORE_NOW: tuple[Any, Any] = (None, None)
"""(the view read last, its seat's store): asked for several times a decision."""


def seat_store(view: SeatView) -> dict:
    """Returns the seat's store for the game the view is of: a view's contribution table is its
    game's own (rebuilt only when an event changes a contribution), so it tells games apart."""
    global _STORE_NOW
    now = _STORE_NOW
    if now[0] is view:
        return now[1]
    contribution = view.public.contribution
    hit = _SEATS.get(view.seat)
    if hit is None or hit[0] is not contribution:
        hit = _SEATS[view.seat] = (contribution, {})  # holds the table, so its id is not reused meanwhile
    _STORE_NOW = (view, hit[1])
    return hit[1]


_GAPS: tuple[Any, dict[str, float]] = (None, {})
"""(the last priorities read, their gaps)."""


def gaps(view: SeatView) -> dict[str, float]:
    """Returns every priority's gap to its target (0 once reached), by id, kept while views hand
    over the same priorities; the same dict while the gaps read the same (a signature or a vote
    changes the priorities, not their gaps), so what is derived from it is kept too. Read it, do
    not change it."""
    global _GAPS
    priorities = view.public.priorities
    hit = _GAPS
    if hit[0] is not priorities:
        found = _gaps(priorities)
        hit = _GAPS = (priorities, hit[1] if found == hit[1] else found)  # holds the dict: its id is not reused
    return hit[1]


def _gaps(priorities: dict) -> dict[str, float]:
    return {pid: gap if (gap := p.target - p.progress) > 0 else 0.0 for pid, p in priorities.items()}


def open_ids(view: SeatView) -> tuple[str, ...]:
    """Returns the priorities short of their target, biggest gap first (kept with the gaps)."""
    return _shared("open", gaps(view), _open)


def _open(room: dict[str, float]) -> tuple[str, ...]:
    return tuple(sorted((pid for pid in room if room[pid] > 0), key=lambda pid: -room[pid]))


def kinds_toward(view: SeatView) -> dict[str, tuple[tuple[str, float], ...]]:
    """Returns, by priority, the (kind, progress per unit) pairs that advance it, in the
    order of `view.public.contribution`."""
    return _shared("toward", view.public.contribution, _toward)


def advances(view: SeatView) -> dict[str, tuple[tuple[str, float], ...]]:
    """Returns, by kind, the (priority, progress per unit) pairs it advances, in the order of
    `view.public.contribution`."""
    return _shared("advances", view.public.contribution, _advances)


def _grouped(contribution: dict, by: int) -> dict[str, tuple[tuple[str, float], ...]]:
    """Returns the contribution table grouped by kind (`by` 0) or by priority (`by` 1): the
    other id and the progress per unit, in the table's order."""
    lists: dict[str, list[tuple[str, float]]] = {}
    for pair, value in contribution.items():
        lists.setdefault(pair[by], []).append((pair[1 - by], value))
    return {key: tuple(pairs) for key, pairs in lists.items()}


_toward = partial(_grouped, by=1)
_advances = partial(_grouped, by=0)


_PROMISED: dict[str, tuple[Any, dict[str, int]]] = {}
"""seat -> (the last tuple of its offers read, what `promised` found in it)."""
_OFFERED: dict[str, tuple[Any, dict[str, int]]] = {}
"""seat -> (the last tuple of its offers read, what `offered` found in it)."""


def promised(view: SeatView) -> dict[str, int]:
    """Returns the units the seat already offers in its own open offers, by kind: a bot does
    not pledge them elsewhere, so its offers stay good until answered. Kept while views hand
    over the same tuple of the seat's offers (rebuilt when an offer is made or changes).
    Read it, do not change it."""
    return _units_given(view, _PROMISED, own=True)


def offered(view: SeatView) -> dict[str, int]:
    """Returns the units the seat gives in any open offer, by kind (whoever proposed it), kept
    the same way. Read it, do not change it."""
    return _units_given(view, _OFFERED, own=False)


def _units_given(view: SeatView, kept: dict, own: bool) -> dict[str, int]:
    offers = view.offers
    seat = view.seat
    hit = kept.get(seat)
    if hit is None or hit[0] is not offers:
        held: dict[str, int] = {}
        for offer in open_offers(offers):
            if not own or offer.proposer == seat:
                for item in offer.items:
                    if item.giver == seat:
                        held[item.kind_id] = held.get(item.kind_id, 0) + item.amount
        if hit is not None and hit[1] == held:
            held = hit[1]  # the same dict while the same: what is derived from it is kept too
        hit = kept[seat] = (offers, held)  # holds the tuple, so its id is not reused meanwhile
    return hit[1]


def open_offers(offers: tuple) -> Iterator[Any]:
    """Yields the offers still open, in order (picked out without a loop in Python: a seat's
    offers are all it was ever party to)."""
    return compress(offers, map(_IS_OPEN, map(_STATUS, offers)))


_SPARE: dict[str, tuple[Any, dict, dict[str, int]]] = {}
"""seat -> (its free units last read, the units it had promised then, what `spare_units` found)."""


def spare_units(view: SeatView) -> dict[str, int]:
    """Returns the seat's free units not promised in its own open offers, for each kind it has
    some of; kept while views hand over the same dict of its free units (each DelegateView built
    again for a signature or a vote keeps it), or an equal one, and it promised the same. Read
    it, do not change it."""
    seat = view.seat
    free = view.public.delegates[seat].free
    held = promised(view)
    hit = _SPARE.get(seat)
    if hit is None or hit[0] is not free or hit[1] is not held:
        if hit is not None and hit[1] is held and hit[0] == free:
            _SPARE[seat] = (free, held, hit[2])  # another dict, the same free units
            return hit[2]
        if held:
            found = {kind: units - held.get(kind, 0) for kind, units in free.items() if units - held.get(kind, 0) > 0}
        else:
            found = {kind: units for kind, units in free.items() if units > 0}
        if hit is not None and hit[2] == found:
            found = hit[2]  # the same dict while the same: what is derived from it is kept too
        hit = _SPARE[seat] = (free, held, found)  # holds the dicts, so their ids are not reused meanwhile
    return hit[2]


_AWAITING: dict[str, tuple[Any, list]] = {}
"""seat -> (the last tuple of its offers read, the open ones awaiting its answer)."""


def awaiting_me(view: SeatView) -> list:
    """Returns view.open_offers_to_me(), kept while views hand over the same tuple of the seat's
    offers (the engine builds it again when an offer is made or changes). Read it, do not change it."""
    offers = view.offers
    if not offers:
        return []
    hit = _AWAITING.get(view.seat)
    if hit is None or hit[0] is not offers:
        hit = _AWAITING[view.seat] = (offers, view.open_offers_to_me())  # holds the tuple: its id is not reused
    return hit[1]


_GIVABLE: dict[str, tuple[Any, list[tuple[str, int]]]] = {}
"""seat -> (the last DelegateView read of it, what `givable` found in it)."""


def givable(seat: str, d: Any) -> list[tuple[str, int]]:
    """Returns the (kind, free units) a delegation has some of and is not blocked from giving,
    in the order of its free units; kept while views hand over DelegateViews of it with the same
    free units and blocks (each view's delegates are rebuilt only when they change). Read it, do
    not change it."""
    hit = _GIVABLE.get(seat)
    if hit is not None:
        if hit[0] is d:
            return hit[1]
        if hit[0].free == d.free and hit[0].blocked == d.blocked:
            _GIVABLE[seat] = (d, hit[1])  # another DelegateView, the same units and blocks
            return hit[1]
    blocked = d.blocked
    found = [(kind, units) for kind, units in d.free.items() if units > 0 and kind not in blocked]
    _GIVABLE[seat] = (d, found)  # holds the DelegateView, so its id is not reused meanwhile
    return found


def cannot_give(view: SeatView, seat: str, kind: str) -> bool:
    """Returns whether the public rules refuse any commitment of `kind` by `seat` now: the kind
    is blocked for it, or binding while its representative has no binding authority. The
    engine refuses an offer or pledge with such an item, so a bot need not ask it."""
    d = view.public.delegates[seat]
    return kind in d.blocked or (not d.binding_authority and view.public.kinds[kind].needs_binding_authority)


_PASSES: dict[str, Pass] = {}


def pass_for(seat: str) -> Pass:
    """Returns the seat's pass: one value per seat (actions are frozen), not built each time."""
    found = _PASSES.get(seat)
    if found is None:
        found = _PASSES[seat] = Pass(seat)
    return found


_UNITS: dict[tuple[str, str, str], OfferItem] = {}


def unit_of(giver: str, kind: str, pid: str) -> OfferItem:
    """Returns the unconditional one-unit item (a frozen value, kept rather than built each time)."""
    key = (giver, kind, pid)
    found = _UNITS.get(key)
    if found is None:
        if len(_UNITS) >= 65536:  # a remote bot may meet many tables: start again
            _UNITS.clear()
        found = _UNITS[key] = OfferItem(giver, kind, 1, pid)
    return found


_STATUS, _KIND, _PRIORITY, _EFFECTIVE, _TERM_ENDS = map(attrgetter, ("status", "kind", "priority", "effective", "term_ends"))
_IS_PENDING = "pending".__eq__
_IS_OPEN = "open".__eq__


def any_pending(mine: tuple) -> bool:
    """Returns whether any of the seat's own commitments (`view.mine`) waits for a vote or its
    backing (scanned without a loop in Python: it is asked each decision)."""
    return "pending" in map(_STATUS, mine)


def pending_kinds(mine: tuple) -> set[str]:
    """Returns the kinds of the seat's own commitments that wait for a vote or their backing."""
    return set(compress(map(_KIND, mine), map(_IS_PENDING, map(_STATUS, mine))))


def contributed_to(mine: tuple) -> set[str]:
    """Returns the priorities the seat's own commitments count toward now."""
    return set(map(_PRIORITY, filter(_EFFECTIVE, mine)))


def term_ends_in(mine: tuple, now: int) -> bool:
    """Returns whether the term of any of the seat's own commitments ends in round `now`."""
    return now in map(_TERM_ENDS, mine)
