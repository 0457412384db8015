"""The game record (save file): a game is its scenario hash, seed and ordered actions.

Replaying the actions reproduces the game exactly; `rng_state`, `decisions` and
`log_digest` let a loader verify that it did.
"""

from typing import Any

from pydantic import Field

from game.model.base import Strict

RECORD_FORMAT = 1


class GameRecord(Strict):
    format: int = RECORD_FORMAT
    scenario_id: str
    scenario_hash: str = Field(min_length=64, max_length=64)
    seed: int
    actions: list[dict[str, Any]] = []
    controllers: dict[str, str] = {}
    """Who played each seat at the start: "human" or a bot personality."""
    decisions: int = 0
    rng_state: int = 0
    log_digest: str = ""
