"""What the negotiator asks of the other seats when its objectives name none: each seat's best
asks toward the two biggest open gaps, kept on a board for every negotiator alike and found again
only for the seats whose DelegateViews changed, so a decision does not rank every seat's units."""

from collections.abc import Iterator
from itertools import chain, compress
from operator import is_not, itemgetter
from typing import Any

from game.bots.reading import givable, kinds_toward, open_ids
from game.engine import SeatView

_WANTED: tuple[Any, dict] = (None, {})
"""(the last contribution table read, {the two biggest open gaps: what `toward_top_two` found})."""


def toward_top_two(view: SeatView) -> dict[str, list[tuple[str, float]]]:
    """Returns, by kind, the (priority, progress per unit) pairs toward the two biggest open gaps,
    in the order of their ids (kept for the game's contribution table while they are the same two,
    for every seat alike). Read it, do not change it."""
    global _WANTED
    top = open_ids(view)[:2]
    if len(top) == 2 and top[1] < top[0]:
        top = (top[1], top[0])  # the same asks whichever leads (each seat's are sorted): one key for both
    contribution = view.public.contribution
    if _WANTED[0] is not contribution:
        _WANTED = (contribution, {})  # holds the table, so its id is not reused meanwhile
    store = _WANTED[1]
    wanted = store.get(top)
    if wanted is None:
        wanted = store[top] = {}
        toward = kinds_toward(view)
        for pid in top:
            for kind, value in toward.get(pid, ()):
                wanted.setdefault(kind, []).append((pid, value))
    return wanted


_ASKS: dict[str, tuple[Any, Any, Any, list]] = {}
"""seat -> (its DelegateView read last, what `givable` found in it, the `toward_top_two` read with it,
its best four asks found then)."""


def _asks_of(d: Any, wanted: dict) -> list[tuple]:
    """Returns the seat's best four (-(units * progress per unit), seat, kind, priority) asks
    toward the two biggest open gaps (`toward_top_two`), best first: kept while views hand over the same
    DelegateView of it, or one with the same free units and blocks, and the same two gaps lead."""
    seat = d.id
    hit = _ASKS.get(seat)
    if hit is None or hit[0] is not d or hit[2] is not wanted:
        units_of = givable(seat, d)
        if hit is not None and hit[1] is units_of and hit[2] is wanted:
            hit = _ASKS[seat] = (d, units_of, wanted, hit[3])
        else:
            hit = _ASKS[seat] = (d, units_of, wanted, sorted([  # holds them all, so their ids are not reused
                (-(units * value), seat, kind, pid)
                for kind, units in units_of if kind in wanted for pid, value in wanted[kind]])[:4])
    return hit[3]


def asks_of_others(view: SeatView) -> Iterator[list[tuple]]:
    """Yields, for each other seat in order, its best four asks (see `_asks_of`)."""
    wanted = toward_top_two(view)
    me = view.seat
    asks = _ASKS
    for seat, d in view.public.delegates.items():
        if seat != me:
            hit = asks.get(seat)
            yield hit[3] if hit is not None and hit[0] is d and hit[2] is wanted else _asks_of(d, wanted)


_BOARD: tuple[tuple, Any, list, dict] = ((), None, [], {})
"""(the DelegateViews read last, in the order of the view's delegates, the `toward_top_two` read with
them, each one's best four asks, {place of a seat: the four best asks of the others})."""


def best_four(view: SeatView) -> list[tuple]:
    """Returns the four best asks of the other seats, best first (a new list): they are among the
    lists of the four seats whose best asks are best, since no two asks are equal. Every seat's
    asks are kept on a board for every negotiator alike: a seat's found again only when views
    hand over another DelegateView of it, all of them when other gaps lead."""
    global _BOARD
    wanted = toward_top_two(view)
    delegates = view.public.delegates
    now = tuple(delegates.values())
    seen, seen_wanted, lists, tops = _BOARD
    if seen_wanted is wanted and len(seen) == len(now):
        changed = list(compress(range(len(now)), map(is_not, now, seen)))  # by identity, in C
        if changed:
            lists = lists.copy()
            for index in changed:
                lists[index] = _asks_of(now[index], wanted)
            tops = {}
            _BOARD = (now, wanted, lists, tops)  # holds the views, so their ids are not reused meanwhile
    else:
        lists = [_asks_of(d, wanted) for d in now]
        tops = {}
        _BOARD = (now, wanted, lists, tops)
    index = list(delegates).index(view.seat)
    top = tops.get(index)
    if top is None:
        others = [found for found in chain(lists[:index], lists[index + 1:]) if found]
        if len(others) > 4:
            others = sorted(others, key=_BEST)[:4]
        top = tops[index] = sorted(chain.from_iterable(others))[:4]
    return top.copy()


_BEST = itemgetter(0)
