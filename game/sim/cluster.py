"""The Dask backend of a sweep: chunks of seeds as tasks on an existing Dask cluster.

Dask is an optional extra (`coalition-table[cluster]`), imported only here and only when a
sweep names a scheduler. The scenario travels once to each worker (scattered), not per task.
"""

import hashlib
import logging
import math
import re
from collections.abc import Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from game.content.scenarios import LoadedScenario
from game.errors import CoalitionError
from game.sim.results import GameSummary, SweepResult
from game.sim.sweep import SweepStopped, chunked, play_chunk

INSTALL_HINT = ("sweeping on a Dask cluster needs Dask: from the repository, "
                "pip install -e '.[cluster]' (the project's 'cluster' extra)")
CONNECT_SECONDS = 10
WORKERS_SECONDS = 20
_PACKAGE = Path(__file__).resolve().parents[1]
_GAME_CODE = ("engine", "bots", "model", "sim")
_ADDRESS = re.compile(r"^tcp://(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$")


def import_distributed() -> Any:
    """Returns the `distributed` module, or raises the one message that says what to install."""
    try:
        import distributed
    except ImportError:
        raise CoalitionError(INSTALL_HINT) from None
    return distributed


def scheduler_address(address: str) -> str:
    """Returns the address as tcp://HOST:PORT (the scheme may be left out), or raises."""
    full = address if "://" in address else f"tcp://{address}"
    if not _ADDRESS.match(full):
        raise CoalitionError(f"expected the scheduler as tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786 (got '{address}')")
    return full


def run_on_cluster(address: str, loaded: LoadedScenario, seeds: Sequence[int],
                   controllers: dict[str, str] | None, result: SweepResult) -> Iterator[list[GameSummary]]:
    """Connects now (so a bad address fails at once) and returns the finished chunks as they come.

    Sets `result.workers` to the cluster's worker threads. Closing the iterator early cancels
    every task still queued or running.
    """
    distributed = import_distributed()
    address = scheduler_address(address)
    with _quiet():
        client = _connect(distributed, address)
    try:
        result.workers = _check_workers(client, address)
        size = cluster_chunk_size(len(seeds), result.workers)
        parts = chunked(seeds, size)
    except BaseException:
        _close(client)
        raise
    return _batches(distributed, client, loaded, parts, controllers)


def _connect(distributed: Any, address: str) -> Any:
    try:
        return distributed.Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise CoalitionError(f"cannot reach the Dask scheduler at {address}: {err} "
                             f"(is `dask scheduler` running there?)") from None


def _check_workers(client: Any, address: str) -> int:
    """Waits for a worker, refuses workers running other game code, returns the thread count."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except (OSError, TimeoutError):
        raise CoalitionError(f"the Dask scheduler at {address} has no workers after {WORKERS_SECONDS} s "
                             f"(start some with `dask worker {address}`)") from None
    try:
        fingerprints = client.run(code_fingerprint)
    except (ImportError, ModuleNotFoundError):
        raise CoalitionError(f"the workers of {address} cannot import the game: install "
                             f"coalition-table on every worker") from None
    ours = code_fingerprint()
    others = [worker for worker, theirs in fingerprints.items() if theirs != ours]
    if others:
        raise CoalitionError(f"worker {others[0]} runs other game code than this machine (engine, bots or "
                             f"model differ), so its games would not match a local sweep: install the same "
                             f"version of coalition-table on every worker")
    return sum(client.nthreads().values())


def code_fingerprint() -> str:
    """Returns a digest of the code a game's outcome depends on (engine, bots, model, sim)."""
    digest = hashlib.sha256()
    for path in sorted(p for folder in _GAME_CODE for p in (_PACKAGE / folder).rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cluster_chunk_size(games: int, threads: int) -> int:
    """Games per task: about four tasks per worker thread, between 50 and 1,000 games.

    One game per task costs a third more than bare processes; 50 or more run at their speed.
    """
    return max(50, min(1000, math.ceil(games / max(1, 4 * threads))))


def _batches(distributed: Any, client: Any, loaded: LoadedScenario, parts: list[list[int]],
             controllers: dict[str, str] | None) -> Iterator[list[GameSummary]]:
    futures: list[Any] = []
    try:
        scenario = client.scatter(loaded.scenario, broadcast=True)
        futures = [client.submit(play_chunk, scenario, loaded.content_hash, part, controllers, pure=False)
                   for part in parts]
        for future in distributed.as_completed(futures, loop=client.loop):
            try:
                batch = future.result()
            except (CancelledError, distributed.KilledWorker, OSError) as err:
                raise SweepStopped(f"the Dask cluster failed: {_failure(err, future)}") from None
            yield batch
    finally:
        with _quiet():
            if futures:
                client.cancel(futures)
            _close(client)


def _failure(err: BaseException, future: Any) -> str:
    text = str(err)
    if "scheduler-connection-lost" in text:
        return "the connection to the scheduler was lost"
    if isinstance(err, CancelledError):
        return "the scheduler cancelled the sweep's tasks"
    if type(err).__name__ == "KilledWorker":
        return f"workers died while playing task {future.key}"
    return text.splitlines()[0] if text else type(err).__name__


def _close(client: Any) -> None:
    try:
        client.close(timeout=5)
    except (OSError, TimeoutError):
        pass  # the scheduler went away first; nothing is left to release


@contextmanager
def _quiet() -> Iterator[None]:
    """Silences Dask's connection and shutdown chatter (heartbeats, closed streams) on stderr."""
    loggers = [logging.getLogger(name) for name in ("distributed", "distributed.client", "distributed.core",
                                                     "distributed.comm", "distributed.batched", "tornado")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
