"""Saves and loads game records (YAML or JSON, by file extension) and replays them; a game journal
(`.jsonl`, see journal.py) is read as the record it replays to.

A record is checked before it is trusted: size before reading, syntax (JSON errors called
JSON), every field's type and range with its position, the shape of every action, and
its scenario: the one it carries (checked against its hash), else a bundled one found by id,
never a path named inside it. Any problem is one RecordError naming the file; nothing is half-loaded.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from game.content.files import UnreadableFile, read_bounded
from game.content.journal import read_journal
from game.content.json_text import is_json, json_as_yaml
from game.content.messages import problem_at
from game.content.record_messages import action_problems, newer_format, record_problems
from game.content.scenario_text import given_or_bundled, scenario_from_text, text_to_carry
from game.content.yaml_safe import Document, ParsedYaml, YamlProblem, decode_text, parse_yaml_text
from game.engine import Game, ReplayError
from game.errors import FileProblem, RecordError
from game.model.record import GameRecord

RECORD = Document("a game record", "format, scenario_id, seed, actions, ...", "format:, scenario_id:, ...",
                  max_bytes=8 * 1024 * 1024, max_nodes=2_000_000)
"""About 75,000 actions: far beyond a real game, small enough to parse in seconds."""
_RECORD_MARKS = ("scenario_id", "scenario_hash", "actions", "log_digest", "rng_state")


@dataclass(frozen=True)
class _Read:
    record: GameRecord
    parsed: ParsedYaml
    raw: bytes


class _Literal(str):
    """A text written as a YAML literal block (`|`), line for line as in its file."""


class _RecordDumper(yaml.SafeDumper):
    pass


_RecordDumper.add_representer(
    _Literal, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|"))


def save_record(game: Game, path: str | Path) -> Path:
    """Writes the game's record; `.json` gives JSON, anything else YAML. Returns the path.

    A game of a scenario that is not bundled carries its scenario's text (see scenario_text.py)."""
    path = Path(path)
    try:
        data = game.record().model_dump(mode="json")
    except ValidationError as err:  # e.g. a seed outside 0..2**64-1, which no record may hold
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RecordError(f"{path}: this game cannot be saved: {where}: {first['msg']} "
                          f"(got {first.get('input')!r:.60})") from None
    carried = text_to_carry(game.scenario, game.content_hash)
    if path.suffix.lower() == ".json":
        if carried is not None:
            data["scenario_text"] = carried
        text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False)
    else:
        if carried is not None:
            data["scenario_text"] = _Literal(carried)
        text = "# Coalition Table game record: replay with `coalition replay FILE`\n" + yaml.dump(
            data, Dumper=_RecordDumper, sort_keys=False, allow_unicode=True, width=100)
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)  # never leave a half-written save over a good one
    except OSError as err:
        raise RecordError(f"{path}: cannot write the record: {err.strerror}") from None
    return path


def is_journal(path: str | Path) -> bool:
    """True for a game journal: a .jsonl file whose first line is an object with a "journal" key."""
    path = Path(path)
    if path.suffix.lower() != ".jsonl":
        return False
    try:
        with path.open("rb") as handle:
            first = handle.readline(RECORD.max_bytes)
        data = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "journal" in data


def load_record(path: str | Path) -> GameRecord:
    """Reads and validates a record file (or replays a journal to its record); raises RecordError
    with the file and the problem."""
    if is_journal(path):
        return read_journal(path).record
    return _read(Path(path)).record


def load_game(path: str | Path, scenario: str | Path | None = None) -> Game:
    """Loads a record (or a journal) and replays it against its bundled scenario (or the scenario given)."""
    path = Path(path)
    if is_journal(path):
        return read_journal(path, scenario).game
    read = _read(path)
    record = read.record
    loaded = _scenario_for(path, read, scenario)
    if loaded.scenario.meta.id != record.scenario_id:
        raise RecordError(f"{path}: this record is a game of scenario '{record.scenario_id}', "
                          f"not '{loaded.scenario.meta.id}'")
    seats = [d.id for d in loaded.scenario.delegates]
    for seat in record.controllers:
        if seat not in seats:
            raise RecordError(str(problem_at(
                read.parsed.root, ("controllers", seat, "[key]"), str(path),
                f"no delegation '{seat}' in scenario '{record.scenario_id}' (seats: {', '.join(seats)})")))
    try:
        return Game.from_record(loaded.scenario, record, content_hash=loaded.content_hash)
    except ReplayError as err:
        raise RecordError(f"{path}: {err}") from None


def _scenario_for(path: Path, read: _Read, scenario: str | Path | None):
    """Returns the scenario to replay against: the one given, the one the record carries, or the
    bundled one of the record's id."""
    record = read.record
    if scenario is None and record.scenario_text is not None:
        return scenario_from_text(record.scenario_text, str(path), record.scenario_id, record.scenario_hash,
                                  _block_start(read))
    return given_or_bundled(path, "record", record.scenario_id, scenario)


def _block_start(read: _Read) -> tuple[int, int] | None:
    """Returns the lines and columns before the carried scenario's text in a YAML record, where it is a
    literal block (`scenario_text: |`), so its problems are placed in the record; else None."""
    root = read.parsed.root
    nodes = [v for k, v in root.value if k.value == "scenario_text"] if isinstance(root, yaml.MappingNode) else []
    node = nodes[-1] if nodes else None  # a repeated key keeps its last value
    if not isinstance(node, yaml.ScalarNode) or node.style != "|":
        return None
    lines = read.raw.decode("utf-8-sig").splitlines()[node.start_mark.line + 1:]
    first = next((line for line in lines if line.strip()), "")
    return node.start_mark.line + 1, len(first) - len(first.lstrip(" "))


def _read(path: Path) -> _Read:
    name = str(path)
    try:
        raw = read_bounded(path, RECORD.max_bytes)
    except UnreadableFile as err:
        raise RecordError(str(err.problem)) from None
    parsed = _parse(raw, name)
    data = parsed.data
    if not any(mark in data for mark in _RECORD_MARKS):
        hint = " (it looks like a scenario: play it with `coalition run`)" if "meta" in data else ""
        raise RecordError(_not_a_record(name, f"it has none of a record's fields (format, scenario_id, "
                                              f"scenario_hash, seed, actions, ...){hint}"))
    newer = newer_format(data, name, parsed.root)
    if newer:
        raise RecordError(str(newer))
    problems = list(parsed.problems)
    try:
        record = GameRecord.model_validate(data)
    except ValidationError as err:
        _refuse(problems + record_problems(err, parsed.root, name))
    _refuse(problems + action_problems(record.actions, parsed.root, name))
    return _Read(record, parsed, raw)


def _parse(raw: bytes, name: str) -> ParsedYaml:
    """Parses a record's bytes as JSON or YAML; a file that is no record says so in record terms."""
    try:
        text = decode_text(raw, name, RECORD)
        if is_json(name, text):
            text = json_as_yaml(text, name)
        return parse_yaml_text(text, name, RECORD)
    except YamlProblem as err:
        if err.not_a_document:
            raise RecordError(_not_a_record(name, err.problem.message.split("; expected")[0])) from None
        raise RecordError(str(err.problem)) from None


def _not_a_record(name: str, reason: str) -> str:
    return f"{name} is not a Coalition Table game record: {reason}"


def _refuse(problems: list[FileProblem]) -> None:
    if problems:
        problems = sorted(problems, key=lambda p: (p.line, p.column))
        raise RecordError("\n".join(str(p) for p in problems))
