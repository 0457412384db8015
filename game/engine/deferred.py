"""What a view computes when first read: a seat's log, its objectives' results and its
approval odds. Bots read few of them; a view that still holds them unread when the game
moves on computes them first (`settle_views`), so a view always answers for the state it
was built from.
"""

import weakref
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from typing import Any

from game.engine.approvals import approval_chance
from game.engine.gathered import Gathered
from game.engine.log import LogEntry
from game.engine.reasons import reasons
from game.engine.scoring import objective_results
from game.engine.state import State
from game.engine.view_types import ObjectiveView, PriorityView, PrivateView
from game.model.actions import FACILITATOR


def build_private(state: State, seat: str) -> PrivateView:
    """Returns the seat's private part with its objectives' results and its approval odds
    deferred: a bot that reads neither never pays for them."""
    static = state.tables.delegates[seat]
    return _DeferredPrivate(static.confidential_brief, static.red_lines, state.tables.objectives[seat],
                            frozenset(state.delegates[seat].votes_scheduled), _Deferred(state, seat))


class _Deferred:
    """A seat's objective results and approval odds as the state stands when its view is built,
    computed at first read, or by `settle_views` just before the game's next action if a view
    still holds them unread, so a view stays a snapshot."""

    __slots__ = ("_state", "_seat", "_stamp", "_results", "_odds", "__weakref__")

    def __init__(self, state: State, seat: str):
        self._state, self._seat, self._stamp = state, seat, state.decisions
        self._results: list | None = None
        self._odds: dict | None = None
        state.caches.deferred.append(weakref.ref(self))

    def results(self) -> list:
        if self._results is None:
            self._results = objective_results(self._live(), self._seat)
        return self._results

    def odds(self) -> dict[str, float]:
        if self._odds is None:
            state = self._live()
            self._odds = {k: approval_chance(state, self._seat, k) for k in state.tables.approval_kinds[self._seat]}
        return self._odds

    def _live(self) -> State:
        if self._state.decisions != self._stamp:  # settle_views runs before every action: a bug
            raise RuntimeError(f"{self._seat}'s private view was read after the game moved on")
        return self._state

    def settle(self) -> None:
        self.results()
        self.odds()
        self._state = None  # type: ignore[assignment]


def settle_views(state: State) -> None:
    """Computes what views still hold unread, before an action changes the state under them.
    The cache of private parts is emptied first: an entry nobody else holds dies unread (it is
    rebuilt if asked for again), and the cache never outgrows the seats read since the last action."""
    caches = state.caches
    if not caches.deferred:
        return
    caches.private_views.clear()
    for ref in caches.deferred:
        deferred = ref()
        if deferred is not None and deferred._state is not None:
            deferred.settle()
    caches.deferred.clear()


class _ReadLater:
    """What a view type whose subclass computes some fields when read shares: it equals, and
    copies or pickles to, the plain view type it stands for (`_plain`)."""

    __slots__ = ()
    _plain: type

    def __eq__(self, other: object) -> bool:
        return isinstance(other, self._plain) and _fields_of(self) == _fields_of(other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):  # a plain view, every field computed
        return self._plain, _fields_of(self)


class _DeferredObjective(_ReadLater, ObjectiveView):
    """An ObjectiveView whose `met` is read from its seat's deferred results."""

    __slots__ = ("_deferred", "_index")
    _plain = ObjectiveView

    def __init__(self, id: str, description: str, points: int, when: tuple, deferred: _Deferred, index: int):
        self.id, self.description, self.points, self.when = id, description, points, when
        self._deferred, self._index = deferred, index

    @property  # type: ignore[override]
    def met(self) -> bool:
        return self._deferred.results()[self._index][1]


class _DeferredPrivate(_ReadLater, PrivateView):
    """A PrivateView whose `score` and `approval_odds` are read from its seat's deferred values,
    and whose objectives' views are made when first read (most bot decisions never read them)."""

    __slots__ = ("deferred", "_scenario_objectives", "_objectives")
    _plain = PrivateView

    def __init__(self, confidential_brief: str, red_lines: Any, scenario_objectives: Any,
                 votes_scheduled: frozenset, deferred: _Deferred):
        self.confidential_brief, self.red_lines = confidential_brief, red_lines
        self.votes_scheduled, self.deferred = votes_scheduled, deferred
        self._scenario_objectives, self._objectives = scenario_objectives, None

    @property  # type: ignore[override]
    def objectives(self) -> tuple[ObjectiveView, ...]:
        if self._objectives is None:  # their text is the scenario's; `met` comes from the deferred results
            self._objectives = tuple(_DeferredObjective(o.id, o.description, o.points, o.when, self.deferred, index)
                                     for index, o in enumerate(self._scenario_objectives))
        return self._objectives

    @property  # type: ignore[override]
    def score(self) -> int:
        return sum(points for _, _, points in self.deferred.results())

    @property  # type: ignore[override]
    def approval_odds(self) -> dict[str, float]:
        return self.deferred.odds()


class ReasonedPriority(_ReadLater, PriorityView):
    """A PriorityView whose `missing` reasons are worded when first read (bots never read them):
    they follow from its own fields and the scenario's names alone, so it needs no settling."""

    __slots__ = ("_display", "_missing")
    _plain = PriorityView

    def __init__(self, display: Callable[[str], str], id: str, name: str, short: str, target: float,
                 partial_at: float, progress: float, status: str, signatories: tuple[str, ...], leads_ok: bool,
                 required_leads: tuple[str, ...], required_signatories: tuple[str, ...], min_signatories: int):
        self.id, self.name, self.short, self.target, self.partial_at = id, name, short, target, partial_at
        self.progress, self.status, self.signatories, self.leads_ok = progress, status, signatories, leads_ok
        self.required_leads, self.required_signatories = required_leads, required_signatories
        self.min_signatories = min_signatories
        self._display, self._missing = display, None

    @property  # type: ignore[override]
    def missing(self) -> tuple[str, ...]:
        if self._missing is None:
            self._missing = reasons(self.progress, self.target, self.leads_ok, self.required_leads, self.signatories,
                                    self.min_signatories, self.required_signatories, self._display)
        return self._missing


def _fields_of(view: Any) -> tuple:
    return tuple(getattr(view, f.name) for f in dataclass_fields(view))


class SeatLog(Gathered):
    """The log entries one viewer may see, as the log stood when its view was built.

    Gathered on first read, not when the view is built: bots never read the log, and
    gathering it for every seat after every action made views cost more as tables grew.
    The engine's log only grows (undo builds a new state), so a late read is still exact."""

    __slots__ = ("_state", "_seat", "_length", "_entries")

    def __init__(self, state: State | None, seat: str, length: int, entries: tuple | None = None):
        self._state, self._seat, self._length, self._entries = state, seat, length, entries

    def _gather(self) -> tuple:
        if self._entries is None:
            state, self._state = self._state, None
            if self._seat == FACILITATOR:
                self._entries = tuple(state.log[:self._length])
            else:
                self._entries = _visible_log(state, self._seat, self._length)
        return self._entries


def _visible_log(state: State, seat: str, length: int) -> tuple:
    """Returns the entries among the first `length` that the seat may see, numbered 1, 2, 3...
    in its own sequence, so the numbers never betray hidden entries; extends a per-seat cache
    (the log only grows) that remembers where each visible entry stood in the whole log."""
    logs = state.caches.seat_logs
    seen, entries, positions = logs.get(seat, (0, (), []))
    if seen > len(state.log):  # never after append-only growth; guards a rebuilt state
        seen, entries, positions = 0, (), []
    if seen < len(state.log):
        start = len(entries) + 1
        fresh = []
        for index in range(seen, len(state.log)):
            e = state.log[index]
            if e.visible_to is None or seat in e.visible_to:
                fresh.append(LogEntry(start + len(fresh), e.round, e.phase, e.actor, e.kind, e.text, e.auto,
                                      e.visible_to, e.data))
                positions.append(index)
        entries += tuple(fresh)
        logs[seat] = (len(state.log), entries, positions)
    if length >= len(state.log):
        return entries
    return entries[:bisect_left(positions, length)]
