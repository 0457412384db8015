"""Actions: small typed values, a union keyed by `kind`.

They are stdlib dataclasses so the engine's hot loop builds and reads them at plain
Python speed; pydantic validates them (`ACTIONS.validate_python`) only at the
boundaries: save files, the CLI, the network.
"""

from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import ConfigDict, Field, StrictInt, TypeAdapter

from game.model.conditions import Condition

FACILITATOR = "facilitator"
PUBLIC = "public"
"""The spectator: a projector between turns sees only what every seat may see."""


@dataclass(frozen=True, slots=True)
class OfferItem:
    """One commitment inside a trade: `giver` gives `amount` of kind `kind_id` toward a priority."""

    giver: str
    kind_id: str
    amount: StrictInt
    priority: str
    condition: Condition | None = None


@dataclass(frozen=True, slots=True)
class Pledge:
    """A unilateral commitment of `amount` units of kind `kind_id`, optionally conditional."""

    seat: str
    kind_id: str
    amount: StrictInt
    priority: str
    condition: Condition | None = None
    kind: Literal["pledge"] = "pledge"


@dataclass(frozen=True, slots=True)
class Propose:
    """A trade offer: a bundle of commitments from two or more delegations, every giver
    addressed in `to` (or the proposer). A proposer that gives nothing brokers the deal."""

    seat: str
    to: tuple[str, ...]
    items: tuple[OfferItem, ...]
    note: str = ""
    kind: Literal["propose"] = "propose"


@dataclass(frozen=True, slots=True)
class Accept:
    seat: str
    offer: StrictInt
    kind: Literal["accept"] = "accept"


@dataclass(frozen=True, slots=True)
class Reject:
    seat: str
    offer: StrictInt
    kind: Literal["reject"] = "reject"


@dataclass(frozen=True, slots=True)
class Counter:
    """Replaces an open offer with a new bundle, addressed to the other parties."""

    seat: str
    offer: StrictInt
    items: tuple[OfferItem, ...]
    note: str = ""
    kind: Literal["counter"] = "counter"


@dataclass(frozen=True, slots=True)
class Withdraw:
    """Takes back a commitment (by its number: a pledge or an accepted offer's item); costs
    political capital and coalition trust."""

    seat: str
    commitment: StrictInt
    kind: Literal["withdraw"] = "withdraw"


@dataclass(frozen=True, slots=True)
class Renew:
    """Renews one of the seat's own commitments in the last round of its term, for another whole
    term (the kind's `term`) after the running one; costs the rules' `renew_capital_cost`."""

    seat: str
    commitment: StrictInt
    kind: Literal["renew"] = "renew"


@dataclass(frozen=True, slots=True)
class Sign:
    """Signs a priority's clause, fully or with reservations."""

    seat: str
    priority: str
    reservations: bool = False
    kind: Literal["sign"] = "sign"


@dataclass(frozen=True, slots=True)
class SeekApproval:
    """Asks the delegation's parliament (or council) for a mandate for a commitment kind."""

    seat: str
    kind_id: str
    kind: Literal["seek_approval"] = "seek_approval"


@dataclass(frozen=True, slots=True)
class Pass:
    """Ends the seat's turn."""

    seat: str
    kind: Literal["pass"] = "pass"


@dataclass(frozen=True, slots=True)
class InjectEvent:
    """Facilitator: play a chosen event card now."""

    event: str
    seat: str = FACILITATOR
    kind: Literal["inject_event"] = "inject_event"


@dataclass(frozen=True, slots=True)
class AdjustTrack:
    """Facilitator: move a track, with a reason for the record."""

    track: str
    by: float
    reason: str
    seat: str = FACILITATOR
    kind: Literal["adjust_track"] = "adjust_track"


@dataclass(frozen=True, slots=True)
class Pause:
    seat: str = FACILITATOR
    kind: Literal["pause"] = "pause"


@dataclass(frozen=True, slots=True)
class Resume:
    seat: str = FACILITATOR
    kind: Literal["resume"] = "resume"


@dataclass(frozen=True, slots=True)
class EndPhase:
    """Facilitator: end the current phase now."""

    seat: str = FACILITATOR
    kind: Literal["end_phase"] = "end_phase"


@dataclass(frozen=True, slots=True)
class SetController:
    """Facilitator: hand a seat to a bot (with a personality) or back to a human."""

    delegate: str
    controller: str
    seat: str = FACILITATOR
    kind: Literal["set_controller"] = "set_controller"


@dataclass(frozen=True, slots=True)
class Announce:
    """Facilitator: a free-text inject to the table, or to some delegations only (a statement
    from an actor the facilitator plays, such as Moscow; news the scenario's deck lacks)."""

    text: str
    to: tuple[str, ...] = ()
    """Empty: everyone; else only these delegations (and the facilitator) hear it."""
    speaker: str = ""
    seat: str = FACILITATOR
    kind: Literal["announce"] = "announce"


PlayerAction = Pledge | Propose | Accept | Reject | Counter | Withdraw | Renew | Sign | SeekApproval | Pass
FacilitatorAction = InjectEvent | AdjustTrack | Pause | Resume | EndPhase | SetController | Announce

Action = Annotated[
    Union[
        Pledge, Propose, Accept, Reject, Counter, Withdraw, Renew, Sign, SeekApproval, Pass,
        InjectEvent, AdjustTrack, Pause, Resume, EndPhase, SetController, Announce,
    ],
    Field(discriminator="kind"),
]

ACTIONS: TypeAdapter[Any] = TypeAdapter(Action, config=ConfigDict(defer_build=True))
ACTION_LIST: TypeAdapter[Any] = TypeAdapter(list[Action], config=ConfigDict(defer_build=True))


def action_to_dict(action: Any) -> dict[str, Any]:
    """Returns the JSON-ready form of an action (defaults omitted, kind first)."""
    data = ACTIONS.dump_python(action, mode="json", exclude_defaults=True)
    data = {"kind": action.kind, **data}
    return data
