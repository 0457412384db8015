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


def _bot_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
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


def _check_seats(scenario, overrides: dict[str, str]) -> None:
    seats = {d.id for d in scenario.delegates}
    for seat in overrides:
        if seat not in seats:
            raise click.BadParameter(f"no delegation '{seat}' in {scenario.meta.id} "
                                     f"(seats: {', '.join(sorted(seats))})", param_hint="--bot")


def _emit(game, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(game.result(), indent=1))
        return
    from rich.console import Console

    from game.report.transcript import transcript

    Console().print(transcript(game))


SCENARIO_ARG = click.argument("scenario", default="paris-2026", required=False)


@main.command()
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
    from game.sim.playthrough import play

    loaded = load_scenario(scenario)
    overrides = _bot_overrides(bots)
    _check_seats(loaded.scenario, overrides)
    game = play(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=overrides)
    _emit(game, as_json)
    if save:
        path = save_record(game, save)
        click.echo(f"record saved to {path}", err=True)


@main.command()
@click.argument("record", type=click.Path(dir_okay=False))
@click.option("--scenario", help="Scenario file or id to replay against (default: the record's own).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the transcript.")
@user_errors
def replay(record: str, scenario: str | None, as_json: bool) -> None:
    """Replay a saved game record, verify it, and print its transcript or JSON."""
    from game.content.records import load_game

    _emit(load_game(record, scenario), as_json)


@main.command()
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
    overrides = _bot_overrides(bots)
    _check_seats(loaded.scenario, overrides)
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


@main.command()
@click.argument("record", required=False, type=click.Path(dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False),
              help="Write the HTML here (default: beside the input, as NAME.review.html).")
@click.option("--markdown", is_flag=False, flag_value="-", default=None, metavar="[FILE.md]",
              help="Also write the review as Markdown: to FILE.md (charts as PNG beside it), or to stdout.")
@click.option("--sweep", "sweep_csv", type=click.Path(dir_okay=False),
              help="Report a sweep's CSV (from `coalition sweep --csv`) instead of one game.")
@user_errors
def report(record: str | None, out: str | None, markdown: str | None, sweep_csv: str | None) -> None:
    """Write the after-action review of a saved game as one HTML file, or a sweep's report."""
    from pathlib import Path

    if (record is None) == (sweep_csv is None):
        raise click.UsageError("give either a game RECORD or --sweep RESULTS.csv (put RECORD before --markdown)")
    if sweep_csv:
        if markdown:
            raise click.UsageError("--markdown is for a game record, not a sweep")
        from game.report.sweep_report import write_sweep_report

        path = write_sweep_report(sweep_csv, out or Path(sweep_csv).with_suffix(".report.html"))
        click.echo(f"sweep report written to {path}", err=True)
        return
    from game.content.records import load_game
    from game.report.review import review_markdown, write_markdown, write_review

    game = load_game(record)
    click.echo(f"review written to {write_review(game, out or Path(record).with_suffix('.review.html'))}", err=True)
    if markdown == "-":
        click.echo(review_markdown(game), nl=False)
    elif markdown:
        click.echo(f"markdown written to {write_markdown(game, markdown)}", err=True)


@main.command()
@SCENARIO_ARG
@click.option("--seed", type=int, default=1, show_default=True, help="The game's seed.")
@click.option("--autoplay", is_flag=True, help="Bots in every seat (skips the setup screen).")
@click.option("--no-setup", is_flag=True, help="Skip the setup screen: core classroom seats human, bots elsewhere.")
@click.option("--frames", type=click.IntRange(min=1), help="Run this many frames, then quit (for headless runs).")
@click.option("--screenshot", type=click.Path(dir_okay=False), help="Save the last frame to this PNG file.")
@click.option("--pace", type=click.Choice(["instant", "fast", "normal", "slow"]),
              help="Bots' pace (default: fast with --autoplay, else normal).")
@click.option("--size", default="1280x800", show_default=True, help="Window size, WIDTHxHEIGHT.")
@user_errors
def play(scenario: str, seed: int, autoplay: bool, no_setup: bool, frames: int | None, screenshot: str | None,
         pace: str | None, size: str) -> None:
    """Open the pygame table: hot-seat play around one screen, bots in the other seats, a facilitator panel."""
    import os

    from game.content.scenarios import load_scenario

    load_scenario(scenario)  # an unknown scenario fails here, with one clear message
    try:
        width, height = (int(x) for x in size.lower().split("x"))
    except ValueError:
        raise click.BadParameter("expected WIDTHxHEIGHT, e.g. 1280x800", param_hint="--size") from None
    from game.ui import use_dummy_drivers

    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # the table is silent; real drivers spam ALSA errors
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if frames or screenshot or os.environ.get("SDL_VIDEODRIVER") == "dummy":
        use_dummy_drivers()
        if headless and frames is None:
            frames = 300
    elif headless and os.name != "nt":
        raise click.UsageError("no display found: run it on a desktop, or headless with --frames N --screenshot FILE")
    from game.ui.app import run_table

    run_table(scenario, seed, autoplay=autoplay, setup=not no_setup, frames=frames, screenshot=screenshot,
              pace=pace, size=(max(960, width), max(600, height)))
