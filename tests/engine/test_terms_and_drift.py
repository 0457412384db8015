"""Time at the round boundary: commitment terms, the renew action and effect, track drift."""

import copy

from game.engine import Game
from game.model.actions import InjectEvent, Pass, Pledge, Renew, Withdraw
from tests.engine.tiny import BASE, game, ok, refused


def _kinds_with_term(term: int) -> list[dict]:
    kinds = copy.deepcopy(BASE["commitment_kinds"])
    kinds[0]["term"] = term  # money
    return kinds


def _termed(term: int = 2, rounds: int = 4, **changes) -> Game:
    return game(commitment_kinds=_kinds_with_term(term), rules__rounds=rounds, **changes)


def _next_round(g):
    for seat in g._state.order[g._state.turn_index:]:
        ok(g.apply(Pass(seat)))


def _kinds(g, seat: str = "facilitator") -> list[str]:
    return [e.kind for e in g.view(seat).log]


def test_a_commitment_with_a_term_lapses_at_its_end_and_its_units_return():
    g = _termed(term=2)
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    assert g.view("b").commitments[0].term_ends == 2  # counts in rounds 1 and 2
    _next_round(g)
    assert g.view("b").priorities["p1"].progress == 2
    _next_round(g)
    view = g.view("b")
    assert view.round == 3
    assert view.commitments[0].status == "lapsed" and view.commitments[0].term_ends is None
    assert view.priorities["p1"].progress == 0
    assert view.delegates["a"].free["money"] == 3
    lapsed = next(e for e in view.log if e.kind == "CommitmentExpired")
    assert lapsed.round == 2 and "its term ended with round 2" in lapsed.text


def test_a_commitment_without_a_term_never_lapses():
    g = _termed(term=2)
    ok(g.apply(Pledge("a", "troops", 1, "p2")))
    refused(g.apply(Renew("a", 1)), "no_term")
    for _ in range(3):
        _next_round(g)
    assert g.view("a").mine[0].status == "pending" and "CommitmentExpired" not in _kinds(g)


def test_renewal_is_legal_only_in_the_last_round_of_the_term_and_gives_another_term():
    g = _termed(term=2, rounds=6, rules__renew_capital_cost=1)
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    refused(g.apply(Renew("a", 1)), "not_renewable")
    assert Renew("a", 1) not in g.legal_actions("a")
    _next_round(g)
    assert Renew("a", 1) in g.legal_actions("a")
    ok(g.apply(Renew("a", 1)))
    view = g.view("b")
    assert view.commitments[0].term_ends == 4  # another whole term after the one ending in round 2
    assert view.delegates["a"].capital == 1  # it cost 1 of 2
    assert "renews commitment #1 (2 bn) to the end of round 4" in view.log[-1].text
    assert Renew("a", 1) not in g.legal_actions("a")  # renewed: nothing more to renew this round
    _next_round(g)
    assert g.view("b").commitments[0].status == "active"  # renewed: it did not lapse after round 2
    _next_round(g)
    assert g.view("b").commitments[0].status == "active"
    _next_round(g)
    assert g.view("b").commitments[0].status == "lapsed"


def test_a_one_round_term_renewed_counts_one_round_more_and_is_not_offered_again():
    g = _termed(term=1)
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    assert Renew("a", 1) in g.legal_actions("a")
    ok(g.apply(Renew("a", 1)))
    assert g.view("b").commitments[0].term_ends == 2
    assert Renew("a", 1) not in g.legal_actions("a")
    _next_round(g)
    assert g.view("b").commitments[0].status == "active"
    assert Renew("a", 1) in g.legal_actions("a")  # round 2 is its last again


def test_renewal_refusals():
    g = _termed(term=1, rules__renew_capital_cost=2)
    ok(g.apply(Pass("a")))
    ok(g.apply(Pledge("b", "money", 1, "p1")))  # b has 1 political capital; renewing costs 2
    refused(g.apply(Renew("b", 1)), "no_capital")
    assert Renew("b", 1) not in g.legal_actions("b")
    refused(g.apply(Renew("b", 9)), "unknown_commitment")
    ok(g.apply(Pass("b")))
    refused(g.apply(Renew("c", 1)), "not_yours")
    g2 = _termed(term=1, rules__actions_per_turn=3)
    ok(g2.apply(Pledge("a", "money", 1, "p1")))
    ok(g2.apply(Withdraw("a", 1)))
    refused(g2.apply(Renew("a", 1)), "not_renewable")


def test_a_term_ending_in_the_last_round_still_counts_at_the_end():
    g = _termed(term=1, rounds=1)
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    assert "last round" in refused(g.apply(Renew("a", 1)), "not_renewable").message  # nothing to renew for
    assert Renew("a", 1) not in g.legal_actions("a")
    _next_round(g)
    assert g.result()["priorities"]["p1"]["progress"] == 2
    assert "CommitmentExpired" not in _kinds(g)


def test_the_renew_effect_renews_only_commitments_with_a_term():
    g = _termed(term=1, events=[{"id": "extend", "title": "Extension", "text": "t",
                                 "effects": [{"op": "renew_commitments", "delegate": "a"}]}])
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(Pledge("a", "troops", 1, "p2")))
    _next_round(g)
    assert g.view("a").mine[0].status == "lapsed"
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(InjectEvent("extend")))
    assert g.view("a").mine[2].term_ends == 3 and g.view("a").mine[1].term_ends is None
    assert "Alba's commitment #3 is renewed" in g.view("a").log[-1].text


def test_a_suspended_commitment_keeps_its_term_running():
    g = _termed(term=1, events=[{"id": "freeze", "title": "F", "text": "t",
                                 "effects": [{"op": "suspend_commitments", "delegate": "a"}]}])
    ok(g.apply(Pledge("a", "money", 1, "p1")))
    ok(g.apply(InjectEvent("freeze")))
    assert Renew("a", 1) in g.legal_actions("a")  # its owner may still renew it
    _next_round(g)
    assert g.view("a").mine[0].status == "lapsed"


def test_bots_renew_what_still_matters_and_a_termed_game_replays():
    from game.sim.playthrough import play

    scenario = _termed(term=1, rounds=4).scenario
    renewed = 0
    for seed in range(6):
        g = play(scenario, seed)
        renewed += _kinds(g).count("CommitmentRenewed")
        again = Game.from_record(scenario, g.record())
        assert [e.to_dict() for e in again.log] == [e.to_dict() for e in g.log]
    assert renewed > 0


def test_the_transcript_gives_each_new_commitments_term_and_what_is_suspended_at_the_end():
    from game.report.transcript import transcript_text

    g = _termed(term=2, rounds=1, events=[{"id": "freeze", "title": "F", "text": "t",
                                            "effects": [{"op": "suspend_commitments", "delegate": "a", "kind": "troops"}]}])
    ok(g.apply(Pledge("a", "money", 2, "p1")))
    g._state.delegates["a"].mandates.add("troops")  # so the troops count at once
    ok(g.apply(Pledge("a", "troops", 1, "p2")))
    ok(g.apply(InjectEvent("freeze")))
    _next_round(g)
    text = " ".join(transcript_text(g).split())
    assert "Pledge #1. Alba: 2 bn (funding) to Monitoring. Terms: #1 to the end of round 2, unless renewed." in text
    assert "Pledge #2" in text and "Terms: #2" not in text  # troops have no term
    assert "Suspended at the end, so not counted: #2 (Alba)." in text


# -- drift ---------------------------------------------------------------------------

def _tracks(**trust) -> list[dict]:
    return [{"id": "trust", "name": "Trust", "start": 5, **trust}]


def test_a_track_drifts_at_the_start_of_every_round_after_the_first_within_its_bounds():
    g = game(rules__rounds=4, tracks=_tracks(drift=-2, min=0, max=10))
    assert g.view("a").tracks["trust"] == 5
    _next_round(g)
    assert g.view("a").tracks["trust"] == 3
    entry = next(e for e in g.view("a").log if e.kind == "TrackDrifted")
    assert entry.round == 2 and entry.text == "Trust drifts: 5 → 3."
    _next_round(g)
    _next_round(g)
    assert g.view("a").tracks["trust"] == 0  # clamped at its minimum; the clamp is not logged twice
    assert _kinds(g).count("TrackDrifted") == 3
    _next_round(g)
    assert g.result()["rounds_played"] == 4


def test_drift_when_conditions_gate_the_drift():
    g = game(rules__rounds=3, tracks=_tracks(drift=1, drift_when=[{"test": "flag", "flag": "backstop"}]))
    _next_round(g)
    assert g.view("a").tracks["trust"] == 5
    ok(g.apply(InjectEvent("confirm")))
    _next_round(g)
    assert g.view("a").tracks["trust"] == 6


# -- random games with every feature of this module ---------------------------------------

def _timed_tutorial():
    """The tutorial with terms on two kinds, a drifting track and a card for each new op."""
    from types import SimpleNamespace

    from game.content.scenarios import load_scenario
    from game.model.scenario import Scenario

    data = load_scenario("tutorial").scenario.model_dump(mode="json", exclude_defaults=True)
    for kind in data["commitment_kinds"]:
        if kind["id"] in ("monitoring_assets", "funding"):
            kind["term"] = 2 if kind["id"] == "funding" else 1
    data["rules"]["renew_capital_cost"] = 1
    data["tracks"][0].update(drift=-1, drift_when=[{"test": "round", "min": 3}])
    delegate = data["delegates"][0]["id"]
    data["events"] += [
        {"id": f"op_{op}", "title": op, "text": "t", "effects": [{"op": op, "delegate": delegate, **extra}]}
        for op, extra in (("suspend_commitments", {"rounds": 1}), ("suspend_commitments", {"kind": "funding"}),
                          ("resume_commitments", {}), ("cancel_commitments", {"kind": "troops"}),
                          ("renew_commitments", {}))]
    data["events"][-4]["id"] = "op_suspend_untimed"
    scenario = Scenario.model_validate(data)
    return SimpleNamespace(scenario=scenario, content_hash=None)


def test_random_games_with_terms_drift_and_suspensions_keep_the_engine_promises():
    from hypothesis import given
    from hypothesis import strategies as st

    from tests.engine.test_properties import LOADED, RandomGame, _settings

    LOADED.setdefault("timed-tutorial", _timed_tutorial())

    @_settings(examples=60)
    @given(data=st.data())
    def run(data):
        game = RandomGame(data, "timed-tutorial")
        game.play()
        game.check_replay()

    run()
