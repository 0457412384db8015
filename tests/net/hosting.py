"""Helpers for the network tests: a real host on 127.0.0.1 (any free port) and a raw recording client."""

import asyncio
import contextlib
import json
import socket
from typing import Any

import websockets

from game.net.launch import HostSettings, start
from game.net.protocol import JoinLimiter

TIMEOUT = 20.0


def run(coro, timeout: float = TIMEOUT) -> Any:
    """Runs a test coroutine with a hard time limit."""
    return asyncio.run(asyncio.wait_for(coro, timeout))


@contextlib.asynccontextmanager
async def hosted(tmp_path, scenario: str = "tutorial", seed: int = 3, limiter: JoinLimiter | None = None,
                 **settings: Any):
    """Starts a real host on 127.0.0.1 and stops it afterwards; `.notes` holds what it printed."""
    notes: list[str] = []
    running = await start(HostSettings(scenario=scenario, bind="127.0.0.1", port=0, seed=seed,
                                       journal=tmp_path / "game.jsonl", **settings),
                          say=notes.append, limiter=limiter)
    running.notes = notes
    try:
        yield running
    finally:
        await running.stop()


def ws_url(running) -> str:
    return running.url.replace("http://", "ws://") + "/ws"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Raw:
    """A plain websockets client that keeps every message it receives."""

    def __init__(self, ws):
        self.ws = ws
        self.received: list[str] = []

    @classmethod
    async def open(cls, url: str, join: dict | None = None) -> "Raw":
        raw = cls(await websockets.connect(url, max_size=None))
        if join is not None:
            await raw.send(join)
        return raw

    async def send(self, message: Any) -> None:
        await self.ws.send(message if isinstance(message, str | bytes) else json.dumps(message))

    async def recv(self, timeout: float = 5.0) -> dict:
        text = await asyncio.wait_for(self.ws.recv(), timeout)
        self.received.append(text)
        return json.loads(text)

    async def until(self, predicate, timeout: float = 5.0) -> dict:
        """Returns the first message for which predicate holds (reading and keeping the rest)."""
        async def scan():
            while True:
                message = await self.recv(timeout)
                if predicate(message):
                    return message
        return await asyncio.wait_for(scan(), timeout)

    async def closed(self, timeout: float = 5.0) -> int | None:
        """Reads until the host closes the connection; returns the close code."""
        with contextlib.suppress(websockets.ConnectionClosed):
            while True:
                await self.recv(timeout)
        return self.ws.close_code

    async def close(self) -> None:
        await self.ws.close()


def of_type(kind: str):
    return lambda message: message.get("type") == kind
