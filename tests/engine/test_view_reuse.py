"""Views share what did not change: a free vote keeps the public part, and priorities patched
since the last view are the only ones built again; what they show still equals a fresh build."""

from game.engine.scoring import derived
from game.engine.state import Caches
from game.engine.views import build_view
from game.model.actions import InjectEvent, Pledge, SeekApproval, Sign
from tests.engine.tiny import game, ok


def _fresh_public(g):
    """The public part built from a state whose caches were emptied."""
    state = g._state
    kept = state.caches
    state.caches = Caches()
    try:
        return build_view(state, "public").public
    finally:
        state.caches = kept


def test_a_free_vote_keeps_the_public_part_and_shows_in_the_private_one():
    g = game(rules__approval_capital_cost=0)
    before = g.view("a")
    ok(g.apply(SeekApproval("a", "troops")))
    after = g.view("a")
    assert after.public is before.public  # nothing anyone sees changed
    assert after.delegates["a"].capital == before.delegates["a"].capital
    assert "troops" in after.me.votes_scheduled and "troops" not in before.me.votes_scheduled


def test_a_vote_that_costs_capital_shows_in_the_public_part():
    g = game(rules__approval_capital_cost=1)
    before = g.view("a")
    ok(g.apply(SeekApproval("a", "troops")))
    after = g.view("a")
    assert after.delegates["a"].capital == before.delegates["a"].capital - 1


def test_priorities_patched_twice_between_views_are_both_built_again():
    g = game()
    first = g.view("a")
    ok(g.apply(Sign("a", "p1", False)))
    derived(g._state)  # patched for p1 only; no view is built between the two patches
    ok(g.apply(Pledge("a", "money", 2, "p2")))  # patched for p2 on top
    after = g.view("b")
    fresh = _fresh_public(g)
    assert after.priorities == fresh.priorities
    assert after.priorities["p1"].signatories == ("a",) and after.priorities["p2"].progress == 2
    assert after.priorities["p1"] is not first.priorities["p1"]


def test_seats_told_of_no_private_card_share_the_public_plays():
    events = [{"id": "assure", "title": "Assurance", "text": "psst", "visibility": "private", "recipients": ["a"],
               "effects": [{"op": "message", "text": "for a only"}]},
              {"id": "news", "title": "News", "text": "all", "effects": [{"op": "message", "text": "everyone"}]}]
    g = game(events=events)
    ok(g.apply(InjectEvent("news")))
    b, c, a = g.view("b"), g.view("c"), g.view("a")
    assert b.events_fired == c.events_fired == a.events_fired == {"news": 1}
    assert b.events_fired is c.events_fired is a.events_fired  # a's private card is not played yet
    ok(g.apply(InjectEvent("assure")))
    b, c, a, public = g.view("b"), g.view("c"), g.view("a"), g.view("public")
    assert b.events_fired == c.events_fired == public.events_fired == {"news": 1}
    assert b.events_fired is c.events_fired
    assert a.events_fired == {"news": 1, "assure": 1}
    assert g.view("facilitator").events_fired == {"news": 1, "assure": 1}
