"""A pledge that no active condition watches is patched into the derived values; one that a
condition watches (its giver, kind or priority, the priority's progress, the giver's free
units) resolves the conditions again. Either way the values equal a fresh computation."""

import pytest

from game.engine.scoring import derived
from game.model.actions import Pledge
from game.model.conditions import CapacityTest, ContributedTest, PriorityTest
from tests.engine.tiny import game, ok


def _values(d) -> tuple:
    return (d.effective, dict(d.totals), d.extra, d.progress, d.status, d.signatories, d.leads_ok,
            {seat: d.contributed(seat, None, None) for seat in "abc"})


def _fresh(state) -> tuple:
    kept = _values(derived(state))
    state.caches.dirty = True
    return kept, _values(derived(state))


WATCHED = {
    "giver, kind and priority": ContributedTest(test="contributed", delegate="a", kind="money", priority="p2"),
    "anyone to the priority": ContributedTest(test="contributed", priority="p2"),
    "the giver, any kind": ContributedTest(test="contributed", delegate="a", min=2),  # itself counts 1
    "the priority's progress": PriorityTest(test="priority", priority="p2", min_progress=1),
    "the giver's free units": CapacityTest(test="capacity", delegate="a", kind="money", max=1),
}


@pytest.mark.parametrize("name", WATCHED)
def test_a_pledge_a_condition_watches_resolves_it_again(name):
    g = game()
    ok(g.apply(Pledge("a", "money", 1, "p1", condition=WATCHED[name])))
    state = g._state
    assert derived(state).effective == frozenset(), "the condition must fail before the pledge"
    ok(g.apply(Pledge("a", "money", 1, "p2")))
    assert not state.caches.pledged, "a watched pledge must not be patched in"
    kept, fresh = _fresh(state)
    assert kept == fresh
    assert kept[0] == frozenset({1}), "the pledge must make the condition hold"


def test_a_pledge_no_condition_watches_is_patched_in():
    g = game()
    ok(g.apply(Pledge("a", "money", 1, "p1", condition=ContributedTest(test="contributed", delegate="b"))))
    state = g._state
    before = derived(state)
    ok(g.apply(Pledge("a", "money", 2, "p2")))
    assert state.caches.pledged == {("a", "p2")} and not state.caches.dirty
    kept, fresh = _fresh(state)
    assert kept == fresh
    assert kept[4] != _values(before)[4] or kept[3] != _values(before)[3], "the pledge must move p2"



@pytest.mark.parametrize("watched", [True, False])
def test_a_pledge_pending_its_vote_moves_only_free_units(watched):
    g = game()
    condition = (CapacityTest(test="capacity", delegate="a", kind="troops", max=1) if watched
                 else ContributedTest(test="contributed", delegate="b"))
    ok(g.apply(Pledge("a", "money", 1, "p1", condition=condition)))
    state = g._state
    assert derived(state).effective == frozenset()
    ok(g.apply(Pledge("a", "troops", 1, "p2")))  # troops need the Diet's approval: pending
    assert state.commitments[-1].status == "pending"
    assert state.caches.dirty == watched and not state.caches.pledged
    kept, fresh = _fresh(state)
    assert kept == fresh and kept[0] == (frozenset({1}) if watched else frozenset())
