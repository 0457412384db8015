"""The `host` and `bot` commands as a user runs them: bot processes play to the end and exit 0;
mistakes get one message and a non-zero exit, never a traceback."""

import asyncio
import sys

from click.testing import CliRunner

from game.cli import main
from tests.net.hosting import hosted, run


def test_two_bot_processes_play_out_a_game(tmp_path):
    async def scenario():
        async with hosted(tmp_path, bots={"fr": "cooperative", "uk": "cautious"}) as running:
            codes = running.host.codes.by_seat
            procs = [await asyncio.create_subprocess_exec(
                sys.executable, "-m", "game", "bot", "--join", f"{running.url}/seat/{codes[seat]}",
                "--personality", "negotiator", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
                for seat in ("de", "us")]
            outputs = [await proc.communicate() for proc in procs]
            return [p.returncode for p in procs], [o[0].decode() for o in outputs], running.host.game.over
    codes, outputs, over = run(scenario(), timeout=40)
    assert codes == [0, 0] and over
    assert "joined as Germany" in outputs[0] and "the game is over" in outputs[0]


def test_mistakes_get_one_message(tmp_path):
    runner = CliRunner()
    cases = [
        (["bot", "--join", "http://127.0.0.1:9"], 2, "give --code CODE"),
        (["bot", "--join", "http://127.0.0.1:9", "--code", "AAAA-AAAA", "--give-up-after", "0"], 1, "gave up"),
        (["host", "--resume", str(tmp_path / "none.jsonl"), "--seed", "3"], 2, "takes no --journal or --seed"),
        (["host", "--resume", str(tmp_path / "none.jsonl")], 1, "cannot read the journal"),
        (["host", "tutorial", "--bot", "xx=random", "--journal", str(tmp_path / "a.jsonl")], 1, "no delegation 'xx'"),
        (["host", "tutorial", "--bot", "fr=random", "--bot", "fr=cautious"], 2, "given twice"),
        (["host", "tutorial", "--bot", "fr=genius"], 2, "expected SEAT=KIND"),
    ]
    for args, code, message in cases:
        result = runner.invoke(main, args)
        assert result.exit_code == code, (args, result.output)
        assert message in result.output, (args, result.output)
        assert "Traceback" not in result.output
