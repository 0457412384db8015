"""`report`: the after-action review of a game record, two branches side by side, or a sweep's report.

The page goes only into a folder that exists: a mistyped `--out` folder is refused, not created.
A record of a scenario file carries that scenario; `--scenario` serves records saved before it did.
"""

from pathlib import Path

import click

from game.cli.common import user_errors
from game.errors import CoalitionError


def _into_existing_folder(path: str | Path | None, option: str) -> None:
    """Refuses an output path whose folder does not exist, before any work is done."""
    if path is None or path == "-":
        return
    folder = Path(path).parent
    if not folder.is_dir():
        raise CoalitionError(f"{option} {path}: the folder '{folder}' does not exist "
                             "(create it first, or choose another place)")


@click.command()
@click.argument("record", required=False, type=click.Path(dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False),
              help="Write the HTML here (default: beside the input, as NAME.review.html).")
@click.option("--markdown", is_flag=False, flag_value="-", default=None, metavar="[FILE.md]",
              help="Also write the review as Markdown: to FILE.md (charts as PNG beside it), or to stdout.")
@click.option("--sweep", "sweep_csv", type=click.Path(dir_okay=False),
              help="Report a sweep's CSV (from `coalition sweep --csv`) instead of one game.")
@click.option("--compare", type=click.Path(dir_okay=False), metavar="OTHER",
              help="Put RECORD and another branch of it (e.g. a fork) side by side instead.")
@click.option("--scenario", help="Scenario file or id to replay against (default: the record's own).")
@user_errors
def report(record: str | None, out: str | None, markdown: str | None, sweep_csv: str | None,
           compare: str | None, scenario: str | None) -> None:
    """Write the after-action review of a saved game as one HTML file, two branches side by side,
    or a sweep's report."""
    if (record is None) == (sweep_csv is None):
        raise click.UsageError("give either a game RECORD or --sweep RESULTS.csv (put RECORD before --markdown)")
    _into_existing_folder(out, "--out")
    if compare:
        if sweep_csv or markdown:
            raise click.UsageError("--compare puts two game records side by side: no --sweep or --markdown with it")
        _compare(record, compare, out, scenario)
        return
    if sweep_csv:
        if markdown or scenario:
            raise click.UsageError(f"{'--markdown' if markdown else '--scenario'} is for a game record, not a sweep")
        from game.report.sweep_report import write_sweep_report

        path = write_sweep_report(sweep_csv, out or Path(sweep_csv).with_suffix(".report.html"))
        click.echo(f"sweep report written to {path}", err=True)
        return
    from game.content.records import load_game
    from game.report.review import review_markdown, write_markdown, write_review

    game = load_game(record, scenario)
    name = Path(record).name
    click.echo(f"review written to {write_review(game, out or Path(record).with_suffix('.review.html'), name)}",
               err=True)
    if markdown == "-":
        click.echo(review_markdown(game, record=name), nl=False)
    elif markdown:
        click.echo(f"markdown written to {write_markdown(game, markdown, name)}", err=True)


def _compare(record: str, other: str, out: str | None, scenario: str | None) -> None:
    from game.content.records import load_game
    from game.report.branches import write_comparison

    a, b = load_game(record, scenario), load_game(other, scenario)
    first, second = Path(record), Path(other)
    path = out or first.with_name(f"{first.stem}-vs-{second.stem}.compare.html")
    click.echo(f"comparison written to {write_comparison(a, b, (first.name, second.name), path)}", err=True)
