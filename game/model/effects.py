"""Effects: typed operations that event cards apply, a union keyed by `op`.

Effects with `rounds` are timed: the engine reverts them after that many rounds
(null means until the end of the game or until another effect undoes them).
"""

from typing import Annotated, Literal, Union

from pydantic import Field

from game.model.base import Amount, Id, Shift, Strict, Whole, whole
from game.model.delegates import Role

Rounds = whole(1, 50) | None


class MoveTrack(Strict):  # not AdjustTrack: that is the facilitator's action (game.model.actions)
    """Moves a track by `by`, within its bounds."""

    op: Literal["adjust_track"]
    track: Id
    by: Amount


class SetFlag(Strict):
    op: Literal["set_flag"]
    flag: Id
    value: bool = True


class AdjustCapacity(Strict):
    """Adds `by` to the delegate's capacity of a kind; capacity never drops below what is already committed."""

    op: Literal["adjust_capacity"]
    delegate: Id
    kind: Id
    by: Whole
    rounds: Rounds = None


class AdjustCapital(Strict):
    op: Literal["adjust_capital"]
    delegate: Id
    by: whole(-100, 100)


class BlockKind(Strict):
    """The delegate cannot commit new units of the kind while blocked."""

    op: Literal["block_kind"]
    delegate: Id
    kind: Id
    rounds: Rounds = None
    reason: str = ""


class UnblockKind(Strict):
    op: Literal["unblock_kind"]
    delegate: Id
    kind: Id


class ReplaceRepresentative(Strict):
    """Someone else speaks for the delegation, possibly without binding authority."""

    op: Literal["replace_representative"]
    delegate: Id
    name: str
    title: str
    role: Role | None = None
    binding_authority: bool | None = None
    rounds: Rounds = None


class AdjustApproval(Strict):
    """Adds `by` (a probability, e.g. -0.2) to the delegate's approval odds for a kind."""

    op: Literal["adjust_approval"]
    delegate: Id
    kind: Id
    by: Shift
    rounds: Rounds = None


class AdjustContribution(Strict):
    """Adds `by` to how much one unit of the kind advances the priority: for units committed
    from now on (`applies_to: new`, the default), or for every unit, including those already
    committed (`all`). When a timed `new` change ends, units committed while it was in force
    keep the value they were committed at."""

    op: Literal["adjust_contribution"]
    kind: Id
    priority: Id
    by: Amount
    rounds: Rounds = None
    applies_to: Literal["new", "all"] = "new"


class AdjustActions(Strict):
    """Adds `by` to the actions the delegate may take per turn."""

    op: Literal["adjust_actions"]
    delegate: Id
    by: whole(-10, 10)
    rounds: Rounds = None


class CancelOffers(Strict):
    """Closes every open offer the delegate made or is party to."""

    op: Literal["cancel_offers"]
    delegate: Id


class RevokeApproval(Strict):
    """Takes back a domestic mandate the delegate had won for a kind."""

    op: Literal["revoke_approval"]
    delegate: Id
    kind: Id


class SuspendCommitments(Strict):
    """The delegation's active commitments (of the kind, toward the priority, when given) stop
    counting while suspended; their units stay committed. Timed: they resume by themselves."""

    op: Literal["suspend_commitments"]
    delegate: Id
    kind: Id | None = None
    priority: Id | None = None
    rounds: Rounds = None


class ResumeCommitments(Strict):
    """Ends every suspension of the delegation's matching commitments: they count again."""

    op: Literal["resume_commitments"]
    delegate: Id
    kind: Id | None = None
    priority: Id | None = None


class CancelCommitments(Strict):
    """Voids the delegation's matching commitments (active, pending or suspended) for good;
    their units return to its free capacity, at no cost in capital or trust."""

    op: Literal["cancel_commitments"]
    delegate: Id
    kind: Id | None = None
    priority: Id | None = None


class RenewCommitments(Strict):
    """Gives the delegation's matching commitments that have a term another whole term after the running one."""

    op: Literal["renew_commitments"]
    delegate: Id
    kind: Id | None = None
    priority: Id | None = None


class Message(Strict):
    """A line of news: to everyone, or privately to the listed delegates."""

    op: Literal["message"]
    text: str
    to: list[Id] | None = None


Effect = Annotated[
    Union[
        MoveTrack,
        SetFlag,
        AdjustCapacity,
        AdjustCapital,
        BlockKind,
        UnblockKind,
        ReplaceRepresentative,
        AdjustApproval,
        AdjustContribution,
        AdjustActions,
        CancelOffers,
        RevokeApproval,
        SuspendCommitments,
        ResumeCommitments,
        CancelCommitments,
        RenewCommitments,
        Message,
    ],
    Field(discriminator="op"),
]
