"""Clients of a hosted game: an asyncio session, and a threaded client for a frame loop (pygame).

`RemoteSession` joins with a code, keeps the visible log as views arrive and matches
replies to requests. `NetClient` runs sessions in a daemon thread with its own asyncio
loop, reconnecting when the host goes away; a frame loop drains `poll()` each frame and
sends with `send()`, and never blocks on the network.
"""

import asyncio
import itertools
import json
import queue
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import websockets

from game.engine import SeatView
from game.model.actions import action_to_dict
from game.net.views import ViewDecoder, action_from_data, log_entry

OFFLINE = (OSError, asyncio.TimeoutError, websockets.InvalidHandshake, websockets.ConnectionClosed,
           websockets.InvalidURI)
"""What a lost or unreachable host raises; a client retries on these."""


class JoinRefused(Exception):
    """The host refused the join (unknown or revoked code, too many attempts): retrying will not help."""

    def __init__(self, rule: str, message: str):
        super().__init__(message)
        self.rule = rule


@dataclass(frozen=True)
class RemoteView:
    """A view as received: the change number, the SeatView and the legal actions (typed)."""

    seq: int
    view: SeatView
    legal: list


def ws_url(url: str) -> str:
    """Returns the WebSocket address for a host address, a seat page or a ws:// URL."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    return urlunsplit((scheme, parts.netloc, "/ws", "", ""))


def code_in_url(url: str) -> str | None:
    """Returns the code in a seat or facilitator page address (`…/seat/K7QF-2M9C`), if any."""
    path = urlsplit(url).path.strip("/").split("/")
    return path[1] if len(path) == 2 and path[0] in ("seat", "facilitator") else None


class RemoteSession:
    """One joined connection to a host."""

    def __init__(self, ws: Any, welcome: dict[str, Any]):
        self.ws = ws
        self.welcome = welcome
        self.log: list = []
        self.latest: RemoteView | None = None
        self._decoder = ViewDecoder()
        self._pending: dict[int, asyncio.Future] = {}
        self._ids = itertools.count(1)

    @classmethod
    async def open(cls, url: str, code: str | None = None, *, spectator: bool = False,
                   timeout: float = 10.0) -> "RemoteSession":
        """Connects and joins; raises JoinRefused for a refused code, an OFFLINE error otherwise."""
        ws = await websockets.connect(ws_url(url), max_size=None, open_timeout=timeout, close_timeout=2)
        try:
            await ws.send(json.dumps({"type": "join", "code": code, "spectator": spectator}))
            first = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        except BaseException:
            await ws.close()
            raise
        if first.get("type") != "welcome":
            await ws.close()
            raise JoinRefused(first.get("rule", "refused"), first.get("message", str(first)))
        return cls(ws, first)

    async def pump(self, on_message) -> None:
        """Reads messages until the connection closes, calling `on_message` with each
        (views as RemoteView); pending requests then fail with ConnectionClosed."""
        try:
            async for text in self.ws:
                message = self._receive(json.loads(text))
                if message is not None:
                    on_message(message)
        finally:
            error = websockets.ConnectionClosedError(None, None)
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(error)
            self._pending.clear()

    def _receive(self, data: dict[str, Any]) -> Any:
        kind = data.get("type")
        if kind == "view":
            return self._view(data)
        future = self._pending.pop(data.get("id"), None) if data.get("id") is not None else None
        if future is not None and not future.done():
            future.set_result(data)
        return data

    def _view(self, data: dict[str, Any]) -> RemoteView | None:
        start = data["log_from"]
        if start > len(self.log):  # a gap: ask for everything again
            asyncio.ensure_future(self.send({"type": "sync"}))
            return None
        del self.log[start:]
        self.log.extend(log_entry(e) for e in data["log"])
        view = self._decoder.view(data["view"], tuple(self.log))
        self.latest = RemoteView(data["seq"], view, [action_from_data(a) for a in data["legal"]])
        return self.latest

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(message))

    async def request(self, message: dict[str, Any], timeout: float = 15.0) -> dict[str, Any]:
        """Sends a message with a fresh id and returns the reply with that id (needs `pump` running)."""
        request_id = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        await self.send({**message, "id": request_id})
        return await asyncio.wait_for(future, timeout)

    async def act(self, action: Any) -> dict[str, Any]:
        return await self.request({"type": "act", "action": action_to_dict(action)})

    async def close(self) -> None:
        await self.ws.close()


class NetClient:
    """A hosted game for a frame loop: a daemon thread runs the network; `poll()` never blocks.

    Items from `poll()`: RemoteView, server message dicts, and ("status", text) tuples:
    "connected", "reconnecting", "refused: …" or "closed".
    """

    def __init__(self, url: str, code: str | None = None, *, spectator: bool = False, retry_seconds: float = 1.0):
        self.url, self.code, self.spectator = url, code, spectator
        self.retry_seconds = retry_seconds
        self.inbox: queue.Queue = queue.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._outbox: asyncio.Queue | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="coalition-net", daemon=True)

    def start(self) -> "NetClient":
        self._thread.start()
        self._ready.wait(5)
        return self

    def poll(self) -> list:
        """Returns everything received since the last call (call once per frame)."""
        items = []
        while True:
            try:
                items.append(self.inbox.get_nowait())
            except queue.Empty:
                return items

    def send(self, message: dict[str, Any]) -> None:
        """Queues a message for the host (dropped while disconnected; the next view tells the truth)."""
        if self._loop is not None and self._outbox is not None and self._thread.is_alive():
            try:
                self._loop.call_soon_threadsafe(self._outbox.put_nowait, message)
            except RuntimeError:  # the loop ended meanwhile: nobody to send to
                pass

    def act(self, action: Any) -> None:
        self.send({"type": "act", "action": action_to_dict(action)})

    def close(self, timeout: float = 3.0) -> None:
        if self._loop is not None and self._stop is not None and self._thread.is_alive():
            try:
                self._loop.call_soon_threadsafe(self._stop.set)
            except RuntimeError:  # the loop ended meanwhile (refused or taken over)
                pass
        self._thread.join(timeout)

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._outbox, self._stop = asyncio.Queue(), asyncio.Event()
        self._ready.set()
        while not self._stop.is_set():
            try:
                session = await RemoteSession.open(self.url, self.code, spectator=self.spectator)
            except JoinRefused as err:
                self.inbox.put(("status", f"refused: {err}"))
                return
            except OFFLINE:
                self.inbox.put(("status", "reconnecting"))
                await self._pause()
                continue
            self.inbox.put(("status", "connected"))
            self.inbox.put(session.welcome)
            ended = await self._serve(session)
            if ended:
                return
            self.inbox.put(("status", "reconnecting"))
            await self._pause()
        self.inbox.put(("status", "closed"))

    async def _serve(self, session: RemoteSession) -> bool:
        """Runs one session; returns True when the client should stop for good."""
        taken = []

        def deliver(message: Any) -> None:
            if isinstance(message, dict) and message.get("type") in ("taken_over", "rejected") \
                    and message.get("id") is None:
                taken.append(message)
            self.inbox.put(message)

        async def sender() -> None:
            while True:
                await session.send(await self._outbox.get())

        tasks = [asyncio.create_task(session.pump(deliver)), asyncio.create_task(sender()),
                 asyncio.create_task(self._stop.wait())]
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()
        await session.close()
        if taken or self._stop.is_set():
            self.inbox.put(("status", "closed"))
            return True
        return False

    async def _pause(self) -> None:
        try:
            await asyncio.wait_for(self._stop.wait(), self.retry_seconds)
        except TimeoutError:
            pass
