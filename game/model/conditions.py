"""Conditions: declarative tests over the game state, a union keyed by `test`.

Events (`when`), private objectives, approval modifiers and end conditions all use
them. A list of conditions means all must hold. No expression language, no eval.
"""

from typing import Annotated, Literal, Union

from pydantic import Field

from game.model.base import Amount, Id, Strict, Whole

Status = Literal["secured", "partial", "failed"]


class RoundTest(Strict):
    """The current round is within [min, max]."""

    test: Literal["round"]
    min: Whole | None = None
    max: Whole | None = None


class TrackTest(Strict):
    """A track's value is within [min, max]."""

    test: Literal["track"]
    track: Id
    min: Amount | None = None
    max: Amount | None = None


class FlagTest(Strict):
    """A flag has the given value."""

    test: Literal["flag"]
    flag: Id
    value: bool = True


class PriorityTest(Strict):
    """A priority's status is one of `status`, and/or its progress is at least `min_progress`."""

    test: Literal["priority"]
    priority: Id
    status: list[Status] | None = None
    min_progress: Amount | None = None


class ContributedTest(Strict):
    """Effective commitments matching delegate/kind/priority (any when omitted) total at least `min` units."""

    test: Literal["contributed"]
    delegate: Id | None = None
    kind: Id | None = None
    priority: Id | None = None
    min: Amount = 1


class SignedTest(Strict):
    """The delegate signed the priority (with reservations counting unless `reservations_ok` is false)."""

    test: Literal["signed"]
    delegate: Id
    priority: Id
    reservations_ok: bool = True


class CapacityTest(Strict):
    """The delegate's uncommitted capacity of a kind is within [min, max]."""

    test: Literal["capacity"]
    delegate: Id
    kind: Id
    min: Amount | None = None
    max: Amount | None = None


class CapitalTest(Strict):
    """The delegate's political capital is within [min, max]."""

    test: Literal["capital"]
    delegate: Id
    min: Amount | None = None
    max: Amount | None = None


class ApprovedTest(Strict):
    """The delegate holds a domestic mandate (approval won) for the kind."""

    test: Literal["approved"]
    delegate: Id
    kind: Id


class AuthorityTest(Strict):
    """The delegate's representative can (or cannot) give binding commitments."""

    test: Literal["binding_authority"]
    delegate: Id
    value: bool = True


class EventFiredTest(Strict):
    """The event card has been drawn or injected at least once."""

    test: Literal["event_fired"]
    event: Id


class AllTest(Strict):
    """Every condition in `of` holds."""

    test: Literal["all"]
    of: list["Condition"]


class AnyTest(Strict):
    """At least one condition in `of` holds."""

    test: Literal["any"]
    of: list["Condition"]


class NotTest(Strict):
    """The condition `of` does not hold."""

    test: Literal["not"]
    of: "Condition"


Condition = Annotated[
    Union[
        RoundTest,
        TrackTest,
        FlagTest,
        PriorityTest,
        ContributedTest,
        SignedTest,
        CapacityTest,
        CapitalTest,
        ApprovedTest,
        AuthorityTest,
        EventFiredTest,
        AllTest,
        AnyTest,
        NotTest,
    ],
    Field(discriminator="test"),
]
