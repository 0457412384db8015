"""The shared wording: quantities, plurals and every effect op's words."""

import typing

from game.engine import Names, describe_effect, plural, quantity
from game.engine.effect_words import EFFECT_WORDS
from game.engine.effects import EFFECTS
from game.model.effects import Effect
from tests.engine.tiny import scenario


def _ops_in_the_model() -> set[str]:
    union = typing.get_args(typing.get_args(Effect)[0])
    return {typing.get_args(cls.model_fields["op"].annotation)[0] for cls in union}


def test_every_effect_op_in_the_model_has_one_registry_entry_with_words():
    ops = _ops_in_the_model()
    assert ops == set(EFFECTS) == set(EFFECT_WORDS)
    assert all(rule.words is EFFECT_WORDS[op] for op, rule in EFFECTS.items())
    assert all((rule.revert is None) == (rule.label == "") for rule in EFFECTS.values())


def test_quantities_singularise_the_head_noun():
    assert quantity(1, "contingents") == "1 contingent"
    assert quantity(2, "contingents") == "2 contingents"
    assert quantity(1, "batteries") == "1 battery"
    assert quantity(1, "statements of support") == "1 statement of support"
    assert quantity(1, "finance packages (about $1bn)") == "1 finance package (about $1bn)"
    assert quantity(1, "thousand troops") == "1 thousand troops"
    assert quantity(1, "billion euros") == "1 billion euros"
    assert quantity(2.5, "billion euros") == "2.5 billion euros"
    assert plural(1, "offer") == "1 offer" and plural(3, "offer") == "3 offers"


def test_effects_read_as_sentences():
    names = Names(scenario())
    from game.model.effects import AdjustCapacity, MoveTrack

    assert describe_effect(MoveTrack(op="adjust_track", track="trust", by=-2), names).endswith("falls by 2")
    text = describe_effect(AdjustCapacity(op="adjust_capacity", delegate="a", kind="money", by=-1, rounds=2), names)
    assert "fewer" in text and "for 2 rounds" in text
