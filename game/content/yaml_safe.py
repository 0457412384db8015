"""Parses YAML defensively: size, encoding, depth, alias expansion, tags and duplicate keys.

The file is composed once into nodes (which carry positions); the nodes are checked,
then constructed with the C safe loader. Booleans follow YAML 1.2 (`no` stays a string,
so a delegation may be called `no` for Norway).
"""

import re
from dataclasses import dataclass
from typing import Any

import yaml

from game.errors import FileProblem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_EXPANDED_NODES = 200_000
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "seq", "map")
}

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2 booleans: only true/false, never yes/no/on/off."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class YamlProblem(Exception):
    def __init__(self, problem: FileProblem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    root: yaml.Node
    problems: list[FileProblem]
    """Problems that do not stop validation (duplicate keys), reported with the rest."""


def parse_yaml(raw: bytes, filename: str) -> ParsedYaml:
    """Returns the data and its node tree, or raises YamlProblem with a position."""

    def fail(message: str, line: int = 0, column: int = 0) -> YamlProblem:
        return YamlProblem(FileProblem(filename, line, column, "", message))

    if len(raw) > MAX_BYTES:
        raise fail(f"file is too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,})")
    if b"\x00" in raw:
        raise fail("this is not a text file (it contains NUL bytes); expected a YAML scenario")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise fail(f"the file is not UTF-8 text (bad byte at offset {err.start})", line, 1) from None
    if not text.strip():
        raise fail("the file is empty; expected a YAML mapping with meta, rules, priorities, ...")
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise _syntax_problem(err, filename, text) from None
    except yaml.YAMLError as err:
        raise fail(f"YAML syntax error: {err}") from None
    if root is None:
        raise fail("the file holds no YAML document; expected a mapping")
    problems = _check_nodes(root, filename)
    if not isinstance(root, yaml.MappingNode):
        mark = root.start_mark
        raise fail("the top level must be a mapping (meta:, rules:, ...), not a "
                   + _node_kind(root), mark.line + 1, mark.column + 1)
    data = _Loader("").construct_document(root)
    return ParsedYaml(data, root, problems)


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value" if isinstance(node, yaml.ScalarNode) else "mapping"


def _syntax_problem(err: yaml.MarkedYAMLError, filename: str, text: str) -> YamlProblem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = err.problem or "syntax error"
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        problem = "a tab character is used for indentation; YAML allows only spaces"
    elif "maximum nesting depth" in problem:
        problem = "the file is nested too deeply"
    context = f" ({err.context})" if err.context and "tab" not in problem else ""
    return YamlProblem(FileProblem(filename, line, column, "", f"YAML syntax error: {problem}{context}"))


def _check_nodes(root: yaml.Node, filename: str) -> list[FileProblem]:
    """Raises on unknown tags, excessive depth and alias bombs; returns duplicate keys."""
    budget = [MAX_EXPANDED_NODES]
    duplicates: list[FileProblem] = []

    def fail(node: yaml.Node, message: str) -> YamlProblem:
        mark = node.start_mark
        return YamlProblem(FileProblem(filename, mark.line + 1, mark.column + 1, "", message))

    def visit(node: yaml.Node, depth: int) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise fail(node, f"the document expands to more than {MAX_EXPANDED_NODES:,} values "
                             "(aliases that repeat aliases?); refusing to expand it")
        if depth > MAX_DEPTH:
            raise fail(node, f"the file is nested more than {MAX_DEPTH} levels deep")
        if node.tag not in _ALLOWED_TAGS:
            raise fail(node, f"unsupported tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' "
                             "(scenarios are plain YAML: no tags, no objects)")
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                visit(item, depth + 1)
        elif isinstance(node, yaml.MappingNode):
            seen: dict[Any, yaml.Node] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        first = seen[key.value].start_mark.line + 1
                        duplicates.append(fail(key, f"duplicate key '{key.value}' "
                                                    f"(first defined on line {first}; PyYAML would keep the last)").problem)
                    seen[key.value] = key
                visit(key, depth + 1)
                visit(value, depth + 1)

    visit(root, 0)
    return duplicates
