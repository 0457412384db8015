"""The view types: what one seat may know, as plain slotted dataclasses.

Views are read-only by contract, not frozen: cached parts are shared between views (never
change one), and a frozen dataclass sets each field through object.__setattr__, which cost
bot games about 6% of their time.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


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
    log: Sequence
    """The log entries the seat may see (a `deferred.SeatLog`, gathered on first read)."""
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
