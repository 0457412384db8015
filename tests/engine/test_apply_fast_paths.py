"""The shortcuts of `Game.apply` and of listing legal actions must never change what the game
accepts, refuses or lists: an action check() passed is applied unchecked only while nothing
has happened since, listings kept across turns and games equal listings from scratch, and a log
text worded when first read says what held when it was recorded."""

import copy
import dataclasses
import pickle

from game.content.scenarios import load_scenario
from game.engine import Game, LogEntry, Rng
from game.engine.commitments import check_giver, describe
from game.engine.state import ACTIVE
from game.model.actions import Accept, OfferItem, Pass, Pledge, Propose, SeekApproval, Sign
from game.model.conditions import ContributedTest
from tests.engine.tiny import game, offer, ok, refused


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


# -- log texts worded when first read -----------------------------------------------------

def _pending_pledge_then_won_vote():
    g = game(seed=3)
    pledged = ok(g.apply(Pledge("a", "troops", 2, "p2"))).entries[0]
    ok(g.apply(SeekApproval("a", "troops")))  # 95%: seed 3 wins
    ok(g.apply(Pass("b")))
    ok(g.apply(Pass("c")))  # the approvals phase rolls: the pledge is active now
    return g, pledged


def test_a_text_read_late_says_what_held_when_it_was_recorded():
    g, pledged = _pending_pledge_then_won_vote()
    assert g._state.commitments[0].status == ACTIVE and "text" not in _set_slots(pledged)
    assert pledged.text == ("Pledge #1. Alba: 2 k troops (troops) to Force (pending: needs Diet approval; "
                            "seek approval to make it count).")
    won = next(e for e in g.log if e.kind == "ApprovalWon")
    assert won.text.startswith("Diet approves Alba's troops (chance 95%, roll ")


def test_an_unread_text_pickles_copies_and_compares_as_a_read_one():
    g, pledged = _pending_pledge_then_won_vote()
    unread = [e for e in g.log if "text" not in _set_slots(e)]
    assert {e.kind for e in unread} >= {"Pledged", "ApprovalSought", "VoteAnnounced", "ApprovalWon"}
    copies = [pickle.loads(pickle.dumps(e)) for e in unread] + [copy.deepcopy(e) for e in unread]
    assert copies == unread + unread  # comparing reads every text
    plain = [LogEntry(e.seq, e.round, e.phase, e.actor, e.kind, e.text, e.auto, e.visible_to, e.data) for e in unread]
    assert plain == unread and [e.to_dict() for e in plain] == [e.to_dict() for e in unread]
    assert [f.name for f in dataclasses.fields(pledged)][5] == "text"
    assert getattr(pledged, "nothing", None) is None


def _set_slots(entry) -> set[str]:
    return {name for name in LogEntry.__dataclass_fields__ if _has_slot(entry, name)}


def _has_slot(entry, name: str) -> bool:
    try:
        LogEntry.__dict__[name].__get__(entry)
    except AttributeError:
        return False
    return True


def test_a_described_commitment_is_kept_per_table_and_still_says_its_own_amount_and_condition():
    g = game()
    t = g._tables
    once = describe(t, "a", "money", 1, "p1")
    assert once == "Alba: 1 bn (funding) to Monitoring" and describe(t, "a", "money", 1, "p1") is once
    assert describe(t, "a", "money", 2, "p1") == "Alba: 2 bn (funding) to Monitoring"
    assert describe(t, "b", "money", 1, "p2") == "Bors: 1 bn (funding) to Force"
    condition = g.scenario.delegates[0].objectives[0].when[0]
    assert describe(t, "a", "money", 1, "p1", condition).startswith("Alba: 1 bn (funding) to Monitoring, if ")


def test_an_offers_conditional_item_is_still_checked_for_everything_but_its_condition():
    g = game()
    if_bors_gives = ContributedTest(test="contributed", delegate="b", kind="money", min=1)
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 2, "p1", if_bors_gives),
                                     OfferItem("b", "money", 1, "p1")))))
    ok(g.apply(Pledge("a", "money", 2, "p1")))  # Alba keeps 1 unit: its offer cannot be honoured
    cancelled = [e for e in g.log if e.kind == "OfferCancelled"]
    assert [e.text for e in cancelled] == [
        f"Offer #{offer(g)} is withdrawn: Alba has only 1 bn of funding left uncommitted (asked for 2)."]


def test_accepting_an_offer_with_a_conditional_item_checks_the_acceptors_capacity():
    g = game()
    if_alba_gives = ContributedTest(test="contributed", delegate="a", kind="money", min=1)
    ok(g.apply(Propose("a", ("b",), (OfferItem("a", "money", 1, "p1"),
                                     OfferItem("b", "money", 2, "p1", if_alba_gives)))))
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1")))  # Bors keeps 1 unit, the offer asks 2 of it
    refused(g.apply(Accept("b", offer(g))), "capacity")
