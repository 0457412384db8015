"""The sweep report from a small CSV: secured rates with 95% intervals, event effects, charts;
a file that is not a sweep CSV gives one clear message."""

import csv

import pytest
from click.testing import CliRunner

from game.cli import main
from game.errors import ContentError
from game.report.sweep_report import event_rows, load_sweep_csv, sweep_document, write_sweep_report
from game.sim.sweep import sweep, wilson, write_csv
from tests.report.test_review import assert_self_contained, check_html

HEADER = ["scenario", "seed", "rounds", "decisions", "outcome", "status:monitoring", "status:force",
          "progress:monitoring", "progress:force", "score:fr", "score:us", "events"]
# Six games: the backstop card fires in three, and the force is secured in exactly those.
ROWS = [
    ["tutorial", 0, 3, 40, "success", "secured", "secured", 6, 8, 5, 3, "venezuela;backstop"],
    ["tutorial", 1, 3, 41, "success", "secured", "secured", 7, 9, 5, 3, "backstop;violation"],
    ["tutorial", 2, 3, 39, "partial", "partial", "secured", 4, 8, 3, 2, "backstop"],
    ["tutorial", 3, 3, 38, "partial", "secured", "partial", 6, 5, 2, 3, "venezuela"],
    ["tutorial", 4, 3, 42, "failure", "failed", "failed", 1, 2, 0, 0, "violation;venezuela"],
    ["tutorial", 5, 3, 40, "partial", "secured", "partial", 6, 4, 2, 3, ""],
]


@pytest.fixture
def small_csv(tmp_path):
    path = tmp_path / "sweep.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return path


def test_statistics_from_a_small_csv(small_csv):
    data = load_sweep_csv(small_csv)
    assert data.scenario == "tutorial" and data.priorities == ("monitoring", "force") and len(data.games) == 6
    backstop = next(r for r in event_rows(data) if r["event"] == "backstop")
    assert backstop["n_with"] == 3 and backstop["per_priority"]["force"] == pytest.approx(1.0)
    assert backstop["with"] == pytest.approx(5 / 6) and backstop["without"] == pytest.approx(2 / 6)


def test_the_page_shows_rates_intervals_and_event_effects(small_csv, tmp_path):
    path = write_sweep_report(small_csv, tmp_path / "report.html")
    html = path.read_text(encoding="utf-8")
    checker = check_html(html)
    assert checker.section_ids == ["overview", "priorities", "events", "objectives"]
    assert checker.counts["svg"] == 2
    assert_self_contained(checker, html)
    low, high = wilson(4, 6)
    assert f"{low:.0%}–{high:.0%}" in html  # monitoring: secured in 4 of 6
    assert "Ceasefire monitoring" in html and "US backstop confirmed in writing" in html
    assert "+50 points (few games)" in html
    assert len(sweep_document(load_sweep_csv(small_csv)).all_figures()) == 2


def test_report_of_a_real_sweep_through_the_cli(tmp_path):
    csv_path = write_csv(sweep("tutorial", range(12), workers=1), tmp_path / "s.csv")
    result = CliRunner().invoke(main, ["report", "--sweep", str(csv_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "s.report.html").read_text(encoding="utf-8")
    assert "12 games, seeds 0–11" in html


@pytest.mark.parametrize(("content", "message"), [
    ("", "no games in this CSV"),
    ("a,b\n1,2\n", "missing column(s) scenario, seed, outcome, events, status:<priority>"),
    (",".join(HEADER) + "\n" + "tutorial,0,3,40,success,won,secured,6,8,5,3,\n", ":2: bad row: status 'won'"),
    (",".join(HEADER) + "\n" + "tutorial,x,3,40,success,secured,secured,6,8,5,3,\n", ":2: bad row"),
])
def test_a_bad_csv_gives_one_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ContentError, match="bad.csv") as err:
        load_sweep_csv(path)
    assert message in str(err.value)
    result = CliRunner().invoke(main, ["report", "--sweep", str(path)], catch_exceptions=False)
    assert result.exit_code == 1 and result.stderr.startswith("error: ") and "Traceback" not in result.output
