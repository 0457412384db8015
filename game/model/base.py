"""Shared pieces of every schema: a strict base model, the id type and bounded number types.

Models forbid unknown keys so a misspelt field is an error with a position, and are
frozen so nothing writes defaults back into loaded content. Every number is finite
(`.inf` and `.nan` are refused) and bounded, so no sum the engine makes can overflow.
"""

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,47}$")]
"""A lowercase identifier: starts with a letter; letters, digits, '_' and '-'."""

LIMIT = 1_000_000_000
"""The largest magnitude of any number in a scenario: amounts, targets, track values, deltas.

A thousand million is far beyond any real quantity, and a million such numbers still sum
to less than 2**53, where floats stop counting whole units; `Probability`, `Shift` and
`whole(low, high)` are tighter where the meaning allows."""


def _not_a_bool(value: object) -> object:
    """Refuses true/false where a number belongs: pydantic would quietly read them as 1 and 0.

    It comes after `Field` in each type below: in front, it would hide the bounds from the JSON Schema."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, not {str(value).lower()}")
    return value


NUMBER = BeforeValidator(_not_a_bool)
Amount = Annotated[float, Field(ge=-LIMIT, le=LIMIT), NUMBER]
"""Any finite number within ±LIMIT."""
PositiveAmount = Annotated[float, Field(gt=0, le=LIMIT), NUMBER]
Whole = Annotated[int, Field(ge=-LIMIT, le=LIMIT), NUMBER]
"""A whole number within ±LIMIT."""
Count = Annotated[int, Field(ge=0, le=LIMIT), NUMBER]
Probability = Annotated[float, Field(ge=0, le=1), NUMBER]
Shift = Annotated[float, Field(ge=-1, le=1), NUMBER]
"""A change of a probability, e.g. -0.2."""


def whole(low: int, high: int):
    """Returns a whole-number type within [low, high]."""
    return Annotated[int, Field(ge=low, le=high), NUMBER]


def _is_none(value: object) -> bool:
    return value is None


def unset_by_default() -> Any:
    """Returns the default of an optional field added after scenarios were written: None, and
    left out of the dump while None, so a scenario that does not use it keeps its content
    hash (and its saved games keep loading)."""
    return Field(None, exclude_if=_is_none)


def added_later(default: Any) -> Any:
    """Like `unset_by_default` for a field whose default is not None: left out of the dump
    (and so of the content hash) while it equals its default."""
    return Field(default, exclude_if=lambda value: value == default)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)
