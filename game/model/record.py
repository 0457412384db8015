"""The game record (save file): a game is its scenario hash, seed and ordered actions.

Replaying the actions reproduces the game exactly; `rng_state`, `decisions` and
`log_digest` let a loader verify that it did, so all three are required and typed.
Numbers are strict (never read from text or true/false) and held to 64 bits.
"""

from typing import Annotated, Any, Literal, get_args

from pydantic import Field, model_serializer, model_validator
from pydantic import Strict as StrictType

from game.model.base import Id, Strict
from game.model.delegates import Personality
from game.model.formats import NEWEST, migrate_action

RECORD_FORMAT = NEWEST
"""The newest record format this program reads and writes (2: actions say `kind_id` for a kind and
`commitment` for a commitment's number; `game.model.formats` reads format 1)."""
MAX_SCENARIO_TEXT = 2 * 1024 * 1024
"""The largest scenario a record may carry: the size of the largest scenario file."""
MAX_ACTIONS = 100_000
"""Far beyond a real game (the flagship's bot games take about 350), small enough to replay."""

U64 = Annotated[int, StrictType(), Field(ge=0, le=2**64 - 1)]
Controller = Literal[("human", *get_args(Personality))]  # type: ignore[valid-type]
"""Who plays a seat: a person, or a bot of one personality (`game.bots.BOTS` has the same names)."""


class ForkParent(Strict):
    """Where a fork came from: the parent record's file name and log digest, and the step it
    branched at. `reseeds` lists every (step, seed) at which the RNG restarted on the way here
    (the parent's own, then this fork's new seed, if one was asked): replay needs them."""

    record: str = Field(max_length=300)
    digest: str = Field(pattern=r"^[0-9a-f]{32}$")
    step: Annotated[int, StrictType(), Field(ge=0, le=MAX_ACTIONS)]
    reseeds: list[tuple[Annotated[int, StrictType(), Field(ge=0, le=MAX_ACTIONS)], U64]] = Field(default=[], max_length=100)


class GameRecord(Strict):
    format: Annotated[int, StrictType(), Field(ge=1, le=RECORD_FORMAT)] = RECORD_FORMAT
    scenario_id: Id
    """The scenario's id: an id, never a file path (a bundled scenario is found by it)."""
    scenario_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    seed: U64
    actions: list[dict[str, Any]] = Field(default=[], max_length=MAX_ACTIONS)
    controllers: dict[Id, Controller] = {}
    """Who played each seat at the start: "human" or a bot personality."""
    decisions: Annotated[int, StrictType(), Field(ge=0, le=MAX_ACTIONS)]
    rng_state: U64
    log_digest: str = Field(pattern=r"^[0-9a-f]{32}$")
    parent: ForkParent | None = None
    """Set on a fork (`coalition fork`): the game it branched from."""
    turns: Literal["ordered", "simultaneous"] | None = None
    """Set when the game's host chose a turn mode other than its scenario's (`--turns`)."""
    scenario_text: str | None = Field(default=None, max_length=MAX_SCENARIO_TEXT)
    """Set for a scenario that is not bundled (a file): its YAML text, checked against
    `scenario_hash` when loaded, so the record is reviewed and replayed without that file."""

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: Any) -> Any:
        """Reads an older format's actions in today's field names. `format` stays as saved: it says
        how `log_digest` was computed, which replay checks; the game's own record is the newest."""
        version = data.get("format") if isinstance(data, dict) else None
        if type(version) is int and 1 <= version < RECORD_FORMAT and type(data.get("actions")) is list:
            data = {**data, "actions": [migrate_action(a, version) for a in data["actions"]]}
        return data

    @model_serializer(mode="wrap")
    def _drop_unset(self, handler):
        """Keeps a record with no fork, no turn mode and no scenario of its own byte-identical to one saved before."""
        data = handler(self)
        for key in ("parent", "turns", "scenario_text"):
            if data.get(key, 0) is None:
                del data[key]
        return data
