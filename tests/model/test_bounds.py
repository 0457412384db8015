"""Every number a scenario may hold is bounded, and the record's controller names are the bots'.

The engine sums targets, contributions and track deltas; a field left unbounded could
overflow a sum to infinity. Walking the JSON Schema finds a forgotten field.
"""

from typing import get_args

from game.bots import BOTS
from game.model.delegates import Personality
from game.model.schema import scenario_json_schema


def _numbers(node, path="scenario"):
    """Yields (path, schema) for every number or integer schema in the tree."""
    if isinstance(node, dict):
        if node.get("type") in ("number", "integer"):
            yield path, node
        for key, value in node.items():
            yield from _numbers(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _numbers(value, f"{path}[{index}]")


def test_every_number_in_the_scenario_schema_has_both_bounds():
    numbers = list(_numbers(scenario_json_schema()))
    assert len(numbers) > 30
    unbounded = [path for path, schema in numbers
                 if not ({"minimum", "exclusiveMinimum"} & schema.keys() and {"maximum", "exclusiveMaximum"} & schema.keys())]
    assert not unbounded, "numbers without a lower and an upper bound:\n" + "\n".join(unbounded)


def test_no_bound_is_wider_than_a_thousand_million():
    for path, schema in _numbers(scenario_json_schema()):
        for key in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
            assert abs(schema.get(key, 0)) <= 1e9, path


def test_the_record_model_knows_every_bot_personality():
    assert set(get_args(Personality)) == set(BOTS)
