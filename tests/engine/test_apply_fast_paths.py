"""The shortcuts `Game.apply` takes must never change what it accepts or refuses: an action
check() passed is applied unchecked only while nothing has happened since."""

from game.engine import Game
from game.model.actions import Pass, Pledge
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
