"""The suite keeps its validated-scenario cache in a folder of its own, removed at the end, never the
user's ~/.cache (the CLI tests' subprocesses inherit the setting)."""

import atexit
import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="coalition-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)
