"""The `coalition` command end to end: run, replay, sweep, and one clear message for bad input."""

import json

from click.testing import CliRunner

from game.cli import main


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_run_prints_a_transcript_with_rounds_and_a_result():
    result = invoke("run", "tutorial", "--seed", "3")
    assert result.exit_code == 0
    for text in ("Round 1", "Round 3", "Progress after round", "Outcome:", "Private objectives (revealed)"):
        assert text in result.output


def test_run_json_has_the_promised_keys():
    result = invoke("run", "paris-2026", "--seed", "2", "--json")
    data = json.loads(result.output)
    assert {"scenario", "seed", "rounds_played", "decisions", "events_fired", "priorities", "delegates",
            "outcome"} <= set(data)
    assert set(data["priorities"]["force"]) >= {"progress", "target", "status"}
    assert "score" in data["delegates"]["fr"]


def test_run_save_then_replay_gives_the_same_output(tmp_path):
    path = tmp_path / "game.yaml"
    first = invoke("run", "tutorial", "--seed", "4", "--json", "--save", str(path))
    assert first.exit_code == 0 and path.exists()
    again = invoke("replay", str(path), "--json")
    assert again.exit_code == 0
    assert json.loads(again.stdout) == json.loads(first.stdout)
    assert "record saved" in first.stderr
    transcript = invoke("replay", str(path))
    assert "Round 1" in transcript.output


def test_bot_override_changes_who_plays():
    data = json.loads(invoke("run", "tutorial", "--seed", "1", "--json", "--bot", "fr=random").output)
    assert data["seed"] == 1
    result = invoke("run", "tutorial", "--bot", "fr=wizard")
    assert result.exit_code == 2 and "SEAT=KIND" in result.output
    result = invoke("run", "tutorial", "--bot", "xx=random")
    assert result.exit_code == 2 and "no delegation 'xx'" in result.output


def test_sweep_json_and_csv(tmp_path):
    csv_path = tmp_path / "s.csv"
    result = invoke("sweep", "tutorial", "--seeds", "20", "--workers", "1", "--json", "--csv", str(csv_path))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["games"] == 20 and data["decisions"] > 0 and "seconds" in data
    assert len(csv_path.read_text().splitlines()) == 21


def test_sweep_table_and_sparse_progress_when_not_a_terminal():
    result = CliRunner().invoke(main, ["sweep", "tutorial", "--seeds", "30", "--workers", "1"])
    assert result.exit_code == 0
    assert "Playing tutorial: 30/30 games" in result.output
    assert "Secured" in result.output and "95% interval" in result.output


def test_unknown_scenario_is_one_clear_message():
    result = CliRunner().invoke(main, ["run", "atlantis"])
    assert result.exit_code == 1
    assert "unknown scenario 'atlantis'" in result.output and "Traceback" not in result.output


def test_corrupt_record_is_one_clear_message(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenario_id: tutorial\nseed: [\n")
    result = CliRunner().invoke(main, ["replay", str(bad)])
    assert result.exit_code == 1 and "bad.yaml" in result.output and "Traceback" not in result.output
    missing = CliRunner().invoke(main, ["replay", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 1 and "cannot read" in missing.output
