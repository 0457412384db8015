"""`play`: the pygame table, on a display or headless for screenshots; a local game, or a hosted one
(`--join`): the facilitator's console, the projector, or one seat."""

from pathlib import Path

import click

from game.cli.common import SCENARIO_ARG, SEED, user_errors


@click.command()
@SCENARIO_ARG
@click.option("--seed", type=SEED, default=1, show_default=True, help="The game's seed.")
@click.option("--autoplay", is_flag=True, help="Bots in every seat (skips the setup screen).")
@click.option("--no-setup", is_flag=True, help="Skip the setup screen: core classroom seats human, bots elsewhere.")
@click.option("--frames", type=click.IntRange(min=1), help="Run this many frames, then quit (for headless runs).")
@click.option("--screenshot", type=click.Path(dir_okay=False), help="Save the last frame to this PNG file.")
@click.option("--pace", type=click.Choice(["instant", "fast", "normal", "slow"]),
              help="Bots' pace (default: fast with --autoplay, else normal).")
@click.option("--size", default="1280x800", show_default=True, help="Window size, WIDTHxHEIGHT.")
@click.option("--record", type=click.Path(dir_okay=False), metavar="FILE",
              help="Play on from a saved record or a fork (`coalition fork`); its own scenario is used "
              "unless SCENARIO is given.")
@click.option("--journal", type=click.Path(dir_okay=False), metavar="FILE",
              help="Keep the game in this new journal (default: a new file in the user's data folder).")
@click.option("--resume", type=click.Path(dir_okay=False), metavar="FILE",
              help="Continue the game kept in this journal (appending to it); its own scenario is used "
              "unless SCENARIO is given.")
@click.option("--join", "url", metavar="URL", help="Join a hosted game (the address `coalition host` printed) "
              "instead of playing one here.")
@click.option("--code", help="With --join: the facilitator's code (the console) or a seat's code (play that seat).")
@click.option("--spectator", is_flag=True, help="With --join: the projector, the public table only.")
@click.option("--codes", "codes_file", type=click.Path(dir_okay=False),
              help="With --spectator: the codes file the host wrote (--codes), to show the lobby of join codes.")
@click.pass_context
@user_errors
def play(ctx: click.Context, scenario: str, seed: int, autoplay: bool, no_setup: bool, frames: int | None,
         screenshot: str | None, pace: str | None, size: str, record: str | None, journal: str | None,
         resume: str | None, url: str | None, code: str | None, spectator: bool, codes_file: str | None) -> None:
    """Open the pygame table: hot-seat play around one screen, bots in the other seats, a facilitator panel.

    With --join URL it shows a hosted game instead: --code FACILITATOR_CODE is the facilitator's
    console, --spectator the projector, --code SEAT_CODE one delegation's screen.

    Every local game is kept in a journal as it is played (each move is on disk before the
    table shows it): --journal FILE, or a new file in the user's data folder, printed at start.
    --resume FILE continues that game."""
    import os

    from game.content.records import load_game
    from game.content.scenarios import load_scenario

    chosen = ctx.get_parameter_source("scenario") != click.core.ParameterSource.DEFAULT
    game = loaded = resumed = None
    if url is None:
        if code or spectator or codes_file:
            raise click.UsageError("--code, --spectator and --codes go with --join URL")
        given = scenario if chosen else None  # else a record or journal plays its own scenario
        resumed = _resume(resume, journal, record, given) if resume else None
        if journal and Path(journal).exists():
            raise click.BadParameter(f"'{journal}' already exists: give a new file, or continue it with "
                                     f"--resume {journal}", param_hint="--journal")
        game = load_game(record, given) if record else None  # a bad record or scenario fails here, with one message
        loaded = None if game or resumed else load_scenario(scenario)
    else:
        if record or journal or resume:
            raise click.UsageError("--record, --journal and --resume play a game here; a hosted game is "
                                   "journaled and resumed by its host")
        code = _check_join(url, code, spectator, codes_file)
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
    window = (max(960, width), max(600, height))
    if url is not None:
        return _play_hosted(url, code, spectator, codes_file, scenario if chosen else None, frames, screenshot,
                            window)
    from game.ui.app import run_table

    run_table(loaded, seed, autoplay=autoplay, setup=not no_setup, frames=frames, screenshot=screenshot,
              pace=pace, size=window, game=game, journal=Path(journal) if journal else None, resumed=resumed)


def _resume(resume: str, journal: str | None, record: str | None, scenario: str | None):
    """Reads the journal to continue (a torn last line dropped, with a note) and says so."""
    from game.content.journal import read_journal

    if journal or record:
        raise click.UsageError("--resume continues a journal in place: no --journal or --record with it")
    resumed = read_journal(resume, scenario)
    for note in resumed.notes:
        click.echo(f"note: {note}", err=True)
    undone = f" ({resumed.undos} undone)" if resumed.undos else ""
    click.echo(f"resumed {resume}: {len(resumed.game.actions)} actions replayed{undone}")
    return resumed


def _check_join(url: str, code: str | None, spectator: bool, codes_file: str | None) -> str | None:
    """Returns the code to join with (from --code or the page address), or says what is missing."""
    from game.net.client import code_in_url

    if spectator and code:
        raise click.UsageError("--spectator joins without a code: give one or the other")
    if codes_file and not spectator:
        raise click.UsageError("--codes goes with --spectator (the facilitator's console gets the codes from the host)")
    code = code or code_in_url(url)
    if not spectator and not code:
        raise click.UsageError("with --join, give --code CODE (the facilitator's or a seat's) or --spectator")
    return code


def _play_hosted(url: str, code: str | None, spectator: bool, codes_file: str | None, scenario: str | None,
                 frames: int | None, screenshot: str | None, size: tuple[int, int]) -> None:
    from game.net.remote_game import RemoteGame, load_codes

    codes = load_codes(codes_file) if codes_file else None
    game = RemoteGame.join(url, code, spectator=spectator, scenario=scenario)
    if codes is not None:
        game.codes = codes
    from game.ui.app import run_hosted_table

    run_hosted_table(game, lobby=codes is not None, frames=frames, screenshot=screenshot, size=size)
