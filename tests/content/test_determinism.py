"""A game is the same in every process: two runs with different string hashing print the same bytes.

Python salts `hash()` of strings per process (PYTHONHASHSEED), so any rule, bot or report that
iterates over a set of ids would differ between runs; this test catches that where a test
inside one process cannot.
"""

import os
import subprocess
import sys

import pytest

RUN = "from game.cli import main; main()"


def _run(hash_seed: str, *args: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", RUN, *args], env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


@pytest.mark.parametrize("args", [("run", "tutorial", "--seed", "3", "--json")])
def test_two_processes_with_different_hash_seeds_print_the_same_bytes(args):
    first, second = _run("1", *args), _run("4242", *args)
    assert first and first.startswith(b"{")
    assert first == second
