"""The journal: every accepted action and undo on disk before the call returns; a torn last line
(a kill -9 mid-write) is dropped with a note; anything else corrupt is refused with its line."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from game.bots import BotTable
from game.content.journal import JournalWriter, load_journal, read_journal
from game.content.scenarios import load_scenario
from game.engine import Game
from game.errors import RecordError
from game.sim.playthrough import default_controllers


def _bot_game(scenario_id="tutorial", seed=4):
    loaded = load_scenario(scenario_id)
    controllers = default_controllers(loaded.scenario)
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=controllers)
    return game, BotTable(game, controllers)


def test_a_journal_replays_to_the_same_record_with_undos(tmp_path):
    game, bots = _bot_game()
    writer = JournalWriter.create(tmp_path / "j.jsonl", game)
    for step in range(12):
        result = bots.step(game.turn_seat)
        writer.action(result.action)
        if step in (3, 7):
            game.undo()
            writer.undo()
    while not game.over:
        writer.action(bots.step(game.turn_seat).action)
    writer.close()
    journal = read_journal(tmp_path / "j.jsonl")
    assert journal.record == game.record() and journal.undos == 2 and not journal.notes
    assert (tmp_path / "j.jsonl").stat().st_mode & 0o077 == 0  # owner-only


def test_a_journal_is_never_overwritten(tmp_path):
    game, _ = _bot_game()
    JournalWriter.create(tmp_path / "j.jsonl", game).close()
    with pytest.raises(RecordError, match="already exists"):
        JournalWriter.create(tmp_path / "j.jsonl", game)


def _journal_lines(tmp_path, actions=6):
    game, bots = _bot_game()
    writer = JournalWriter.create(tmp_path / "j.jsonl", game)
    for _ in range(actions):
        writer.action(bots.step(game.turn_seat).action)
    writer.close()
    return (tmp_path / "j.jsonl").read_bytes().splitlines(keepends=True), game


def test_a_torn_last_line_is_dropped_with_a_note_and_cut_on_reopen(tmp_path):
    lines, game = _journal_lines(tmp_path)
    path = tmp_path / "j.jsonl"
    path.write_bytes(b"".join(lines) + lines[-1][:17])
    journal = read_journal(path)
    assert journal.record == game.record()
    assert len(journal.notes) == 1 and "j.jsonl:8: dropped a torn last line" in journal.notes[0]
    JournalWriter.reopen(path, journal.good_bytes).close()
    assert path.read_bytes() == b"".join(lines)


@pytest.mark.parametrize("corrupt, line, message", [
    (lambda lines: lines[:3] + [b"{oops\n"] + lines[4:], 4, "not a journal line"),
    (lambda lines: lines[:2] + [b'{"action": {"kind": "pass", "seat": "zz"}}\n'] + lines[3:], 3, "no longer applies"),
    (lambda lines: lines[:2] + [b'{"action": {"kind": "fly"}}\n'] + lines[3:], 3, "malformed action"),
    (lambda lines: lines[:2] + [b'{"undo": true, "x": 1}\n'] + lines[3:], 3, "expected"),
    (lambda lines: [b'{"journal": 1}\n'] + lines[1:], 1, "lacks a valid"),
    (lambda lines: [b'{"journal": 99}\n'] + lines[1:], 1, "newer"),
    (lambda lines: [b'{"format": 1}\n'] + lines[1:], 1, "not a game journal"),
    (lambda lines: lines[:1] + [b'{"undo": true}\n'] + lines[1:], 2, "no action left"),
    (lambda lines: lines[:3] + [b"[1, 2]\n"] + lines[3:], 4, "not a journal line"),
])
def test_anything_else_corrupt_is_refused_with_its_line(tmp_path, corrupt, line, message):
    lines, _ = _journal_lines(tmp_path)
    path = tmp_path / "j.jsonl"
    path.write_bytes(b"".join(corrupt(lines)))
    with pytest.raises(RecordError, match=message) as err:
        load_journal(path)
    assert f"j.jsonl:{line}:" in str(err.value)


def test_a_journal_of_another_scenario_version_is_refused(tmp_path):
    lines, _ = _journal_lines(tmp_path)
    header = json.loads(lines[0])
    header["scenario_hash"] = "0" * 64
    (tmp_path / "j.jsonl").write_bytes(json.dumps(header).encode() + b"\n" + b"".join(lines[1:]))
    with pytest.raises(RecordError, match="another version of scenario 'tutorial'"):
        load_journal(tmp_path / "j.jsonl")


WRITER = """
import sys
from game.bots import BotTable
from game.content.journal import JournalWriter
from game.content.scenarios import load_scenario
from game.engine import Game
from game.sim.playthrough import default_controllers
loaded = load_scenario("paris-2026")
controllers = default_controllers(loaded.scenario)
while True:  # journal whole games one after another until killed
    seed = int(sys.argv[2])
    game = Game.new(loaded.scenario, seed, content_hash=loaded.content_hash, controllers=controllers)
    bots = BotTable(game, controllers)
    writer = JournalWriter.create(sys.argv[1], game)
    print("started", flush=True)
    while not game.over:
        writer.action(bots.step(game.turn_seat).action)
    writer.close()
    sys.argv[1] += ".next"
"""


def test_a_writer_killed_mid_stream_loses_nothing_it_wrote(tmp_path):
    path = tmp_path / "j.jsonl"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "9"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "started"
        deadline = time.monotonic() + 20
        while path.stat().st_size < 4000 and time.monotonic() < deadline:
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    raw = path.read_bytes()
    complete = raw.count(b"\n") - 1  # action lines with their newline
    journal = read_journal(path)
    assert len(journal.record.actions) == complete > 10
    assert bool(journal.notes) == (not raw.endswith(b"\n"))
    game, bots = _bot_game("paris-2026", 9)  # the same game, replayed to the same point
    for _ in range(complete):
        bots.step(game.turn_seat)
    assert journal.record == game.record()
