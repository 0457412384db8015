"""What bots learn of the engine's listings once a game (game/bots/listing.py) predicts, at every
decision, exactly the signatures and pledges the engine lists then: in the order it lists them,
and as its own listed actions."""

import pytest

from game.bots import BotTable
from game.bots.listing import may_act, pledge_targets, signatures
from game.bots.reading import cannot_give
from game.content.scenarios import load_scenario
from game.engine import Game
from game.sim.playthrough import default_controllers


def _predicted_signs(view, legal) -> list:
    found = signatures(view, legal)
    if found is None:
        return []
    signed = view.delegates[view.seat].signed
    listed = []
    for pid in view.priorities:
        both = found.get(pid)
        if both is None or signed.get(pid) is False:
            continue
        listed.append(both[0])
        if pid not in signed:
            listed.append(both[1])
    return listed


def _predicted_pledge_pairs(view, legal) -> list:
    seat = view.seat
    open_kinds = {kind for kind, units in view.delegates[seat].free.items()
                  if units > 0 and not cannot_give(view, seat, kind)}
    targets = pledge_targets(view, legal, open_kinds)
    pairs = [(place, pair) for pair, (place, _, _) in targets.items() if pair[0] in open_kinds]
    return [pair for _, pair in sorted(pairs)]


def _listed_pairs(legal) -> list:
    return list(dict.fromkeys((a.kind_id, a.priority) for a in legal.of("pledge")))


@pytest.mark.parametrize("scenario, seed, everyone", [
    ("paris-2026", 5, None), ("paris-2026", 6, "cautious"), ("cop21-2015", 5, None),
    ("cop21-2015", 6, "negotiator"), ("tutorial", 5, None), ("tutorial", 6, "cooperative"),
])
def test_what_a_bot_learned_of_the_listings_is_what_the_engine_lists_at_every_decision(scenario, seed, everyone):
    loaded = load_scenario(scenario)
    overrides = {d.id: everyone for d in loaded.scenario.delegates} if everyone else None
    seats = default_controllers(loaded.scenario, overrides)
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=seats)
    table = BotTable(game, seats)
    signs = pledges = 0
    while not game.over:
        seat = game.turn_seat
        view, legal = game.view(seat), game.legal_actions(seat)
        assert may_act(view, legal)
        listed = legal.of("sign")
        predicted = _predicted_signs(view, legal)
        assert predicted == list(listed)
        assert all(a is b for a, b in zip(predicted, listed, strict=True))  # the engine's own actions
        assert _predicted_pledge_pairs(view, legal) == _listed_pairs(legal)
        signs, pledges = signs + len(listed), pledges + len(legal.of("pledge"))
        del view, legal
        table.step(seat)
    assert signs and pledges


def test_a_seat_that_may_not_act_is_listed_nothing():
    loaded = load_scenario("paris-2026")
    game = Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
    seat = next(s for s in game.seats if s != game.turn_seat)
    view, legal = game.view(seat), game.legal_actions(seat)
    assert not may_act(view, legal)
    assert signatures(view, legal) is None
    assert pledge_targets(view, legal, set(view.delegates[seat].free)) == {}


def test_a_signature_reserved_before_a_bot_read_the_listing_is_learned_in_the_next_game(monkeypatch):
    """A seat signs with reservations (played by a person) before its bot first reads the
    listing: the next game at the same table must still find the reserved signature."""
    from game.bots import listing, reading
    from game.bots.judgement import sign_choice
    from game.model.actions import Sign

    monkeypatch.setattr(listing, "_TABLES", {})  # nothing learned at this table by earlier tests
    monkeypatch.setattr(reading, "_SEATS", {})
    loaded = load_scenario("paris-2026")
    first = Game.new(loaded.scenario, 5, content_hash=loaded.content_hash)
    seat = first.turn_seat
    pid = next(a.priority for a in first.legal_actions(seat).of("sign") if a.reservations)
    first.apply(Sign(seat, pid, True))
    view, legal = first.view(seat), first.legal_actions(seat)
    signatures(view, legal)  # learned while only the clean form is listed
    del view, legal
    second = Game.new(loaded.scenario, 5, content_hash=loaded.content_hash)
    view, legal = second.view(seat), second.legal_actions(seat)
    assert signatures(view, legal)[pid] == tuple(a for a in legal.of("sign") if a.priority == pid)
    chosen = sign_choice(view, legal, full_when_contributing=False, threshold="failed")
    assert chosen is not None and chosen in legal
