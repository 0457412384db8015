"""Bots read a view once and keep what it shares with the next views (issue 16): a plain list
of legal actions (a remote bot's) and games played side by side choose exactly as before."""

import copy

import pytest

from game.bots import BotTable, make_bot
from game.bots.bargaining import _backing, backing_conditions
from game.bots.judgement import avoided, objective_priorities, parse_objective, wants
from game.content.scenarios import load_scenario
from game.engine import Game
from game.sim.playthrough import default_controllers, play


def _actions(game: Game) -> list:
    return game.record().model_dump(mode="json")["actions"]


@pytest.mark.parametrize("scenario, seed", [("paris-2026", 3), ("cop21-2015", 4)])
def test_a_bot_handed_a_plain_list_chooses_what_it_chooses_with_the_engines_legal_actions(scenario, seed):
    loaded = load_scenario(scenario)
    seats = default_controllers(loaded.scenario)
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
    table = BotTable(game, seats)
    kinds = set()
    while not game.over:
        seat = game.turn_seat
        key = (seat, table.personality(seat))
        bot = table.bots.get(key) or table.bots.setdefault(key, make_bot(key[1]))
        view, legal = game.view(seat), game.legal_actions(seat)
        twin, twin_rng = copy.deepcopy(bot), copy.deepcopy(table.rngs[seat])
        from_list = twin.decide(view, list(legal), twin_rng, game.check)
        chosen = bot.decide(view, legal, table.rngs[seat], game.check)
        assert from_list == chosen
        assert twin_rng.next_u64() == copy.deepcopy(table.rngs[seat]).next_u64()  # the same draws
        kinds.add(chosen.kind)
        assert game.apply(chosen).ok
    assert {"pledge", "sign", "propose", "pass"} <= kinds


def test_games_played_side_by_side_choose_what_they_choose_alone():
    paris, cop21, tutorial = (load_scenario(name) for name in ("paris-2026", "cop21-2015", "tutorial"))
    plays = [(paris, 1), (cop21, 1), (tutorial, 1), (paris, 2), (tutorial, 2)]  # seats "us" and "fr" in each
    tables = []
    for loaded, seed in plays:
        seats = default_controllers(loaded.scenario)
        game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
        tables.append(BotTable(game, seats))
    while any(not t.game.over for t in tables):
        for t in tables:  # one decision each in turn, so the bots' kept readings alternate
            if not t.game.over:
                t.step(t.game.turn_seat)
    for t, (loaded, seed) in zip(tables, plays, strict=True):
        assert _actions(t.game) == _actions(play(loaded.scenario, seed, content_hash=loaded.content_hash))


def test_what_a_seat_s_objectives_ask_follows_the_table_it_sits_at():
    """Seats of one id at different tables ("us" in each bundled scenario) read their own objectives."""
    games = [Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
             for loaded in map(load_scenario, ("paris-2026", "cop21-2015", "tutorial", "paris-2026"))]
    for seat in ("us", "fr"):
        for game in games:
            view = game.view(seat)
            objectives = view.me.objectives
            parsed = [parse_objective(o.when) for o in objectives]
            assert avoided(view) == {pair for p in parsed for pair in p.avoided}
            assert objective_priorities(view) == {pid for p in parsed for pid in p.priorities}
            assert wants(view) == tuple(w for o, p in zip(objectives, parsed, strict=True) if not o.met for w in p.wants)
            assert backing_conditions(view) == _backing(seat, tuple(o.when for o in objectives))


@pytest.mark.parametrize("personality", ["negotiator", "cooperative", "cautious"])
def test_games_of_one_personality_side_by_side_choose_what_they_choose_alone(personality):
    """Every seat one personality, two tables of the flagship and one of COP21 a decision each in
    turn: what a bot keeps between decisions (asks on a board shared by every negotiator, each
    want's ask, its best give, a seat's spare units) never answers for another game."""
    plays = [(load_scenario(name), seed) for name, seed in (("paris-2026", 7), ("paris-2026", 8), ("cop21-2015", 7))]
    tables, alone = [], []
    for loaded, seed in plays:
        seats = {d.id: personality for d in loaded.scenario.delegates}
        game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
        tables.append(BotTable(game, seats))
        alone.append(_actions(play(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)))
    while any(not t.game.over for t in tables):
        for t in tables:
            if not t.game.over:
                t.step(t.game.turn_seat)
    assert [_actions(t.game) for t in tables] == alone
