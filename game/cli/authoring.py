"""Scenario authoring commands: `validate` (errors, then design warnings) and `schema`."""

import sys

import click

from game.errors import CoalitionError, ScenarioError


@click.command()
@click.argument("scenarios", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Treat design warnings as errors (exit 1).")
def validate(scenarios: tuple[str, ...], strict: bool) -> None:
    """Validate scenario files (or bundled ids); print every problem with its position.

    A file that validates is then checked for design mistakes (a red-lined kind with
    capacity, an event that can never be drawn, a target no table can reach...), printed
    as FILE:LINE:COL: warning: ... without changing the exit status unless --strict.
    """
    from game.content.design_checks import design_warnings, format_warning
    from game.content.scenarios import load_scenario_file, resolve_scenario

    failed = False
    for name in scenarios:
        try:
            loaded = load_scenario_file(resolve_scenario(name))
        except CoalitionError as err:
            failed = True
            click.echo(str(err) if isinstance(err, ScenarioError) else f"error: {err}", err=True)
            continue
        warnings = design_warnings(loaded.scenario, loaded.path)
        for warning in warnings:
            click.echo(format_warning(warning, as_error=strict), err=True)
        if strict and warnings:
            failed = True
            continue
        s = loaded.scenario
        noted = f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""
        click.echo(f"OK {loaded.path}: {s.meta.id} ({len(s.delegates)} delegations, "
                   f"{len(s.priorities)} priorities, {len(s.events)} events{noted})")
    sys.exit(1 if failed else 0)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the scenario format."""
    from game.cli.common import strict_json
    from game.model.schema import scenario_json_schema

    click.echo(strict_json(scenario_json_schema(), indent=2))
