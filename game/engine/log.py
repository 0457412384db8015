"""Log entries: what happened, stamped with sequence, round, phase and actor; and every
entry kind declared once, with its tone and who may see it.

Entry kinds are past tense (`Pledged`, `EventDrawn`); "event" alone always means an
event card. `visible_to` None means public; otherwise only those seats (and the
facilitator) may see the entry.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class EntryKind:
    """How one kind of entry is meant: each medium (table, review, transcript) maps the tone."""

    tone: str
    """event, good, bad, signal, neutral, facilitator, minor, bookkeeping or quiet."""
    visibility: str
    """public; parties (an offer's parties); seat (the seat it concerns); card (as public as
    the event card that caused it); addressed (the seats a message names)."""
    label: str
    """A short heading for the review's timeline."""
    summary: bool = True
    """Shown in summaries (transcript, timeline); bookkeeping and public twins are not."""
    plays_card: bool = False
    """The entry plays an event card (its data names the card as `event`)."""


def _kinds(tone: str, visibility: str, **labels: str) -> dict[str, EntryKind]:
    summary = tone not in ("bookkeeping", "quiet")
    return {kind: EntryKind(tone, visibility, label, summary) for kind, label in labels.items()}


ENTRY_KINDS: dict[str, EntryKind] = {
    "EventDrawn": EntryKind("event", "card", "Event", plays_card=True),
    "EventInjected": EntryKind("facilitator", "card", "Event injected", plays_card=True),
    **_kinds("event", "public", GameEnded="End"),
    **_kinds("minor", "addressed", MessageSent="News"),
    **_kinds("minor", "card", TrackMoved="Track"),
    **_kinds("neutral", "parties", TradeProposed="Offer", TradeCountered="Counter-offer"),
    **_kinds("good", "parties", OfferAccepted="Accepted"),
    **_kinds("bad", "parties", OfferRejected="Rejected", TradeFailed="Deal failed"),
    **_kinds("minor", "parties", OfferExpired="Expired", OfferCancelled="Cancelled"),
    **_kinds("good", "public", TradeAgreed="Deal", Pledged="Pledge"),
    **_kinds("bad", "public", PledgeWithdrawn="Withdrawal", CommitmentLapsed="Lapsed", CommitmentExpired="Term ended"),
    **_kinds("good", "public", CommitmentRenewed="Renewed"),
    **_kinds("bad", "card", CommitmentsSuspended="Suspended", CommitmentsCancelled="Commitments cancelled"),
    **_kinds("good", "card", CommitmentsResumed="Commitments resumed", CommitmentsRenewed="Renewed"),
    **_kinds("minor", "public", TrackDrifted="Drift"),
    **_kinds("signal", "public", Signed="Signatures", ApprovalSought="Vote sought"),
    **_kinds("good", "seat", ApprovalWon="Vote won"),
    **_kinds("bad", "seat", ApprovalLost="Vote lost"),
    **_kinds("facilitator", "public", TrackAdjusted="Facilitator", Paused="Facilitator",
             Resumed="Facilitator", PhaseEnded="Facilitator", SeatHandedOver="Facilitator"),
    **_kinds("bookkeeping", "public", GameStarted="Start", RoundStarted="Round", PhaseStarted="Phase",
             RoundScored="Scores", DeckEmpty="Deck empty", EffectsExpired="Effects ended"),
    **_kinds("quiet", "public", Passed="Pass"),
    # The public twin of ApprovalWon/ApprovalLost: it gives the verdict without the odds.
    "VoteAnnounced": EntryKind("signal", "public", "Vote", summary=False),
}
CARD_ENTRIES = frozenset(kind for kind, declared in ENTRY_KINDS.items() if declared.plays_card)
"""The entry kinds that play an event card."""


class _Worded:
    __slots__ = ("_words",)
    """(function, *arguments) that words an entry's text when it is first read (see `record`)."""


@dataclass(frozen=True, slots=True, init=False)
class LogEntry(_Worded):
    """Immutable: views share entries. Its `__init__` sets the slots through their descriptors,
    which costs half what a frozen dataclass's object.__setattr__ per field does.

    An entry's `text` may be worded when first read (most games' logs are read, if ever, after
    the game): until then its slot is empty and `__getattr__` words it from the values the
    entry was recorded with, so it reads the same whenever it is read."""

    seq: int
    round: int
    phase: str
    actor: str
    kind: str
    text: str
    auto: bool = False
    visible_to: tuple[str, ...] | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def __init__(self, seq: int, round: int, phase: str, actor: str, kind: str, text: str,
                 auto: bool = False, visible_to: tuple[str, ...] | None = None,
                 data: dict[str, Any] | None = None):
        _set_seq(self, seq)
        _set_round(self, round)
        _set_phase(self, phase)
        _set_actor(self, actor)
        _set_kind(self, kind)
        _set_text(self, text)
        _set_auto(self, auto)
        _set_visible_to(self, visible_to)
        _set_data(self, {} if data is None else data)

    def __getattr__(self, name: str) -> Any:
        if name != "text":
            raise AttributeError(f"'LogEntry' object has no attribute '{name}'")
        words = _get_words(self)  # unset only if the text was never given: an AttributeError then
        text = words[0](*words[1:])
        _set_text(self, text)
        return text

    def visible(self, seat: str) -> bool:
        return self.visible_to is None or seat == "facilitator" or seat in self.visible_to

    def to_dict(self) -> dict[str, Any]:
        out = {"seq": self.seq, "round": self.round, "phase": self.phase, "actor": self.actor,
               "kind": self.kind, "text": self.text, "auto": self.auto}
        if self.visible_to is not None:
            out["visible_to"] = list(self.visible_to)
        if self.data:
            out["data"] = self.data
        return out


(_set_seq, _set_round, _set_phase, _set_actor, _set_kind, _set_text, _set_auto, _set_visible_to,
 _set_data) = (LogEntry.__dict__[name].__set__ for name in LogEntry.__dataclass_fields__)
_set_words, _get_words = _Worded.__dict__["_words"].__set__, _Worded.__dict__["_words"].__get__


def record(state, actor: str, kind: str, text: str | tuple, *, auto: bool = False,
           visible_to: tuple[str, ...] | None = None, **data: Any) -> LogEntry:
    """Appends an entry to the state's log and returns it; inside a private event card's
    effects (`state.log_scope`), an entry is at most as public as the card.

    `text` may be (function, *arguments) to word it when first read: arguments are values that
    never change (ids, numbers, the compiled tables), never the state, so it reads the same."""
    scope = state.log_scope
    if scope is not None:
        visible_to = scope if visible_to is None else tuple(s for s in visible_to if s in scope)
    log = state.log
    entry = _new_entry(LogEntry)  # LogEntry.__init__, inlined: one entry or more per action
    _set_seq(entry, len(log) + 1)
    _set_round(entry, state.round)
    _set_phase(entry, state.phase)
    _set_actor(entry, actor)
    _set_kind(entry, kind)
    if type(text) is tuple:
        _set_words(entry, text)
    else:
        _set_text(entry, text)
    _set_auto(entry, auto)
    _set_visible_to(entry, visible_to)
    _set_data(entry, data)
    log.append(entry)
    return entry


_new_entry = object.__new__
