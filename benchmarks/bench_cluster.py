"""A sweep on a Dask cluster beside the same sweep on the local pool, interleaved.

Starts a scheduler and two single-thread worker processes with the `dask scheduler` and
`dask worker` commands (127.0.0.1 only), then plays the same seeds on the local pool of two
processes and on the cluster, alternating, and checks that both give the same games. Prints
games per second of each and the load average. Needs the `cluster` extra.

    python benchmarks/bench_cluster.py [SCENARIO] [--games 1000] [--rounds 2] [--json]
"""

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from measure import machine

from game.sim.sweep import sweep

STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def local_cluster(workers: int):
    """Starts `dask scheduler` and `workers` `dask worker` processes; yields the scheduler address."""
    dask = shutil.which("dask", path=str(Path(sys.executable).parent)) or "dask"
    address = f"tcp://127.0.0.1:{free_port()}"
    quiet = {**os.environ, "DASK_LOGGING__DISTRIBUTED": "error"}
    commands = [[dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"]]
    commands += [[dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard",
                  "--name", f"worker-{n}"] for n in range(workers)]
    processes = []
    try:
        for argv in commands:
            processes.append(subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=quiet))
        wait_for_workers(address, workers)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for_workers(address: str, workers: int) -> None:
    from distributed import Client

    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with Client(address, timeout=5, set_as_default=False) as client:
                client.wait_for_workers(workers, timeout=max(1.0, deadline - time.monotonic()))
                return
        except (OSError, TimeoutError):
            if time.monotonic() > deadline:
                raise SystemExit(f"the local cluster at {address} did not start within {STARTUP_SECONDS} s") from None
            time.sleep(0.5)


def timed(scenario: str, seeds: range, **where) -> tuple[float, float, list]:
    """Returns the wall seconds, the CPU seconds the games took in the workers, and the games."""
    cpu = worker_cpu(where.get("scheduler"))
    start = time.perf_counter()
    result = sweep(scenario, seeds, **where)
    return time.perf_counter() - start, worker_cpu(where.get("scheduler")) - cpu, result.games


def worker_cpu(address: str | None) -> float:
    """CPU seconds used so far by the pool's finished processes, or by the cluster's workers."""
    if address is None:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, once joined
        return usage.ru_utime + usage.ru_stime
    from distributed import Client

    with Client(address, timeout=5, set_as_default=False) as client:
        return sum(client.run(time.process_time).values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="paris-2026")
    parser.add_argument("--games", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    seeds = range(args.games)
    with local_cluster(2) as address:
        before = machine()
        local, cluster, local_cpu, cluster_cpu, same = [], [], [], [], True
        for _ in range(args.rounds):
            seconds, cpu, games_local = timed(args.scenario, seeds, workers=2)
            local.append(seconds)
            local_cpu.append(cpu)
            seconds, cpu, games_cluster = timed(args.scenario, seeds, scheduler=address)
            cluster.append(seconds)
            cluster_cpu.append(cpu)
            same = same and games_local == games_cluster
        after = machine()
    rate = lambda times: [round(args.games / t, 1) for t in times]  # noqa: E731
    per_game = lambda cpu: [round(c / args.games * 1000, 1) for c in cpu]  # noqa: E731
    result = {"scenario": args.scenario, "games": args.games, "rounds": args.rounds,
              "local_pool_games_per_s": rate(local), "cluster_games_per_s": rate(cluster),
              "local_pool_seconds": [round(t, 2) for t in local], "cluster_seconds": [round(t, 2) for t in cluster],
              "local_pool_cpu_ms_per_game": per_game(local_cpu), "cluster_cpu_ms_per_game": per_game(cluster_cpu),
              "identical_games": same, "cluster": "dask scheduler + 2 dask workers (1 thread each), 127.0.0.1",
              "load_average": before["load_average"], "load_average_after": after["load_average"],
              "cores": before["cores"]}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.games} {args.scenario} games per sweep, {args.rounds} interleaved rounds")
        print(f"  local pool, 2 processes: {result['local_pool_seconds']} s = {result['local_pool_games_per_s']} games/s")
        print(f"  dask, scheduler + 2 workers: {result['cluster_seconds']} s = {result['cluster_games_per_s']} games/s")
        print(f"  CPU per game in the workers (what load cannot inflate): local pool "
              f"{result['local_pool_cpu_ms_per_game']} ms, dask {result['cluster_cpu_ms_per_game']} ms")
        print(f"  identical games: {same}")
        print(f"  load average {result['load_average']} before, {result['load_average_after']} after "
              f"({result['cores']} cores)")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
