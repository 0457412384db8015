"""The `coalition` command: scenario authoring, headless runs, sweeps, the table and reports.

One module per group of commands; each adds itself below with one line.
"""

import click

from game.cli.authoring import schema, validate
from game.cli.classroom import fork, pack
from game.cli.headless import replay, run, sweep
from game.cli.review import report
from game.cli.table import play
from game.cli.workshop import bot, host


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coalition-table")
def main() -> None:
    """Coalition Table: a negotiation tabletop game, played at a table or headless."""


for command in (validate, schema, run, replay, sweep, report, play, pack, fork, host, bot):
    main.add_command(command)
