"""The debrief follows the game (issue 13): conditional questions only when their event, flag
or ending happened; reality covers contributions, votes (counted once) and big divergences."""

from game.content.scenarios import load_scenario
from game.engine import Game
from game.model.actions import EndPhase, InjectEvent
from game.report.hotwash import questions_for
from game.report.review_sections import debrief_section, reality_section
from game.sim.playthrough import play


def _texts(section) -> str:
    return repr(section)


def test_conditional_questions_follow_what_happened():
    s = load_scenario("paris-2026").scenario
    plain = questions_for(s, set(), {}, "all 6 rounds played")
    assert plain == list(s.meta.debrief_questions)
    after = questions_for(s, {"secretary_returns"}, {}, "all 6 rounds played")
    assert any("Secretary of State took the Ukraine file" in q for q in after)
    collapse = next(c for c in s.rules.end_conditions if c.id == "talks_collapse")
    ended = questions_for(s, set(), {"assets_decision": True}, collapse.description)
    assert any("talks collapsed" in q for q in ended) and any("frozen Russian assets" in q for q in ended)
    assert not any("coalition fell apart" in q for q in ended)


def test_a_collapsed_game_is_debriefed_as_one_and_flagged_as_a_divergence():
    loaded = load_scenario("paris-2026")
    g = Game.new(loaded.scenario, 2, content_hash=loaded.content_hash)
    for _ in range(3):
        assert g.apply(InjectEvent("frontline_escalation")).ok
    while not g.over:
        assert g.apply(EndPhase()).ok
    assert g.result()["outcome"] == "failure"
    debrief = _texts(debrief_section(g))
    assert "talks collapsed" in debrief
    reality = _texts(reality_section(g))
    assert "Big divergences" in reality and "ended early" in reality


def test_reality_covers_contributions_votes_and_the_us_role_with_counts():
    loaded = load_scenario("paris-2026")
    g = play(loaded.scenario, 3, content_hash=loaded.content_hash)
    reality = _texts(reality_section(g))
    for heading in ("Contributions", "Votes at home", "Offered in reality"):
        assert heading in reality
    assert "No forces and no written backstop" in reality  # the US role in reality
    assert "1 votes" not in reality and " votes held" in reality
    lines = [line for line in reality.split("Votes at home")[1].split("run(") if "vote" in line]
    assert len(lines) == len(set(lines))  # each delegation's vote on a kind once, with its count
    signed_by_us = g.view("public").delegates["us"].signed
    assert ("United States signed" in reality) == bool(signed_by_us)
