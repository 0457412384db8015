"""`play`: the pygame table, on a display or headless for screenshots."""

import click

from game.cli.common import SCENARIO_ARG, user_errors


@click.command()
@SCENARIO_ARG
@click.option("--seed", type=int, default=1, show_default=True, help="The game's seed.")
@click.option("--autoplay", is_flag=True, help="Bots in every seat (skips the setup screen).")
@click.option("--no-setup", is_flag=True, help="Skip the setup screen: core classroom seats human, bots elsewhere.")
@click.option("--frames", type=click.IntRange(min=1), help="Run this many frames, then quit (for headless runs).")
@click.option("--screenshot", type=click.Path(dir_okay=False), help="Save the last frame to this PNG file.")
@click.option("--pace", type=click.Choice(["instant", "fast", "normal", "slow"]),
              help="Bots' pace (default: fast with --autoplay, else normal).")
@click.option("--size", default="1280x800", show_default=True, help="Window size, WIDTHxHEIGHT.")
@click.option("--record", type=click.Path(dir_okay=False), metavar="FILE",
              help="Play on from a saved record or a fork (`coalition fork`); its own scenario is used.")
@user_errors
def play(scenario: str, seed: int, autoplay: bool, no_setup: bool, frames: int | None, screenshot: str | None,
         pace: str | None, size: str, record: str | None) -> None:
    """Open the pygame table: hot-seat play around one screen, bots in the other seats, a facilitator panel."""
    import os

    from game.content.records import load_game
    from game.content.scenarios import load_scenario

    game = load_game(record) if record else None  # a bad record or scenario fails here, with one message
    loaded = None if game else load_scenario(scenario)
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

    run_table(loaded, seed, autoplay=autoplay, setup=not no_setup, frames=frames, screenshot=screenshot,
              pace=pace, size=(max(960, width), max(600, height)), game=game)
