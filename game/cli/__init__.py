"""The `coalition` command: scenario authoring, headless runs, sweeps, the table and reports.

One module per group of commands, imported only when one of its commands runs (or `--help`
lists them), so `coalition run` never loads the network, the table or the printed pack.
"""

import importlib

import click

COMMANDS = {
    "validate": "game.cli.authoring", "schema": "game.cli.authoring",
    "run": "game.cli.headless", "replay": "game.cli.headless", "sweep": "game.cli.headless",
    "report": "game.cli.review", "play": "game.cli.table",
    "pack": "game.cli.classroom", "fork": "game.cli.classroom",
    "host": "game.cli.workshop", "bot": "game.cli.workshop",
}
"""Each command's name and the module that defines it (`--help` lists them sorted, as click does)."""


class LazyGroup(click.Group):
    """A group that imports a command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        return getattr(importlib.import_module(module), cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coalition-table")
def main() -> None:
    """Coalition Table: a negotiation tabletop game, played at a table or headless."""
