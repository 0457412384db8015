"""Every bundled scenario loads, matches the committed JSON Schema, and that schema is current.

Parametrized over `scenarios/*.yaml`, so a newly added scenario is checked the moment it lands.
The schema is what editors validate against, so a stale copy would show authors wrong errors.
"""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from game.cli import main
from game.content.scenarios import load_scenario_file
from game.content.yaml_safe import parse_yaml
from game.errors import ScenarioError
from game.model.schema import scenario_json_schema

SCENARIOS = Path(__file__).parents[2] / "scenarios"
SCHEMA_FILE = SCENARIOS / "scenario.schema.json"
BUNDLED = sorted(SCENARIOS.glob("*.yaml"))
SCHEMA_COMMENT = "# yaml-language-server: $schema=./scenario.schema.json"
REGENERATE = "coalition schema > scenarios/scenario.schema.json"

bundled = pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])


def test_there_are_bundled_scenarios():
    assert any(p.stem == "tutorial" for p in BUNDLED)


@bundled
def test_bundled_scenario_validates(path):
    try:
        loaded = load_scenario_file(path)
    except ScenarioError as err:
        pytest.fail(f"{path.name} does not validate:\n{err}")
    # The CLI finds a bundled scenario by file name; pickers show meta.id. They must agree.
    assert loaded.scenario.meta.id == path.stem


@bundled
def test_bundled_scenario_matches_the_committed_json_schema(path):
    # Read as YAML 1.2, as the YAML language server does, so `no` (Norway) stays a string;
    # yaml.safe_load would read it as False, which no editor does.
    data = parse_yaml(path.read_bytes(), str(path)).data
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    errors = [f"{'.'.join(map(str, e.absolute_path)) or '(top level)'}: {e.message}"
              for e in validator.iter_errors(data)]
    assert not errors, f"{path.name} breaks scenario.schema.json:\n" + "\n".join(errors)


@bundled
def test_bundled_scenario_names_its_schema_on_the_first_line(path):
    first_line = path.read_text(encoding="utf-8").partition("\n")[0]
    assert first_line == SCHEMA_COMMENT, (
        f"{path.name} must start with `{SCHEMA_COMMENT}` so editors offer completion")


def test_committed_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text()))


def test_committed_schema_is_up_to_date():
    committed = json.loads(SCHEMA_FILE.read_text())
    assert committed == scenario_json_schema(), (
        f"scenarios/scenario.schema.json is out of date with game/model; regenerate it with:\n"
        f"    {REGENERATE}")


def test_schema_command_prints_the_committed_schema():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA_FILE.read_text()), REGENERATE


def test_validate_by_bundled_id():
    result = CliRunner().invoke(main, ["validate", "tutorial"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("OK ")
    assert result.stdout.split()[1:3] == [f"{SCENARIOS / 'tutorial.yaml'}:", "tutorial"]


def test_validate_every_bundled_id_at_once():
    result = CliRunner().invoke(main, ["validate", *(p.stem for p in BUNDLED)])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(BUNDLED)
