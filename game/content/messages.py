"""Turns pydantic's validation errors into problems an author can act on, with positions.

One `type -> explain` function each: an unknown field points at its key and suggests the
required field it may misspell; an unknown `op`/`test` lists the choices; a bad id says the rule.
"""

from difflib import get_close_matches
from typing import Any

import yaml

from game.content.positions import find_node, position, readable_path
from game.errors import FileProblem
from game.model.base import Id


def problem_at(root: yaml.Node, loc: tuple, name: str, message: str) -> FileProblem:
    """Returns the problem placed at the YAML node that loc leads to."""
    node, clean = find_node(root, loc)
    line, column = position(node)
    return FileProblem(name, line, column, readable_path(clean), message)


def pydantic_problems(errors: list[Any], root: yaml.Node, name: str) -> list[FileProblem]:
    """Rewrites pydantic's errors in the author's terms, each at its YAML position."""
    missing: dict[tuple, list[str]] = {}
    for error in errors:
        if error["type"] == "missing":
            missing.setdefault(tuple(error["loc"][:-1]), []).append(str(error["loc"][-1]))
    problems = []
    for error in errors:
        explain = _EXPLAIN.get(error["type"], _explain_default)
        loc, message = explain(error, missing)
        problems.append(problem_at(root, tuple(loc), name, message))
    return problems


def _explain_default(error: Any, missing: dict) -> tuple[tuple, str]:
    return tuple(error["loc"]), error["msg"] + _got(error)


def _explain_missing(error: Any, missing: dict) -> tuple[tuple, str]:
    return tuple(error["loc"]), "required field is missing"


def _explain_extra(error: Any, missing: dict) -> tuple[tuple, str]:
    """Points at the key itself and suggests a required field it may be a misspelling of."""
    loc = tuple(error["loc"])
    close = get_close_matches(str(loc[-1]), missing.get(loc[:-1], []), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "`coalition schema` lists the allowed fields"
    return loc + ("[key]",), f"unknown field '{loc[-1]}' ({hint})"


def _explain_tag_invalid(error: Any, missing: dict) -> tuple[tuple, str]:
    field = error["ctx"]["discriminator"].strip("'")
    expected = error["ctx"]["expected_tags"].replace("'", "")
    return (tuple(error["loc"]) + (field,),
            f"unknown {field} '{error['ctx']['tag']}' (expected one of: {expected})")


def _explain_tag_missing(error: Any, missing: dict) -> tuple[tuple, str]:
    field = error["ctx"]["discriminator"].strip("'")
    return tuple(error["loc"]), f"the '{field}' field is missing: it says what this entry is"


def _explain_pattern(error: Any, missing: dict) -> tuple[tuple, str]:
    if error["ctx"]["pattern"] != _ID_PATTERN:
        return _explain_default(error, missing)
    return tuple(error["loc"]), ("not a valid id: lowercase letters, digits, '_' and '-', "
                                 "starting with a letter, at most 48 characters" + _got(error))


def _explain_bound(error: Any, missing: dict) -> tuple[tuple, str]:
    """`must be at most 100 (got 250)`, with the bound written as the author would write it."""
    (name, bound), = error["ctx"].items()
    return tuple(error["loc"]), f"must be {_BOUND_WORDS[name]} {shown(bound)}" + _got(error)


def _explain_finite(error: Any, missing: dict) -> tuple[tuple, str]:
    return tuple(error["loc"]), "must be a finite number, not infinity or 'not a number'" + _got(error)


def _explain_value_error(error: Any, missing: dict) -> tuple[tuple, str]:
    """A validator's own message, without pydantic's 'Value error, ' in front."""
    return tuple(error["loc"]), error["msg"].removeprefix("Value error, ")


def _got(error: Any) -> str:
    if "input" not in error:
        return ""
    got = shown(error["input"])
    return f" (got {got[:60] + '...' if len(got) > 60 else got})"


def shown(value: Any) -> str:
    """Returns a value as an author would write it: 1,000,000 and .inf rather than 1000000 and inf."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return repr(value)
    if isinstance(value, float) and value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    if isinstance(value, float) and (not value.is_integer() or abs(value) >= 1e16):
        return repr(value)
    return f"{int(value):,}"


_BOUND_WORDS = {"le": "at most", "ge": "at least", "lt": "less than", "gt": "greater than"}


_ID_PATTERN = Id.__metadata__[0].pattern  # the one pattern in the format: ids
_EXPLAIN = {
    "missing": _explain_missing,
    "extra_forbidden": _explain_extra,
    "union_tag_invalid": _explain_tag_invalid,
    "union_tag_not_found": _explain_tag_missing,
    "string_pattern_mismatch": _explain_pattern,
    "less_than_equal": _explain_bound,
    "greater_than_equal": _explain_bound,
    "less_than": _explain_bound,
    "greater_than": _explain_bound,
    "finite_number": _explain_finite,
    "value_error": _explain_value_error,
}
