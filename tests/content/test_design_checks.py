"""Design-mistake warnings: each crafted file makes `coalition validate` warn at the right line.

Every case starts from a clean two-delegation table (no warnings) and changes one thing. The
expected line is the line of a marker in the file, so a warning placed on the wrong node fails.
"""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from game.cli import main

SCENARIOS = Path(__file__).parents[2] / "scenarios"
WARNING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<label>warning|error): (?P<message>.*)$")

BASE = """\
meta:
  id: design
  title: Design checks
  summary: A clean table of two.
  setting: Oslo
  date: "2026-01-06"
rules:
  rounds: 3
  phases: [events, negotiation, scoring]
priorities:
  - id: peace
    name: Peace
    description: A lasting peace.
    target: 6
    required_leads: [no]
    required_signatories: [se]
    min_signatories: 2
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
  - {id: calm, name: Calm, min: 0, max: 10, start: 5}
flags:
  - {id: deal, name: Deal reached}
delegates:
  - id: no
    name: Norway
    country: Norway
    principal: {name: Jonas Gahr Store, title: Prime Minister}
    role: head_of_government
    capacities: {money: 2, troops: 1}
    political_capital: 2
    public_brief: Pay for peace.
    confidential_brief: Pay.
  - id: se
    name: Sweden
    country: Sweden
    principal: {name: Ulf Kristersson, title: Prime Minister}
    role: head_of_government
    capacities: {troops: 1}
    political_capital: 2
    red_lines: {kinds: [money]}
    public_brief: Send troops.
    confidential_brief: Send.
events:
  - id: storm
    title: A storm
    text: Ships stay in port.
    when: [{test: round, min: 2}]
    effects:
      - {op: adjust_track, track: calm, by: -1}
      - {op: set_flag, flag: deal}
  - id: thaw
    title: A thaw
    text: Talks warm up.
    when: [{test: flag, flag: deal}]
    effects:
      - {op: adjust_track, track: calm, by: 1}
"""


def validate(tmp_path: Path, text: str, *flags: str):
    path = tmp_path / "design.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), *flags])
    found = [m.groupdict() for m in map(WARNING.match, result.stderr.splitlines()) if m]
    return result, found


def edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, marker: str) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(lines) == 1, marker
    return lines[0]


def test_the_clean_table_has_no_warnings(tmp_path):
    result, found = validate(tmp_path, BASE)
    assert result.exit_code == 0 and found == [], result.stderr
    assert result.stdout.startswith("OK ") and "warning" not in result.stdout


CASES = {
    "red_lined_kind_with_capacity": (
        edit("capacities: {troops: 1}\n", "capacities: {troops: 1, money: 3}  # MARK\n"),
        "has 3 units of 'money' but red-lines the kind"),
    "required_lead_cannot_contribute": (
        edit("required_leads: [no]", "required_leads:\n      - no\n      - se  # MARK").replace(
            "capacities: {troops: 1}", "capacities: {}"),
        "required lead 'se' can never contribute to 'peace'"),
    "required_signatory_red_lines_the_priority": (
        edit("required_signatories: [se]", "required_signatories:\n      - se  # MARK").replace(
            "red_lines: {kinds: [money]}", "red_lines: {kinds: [money], priorities: [peace]}"),
        "required signatory 'se' never signs 'peace'"),
    "more_signatures_than_may_sign": (
        edit("min_signatories: 2", "min_signatories: 3  # MARK"),
        "needs 3 signatures but only 2 delegations may sign it"),
    "event_after_the_last_round": (
        edit("when: [{test: round, min: 2}]", "when: [{test: round, min: 4}]  # MARK"),
        "round >= 4 never comes: the game has rounds 1 to 3"),
    "track_range_outside_its_bounds": (
        edit("when: [{test: round, min: 2}]", "when: [{test: track, track: calm, min: 11}]  # MARK"),
        "track 'calm' >= 11 is outside its bounds [0, 10]"),
    "flag_no_event_sets": (
        edit("      - {op: set_flag, flag: deal}\n", "").replace(
            "when: [{test: flag, flag: deal}]", "when: [{test: flag, flag: deal}]  # MARK"),
        "flag 'deal' is never true: it starts false and no event that can be drawn sets it true"),
    "contradictory_ranges": (
        edit("    when: [{test: round, min: 2}]\n",
             "    when:  # MARK\n      - {test: round, min: 3}\n      - {test: round, max: 2}\n"),
        "its conditions on round cannot hold together (>= 3 and <= 2)"),
    "deck_never_drawn": (
        edit("phases: [events, negotiation, scoring]", "phases: [negotiation, scoring]  # MARK"),
        "the deck is never drawn"),
    "target_beyond_all_capacity": (
        edit("target: 6", "target: 40  # MARK"),
        "every delegation's whole capacity together adds at most 6 (target 40)"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_design_mistake_warns_at_its_line(tmp_path, case):
    text, message = CASES[case]
    result, found = validate(tmp_path, text)
    assert result.exit_code == 0, result.stderr
    hits = [w for w in found if message in w["message"]]
    assert hits, f"no warning containing {message!r} in:\n{result.stderr}"
    assert int(hits[0]["line"]) == line_of(text, "# MARK"), result.stderr
    assert hits[0]["label"] == "warning" and hits[0]["file"].endswith("design.yaml")
    assert "1 warning" in result.stdout or "warnings" in result.stdout


def test_an_event_waiting_on_a_dead_event_is_dead_too(tmp_path):
    text = edit("when: [{test: round, min: 2}]", "when: [{test: round, min: 9}]")
    text = edit("when: [{test: flag, flag: deal}]",
                "when: [{test: event_fired, event: storm}]  # MARK", text)
    result, found = validate(tmp_path, text)
    hits = [w for w in found if "event 'thaw' can never be drawn: event 'storm' can never be drawn" in w["message"]]
    assert hits and int(hits[0]["line"]) == line_of(text, "# MARK"), result.stderr


def test_events_that_raise_capacity_or_set_flags_prevent_false_warnings(tmp_path):
    # Sweden starts with nothing but an event gives it troops: it can lead after all.
    text = edit("required_leads: [no]", "required_leads: [se]").replace(
        "capacities: {troops: 1}", "capacities: {}")
    text = edit("      - {op: set_flag, flag: deal}\n",
                "      - {op: set_flag, flag: deal}\n      - {op: adjust_capacity, delegate: se, kind: troops, by: 2}\n",
                text)
    result, found = validate(tmp_path, text)
    assert found == [], result.stderr


def test_strict_turns_warnings_into_errors(tmp_path):
    text, _ = CASES["target_beyond_all_capacity"]
    result, found = validate(tmp_path, text, "--strict")
    assert result.exit_code == 1
    assert found and all(w["label"] == "error" for w in found)
    assert "[--strict]" in result.stderr and "OK " not in result.stdout


def test_strict_passes_a_clean_file(tmp_path):
    result, found = validate(tmp_path, BASE, "--strict")
    assert result.exit_code == 0 and found == []


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_scenarios_have_no_design_warnings(path):
    result = CliRunner().invoke(main, ["validate", "--strict", str(path)])
    assert result.exit_code == 0, result.stderr
