"""One headless playthrough: bots play every seat until the game ends.

Each seat's bot gets its own RNG stream derived from the game seed, so the same
seed and the same controllers always give the same game, and the engine's RNG
(events, votes) is never touched by a bot.
"""

from collections.abc import Mapping

from game.bots import BOTS, Bot, make_bot
from game.engine import Game
from game.engine.rng import Rng, derive_seed
from game.model.scenario import Scenario

MAX_DECISIONS = 20_000


class BotTable:
    """The bots seated at one game, created as seats are handed to them."""

    def __init__(self, game: Game, defaults: Mapping[str, str]):
        self.game = game
        self.defaults = defaults
        self.bots: dict[tuple[str, str], Bot] = {}
        self.rngs = {seat: Rng(derive_seed(game.seed, f"bot:{seat}")) for seat in game.tables.seats}

    def personality(self, seat: str) -> str:
        controller = self.game.controller(seat)
        return controller if controller in BOTS else self.defaults[seat]

    def step(self, seat: str) -> None:
        """Lets the seat's bot take one action."""
        personality = self.personality(seat)
        bot = self.bots.get((seat, personality))
        if bot is None:
            bot = self.bots[(seat, personality)] = make_bot(personality)
        game = self.game
        action = bot.decide(game.view(seat), game.legal_actions(seat), self.rngs[seat], game.check)
        result = game.apply(action)
        if not result.ok:  # a bot bug must not stall a class: fall back to passing, loudly in the log
            raise RuntimeError(f"{personality} bot for {seat} chose an illegal action {action}: {result.message}")


def default_controllers(scenario: Scenario, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Returns each seat's bot personality: the scenario's default, unless overridden."""
    controllers = {d.id: d.bot for d in scenario.delegates}
    controllers.update(overrides or {})
    return controllers


def play(scenario: Scenario, seed: int, *, content_hash: str | None = None,
         controllers: Mapping[str, str] | None = None) -> Game:
    """Plays a whole game with bots in every seat and returns it."""
    seats = default_controllers(scenario, controllers)
    game = Game.new(scenario, seed, content_hash=content_hash, controllers=seats)
    table = BotTable(game, seats)
    while not game.over:
        if game.state.decisions > MAX_DECISIONS:
            raise RuntimeError(f"game did not end within {MAX_DECISIONS} decisions")
        table.step(game.turn_seat)
    return game
