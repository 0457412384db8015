"""A delegation at the table: who speaks for it, what it can give, what binds it."""

from typing import Annotated, Literal

from pydantic import StringConstraints

from game.model.base import Id, Probability, Shift, Strict, unset_by_default, whole
from game.model.conditions import Condition

Role = Literal["head_of_state", "head_of_government", "minister", "envoy", "institution",
               "mediator", "bloc", "organisation", "private_sector", "observer"]
"""Who sits at the seat: the first five speak for a state (or the EU); the others for a
presidency or host that brokers, a negotiating group, a non-state organisation, business,
or a party that watches and speaks but is not expected to give much."""
Badge = Annotated[str, StringConstraints(pattern=r"^[^\s]{1,4}$")]
"""A seat's badge label: 1 to 4 characters, no spaces (`EU`, `G77`, `AOSI`)."""
Personality = Literal["random", "cautious", "cooperative", "negotiator"]


class Person(Strict):
    name: str
    title: str


class ApprovalModifier(Strict):
    """Shifts the approval odds by `by` while every condition in `when` holds."""

    when: list[Condition]
    by: Shift
    note: str = ""


class Approval(Strict):
    """A domestic body (parliament, council) that must approve commitments of a kind."""

    body: str
    chance: Probability
    required: bool = True
    modifiers: list[ApprovalModifier] = []


class RedLines(Strict):
    """What the delegation will not commit to: kinds it never gives, priorities it never pledges to or signs."""

    kinds: list[Id] = []
    priorities: list[Id] = []
    note: str = ""


class Objective(Strict):
    """A private objective: worth `points` if every condition in `when` holds at the end."""

    id: Id
    description: str
    when: list[Condition]
    points: whole(-100, 100)


class Delegate(Strict):
    id: Id
    name: str
    country: str = ""
    """The state it belongs to; empty for a bloc, an organisation or a business."""
    principal: Person | None = None
    """Who speaks for it; without one the delegation speaks under its own name."""
    role: Role
    badge: Badge | None = unset_by_default()
    """The letters on its badge; without it, taken from the id."""
    attributes: list[Id] = []
    capacities: dict[Id, whole(0, 10_000)]
    political_capital: whole(0, 100)
    binding_authority: bool = True
    approvals: dict[Id, Approval] = {}
    red_lines: RedLines = RedLines.model_construct()  # the defaults, without building a validator at import
    public_brief: str
    confidential_brief: str
    objectives: list[Objective] = []
    core: bool = False
    bot: Personality = "cooperative"
