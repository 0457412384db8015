"""`coalition report`: files written, Markdown to stdout, and one clear message (exit 1, no
traceback) for a record that is corrupt or belongs to another version of its scenario."""

import re

from click.testing import CliRunner

from game.cli import main


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_report_writes_the_page_and_the_write_up(records, tmp_path):
    out, md = tmp_path / "review.html", tmp_path / "notes" / "write-up.md"
    result = invoke("report", records["tutorial"], "--out", out, "--markdown", md)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count('<svg class="chart"') >= 3
    assert (tmp_path / "notes" / "write-up-charts" / "progress.png").exists()
    assert "## Key moments" in md.read_text(encoding="utf-8")
    assert f"review written to {out}" in result.stderr


def test_report_defaults_beside_the_record_and_prints_markdown(records, tmp_path):
    record = tmp_path / "game.yaml"
    record.write_bytes(records["tutorial"].read_bytes())
    result = invoke("report", record, "--markdown")
    assert result.exit_code == 0
    assert (tmp_path / "game.review.html").exists()
    assert result.stdout.startswith("# After-action review: Tutorial")


def test_a_record_for_another_scenario_version_fails_with_one_message(records, tmp_path):
    bad = tmp_path / "mismatch.yaml"
    text = records["tutorial"].read_text(encoding="utf-8")
    bad.write_text(re.sub(r"scenario_hash: \S+", "scenario_hash: " + "f" * 64, text), encoding="utf-8")
    result = invoke("report", bad, "--out", tmp_path / "x.html")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert str(bad) in lines[0] and "different version of scenario 'tutorial'" in lines[0]
    assert not (tmp_path / "x.html").exists()


def test_a_corrupt_record_fails_with_one_message(tmp_path):
    bad = tmp_path / "corrupt.yaml"
    bad.write_text("scenario_id: tutorial\nseed: [unclosed\n", encoding="utf-8")
    result = invoke("report", bad)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("error: ") and "corrupt.yaml" in result.stderr


def test_report_needs_a_record_or_a_sweep(records, tmp_path):
    assert invoke("report").exit_code == 2
    both = invoke("report", records["tutorial"], "--sweep", tmp_path / "s.csv")
    assert both.exit_code == 2 and "either a game RECORD or --sweep" in both.output
