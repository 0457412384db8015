"""Starting and stopping a host: a new game or a resumed journal, its codes, the server, the signals.

The journal and the codes file exist on disk before the address is printed, so nobody is
ever told about a game that a crash could lose. Ctrl-C and SIGTERM stop cleanly.
"""

import asyncio
import os
import signal
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from game.content.journal import JournalWriter, default_journal, read_journal
from game.content.scenarios import load_scenario
from game.engine import Game
from game.errors import CoalitionError
from game.net.clock import ClassPlan, PhaseClock, class_plan
from game.net.codes import JoinCodes, codes_path_for, share_sheet
from game.net.host import Host
from game.net.protocol import JoinLimiter
from game.net.server import make_app

ALL_INTERFACES = ("0.0.0.0", "::", "")


class HostError(CoalitionError):
    """A host that cannot start: a bad option, a journal or codes file that cannot be used."""


@dataclass
class HostSettings:
    scenario: str | None = None
    """A bundled id or a file; None: paris-2026 for a new game, the journal's own for a resume."""
    port: int = 8765
    bind: str = "0.0.0.0"
    seed: int | None = None
    journal: Path | None = None
    resume: Path | None = None
    codes_file: Path | None = None
    bots: dict[str, str] = field(default_factory=dict)
    class_length: int | None = None
    turns: str | None = None
    """The turn mode for a new game (a resumed one keeps its journal's)."""


def open_game(settings: HostSettings, say=print) -> tuple[Game, JournalWriter, JoinCodes, Path]:
    """Returns the game, its journal writer, its codes and the codes file: new, or resumed."""
    if settings.resume is not None:
        if settings.bots:
            raise HostError("--bot applies to a new game; in a resumed game the facilitator hands seats to bots")
        journal = read_journal(settings.resume, settings.scenario)
        for note in journal.notes:
            say(f"note: {note}")
        codes_path = codes_path_for(settings.resume)
        codes = JoinCodes.load(codes_path, journal.game.seats)
        writer = JournalWriter.reopen(settings.resume, journal.good_bytes)
        say(f"resumed {settings.resume}: {len(journal.game.actions)} actions replayed"
            + (f" ({journal.undos} undone)" if journal.undos else ""))
        return journal.game, writer, codes, codes_path
    loaded = load_scenario(settings.scenario or "paris-2026")
    seats = {d.id for d in loaded.scenario.delegates}
    for seat in settings.bots:
        if seat not in seats:
            raise HostError(f"--bot: no delegation '{seat}' in {loaded.scenario.meta.id} "
                            f"(seats: {', '.join(sorted(seats))})")
    seed = settings.seed if settings.seed is not None else int.from_bytes(os.urandom(4), "big")
    if not 0 <= seed < 2**64:
        raise HostError("--seed must be between 0 and 2**64 - 1")
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=settings.bots,
                    turns=settings.turns)
    path = settings.journal or default_journal(loaded.scenario.meta.id)
    if path.exists():
        raise HostError(f"{path}: a journal already exists there (use --resume to continue it)")
    codes_path = codes_path_for(path)
    codes = JoinCodes.fresh(game.seats)
    writer = JournalWriter.create(path, game)
    codes.save(codes_path)
    return game, writer, codes, codes_path


def lan_address() -> str:
    """Returns this machine's address on the local network, as best known without sending anything."""
    try:
        names = socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        names = []
    usable = [a for a in names if not a.startswith("127.")]
    return usable[0] if usable else socket.gethostname()


def base_url(bind: str, port: int) -> str:
    host = lan_address() if bind in ALL_INTERFACES else bind
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@dataclass
class Running:
    """A started host: stop it with `stop()`."""

    host: Host
    runner: web.AppRunner
    tasks: list
    plan: ClassPlan | None

    @property
    def url(self) -> str:
        return self.host.base_url

    async def stop(self) -> None:
        """Stops listening, closes every connection, and closes the journal (already fsynced)."""
        for task in self.tasks:
            task.cancel()
        self.host.stopping = True
        for site in list(self.runner.sites):
            await site.stop()  # no new connections from here on
        for conn in list(self.host.connections):
            conn.close(1001, "the host is stopping")
        await asyncio.sleep(0.1)
        await self.runner.cleanup()
        self.host.journal.close()


async def start(settings: HostSettings, say=print, limiter: JoinLimiter | None = None,
                announce: bool = False) -> Running:
    """Opens (or resumes) the game, starts serving it and its bots, and returns the running host."""
    game, writer, codes, codes_path = open_game(settings, say)
    plan = class_plan(settings.class_length, game.scenario.rules.rounds) if settings.class_length else None
    clock = PhaseClock(plan.round_minutes * 60) if plan else None
    host = Host(game, writer, codes, codes_path=codes_path, base_url="", share_path=settings.codes_file,
                say=say, clock=clock)
    runner = web.AppRunner(make_app(host, limiter or JoinLimiter()), handle_signals=False, access_log=None,
                           shutdown_timeout=2)
    await runner.setup()
    try:
        site = web.TCPSite(runner, settings.bind or None, settings.port, reuse_address=True)
        await site.start()
    except OSError as err:
        await runner.cleanup()
        writer.close()
        raise HostError(f"cannot listen on {settings.bind}:{settings.port}: {err.strerror}") from None
    host.base_url = base_url(settings.bind, runner.addresses[0][1])
    host.save_codes()
    if announce:
        _announce(host, settings, plan)
    tasks = [asyncio.create_task(host.run_bots())]
    if clock is not None:
        tasks.append(asyncio.create_task(host.run_clock()))
    host.changed()
    return Running(host, runner, tasks, plan)


async def serve(settings: HostSettings, say=print) -> Host:
    """Runs a host until Ctrl-C or SIGTERM; returns it once stopped (journal closed)."""
    running = await start(settings, say, announce=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        say("stopping: closing connections…")
        await running.stop()
        where = "" if settings.bind == "0.0.0.0" else f" --bind {settings.bind}"
        port = "" if settings.port == 8765 else f" --port {settings.port}"
        say(f"stopped cleanly. Journal: {running.host.journal.path} ({len(running.host.game.actions)} actions). "
            f"Continue with: coalition host --resume {running.host.journal.path}{where}{port}")
    return running.host


def _announce(host: Host, settings: HostSettings, plan: ClassPlan | None) -> None:
    game, say = host.game, host.say
    sheet = share_sheet(host.codes, host.base_url, game.seats)
    say(f"Coalition Table host: {game.scenario.meta.title} ({len(game.seats)} delegations, seed {game.seed})")
    say(f"journal: {host.journal.path}")
    say(f"codes:   {host.codes_path} (owner-only; keep it secret)")
    if settings.codes_file:
        say(f"codes for slips written to {settings.codes_file}")
    if plan:
        say(f"plan: {plan.describe()}")
    say("")
    say(f"Give the class this address: {host.base_url}")
    width = max(len(host.name(s)) for s in game.seats) + 2
    for seat in game.seats:
        bot = game.controller(seat)
        who = f"  (bot: {bot})" if bot != "human" else ""
        say(f"  {host.name(seat):<{width}}{sheet['seats'][seat]['code']}  {sheet['seats'][seat]['url']}{who}")
    say(f"  {'Facilitator':<{width}}{sheet['facilitator']['code']}  {sheet['facilitator']['url']}")
    say(f"  {'Spectators':<{width}}{'':9}  {sheet['spectator']['url']}")
    say(f"WebSocket: {host.base_url.replace('http', 'ws', 1)}/ws   health: {host.base_url}/health")
    say("Ctrl-C stops the host; every accepted action is already on disk.")
    say("")



class HostThread:
    """A host serving from a daemon thread's event loop, for a caller that owns its own thread
    (browser tests and benchmarks driving Playwright's sync API). `call` runs code on the host's loop."""

    def __init__(self, settings: HostSettings, say=print):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="coalition-host")
        self.thread.start()
        self.running: Running = asyncio.run_coroutine_threadsafe(start(settings, say), self.loop).result(timeout=60)
        self.host = self.running.host

    def call(self, function, *args):
        """Returns function(*args), run on the host's loop (where the game may be touched)."""
        async def run():
            return function(*args)
        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout=60)

    def stop(self) -> None:
        """Stops the host (journal closed), then its loop and thread."""
        try:
            asyncio.run_coroutine_threadsafe(self.running.stop(), self.loop).result(timeout=30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)
