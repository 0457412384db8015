"""Headless commands: `run` a game with bots, `replay` a record, `sweep` many seeds."""

import json

import click

from game.cli.common import SCENARIO_ARG, bot_overrides, check_seats, emit, user_errors


@click.command()
@SCENARIO_ARG
@click.option("--seed", type=int, default=1, show_default=True, help="The game's seed.")
@click.option("--bot", "bots", multiple=True, metavar="SEAT=KIND",
              help="Override a seat's bot personality (random, cautious, cooperative, negotiator).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the transcript.")
@click.option("--save", type=click.Path(dir_okay=False), help="Write the game record to this file (.yaml or .json).")
@user_errors
def run(scenario: str, seed: int, bots: tuple[str, ...], as_json: bool, save: str | None) -> None:
    """Play a whole game headless with bots and print the transcript and result."""
    from game.content.records import save_record
    from game.content.scenarios import load_scenario
    from game.sim.playthrough import play as play_game

    loaded = load_scenario(scenario)
    overrides = bot_overrides(bots)
    check_seats(loaded.scenario, overrides)
    game = play_game(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=overrides)
    emit(game, as_json)
    if save:
        path = save_record(game, save)
        click.echo(f"record saved to {path}", err=True)


@click.command()
@click.argument("record", type=click.Path(dir_okay=False))
@click.option("--scenario", help="Scenario file or id to replay against (default: the record's own).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the transcript.")
@user_errors
def replay(record: str, scenario: str | None, as_json: bool) -> None:
    """Replay a saved game record, verify it, and print its transcript or JSON."""
    from game.content.records import load_game

    emit(load_game(record, scenario), as_json)


@click.command()
@SCENARIO_ARG
@click.option("--seeds", type=click.IntRange(min=1), default=100, show_default=True, help="Number of games.")
@click.option("--first-seed", type=int, default=0, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), help="Processes (default: all cores).")
@click.option("--bot", "bots", multiple=True, metavar="SEAT=KIND", help="Override a seat's bot personality.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write one row per game to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as one JSON object.")
@user_errors
def sweep(scenario: str, seeds: int, first_seed: int, workers: int | None, bots: tuple[str, ...],
          csv_path: str | None, as_json: bool) -> None:
    """Play many seeded games and report outcome statistics."""
    from game.content.scenarios import load_scenario
    from game.report.sweep_table import print_sweep
    from game.sim.progress import progress_reporter
    from game.sim.sweep import summarise, write_csv
    from game.sim.sweep import sweep as run_sweep

    loaded = load_scenario(scenario)
    overrides = bot_overrides(bots)
    check_seats(loaded.scenario, overrides)
    seed_range = range(first_seed, first_seed + seeds)
    with progress_reporter(seeds, f"Playing {loaded.scenario.meta.id}", quiet=as_json) as advance:
        result = run_sweep(scenario, seed_range, workers=workers, controllers=overrides, on_progress=advance)
    if csv_path:
        write_csv(result, csv_path)
        click.echo(f"wrote {len(result.games)} rows to {csv_path}", err=True)
    summary = summarise(result)
    if as_json:
        click.echo(json.dumps(summary, indent=1))
    else:
        print_sweep(summary, loaded.scenario)
