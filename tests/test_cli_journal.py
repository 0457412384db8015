"""The table's journal survives `kill -9`: a real `coalition play --autoplay` process is killed
mid-game, every line it wrote replays, `--resume` plays on from there, and `replay` and
`report` read the journal as a record (replay says what it verified)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.content.journal import read_journal
from game.content.records import load_game, load_record

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return env | {"PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                  "XDG_DATA_HOME": str(tmp_path / "data")}


def _coalition(tmp_path: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=tmp_path, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=timeout)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@pytest.fixture(scope="module")
def killed(tmp_path_factory):
    """A paris-2026 game at the slow pace (about 460 moves, a few seconds of frames), killed with
    SIGKILL once its journal holds at least 12 moves: well before its end."""
    tmp_path = tmp_path_factory.mktemp("journal")
    journal = tmp_path / "game.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "game", "play", "paris-2026", "--autoplay", "--pace", "slow",
                                "--frames", "100000", "--journal", str(journal)], cwd=tmp_path,
                               env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while _lines(journal) < 13 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    out = process.stdout.read().decode() + process.stderr.read().decode()
    process.stdout.close()
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL, out
    return tmp_path, journal


def test_a_killed_table_loses_no_line_of_its_journal(killed):
    _, journal = killed
    raw = journal.read_bytes()
    complete = raw.count(b"\n")
    assert complete >= 13
    kept = read_journal(journal)
    assert len(kept.game.actions) == complete - 1, "every complete line replays (no undo at autoplay)"
    assert kept.good_bytes == len(raw) - len(raw.split(b"\n")[-1])
    assert not kept.game.over, "killed mid-game"
    assert kept.record.controllers and json.loads(raw.split(b"\n")[0])["scenario_id"] == "paris-2026"


def test_resume_plays_the_same_game_on_and_replay_verifies_it(killed):
    tmp_path, journal = killed
    before = read_journal(journal)
    prefix = before.record.actions
    result = _coalition(tmp_path, "play", "--resume", str(journal), "--autoplay", "--pace", "instant",
                        "--frames", "60")
    assert result.returncode == 0, result.stderr
    assert f"resumed {journal}: {len(prefix)} actions replayed" in result.stdout
    assert f"journal: {journal} (continue" not in result.stdout, "a resumed game keeps its journal"
    after = read_journal(journal)
    assert len(after.game.actions) > len(prefix)
    assert after.record.actions[:len(prefix)] == prefix
    assert f"kept in {journal}" in result.stdout
    replayed = _coalition(tmp_path, "replay", str(journal), "--json")
    assert replayed.returncode == 0, replayed.stderr
    assert json.loads(replayed.stdout)["seed"] == after.game.seed
    assert replayed.stderr.strip().splitlines()[-1] == \
        f"verified: journal of {len(after.game.actions)} actions replayed"


def test_replay_drops_a_torn_last_line_and_says_so(killed, tmp_path):
    _, journal = killed
    torn = tmp_path / "torn.jsonl"
    torn.write_bytes(journal.read_bytes() + b'{"action":{"kind":"pa')
    result = _coalition(tmp_path, "replay", str(torn))
    assert result.returncode == 0, result.stderr
    actions = len(read_journal(torn).game.actions)
    assert result.stderr.strip().splitlines()[-1] == \
        f"verified: journal of {actions} actions replayed; a torn last line was dropped"


def test_replay_of_a_record_says_what_it_verified(killed, tmp_path):
    _, journal = killed
    from game.content.records import save_record

    saved = save_record(load_game(journal), tmp_path / "game.yaml")
    assert load_record(journal) == load_record(saved)
    result = _coalition(tmp_path, "replay", str(saved))
    assert result.returncode == 0, result.stderr
    actions = len(load_record(saved).actions)
    assert result.stderr.strip().splitlines()[-1] == (
        f"verified: {actions} actions, log digest, decision count and random generator state match")


def test_report_reads_a_journal(killed, tmp_path):
    _, journal = killed
    out = tmp_path / "review.html"
    result = _coalition(tmp_path, "report", str(journal), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_journal_and_resume_are_refused_where_they_do_not_fit(killed, tmp_path):
    _, journal = killed
    taken = _coalition(tmp_path, "play", "tutorial", "--frames", "5", "--journal", str(journal))
    assert taken.returncode == 2 and "already exists" in taken.stderr and "--resume" in taken.stderr
    both = _coalition(tmp_path, "play", "--resume", str(journal), "--journal", str(tmp_path / "x.jsonl"))
    assert both.returncode == 2 and "--resume continues a journal in place" in both.stderr
    missing = _coalition(tmp_path, "play", "--resume", str(tmp_path / "none.jsonl"), "--frames", "5")
    assert missing.returncode == 1 and "cannot read the journal" in missing.stderr
    assert "Traceback" not in taken.stderr + both.stderr + missing.stderr


def test_play_keeps_its_journal_in_the_user_data_folder_by_default(tmp_path):
    result = _coalition(tmp_path, "play", "tutorial", "--autoplay", "--pace", "instant", "--frames", "60")
    assert result.returncode == 0, result.stderr
    kept = list((tmp_path / "data" / "coalition-table" / "journals").glob("tutorial-*.jsonl"))
    assert len(kept) == 1 and f"journal: {kept[0]}" in result.stdout.splitlines()[0]
    game = read_journal(kept[0]).game
    assert game.over and f"journal: {len(game.actions)} actions kept in {kept[0]} (the game is over)" in result.stdout
