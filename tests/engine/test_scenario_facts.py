"""The real Paris meeting, pinned (issue 13): who may put what into the Multinational Force,
Venezuela as the opening state, the US backstop, approvals, and failures that end the game."""

import pytest

from game.content.scenarios import load_scenario
from game.engine import Game
from game.model.actions import EndPhase, InjectEvent, Pass, Pledge, Sign
from game.model.conditions import ContributedTest


@pytest.fixture(scope="module")
def paris():
    return load_scenario("paris-2026")


def new_game(paris, seed=1):
    return Game.new(paris.scenario, seed, content_hash=paris.content_hash)


def at_turn(g, seat):
    """Passes the seats before `seat` so that it is its turn."""
    while g.turn_seat != seat:
        assert g.apply(Pass(g.turn_seat)).ok
    return g


def test_ukraine_the_us_and_nato_cannot_put_forces_into_the_multinational_force(paris):
    g = new_game(paris)
    force = g.catalog.priorities["force"]
    assert set(force.excluded_contributors) == {"ua", "us", "nato"}
    for seat, kind in (("ua", "troops"), ("us", "logistics"), ("nato", "logistics")):
        at_turn(g, seat)
        assert g.check(Pledge(seat, kind, 1, "force")).rule == "excluded", (seat, kind)
        assert all(a.priority != "force" for a in g.legal_actions(seat) if isinstance(a, Pledge))
    g = at_turn(new_game(paris), "ua")
    assert g.check(Pledge("ua", "troops", 1, "armed_forces")) is None  # its army is component 2


def test_nato_is_no_guarantor_and_does_not_sign_the_force(paris):
    nato = paris.scenario.delegates[[d.id for d in paris.scenario.delegates].index("nato")]
    assert "guarantee" in nato.red_lines.kinds and {"guarantees", "force"} <= set(nato.red_lines.priorities)
    g = at_turn(new_game(paris), "nato")
    signs = [a for a in g.legal_actions("nato") if isinstance(a, Sign)]
    assert signs and all(a.priority not in ("force", "guarantees") for a in signs)


def test_the_us_sends_no_forces_and_backs_the_force_only_through_its_backstop(paris):
    t = load_scenario("paris-2026").scenario
    us = next(d for d in t.delegates if d.id == "us")
    kinds = {k.id: k for k in t.commitment_kinds}
    forces = {k for k in kinds if "force" in kinds[k].contributes}
    assert not any(us.capacities.get(k, 0) for k in forces - {"logistics"}), "the US has force capacity"
    assert "troops" in us.red_lines.kinds
    assert us.capacities["backstop"] >= 1 and kinds["backstop"].needs_binding_authority
    assert "force" not in kinds["backstop"].contributes
    assert t.reference_outcome.delegates["us"].signed == []


def test_venezuela_is_the_opening_state_not_a_card(paris):
    g = new_game(paris)
    assert g.view("public").flags["us_distracted"] is True
    us = g.view("public").delegates["us"]
    assert "Witkoff" in us.representative and not us.binding_authority
    assert "venezuela" not in g.catalog.events
    assert at_turn(g, "us").check(Pledge("us", "backstop", 1, "guarantees")).rule == "no_authority"


def test_the_secretary_of_state_taking_the_file_lets_the_us_put_its_backstop_in_writing(paris):
    g = new_game(paris)
    assert g.apply(InjectEvent("secretary_returns")).ok
    assert g.view("public").delegates["us"].binding_authority
    assert not g.view("public").flags["us_distracted"]


def test_the_written_backstop_card_is_marked_counterfactual_and_cites_berlin_apart(paris):
    card = paris.scenario.events[[e.id for e in paris.scenario.events].index("backstop_confirmed")]
    assert card.title.startswith("Counterfactual") and "Berlin" in card.source
    assert "not the Paris draft line" in card.source


def test_germany_may_deploy_only_on_nato_territory(paris):
    g = at_turn(new_game(paris), "de")
    assert g.check(Pledge("de", "troops", 1, "force")).rule == "red_line"
    backstop = ContributedTest(test="contributed", delegate="us", kind="backstop")
    assert g.check(Pledge("de", "flank_forces", 1, "force", backstop)) is None
    de = next(d for d in paris.scenario.delegates if d.id == "de")
    assert de.approvals["flank_forces"].body == "Bundestag"


def test_france_and_canada_deploy_without_a_vote_and_no_vote_is_held_on_summit_day(paris):
    delegates = {d.id: d for d in paris.scenario.delegates}
    assert delegates["fr"].approvals["troops"].required is False
    assert "4 months" in delegates["fr"].approvals["troops"].body
    assert delegates["ca"].approvals["troops"].required is False
    assert "Crown prerogative" in delegates["ca"].approvals["troops"].body
    phases = paris.scenario.rules.phases
    assert phases.index("approvals") > phases.index("negotiation")  # the capitals phase follows the summit


def test_the_missing_actors_sit_at_the_table_as_non_core_seats(paris):
    delegates = {d.id: d for d in paris.scenario.delegates}
    for seat in ("se", "nor", "ro", "bg", "jp", "au", "nz"):
        assert seat in delegates and not delegates[seat].core, seat


def test_there_is_no_ceasefire_track_only_talks_that_can_collapse_into_failure(paris):
    tracks = {t.id for t in paris.scenario.tracks}
    assert "ceasefire" not in tracks and "talks" in tracks
    ends = {c.id: c for c in paris.scenario.rules.end_conditions}
    assert ends["talks_collapse"].outcome == "failure" and ends["coalition_breaks"].outcome == "failure"


def test_a_collapse_of_the_talks_ends_the_game_in_failure(paris):
    g = new_game(paris)
    for _ in range(4):
        assert g.apply(InjectEvent("frontline_escalation")).ok
    while not g.over:
        assert g.apply(EndPhase()).ok
    result = g.result()
    assert result["outcome"] == "failure" and "talks collapse" in result["end_reason"]


def test_cards_that_raise_a_unit_value_apply_to_new_commitments_only(paris):
    """An incursion must not make aircraft already committed worth more (issue 13)."""
    raises = [(event.id, effect) for event in paris.scenario.events for effect in event.effects
              if effect.op == "adjust_contribution" and effect.by > 0]
    assert raises and all(effect.applies_to == "new" for _, effect in raises)


def test_every_conditional_debrief_question_names_something_in_the_scenario():
    for name in ("paris-2026", "tutorial"):
        s = load_scenario(name).scenario
        events, flags = {e.id for e in s.events}, {f.id for f in s.flags}
        ends = {c.id for c in s.rules.end_conditions}
        for q in s.meta.conditional_questions:
            assert q.after_event is None or q.after_event in events, q
            assert q.flag is None or q.flag in flags, q
            assert q.ended_by is None or q.ended_by in ends, q
