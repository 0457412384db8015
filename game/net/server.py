"""The HTTP and WebSocket side of the host (aiohttp): `/ws`, `/health`, the browser pages, on one port.

Each WebSocket reads one client's messages in order; a per-connection writer task sends
what the host queues, so one slow laptop never holds up the game.
"""

import asyncio
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from game.engine import Game
from game.model.wire import (
    MAX_MESSAGE_BYTES,
    Act,
    Check,
    Error,
    Join,
    Ping,
    Pong,
    Reissue,
    Rejected,
    Sync,
    Undo,
)
from game.net.codes import FACILITATOR
from game.net.host import Connection, Host
from game.net.protocol import BadMessage, JoinLimiter, parse_message

MAX_ERRORS = 10
"""Unreadable messages tolerated on one connection before the host closes it."""


def make_app(host: Host, limiter: JoinLimiter | None = None) -> web.Application:
    """Returns the aiohttp application serving the host."""
    app = web.Application(client_max_size=MAX_MESSAGE_BYTES)
    limiter = limiter or JoinLimiter()
    pages = Pages(host, limiter)
    app.router.add_get("/", pages.index)
    app.router.add_get("/health", pages.health)
    app.router.add_get("/join", pages.join)
    app.router.add_get("/seat/{code}", pages.seat)
    app.router.add_get("/facilitator/{code}", pages.seat)
    app.router.add_get("/facilitator/{code}/review", pages.review_page)
    app.router.add_get("/spectator", pages.spectator)
    app.router.add_static("/static", STATIC, append_version=False)
    app.router.add_get("/ws", Sockets(host, limiter).handle)
    return app


class Sockets:
    def __init__(self, host: Host, limiter: JoinLimiter):
        self.host = host
        self.limiter = limiter
        self.dispatch: dict[type, Callable[[Connection, Any], None]] = {
            Act: lambda conn, m: host.act(conn, m.action, m.id),
            Check: lambda conn, m: host.check(conn, m.action, m.id),
            Undo: lambda conn, m: host.undo(conn, m.id),
            Reissue: lambda conn, m: host.reissue(conn, m.seat, m.id),
            Sync: lambda conn, m: host.resync(conn),
            Ping: lambda conn, m: conn.send(Pong(id=m.id)),
            Join: lambda conn, m: conn.send(Error(message="already joined")),
        }

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        # No permessage-deflate: compressing every view for every connection cost the host more
        # time than the bytes saved on a classroom network (benchmarks/bench_server.py).
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, heartbeat=30, compress=False)
        await ws.prepare(request)
        address = request.remote or "unknown"
        conn: Connection | None = None
        writer: asyncio.Task | None = None
        errors = 0
        try:
            async for frame in ws:
                if frame.type != WSMsgType.TEXT:
                    if frame.type == WSMsgType.BINARY:
                        errors += 1
                        await self._reply(ws, conn, Error(message="send text frames holding JSON"))
                    continue
                try:
                    message = parse_message(frame.data)
                except BadMessage as err:
                    errors += 1
                    await self._reply(ws, conn, Error(message=str(err)))
                    if errors >= MAX_ERRORS:
                        await ws.close(code=1008, message=b"too many unreadable messages")
                    continue
                if conn is None:
                    conn = await self._join(ws, message, address)
                    if conn is None:
                        break
                    writer = asyncio.create_task(_write(ws, conn))
                    continue
                self.dispatch[type(message)](conn, message)
        finally:
            if conn is not None:
                self.host.leave(conn)
                conn.outbox.put_nowait((1000, "bye"))
            if writer is not None:
                await asyncio.wait([writer], timeout=1)
                writer.cancel()
        return ws

    async def _reply(self, ws: web.WebSocketResponse, conn: Connection | None, message: Any) -> None:
        if conn is not None:
            conn.send(message)
        elif not ws.closed:
            await ws.send_str(message.model_dump_json(exclude_none=True))

    async def _join(self, ws: web.WebSocketResponse, message: Any, address: str) -> Connection | None:
        """Admits a client by its first message, or refuses it and closes the socket."""
        host = self.host
        if not isinstance(message, Join):
            await ws.send_str(Error(message="join first: {\"type\": \"join\", \"code\": ...}").model_dump_json())
            await ws.close(code=1008, message=b"join first")
            return None
        if host.stopping:  # no refusal: the client should retry once the host is back
            await ws.close(code=1001, message=b"the host is stopping")
            return None
        if self.limiter.blocked(address):
            await ws.send_str(Rejected(rule="too_many_attempts",
                                       message="Too many wrong codes from this address; wait a minute.").model_dump_json())
            await ws.close(code=1008, message=b"too many attempts")
            return None
        conn = host.join(message.code, message.spectator, address, lambda code, reason: None)
        if conn is None:
            self.limiter.failed(address)
            await ws.send_str(Rejected(rule="unknown_code",
                                       message="That code does not open any seat here. Check the slip.").model_dump_json())
            await ws.close(code=1008, message=b"unknown code")
            return None
        conn.close = lambda code, reason: _close_after_flush(conn, code, reason)
        host.admit(conn)
        return conn


def _close_after_flush(conn: Connection, code: int, reason: str) -> None:
    if conn.outbox.qsize() > 1000:  # a client this far behind gets no more backlog
        while not conn.outbox.empty():
            conn.outbox.get_nowait()
    conn.outbox.put_nowait((code, reason))


async def _write(ws: web.WebSocketResponse, conn: Connection) -> None:
    """Sends the connection's queued messages in order; a (code, reason) item closes it."""
    try:
        while True:
            item = await conn.outbox.get()
            if isinstance(item, tuple):
                await ws.close(code=item[0], message=item[1].encode()[:120])
                return
            await ws.send_str(item)
    except (ConnectionError, RuntimeError):
        return


STATIC = Path(__file__).with_name("static")
"""The browser pages: one HTML page for every role, a stylesheet and a few ES modules."""


class Pages:
    """The browser page (at each join URL), the code form, /health and the facilitator's review."""

    def __init__(self, host: Host, limiter: JoinLimiter):
        self.host = host
        self.limiter = limiter
        self.review: tuple[int, asyncio.Future] | None = None

    async def health(self, request: web.Request) -> web.Response:
        return web.json_response(self.host.health())

    async def index(self, request: web.Request) -> web.Response:
        game = self.host.game
        body = (f"<p>{_e(game.scenario.meta.title)}: a hosted game of Coalition Table with "
                f"{len(game.seats)} delegations.</p>"
                "<form action='/join' method='get'><label for='code'>Your join code (from your slip)</label> "
                "<input id='code' name='code' autocomplete='off' autocapitalize='characters' size='10' required> "
                "<button>Join</button></form>"
                "<p>Watching? Open <a href='/spectator'>the public table</a>. Status: <a href='/health'>/health</a>.</p>")
        return _page("Coalition Table", body)

    async def join(self, request: web.Request) -> web.Response:
        """Sends a typed code to its page (the code form on the index posts here)."""
        address = request.remote or "unknown"
        if self.limiter.blocked(address):
            raise web.HTTPTooManyRequests(text="Too many wrong codes from this address; wait a minute.\n")
        typed = request.query.get("code", "")[:64]
        seat = self.host.codes.seat_for(typed)
        if seat is None:
            self.limiter.failed(address)
            return _page("Unknown code", "<p>That code does not open any seat here. Check the slip and "
                         "<a href='/'>try again</a>.</p>", status=404)
        role = "facilitator" if seat == FACILITATOR else "seat"
        raise web.HTTPSeeOther(f"/{role}/{self.host.codes.by_seat[seat]}")

    async def spectator(self, request: web.Request) -> web.StreamResponse:
        return _app_page()

    async def seat(self, request: web.Request) -> web.StreamResponse:
        """Serves the page for a seat's or the facilitator's code; an unknown code is a 404 and a failed join."""
        self._known_code(request)
        return _app_page()

    async def review_page(self, request: web.Request) -> web.Response:
        """The after-action review (facilitator only, once the game is over), built from the host's game.

        It is drawn in a worker thread from a replayed copy of the game (matplotlib takes a second
        or two), so the host keeps answering; one build per change, shared by concurrent requests."""
        self._known_code(request)
        game = self.host.game
        if not game.over:
            return _page("Not over yet", "<p>The after-action review is ready once the game is over.</p>",
                         status=409)
        if self.review is None or self.review[0] != self.host.seq:
            copy = Game.from_record(game.scenario, game.record(), content_hash=game.content_hash)
            self.review = (self.host.seq, asyncio.ensure_future(asyncio.to_thread(_review_html, copy)))
        text = await asyncio.shield(self.review[1])
        return web.Response(text=text, content_type="text/html", headers={"Cache-Control": "no-store"})

    def _known_code(self, request: web.Request) -> str:
        address = request.remote or "unknown"
        if self.limiter.blocked(address):
            raise web.HTTPTooManyRequests(text="Too many wrong codes from this address; wait a minute.\n")
        seat = self.host.codes.seat_for(request.match_info["code"])
        wants_facilitator = request.path.startswith("/facilitator/")
        if seat is None or (seat == FACILITATOR) != wants_facilitator:
            self.limiter.failed(address)
            raise web.HTTPNotFound(text="That code does not open any seat here. Check the slip.\n")
        return seat


def _review_html(game: Game) -> str:
    # matplotlib is imported only when a review is asked for
    from game.report.review import review_html
    return review_html(game)


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _app_page() -> web.FileResponse:
    return web.FileResponse(STATIC / "page.html", headers={"Cache-Control": "no-store",
                                                           "Content-Type": "text/html; charset=utf-8"})


def _page(title: str, body: str, status: int = 200) -> web.Response:
    text = (f"<!doctype html><html lang='en'><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{_e(title)}</title>"
            f"<link rel='stylesheet' href='/static/style.css'><body class='plain'><main><h1>{_e(title)}</h1>{body}"
            "</main></body></html>")
    return web.Response(text=text, status=status, content_type="text/html", headers={"Cache-Control": "no-store"})
