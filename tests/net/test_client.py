"""The threaded client a frame loop will use, against a real host: no pygame, just poll() and send()."""

import asyncio
import threading
import time

from game.net.client import NetClient, RemoteView, code_in_url, ws_url
from tests.net.hosting import hosted, run


def _poll_until(client, predicate, timeout=5.0):
    items, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        items += client.poll()
        if any(predicate(i) for i in items):
            return items
        time.sleep(0.02)
    raise AssertionError(f"not received; got {[i for i in items if not isinstance(i, RemoteView)]}")


def test_a_frame_loop_client_joins_acts_and_is_refused_cleanly(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            host = running.host
            seat = host.game.turn_seat

            def frame_loop():
                client = NetClient(running.url, host.codes.by_seat[seat]).start()
                items = _poll_until(client, lambda i: isinstance(i, RemoteView) and i.legal)
                view = next(i for i in items if isinstance(i, RemoteView))
                assert view.view.seat == seat and view.view.me is not None
                client.act(view.legal[0])
                items = _poll_until(client, lambda i: isinstance(i, dict) and i.get("type") == "applied")
                client.close()
                wrong = NetClient(running.url, "AAAA-AAAA").start()
                refused = _poll_until(wrong, lambda i: isinstance(i, tuple) and i[1].startswith("refused"))
                wrong.close()
                return view, refused
            return await asyncio.to_thread(frame_loop), len(host.game.actions)
    (view, refused), actions = run(scenario())
    assert actions == 1
    assert ("status", "connected") not in refused and any("does not open" in str(i) for i in refused)
    assert not any(t.name == "coalition-net" and t.is_alive() for t in threading.enumerate())


def test_addresses():
    assert ws_url("http://10.0.0.5:8765") == "ws://10.0.0.5:8765/ws"
    assert ws_url("https://class.example/seat/K7QF-2M9C") == "wss://class.example/ws"
    assert ws_url("10.0.0.5:8765") == "ws://10.0.0.5:8765/ws"
    assert code_in_url("http://10.0.0.5:8765/seat/K7QF-2M9C") == "K7QF-2M9C"
    assert code_in_url("http://10.0.0.5:8765/") is None
