"""Rounds, phases, turns, the event deck, end conditions and facilitator actions."""

from game.model.actions import (
    AdjustTrack,
    EndPhase,
    InjectEvent,
    Pass,
    Pause,
    Pledge,
    Resume,
    SetController,
)
from tests.engine.tiny import game, ok, refused


def test_turns_follow_the_listed_order_and_actions_per_turn():
    g = game()
    assert g.turn_seat == "a" and g._state.actions_left == 2
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    assert g.turn_seat == "a"
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    assert g.turn_seat == "b"  # two actions used: the turn passes


def test_rotating_order_shifts_the_first_seat_each_round():
    g = game(rules__turn_order="rotate")
    assert g._state.order == ("a", "b", "c")
    for seat in ("a", "b", "c"):
        ok(g.apply(Pass(seat)))
    assert g._state.round == 2 and g._state.order == ("b", "c", "a")


def test_phase_ends_early_when_a_whole_cycle_passes():
    g = game(rules__turns_per_round=3)
    for seat in ("a", "b", "c"):
        ok(g.apply(Pass(seat)))
    assert g._state.round == 2


def test_the_game_ends_after_the_last_round():
    g = game()
    for _ in range(2):
        for seat in ("a", "b", "c"):
            ok(g.apply(Pass(seat)))
    assert g.over and "all 2 rounds" in g._state.end_reason
    refused(g.apply(Pass("a")), "game_over")
    assert g.log[-1].kind == "GameEnded"


def test_end_condition_ends_the_game_early():
    g = game(rules__end_conditions=[{"id": "collapse", "description": "trust collapsed",
                                     "when": [{"test": "track", "track": "trust", "max": 2}]}])
    ok(g.apply(AdjustTrack("trust", -4, "a test")))
    for seat in ("a", "b", "c"):
        ok(g.apply(Pass(seat)))
    assert g.over and g._state.end_reason == "trust collapsed" and g._state.round == 1


def test_events_are_drawn_by_weight_when_their_conditions_hold():
    events = [
        {"id": "never", "title": "Never", "text": "t", "weight": 100,
         "when": [{"test": "flag", "flag": "backstop"}], "effects": []},
        {"id": "once", "title": "Once", "text": "t", "effects": [{"op": "adjust_track", "track": "trust", "by": 1}]},
        {"id": "again", "title": "Again", "text": "t", "repeatable": True, "effects": []},
    ]
    g = game(rules__events_per_round=2, events=events)
    assert sorted(g._state.fired) == ["again", "once"]
    for seat in ("a", "b", "c"):
        ok(g.apply(Pass(seat)))
    assert g._state.fired == {"once": 1, "again": 2}  # once is not repeatable; never never held


def test_private_events_reach_only_their_recipients():
    events = [{"id": "leak", "title": "Leak", "text": "psst", "visibility": "private", "recipients": ["b"],
               "effects": [{"op": "message", "text": "for b only", "to": ["b"]}]}]
    g = game(rules__events_per_round=1, events=events)
    assert any("psst" in e.text for e in g.view("b").log)
    assert not any("psst" in e.text or "for b only" in e.text for e in g.view("a").log)
    assert any("psst" in e.text for e in g.view("facilitator").log)


def test_pause_blocks_players_but_not_the_facilitator():
    g = game()
    ok(g.apply(Pause()))
    refused(g.apply(Pass("a")), "paused")
    refused(g.apply(Pause()), "already_paused")
    ok(g.apply(AdjustTrack("trust", 1, "mood")))
    ok(g.apply(Resume()))
    ok(g.apply(Pass("a")))


def test_facilitator_actions_are_recorded_and_checked():
    g = game()
    refused(g.apply(AdjustTrack("trust", 1, " ")), "no_reason")
    refused(g.apply(AdjustTrack("nope", 1, "x")), "unknown_track")
    refused(g.apply(InjectEvent("nope")), "unknown_event")
    refused(g.apply(SetController("a", "wizard")), "unknown_controller")
    refused(g.apply(InjectEvent("distract", seat="a")), "facilitator_only")
    ok(g.apply(InjectEvent("distract")))
    refused(g.apply(InjectEvent("distract")), "already_played")
    ok(g.apply(SetController("b", "negotiator")))
    assert g.controller("b") == "negotiator"
    ok(g.apply(EndPhase()))
    assert g._state.round == 2
    assert [type(a).__name__ for a in g.actions] == ["InjectEvent", "SetController", "EndPhase"]


def test_the_public_view_holds_no_secrets_and_last_action_is_what_undo_takes():
    from game.model.actions import PUBLIC

    events = [{"id": "leak", "title": "Leak", "text": "psst", "visibility": "private", "recipients": ["b"],
               "effects": []}]
    g = game(rules__events_per_round=1, events=events)
    ok(g.apply(Pass("a")))
    public = g.view(PUBLIC)
    assert public.private == {} and public.offers == () and public.me is None
    assert all(e.visible_to is None for e in public.log) and not any("psst" in e.text for e in public.log)
    assert "secret" not in repr(public)
    assert g.last_action == Pass("a") and g.undo() == Pass("a") and g.last_action is None


def test_a_private_card_and_a_seats_odds_stay_private():
    from game.model.actions import InjectEvent, SeekApproval

    events = [{"id": "assure", "title": "Assurance", "text": "psst", "visibility": "private", "recipients": ["a"],
               "effects": [{"op": "adjust_approval", "delegate": "a", "kind": "troops", "by": -0.5},
                           {"op": "adjust_track", "track": "trust", "by": -1},
                           {"op": "message", "text": "for a only"}]}]
    g = game(events=events)
    ok(g.apply(InjectEvent("assure")))
    ok(g.apply(SeekApproval("a", "troops")))
    for seat in ("a", "b", "c"):
        if g.turn_seat == seat:
            ok(g.apply(Pass(seat)))
    b = g.view("b")
    assert "assure" not in b.events_fired and g.view("a").events_fired == {"assure": 1}
    assert not any(e.actor == "assure" or "for a only" in e.text for e in b.log)
    assert not any("%" in e.text or "chance" in e.data for e in b.log)  # no odds for others
    assert any(e.kind == "VoteAnnounced" for e in b.log)
    assert any(e.kind in ("ApprovalWon", "ApprovalLost") and "chance" in e.data for e in g.view("a").log)


def test_an_offer_made_late_in_a_round_waits_for_its_addressee_to_have_a_turn():
    from game.model.actions import OfferItem, Propose

    g = game(rules__rounds=3)  # listed order a, b, c; one turn each per round
    ok(g.apply(Pass("a")))
    items = (OfferItem("b", "money", 1, "p1"), OfferItem("a", "money", 1, "p1"))
    ok(g.apply(Propose("b", ("a",), items)))  # a has already had its turn this round
    ok(g.apply(Pass("b")))
    ok(g.apply(Pass("c")))
    assert g._state.round == 2 and g._state.offers[0].status == "open"  # not expired unanswered
    ok(g.apply(Pass("a")))  # a had its chance and let it go
    ok(g.apply(Pass("b")))
    ok(g.apply(Pass("c")))
    assert g._state.offers[0].status == "expired"


def test_a_view_lists_the_seats_own_commitments():
    g = game()
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1")))
    assert [c.delegate for c in g.view("a").mine] == ["a"] and [c.id for c in g.view("b").mine] == [2]
    assert g.view("facilitator").mine == () and g.view("public").mine == ()
