"""A tutorial game driven action by action so that every kind of key moment happens once:
a withdrawal, a lost vote, a conditional chain that unlocks, a conditional that lapses,
and facilitator interventions. The vote is a chance roll, so the seed is searched for."""

from game.content.scenarios import load_scenario
from game.engine import Game
from game.model.actions import AdjustTrack, InjectEvent, Pass, Pledge, SeekApproval, Withdraw
from game.model.conditions import ContributedTest

REASON = "a walkout, for the <record> & the debrief"


def _act(game: Game, action) -> bool:
    """Passes until it is the action's seat's turn in this round, then applies it; False if refused."""
    start = game.round
    while game.turn_seat != action.seat:
        if game.over or game.turn_seat is None or game.round != start:
            return False
        game.apply(Pass(game.turn_seat))
    return getattr(game.apply(action), "ok", False)


def _finish_round(game: Game) -> None:
    start = game.round
    while not game.over and game.round == start:
        game.apply(Pass(game.turn_seat))


def _play(seed: int) -> Game | None:
    loaded = load_scenario("tutorial")
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash)
    round_one = [
        Pledge("fr", "funding", 1, "monitoring"),  # #1 ...
        Withdraw("fr", 1),  # ... taken back
        Pledge("uk", "monitoring_assets", 1, "monitoring",
               ContributedTest(test="contributed", delegate="us", kind="guarantee")),  # #2: will lapse
        Pledge("de", "troops", 1, "force"),  # #3: pending a Bundestag vote
        SeekApproval("de", "troops"),
        Pledge("us", "funding", 1, "monitoring",
               ContributedTest(test="contributed", delegate="de", kind="funding")),  # #4: rests on #5
        Pledge("de", "funding", 1, "force",
               ContributedTest(test="contributed", delegate="fr", kind="monitoring_assets")),  # #5
    ]
    if not all(_act(game, action) for action in round_one):
        return None
    if not getattr(game.apply(AdjustTrack("cohesion", -1, REASON)), "ok", False):
        return None
    _finish_round(game)
    if not any(e.kind == "ApprovalLost" and e.data["delegate"] == "de" for e in game.log):
        return None
    if not _act(game, Pledge("fr", "monitoring_assets", 1, "monitoring")):  # #6 unlocks #5, then #4
        return None
    unfired = [e for e in ("bundestag_delay", "venezuela") if e not in game.view("facilitator").events_fired]
    if not unfired or not getattr(game.apply(InjectEvent(unfired[0])), "ok", False):
        return None
    while not game.over:
        game.apply(Pass(game.turn_seat))
    return game


def crafted_game() -> Game:
    """Returns the first seed's game in which every planned moment happened."""
    for seed in range(200):
        game = _play(seed)
        if game is not None:
            return game
    raise AssertionError("no seed gave a lost Bundestag vote with the planned actions")
