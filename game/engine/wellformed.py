"""Whether an action is well formed before any rule looks at it: exact types, bounded numbers
and text, in plain words ("a 'sign' needs 'reservations' to be true or false (got 'no')").

The facade never raises on a malformed action, typed or a dict from a file or the network:
it refuses it with rule `malformed`. Nothing is coerced (a "no" is not False, True is not 1),
and free text is limited, so every accepted action gives a record that loads again.
"""

import math
from collections.abc import Callable
from dataclasses import MISSING
from typing import Any, get_args

from game.engine.rule import Rejection
from game.model.actions import ACTIONS, Action, OfferItem
from game.model.conditions import Condition

MAX_ID = 64
MAX_TEXT = 500
"""Notes and reasons: enough for a sentence or two at the table."""
MAX_NUMBER = 1_000_000_000

CLASSES: dict[str, type] = {cls.__dataclass_fields__["kind"].default: cls
                            for cls in get_args(get_args(Action)[0])}
_CONDITIONS = tuple(get_args(get_args(Condition)[0]))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _id(value: Any) -> str | None:
    if type(value) is not str:
        return "an id (text)"
    return None if 0 < len(value) <= MAX_ID else f"an id of 1 to {MAX_ID} characters"


def _text(value: Any) -> str | None:
    if type(value) is not str:
        return "text"
    return None if len(value) <= MAX_TEXT else f"text of at most {MAX_TEXT} characters"


def _whole(value: Any) -> str | None:
    if type(value) is not int or abs(value) > MAX_NUMBER:
        return f"a whole number between -{MAX_NUMBER:,} and {MAX_NUMBER:,}"
    return None


def _number(value: Any) -> str | None:
    if type(value) not in (int, float) or abs(value) > MAX_NUMBER or not math.isfinite(value):
        return f"a finite number between -{MAX_NUMBER:,} and {MAX_NUMBER:,}"
    return None


def _flag(value: Any) -> str | None:
    return None if type(value) is bool else "true or false"


def _ids(value: Any) -> str | None:
    if type(value) is not tuple or len(value) > 64:
        return "a list of at most 64 delegation ids"
    for v in value:  # _id, inlined
        if type(v) is not str or not 0 < len(v) <= MAX_ID:
            return "a list of at most 64 delegation ids"
    return None


def _condition(value: Any) -> str | None:
    return None if value is None or isinstance(value, _CONDITIONS) else "a condition (or nothing)"


def _items(value: Any) -> str | None:
    if type(value) is not tuple or len(value) > 64:
        return "a list of at most 64 commitments"
    for index, item in enumerate(value):
        if type(item) is not OfferItem:
            return f"a list of commitments (item {index + 1} is not one)"
        giver, kind, amount, priority, condition = item.giver, item.kind_id, item.amount, item.priority, item.condition
        if (type(giver) is str and 0 < len(giver) <= MAX_ID and type(kind) is str and 0 < len(kind) <= MAX_ID
                and type(amount) is int and abs(amount) <= MAX_NUMBER and type(priority) is str
                and 0 < len(priority) <= MAX_ID and (condition is None or isinstance(condition, _CONDITIONS))):
            continue  # each field passes its check (_ITEM_CHECKS), tested in one go
        for name, check in _ITEM_CHECKS:
            expected = check(getattr(item, name))
            if expected:
                return f"a list of commitments whose '{name}' is {expected} (item {index + 1})"
    return None


FIELDS: dict[str, Callable[[Any], str | None]] = {
    "seat": _id, "giver": _id, "kind_id": _id, "priority": _id, "event": _id, "track": _id,
    "delegate": _id, "controller": _id, "amount": _whole, "offer": _whole, "commitment": _whole,
    "by": _number, "note": _text, "reason": _text, "text": _text, "speaker": _text, "reservations": _flag, "to": _ids,
    "items": _items, "condition": _condition,
}
"""field name -> its check; a test ties every field of every action to an entry here."""
_ITEM_CHECKS = tuple((name, FIELDS[name]) for name in OfferItem.__dataclass_fields__)
if _ITEM_CHECKS != (("giver", _id), ("kind_id", _id), ("amount", _whole), ("priority", _id), ("condition", _condition)):
    raise ImportError("_items tests an offer item's fields in one go: bring it in line with FIELDS")


def _a(kind: str) -> str:
    return f"an '{kind}'" if kind[:1] in "aeiou" else f"a '{kind}'"


_CHECKS: dict[type, tuple[str, tuple[tuple[str, Callable[[Any], str | None]], ...]]] = {
    cls: (kind, tuple((name, FIELDS[name]) for name in cls.__dataclass_fields__ if name != "kind"))
    for kind, cls in CLASSES.items()}
"""action class -> (its kind, (field name, its check) for each other field): what `problem` walks."""


def problem(action: Any) -> Rejection | None:
    """Returns why a typed action is malformed, or None if every field has its exact type."""
    found = _CHECKS.get(type(action))
    if found is None or found[0] != getattr(action, "kind", None):
        return Rejection("malformed", f"Not an action: {_shown(action)} (expected one of: {', '.join(CLASSES)}).")
    for name, check in found[1]:
        value = getattr(action, name)
        expected = check(value)
        if expected:
            return Rejection("malformed", f"{_a(found[0])} needs '{name}' to be {expected} (got {_shown(value)}).")
    return None


def _raw(value: Any) -> Any:
    """JSON lists to tuples, so a dict action is checked by the same rules as a typed one."""
    if type(value) is list:
        return tuple(_raw(v) for v in value)
    return value


def from_dict(data: Any) -> Any:
    """Returns the action a JSON-style dict describes, or a Rejection saying in plain words why not."""
    if type(data) is not dict:
        return Rejection("malformed", f"An action is a mapping with a 'kind' (got {_shown(data)}).")
    kind = data.get("kind")
    cls = CLASSES.get(kind) if type(kind) is str else None
    if cls is None:
        return Rejection("malformed", f"Unknown kind of action {_shown(kind)} (expected one of: "
                                      f"{', '.join(CLASSES)}).")
    fields = cls.__dataclass_fields__
    unknown = [str(k) for k in data if k not in fields]
    if unknown:
        return Rejection("malformed", f"{_a(kind)} has no field '{unknown[0]}'.")
    missing = [n for n, f in fields.items() if n not in data and f.default is MISSING
               and f.default_factory is MISSING]
    if missing:
        return Rejection("malformed", f"{_a(kind)} needs {', '.join(repr(m) for m in missing)}.")
    for name, value in data.items():
        if name in ("kind", "items", "condition"):
            continue  # built below; checked once built
        expected = FIELDS[name](_raw(value))
        if expected:
            return Rejection("malformed", f"{_a(kind)} needs '{name}' to be {expected} (got {_shown(value)}).")
    try:
        action = ACTIONS.validate_python(data)
    except (ValueError, TypeError, RecursionError) as err:  # pydantic's ValidationError is a ValueError
        return Rejection("malformed", f"{_a(kind)} is not well formed: {_first_error(err)}.")
    return problem(action) or action


def _first_error(err: Exception) -> str:
    errors = getattr(err, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(x) for x in first["loc"][1:] if not str(x).startswith(("tagged-union", "function")))
        return f"'{where}': {first['msg'].lower()}" if where else first["msg"].lower()
    return "it could not be read"
