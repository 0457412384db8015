"""Ctrl-C during a sweep keeps the finished games: a real `coalition sweep` process is sent
SIGINT (to its whole process group, as a terminal does) once its first games are done."""

import csv
import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from game.sim.sweep import sweep, write_csv

SEEDS = 3000  # tutorial games: the first progress line comes at 10%, long before the end
DEADLINE = 120


def first_progress_line(process: subprocess.Popen) -> str:
    """Returns the sweep's first progress line from stderr, waiting at most DEADLINE seconds."""
    end = time.monotonic() + DEADLINE
    line = b""
    while time.monotonic() < end and not line.endswith(b"\n"):
        ready, _, _ = select.select([process.stderr], [], [], max(0.0, end - time.monotonic()))
        if not ready:
            break
        byte = os.read(process.stderr.fileno(), 1)
        if not byte:
            break
        line += byte
    return line.decode()


def interrupt_sweep(folder: Path, *extra: str, stop=None) -> tuple[int, str, str]:
    """Starts a sweep, waits for its first progress line, then stops it (Ctrl-C by default)."""
    # A child inherits an ignored SIGINT (as under `nohup` or `&`); a handled one arrives as default.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "game", "sweep", "tutorial", "--seeds", str(SEEDS), "--csv", "kept.csv", *extra],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        line = first_progress_line(process)
        assert re.fullmatch(r"Playing tutorial: \d+/3000 games\n", line), line
        (stop or (lambda: os.killpg(process.pid, signal.SIGINT)))()
        out, err = process.communicate(timeout=DEADLINE)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return process.returncode, out.decode(), err.decode()


def check_kept(folder: Path, returncode: int, err: str, *, why: str = "interrupted", status: int = 130) -> list[int]:
    """Checks the exit status, the message and both files; returns the kept seeds."""
    assert returncode == status, err
    assert "Traceback" not in err
    found = re.search(re.escape(why) + r": (\d+) of 3000 games finished; kept in kept\.csv and kept\.json", err)
    assert found, err
    kept = int(found.group(1))
    assert 0 < kept < SEEDS
    rows = list(csv.DictReader((folder / "kept.csv").open()))
    seeds = [int(r["seed"]) for r in rows]
    assert len(rows) == kept and seeds == sorted(set(seeds)) and set(seeds) <= set(range(SEEDS))
    summary = json.loads((folder / "kept.json").read_text())
    assert summary["games"] == kept and summary["interrupted"] is True and summary["games_requested"] == SEEDS
    assert not list(folder.glob(".*partial"))
    return seeds


def test_ctrl_c_keeps_the_games_finished_on_the_local_pool(tmp_path):
    returncode, _, err = interrupt_sweep(tmp_path, "--workers", "2")
    seeds = check_kept(tmp_path, returncode, err)
    fresh = sweep("tutorial", seeds[:100], workers=1)
    kept_rows = (tmp_path / "kept.csv").read_text().splitlines()[:101]
    assert write_csv(fresh, tmp_path / "fresh.csv").read_text().splitlines() == kept_rows


def test_ctrl_c_keeps_the_games_finished_on_a_cluster_and_cancels_the_rest(tmp_path, dask_cluster):
    returncode, _, err = interrupt_sweep(tmp_path, "--scheduler", dask_cluster.scheduler_address)
    check_kept(tmp_path, returncode, err)
    end = time.monotonic() + 10
    while dask_cluster.scheduler.tasks and time.monotonic() < end:
        time.sleep(0.05)
    assert not dask_cluster.scheduler.tasks  # the queued chunks were cancelled, the scenario released


def test_a_cluster_lost_midway_keeps_the_games_finished(tmp_path):
    """The scheduler is killed (SIGKILL) after the first games: one message, exit 1, files kept."""
    dask = str(Path(sys.executable).with_name("dask"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {**os.environ, "DASK_LOGGING__DISTRIBUTED": "critical"}
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=quiet)
    worker = subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard",
                               "--death-timeout", "5"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=quiet)
    try:
        returncode, _, err = interrupt_sweep(tmp_path, "--scheduler", address, stop=scheduler.kill)
    finally:
        for process in (scheduler, worker):
            process.kill()
            process.wait(timeout=DEADLINE)
    check_kept(tmp_path, returncode, err, status=1,
               why="error: the Dask cluster failed: the connection to the scheduler was lost, so the sweep stopped")
    assert json.loads((tmp_path / "kept.json").read_text())["failure"].startswith("the Dask cluster failed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
