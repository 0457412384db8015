"""A disk cache of validated scenarios, keyed by the file's bytes and the code that validates them.

Parsing and validating the flagship (and building pydantic's validators to do it) costs a
command more than its first line may; a scenario validated before unpickles in a few ms. An
entry is read only if its sha256 matches and it holds nothing but scenario model classes; on
any doubt the file is parsed as if there were no cache, and nothing is said.
"""

import functools
import hashlib
import importlib.util
import io
import os
import pickle
import sys
from pathlib import Path

import pydantic

from game.model.base import Strict
from game.model.scenario import Scenario

MAGIC = b"coalition-table scenario cache 1\n"
KEEP = 64
"""Entries kept; writing one more removes the oldest (each edit of a scenario makes a new one)."""
_SOURCES = ("game/model/*.py", "game/content/yaml_safe.py", "game/content/scenarios.py",
            "game/content/scenario_cache.py")
"""The code that decides what a file validates to: a change to any of it makes new keys."""


def cache_dir() -> Path | None:
    """Returns the folder of cached scenarios ($XDG_CACHE_HOME or ~/.cache), or None without a home."""
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    except RuntimeError:  # no home directory to be found
        return None
    return root / "coalition-table" / "scenarios"


@functools.cache
def code_fingerprint() -> bytes | None:
    """Returns a digest of the validating code and library versions, or None if the code is not readable."""
    digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}".encode())  # each pydantic pins its core
    package = Path(__file__).resolve().parents[1]
    try:
        yaml_spec = importlib.util.find_spec("yaml")  # its version line, without importing it
        if yaml_spec is not None and yaml_spec.origin:
            digest.update(Path(yaml_spec.origin).read_bytes())
        for pattern in _SOURCES:
            sources = sorted(package.parent.glob(pattern))
            if not sources:  # an install without its .py files: no way to tell the code apart
                return None
            for path in sources:
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    except OSError:
        return None
    return digest.digest()


def entry_path(raw: bytes) -> Path | None:
    """Returns where the scenario made of these bytes is cached, or None when there is no cache."""
    folder, code = cache_dir(), code_fingerprint()
    if folder is None or code is None:
        return None
    return folder / f"{hashlib.sha256(code + hashlib.sha256(raw).digest()).hexdigest()}.pickle"


class _ScenarioUnpickler(pickle.Unpickler):
    """Unpickles scenario models and builtin values only: a forged entry cannot name a function."""

    def find_class(self, module: str, name: str):
        if module.startswith("game.model."):
            found = super().find_class(module, name)
            if isinstance(found, type) and issubclass(found, Strict):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a scenario model")


def read_cached(raw: bytes) -> tuple[Scenario, str] | None:
    """Returns (scenario, content hash) cached for these bytes, or None if absent, damaged or unreadable."""
    path = entry_path(raw)
    if path is None:
        return None
    try:
        if not _own(path.parent) or not _own(path):  # another user's entry could skip validation
            return None
        data = path.read_bytes()
        head, digest, payload = data[:len(MAGIC)], data[len(MAGIC):len(MAGIC) + 64], data[len(MAGIC) + 65:]
        if head != MAGIC or digest != hashlib.sha256(payload).hexdigest().encode():
            return None
        scenario, content_hash = _ScenarioUnpickler(io.BytesIO(payload)).load()
    except Exception:  # a cache never breaks loading: any damage means a miss
        return None
    if not isinstance(scenario, Scenario) or not isinstance(content_hash, str) or len(content_hash) != 64:
        return None
    return scenario, content_hash


def write_cached(raw: bytes, scenario: Scenario, content_hash: str) -> None:
    """Stores a validated scenario for these bytes, atomically; a cache that cannot be written is skipped."""
    import tempfile  # only a miss writes: a cached run need not load it (nor shutil, random, bz2...)

    path = entry_path(raw)
    if path is None:
        return
    payload = pickle.dumps((scenario, content_hash), protocol=pickle.HIGHEST_PROTOCOL)
    data = MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(path.parent)
    except OSError:
        return


def _own(path: Path) -> bool:
    """True when this user owns the path and nobody else may write to it (always, where there are no uids)."""
    if not hasattr(os, "getuid"):
        return True
    status = path.stat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)
