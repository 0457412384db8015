"""Fields added to the format after scenarios were written stay out of the content hash while
unused, so a scenario file that uses none of them keeps its hash and its saved games keep loading;
and ids the format reserves for viewers.

The fixture is cop21-2015 as it was before the vocabulary, terms, drift, parties and renew
fields existed; its hash, computed by that day's code, is written below."""

from pathlib import Path

from game.content.scenarios import load_scenario
from game.model.base import added_later

BEFORE = Path(__file__).parents[1] / "fixtures" / "scenarios_before" / "cop21-2015.2026-12-01.yaml"
HASH_THEN = "82780e698ae2b854"
"""The first 16 hex digits of its content hash under commit 587f56d."""


def test_a_scenario_written_before_the_new_fields_keeps_its_hash():
    loaded = load_scenario(BEFORE)
    assert loaded.content_hash.startswith(HASH_THEN)
    dumped = loaded.scenario.model_dump_json()
    for key in ('"vocabulary"', '"term"', '"drift"', '"drift_when"', '"renew_capital_cost"', '"signers"',
                '"contributors"', '"badge"'):
        assert key not in dumped, key


def test_a_field_added_later_is_dumped_once_it_differs_from_its_default():
    rules = load_scenario(BEFORE).scenario.rules
    assert '"renew_capital_cost":2' in rules.model_copy(update={"renew_capital_cost": 2}).model_dump_json()
    assert added_later(0).exclude_if(0) and not added_later(0).exclude_if(1)


def test_a_delegation_may_not_take_a_viewer_id():
    from game.model.actions import FACILITATOR, PUBLIC
    from game.model.references import RESERVED_SEATS, check_references

    assert set(RESERVED_SEATS) == {FACILITATOR, PUBLIC}
    scenario = load_scenario(BEFORE).scenario
    for reserved in RESERVED_SEATS:
        delegates = [scenario.delegates[0].model_copy(update={"id": reserved}), *scenario.delegates[1:]]
        problems = check_references(scenario.model_copy(update={"delegates": delegates}))
        assert any(loc == ("delegates", 0, "id") and "reserved" in message for loc, message in problems), reserved
