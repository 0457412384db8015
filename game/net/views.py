"""Seat views on the wire: SeatView dataclasses to JSON and back.

Encoding is generic (dataclass -> object, frozenset -> sorted list, tuple -> list, a dict
keyed by tuples -> a list of [*key, value] rows, pydantic models -> their JSON dump); the
view's public part is encoded once per engine version and shared by every connection.
Decoding rebuilds the same dataclasses from the SeatView's own annotations, so a remote bot
or the pygame table reads a remote view exactly as a local one.
"""

import dataclasses
import json
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, TypeAdapter

from game.engine import LogEntry, SeatView
from game.model.actions import ACTIONS, OfferItem, action_to_dict
from game.model.conditions import Condition
from game.model.delegates import RedLines

_SCALARS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_data(value: Any) -> Any:
    """Returns the JSON-ready form of a view value (see the module docstring)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: to_data(getattr(value, name)) for name in names}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, frozenset | set):
        return sorted(to_data(v) for v in value)
    if isinstance(value, _SCALARS):  # subclasses (enums of str, bool of int...), before Sequence: str is one
        return value
    if isinstance(value, tuple | list | Sequence):  # a Sequence: a view's SeatLog
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        if value and isinstance(next(iter(value)), tuple):
            return [[*key, to_data(v)] for key, v in value.items()]
        return {str(k): to_data(v) for k, v in value.items()}
    raise TypeError(f"cannot put {kind.__name__} on the wire")


def dumps(data: Any) -> str:
    """Strict, compact JSON (no NaN or Infinity)."""
    return json.dumps(data, separators=(",", ":"), allow_nan=False, ensure_ascii=False)


class ViewEncoder:
    """Encodes views for one game, caching parts the engine shares between views by identity."""

    def __init__(self) -> None:
        self._public: tuple[Any, str] | None = None
        self._private: dict[str, tuple[Any, str]] = {}
        self._entries: dict[int, tuple[LogEntry, str]] = {}
        self._actions: dict[Any, str] = {}
        self._parts: dict[tuple[str, Any], tuple[Any, str]] = {}
        self._offers: dict[Any, str] = {}

    def view_json(self, view: SeatView) -> str:
        """Returns the view without its log, as JSON text."""
        parts = []
        for f in dataclasses.fields(view):
            name = f.name
            if name == "log":
                continue
            value = getattr(view, name)
            if name == "public":
                text = self._public_json(value)
            elif name == "private":
                text = "{" + ",".join(f"{dumps(seat)}:{self._private_json(seat, p)}" for seat, p in value.items()) + "}"
            elif name == "mine":
                text = "[" + ",".join(self._once("commitment", c.id, c) for c in value) + "]"
            elif name == "offers":
                text = "[" + ",".join(self._offer_json(o) for o in value) + "]"
            else:
                text = dumps(to_data(value))
            parts.append(f'"{name}":{text}')
        return "{" + ",".join(parts) + "}"

    def log_json(self, entries: tuple) -> str:
        """Returns log entries as a JSON array (each entry encoded once).

        Keyed by identity: each seat numbers its entries in its own sequence, so two seats'
        entry 5 may differ; holding the entry keeps its id from being reused."""
        out = []
        for entry in entries:
            hit = self._entries.get(id(entry))
            if hit is None or hit[0] is not entry:
                hit = self._entries[id(entry)] = (entry, dumps(to_data(entry)))
            out.append(hit[1])
        return "[" + ",".join(out) + "]"

    def actions_json(self, actions: list) -> str:
        out = []
        for action in actions:
            try:
                text = self._actions.get(action)
            except TypeError:  # an action holding an unhashable condition
                text = None
            if text is None:
                text = dumps(action_to_dict(action))
                try:
                    self._actions[action] = text
                except TypeError:
                    pass
            out.append(text)
        return "[" + ",".join(out) + "]"

    def _public_json(self, public: Any) -> str:
        """Encodes the public part, re-encoding only the delegates and commitments the engine rebuilt."""
        if self._public is not None and self._public[0] is public:
            return self._public[1]
        parts = []
        for name in _fields(public):
            value = getattr(public, name)
            if name == "delegates":
                text = "{" + ",".join(f"{dumps(seat)}:{self._once('delegate', seat, d)}" for seat, d in value.items()) + "}"
            elif name == "commitments":
                text = "[" + ",".join(self._once("commitment", c.id, c) for c in value) + "]"
            else:
                text = dumps(to_data(value))
            parts.append(f'"{name}":{text}')
        self._public = (public, "{" + ",".join(parts) + "}")
        return self._public[1]

    def _private_json(self, seat: str, private: Any) -> str:
        hit = self._private.get(seat)
        if hit is None or hit[0] is not private:
            parts = []
            for name in _fields(private):
                value = getattr(private, name)
                if name == "objectives":
                    text = "[" + ",".join(self._objective_json(o) for o in value) + "]"
                else:
                    text = dumps(to_data(value))
                parts.append(f'"{name}":{text}')
            hit = self._private[seat] = (private, "{" + ",".join(parts) + "}")
        return hit[1]

    def _objective_json(self, objective: Any) -> str:
        when = self._once("when", id(objective.when), objective.when)
        rest = {name: to_data(getattr(objective, name)) for name in _fields(objective) if name != "when"}
        return dumps(rest)[:-1] + f',"when":{when}}}'

    def _offer_json(self, offer: Any) -> str:
        """Offer views are rebuilt per view; equal ones (same id, status, acceptances) share an encoding."""
        try:
            hit = self._offers.get(offer)
        except TypeError:  # an item's condition that cannot be hashed
            return dumps(to_data(offer))
        if hit is None:
            if len(self._offers) > 20_000:
                self._offers.clear()
            hit = self._offers[offer] = dumps(to_data(offer))
        return hit

    def _once(self, kind: str, key: Any, value: Any) -> str:
        """Returns the JSON of a value the engine shares between versions, encoded once per object."""
        hit = self._parts.get((kind, key))
        if hit is None or hit[0] is not value:
            hit = self._parts[(kind, key)] = (value, dumps(to_data(value)))
        return hit[1]


def _fields(value: Any) -> tuple[str, ...]:
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    return names


# -- decoding ------------------------------------------------------------------------------

_ITEMS = TypeAdapter(tuple[OfferItem, ...])
_CONDITIONS = TypeAdapter(tuple[Condition, ...])


class ViewDecoder:
    """Rebuilds SeatView dataclasses from wire data; keeps one tuple per distinct objective
    condition list, so bots that cache by identity parse each once."""

    def __init__(self) -> None:
        self._when: dict[str, tuple] = {}
        self._overrides = {
            ("OfferView", "items"): lambda data: _ITEMS.validate_python(data),
            ("ObjectiveView", "when"): self._conditions,
            ("PrivateView", "red_lines"): RedLines.model_validate,
            ("SeatView", "log"): lambda data: tuple(log_entry(d) for d in data),
        }

    def view(self, data: dict[str, Any], log: tuple = ()) -> SeatView:
        """Returns the SeatView for a wire view object and the client's log."""
        return self._build(SeatView, {**data, "log": []}, log_override=log)

    def _conditions(self, data: list) -> tuple:
        key = dumps(data)
        hit = self._when.get(key)
        if hit is None:
            hit = self._when[key] = _CONDITIONS.validate_python(data)
        return hit

    def _build(self, cls: type, data: dict[str, Any], log_override: tuple | None = None) -> Any:
        hints = _hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            override = self._overrides.get((cls.__name__, f.name))
            if f.name == "log" and log_override is not None:
                kwargs[f.name] = log_override
            elif override is not None:
                kwargs[f.name] = override(data[f.name])
            else:
                kwargs[f.name] = self._value(hints[f.name], data[f.name])
        return cls(**kwargs)

    def _value(self, tp: Any, data: Any) -> Any:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if dataclasses.is_dataclass(tp):
            return self._build(tp, data)
        if origin in (typing.Union, types.UnionType):
            if data is None:
                return None
            return self._value(next(a for a in args if a is not type(None)), data)
        if origin is tuple:
            inner = args[0] if args else Any
            return tuple(self._value(inner, d) for d in data)
        if origin is frozenset:
            return frozenset(self._value(args[0], d) for d in data)
        if origin is dict:
            key_type, value_type = args
            if typing.get_origin(key_type) is tuple:
                return {tuple(row[:-1]): self._value(value_type, row[-1]) for row in data}
            return {k: self._value(value_type, v) for k, v in data.items()}
        if tp is float:
            return float(data)
        return data


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hit = _HINTS.get(cls)
    if hit is None:
        hit = _HINTS[cls] = typing.get_type_hints(cls)
    return hit


def log_entry(data: dict[str, Any]) -> LogEntry:
    """Returns a LogEntry from its wire form."""
    visible = data.get("visible_to")
    return LogEntry(data["seq"], data["round"], data["phase"], data["actor"], data["kind"], data["text"],
                    data["auto"], tuple(visible) if visible is not None else None, data.get("data") or {})


def action_from_data(data: dict[str, Any]) -> Any:
    """Returns the typed action for a wire action dict (raises ValueError if malformed)."""
    return ACTIONS.validate_python(data)
