"""Classroom commands: `pack`, the printed role cards and the facilitator's run sheet."""

import click

from game.cli.common import SCENARIO_ARG, user_errors


@click.command()
@SCENARIO_ARG
@click.option("--core/--all", "core", default=True, show_default=True,
              help="Cards for the scenario's core classroom seats only, or for every delegation.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="FILE.pdf",
              help="Where to write the PDF (its folder must exist).")
@user_errors
def pack(scenario: str, core: bool, out: str) -> None:
    """Print a classroom pack: a confidential card per delegation, then the facilitator's run sheet."""
    from game.content.scenarios import load_scenario
    from game.report.pack import write_pack

    loaded = load_scenario(scenario)
    layout = write_pack(loaded.scenario, out, everyone=not core)
    seats = sum(1 for key in layout if key.startswith("seat:"))
    pages = max(page for pages in layout.values() for page in pages)
    click.echo(f"pack written to {out}: {seats} role cards and the run sheet, {pages} pages", err=True)
