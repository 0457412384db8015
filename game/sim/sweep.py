"""Seed sweeps: many headless games on a local process pool or a Dask cluster.

Results are sorted by seed, so a sweep's numbers are identical whatever the backend, the
number of workers or the chunking. Ctrl-C keeps the games finished so far (`interrupted`).
"""

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from game.content.scenarios import load_scenario
from game.errors import CoalitionError
from game.model.scenario import Scenario
from game.sim.playthrough import play
from game.sim.results import GameSummary, SweepResult, summarise, wilson, write_csv, write_json

__all__ = ["GameSummary", "SweepResult", "play_chunk", "play_summary", "summarise", "sweep", "wilson",
           "write_csv", "write_json"]

CHUNK = 25
"""Games per task on the local pool: small, so an interrupt loses little and the bar moves."""

Chunk = tuple[str | Scenario, str, list[int], dict[str, str] | None]
"""What a task needs: the scenario (a path, or the model itself for a cluster), its content
hash, the seeds, and bot overrides."""


class SweepStopped(CoalitionError):
    """A backend that cannot go on (a cluster lost midway); the finished games are kept."""


def play_summary(scenario: str | Scenario, seed: int, controllers: Mapping[str, str] | None = None,
                 content_hash: str | None = None) -> GameSummary:
    """Plays one game and keeps only what the statistics need."""
    if not isinstance(scenario, Scenario):
        loaded = load_scenario(scenario)
        scenario, content_hash = loaded.scenario, loaded.content_hash
    result = play(scenario, seed, content_hash=content_hash, controllers=controllers).result()
    return GameSummary(
        seed, result["rounds_played"], result["decisions"], result["outcome"],
        {p: v["status"] for p, v in result["priorities"].items()},
        {p: v["progress"] for p, v in result["priorities"].items()},
        {d: v["score"] for d, v in result["delegates"].items()},
        tuple(result["events_fired"]),
        {p: tuple(v.get("missing", ())) for p, v in result["priorities"].items() if v.get("missing")},
        result["end_reason"] or "")


GC_THRESHOLD = (50_000, 20, 100)
"""The cyclic collector's thresholds while a task plays: a game makes few reference cycles
but a hundred objects a decision, so the default (700) walked the young objects every few
decisions; this spares about 3% of the instructions (`bench_instructions.py --gc-threshold`)
and frees the same objects."""


_TUNED = threading.Lock()
_tasks: list = [0, None]
"""[tasks playing in this process, the thresholds before the first began]: a Dask worker
plays tasks in several threads, and the last to finish gives the thresholds back."""


@contextmanager
def _collector_tuned() -> Iterator[None]:
    with _TUNED:
        if _tasks[0] == 0:
            _tasks[1] = gc.get_threshold()
            gc.set_threshold(*GC_THRESHOLD)
        _tasks[0] += 1
    try:
        yield
    finally:
        with _TUNED:
            _tasks[0] -= 1
            if _tasks[0] == 0:
                gc.set_threshold(*_tasks[1])


def play_chunk(scenario: str | Scenario, content_hash: str, seeds: list[int],
               controllers: dict[str, str] | None) -> list[GameSummary]:
    """Plays one task's seeds (run in a pool process or on a Dask worker)."""
    with _collector_tuned():
        return [play_summary(scenario, seed, controllers, content_hash) for seed in seeds]


def chunked(seeds: Sequence[int], size: int) -> list[list[int]]:
    """Splits the seeds into consecutive lists of at most `size`."""
    return [list(seeds[i:i + size]) for i in range(0, len(seeds), size)]


def sweep(scenario_ref: str, seeds: Sequence[int], *, workers: int | None = None,
          controllers: Mapping[str, str] | None = None, scheduler: str | None = None,
          on_progress: Callable[[int], None] | None = None) -> SweepResult:
    """Plays every seed, locally or on the Dask scheduler at `scheduler`.

    `on_progress(n)` is called as chunks of n games finish. A KeyboardInterrupt, or a cluster
    that fails midway, stops the sweep and returns the games finished so far, with
    `interrupted` set (and `failure` saying why, for a failure).
    """
    loaded = load_scenario(scenario_ref)  # fail here, once, with a clear message
    overrides = dict(controllers or {}) or None
    result = SweepResult(loaded.scenario.meta.id, [p.id for p in loaded.scenario.priorities],
                         [d.id for d in loaded.scenario.delegates], requested=len(seeds))
    if scheduler:
        from game.sim.cluster import run_on_cluster

        batches = run_on_cluster(scheduler, loaded, seeds, overrides, result)
    else:
        result.workers = max(1, workers or os.cpu_count() or 1)
        chunks = [(str(loaded.path), loaded.content_hash, part, overrides) for part in chunked(seeds, CHUNK)]
        batches = _run_local(chunks, result.workers)
    start = time.perf_counter()
    try:
        for batch in batches:
            result.games.extend(batch)
            if on_progress:
                on_progress(len(batch))
    except KeyboardInterrupt:
        result.interrupted = True
    except SweepStopped as err:
        result.interrupted, result.failure = True, str(err)
    finally:
        with _interrupts_ignored():
            batches.close()  # cancels what is left, on every backend; a second Ctrl-C waits
    result.seconds = time.perf_counter() - start
    result.games.sort(key=lambda g: g.seed)
    return result


def _run_local(chunks: list[Chunk], workers: int) -> Iterator[list[GameSummary]]:
    if workers == 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield play_chunk(*chunk)
        return
    # A terminal's Ctrl-C reaches every process of the group. Only this one acts on it: it keeps
    # the finished chunks and terminates the workers, so no worker prints a traceback.
    pool = multiprocessing.get_context().Pool(min(workers, len(chunks)), initializer=_ignore_interrupts)
    finished = False
    try:
        yield from pool.imap_unordered(_play_packed, chunks)
        finished = True
    finally:
        if finished:
            pool.close()
        else:  # interrupted, failed or abandoned: running chunks are not waited for
            pool.terminate()
        pool.join()


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _play_packed(chunk: Chunk) -> list[GameSummary]:
    return play_chunk(*chunk)
