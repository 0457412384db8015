"""Malformed actions, typed and as dicts, are refused at `check` and `apply` with rule `malformed`:
no exception, no change of state. Each run fuzzes well over 10,000 of them."""

import dataclasses
import math

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from game.engine import Game
from game.engine.wellformed import CLASSES, FIELDS
from game.model.actions import OfferItem, action_to_dict
from tests.engine.tiny import game

PER_EXAMPLE = 120
EXAMPLES = 90  # 90 x 120 x 2 (typed and dict) = 21,600 malformed actions a run

_JUNK = [None, True, False, 1.5, math.nan, math.inf, -math.inf, 10**400, -(10**20), "", "x" * 600,
         "no", [1, 2], {"a": 1}, (None,), object(), b"bytes", 3 + 4j]
"""Values that are wrong for at least some field; `_wrong` keeps only those wrong for a given field."""


def _wrong(name: str, dict_form: bool):
    def bad(value) -> bool:
        raw = tuple(value) if dict_form and type(value) is list else value
        try:
            return FIELDS[name](raw) is not None
        except Exception:  # noqa: BLE001 - a value the check itself cannot take is wrong too
            return True
    return [v for v in _JUNK if bad(v)]


def _fields(cls) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name != "kind"]


@st.composite
def malformed_typed(draw):
    cls = draw(st.sampled_from(sorted(CLASSES.values(), key=lambda c: c.__name__)))
    names = _fields(cls)
    if not names:  # Pause, Resume, EndPhase: only a wrong seat can spoil them
        names = ["seat"]
    broken = draw(st.sampled_from(names))
    values = {}
    for name in _fields(cls):
        if name == broken:
            values[name] = draw(st.sampled_from(_wrong(name, False)))
        else:
            values[name] = _plausible(name)
    return cls(**values)


@st.composite
def malformed_dict(draw):
    cls = draw(st.sampled_from(sorted(CLASSES.values(), key=lambda c: c.__name__)))
    data = action_to_dict(cls(**{n: _plausible(n) for n in _fields(cls)}))
    how = draw(st.sampled_from(["field", "kind", "extra", "missing", "shape"]))
    if how == "field" and len(data) > 1:
        name = draw(st.sampled_from([k for k in data if k != "kind"]))
        data[name] = draw(st.sampled_from(_wrong(name, True)))
    elif how == "kind":
        data["kind"] = draw(st.sampled_from([None, 7, "teleport", "", ["pledge"]]))
    elif how == "extra":
        data["x" * draw(st.integers(1, 3))] = 1
    elif how == "missing" and any(f.default is dataclasses.MISSING for f in dataclasses.fields(cls)):
        required = [f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING]
        del data[draw(st.sampled_from(required))]
    else:
        return draw(st.sampled_from([None, [], "pledge", 3, {"kind": "pledge", "items": [{}]}]))
    return data


def _plausible(name: str):
    return {"seat": "a", "giver": "a", "kind_id": "money", "priority": "p1", "event": "e", "track": "trust",
            "delegate": "a", "controller": "random", "amount": 1, "offer": 1, "commitment": 1, "by": 1.0,
            "note": "", "reason": "why", "reservations": False, "to": ("b",),
            "items": (OfferItem("a", "money", 1, "p1"), OfferItem("b", "money", 1, "p1")),
            "condition": None, "text": "news", "speaker": "Moscow"}[name]


def _fingerprint(g: Game):
    return len(g.log), g.decisions, len(g.actions), g.view("facilitator")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None,
          phases=[Phase.explicit, Phase.generate])  # a failure prints its example; shrinking one takes minutes
@given(typed=st.lists(malformed_typed(), min_size=PER_EXAMPLE, max_size=PER_EXAMPLE),
       dicts=st.lists(malformed_dict(), min_size=PER_EXAMPLE, max_size=PER_EXAMPLE))
def test_malformed_actions_are_refused_without_raising_or_changing_anything(typed, dicts):
    g = game()
    before = _fingerprint(g)
    for action in typed:
        assert g.check(action).rule == "malformed", action
        assert g.apply(action).rule == "malformed", action
    for data in dicts:
        assert g.apply_dict(data).rule == "malformed", data
    assert _fingerprint(g) == before


def test_wrong_types_are_never_coerced():
    from game.model.actions import AdjustTrack, Sign

    g = game()
    assert g.apply(Sign("a", "p1", "no")).rule == "malformed"
    assert g.apply(AdjustTrack("trust", 1, None)).rule == "malformed"
    assert g.apply_dict({"kind": "sign", "seat": "a", "priority": "p1", "reservations": "no"}).rule == "malformed"
    assert g.apply_dict({"kind": "withdraw", "seat": "a", "commitment": True}).rule == "malformed"
    assert "at most 500 characters" in g.apply(AdjustTrack("trust", 1, "x" * 501)).message


def test_every_action_field_has_exactly_one_check():
    """FIELDS is keyed by field name: each field of each action (and of an offer item) has an
    entry, no entry is left over from an old name, and one name means one thing everywhere."""
    used = {name for cls in [*CLASSES.values(), OfferItem] for name in cls.__dataclass_fields__} - {"kind"}
    assert used == set(FIELDS)
    assert FIELDS["kind_id"] is FIELDS["giver"] and FIELDS["commitment"] is FIELDS["offer"]  # a kind's id; a number
    assert "pledge" not in FIELDS
