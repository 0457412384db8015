"""A game on a scenario file (not bundled) works everywhere a bundled one does: its record and journal
carry the scenario's text, checked against the hash when loaded; no path named inside is ever read."""

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from game.cli import main
from game.content.journal import JournalWriter, read_journal
from game.content.records import load_game, save_record
from game.content.scenarios import load_scenario
from game.engine import Game
from game.errors import RecordError
from game.sim.playthrough import play

ROOT = Path(__file__).resolve().parents[2]


def file_scenario(folder: Path, scenario_id: str = "my-talks") -> Path:
    """Writes a copy of the tutorial with another id and title: a scenario that is not bundled."""
    text = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
    text = text.replace("  id: tutorial\n", f"  id: {scenario_id}\n", 1)
    text = re.sub(r'  title: "[^"]*"', '  title: "Talks of our own"', text, count=1)
    path = folder / f"{scenario_id}.yaml"
    path.write_text("# written for a test: not bundled\n" + text, encoding="utf-8")
    return path


@pytest.fixture
def saved(tmp_path):
    """A bot game on a scenario file, saved as YAML and JSON in another folder; the file is then deleted."""
    source = tmp_path / "authoring"
    source.mkdir()
    path = file_scenario(source)
    loaded = load_scenario(path)
    game = play(loaded.scenario, 3, content_hash=loaded.content_hash)
    records = tmp_path / "records"
    out = {suffix: save_record(game, records / f"game{suffix}") for suffix in (".yaml", ".json")}
    path.unlink()  # the record must not need it
    return game, out


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_file_scenario_record_carries_its_text_and_replays_without_the_file(saved, suffix):
    game, paths = saved
    text = paths[suffix].read_text(encoding="utf-8")
    data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    assert data["scenario_text"].startswith("# written for a test: not bundled\n"), "the file's own text"
    loaded = load_game(paths[suffix])
    assert loaded.scenario.meta.id == "my-talks" and loaded.record() == game.record()
    assert loaded.result() == game.result()


def test_a_bundled_game_carries_no_scenario(tmp_path):
    loaded = load_scenario("tutorial")
    game = play(loaded.scenario, 3, content_hash=loaded.content_hash)
    text = save_record(game, tmp_path / "game.yaml").read_text(encoding="utf-8")
    assert "scenario_text" not in text
    assert yaml.safe_load(text) == game.record().model_dump(mode="json")


def test_a_changed_copy_of_a_bundled_scenario_carries_its_text(tmp_path):
    path = file_scenario(tmp_path, "tutorial")  # the bundled id, other content (its title)
    loaded = load_scenario(path)
    game = play(loaded.scenario, 2, content_hash=loaded.content_hash)
    record = save_record(game, tmp_path / "game.yaml")
    assert "scenario_text: |" in record.read_text(encoding="utf-8")
    assert load_game(record).scenario.meta.title == "Talks of our own"


def test_a_scenario_built_in_memory_is_written_out_and_validates_back(tmp_path):
    base = load_scenario("tutorial").scenario
    scenario = base.model_copy(update={"meta": base.meta.model_copy(update={"id": "built-here"})})
    game = play(scenario, 4)
    record = save_record(game, tmp_path / "game.yaml")
    carried = yaml.safe_load(record.read_text(encoding="utf-8"))["scenario_text"]
    assert "id: built-here" in carried
    assert load_game(record).result() == game.result()


def test_an_edited_scenario_text_is_refused_with_one_clear_message(saved):
    _, paths = saved
    record = paths[".yaml"]
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"(\n      target: )\d+", r"\g<1>99", text, count=1), encoding="utf-8")
    with pytest.raises(RecordError, match=r"does not match its scenario_hash.*edited after the game was saved"):
        load_game(record)
    result = invoke("replay", record)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"error: {record}: the scenario this file carries")
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_invalid_scenario_text_is_placed_at_its_line_in_the_record(saved):
    _, paths = saved
    record = paths[".yaml"]
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("      target: "))
    lines[number - 1] = "      target: -4\n"
    record.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(RecordError) as err:
        load_game(record)
    assert f"{record}:{number}:15: priorities[0].target:" in str(err.value)


def test_a_carried_scenario_of_another_id_is_refused(saved):
    _, paths = saved
    record = paths[".json"]
    data = json.loads(record.read_text(encoding="utf-8"))
    data["scenario_text"] = data["scenario_text"].replace("id: my-talks", "id: other-talks", 1)
    record.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecordError, match="carries is 'other-talks'.*scenario 'my-talks'"):
        load_game(record)


def test_an_explicit_scenario_still_wins(saved, tmp_path):
    _, paths = saved
    other = file_scenario(tmp_path, "my-talks")
    other.write_text(other.read_text(encoding="utf-8").replace("Talks of our own", "Renamed"), encoding="utf-8")
    with pytest.raises(RecordError, match="different version of scenario 'my-talks'"):
        load_game(paths[".yaml"], other)


def test_report_and_replay_need_no_scenario(saved, tmp_path):
    game, paths = saved
    out = tmp_path / "review.html"
    result = invoke("report", paths[".yaml"], "--out", out)
    assert result.exit_code == 0, result.output
    assert "<title>After-action review: Talks of our own" in out.read_text(encoding="utf-8")
    replayed = invoke("replay", paths[".json"], "--json")
    assert replayed.exit_code == 0 and json.loads(replayed.stdout) == game.result()


def test_a_fork_of_a_file_scenario_record_carries_it_too(saved, tmp_path):
    _, paths = saved
    result = invoke("fork", paths[".yaml"], "--at", 5, "--out", tmp_path / "fork.yaml")
    assert result.exit_code == 0, result.output
    assert "scenario_text: |" in (tmp_path / "fork.yaml").read_text(encoding="utf-8")
    assert load_game(tmp_path / "fork.yaml").scenario.meta.id == "my-talks"


def test_a_journal_of_a_file_scenario_carries_it_and_replays(tmp_path):
    path = file_scenario(tmp_path)
    loaded = load_scenario(path)
    game = play(loaded.scenario, 6, content_hash=loaded.content_hash)
    journal = tmp_path / "game.jsonl"
    writer = JournalWriter.create(journal, Game.new(loaded.scenario, 6, content_hash=loaded.content_hash,
                                                    controllers=game.record().controllers))
    for action in game.actions:
        writer.action(action)
    writer.close()
    path.unlink()
    header = json.loads(journal.read_text(encoding="utf-8").splitlines()[0])
    assert header["scenario_text"].startswith("# written for a test")
    assert read_journal(journal).record == game.record()
    assert invoke("replay", journal).exit_code == 0
    assert invoke("report", journal, "--out", tmp_path / "j.html").exit_code == 0


def test_an_edited_journal_scenario_is_refused(tmp_path):
    path = file_scenario(tmp_path)
    loaded = load_scenario(path)
    journal = tmp_path / "game.jsonl"
    JournalWriter.create(journal, Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)).close()
    header = json.loads(journal.read_text(encoding="utf-8"))
    header["scenario_text"] = header["scenario_text"].replace("  rounds: 3\n", "  rounds: 4\n")
    journal.write_text(json.dumps(header) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=rf"{re.escape(str(journal))}:1: the scenario this file carries"):
        read_journal(journal)
    header["scenario_text"] = 7
    journal.write_text(json.dumps(header) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match="lacks a valid scenario_text"):
        read_journal(journal)
    header["scenario_text"] = "\ud800"  # a lone surrogate: valid JSON, not text
    journal.write_text(json.dumps(header) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match="is not valid text"):
        read_journal(journal)


def test_a_journal_never_reads_a_path_named_in_its_header(tmp_path):
    path = file_scenario(tmp_path)
    loaded = load_scenario(path)
    journal = tmp_path / "game.jsonl"
    JournalWriter.create(journal, Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)).close()
    header = json.loads(journal.read_text(encoding="utf-8"))
    del header["scenario_text"]
    header["scenario_id"] = str(path)  # an id that names an existing file
    journal.write_text(json.dumps(header) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match="not bundled with this version.*--scenario FILE"):
        read_journal(journal)
    assert read_journal(journal, path).game.scenario.meta.id == "my-talks"
