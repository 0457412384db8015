"""What every `coalition` command shares: one message per user error, seat and bot options, output.

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


def bot_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    """Parses --bot SEAT=KIND options."""
    from game.bots import BOTS

    overrides = {}
    for pair in pairs:
        seat, sep, kind = pair.partition("=")
        if not sep or kind not in BOTS:
            raise click.BadParameter(f"expected SEAT=KIND with KIND one of {', '.join(BOTS)} (got '{pair}')",
                                     param_hint="--bot")
        overrides[seat] = kind
    return overrides


def check_seats(scenario, overrides: dict[str, str]) -> None:
    seats = {d.id for d in scenario.delegates}
    for seat in overrides:
        if seat not in seats:
            raise click.BadParameter(f"no delegation '{seat}' in {scenario.meta.id} "
                                     f"(seats: {', '.join(sorted(seats))})", param_hint="--bot")


def emit(game, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(game.result(), indent=1))
        return
    from rich.console import Console

    from game.report.transcript import transcript

    Console().print(transcript(game))


SCENARIO_ARG = click.argument("scenario", default="paris-2026", required=False)


