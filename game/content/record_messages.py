"""Explains what is wrong with a game record in a player's words, at its position in the file.

Record fields get messages that say what the field is for; a malformed action is described
by its kind and field ("action 3: a 'pledge' needs 'amount' to be a whole number (got 'x')"),
never by pydantic's union names.
"""

from typing import Any, get_args

import yaml
from pydantic import ValidationError

from game.content.messages import problem_at, pydantic_problems, shown
from game.content.positions import find_node, position, readable_path
from game.errors import FileProblem
from game.model.actions import ACTIONS, Action, OfferItem
from game.model.delegates import Personality
from game.model.record import RECORD_FORMAT

_CLASSES = {cls.__dataclass_fields__["kind"].default: cls for cls in get_args(get_args(Action)[0])}
ACTION_KINDS = list(_CLASSES)
_ITEM_FIELDS = set(OfferItem.__dataclass_fields__)

_FIELD_RULES = {
    ("scenario_id", "string_pattern_mismatch"):
        "is not a scenario id: a record names its bundled scenario by id (like 'paris-2026'), "
        "never by a file or path",
    ("scenario_hash", "string_pattern_mismatch"):
        "is not a scenario content hash (64 lowercase hexadecimal digits)",
    ("log_digest", "string_pattern_mismatch"): "is not a log digest (32 lowercase hexadecimal digits)",
    ("controllers", "literal_error"):
        f"is neither 'human' nor a bot personality ({', '.join(get_args(Personality))})",
}
_EXPECTED = {
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "string_type": "text", "float_type": "a number", "float_parsing": "a number",
    "finite_number": "a finite number", "bool_type": "true or false", "bool_parsing": "true or false",
    "tuple_type": "a list", "list_type": "a list", "dict_type": "a mapping",
    "model_attributes_type": "a mapping", "dataclass_type": "a mapping",
}


def newer_format(data: dict, name: str, root: yaml.Node) -> FileProblem | None:
    """Returns the problem of a record from a newer program, checked before any other field."""
    version = data.get("format")
    if type(version) is int and version > RECORD_FORMAT:
        return problem_at(root, ("format",), name,
                          f"this record was written by a newer Coalition Table (format {version}; "
                          f"this version reads up to {RECORD_FORMAT})")
    return None


def record_problems(err: ValidationError, root: yaml.Node, name: str) -> list[FileProblem]:
    """Rewrites the record model's errors: a field's purpose where it helps, actions in plain words."""
    problems = []
    for error in err.errors():
        loc = tuple(error["loc"])
        if loc[:1] == ("actions",) and len(loc) == 2 and error["type"] == "dict_type":
            problems.append(_at(root, loc, name, f"action {loc[1] + 1}",
                                f"expected a mapping with 'kind', 'seat', ... (got {_got(error)})"))
        elif (loc[:1] + (error["type"],)) in _FIELD_RULES and loc[-1] != "[key]":
            rule = _FIELD_RULES[loc[:1] + (error["type"],)]
            problems.append(problem_at(root, loc, name, f"{shown(error['input'])} {rule}"))
        else:
            problems += pydantic_problems([error], root, name)
    return problems


def action_problems(actions: list[dict[str, Any]], root: yaml.Node, name: str) -> list[FileProblem]:
    """Returns the problems of the first malformed action, or [] if every action has a valid shape."""
    for index, data in enumerate(actions):
        try:
            ACTIONS.validate_python(data)
        except ValidationError as err:
            return _explain_action(index, data, err.errors(), root, name)
        unknown = _unknown_fields(data)
        if unknown:
            loc = ("actions", index) + unknown + ("[key]",)
            return [_at(root, loc, name, f"action {index + 1}",
                        f"{_a(data['kind'])} has no field '{readable_path(unknown)}'")]
    return []


def _unknown_fields(data: dict[str, Any]) -> tuple:
    """Returns the location of a field the action's kind does not have (dataclasses drop them silently)."""
    for key in data:
        if key not in _CLASSES[data["kind"]].__dataclass_fields__:
            return (key,)
    for i, item in enumerate(data.get("items") or ()):
        for key in item:
            if key not in _ITEM_FIELDS:
                return ("items", i, key)
    return ()


def _explain_action(index: int, data: dict, errors: list, root: yaml.Node, name: str) -> list[FileProblem]:
    kind = data.get("kind")
    where = f"action {index + 1}"
    missing = [readable_path(e["loc"][1:]) for e in errors if e["type"] == "missing"]
    problems = []
    if missing:
        fields = " and ".join(", ".join(f"'{f}'" for f in missing).rsplit(", ", 1))
        problems.append(_at(root, ("actions", index), name, where, f"{_a(kind)} needs {fields}"))
    for error in errors:
        if error["type"] != "missing":
            loc = ("actions", index) + tuple(error["loc"][1:])
            if error["type"] == "union_tag_invalid":  # point at the tag itself
                loc += (error["ctx"]["discriminator"].strip("'"),)
            problems.append(_at(root, loc, name, where, _action_message(kind, error)))
    return problems


def _at(root: yaml.Node, loc: tuple, name: str, where: str, message: str) -> FileProblem:
    """Places the problem at loc's node; the path shown is the action's number, as players count."""
    line, column = position(find_node(root, loc)[0])
    return FileProblem(name, line, column, where, message)


def _action_message(kind: Any, error: Any) -> str:
    field = readable_path(error["loc"][1:])
    if error["type"] == "union_tag_invalid" and not field:
        return f"unknown kind {shown(error['ctx']['tag'])} (expected one of: {', '.join(ACTION_KINDS)})"
    if error["type"] == "union_tag_not_found" and not field:
        return f"the action has no 'kind' (expected one of: {', '.join(ACTION_KINDS)})"
    if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
        test = error["ctx"].get("tag")
        return (f"'{field}' has an unknown test {shown(test)}" if test is not None
                else f"'{field}' needs a 'test'")
    if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        return f"{_a(kind)} has no field '{field}'"
    if error["type"] in _EXPECTED:
        return f"{_a(kind)} needs '{field}' to be {_EXPECTED[error['type']]} (got {_got(error)})"
    if error["type"] == "literal_error":
        return f"{_a(kind)} needs '{field}' to be {error['ctx']['expected']} (got {_got(error)})"
    return f"'{field}': {error['msg']} (got {_got(error)})"


def _a(kind: Any) -> str:
    """Returns "a 'pledge'", "an 'accept'": the action named as a player would."""
    return f"{'an' if str(kind)[:1] in 'aeiou' else 'a'} '{kind}'"


def _got(error: Any) -> str:
    got = shown(error.get("input"))
    return got[:60] + "..." if len(got) > 60 else got
