"""The mutable state of one game: plain dataclasses and dicts, changed only by the engine.

Derived values (priority progress, which commitments are effective) live in `scoring.py`
and views in `views.py`; both are cached in one typed `Caches` object. The state's own
mutators (commit, set_status, sign, spend_capital, ...) call `changed`, which invalidates
them; the flow and the effects call it for the wider changes they make.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from game.engine.rng import Rng, derive_seed
from game.engine.watches import pledge_keys, watch_keys
from game.engine.words import spokesperson

PENDING, ACTIVE, WITHDRAWN, REJECTED, LAPSED = "pending", "active", "withdrawn", "rejected", "lapsed"
SUSPENDED, VOIDED = "suspended", "cancelled"
"""A suspended commitment keeps its units but does not count; a voided one (an event cancelled
it) is gone for good and its units are free again (see effects.py and terms.py)."""
NOTHING: frozenset[str] = frozenset()
"""What `State.changed` is told a change moves when no condition reads it (a term, a controller)."""
SIGNATURE_TESTS = frozenset({"signed", "priority"})
"""The condition tests a signature can move ("priority" reads statuses, which count signatures)."""
CAPITAL_TESTS = frozenset({"capital"})
CAPACITY_TESTS = frozenset({"capacity"})
"""What a commitment that does not count (pending its vote, rejected) moves: free units."""
VOTE_TESTS = frozenset({"approved", "capacity"})
"""What a vote moves besides the statuses of its pending commitments: the mandate, and free
units when it is lost (State.set_status marks what the statuses move)."""
OPEN, ACCEPTED, REJECTED_OFFER, COUNTERED, EXPIRED, FAILED, CANCELLED = (
    "open", "accepted", "rejected", "countered", "expired", "failed", "cancelled")


@dataclass(slots=True)
class Commitment:
    id: int
    delegate: str
    kind: str
    amount: int
    priority: str
    round: int
    condition: Any = None
    """The Condition model this commitment depends on, or None."""
    offer: int | None = None
    status: str = ACTIVE
    holds: Any = None
    """The condition compiled when the commitment is made: predicate(state) -> bool."""
    unit_value: float = 0.0
    """Progress per unit fixed when it was made, minus the changes that apply to all (see scoring)."""
    reads: frozenset = frozenset()
    """The tests its condition uses ("contributed", "signed"...): which changes can move it."""
    watches: frozenset | None = None
    """Which pledges could move its condition (watches.py), worked out when it first counts."""


@dataclass(slots=True)
class Offer:
    id: int
    proposer: str
    parties: tuple[str, ...]
    """Everyone who must accept, the proposer excluded."""
    items: tuple
    round: int
    note: str = ""
    status: str = OPEN
    accepted_by: set = field(default_factory=set)
    replaces: int | None = None
    awaiting: set = field(default_factory=set)
    """Parties who have not had a turn since the offer was made: it cannot expire before they do."""


@dataclass(slots=True)
class Representative:
    name: str
    title: str
    role: str
    binding: bool


@dataclass(slots=True)
class DelegateState:
    capacity: dict[str, int]
    """Total units of each kind; free = capacity - committed."""
    committed: dict[str, int]
    capital: int
    rep: Representative
    own: list = field(default_factory=list)
    """The delegation's own commitments, in order (so a seat's lookups skip everyone else's)."""
    offers: list = field(default_factory=list)
    """The offers the delegation made or is party to, in order."""
    debt: dict[str, int] = field(default_factory=dict)
    """kind -> capacity a cut could not take yet (the units were committed): taken as they come free."""
    blocked: dict[str, str] = field(default_factory=dict)
    """kind -> reason, while an event blocks new commitments of it (derived from `blocks`)."""
    blocks: list = field(default_factory=list)
    """(token, kind, reason) for each block in force: overlapping blocks end independently."""
    principal: Representative | None = None
    """Who speaks for the delegation when no replacement is in force."""
    replacements: list = field(default_factory=list)
    """(token, Representative) in the order applied; the last one speaks."""
    mandates: set = field(default_factory=set)
    votes_scheduled: set = field(default_factory=set)
    approval_shift: dict[str, float] = field(default_factory=dict)
    actions_shift: int = 0
    signed: dict[str, bool] = field(default_factory=dict)
    """priority -> True if signed with reservations."""
    controller: str = "human"


@dataclass(slots=True)
class Timed:
    """A timed effect to revert at the end of round `expires`."""

    expires: int
    op: str
    args: tuple
    scope: tuple[str, ...] | None = None
    """Who may see it end: the recipients of the private card that began it (None: everyone)."""


@dataclass(slots=True)
class Caches:
    """Everything derived from the state and kept between actions; `State.changed` invalidates it."""

    version: int = 0
    """Bumped by every visible change: keys the public and private views."""
    dirty: bool = True
    """The derived values must be recomputed."""
    signed: set = field(default_factory=set)
    """Priorities signed since the derived values, when no conditional commitment reads
    signatures: scoring patches their signatures and statuses in instead of resolving again."""
    pledged: set = field(default_factory=set)
    """(delegate, priority) of unconditional commitments made since the derived values that no
    active condition watches: scoring patches those priorities in instead of resolving again."""
    derived: Any = None
    stale: set | None = None
    """Delegates whose public view must be rebuilt; None means all of them."""
    statuses_changed: bool = True
    """A commitment changed status since the public view was built (appends don't count)."""
    base_rows: dict = field(default_factory=dict)
    """priority -> ((row version, contribution version), progress, contributors)."""
    public_view: tuple | None = None
    """(version, PublicView)."""
    view_derived: Any = None
    """The derived values the public view's priorities were built from."""
    touched: set | None = None
    """Priorities the derived values were patched for since the public view was built; None:
    resolved again meanwhile, so any priority may read differently."""
    view_effective: frozenset | None = None
    """The effective conditional commitments the public view's commitments were built with."""
    static_view: tuple | None = None
    """(contribution version, (kinds, positive contributions))."""
    private_views: dict = field(default_factory=dict)
    """seat -> (version, PrivateView)."""
    deferred: list = field(default_factory=list)
    """Weak references to views' deferred private values, computed before the next action."""
    seat_logs: dict = field(default_factory=dict)
    """seat -> (log entries seen, the visible ones): the log only grows."""
    pledgeable: dict = field(default_factory=dict)
    """seat -> [(kind, priorities it advances)], cleared when a contribution changes."""
    offer_views: dict = field(default_factory=dict)
    """offer id -> (status, acceptances, OfferView): the rest of an offer never changes."""
    seat_offers: dict = field(default_factory=dict)
    """seat -> ((offer changes, offers), the views of its offers)."""
    fired: dict = field(default_factory=dict)
    """seat -> (cards played, the plays it may know of)."""
    mine: dict = field(default_factory=dict)
    """seat -> (own commitments, a getter of their views from the public list)."""
    units: dict = field(default_factory=dict)
    """seat -> (capacity, committed, free) as views last showed them: shared until one changes."""


@dataclass(slots=True)
class State:
    tables: Any
    rng: Rng
    round: int
    phase: str
    delegates: dict[str, DelegateState]
    tracks: dict[str, float]
    flags: dict[str, bool]
    contribution: dict[tuple[str, str], float]
    """(kind, priority) -> progress per unit; events may change it."""
    log: list = field(default_factory=list)
    base_totals: dict = field(default_factory=dict)
    """(delegate, kind, priority) -> units of active unconditional commitments, kept by set_status."""
    conditional: list = field(default_factory=list)
    """Active conditional commitments: scoring decides which of them are effective."""
    conditional_reads: dict = field(default_factory=dict)
    """test -> how many active conditional commitments' conditions use it ("track", "signed"...)."""
    conditional_watch: dict = field(default_factory=dict)
    """watch key -> how many active conditional commitments' conditions watch it (watches.py)."""
    base_rows: dict = field(default_factory=dict)
    """priority -> (delegate, kind) -> units: base_totals by priority, kept by set_status."""
    unit_rows: dict = field(default_factory=dict)
    """priority -> (kind, value per unit when made) -> units: base_totals grouped so a priority's
    progress is summed over a few groups, not over every contributor's commitments."""
    base_by_delegate: dict = field(default_factory=dict)
    """delegate -> (kind, priority) -> units: base_totals by delegate, kept by set_status."""
    priority_versions: dict = field(default_factory=dict)
    """priority -> bumped when its base rows change: scoring recomputes only those priorities."""
    retro: dict = field(default_factory=dict)
    """(kind, priority) -> the sum of contribution changes in force that apply to all commitments."""
    contribution_version: int = 0
    """Bumped when an event changes a contribution: keys the views' static parts."""
    commitments: list[Commitment] = field(default_factory=list)
    signatories: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """priority -> the delegations that signed it, in seat order (kept by `sign`: signatures are never taken back)."""
    offers: list[Offer] = field(default_factory=list)
    offer_changes: int = 0
    """Bumped when an offer is answered or ends: keys the facilitator's cached offer views."""
    seat_offer_changes: dict[str, int] = field(default_factory=dict)
    """seat -> bumped when an offer it made or is party to is answered or ends: keys its offer views."""
    offer_index: dict[int, Offer] = field(default_factory=dict)
    """offer number -> offer: numbers are drawn, not counted, so they reveal no hidden offers."""
    offer_numbers: Rng = field(default_factory=lambda: Rng(0))
    """Its own stream, so drawing offer numbers never moves the game's chance draws."""
    timed: list[Timed] = field(default_factory=list)
    terms: dict[int, int] = field(default_factory=dict)
    """commitment id -> the last round it counts unless renewed (kinds with a `term` only)."""
    suspensions: dict[int, set] = field(default_factory=dict)
    """commitment id -> the tokens of the suspensions holding it; it resumes when none is left."""
    fired: dict[str, int] = field(default_factory=dict)
    cards_played: int = 0
    """Bumped with `fired`: keys each seat's cached view of it."""
    phase_index: int = 0
    order: tuple[str, ...] = ()
    turn_index: int = 0
    cycle: int = 0
    actions_left: int = 0
    acted_this_cycle: bool = False
    simultaneous: bool = False
    """Every delegation acts at once in the negotiation phase (rules.turns, or the host's choice)."""
    budget: dict[str, int] = field(default_factory=dict)
    """In simultaneous rounds: the actions each delegation has left this round."""
    passed: set = field(default_factory=set)
    """In simultaneous rounds: the delegations done for this round (passed, or out of actions)."""
    paused: bool = False
    over: bool = False
    end_reason: str = ""
    end_outcome: str | None = None
    """The outcome an end condition sets (failure, partial, success); None: from the priorities."""
    decisions: int = 0
    next_token: int = 0
    """Numbers timed effects, so each revert undoes its own effect only."""
    log_scope: tuple[str, ...] | None = None
    """While a private event card applies its effects: who may see the entries they log."""
    caches: Caches = field(default_factory=Caches)

    @property
    def turn_seat(self) -> str | None:
        """Whose turn it is; in simultaneous rounds, the first delegation (in order) still acting."""
        if self.phase != "negotiation" or self.over or not self.order:
            return None
        if self.simultaneous:
            return next((seat for seat in self.order if seat not in self.passed), None)
        return self.order[self.turn_index]

    def may_act(self, seat: str) -> bool:
        """Whether the delegation may take an action now (pausing aside)."""
        if self.simultaneous:
            return self.phase == "negotiation" and not self.over and seat in self.budget and seat not in self.passed
        return self.turn_seat == seat

    def actions_left_for(self, seat: str) -> int:
        if self.simultaneous:
            return self.budget.get(seat, 0) if self.phase == "negotiation" else 0
        return self.actions_left

    def changed(self, seat: str | None = None, moves: Iterable[str] | None = None) -> None:
        """Marks cached views stale after a visible change, and the derived values unless the
        change can move them only through condition tests (`moves`: "track", "round"...) that no
        active conditional commitment's condition uses (unconditional totals, progress and
        statuses read none of them); `moves` None: it may move anything. Naming the one
        delegate whose own state changed lets views reuse every other delegate's part."""
        caches = self.caches
        if moves is None or self.conditions_read(moves):
            caches.dirty = True
        caches.version += 1
        if seat is None:
            caches.stale = None
        elif caches.stale is not None:
            caches.stale.add(seat)

    def contribution_changed(self) -> None:
        self.contribution_version += 1
        self.caches.pledgeable.clear()

    def add_commitment(self, c: Commitment) -> None:
        """Records a new commitment and takes its units from the giver's free capacity."""
        self.commitments.append(c)
        d = self.delegates[c.delegate]
        d.own.append(c)
        d.committed[c.kind] = d.committed.get(c.kind, 0) + c.amount
        self._index(c, +1)
        self._counted(c, False)

    def _counted(self, c: Commitment, counted_before: bool) -> None:
        """Marks what a commitment made or changed may move. One that does not count before or
        after (pending its vote, or rejected) moves free units at most; an unconditional one that
        begins to count and that no active condition watches is patched in by scoring."""
        if not counted_before and c.status != ACTIVE:
            self.changed(c.delegate, CAPACITY_TESTS)
        elif not counted_before and c.condition is None and not self._watched(c):
            self.caches.pledged.add((c.delegate, c.priority))  # the effective set stands
            self.changed(c.delegate, NOTHING)
        else:
            self.changed(c.delegate)

    def set_status(self, c: Commitment, status: str) -> None:
        """Changes a commitment's status, keeping the running totals in step."""
        counted = c.status == ACTIVE
        self._index(c, -1)
        c.status = status
        self._index(c, +1)
        self.caches.statuses_changed = True
        self._counted(c, counted)

    def set_term(self, c: Commitment, last_round: int) -> None:
        """Sets the last round a commitment counts unless renewed (views show it)."""
        self.terms[c.id] = last_round
        self.caches.statuses_changed = True
        self.changed(c.delegate, NOTHING)  # no condition reads a term

    def sign(self, seat: str, priority: str, reservations: bool) -> None:
        signed = self.delegates[seat].signed
        if priority not in signed:
            order = self.tables.seat_index
            self.signatories[priority] = tuple(sorted((*self.signatories.get(priority, ()), seat), key=order.get))
        signed[priority] = reservations
        self.caches.signed.add(priority)  # statuses count signatures: scoring patches them in
        self.changed(seat, SIGNATURE_TESTS)

    def spend_capital(self, seat: str, amount: int) -> None:
        if not amount:  # a free vote (approval_capital_cost 0) changes nothing a view or condition reads
            return
        self.delegates[seat].capital -= amount
        self.changed(seat, CAPITAL_TESTS)

    def set_controller(self, seat: str, controller: str) -> None:
        self.delegates[seat].controller = controller
        self.changed(seat, NOTHING)  # no condition reads who plays a seat

    def _index(self, c: Commitment, sign: int) -> None:
        if c.status != ACTIVE:
            return
        if c.condition is not None:
            if sign > 0:
                self.conditional.append(c)
            else:
                self.conditional.remove(c)
            for test in c.reads:
                _add(self.conditional_reads, test, sign)
            if c.watches is None:
                c.watches = watch_keys(c.condition)
            for key in c.watches:
                _add(self.conditional_watch, key, sign)
            return
        self.priority_versions[c.priority] = self.priority_versions.get(c.priority, 0) + 1
        amount = sign * c.amount
        _add(self.base_totals, (c.delegate, c.kind, c.priority), amount)
        _add(self.base_rows.setdefault(c.priority, {}), (c.delegate, c.kind), amount)
        _add(self.unit_rows.setdefault(c.priority, {}), (c.kind, c.unit_value), amount)
        _add(self.base_by_delegate.setdefault(c.delegate, {}), (c.kind, c.priority), amount)

    def set_offer_status(self, offer: Offer, status: str) -> None:
        offer.status = status
        self.offer_changed(offer)

    def offer_changed(self, offer: Offer) -> None:
        """Marks the offer views of the facilitator, the proposer and the parties stale (a new
        offer needs no mark: it lengthens their lists)."""
        self.offer_changes += 1
        changes = self.seat_offer_changes
        changes[offer.proposer] = changes.get(offer.proposer, 0) + 1
        for seat in offer.parties:
            changes[seat] = changes.get(seat, 0) + 1

    def _watched(self, c: Commitment) -> bool:
        """Whether an active conditional commitment's condition watches what this pledge moves."""
        watch = self.conditional_watch
        return bool(watch) and not watch.keys().isdisjoint(pledge_keys(c.delegate, c.kind, c.priority))

    def conditions_read(self, tests) -> bool:
        """Whether an active conditional commitment's condition uses one of these tests."""
        return not self.conditional_reads.keys().isdisjoint(tests)

    def free(self, seat: str, kind: str) -> int:
        d = self.delegates[seat]
        return d.capacity.get(kind, 0) - d.committed.get(kind, 0)


def _add(table: dict, key, amount: int) -> None:
    """Adds to an integer tally, dropping keys that fall to zero."""
    total = table.get(key, 0) + amount
    if total:
        table[key] = total
    else:
        del table[key]


def initial_state(tables: Any, seed: int, controllers: dict[str, str], turns: str | None = None) -> State:
    """Returns the state before the first phase: capacities, tracks and flags as the scenario sets them."""
    delegates = {}
    for d in tables.scenario.delegates:
        principal = Representative(*spokesperson(d), d.role, d.binding_authority)
        delegates[d.id] = DelegateState(
            capacity=dict(d.capacities), committed={}, capital=d.political_capital, rep=principal,
            principal=principal, controller=controllers.get(d.id, "human"))
    contribution = {(k.id, p): v for k in tables.scenario.commitment_kinds for p, v in k.contributes.items()}
    return State(tables=tables, rng=Rng(seed), offer_numbers=Rng(derive_seed(seed, "offer-numbers")),
                 round=1, phase="setup", delegates=delegates,
                 tracks={t.id: t.start for t in tables.scenario.tracks},
                 flags={f.id: f.start for f in tables.scenario.flags}, contribution=contribution,
                 simultaneous=(turns or tables.scenario.rules.turns) == "simultaneous")
