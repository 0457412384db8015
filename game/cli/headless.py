"""Headless commands: `run` a game with bots, `replay` a record, `sweep` many seeds."""

import signal
import sys
from pathlib import Path

import click

from game.cli.common import (
    SCENARIO_ARG,
    SEED,
    LivePrinter,
    bot_overrides,
    check_seats,
    echo_json,
    emit,
    user_errors,
)


@click.command()
@SCENARIO_ARG
@click.option("--seed", type=SEED, default=1, show_default=True, help="The game's seed.")
@click.option("--bot", "bots", multiple=True, metavar="SEAT=KIND",
              help="Override a seat's bot personality (random, cautious, cooperative, negotiator).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the transcript.")
@click.option("--save", type=click.Path(dir_okay=False), help="Write the game record to this file (.yaml or .json).")
@user_errors
def run(scenario: str, seed: int, bots: tuple[str, ...], as_json: bool, save: str | None) -> None:
    """Play a whole game headless with bots and print the transcript and result."""
    from game.content.scenarios import load_scenario
    from game.sim.playthrough import play as play_game

    loaded = load_scenario(scenario)
    overrides = bot_overrides(bots)
    check_seats(loaded.scenario, overrides)
    live = None if as_json else LivePrinter()
    game = play_game(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=overrides, on_step=live)
    if live is None:
        emit(game, as_json)
    else:
        live.finish(game)
    if save:
        from game.content.records import save_record

        path = save_record(game, save)
        click.echo(f"record saved to {path}", err=True)


@click.command()
@click.argument("record", type=click.Path(dir_okay=False))
@click.option("--scenario", help="Scenario file or id to replay against (default: the record's own).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the transcript.")
@user_errors
def replay(record: str, scenario: str | None, as_json: bool) -> None:
    """Replay a saved game record (or a game journal), verify it, and print its transcript or JSON.

    It ends by saying on stderr what it verified."""
    from game.content.records import is_journal, load_game

    if is_journal(record):
        from game.content.journal import read_journal

        journal = read_journal(record, scenario)
        game = journal.game
        verified = f"verified: journal of {len(game.actions)} actions replayed"
        if journal.undos:
            verified += f" ({journal.undos} undone)"
        if journal.notes:
            verified += "; a torn last line was dropped"
    else:
        game = load_game(record, scenario)
        verified = (f"verified: {len(game.actions)} actions, log digest, decision count and "
                    "random generator state match")
    emit(game, as_json)
    click.echo(verified, err=True)


@click.command()
@SCENARIO_ARG
@click.option("--seeds", type=click.IntRange(min=1), default=100, show_default=True, help="Number of games.")
@click.option("--first-seed", type=SEED, default=0, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), help="Local processes (default: all cores).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Run on this Dask cluster instead (needs coalition-table[cluster]); see docs/scaling.md.")
@click.option("--bot", "bots", multiple=True, metavar="SEAT=KIND", help="Override a seat's bot personality.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write one row per game to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as one JSON object.")
@user_errors
def sweep(scenario: str, seeds: int, first_seed: int, workers: int | None, scheduler: str | None,
          bots: tuple[str, ...], csv_path: str | None, as_json: bool) -> None:
    """Play many seeded games and report outcome statistics.

    Ctrl-C stops the sweep and keeps the games finished so far: their rows and statistics
    go to the --csv file (or a new sweep-*-interrupted.csv) and a .json beside it; exit 130.
    """
    from game.content.scenarios import load_scenario
    from game.sim.progress import progress_reporter
    from game.sim.sweep import sweep as run_sweep

    if scheduler:
        from game.sim.cluster import import_distributed, scheduler_address

        if workers:
            raise click.UsageError("--workers sizes the local pool; on a Dask cluster, the workers you started count")
        import_distributed()
        scheduler_address(scheduler)
    if csv_path and not Path(csv_path).resolve().parent.is_dir():
        raise click.BadParameter(f"the folder of '{csv_path}' does not exist", param_hint="--csv")
    try:
        loaded = load_scenario(scenario)
        overrides = bot_overrides(bots)
        check_seats(loaded.scenario, overrides)
        if first_seed + seeds - 1 > SEED.max:
            raise click.BadParameter(f"the last game's seed would pass 2**64 - 1; start at most at "
                                     f"{SEED.max - seeds + 1}", param_hint="--first-seed")
        seed_range = range(first_seed, first_seed + seeds)
        with progress_reporter(seeds, f"Playing {loaded.scenario.meta.id}", quiet=as_json) as advance:
            result = run_sweep(scenario, seed_range, workers=workers, controllers=overrides,
                               scheduler=scheduler, on_progress=advance)
    except KeyboardInterrupt:
        click.echo("interrupted before the sweep started: no game finished", err=True)
        sys.exit(130)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C now must not lose the games
    try:
        _emit_sweep(result, loaded.scenario, csv_path, as_json)
    finally:
        signal.signal(signal.SIGINT, previous)
    if result.interrupted:
        sys.exit(1 if result.failure else 130)


def _emit_sweep(result, scenario, csv_path: str | None, as_json: bool) -> None:
    from game.report.sweep_table import print_sweep
    from game.sim.sweep import summarise, write_csv, write_json

    summary = summarise(result)
    if result.interrupted:
        csv_file = Path(csv_path) if csv_path else _fresh_path(f"sweep-{result.scenario}-interrupted", ".csv")
        write_csv(result, csv_file)
        json_file = write_json(summary, csv_file.with_suffix(".json"))
        stopped = f"error: {result.failure}, so the sweep stopped" if result.failure else "interrupted"
        click.echo(f"{stopped}: {len(result.games)} of {result.requested} games finished; "
                   f"kept in {csv_file} and {json_file}", err=True)
    elif csv_path:
        write_csv(result, csv_path)
        click.echo(f"wrote {len(result.games)} rows to {csv_path}", err=True)
    if as_json:
        echo_json(summary)
    elif result.games:
        print_sweep(summary, scenario)


def _fresh_path(stem: str, suffix: str) -> Path:
    """Returns STEM.SUFFIX in the current folder, or STEM-2.SUFFIX and so on if taken."""
    path, n = Path(stem + suffix), 1
    while path.exists() or path.with_suffix(".json").exists():
        n += 1
        path = Path(f"{stem}-{n}{suffix}")
    return path
