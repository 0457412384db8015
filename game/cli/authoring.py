"""Scenario authoring commands: `validate` and `schema`."""

import json
import sys

import click

from game.errors import CoalitionError, ScenarioError


@click.command()
@click.argument("scenarios", nargs=-1, required=True)
def validate(scenarios: tuple[str, ...]) -> None:
    """Validate scenario files (or bundled ids); print every problem with its position."""
    from game.content.scenarios import load_scenario_file, resolve_scenario

    failed = False
    for name in scenarios:
        try:
            loaded = load_scenario_file(resolve_scenario(name))
        except CoalitionError as err:
            failed = True
            click.echo(str(err) if isinstance(err, ScenarioError) else f"error: {err}", err=True)
            continue
        s = loaded.scenario
        click.echo(f"OK {loaded.path}: {s.meta.id} ({len(s.delegates)} delegations, "
                   f"{len(s.priorities)} priorities, {len(s.events)} events)")
    sys.exit(1 if failed else 0)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the scenario format."""
    from game.model.schema import scenario_json_schema

    click.echo(json.dumps(scenario_json_schema(), indent=2))
