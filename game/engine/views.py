"""What one seat may know: `view(seat)` builds it; UI, bots and network use only views.

The public part (tables, tracks, commitments, signatures) is built once per state
version and shared by every seat's view. The private part holds only the seat's own
brief, red lines, objectives, offers and private log entries; the facilitator's view
holds every seat's.

Views are read-only by contract, not frozen: cached parts are shared between views (never
change one), and a frozen dataclass sets each field through object.__setattr__, which cost
bot games about 6% of their time.
"""

import weakref
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Any

from game.engine.approvals import approval_chance
from game.engine.effects import LIVE
from game.engine.log import LogEntry
from game.engine.reasons import missing
from game.engine.scoring import derived, objective_results
from game.engine.state import State
from game.engine.words import describe_condition
from game.model.actions import FACILITATOR, PUBLIC


@dataclass(slots=True)
class DelegateView:
    id: str
    name: str
    country: str
    representative: str
    title: str
    role: str
    binding_authority: bool
    attributes: tuple[str, ...]
    capital: int
    free: dict[str, int]
    committed: dict[str, int]
    signed: dict[str, bool]
    blocked: dict[str, str]
    mandates: frozenset[str]
    controller: str
    core: bool
    actions_per_turn: int


@dataclass(slots=True)
class PriorityView:
    id: str
    name: str
    short: str
    target: float
    partial_at: float
    progress: float
    status: str
    signatories: tuple[str, ...]
    leads_ok: bool
    missing: tuple[str, ...] = ()
    """Plain reasons why it is not secured ("needs 10 signatures, has 8"); empty once secured."""
    required_leads: tuple[str, ...] = ()
    required_signatories: tuple[str, ...] = ()
    min_signatories: int = 0


@dataclass(slots=True)
class CommitmentView:
    id: int
    delegate: str
    kind: str
    amount: int
    priority: str
    status: str
    effective: bool
    condition: str
    offer: int | None
    round: int
    when: Any = None
    """The condition itself (a model), for a reader that reasons about it; None if unconditional."""
    term_ends: int | None = None
    """The last round it counts unless renewed (its kind has a term); None: no term."""


@dataclass(slots=True)
class OfferView:
    id: int
    proposer: str
    parties: tuple[str, ...]
    items: tuple
    status: str
    accepted_by: frozenset[str]
    note: str
    round: int
    replaces: int | None


@dataclass(slots=True)
class ObjectiveView:
    id: str
    description: str
    points: int
    met: bool
    when: tuple
    """The objective's conditions (models), so the seat's own bot can reason about them."""


@dataclass(slots=True)
class KindView:
    id: str
    name: str
    unit: str
    military: bool
    needs_binding_authority: bool


@dataclass(slots=True)
class PrivateView:
    """One seat's secrets: what only it (and the facilitator) may see."""

    confidential_brief: str
    red_lines: Any
    objectives: tuple[ObjectiveView, ...]
    score: int
    approval_odds: dict[str, float]
    votes_scheduled: frozenset[str]


@dataclass(slots=True)
class PublicView:
    """What everyone may see, rebuilt only when the caches' version changes."""

    rounds: int
    tracks: dict[str, float]
    flags: dict[str, bool]
    delegates: dict[str, DelegateView]
    priorities: dict[str, PriorityView]
    commitments: tuple[CommitmentView, ...]
    kinds: dict[str, KindView]
    contribution: dict[tuple[str, str], float]
    """(kind, priority) -> progress per unit, as events have left it."""


@dataclass(slots=True)
class SeatView:
    seat: str
    round: int
    phase: str
    turn_seat: str | None
    actions_left: int
    paused: bool
    over: bool
    end_reason: str
    public: PublicView
    private: dict[str, PrivateView]
    """The seat's own secrets under its id; every seat's for the facilitator."""
    offers: tuple[OfferView, ...]
    """Offers the seat made or is party to (all offers for the facilitator)."""
    log: "SeatLog"
    """The log entries the seat may see (a sequence gathered on first read)."""
    events_fired: dict[str, int]
    """How often each event card the seat may know of has been played (private cards only
    for their recipients)."""
    mine: tuple[CommitmentView, ...]
    """The seat's own commitments (empty for the facilitator and the public)."""

    # The public part, by name: view.priorities rather than view.public.priorities.
    rounds = property(lambda self: self.public.rounds)
    tracks = property(lambda self: self.public.tracks)
    flags = property(lambda self: self.public.flags)
    delegates = property(lambda self: self.public.delegates)
    priorities = property(lambda self: self.public.priorities)
    commitments = property(lambda self: self.public.commitments)
    kinds = property(lambda self: self.public.kinds)
    contribution = property(lambda self: self.public.contribution)

    @property
    def me(self) -> PrivateView | None:
        return self.private.get(self.seat)

    def open_offers_to_me(self) -> list[OfferView]:
        return [o for o in self.offers if o.status == "open" and self.seat in o.parties
                and self.seat not in o.accepted_by]


def _public(state: State) -> PublicView:
    caches = state.caches
    cached = caches.public_view
    if cached and cached[0] == caches.version:
        return cached[1]
    t = state.tables
    d = derived(state)
    previous = cached[1] if cached else None
    if previous and caches.stale is not None:  # only the delegates that changed are built again
        delegates, todo = dict(previous.delegates), tuple(caches.stale)  # each keeps its place in the dict
    else:
        delegates, todo = {}, state.delegates
    for seat in todo:
        ds = state.delegates[seat]
        static = t.delegates[seat]
        delegates[seat] = DelegateView(
            seat, static.name, static.country, ds.rep.name, ds.rep.title, ds.rep.role, ds.rep.binding,
            tuple(static.attributes), ds.capital,
            {k: ds.capacity.get(k, 0) - ds.committed.get(k, 0) for k in ds.capacity},
            dict(ds.committed), dict(ds.signed), dict(ds.blocked), frozenset(ds.mandates),
            ds.controller, static.core, t.scenario.rules.actions_per_turn + ds.actions_shift)
    signers = state.signatories
    priorities = {}
    for pid in t.priority_order:
        before = previous.priorities[pid] if previous else None
        if (before is not None and before.progress == d.progress[pid] and before.status == d.status[pid]
                and before.signatories == signers.get(pid, ()) and before.leads_ok == d.leads_ok[pid]):
            priorities[pid] = before  # what it shows (its reasons too) follows from these four alone
            continue
        p = t.priorities[pid]
        priorities[pid] = PriorityView(pid, p.name, p.short or p.name, p.target, t.partial_at[pid],
                                       d.progress[pid], d.status[pid], signers.get(pid, ()), d.leads_ok[pid],
                                       missing(state, d, pid), tuple(p.required_leads),
                                       tuple(p.required_signatories), p.min_signatories)
    commitments = _commitment_views(state, d, previous)
    view = PublicView(t.scenario.rules.rounds, dict(state.tracks), dict(state.flags),
                      delegates, priorities, commitments, *_static_parts(state))
    caches.public_view = (caches.version, view)
    caches.stale, caches.statuses_changed = set(), False
    return view


def _commitment_views(state: State, d, previous: PublicView | None) -> tuple[CommitmentView, ...]:
    """Extends the previous tuple when commitments were only appended and none changed status
    or effectiveness; otherwise rebuilds it, reusing each view whose commitment still reads the same."""
    caches = state.caches
    old = previous.commitments if previous is not None else ()
    if old and not caches.statuses_changed and caches.view_effective == d.effective:
        caches.view_effective = d.effective
        return old + tuple(_commitment_view(state, d, c) for c in state.commitments[len(old):])
    caches.view_effective = d.effective
    views = []
    for c in state.commitments:
        before = old[c.id - 1] if c.id <= len(old) else None
        if (before is not None and before.status == c.status and before.effective == d.is_effective(c)
                and before.term_ends == (state.terms.get(c.id) if c.status in LIVE else None)):
            views.append(before)
        else:
            views.append(_commitment_view(state, d, c))
    return tuple(views)


def _commitment_view(state: State, d, c) -> CommitmentView:
    condition = describe_condition(c.condition, state.tables.display_name) if c.condition is not None else ""
    return CommitmentView(c.id, c.delegate, c.kind, c.amount, c.priority, c.status, d.is_effective(c), condition,
                          c.offer, c.round, c.condition, state.terms.get(c.id) if c.status in LIVE else None)


def _static_parts(state: State) -> tuple[dict[str, KindView], dict[tuple[str, str], float]]:
    """Returns the kinds and the positive contributions, rebuilt only when a contribution changes."""
    cached = state.caches.static_view
    if cached is None or cached[0] != state.contribution_version:
        kinds = {k.id: KindView(k.id, k.name, k.unit, k.military, k.needs_binding_authority)
                 for k in state.tables.scenario.commitment_kinds}
        positive = {key: v for key, v in state.contribution.items() if v > 0}
        cached = state.caches.static_view = (state.contribution_version, (kinds, positive))
    return cached[1]


def _private(state: State, seat: str) -> PrivateView:
    """Returns the seat's private part, cached until a visible change."""
    version = state.caches.version
    hit = state.caches.private_views.get(seat)
    if hit is not None and hit[0] == version:
        return hit[1]
    view = _build_private(state, seat)
    state.caches.private_views[seat] = (version, view)
    return view


def _build_private(state: State, seat: str) -> PrivateView:
    """Returns the seat's private part with its objectives' results and its approval odds
    deferred: a bot that reads neither never pays for them."""
    static = state.tables.delegates[seat]
    deferred = _Deferred(state, seat)
    objectives = tuple(_DeferredObjective(o.id, o.description, o.points, o.when, deferred, index)
                       for index, o in enumerate(state.tables.objectives[seat]))
    return _DeferredPrivate(static.confidential_brief, static.red_lines, objectives,
                            frozenset(state.delegates[seat].votes_scheduled), deferred)


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
    Cached private parts left unread, or already stale, are dropped instead (rebuilt if asked
    for again), so the cache holds no more than the seats read since the last change."""
    caches = state.caches
    if not caches.deferred:
        return
    version = caches.version
    dropped = [seat for seat, (built, view) in caches.private_views.items()
               if built != version or view.deferred._results is None or view.deferred._odds is None]
    for seat in dropped:  # (a comprehension: no loop variable keeps the last one alive)
        del caches.private_views[seat]
    for ref in caches.deferred:
        deferred = ref()
        if deferred is not None and deferred._state is not None:
            deferred.settle()
    caches.deferred.clear()


class _DeferredObjective(ObjectiveView):
    """An ObjectiveView whose `met` is read from its seat's deferred results."""

    __slots__ = ("_deferred", "_index")

    def __init__(self, id: str, description: str, points: int, when: tuple, deferred: _Deferred, index: int):
        self.id, self.description, self.points, self.when = id, description, points, when
        self._deferred, self._index = deferred, index

    @property  # type: ignore[override]
    def met(self) -> bool:
        return self._deferred.results()[self._index][1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ObjectiveView) and _fields_of(self) == _fields_of(other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):  # a copy (or a pickle) is a plain ObjectiveView, computed
        return ObjectiveView, _fields_of(self)


class _DeferredPrivate(PrivateView):
    """A PrivateView whose `score` and `approval_odds` are read from its seat's deferred values."""

    __slots__ = ("deferred",)

    def __init__(self, confidential_brief: str, red_lines: Any, objectives: tuple, votes_scheduled: frozenset,
                 deferred: _Deferred):
        self.confidential_brief, self.red_lines, self.objectives = confidential_brief, red_lines, objectives
        self.votes_scheduled, self.deferred = votes_scheduled, deferred

    @property  # type: ignore[override]
    def score(self) -> int:
        return sum(points for _, _, points in self.deferred.results())

    @property  # type: ignore[override]
    def approval_odds(self) -> dict[str, float]:
        return self.deferred.odds()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PrivateView) and _fields_of(self) == _fields_of(other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):  # a copy (or a pickle) is a plain PrivateView, computed
        return PrivateView, _fields_of(self)


def _fields_of(view: Any) -> tuple:
    return tuple(getattr(view, f.name) for f in dataclass_fields(view))


def _seat_offers(state: State, seat: str, offers: list) -> tuple[OfferView, ...]:
    """Returns the views of the offers a seat may see, kept until an offer is made or changes."""
    key = (state.offer_changes, len(offers))
    hit = state.caches.seat_offers.get(seat)
    if hit is None or hit[0] != key:
        hit = state.caches.seat_offers[seat] = (key, _offer_views(state, offers))
    return hit[1]


def _offer_views(state: State, offers) -> tuple[OfferView, ...]:
    """Returns views of the offers, each rebuilt only when its status or acceptances changed
    (the rest of an offer never changes; acceptances only grow)."""
    cache = state.caches.offer_views
    views = []
    for o in offers:
        hit = cache.get(o.id)
        if hit is None or hit[0] != o.status or hit[1] != len(o.accepted_by):
            hit = cache[o.id] = (o.status, len(o.accepted_by), OfferView(
                o.id, o.proposer, o.parties, o.items, o.status, frozenset(o.accepted_by), o.note, o.round,
                o.replaces))
        views.append(hit[2])
    return tuple(views)


def build_view(state: State, seat: str) -> SeatView:
    """Returns what `seat` may know now: a delegate id, "facilitator" (everything) or
    "public" (a spectator: no private part, no offers, only public log entries)."""
    public = _public(state)
    if seat == PUBLIC:
        private, offers = {}, ()
        log = SeatLog(state, PUBLIC, len(state.log))
    elif seat == FACILITATOR:
        private = {s: _private(state, s) for s in state.tables.seats}
        offers = _seat_offers(state, FACILITATOR, state.offers)
        log = SeatLog(state, FACILITATOR, len(state.log))
    else:
        private = {seat: _private(state, seat)}
        offers = _seat_offers(state, seat, state.delegates[seat].offers)
        log = SeatLog(state, seat, len(state.log))
    return SeatView(seat, state.round, state.phase, state.turn_seat, _actions_left(state, seat), state.paused,
                    state.over, state.end_reason, public, private, offers, log, _fired(state, seat),
                    _mine(state, seat, public))


def _actions_left(state: State, seat: str) -> int:
    """The viewer's own actions left; for the facilitator and the public, the acting seat's."""
    if seat in state.delegates:
        return state.actions_left_for(seat)
    return state.actions_left_for(state.turn_seat) if state.turn_seat else 0


def _mine(state: State, seat: str, public: PublicView) -> tuple[CommitmentView, ...]:
    """Returns the seat's own commitment views, kept while the public view and its list are the same."""
    d = state.delegates.get(seat)
    if d is None:
        return ()
    hit = state.caches.mine.get(seat)
    if hit is not None and hit[0] is public and hit[1] == len(d.own):
        return hit[2]
    mine = tuple(public.commitments[c.id - 1] for c in d.own)
    state.caches.mine[seat] = (public, len(d.own), mine)
    return mine


def _fired(state: State, seat: str) -> dict[str, int]:
    """Returns the plays of the cards the seat may know of, rebuilt only after a card is played
    (a fresh dict each time: a view's dicts are its own)."""
    played = state.cards_played
    hit = state.caches.fired.get(seat)
    if hit is None or hit[0] != played:
        events = state.tables.events
        hit = state.caches.fired[seat] = (played, {
            eid: n for eid, n in state.fired.items()
            if seat == FACILITATOR or events[eid].visibility == "public" or seat in events[eid].recipients})
    return dict(hit[1])


class SeatLog(Sequence):
    """The log entries one viewer may see, as the log stood when its view was built.

    Gathered on first read, not when the view is built: bots never read the log, and
    gathering it for every seat after every action made views cost more as tables grew.
    The engine's log only grows (undo builds a new state), so a late read is still exact."""

    __slots__ = ("_state", "_seat", "_length", "_entries")

    def __init__(self, state: State | None, seat: str, length: int, entries: tuple | None = None):
        self._state, self._seat, self._length, self._entries = state, seat, length, entries

    def entries(self) -> tuple:
        if self._entries is None:
            state, self._state = self._state, None
            if self._seat == FACILITATOR:
                self._entries = tuple(state.log[:self._length])
            else:
                self._entries = _visible_log(state, self._seat, self._length)
        return self._entries

    def __len__(self) -> int:
        return len(self.entries())

    def __getitem__(self, index):
        return self.entries()[index]

    def __iter__(self):
        return iter(self.entries())

    def __reversed__(self):
        return reversed(self.entries())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SeatLog):
            other = other.entries()
        return isinstance(other, tuple | list) and self.entries() == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SeatLog({self.entries()!r})"


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
