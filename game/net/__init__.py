"""The workshop host: one authoritative game served over HTTP and a WebSocket, and its clients.

    launch      start, stop and resume a host (`coalition host`); HostThread for tests
    host        the Game, its journal, codes and connections; views after every change
    server      aiohttp: /ws, /health, the browser pages at the join URLs, the review
    catalog     the `table` message and the words sent with views (cards, offers)
    static/     the browser page: one HTML page for every role, a stylesheet, ES modules
    protocol    reading client messages at the door; failed-join limits
    views       SeatView <-> JSON
    codes       join codes and their owner-only file
    clock       class-length presets and the phase clock
    client      RemoteSession (asyncio) and NetClient (a daemon thread, for pygame)
    remote_bot  a bot playing one seat over the network (`coalition bot`)

Nothing is imported here, so a client does not pay for the server's imports.
"""
