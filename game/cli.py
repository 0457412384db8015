"""The `coalition` command: scenario authoring, headless runs, sweeps, the table and reports.

Every error a user can cause prints one clear message and exits 1 (2 for usage
errors, as click does); a traceback means a bug.
"""

import functools
import json
import sys

import click

from game.errors import CoalitionError, ScenarioError


def user_errors(command):
    """Turns a CoalitionError into one message on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CoalitionError as err:
            click.echo(f"error: {err}" if not isinstance(err, ScenarioError) else str(err), err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coalition-table")
def main() -> None:
    """Coalition Table: a negotiation tabletop game, played at a table or headless."""


@main.command()
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


@main.command()
def schema() -> None:
    """Print the JSON Schema of the scenario format."""
    from game.model.schema import scenario_json_schema

    click.echo(json.dumps(scenario_json_schema(), indent=2))
