"""A bot playing one seat of a hosted game over the network, as a student's laptop would.

It decides from the views the host sends, exactly as a seated bot decides from a local
view; its `check` asks the host. It never acts twice on one view, and after an action
waits for the view that includes it. If the host goes away it keeps reconnecting.
"""

import asyncio
import secrets
import time
from collections.abc import Callable

from game.bots import make_bot
from game.engine import Rejection, Rng
from game.model.actions import Pass, action_to_dict
from game.net.client import OFFLINE, JoinRefused, RemoteSession, RemoteView

GAME_OVER, GAVE_UP, REFUSED, TAKEN_OVER = 0, 1, 2, 3
"""Exit statuses of `coalition bot`."""


async def play_seat(url: str, code: str, personality: str, *, give_up_after: float = 150.0,
                    seed: int | None = None, think: float = 0.0, say: Callable[[str], None] = print) -> int:
    """Plays the seat until the game is over, waiting `think` seconds before each action;
    returns one of the exit statuses above."""
    bot = make_bot(personality)
    rng = Rng(seed if seed is not None else secrets.randbits(63))
    lost_since: float | None = None
    while True:
        try:
            session = await RemoteSession.open(url, code)
        except JoinRefused as err:
            say(f"the host refused the code: {err}")
            return REFUSED
        except OFFLINE as err:
            lost_since = lost_since or time.monotonic()
            if time.monotonic() - lost_since > give_up_after:
                say(f"gave up: no host at {url} for {give_up_after:.0f} s ({type(err).__name__})")
                return GAVE_UP
            await asyncio.sleep(0.5)
            continue
        if lost_since is not None:
            say("reconnected")
        lost_since = None
        welcome = session.welcome
        say(f"joined as {welcome['name']} ({welcome['seat']}), playing {personality}")
        try:
            outcome = await _play(session, bot, rng, say, think)
        except OFFLINE:
            outcome = None
        finally:
            await session.close()
        if outcome is not None:
            return outcome
        say("lost the host; reconnecting…")
        lost_since = time.monotonic()


async def _play(session: RemoteSession, bot, rng: Rng, say, think: float) -> int | None:
    """Plays while connected; returns an exit status, or None when the connection is lost."""
    changed = asyncio.Event()
    ended: list[int] = []

    def on_message(message) -> None:
        if isinstance(message, RemoteView):
            changed.set()
        elif message.get("type") == "taken_over":
            ended.append(TAKEN_OVER)
            changed.set()
        elif message.get("type") == "rejected" and message.get("id") is None:
            say(f"the host closed this seat: {message.get('message')}")
            ended.append(REFUSED)
            changed.set()

    reader = asyncio.create_task(session.pump(on_message))
    acted_on, need = -1, 0
    try:
        while True:
            waiter = asyncio.create_task(changed.wait())
            await asyncio.wait([reader, waiter], return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
            if ended:
                say("another device took over this seat" if ended[0] == TAKEN_OVER else "stopped")
                return ended[0]
            if reader.done():
                return None
            changed.clear()
            current = session.latest
            if current is None:
                continue
            if current.view.over:
                say(f"the game is over: {current.view.end_reason}")
                return GAME_OVER
            if current.seq < need or current.seq == acted_on or not current.legal:
                continue
            acted_on = current.seq
            if think:
                await asyncio.sleep(think)
            need = await _act(session, bot, rng, current, say) or need
    finally:
        reader.cancel()


async def _act(session: RemoteSession, bot, rng: Rng, current: RemoteView, say) -> int | None:
    """Takes one decision; returns the change number to wait for, or None if nothing was applied."""
    loop = asyncio.get_running_loop()

    def check(action) -> Rejection | None:
        future = asyncio.run_coroutine_threadsafe(
            session.request({"type": "check", "action": action_to_dict(action)}), loop)
        try:
            reply = future.result(timeout=15)
        except Exception:  # the host went away mid-decision: treat the action as refused
            return Rejection("offline", "the host is not reachable")
        return None if reply.get("ok") else Rejection(reply.get("rule", ""), reply.get("message", ""))

    view = current.view
    try:
        action = await asyncio.to_thread(bot.decide, view, current.legal, rng, check)
    except Exception as err:  # a bot bug must not end the seat's game: play a listed action
        say(f"the bot failed to decide ({type(err).__name__}: {err}); playing a listed action instead")
        action = None
    if action is not None:
        reply = await session.act(action)
        if reply.get("type") == "applied":
            return reply["seq"]
        say(f"the host refused {action.kind}: {reply.get('message')}; playing a listed action instead")
    fallback = Pass(view.seat) if Pass(view.seat) in current.legal else rng.choice(current.legal)
    reply = await session.act(fallback)
    return reply["seq"] if reply.get("type") == "applied" else None
