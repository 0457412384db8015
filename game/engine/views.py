"""What one seat may know: `view(seat)` builds it; UI, bots and network use only views.

The public part (tables, tracks, commitments, signatures) is built once per state
version and shared by every seat's view. The private part holds only the seat's own
brief, red lines, objectives, offers and private log entries; the facilitator's view
holds every seat's. The types are in `view_types.py`; what a view computes only when
read (the log, objective results, approval odds) in `deferred.py`.
"""

from operator import itemgetter

from game.engine.deferred import ReasonedPriority, SeatLog, build_private, settle_views
from game.engine.effects import LIVE
from game.engine.scoring import derived
from game.engine.state import State
from game.engine.view_types import (
    CommitmentView,
    DelegateView,
    KindView,
    ObjectiveView,
    OfferView,
    PriorityView,
    PrivateView,
    PublicView,
    SeatView,
)
from game.engine.words import describe_condition
from game.model.actions import FACILITATOR, PUBLIC

__all__ = [
    "CommitmentView", "DelegateView", "KindView", "ObjectiveView", "OfferView", "PriorityView", "PrivateView",
    "PublicView", "SeatLog", "SeatView", "build_view", "settle_views",
]


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
    units = caches.units
    for seat in todo:
        ds = state.delegates[seat]
        static = t.delegates[seat]
        rep, committed = ds.rep, ds.committed
        held = units.get(seat)
        if held is None or held[0] != ds.capacity or held[1] != committed:  # a pledge, a release, a cut
            held = units[seat] = (dict(ds.capacity), dict(committed),
                                  {k: n - committed.get(k, 0) for k, n in ds.capacity.items()})
        before = previous.delegates.get(seat) if previous else None
        delegates[seat] = DelegateView(
            seat, static.name, static.country, rep.name, rep.title, rep.role, rep.binding, t.attributes[seat],
            ds.capital, held[2], held[1], _same(before and before.signed, ds.signed),
            _same(before and before.blocked, ds.blocked), _same(before and before.mandates, ds.mandates, frozenset),
            ds.controller, static.core, t.actions_per_turn + ds.actions_shift)
    if previous is not None and caches.view_derived is d:  # no pledge, signature or vote since
        priorities = previous.priorities
    else:
        priorities = _priority_views(state, d, previous)
    commitments = _commitment_views(state, d, previous)
    view = PublicView(t.rounds, _same(previous and previous.tracks, state.tracks),
                      _same(previous and previous.flags, state.flags),
                      delegates, priorities, commitments, *_static_parts(state))
    caches.public_view, caches.view_derived = (caches.version, view), d
    caches.stale, caches.statuses_changed, caches.touched = set(), False, set()
    return view


def _priority_views(state: State, d, previous: PublicView | None) -> dict[str, PriorityView]:
    """Returns the priorities' views, reusing each whose values read the same."""
    t, signers = state.tables, state.signatories
    touched = state.caches.touched
    if previous is not None and touched is not None:  # only patched since: the rest read the same
        if not touched:
            return previous.priorities
        priorities = dict(previous.priorities)
        todo = [pid for pid in t.priority_order if pid in touched]
    else:
        priorities, todo = {}, t.priority_order
    for pid in todo:
        before = previous.priorities[pid] if previous else None
        if (before is not None and before.progress == d.progress[pid] and before.status == d.status[pid]
                and before.signatories == signers.get(pid, ()) and before.leads_ok == d.leads_ok[pid]):
            priorities[pid] = before  # what it shows (its reasons too) follows from these four alone
            continue
        p = t.priorities[pid]
        priorities[pid] = ReasonedPriority(t.display_name, pid, p.name, p.short or p.name, p.target, t.partial_at[pid],
                                           d.progress[pid], d.status[pid], signers.get(pid, ()), d.leads_ok[pid],
                                           tuple(p.required_leads), tuple(p.required_signatories), p.min_signatories)
    return priorities


def _same(shown, now, copy=dict):
    """Returns what the previous view showed if it still reads the same (views are read-only,
    so equal parts are shared), else a copy of `now`."""
    return shown if shown is not None and shown == now else copy(now)


def _commitment_views(state: State, d, previous: PublicView | None) -> tuple[CommitmentView, ...]:
    """Extends the previous tuple when commitments were only appended and none changed status
    or effectiveness; otherwise rebuilds it, reusing each view whose commitment still reads the same."""
    caches = state.caches
    old = previous.commitments if previous is not None else ()
    if old and not caches.statuses_changed and caches.view_effective == d.effective:
        caches.view_effective = d.effective
        if len(old) == len(state.commitments):  # a signature, a vote sought: the same tuple
            return old
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
    view = build_private(state, seat)
    state.caches.private_views[seat] = (version, view)
    return view


def _seat_offers(state: State, seat: str, offers: list) -> tuple[OfferView, ...]:
    """Returns the views of the offers a seat may see, kept until an offer is made or changes."""
    key = (state.offer_changes if seat == FACILITATOR else state.seat_offer_changes.get(seat, 0), len(offers))
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
    """Returns the seat's own commitment views, picked out of the public list by a getter kept
    while the seat's commitments are the same."""
    d = state.delegates.get(seat)
    if d is None or not d.own:
        return ()
    hit = state.caches.mine.get(seat)
    if hit is None or hit[0] != len(d.own):
        hit = state.caches.mine[seat] = (len(d.own), itemgetter(*(c.id - 1 for c in d.own)))
    mine = hit[1](public.commitments)
    return mine if len(d.own) > 1 else (mine,)


def _fired(state: State, seat: str) -> dict[str, int]:
    """Returns the plays of the cards the seat may know of, rebuilt only after a card is played
    (shared by the seat's views until then: views are read-only)."""
    played = state.cards_played
    cache = state.caches.fired
    hit = cache.get(seat)
    if hit is None or hit[0] != played:
        t = state.tables
        private = t.listed.get(("private cards", seat))
        if private is None:  # the private cards the seat would be told of, which the scenario fixes
            private = t.listed["private cards", seat] = frozenset(
                eid for eid, e in t.events.items() if e.visibility != "public" and seat in e.recipients)
        if seat != FACILITATOR and private.isdisjoint(state.fired):  # only public cards to show:
            hit = cache.get(PUBLIC)  # one dict for every such seat (views are read-only)
            if hit is None or hit[0] != played:
                hit = cache[PUBLIC] = (played, _plays(state, PUBLIC))
        else:
            hit = (played, _plays(state, seat))
        cache[seat] = hit
    return hit[1]


def _plays(state: State, seat: str) -> dict[str, int]:
    events = state.tables.events
    return {eid: n for eid, n in state.fired.items()
            if seat == FACILITATOR or events[eid].visibility == "public" or seat in events[eid].recipients}
