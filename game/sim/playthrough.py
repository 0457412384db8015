"""One headless playthrough: bots play every seat until the game ends."""

from collections.abc import Callable, Mapping

from game.bots import BotTable
from game.engine import Game
from game.model.scenario import Scenario

MAX_DECISIONS = 20_000


def default_controllers(scenario: Scenario, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Returns each seat's bot personality: the scenario's default, unless overridden."""
    controllers = {d.id: d.bot for d in scenario.delegates}
    controllers.update(overrides or {})
    return controllers


def play(scenario: Scenario, seed: int, *, content_hash: str | None = None,
         controllers: Mapping[str, str] | None = None, on_step: Callable[[Game], None] | None = None) -> Game:
    """Plays a whole game with bots in every seat and returns it; on_step(game) follows each decision."""
    seats = default_controllers(scenario, controllers)
    game = Game.new(scenario, seed, content_hash=content_hash, controllers=seats)
    table = BotTable(game, seats)
    while not game.over:
        if game.decisions > MAX_DECISIONS:
            raise RuntimeError(f"game did not end within {MAX_DECISIONS} decisions")
        table.step(game.turn_seat)
        if on_step is not None:
            on_step(game)
    return game
