"""The facilitator's free-text inject: said to the table, or only to some delegations."""

from game.model.actions import Announce
from tests.engine.tiny import game, ok, refused


def test_an_announcement_to_everyone_is_public():
    g = game()
    ok(g.apply(Announce("Moscow rejects any European troops in Ukraine.", speaker="Moscow")))
    entry = g.log[-1]
    assert entry.kind == "MessageSent" and entry.visible_to is None
    assert entry.text == "Moscow: Moscow rejects any European troops in Ukraine."
    assert entry.text in [e.text for e in g.view("c").log]


def test_an_announcement_to_some_delegations_stays_with_them():
    g = game()
    ok(g.apply(Announce("A quiet word: the vote will be close.", to=("a",))))
    assert any("quiet word" in e.text for e in g.view("a").log)
    assert not any("quiet word" in e.text for e in g.view("b").log)
    assert not any("quiet word" in e.text for e in g.view("public").log)


def test_an_announcement_needs_words_a_known_audience_and_the_facilitator():
    g = game()
    refused(g.apply(Announce("   ")), "no_text")
    refused(g.apply(Announce("hello", to=("atlantis",))), "unknown_seat")
    refused(g.apply(Announce("hello", seat="a")), "facilitator_only")
    refused(g.apply(Announce("x" * 501)), "malformed")
    assert g.apply_dict({"kind": "announce", "text": "Talks resume", "to": ["a", "b"]}).ok
