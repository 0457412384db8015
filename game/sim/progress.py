"""Sweep progress: a rich progress bar on a terminal, sparse plain lines otherwise."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextmanager
def progress_reporter(total: int, label: str, *, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """Yields `advance(n)`; draws to stderr so stdout stays clean for JSON."""
    if quiet:
        yield lambda n: None
        return
    if sys.stderr.isatty():
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), transient=True, console=Console(stderr=True)) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n: bar.advance(task, n)
        return
    done = [0, 0]
    step = max(1, total // 10)

    def advance(n: int) -> None:
        done[0] += n
        if done[0] - done[1] >= step or done[0] == total:
            done[1] = done[0]
            print(f"{label}: {done[0]}/{total} games", file=sys.stderr, flush=True)

    yield advance
