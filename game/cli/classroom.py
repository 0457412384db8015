"""Classroom commands: `pack` (the printed role cards and the facilitator's run sheet) and `fork`
(a debrief's "what if": a new game from any step of a record)."""

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


@click.command()
@click.argument("record", type=click.Path(dir_okay=False))
@click.option("--at", "step", type=click.IntRange(min=0), required=True, metavar="STEP",
              help="Keep the record's first STEP actions (the review's round headings give each round's step).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), metavar="NEW",
              help="Where to write the fork's record (YAML, or JSON by extension; its folder must exist).")
@click.option("--seed", type=click.IntRange(0, 2**64 - 1),
              help="A new seed for the chance that follows (event cards, votes); default: the record's own.")
@user_errors
def fork(record: str, step: int, out: str, seed: int | None) -> None:
    """Branch a game: a new record that replays RECORD's first STEP actions, to play on from there."""
    from pathlib import Path

    from game.content.records import load_game, save_record
    from game.errors import CoalitionError

    source, target = Path(record), Path(out)
    if target.exists() and target.resolve() == source.resolve():
        raise CoalitionError(f"--out {out}: that is the record being forked; choose another file")
    if not target.parent.is_dir():
        raise CoalitionError(f"--out {out}: the folder '{target.parent}' does not exist")
    game = load_game(record)
    total = len(game.actions)
    if step > total:
        raise CoalitionError(f"{record}: --at {step}: the record has {total} actions, so STEP is 0 to {total}")
    branch = game.fork(step, seed, name=source.name)
    save_record(branch, target)
    view = branch.view("public")
    chance = f"new seed {seed} from here" if seed is not None else "the same seed"
    click.echo(f"fork written to {out}: {step} of {total} actions of {source.name} kept, round {view.round}, "
               f"{view.phase}, {chance}.\nPlay on: coalition play --record {out}", err=True)
