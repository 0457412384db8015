"""Saves and loads game records (YAML or JSON, by file extension) and replays them.

A corrupt file, a record for another scenario version, or actions that no longer
apply each give one RecordError naming the file; nothing is half-loaded.
"""

import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from game.content.scenarios import load_scenario
from game.content.yaml_safe import YamlProblem, parse_yaml
from game.engine import Game, ReplayError
from game.errors import CoalitionError, RecordError
from game.model.record import GameRecord


def save_record(game: Game, path: str | Path) -> Path:
    """Writes the game's record; `.json` gives JSON, anything else YAML. Returns the path."""
    path = Path(path)
    data = game.record().model_dump(mode="json")
    if path.suffix.lower() == ".json":
        text = json.dumps(data, indent=1)
    else:
        text = "# Coalition Table game record: replay with `coalition replay FILE`\n" + yaml.safe_dump(
            data, sort_keys=False, allow_unicode=True, width=100)
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)  # never leave a half-written save over a good one
    except OSError as err:
        raise RecordError(f"{path}: cannot write the record: {err.strerror}") from None
    return path


def load_record(path: str | Path) -> GameRecord:
    """Reads and validates a record file; raises RecordError with the file and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise RecordError(f"{path}: cannot read the record: {err.strerror}") from None
    try:
        data = parse_yaml(raw, str(path)).data  # JSON is YAML: one defensive parser for both
    except YamlProblem as err:
        raise RecordError(f"{err.problem} (is this a game record?)") from None
    try:
        return GameRecord.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise RecordError(f"{path}: not a valid game record: {where}: {first['msg']}") from None


def load_game(path: str | Path, scenario: str | Path | None = None) -> Game:
    """Loads a record and replays it against its scenario (by default the bundled one of its id)."""
    record = load_record(path)
    try:
        loaded = load_scenario(scenario or record.scenario_id)
    except CoalitionError as err:
        raise RecordError(f"{path}: cannot load scenario '{record.scenario_id}' for this record: {err}") from None
    try:
        return Game.from_record(loaded.scenario, record, content_hash=loaded.content_hash)
    except ReplayError as err:
        raise RecordError(f"{path}: {err}") from None
