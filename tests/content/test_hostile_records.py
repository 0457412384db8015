"""Hostile and unlucky game records: each is refused with one clear message, exit 1, no traceback.

Every case goes through the command line (`coalition replay` or `report`), the way a player
meets it; records are a real tutorial game, saved and then edited. Huge files are sparse
(`truncate`), so the tests are fast and use no disk.
"""

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from game.cli import main
from game.content.data_dirs import scenarios_dir
from game.content.records import RECORD, load_game, save_record
from game.content.scenarios import load_scenario
from game.errors import RecordError
from game.model.record import RECORD_FORMAT
from game.sim.playthrough import play


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> dict[str, str]:
    """Returns the text of one tutorial game saved as YAML and as JSON."""
    loaded = load_scenario("tutorial")
    game = play(loaded.scenario, 3, content_hash=loaded.content_hash)
    folder = tmp_path_factory.mktemp("saved")
    return {suffix: save_record(game, folder / f"game{suffix}").read_text(encoding="utf-8")
            for suffix in (".yaml", ".json")}


def cli(*args) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def refused(*args) -> str:
    """Runs a command that must refuse its input; returns its one line of error."""
    result = cli(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    return lines[0].removeprefix("error: ")


def write(tmp_path: Path, text: str | bytes, name: str = "game.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def at(text: str, needle: str) -> str:
    """Returns LINE:COL of the first occurrence of needle."""
    index = text.index(needle)
    return f"{text.count(chr(10), 0, index) + 1}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


# --- Files are size-checked before they are read -----------------------------------------------

@pytest.mark.parametrize("name", ["huge.yaml", "huge.json"])
def test_a_1_gib_record_is_refused_without_being_read(tmp_path, name):
    path = tmp_path / name
    os.truncate(os.open(path, os.O_CREAT | os.O_WRONLY), 2**30)  # sparse: no disk, no memory
    assert refused("replay", path) == (f"{path}: file is too large (1,073,741,824 bytes; "
                                       f"the limit is {RECORD.max_bytes:,})")


def test_a_1_gib_scenario_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.yaml"
    os.truncate(os.open(path, os.O_CREAT | os.O_WRONLY), 2**30)
    result = cli("validate", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"{path}: file is too large (1,073,741,824 bytes; the limit is 2,097,152)\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_not_a_record():
    assert refused("replay", "/dev/zero") == (
        "/dev/zero: this is not a regular file (a directory, device or pipe); expected a text file")


# --- Integers of any length --------------------------------------------------------------------

@pytest.mark.parametrize("suffix, old", [(".yaml", "seed: 3\n"), (".json", '"seed": 3,')])
def test_a_5000_digit_seed_gets_a_positioned_message(saved, tmp_path, suffix, old):
    text = edited(saved[suffix], old, old.replace("3", "7" * 5000))
    path = write(tmp_path, text, "game" + suffix)
    assert refused("replay", path) == (
        f"{path}:{at(text, '7777')}: seed: a whole number of 5,000 digits is far outside every field's "
        "range (numbers longer than 4,300 digits are not read)")


def test_a_long_hexadecimal_number_in_an_action_is_refused(saved, tmp_path):
    text = edited(saved[".yaml"], "amount: 2", "amount: 0x" + "f" * 5000)
    path = write(tmp_path, text)
    assert re.match(rf"{re.escape(str(path))}:{at(text, '0xfff')}: actions\[\d+\]\.items\[0\]\.amount: "
                    "a whole number of 5,000 digits", refused("replay", path))


def test_the_table_load_path_refuses_a_long_integer_with_a_record_error(saved, tmp_path):
    path = write(tmp_path, re.sub(r"^decisions: .*$", "decisions: " + "9" * 4400, saved[".yaml"], flags=re.M))
    with pytest.raises(RecordError, match=r"decisions: a whole number of 4,400 digits"):
        load_game(path)


# --- Record fields: typed, bounded and required --------------------------------------------------

def without(text: str, field: str) -> str:
    return re.sub(rf"^{field}: .*\n", "", text, flags=re.M)


def test_a_record_without_its_log_digest_is_refused(saved, tmp_path):
    path = write(tmp_path, without(saved[".yaml"], "log_digest"))
    assert refused("replay", path) == f"{path}:2:1: log_digest: required field is missing"


@pytest.mark.parametrize("field, value, message", [
    ("log_digest", '""', "'' is not a log digest (32 lowercase hexadecimal digits)"),
    ("log_digest", "XYZ", "'XYZ' is not a log digest (32 lowercase hexadecimal digits)"),
    ("seed", str(2**64), "must be at most 18,446,744,073,709,551,615 (got 18,446,744,073,709,551,616)"),
    ("seed", "-1", "must be at least 0 (got -1)"),
    ("seed", '"3"', "Input should be a valid integer (got '3')"),
    ("seed", "true", "Input should be a valid integer (got True)"),
    ("rng_state", str(2**64 + 5), "must be at most 18,446,744,073,709,551,615 (got 18,446,744,073,709,551,621)"),
    ("rng_state", "1.5", "Input should be a valid integer (got 1.5)"),
    ("decisions", "-3", "must be at least 0 (got -3)"),
    ("decisions", "many", "Input should be a valid integer (got 'many')"),
    ("format", "0", "must be at least 1 (got 0)"),
    ("format", "one", "Input should be a valid integer (got 'one')"),
    ("scenario_hash", "abc", "'abc' is not a scenario content hash (64 lowercase hexadecimal digits)"),
])
def test_record_fields_are_typed_and_bounded(saved, tmp_path, field, value, message):
    text = re.sub(rf"^{field}: .*$", f"{field}: {value}", saved[".yaml"], count=1, flags=re.M)
    path = write(tmp_path, text)
    line = at(text, f"\n{field}: {value}\n").split(":")[0]
    assert refused("replay", path) == f"{path}:{int(line) + 1}:{len(field) + 3}: {field}: {message}"


def test_a_record_from_a_newer_program_says_so(saved, tmp_path):
    # A newer format may have fields this version does not know: the format is judged first.
    text = edited(saved[".yaml"], f"format: {RECORD_FORMAT}", f"format: {RECORD_FORMAT + 1}\nclock: 12")
    path = write(tmp_path, text)
    assert refused("replay", path) == (
        f"{path}:2:9: format: this record was written by a newer Coalition Table "
        f"(format {RECORD_FORMAT + 1}; this version reads up to {RECORD_FORMAT})")


def controllers(text: str, block: str) -> str:
    start, end = text.index("controllers:\n"), text.index("decisions:")
    return text[:start] + "controllers:\n" + block + text[end:]


def test_a_controller_must_be_human_or_a_bot_personality(saved, tmp_path):
    text = controllers(saved[".yaml"], "  fr: skynet\n")
    path = write(tmp_path, text)
    assert refused("replay", path) == (
        f"{path}:{at(text, 'skynet')}: controllers.fr: 'skynet' is neither 'human' nor a bot personality "
        "(random, cautious, cooperative, negotiator)")


def test_a_controller_for_a_seat_the_scenario_lacks_is_refused(saved, tmp_path):
    text = controllers(saved[".yaml"], "  fr: human\n  zz: cautious\n")
    path = write(tmp_path, text)
    assert refused("replay", path) == (
        f"{path}:{at(text, 'zz:')}: controllers.zz: no delegation 'zz' in scenario 'tutorial' "
        "(seats: fr, uk, de, us)")


def test_duplicate_keys_in_a_record_are_refused(saved, tmp_path):
    text = edited(saved[".yaml"], "seed: 3\n", "seed: 3\nseed: 4\n")
    path = write(tmp_path, text)
    assert refused("replay", path) == (f"{path}:{at(text, 'seed: 4')}: duplicate key 'seed' (first defined on "
                                       f"line {at(text, 'seed: 3').split(':')[0]}, column 1; a key may appear only once)")


def test_a_changed_action_with_the_digest_intact_is_caught(saved, tmp_path):
    path = write(tmp_path, edited(saved[".yaml"], "amount: 2", "amount: 1"))
    assert "replaying the record gives a different log" in refused("replay", path)


# --- The scenario id is an id, never a path --------------------------------------------------------

@pytest.mark.parametrize("scenario_id", [
    "../scenarios/tutorial.yaml", "/etc/passwd", "tutorial.yaml", str(scenarios_dir() / "tutorial.yaml"), "..",
])
def test_a_scenario_id_that_is_a_path_is_refused(saved, tmp_path, scenario_id):
    text = edited(saved[".yaml"], "scenario_id: tutorial", f"scenario_id: '{scenario_id}'")
    path = write(tmp_path, text)
    assert refused("replay", path) == (
        f"{path}:{at(text, repr(scenario_id))}: scenario_id: {scenario_id!r} is not a scenario id: a record "
        "names its bundled scenario by id (like 'paris-2026'), never by a file or path")


def test_a_scenario_id_is_looked_up_only_among_the_bundled_ones(saved, tmp_path, monkeypatch):
    # A file named like the id in the working folder is never opened.
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "not even a scenario", "atlantis")
    write(tmp_path, "not even a scenario", "atlantis.yaml")
    path = write(tmp_path, edited(saved[".yaml"], "scenario_id: tutorial", "scenario_id: atlantis"))
    assert refused("replay", path) == (
        f"{path}: this record is a game of scenario 'atlantis', which is not bundled with this version "
        "(bundled: cop21-2015, paris-2026, tutorial); give the scenario's file with --scenario FILE")


def test_a_record_of_another_scenario_says_so_plainly(saved, tmp_path):
    path = write(tmp_path, saved[".yaml"])
    assert refused("replay", path, "--scenario", "paris-2026") == (
        f"{path}: this record is a game of scenario 'tutorial', not 'paris-2026'")


# --- Files that are not records, and JSON called JSON -------------------------------------------

def test_a_json_syntax_error_is_called_json(saved, tmp_path):
    text = edited(saved[".json"], '"seed": 3,', '"seed": 3')
    path = write(tmp_path, text, "game.json")
    where = at(text, '"actions"')
    assert refused("replay", path) == f"{path}:{where}: JSON syntax error: Expecting ',' delimiter"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_that_python_writes_but_json_lacks_is_refused(saved, tmp_path, constant):
    text = edited(saved[".json"], '"seed": 3', f'"seed": {constant}')
    path = write(tmp_path, text, "game.json")
    assert refused("replay", path) == (f"{path}:{at(text, constant)}: JSON syntax error: "
                                       f"{constant} is not a JSON value")


def test_json_with_tabs_and_escaped_astral_characters_loads(saved, tmp_path):
    # json.dumps writes an emoji as a surrogate pair, which YAML alone cannot read.
    data = json.loads(saved[".json"])
    text = json.dumps(data, indent="\t")
    path = write(tmp_path, edited(text, f'"format": {RECORD_FORMAT},', f'"format": {RECORD_FORMAT},\t'), "game.json")
    assert load_game(path).decisions == data["decisions"]
    data["scenario_id"] = "tutorial\U0001F600"
    path = write(tmp_path, json.dumps(data), "emoji.json")
    assert "'tutorial\U0001F600' is not a scenario id" in refused("replay", path)


@pytest.mark.parametrize("content, reason", [
    (b"", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "this is not a text file (it contains NUL bytes)"),
    (b"\xff\xfeu\x00", "the file is UTF-16 text; save it as UTF-8"),
    (b"# only a comment\n", "the file has only comments and blank lines"),
    (b"- just\n- a list\n", "the top level must be a mapping (format:, scenario_id:, ...), not a list"),
    (b"a,b,c\n1,2,3\n", "the top level must be a mapping (format:, scenario_id:, ...), not a single value"),
    (b"name: Ada\nage: 36\n", "it has none of a record's fields (format, scenario_id, scenario_hash, seed, actions, ...)"),
])
def test_report_on_something_that_is_not_a_record_says_so(tmp_path, content, reason):
    path = write(tmp_path, content, "thing.txt")
    assert refused("report", path, "--out", tmp_path / "r.html") == (
        f"{path} is not a Coalition Table game record: {reason}")
    assert not (tmp_path / "r.html").exists()


def test_report_on_a_scenario_file_says_it_is_a_scenario(tmp_path):
    path = scenarios_dir() / "tutorial.yaml"
    assert refused("report", path, "--out", tmp_path / "r.html") == (
        f"{path} is not a Coalition Table game record: it has none of a record's fields (format, scenario_id, "
        "scenario_hash, seed, actions, ...) (it looks like a scenario: play it with `coalition run`)")


# --- Malformed actions in plain words ------------------------------------------------------------

@pytest.mark.parametrize("action, needle, message", [
    ("{kind: pledge, seat: fr, kind_id: troops, amount: x, priority: force}", "x,",
     "a 'pledge' needs 'amount' to be a whole number (got 'x')"),
    ("{kind: pledge, seat: fr}", "{kind: pledge", "a 'pledge' needs 'kind_id', 'amount' and 'priority'"),
    ("{kind: dance, seat: fr}", "dance", "unknown kind 'dance' (expected one of: pledge, propose, accept, "
     "reject, counter, withdraw, renew, sign, seek_approval, pass, inject_event, adjust_track, pause, resume, "
     "end_phase, set_controller, announce)"),
    ("{seat: fr}", "{seat: fr}", "the action has no 'kind' (expected one of: pledge, propose, accept, "
     "reject, counter, withdraw, renew, sign, seek_approval, pass, inject_event, adjust_track, pause, resume, "
     "end_phase, set_controller, announce)"),
    ("pass", "pass\n", "expected a mapping with 'kind', 'seat', ... (got 'pass')"),
    ("{kind: propose, seat: fr, to: uk, items: []}", "uk,", "a 'propose' needs 'to' to be a list (got 'uk')"),
    ("{kind: accept, seat: [fr], offer: 1}", "[fr]", "an 'accept' needs 'seat' to be text (got ['fr'])"),
    ("{kind: pledge, seat: fr, kind_id: troops, amount: 1, priority: force, condition: {test: nope}}",
     "nope", "'condition' has an unknown test 'nope'"),
    ("{kind: reject, seat: fr, offer: 1, why: spite}", "why", "a 'reject' has no field 'why'"),
])
def test_a_malformed_action_is_described_in_plain_words(saved, tmp_path, action, needle, message):
    text = edited(saved[".yaml"], "actions:\n", f"actions:\n- {{kind: pause}}\n- {action}\n")
    path = write(tmp_path, text)
    line = refused("replay", path)
    assert line == f"{path}:{at(text, needle)}: action 2: {message}"
    assert "tagged-union" not in line and "validation error" not in line


# --- Output only into folders that exist -----------------------------------------------------------

def test_report_out_into_a_missing_folder_is_refused(saved, tmp_path):
    record = write(tmp_path, saved[".yaml"])
    out = tmp_path / "typo" / "review.html"
    assert refused("report", record, "--out", out) == (
        f"--out {out}: the folder '{out.parent}' does not exist (create it first, or choose another place)")
    assert not out.parent.exists()


def test_deeply_nested_json_is_refused(tmp_path):
    path = write(tmp_path, '{"actions": ' + "[" * 100_000 + "]" * 100_000 + "}", "deep.json")
    assert refused("replay", path) == f"{path}: the file is nested too deeply"


def test_a_missing_record_is_one_line(tmp_path):
    path = tmp_path / "nowhere.yaml"
    assert refused("replay", path) == f"{path}: cannot read the file: No such file or directory"


def test_a_game_whose_seed_no_record_can_hold_cannot_even_start():
    from game.engine import SetupError

    loaded = load_scenario("tutorial")
    with pytest.raises(SetupError, match=r"a seed is a whole number from 0 to 2\*\*64 - 1"):
        play(loaded.scenario, 2**64, content_hash=loaded.content_hash)


def test_the_cli_refuses_seeds_beyond_64_bits():
    from click.testing import CliRunner

    from game.cli import main

    for args in (["run", "tutorial", "--seed", str(2**64)], ["run", "tutorial", "--seed", "-1"],
                 ["sweep", "tutorial", "--seeds", "2", "--first-seed", str(2**64 - 1)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and "Traceback" not in result.output, args
