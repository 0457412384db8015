"""What each priority still misses travels with every outcome: `run --json`, the sweep's CSV
and JSON, and the review; the review's fork commands name the game's own file."""

import csv
import json

from click.testing import CliRunner

from game.cli import main


def test_the_sweep_csv_and_json_carry_what_is_missing_and_why_games_ended(tmp_path):
    path = tmp_path / "s.csv"
    result = CliRunner().invoke(main, ["sweep", "tutorial", "--seeds", "6", "--workers", "1", "--csv", str(path),
                                       "--json"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert {"missing:monitoring", "missing:force", "end_reason"} <= set(rows[0])
    for row in rows:
        for pid in ("monitoring", "force"):
            assert (row[f"status:{pid}"] == "secured") == (row[f"missing:{pid}"] == ""), row
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    assert sum(summary["end_reasons"].values()) == 6


def test_the_review_says_what_is_missing_and_forks_name_the_record(tmp_path):
    record = tmp_path / "class-a.json"
    assert CliRunner().invoke(main, ["run", "paris-2026", "--seed", "3", "--save", str(record)]).exit_code == 0
    data = json.loads(CliRunner().invoke(main, ["replay", str(record), "--json"]).stdout)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(record), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Still missing" in html
    for p in data["priorities"].values():
        for reason in p["missing"]:
            assert reason.split(",")[0].replace("'", "&#x27;") in html or reason.split(",")[0] in html
    assert "coalition fork class-a.json --at" in html and "fork RECORD" not in html
