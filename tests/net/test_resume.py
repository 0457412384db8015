"""A host killed with kill -9 mid-game is resumed from its journal with the same codes; the bots
and a facilitator's threaded client reconnect on their own, the game finishes, and the journal
replays to exactly the game everyone saw."""

import asyncio
import json
import subprocess
import sys
import time
import urllib.request

from game.content.journal import load_journal
from game.content.scenarios import load_scenario
from game.engine import Game
from game.net.client import NetClient, RemoteView
from game.net.remote_bot import GAME_OVER, play_seat
from game.net.views import to_data
from tests.net.hosting import free_port, run


def _start_host(port, journal, codes, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "game", "host", "--bind", "127.0.0.1", "--port", str(port), "--codes", str(codes),
         *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _health(url):
    try:
        with urllib.request.urlopen(url + "/health", timeout=1) as response:
            return json.loads(response.read())
    except OSError:
        return None


def _wait_for(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_kill_9_resume_and_finish(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    journal, codes_file = tmp_path / "class.jsonl", tmp_path / "codes.json"
    first = _start_host(port, journal, codes_file, "tutorial", "--seed", "5", "--journal", str(journal))
    second = None
    try:
        _wait_for(lambda: _health(url))
        sheet = json.loads(codes_file.read_text())
        secret_codes = (tmp_path / "class.jsonl.codes.json").read_bytes()
        facilitator = NetClient(url, sheet["facilitator"]["code"], retry_seconds=0.2).start()

        at_kill = []

        async def bots_and_killer():
            async def killer():
                await asyncio.to_thread(_wait_for, lambda: len(journal.read_bytes().splitlines()) > 12)
                first.kill()  # SIGKILL: no chance to flush or say goodbye
                first.wait(5)
                at_kill.append(len(journal.read_bytes().splitlines()))
                await asyncio.sleep(0.5)
                return _start_host(port, journal, codes_file, "--resume", str(journal))
            bots = [play_seat(url, entry["code"], "negotiator", seed=i, think=0.02, give_up_after=30,
                              say=lambda _: None)
                    for i, entry in enumerate(sheet["seats"].values())]
            resumed, *statuses = await asyncio.gather(killer(), *bots)
            return resumed, statuses
        second, statuses = run(bots_and_killer(), timeout=40)
        assert statuses == [GAME_OVER] * 4
        health = _wait_for(lambda: _health(url))
        assert health["over"]
        items = _drain(facilitator, lambda v: v.view.over)
        views = [item for item in items if isinstance(item, RemoteView)]
        assert ("status", "reconnecting") in items  # the threaded client noticed and came back
        facilitator.close()
        second.terminate()
        output = second.communicate(timeout=10)[0]
        assert second.returncode == 0 and "stopped cleanly" in output
        assert "resumed" in output
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    assert (tmp_path / "class.jsonl.codes.json").read_bytes() == secret_codes  # same codes after resume
    assert json.loads(codes_file.read_text())["seats"] == sheet["seats"]
    record = load_journal(journal)
    assert len(record.actions) == health["actions"] > at_kill[0]  # killed mid-game
    loaded = load_scenario("tutorial")
    replayed = Game.from_record(loaded.scenario, record, content_hash=loaded.content_hash)
    assert replayed.over
    assert to_data(views[-1].view) == to_data(replayed.view("facilitator"))


def _drain(client, done, timeout=10.0):
    """Returns everything the client received until `done` holds for a view (bounded)."""
    items, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = client.poll()
        items += new
        if any(isinstance(i, RemoteView) and done(i) for i in new):
            return items
        time.sleep(0.05)
    raise AssertionError(f"no final view; got {[i for i in items if not isinstance(i, RemoteView)]}")
