"""Broken scenario files: each is refused with one clear message per problem, at its position.

Small broken files live in tests/fixtures/bad_scenarios/ (as pygame_gui's tests keep them) and
their line:column numbers are asserted as written; huge, binary and alias-bomb files are made in
tmp_path. Every check goes through `coalition validate`, the way an author meets these errors.
"""

import random
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from game.cli import main
from game.content.scenarios import load_scenario_file
from game.content.yaml_safe import MAX_BYTES, MAX_DEPTH, MAX_EXPANDED_NODES

FIXTURES = Path(__file__).parents[1] / "fixtures" / "bad_scenarios"
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$")

# A valid two-delegation table. Norway's id is a bare `no`: YAML 1.2 keeps it a string.
BASE = """\
meta:
  id: base
  title: Two delegations
  summary: A table of two.
  setting: Oslo
  date: "2026-01-06"
rules:
  rounds: 2
  phases: [events, negotiation, scoring]
priorities:
  - id: peace
    name: Peace
    description: A lasting peace.
    target: 4
    required_leads: [no]
commitment_kinds:
  - id: money
    name: Money
    unit: billion euros
    contributes: {peace: 1}
  - id: troops
    name: Troops
    unit: thousand troops
    contributes: {peace: 2}
tracks:
  - {id: calm, name: Calm, start: 5}
delegates:
  - id: no
    name: Norway
    country: Norway
    principal: {name: Jonas Gahr Store, title: Prime Minister}
    role: head_of_government
    capacities: {money: 2}
    political_capital: 2
    public_brief: Pay for peace.
    confidential_brief: Pay a little more if Sweden sends troops.
  - id: se
    name: Sweden
    country: Sweden
    principal: {name: Ulf Kristersson, title: Prime Minister}
    role: head_of_government
    capacities: {troops: 1, money: 1}
    political_capital: 2
    public_brief: Send a few troops.
    confidential_brief: Send fewer.
    objectives:
      - id: peace_done
        description: Peace is secured and Norway paid.
        when:
          - {test: priority, priority: peace, status: [secured]}
          - test: not
            of: {test: contributed, delegate: no, kind: money, min: 1}
        points: 2
events:
  - id: storm
    title: Storm at sea
    text: A storm closes the ports.
    effects:
      - {op: adjust_track, track: calm, by: -1}
      - op: adjust_capacity
        delegate: se
        kind: troops
        by: -1
"""


def validate(*names: str | Path):
    return CliRunner().invoke(main, ["validate", *map(str, names)])


def refused(path: Path) -> list[str]:
    """Returns the problem lines for a file `coalition validate` must refuse with exit 1."""
    result = validate(path)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(str(path)) for line in lines), lines
    return lines


def located(line: str) -> tuple[int, int, str]:
    """Returns (line, column, message) of one `FILE:LINE:COL: message` problem."""
    match = LOCATED.match(line)
    assert match, f"no position in: {line}"
    return int(match["line"]), int(match["column"]), match["message"]


def only_problem(path: Path) -> tuple[int, int, str]:
    lines = refused(path)
    assert len(lines) == 1, lines
    return located(lines[0])


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Returns the 1-based line and column of the nth occurrence of needle in text."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def write(tmp_path: Path, content: str | bytes, name: str = "scenario.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def edited(*edits: tuple[str, str]) -> str:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


# --- Files that are not a scenario at all -------------------------------------------------

def test_the_base_scenario_is_valid(tmp_path):
    result = validate(write(tmp_path, BASE))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("OK ")


def test_empty_file():
    path = FIXTURES / "empty.yaml"
    assert refused(path) == [f"{path}: the file is empty; expected a YAML mapping with meta, rules, priorities, ..."]


def test_whitespace_and_comments_only():
    path = FIXTURES / "comments_only.yaml"
    [line] = refused(path)
    assert line == f"{path}: the file has only comments and blank lines; expected a YAML mapping with meta, rules, priorities, ..."


@pytest.mark.parametrize("name, kind", [("top_level_list.yaml", "a list"), ("top_level_scalar.yaml", "a single value")])
def test_top_level_must_be_a_mapping(name, kind):
    assert only_problem(FIXTURES / name) == (2, 1, f"the top level must be a mapping (meta:, rules:, ...), not {kind}")


def test_several_documents_are_refused(tmp_path):
    line, column, message = only_problem(write(tmp_path, BASE + "---\nmeta: {}\n"))
    assert (line, column) == (BASE.count("\n") + 1, 1)
    assert "expected a single document" in message


# --- YAML syntax ------------------------------------------------------------------------------

def test_unclosed_bracket_names_where_it_opened():
    line, column, message = only_problem(FIXTURES / "unclosed_bracket.yaml")
    # Noticed at the next line's ':', opened at `phases: [` on line 6.
    assert (line, column) == (7, 19)
    assert message == ("YAML syntax error: did not find expected ',' or ']' "
                       "(while parsing a flow sequence started on line 6, column 11)")


def test_bad_indentation():
    line, column, message = only_problem(FIXTURES / "bad_indentation.yaml")
    assert (line, column) == (4, 2)
    assert message.startswith("YAML syntax error: did not find expected key")
    assert message.endswith("check the indentation of this line and the one above")


def test_deeper_indentation_is_reported_on_its_line(tmp_path):
    text = "meta:\n  id: x\n    title: y\n"
    line, _, message = only_problem(write(tmp_path, text))
    assert line == 3
    assert "mapping values are not allowed" in message and "indentation" in message


def test_tab_indentation():
    assert only_problem(FIXTURES / "tab_indentation.yaml") == (
        3, 1, "YAML syntax error: a tab character is used for indentation; YAML allows only spaces")


def test_unquoted_colon_in_a_value_suggests_quotes(tmp_path):
    text = edited(("  title: Two delegations\n", "  title: Oslo: two delegations\n"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, ": two delegations")
    assert message.endswith("a value that contains ': ' must be in quotes")


def test_undefined_alias(tmp_path):
    text = edited(("  setting: Oslo\n", "  setting: *oslo\n"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "*oslo")
    assert message == "YAML syntax error: found undefined alias"


# --- Binary garbage and encodings ---------------------------------------------------------------

def test_random_bytes_are_not_a_scenario(tmp_path):
    garbage = random.Random(7).randbytes(4096)
    _, _, message = only_problem(write(tmp_path, garbage))
    assert "not a text file" in message or "not UTF-8" in message


def test_nul_bytes_are_located(tmp_path):
    raw = BASE.replace("Pay for peace.", "Pay\x00for peace.").encode()
    line, column, message = only_problem(write(tmp_path, raw))
    assert (line, column) == at(BASE, " for peace.")
    assert message == "this is not a text file (it contains NUL bytes); expected a YAML scenario"


def test_invalid_utf8_is_located_by_character(tmp_path):
    # Latin-1 "é" after a correctly encoded "ø": the column counts characters, not bytes.
    raw = BASE.replace("  setting: Oslo", "  setting: Tromsø Café").encode().replace("é".encode(), b"\xe9")
    line, column, message = only_problem(write(tmp_path, raw))
    assert (line, column) == (5, len("  setting: Tromsø Caf") + 1)
    assert message.startswith("the file is not UTF-8 text (bad byte at offset")


def test_utf16_says_how_to_fix(tmp_path):
    _, _, message = refused(write(tmp_path, BASE.encode("utf-16")))[0].partition(": ")
    assert message == "the file is UTF-16 text; save it as UTF-8"


def test_control_characters_are_located(tmp_path):
    text = edited(("  setting: Oslo", "  setting: Os\x07lo"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "\x07")
    assert message.startswith("YAML syntax error: character 0x0007 is not allowed")


def test_a_utf8_byte_order_mark_is_fine(tmp_path):
    assert validate(write(tmp_path, b"\xef\xbb\xbf" + BASE.encode())).exit_code == 0


# --- Nesting, alias bombs, size -----------------------------------------------------------------

def test_deep_flow_nesting(tmp_path):
    line, _, message = only_problem(write(tmp_path, "meta: " + "[" * 200 + "]" * 200 + "\n"))
    assert line == 1
    assert message == f"the file is nested more than {MAX_DEPTH} levels deep"


def test_very_deep_flow_nesting_stops_in_the_parser(tmp_path):
    path = write(tmp_path, "meta: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n")
    started = time.perf_counter()
    line, _, message = only_problem(path)
    assert time.perf_counter() - started < 2
    assert line == 1
    assert message.startswith("YAML syntax error: the file is nested too deeply")


def test_deep_block_nesting(tmp_path):
    text = "".join("  " * depth + f"level{depth}:\n" for depth in range(100)) + "  " * 100 + "bottom\n"
    line, column, message = only_problem(write(tmp_path, text))
    # The root mapping (line 1) is depth 0; each nested mapping one more, so line n is depth n - 1.
    assert (line, column) == (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)
    assert message == f"the file is nested more than {MAX_DEPTH} levels deep"


def test_compact_block_nesting_cannot_hide_from_the_limit(tmp_path):
    # `- - - -` nests a level every two bytes, so the size limit alone would not stop it.
    path = write(tmp_path, "meta:\n  " + "- " * 500_000 + "x\n")
    line, _, message = only_problem(path)
    assert line == 2
    assert "nested too deeply" in message


def test_nesting_within_the_limit_is_not_a_depth_problem(tmp_path):
    nested = "[" * 20 + "]" * 20
    text = edited(("  setting: Oslo\n", f"  setting: Oslo\n  design_notes: {nested}\n"))
    lines = refused(write(tmp_path, text))
    assert [located(line)[2] for line in lines] == [
        "meta.design_notes[0]: Input should be a valid string (got [[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]])"]


def billion_laughs(levels: int = 9) -> str:
    text = "lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for n in range(1, levels):
        text += f"lol{n}: &lol{n} [" + ", ".join([f"*lol{n - 1}"] * 9) + "]\n"
    return text + BASE


def test_alias_bomb_is_refused_fast(tmp_path):
    path = write(tmp_path, billion_laughs())  # 9**9 = 387 million strings if expanded
    started = time.perf_counter()
    line, column, message = only_problem(path)
    assert time.perf_counter() - started < 1
    assert message == (f"the document expands to more than {MAX_EXPANDED_NODES:,} values "
                       "(aliases that repeat aliases?); refusing to expand it")
    assert line <= 9


def test_modest_aliases_are_allowed(tmp_path):
    text = edited(("  title: Two delegations\n", "  title: &title Two delegations\n"),
                  ("  summary: A table of two.", "  summary: *title"))
    assert validate(write(tmp_path, text)).exit_code == 0


def test_recursive_alias_is_refused(tmp_path):
    text = edited(("  setting: Oslo\n", "  setting: &loop [a, *loop]\n"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "&loop")
    assert message == "an alias refers to a value that contains it (a recursive structure)"


def test_file_over_the_size_limit(tmp_path):
    padding = ("# " + "x" * 97 + "\n") * (MAX_BYTES // 100 + 1)
    path = write(tmp_path, BASE + padding)
    started = time.perf_counter()
    [line] = refused(path)
    assert time.perf_counter() - started < 1
    size = path.stat().st_size
    assert line == f"{path}: file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})"


def test_file_at_the_size_limit_loads(tmp_path):
    comment = "# padding\n"
    padding = comment * ((MAX_BYTES - len(BASE)) // len(comment))
    text = BASE + padding + "#" * (MAX_BYTES - len(BASE) - len(padding) - 1) + "\n"
    path = write(tmp_path, text)
    assert path.stat().st_size == MAX_BYTES
    assert validate(path).exit_code == 0


# --- Tags -------------------------------------------------------------------------------------

def test_python_object_tag_is_refused_at_its_position():
    assert only_problem(FIXTURES / "python_tag.yaml") == (
        4, 10, "unsupported tag '!!python/object/apply:os.system' (scenarios are plain YAML: no tags, no objects)")


@pytest.mark.parametrize("value, tag", [
    ("!!python/object/apply:os.system ['touch {marker}']", "!!python/object/apply:os.system"),
    ("!!python/object/new:subprocess.check_output [['touch', '{marker}']]", "!!python/object/new:subprocess.check_output"),
    ("!!python/name:os.system", "!!python/name:os.system"),
    ("!!python/module:os", "!!python/module:os"),
    ("!!python/tuple [1, 2]", "!!python/tuple"),
    ("!!python/str Oslo", "!!python/str"),
    ("!!binary T3Nsbw==", "!!binary"),
    ("!!set {Oslo}", "!!set"),
    ("!!timestamp 2026-01-06", "!!timestamp"),
    ("!secret Oslo", "!secret"),
])
def test_tags_are_refused_and_never_run(tmp_path, value, tag):
    marker = tmp_path / "pwned"
    value = value.replace("{marker}", str(marker))
    text = edited(("  setting: Oslo\n", f"  setting: {value}\n"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "!")
    assert message == f"unsupported tag '{tag}' (scenarios are plain YAML: no tags, no objects)"
    assert not marker.exists()


def test_merge_keys_are_refused(tmp_path):
    text = edited(("  setting: Oslo\n", "  setting: Oslo\n  <<: {title: Merged}\n"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "<<")
    assert message == "merge keys ('<<') are not supported; write the fields out"


def test_mapping_as_a_key_is_refused(tmp_path):
    text = edited(("  setting: Oslo\n", "  setting: Oslo\n  ? [a, b]\n  : c\n"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "[a, b]")
    assert message == "a mapping key must be a plain value, not a list"


# --- YAML 1.2 scalars -------------------------------------------------------------------------

def test_norway_may_be_called_no(tmp_path):
    loaded = load_scenario_file(write(tmp_path, BASE))
    scenario = loaded.scenario
    assert [d.id for d in scenario.delegates] == ["no", "se"]
    assert scenario.priorities[0].required_leads == ["no"]
    condition = scenario.delegates[1].objectives[0].when[1]
    assert condition.of.delegate == "no"


@pytest.mark.parametrize("written, value", [
    ("yes", "yes"), ("off", "off"), ("12:30", "12:30"), ("2026-01-06", "2026-01-06"), ("1_000", "1_000"),
])
def test_yaml_1_1_oddities_stay_strings(tmp_path, written, value):
    text = edited(("  setting: Oslo\n", f"  setting: {written}\n"))
    assert load_scenario_file(write(tmp_path, text)).scenario.meta.setting == value


@pytest.mark.parametrize("written, value", [("010", 10), ("0o10", 8), ("0x0A", 10), ("+3", 3)])
def test_integers_follow_yaml_1_2(tmp_path, written, value):
    text = edited(("  rounds: 2\n", f"  rounds: {written}\n"))
    assert load_scenario_file(write(tmp_path, text)).scenario.rules.rounds == value


# --- Duplicate keys -----------------------------------------------------------------------------

def test_duplicate_keys_are_reported_with_both_lines_alongside_other_errors():
    lines = refused(FIXTURES / "duplicate_keys.yaml")
    assert [located(line) for line in lines] == [
        (7, 3, "duplicate key 'title' (first defined on line 3, column 3; a key may appear only once)"),
        (21, 28, "duplicate key 'money' (first defined on line 21, column 18; a key may appear only once)"),
        (34, 1, "duplicate key 'rules' (first defined on line 8, column 1; a key may appear only once)"),
        # PyYAML keeps the last `rules:`, so its error points there, not at the first one.
        (35, 11, "rules.rounds: Input should be a valid integer, unable to parse string as an integer (got 'many')"),
    ]


# --- Schema problems ------------------------------------------------------------------------

def test_misspelt_fields_point_at_the_key():
    lines = refused(FIXTURES / "misspelt_field.yaml")
    assert [located(line) for line in lines] == [
        (3, 3, "meta.title: required field is missing"),
        (4, 3, "meta.titel: unknown field 'titel' (did you mean 'title'?)"),
        (16, 5, "priorities[0].partial: unknown field 'partial' (`coalition schema` lists the allowed fields)"),
    ]


def test_wrong_types():
    lines = refused(FIXTURES / "wrong_type.yaml")
    assert [located(line) for line in lines] == [
        (6, 12, "meta.setting: Input should be a valid string (got ['Oslo', 'Stockholm'])"),
        (34, 24, "delegates[0].political_capital: Input should be a valid integer, "
                 "unable to parse string as an integer (got 'two')"),
    ]


def test_missing_required_fields_point_at_their_mapping():
    lines = refused(FIXTURES / "missing_field.yaml")
    assert [located(line) for line in lines] == [
        (17, 5, "commitment_kinds[0].unit: required field is missing"),
        (36, 5, "delegates[1].role: required field is missing"),
    ]


def test_unknown_op_lists_the_choices():
    line, column, message = only_problem(FIXTURES / "unknown_op.yaml")
    assert (line, column) == (57, 13)
    assert message.startswith("events[0].effects[1].op: unknown op 'explode' (expected one of: adjust_track, set_flag,")
    assert message.endswith("revoke_approval, suspend_commitments, resume_commitments, cancel_commitments, "
                            "renew_commitments, message)")


def test_unknown_test_lists_the_choices(tmp_path):
    text = edited(("{test: priority, priority: peace", "{test: prioritty, priority: peace"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "prioritty")
    assert message.startswith("delegates[1].objectives[0].when[0].test: unknown test 'prioritty' (expected one of: round,")


def test_missing_op(tmp_path):
    text = edited(("{op: adjust_track, track: calm, by: -1}", "{track: calm, by: -1}"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "{track: calm")
    assert message == "events[0].effects[0]: the 'op' field is missing: it says what this entry is"


def test_invalid_id_explains_the_rule(tmp_path):
    text = edited(("  - id: se\n", "  - id: Sweden\n"), ("delegate: se", "delegate: no"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "Sweden\n")
    assert message == ("delegates[1].id: not a valid id: lowercase letters, digits, '_' and '-', "
                       "starting with a letter, at most 48 characters (got 'Sweden')")


# --- Cross-references -------------------------------------------------------------------------

def test_unknown_references_are_all_reported():
    lines = refused(FIXTURES / "unknown_references.yaml")
    assert [located(line) for line in lines] == [
        (33, 28, "delegates[0].capacities.gold: unknown commitment kind 'gold' (expected one of: money, troops)"),
        (49, 43, "delegates[1].objectives[0].when[0].priority: unknown priority 'war' (expected one of: peace)"),
        (56, 35, "events[0].effects[0].track: unknown track 'clam' (expected one of: calm)"),
        (58, 19, "events[0].effects[1].delegate: unknown delegate 'dk' (expected one of: no, se)"),
        (59, 15, "events[0].effects[1].kind: unknown commitment kind 'tanks' (expected one of: money, troops)"),
    ]


def test_duplicate_ids():
    lines = refused(FIXTURES / "duplicate_ids.yaml")
    assert [located(line) for line in lines] == [
        (21, 9, "commitment_kinds[1].id: duplicate commitment kind id 'money' (already used by commitment_kinds[0])"),
        (37, 9, "delegates[1].id: duplicate delegate id 'no' (already used by delegates[0])"),
    ]


def test_unknown_reference_inside_a_nested_condition(tmp_path):
    text = edited(("of: {test: contributed, delegate: no, kind: money", "of: {test: contributed, delegate: dk, kind: money"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "dk,")
    assert message == "delegates[1].objectives[0].when[1].of.delegate: unknown delegate 'dk' (expected one of: no, se)"


def test_unknown_delegate_in_a_priority_list(tmp_path):
    text = edited(("required_leads: [no]", "required_leads: [no, dk]"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "dk]")
    assert message == "priorities[0].required_leads[1]: unknown delegate 'dk' (expected one of: no, se)"


# --- Everything at once -----------------------------------------------------------------------

def test_several_problems_are_all_reported_in_one_run_in_file_order():
    lines = refused(FIXTURES / "several_problems.yaml")
    problems = [located(line) for line in lines]
    assert [(line, column) for line, column, _ in problems] == [
        (8, 3), (10, 11), (13, 5), (14, 5), (22, 5), (57, 13)]
    messages = [message for _, _, message in problems]
    assert messages[0].startswith("duplicate key 'date' (first defined on line 7")
    assert messages[1].startswith("rules.rounds: Input should be a valid integer")
    assert messages[2] == "priorities[0].name: required field is missing"
    assert messages[3] == "priorities[0].nme: unknown field 'nme' (did you mean 'name'?)"
    assert messages[4] == "commitment_kinds[1].unit: required field is missing"
    assert messages[5].startswith("events[0].effects[1].op: unknown op 'explode'")


def test_every_file_is_checked_even_after_a_bad_one(tmp_path):
    good = write(tmp_path, BASE, "good.yaml")
    result = validate(FIXTURES / "empty.yaml", good, FIXTURES / "tab_indentation.yaml")
    assert result.exit_code == 1
    assert result.stdout == f"OK {good}: base (2 delegations, 1 priorities, 1 events)\n"
    assert len(result.stderr.splitlines()) == 2


# --- Positions inside flow mappings and discriminated unions ----------------------------------

@pytest.mark.parametrize("old, new, needle, message", [
    ("{id: calm, name: Calm, start: 5}", "{id: calm, name: Calm, start: high}", "high",
     "tracks[0].start: Input should be a valid number, unable to parse string as a number (got 'high')"),
    ("{id: calm, name: Calm, start: 5}", "{id: calm, nme: Calm, name: Calm, start: 5}", "nme",
     "tracks[0].nme: unknown field 'nme' (`coalition schema` lists the allowed fields)"),
    ("{id: calm, name: Calm, start: 5}", "{id: calm, start: 5}", "{id: calm",
     "tracks[0].name: required field is missing"),
    ("capacities: {money: 2}", "capacities: {money: lots}", "lots",
     "delegates[0].capacities.money: Input should be a valid integer, unable to parse string as an integer (got 'lots')"),
    ("capacities: {money: 2}", "capacities: {Money: 2}", "Money: 2",
     "delegates[0].capacities.Money: not a valid id: lowercase letters, digits, '_' and '-', "
     "starting with a letter, at most 48 characters (got 'Money')"),
    ("principal: {name: Jonas Gahr Store, title: Prime Minister}", "principal: {name: Jonas Gahr Store}",
     "{name: Jonas", "delegates[0].principal.title: required field is missing"),
])
def test_positions_inside_flow_mappings(tmp_path, old, new, needle, message):
    text = edited((old, new))
    assert only_problem(write(tmp_path, text)) == (*at(text, needle), message)


@pytest.mark.parametrize("old, new, needle, message", [
    # Effects: block style, then flow style.
    ("        by: -1\n", "        by: lots\n", "lots",
     "events[0].effects[1].by: Input should be a valid integer, unable to parse string as an integer (got 'lots')"),
    ("        kind: troops\n", "        kind: troops\n        knd: x\n", "knd",
     "events[0].effects[1].knd: unknown field 'knd' (`coalition schema` lists the allowed fields)"),
    ("{op: adjust_track, track: calm, by: -1}", "{op: adjust_track, track: calm, by: much}", "much",
     "events[0].effects[0].by: Input should be a valid number, unable to parse string as a number (got 'much')"),
    ("{op: adjust_track, track: calm, by: -1}", "{op: adjust_track, track: calm}", "{op: adjust_track",
     "events[0].effects[0].by: required field is missing"),
    # Conditions whose tag is also a field name (`test: priority` has a `priority` field).
    ("status: [secured]", "status: [won]", "won",
     "delegates[1].objectives[0].when[0].status[0]: Input should be 'secured', 'partial' or 'failed' (got 'won')"),
    ("{test: priority, priority: peace,", "{test: priority, priority: 5,", "5, status",
     "delegates[1].objectives[0].when[0].priority: Input should be a valid string (got 5)"),
    # A condition nested in `not`.
    ("kind: money, min: 1}", "kind: money, min: some}", "some",
     "delegates[1].objectives[0].when[1].of.min: Input should be a valid number, unable to parse string as a number (got 'some')"),
])
def test_positions_inside_discriminated_unions(tmp_path, old, new, needle, message):
    text = edited((old, new))
    assert only_problem(write(tmp_path, text)) == (*at(text, needle), message)


# --- The command line -------------------------------------------------------------------------

def test_nonexistent_path_is_one_clear_line(tmp_path):
    missing = tmp_path / "nowhere.yaml"
    result = validate(missing)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: unknown scenario '{missing}': not a file, and not a bundled scenario id")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output


def test_unknown_bundled_id_lists_the_known_ones():
    result = validate("atlantis-1949")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("error: unknown scenario 'atlantis-1949'")
    assert "tutorial" in line.partition("(bundled: ")[2]


def test_a_directory_is_not_a_scenario(tmp_path):
    result = validate(tmp_path)
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1


def test_no_arguments_is_a_usage_error():
    result = validate()
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr
