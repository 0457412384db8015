"""`coalition run` prints its transcript while the bots play, with the same text as before, and
loads only what it needs: no network, table, printed pack or (with a cached scenario) YAML."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from game.cli import main
from game.cli.common import LivePrinter
from game.content.scenarios import load_scenario
from game.report.transcript import transcript_text
from game.sim.playthrough import play

GOLDEN = Path(__file__).parent / "golden"
SCENARIOS = sorted(p.name.removesuffix(".transcript.txt") for p in GOLDEN.glob("*.transcript.txt"))


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_run_prints_the_golden_transcript(scenario_id):
    """The golden transcript is what `coalition run <id> --seed N` prints (110 columns)."""
    seed = json.loads((GOLDEN / f"{scenario_id}.actions.json").read_text(encoding="utf-8"))["seed"]
    result = CliRunner(env={"COLUMNS": "110"}).invoke(main, ["run", scenario_id, "--seed", str(seed)])
    assert result.exit_code == 0, result.output
    printed = "\n".join(line.rstrip() for line in result.output.splitlines()) + "\n"
    assert printed == (GOLDEN / f"{scenario_id}.transcript.txt").read_text(encoding="utf-8")


def test_lines_appear_while_the_game_is_played():
    loaded = load_scenario("tutorial")
    buffer = io.StringIO()
    printer = LivePrinter(Console(file=buffer, width=110, color_system=None, force_terminal=False))
    printed_while_playing = []

    def step(game):
        printer(game)
        if not game.over:
            printed_while_playing.append(buffer.getvalue().count("\n"))

    game = play(loaded.scenario, 4, content_hash=loaded.content_hash, on_step=step)
    printer.finish(game)
    assert printed_while_playing[0] > 0, "nothing was printed after the first decision"
    assert printed_while_playing[-1] > printed_while_playing[0]
    text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
    assert text == transcript_text(game)


PROBE = """
import sys
from game.cli import main
try:
    main(["run", "tutorial", "--seed", "2"], standalone_mode=False)
finally:
    roots = {name.split(".")[0] for name in sys.modules}
    mine = {name for name in sys.modules if name.startswith("game.")}
    print(sorted(roots | mine), file=sys.stderr)
"""


def test_run_defers_what_it_does_not_need(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    loaded = []
    for _ in range(2):  # the first run validates the scenario and caches it; the second reads the cache
        done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env,
                              cwd=Path(__file__).parents[1], timeout=120)
        assert done.returncode == 0, done.stderr
        assert "Round 1" in done.stdout
        loaded.append(set(eval(done.stderr.strip().splitlines()[-1])))  # a list of names we printed
    never = {"asyncio", "aiohttp", "websockets", "pygame", "pygame_gui", "matplotlib", "reportlab", "segno",
             "dask", "distributed", "game.net", "game.ui", "game.cli.workshop", "game.cli.table"}
    for modules in loaded:
        assert not never & modules, sorted(never & modules)
    assert "yaml" in loaded[0] and "game.content.messages" in loaded[0]
    parsed = {"yaml", "game.content.messages", "game.content.yaml_safe"} & loaded[1]
    assert not parsed, f"the cached run parsed: {sorted(parsed)}"


def test_a_reader_that_leaves_early_still_gets_the_game_saved(tmp_path):
    """`coalition run ... --save F | head -1`: the pipe closes mid-game; the game plays on and is saved."""
    record = tmp_path / "game.yaml"
    proc = subprocess.Popen([sys.executable, "-m", "game", "run", "paris-2026", "--seed", "3", "--save", str(record)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            cwd=Path(__file__).parents[1])
    assert proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert record.is_file() and b"record saved" in err
