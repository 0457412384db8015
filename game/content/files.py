"""Reads a user's file only after checking what it is and how large it is.

`stat` first, then a read of at most limit + 1 bytes: a 1 GiB file, `/dev/zero` or a file
that grows while it is read is refused at once, without being read into memory.
"""

import os
import stat
from pathlib import Path

from game.errors import FileProblem

MAX_BYTES = 2 * 1024 * 1024
"""The largest scenario file read (and the default limit of a YAML document; records set their own)."""


class UnreadableFile(Exception):
    """A file refused before parsing: missing, not a regular file, or over the size limit."""

    def __init__(self, problem: FileProblem):
        self.problem = problem
        super().__init__(str(problem))


def read_bounded(path: Path, limit: int, name: str | None = None) -> bytes:
    """Returns the file's bytes, or raises UnreadableFile if it is not a regular file of at most limit bytes."""
    name = name or str(path)

    def refuse(message: str) -> UnreadableFile:
        return UnreadableFile(FileProblem(name, 0, 0, "", message))

    try:
        _check(os.stat(path), limit, refuse)  # before open: opening a pipe would wait for a writer
        with open(path, "rb") as handle:
            _check(os.fstat(handle.fileno()), limit, refuse)  # the file opened may not be the one stat saw
            raw = handle.read(limit + 1)  # it may also have grown since
    except OSError as err:
        raise refuse(f"cannot read the file: {err.strerror}") from None
    if len(raw) > limit:
        raise refuse(f"file is too large (over {limit:,} bytes; the limit is {limit:,})")
    return raw


def _check(info: os.stat_result, limit: int, refuse) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise refuse("this is not a regular file (a directory, device or pipe); expected a text file")
    if info.st_size > limit:
        raise refuse(too_large(info.st_size, limit))


def too_large(size: int, limit: int) -> str:
    return f"file is too large ({size:,} bytes; the limit is {limit:,})"
