"""Keeps docs/scenario-format.md honest: its complete example validates, its snippets parse,
and it documents every condition `test` and effect `op` the models define.
"""

import re
import typing
from pathlib import Path

import yaml
from click.testing import CliRunner

from game.cli import main
from game.content.scenarios import load_scenario_file
from game.model.conditions import Condition
from game.model.effects import Effect

DOC = Path(__file__).parents[2] / "docs" / "scenario-format.md"
MARKER = "<!-- complete-example"
YAML_BLOCK = re.compile(r"^ *```yaml\n(.*?)^ *```", re.S | re.M)


def complete_example() -> str:
    text = DOC.read_text(encoding="utf-8")
    assert MARKER in text, f"{DOC.name} lost its `{MARKER} ... -->` marker"
    match = YAML_BLOCK.search(text, text.index(MARKER))
    assert match, f"no ```yaml block after the marker in {DOC.name}"
    return match.group(1)


def tags(union) -> set[str]:
    """Returns the discriminator values of a discriminated union of models."""
    members = typing.get_args(typing.get_args(union)[0])
    field = typing.get_args(union)[1].discriminator
    return {typing.get_args(m.model_fields[field].annotation)[0] for m in members}


def test_complete_example_validates(tmp_path):
    path = tmp_path / "harbour.yaml"
    path.write_text(complete_example(), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, f"the example in {DOC.name} is invalid:\n{result.stderr}"


def test_complete_example_is_small_and_complete(tmp_path):
    path = tmp_path / "harbour.yaml"
    path.write_text(complete_example(), encoding="utf-8")
    s = load_scenario_file(path).scenario
    assert s.meta.id == path.stem
    sizes = [len(s.delegates), len(s.priorities), len(s.commitment_kinds), len(s.tracks), len(s.events)]
    assert sizes == [2, 1, 2, 1, 1]


def test_complete_example_starts_with_the_schema_comment():
    assert complete_example().startswith("# yaml-language-server: $schema=./scenario.schema.json\n")


def test_every_yaml_snippet_parses():
    # Wrong examples are fenced as ```text; everything fenced ```yaml must at least parse.
    for block in YAML_BLOCK.findall(DOC.read_text(encoding="utf-8")):
        indent = len(block) - len(block.lstrip(" "))
        yaml.safe_load("\n".join(line[indent:] for line in block.splitlines()))


def test_every_test_and_op_is_documented():
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", text, re.M))
    assert tags(Condition) - documented == set(), "conditions missing from the guide"
    assert tags(Effect) - documented == set(), "effects missing from the guide"
