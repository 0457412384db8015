"""Workshop commands: `host` a game for a class over the network, and let a `bot` play one seat of it."""

import sys
from pathlib import Path

import click

from game.cli.common import bot_overrides, user_errors


@click.command()
@click.argument("scenario", required=False)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="TCP port for HTTP and the WebSocket (0: any free port).")
@click.option("--bind", default="0.0.0.0", show_default=True,
              help="Address to listen on; 127.0.0.1 keeps the game on this machine.")
@click.option("--seed", type=int, help="The game's seed (default: random).")
@click.option("--journal", type=click.Path(dir_okay=False, path_type=Path),
              help="Journal file for a new game (default: one in ~/.local/share/coalition-table/journals).")
@click.option("--resume", type=click.Path(dir_okay=False, path_type=Path),
              help="Continue the game in this journal, with the same join codes.")
@click.option("--codes", "codes_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write every join code and page address to this JSON file (owner-only).")
@click.option("--bot", "bots", multiple=True, metavar="SEAT=KIND",
              help="Seat a bot in the host (random, cautious, cooperative, negotiator); repeatable.")
@click.option("--turns", type=click.Choice(["simultaneous", "ordered"]), default="simultaneous", show_default=True,
              help="simultaneous: every delegation acts at once in the negotiation phase; ordered: in turn.")
@click.option("--class-length", type=click.Choice(["45", "90", "180"]),
              help="Minutes of class: times each round's negotiation to fit, with a briefing and a debrief.")
@user_errors
def host(scenario: str | None, port: int, bind: str, seed: int | None, journal: Path | None,
         resume: Path | None, codes_file: Path | None, bots: tuple[str, ...], turns: str,
         class_length: str | None) -> None:
    """Host a game for a class: every delegation joins from its own device with a code."""
    import asyncio

    from game.net.launch import HostSettings, serve

    if resume is not None and (journal is not None or seed is not None):
        raise click.UsageError("--resume continues a journal: it takes no --journal or --seed")
    seats = [pair.partition("=")[0] for pair in bots]
    if len(set(seats)) != len(seats):
        raise click.BadParameter("a seat is given twice", param_hint="--bot")
    settings = HostSettings(scenario=scenario, port=port, bind=bind, seed=seed, journal=journal, resume=resume,
                            codes_file=codes_file, bots=bot_overrides(bots), turns=turns,
                            class_length=int(class_length) if class_length else None)
    asyncio.run(serve(settings, say=lambda text: click.echo(text)))


@click.command()
@click.option("--join", "url", required=True, metavar="URL",
              help="The host's address (http://HOST:PORT), or a seat page address with its code.")
@click.option("--code", help="The seat's join code (not needed when the URL is a seat page).")
@click.option("--personality", type=click.Choice(["random", "cautious", "cooperative", "negotiator"]),
              default="negotiator", show_default=True)
@click.option("--seed", type=int, help="Seed of the bot's own choices (default: random).")
@click.option("--think", type=click.FloatRange(min=0), default=0, show_default=True,
              help="Seconds to wait before each action (a slower, watchable bot).")
@click.option("--give-up-after", type=click.FloatRange(min=0), default=150, show_default=True,
              help="Seconds to keep reconnecting to a host that went away.")
@user_errors
def bot(url: str, code: str | None, personality: str, seed: int | None, think: float,
        give_up_after: float) -> None:
    """Play one seat of a hosted game with a bot until the game is over."""
    import asyncio

    from game.net.client import code_in_url
    from game.net.remote_bot import play_seat

    code = code or code_in_url(url)
    if not code:
        raise click.UsageError("give --code CODE, or a seat page address ending in /seat/CODE")
    try:
        status = asyncio.run(play_seat(url, code, personality, seed=seed, think=think, give_up_after=give_up_after,
                                       say=lambda text: click.echo(f"[bot] {text}")))
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)
