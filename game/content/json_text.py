"""Checks JSON text strictly, then hands it to the YAML parser, which keeps positions.

JSON is (nearly) a subset of YAML, and one defensive parser gives both formats the same
limits and `FILE:LINE:COL` messages. Python's `json` judges the syntax first, so a JSON
file's mistakes are called JSON errors; two YAML differences are then bridged: tabs between
tokens, and characters beyond the BMP written as surrogate pairs (`\\ud83d\\ude00`), as
`json.dumps` writes them by default.
"""

import json
import re

from game.content.yaml_safe import YamlProblem
from game.errors import FileProblem

_ESCAPE = re.compile(r"\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|.)", re.DOTALL)


def is_json(name: str, text: str) -> bool:
    """Is this file JSON: named `.json`, or not named YAML and starting with `{`?"""
    lowered = name.lower()
    if lowered.endswith(".json"):
        return True
    return not lowered.endswith((".yaml", ".yml")) and text.lstrip().startswith("{")


def json_as_yaml(text: str, filename: str) -> str:
    """Returns the text ready for the YAML parser, or raises YamlProblem for a JSON syntax error."""
    try:
        # Numbers are not converted here: a 5,000-digit one is refused later, at its position.
        json.loads(text, parse_int=len, parse_float=len, parse_constant=_not_json)
    except json.JSONDecodeError as err:
        raise YamlProblem(FileProblem(filename, err.lineno, err.colno, "", f"JSON syntax error: {err.msg}")) from None
    except _NotJson as err:
        line, column = _find(text, err.args[0])
        raise YamlProblem(FileProblem(filename, line, column, "",
                                      f"JSON syntax error: {err.args[0]} is not a JSON value")) from None
    except RecursionError:
        raise YamlProblem(FileProblem(filename, 0, 0, "", "the file is nested too deeply")) from None
    # Strict JSON has no raw tab inside a string, so every tab left is space between tokens.
    return _ESCAPE.sub(_astral, text).replace("\t", " ")


class _NotJson(ValueError):
    pass


def _not_json(constant: str):
    raise _NotJson(constant)  # NaN, Infinity and -Infinity: Python writes them, JSON has none


def _astral(match: re.Match) -> str:
    if not match[1]:
        return match[0]
    code = 0x10000 + ((int(match[1], 16) - 0xD800) << 10) + (int(match[2], 16) - 0xDC00)
    return f"\\U{code:08X}"


def _find(text: str, word: str) -> tuple[int, int]:
    found = re.search(rf"(?<![\"\w]){re.escape(word)}(?![\"\w])", text)
    index = found.start() if found else 0
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1
