"""A delegation at the table: who speaks for it, what it can give, what binds it."""

from typing import Literal

from game.model.base import Id, Probability, Shift, Strict, whole
from game.model.conditions import Condition

Role = Literal["head_of_state", "head_of_government", "minister", "envoy", "institution"]
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
    country: str
    principal: Person
    role: Role
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
