"""Parses YAML defensively: size, encoding, depth, alias expansion, tags, duplicate keys, long numbers.

The file is composed once into nodes (which carry positions); the nodes are checked,
then constructed with the C safe loader. Scalars follow YAML 1.2 (`no` stays a string,
so a delegation may be called `no` for Norway).
"""

import re
import sys
from dataclasses import dataclass
from typing import Any

import yaml

from game.content.files import MAX_BYTES
from game.content.positions import readable_path
from game.errors import FileProblem

MAX_DEPTH = 64
MAX_EXPANDED_NODES = 200_000
MAX_INT_DIGITS = min(4300, sys.get_int_max_str_digits() or 4300)
"""Python refuses to convert longer decimal strings (a guard against quadratic time); so do we."""


@dataclass(frozen=True)
class Document:
    """What kind of file is parsed: its limits and how messages describe it."""

    noun: str
    fields: str
    keys: str
    max_bytes: int = MAX_BYTES
    max_nodes: int = MAX_EXPANDED_NODES


SCENARIO = Document("a YAML scenario", "meta, rules, priorities, ...", "meta:, rules:, ...")
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "seq", "map")
}

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2 core-schema scalars.

    Only true/false are booleans (never yes/no/on/off); `010` is ten, not octal eight;
    `12:30` and `2026-01-06` stay strings (YAML 1.1 reads them as 750 and a date).
    """


_KEEP_FROM_YAML_1_1 = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"}
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag in _KEEP_FROM_YAML_1_1]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """Reads an int the YAML 1.2 way: leading zeros are decimal, `0o` is octal."""
    value = loader.construct_scalar(node)
    if value.startswith(("0o", "0x")):
        return int(value[2:], 8 if value[1] == "o" else 16)
    return int(value, 10)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class YamlProblem(Exception):
    def __init__(self, problem: FileProblem, not_a_document: bool = False):
        self.problem = problem
        self.not_a_document = not_a_document
        """True when the file is not this kind of document at all: empty, binary, not a mapping."""
        super().__init__(str(problem))


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    root: yaml.Node
    problems: list[FileProblem]
    """Problems that do not stop validation (duplicate keys), reported with the rest."""


def parse_yaml(raw: bytes, filename: str, document: Document = SCENARIO) -> ParsedYaml:
    """Returns the data and its node tree, or raises YamlProblem with a position."""
    return parse_yaml_text(decode_text(raw, filename, document), filename, document)


def decode_text(raw: bytes, filename: str, document: Document = SCENARIO) -> str:
    """Returns the file's text, or raises YamlProblem if it is too large, binary or not UTF-8."""

    def fail(message: str, line: int = 0, column: int = 0) -> YamlProblem:
        return YamlProblem(FileProblem(filename, line, column, "", message), not_a_document=True)

    if len(raw) > document.max_bytes:
        raise YamlProblem(FileProblem(filename, 0, 0, "", f"file is too large ({len(raw):,} bytes; "
                                                          f"the limit is {document.max_bytes:,})"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("the file is UTF-16 text; save it as UTF-8")
    if b"\x00" in raw:
        line, column = _byte_position(raw, raw.index(b"\x00"))
        raise fail(f"this is not a text file (it contains NUL bytes); expected {document.noun}",
                   line, column)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = _byte_position(raw, err.start)
        raise fail(f"the file is not UTF-8 text (bad byte at offset {err.start})", line, column) from None
    if not text.strip():
        raise fail(f"the file is empty; expected a YAML mapping with {document.fields}")
    return text


def parse_yaml_text(text: str, filename: str, document: Document = SCENARIO) -> ParsedYaml:
    """Parses decoded text; see `parse_yaml`."""

    def fail(message: str, line: int = 0, column: int = 0) -> YamlProblem:
        return YamlProblem(FileProblem(filename, line, column, "", message), not_a_document=True)

    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise _syntax_problem(err, filename, text) from None
    except yaml.reader.ReaderError as err:
        # Raised before any mark exists; `position` counts characters of the decoded text.
        line = text.count("\n", 0, err.position) + 1
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        raise fail(f"YAML syntax error: character {err.character:#06x} is not allowed "
                   f"({err.reason})", line, column) from None
    except yaml.YAMLError as err:
        raise YamlProblem(FileProblem(filename, 0, 0, "", f"YAML syntax error: {err}")) from None
    if root is None:
        raise fail(f"the file has only comments and blank lines; expected a YAML mapping with {document.fields}")
    problems = _check_nodes(root, filename, document.max_nodes)
    if not isinstance(root, yaml.MappingNode):
        mark = root.start_mark
        raise fail(f"the top level must be a mapping ({document.keys}), not a " + _node_kind(root),
                   mark.line + 1, mark.column + 1)
    try:
        data = _Loader("").construct_document(root)
    except yaml.MarkedYAMLError as err:  # the node checks should leave nothing to fail here
        raise _syntax_problem(err, filename, text) from None
    return ParsedYaml(data, root, problems)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Returns the 1-based line and character column of a byte offset."""
    start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value" if isinstance(node, yaml.ScalarNode) else "mapping"


_INDENTATION_SYMPTOMS = {
    "did not find expected key",
    "mapping values are not allowed here",
    "mapping values are not allowed in this context",
    "did not find expected '-' indicator",
    "could not find expected ':'",
}


def _syntax_problem(err: yaml.MarkedYAMLError, filename: str, text: str) -> YamlProblem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = err.problem or "syntax error"
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        problem = "a tab character is used for indentation; YAML allows only spaces"
    elif "maximum nesting depth" in problem:
        problem = "the file is nested too deeply"
    context = ""
    if err.context and "tab" not in problem:
        # Name where an unclosed bracket or quote opened: the problem mark is where it was noticed.
        start = err.context_mark
        opened = (f" started on line {start.line + 1}, column {start.column + 1}"
                  if start and mark and start.line != mark.line
                  and err.context.startswith("while") else "")
        context = f" ({err.context}{opened})"
    context += _hint(problem, lines[mark.line][: mark.column] if mark and mark.line < len(lines) else "")
    return YamlProblem(FileProblem(filename, line, column, "", f"YAML syntax error: {problem}{context}"))


def _hint(problem: str, before: str) -> str:
    """Returns advice for the two commonest causes: an unquoted ': ' and bad indentation."""
    if problem.startswith("mapping values are not allowed") and ": " in before:
        return "; a value that contains ': ' must be in quotes"
    if problem.startswith("found character that cannot start any token"):
        return "; a value that starts with @ or ` must be in quotes"
    if problem in _INDENTATION_SYMPTOMS:
        return "; check the indentation of this line and the one above"
    return ""


def _check_nodes(root: yaml.Node, filename: str, max_nodes: int = MAX_EXPANDED_NODES) -> list[FileProblem]:
    """Raises on unknown tags, excessive depth, alias bombs and overlong integers; returns duplicate keys."""
    budget = [max_nodes]
    duplicates: list[FileProblem] = []

    def fail(node: yaml.Node, message: str, path: str = "") -> YamlProblem:
        mark = node.start_mark
        return YamlProblem(FileProblem(filename, mark.line + 1, mark.column + 1, path, message))

    ancestors: set[int] = set()  # ids of the nodes on the current path, to catch `&a [*a]`
    path: list[Any] = []

    def visit(node: yaml.Node, depth: int) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise fail(node, f"the document expands to more than {max_nodes:,} values "
                             "(aliases that repeat aliases?); refusing to expand it")
        if node.tag == _INT_TAG and _digits(node.value) > MAX_INT_DIGITS:
            raise fail(node, f"a whole number of {_digits(node.value):,} digits is far outside "
                             f"every field's range (numbers longer than {MAX_INT_DIGITS:,} digits "
                             "are not read)", readable_path(path))
        if id(node) in ancestors:
            raise fail(node, "an alias refers to a value that contains it (a recursive structure)")
        if depth > MAX_DEPTH:
            raise fail(node, f"the file is nested more than {MAX_DEPTH} levels deep")
        if node.tag == "tag:yaml.org,2002:merge":
            raise fail(node, "merge keys ('<<') are not supported; write the fields out")
        if node.tag not in _ALLOWED_TAGS:
            raise fail(node, f"unsupported tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' "
                             "(scenarios are plain YAML: no tags, no objects)")
        ancestors.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                path.append(index)
                visit(item, depth + 1)
                path.pop()
        elif isinstance(node, yaml.MappingNode):
            seen: dict[Any, yaml.Node] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    # PyYAML cannot hash a list or mapping key, and no field is named by one.
                    raise fail(key, "a mapping key must be a plain value, not a "
                                    + _node_kind(key))
                if key.value in seen:
                    first = seen[key.value].start_mark
                    duplicates.append(fail(key, f"duplicate key '{key.value}' (first defined on "
                                                f"line {first.line + 1}, column {first.column + 1}; "
                                                "a key may appear only once)").problem)
                seen[key.value] = key
                path.append(key.value)
                visit(key, depth + 1)
                visit(value, depth + 1)
                path.pop()
        ancestors.discard(id(node))

    visit(root, 0)
    return duplicates


_INT_TAG = "tag:yaml.org,2002:int"


def _digits(value: str) -> int:
    """Returns how many digits an integer literal has (any base; sign and prefix not counted)."""
    value = value.lstrip("+-")
    return len(value) - 2 if value.startswith(("0o", "0x")) else len(value)
