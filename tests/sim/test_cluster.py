"""Sweeps on a Dask cluster: a local scheduler with two worker processes (127.0.0.1 only)
gives the local sweep's results; the messages when Dask or the scheduler is missing."""

import json
import sys
import time

import pytest
from click.testing import CliRunner

from game.cli import main
from game.sim import cluster
from game.sim.sweep import summarise, sweep, write_csv

TIMING = ("seconds", "workers", "games_per_s", "us_per_decision")


def without_timing(summary: dict) -> dict:
    return {k: v for k, v in summary.items() if k not in TIMING}


def test_a_cluster_sweep_equals_the_local_sweep(dask_cluster, tmp_path):
    seeds = range(7, 307)  # six tasks of 50 games, finishing in any order
    remote = sweep("tutorial", seeds, scheduler=dask_cluster.scheduler_address)
    local = sweep("tutorial", seeds, workers=1)
    assert remote.workers == 2 and not remote.interrupted
    assert [g.seed for g in remote.games] == list(seeds)
    assert remote.games == local.games
    assert without_timing(summarise(remote)) == without_timing(summarise(local))
    assert (write_csv(remote, tmp_path / "r.csv").read_bytes()
            == write_csv(local, tmp_path / "l.csv").read_bytes())


def test_the_sweep_command_on_a_cluster_writes_the_local_rows(dask_cluster, tmp_path):
    runner = CliRunner()
    args = ["sweep", "paris-2026", "--seeds", "12", "--first-seed", "40", "--json", "--csv"]
    remote = runner.invoke(main, args + [str(tmp_path / "r.csv"), "--scheduler", dask_cluster.scheduler_address])
    local = runner.invoke(main, args + [str(tmp_path / "l.csv"), "--workers", "2"])
    assert remote.exit_code == 0 and local.exit_code == 0, remote.output + local.output
    assert (tmp_path / "r.csv").read_bytes() == (tmp_path / "l.csv").read_bytes()
    assert without_timing(json.loads(remote.stdout)) == without_timing(json.loads(local.stdout))


def test_without_dask_the_scheduler_option_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    result = CliRunner().invoke(main, ["sweep", "tutorial", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert result.output == ("error: sweeping on a Dask cluster needs Dask: from the repository, "
                             "pip install -e '.[cluster]' (the project's 'cluster' extra)\n")


@pytest.mark.parametrize("address", ["http://127.0.0.1:8786", "127.0.0.1", "tcp://host:port"])
def test_a_malformed_scheduler_address_is_refused(address):
    result = CliRunner().invoke(main, ["sweep", "tutorial", "--scheduler", address])
    assert result.exit_code == 1
    assert result.output.startswith("error: expected the scheduler as tcp://HOST:PORT")
    assert f"(got '{address}')" in result.output


def test_an_unreachable_scheduler_is_one_message(monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["sweep", "tutorial", "--scheduler", "127.0.0.1:9"])
    assert result.exit_code == 1 and time.perf_counter() - start < 20
    assert result.output.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in result.output


def test_workers_and_scheduler_are_not_both_given():
    result = CliRunner().invoke(main, ["sweep", "tutorial", "--scheduler", "127.0.0.1:8786", "--workers", "2"])
    assert result.exit_code == 2 and "--workers sizes the local pool" in result.output


def test_chunks_hold_50_to_1000_games():
    assert cluster.cluster_chunk_size(300, 2) == 50
    assert cluster.cluster_chunk_size(3000, 2) == 375
    assert cluster.cluster_chunk_size(1_000_000, 64) == 1000
