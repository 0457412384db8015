"""The shortcuts of `Game.apply` and of listing legal actions must never change what the game
accepts, refuses or lists: an action check() passed is applied unchecked only while nothing
has happened since, and listings kept across turns and games equal listings from scratch."""

from game.content.scenarios import load_scenario
from game.engine import Game, Rng
from game.engine.commitments import check_giver
from game.model.actions import Pass, Pledge, Sign
from tests.engine.tiny import game, ok, refused


def test_a_checked_action_is_checked_again_after_another_action():
    g = game()
    everything = Pledge("a", "money", 3, "p1")
    assert g.check(everything) is None
    ok(g.apply(Pledge("a", "money", 1, "p1")))  # Alba's turn goes on, with 2 units left
    expected = g.check(everything)
    assert expected is not None and expected.rule == "capacity"
    assert refused(g.apply(everything), "capacity") == expected


def test_a_checked_action_is_checked_again_after_an_undo():
    g = game()
    ok(g.apply(Pass("a")))
    pledge = Pledge("b", "money", 2, "p1")
    assert g.check(pledge) is None
    g.undo()
    ok(g.apply(Pledge("a", "money", 1, "p1")))  # a new state, at the decision count it was checked at
    assert g.decisions == 1
    refused(g.apply(pledge), "not_your_turn")


def test_only_the_checked_object_skips_the_check():
    g = game()
    assert g.check(Pass("a")) is None
    refused(g.apply(None), "malformed")  # None is not the checked Pass (nor a missing entry)
    refused(g.apply(Pledge("a", "money", 9, "p1")), "capacity")
    refused(g.apply(Pledge("a", "money", True, "p1")), "malformed")


def test_a_checked_action_applies_like_an_unchecked_one():
    checked, unchecked = game(), game()
    for g in (checked, unchecked):
        action = Pledge("a", "money", 1, "p1")
        if g is checked:
            assert g.check(action) is None
        ok(g.apply(action))
    assert [e.to_dict() for e in checked.log] == [e.to_dict() for e in unchecked.log]
    assert isinstance(checked, Game) and checked.decisions == unchecked.decisions == 1


# -- listings kept across turns and games ---------------------------------------------------

def _reference_pledges(state, seat: str) -> list:
    """The pledges listed from scratch, as the engine listed them before it kept listings."""
    red, priorities = state.tables.red_priorities[seat], state.tables.priorities
    by_kind: dict[str, list[str]] = {}
    for (kind, priority), value in state.contribution.items():
        if value > 0 and priority not in red and priorities[priority].may_contribute(seat):
            by_kind.setdefault(kind, []).append(priority)
    found = []
    for kind, listed in by_kind.items():
        free = state.free(seat, kind)
        if free <= 0 or check_giver(state, seat, kind) is not None:
            continue
        for priority in listed:
            found.append(Pledge(seat, kind, 1, priority))
            if free > 1:
                found.append(Pledge(seat, kind, free, priority))
    return found


def _reference_signatures(state, seat: str) -> list:
    t, signed = state.tables, state.delegates[seat].signed
    found = []
    for pid in t.priority_order:
        if pid in t.red_priorities[seat] or not t.priorities[pid].may_sign(seat):
            continue
        if pid not in signed:
            found += [Sign(seat, pid), Sign(seat, pid, True)]
        elif signed[pid]:
            found.append(Sign(seat, pid))
    return found


_SHIFTING = [  # cards that change what can be pledged: contributions, a block, a lost authority
    {"id": "troops_help", "title": "T", "text": "t", "repeatable": True,
     "effects": [{"op": "adjust_contribution", "kind": "troops", "priority": "p1", "by": 1, "rounds": 1}]},
    {"id": "money_useless", "title": "M", "text": "m",
     "effects": [{"op": "adjust_contribution", "kind": "money", "priority": "p1", "by": -1}]},
    {"id": "block", "title": "B", "text": "b", "repeatable": True,
     "effects": [{"op": "block_kind", "delegate": "a", "kind": "money", "rounds": 1}]},
    {"id": "distract", "title": "D", "text": "d", "effects": [
        {"op": "replace_representative", "delegate": "b", "name": "Envoy", "title": "Envoy",
         "role": "envoy", "binding_authority": False, "rounds": 1}]},
]


def _listings_match(g) -> int:
    """Plays g with random legal actions, comparing each listing with one made from scratch."""
    rng, compared = Rng(g.seed), 0
    while not g.over and g.decisions < 400:
        seat = g.turn_seat
        legal = g.legal_actions(seat)
        assert list(legal.of("pledge")) == _reference_pledges(g._state, seat)
        assert list(legal.of("sign")) == _reference_signatures(g._state, seat)
        compared += 1
        ok(g.apply(rng.choice(legal)))
    return compared


def test_kept_listings_equal_listings_from_scratch_across_games():
    # games one after another share the compiled tables and what they keep: a contribution an
    # event changed in one game must not leak into the next game's listings
    compared = sum(_listings_match(game(seed, rules__events_per_round=1, rules__rounds=4, events=_SHIFTING))
                   for seed in range(12))
    assert compared > 200


def test_kept_listings_equal_listings_from_scratch_in_the_bundled_scenarios():
    for name in ("paris-2026", "cop21-2015"):
        loaded = load_scenario(name)
        for seed in range(2):
            assert _listings_match(Game.new(loaded.scenario, seed, content_hash=loaded.content_hash)) > 50
