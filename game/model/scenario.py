"""The scenario file: everything a game knows about one negotiation.

The engine interprets this data; it knows no country, priority or event by name.
Cross-references between sections are checked in `references.py`.
"""

from typing import Literal

from pydantic import Field

from game.model.base import (
    Amount,
    Count,
    Id,
    PositiveAmount,
    Probability,
    Strict,
    added_later,
    unset_by_default,
    whole,
)
from game.model.conditions import Condition, Status
from game.model.delegates import Delegate
from game.model.effects import Effect
from game.model.vocabulary import Vocabulary

Phase = Literal["events", "negotiation", "approvals", "scoring"]


class Source(Strict):
    title: str
    url: str
    reliability: Literal["A", "B", "C", "S"] | None = None


class DebriefQuestion(Strict):
    """A debrief question asked only if the game took that turn: the event fired, the flag
    ended at `flag_value`, the game ended by that end condition (all that are named)."""

    text: str
    after_event: Id | None = None
    flag: Id | None = None
    flag_value: bool = True
    ended_by: Id | None = None


class Meta(Strict):
    id: Id
    title: str
    summary: str
    setting: str
    date: str
    sources: list[Source] = []
    learning_objectives: list[str] = []
    debrief_questions: list[str] = []
    """Asked after every game."""
    conditional_questions: list[DebriefQuestion] = []
    """Asked only after a game in which what each names happened."""
    design_notes: list[str] = []


class TrackDelta(Strict):
    track: Id
    by: Amount


class EndCondition(Strict):
    """Ends the game early, after a round's scoring, when every condition holds. `outcome`, if
    set, is the coalition's outcome whatever the priorities reached (a collapse is a failure)."""

    id: Id
    description: str
    when: list[Condition]
    outcome: Literal["failure", "partial", "success"] | None = None


class Rules(Strict):
    rounds: whole(1, 50)
    phases: list[Phase] = Field(min_length=1)
    actions_per_turn: whole(1, 10) = 2
    turns_per_round: whole(1, 10) = 2
    turn_order: Literal["listed", "rotate"] = "rotate"
    turns: Literal["ordered", "simultaneous"] = "ordered"
    """ordered: delegations take turns; simultaneous: in the negotiation phase every delegation
    acts when it likes, within its budget for the round (actions_per_turn x turns_per_round),
    until each has passed or the facilitator ends the phase (a host may choose either)."""
    events_per_round: whole(0, 10) = 1
    offers_expire: Literal["end_of_round", "never"] = "end_of_round"
    """end_of_round: an unanswered offer expires at the end of the first round by whose end
    every addressee has had a turn to answer it; never: it stays open until answered."""
    withdraw_capital_cost: whole(0, 100) = 1
    withdraw_track_effects: list[TrackDelta] = []
    approval_capital_cost: whole(0, 100) = 0
    renew_capital_cost: whole(0, 100) = added_later(0)
    """Political capital it costs to renew a commitment whose term is ending (see `term`)."""
    default_approval_chance: Probability = 0.6
    approval_chance_bounds: tuple[Probability, Probability] = (0.05, 0.95)
    end_conditions: list[EndCondition] = []
    phase_time_limits: dict[Phase, whole(10, 7200)] = {}


class Priority(Strict):
    id: Id
    name: str
    short: str = ""
    description: str
    target: PositiveAmount
    partial_at: Amount | None = None
    required_leads: list[Id] = []
    min_signatories: Count = 0
    required_signatories: list[Id] = []
    excluded_contributors: list[Id] = []
    """Delegations that may not commit anything to this priority (a public rule, unlike a red line)."""
    excluded_note: str = ""
    """Why they may not: shown to a player whose commitment is refused."""
    signers: list[Id] | None = unset_by_default()
    """The parties to its clause: only they may sign it (everyone when unset)."""
    contributors: list[Id] | None = unset_by_default()
    """Only they may commit to it (everyone when unset); `excluded_contributors` still applies."""

    def may_sign(self, delegate: str) -> bool:
        """Returns whether the delegation is among the parties that may sign the clause."""
        return self.signers is None or delegate in self.signers

    def may_contribute(self, delegate: str) -> bool:
        """Returns whether the public rules let the delegation commit to the priority."""
        return (self.contributors is None or delegate in self.contributors) \
            and delegate not in self.excluded_contributors


class CommitmentKind(Strict):
    id: Id
    name: str
    unit: str
    description: str = ""
    contributes: dict[Id, Amount]
    needs_approval: bool = False
    needs_binding_authority: bool = False
    military: bool = False
    term: whole(1, 50) | None = unset_by_default()
    """Rounds a commitment of this kind counts, the round it is made included; it then lapses
    (its units return) unless its owner renews it in its last round. None: no term."""


class Track(Strict):
    id: Id
    name: str
    description: str = ""
    min: Amount = 0
    max: Amount = 10
    start: Amount
    drift: Amount = added_later(0)
    """Added at the start of every round after the first, within the bounds (a clock ticking)."""
    drift_when: list[Condition] = added_later([])
    """The drift applies only in rounds whose start meets every condition."""


class Flag(Strict):
    id: Id
    name: str
    description: str = ""
    start: bool = False


class Event(Strict):
    id: Id
    title: str
    text: str
    source: str = ""
    weight: PositiveAmount = 1
    when: list[Condition] = []
    effects: list[Effect] = []
    repeatable: bool = False
    visibility: Literal["public", "private"] = "public"
    recipients: list[Id] = []


class ReferencePriority(Strict):
    status: Status
    note: str = ""


class ReferenceDelegate(Strict):
    signed: list[Id] = []
    refused: list[Id] = []
    note: str = ""
    offered: str = ""
    """What it really offered or committed, in words (the review sets it beside the table's)."""


class ReferenceOutcome(Strict):
    summary: str
    priorities: dict[Id, ReferencePriority] = {}
    delegates: dict[Id, ReferenceDelegate] = {}
    votes: str = ""
    """Where domestic approvals really stood (the review sets it beside the votes held)."""
    open_questions: list[str] = []


class Scenario(Strict):
    meta: Meta
    vocabulary: Vocabulary = added_later(Vocabulary())
    rules: Rules
    priorities: list[Priority] = Field(min_length=1)
    commitment_kinds: list[CommitmentKind] = Field(min_length=1)
    tracks: list[Track] = []
    flags: list[Flag] = []
    delegates: list[Delegate] = Field(min_length=2)
    events: list[Event] = []
    reference_outcome: ReferenceOutcome | None = None
