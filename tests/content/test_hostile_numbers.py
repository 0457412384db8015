"""Numbers in scenario files: finite, bounded and never true/false, each refused at its position.

Before these checks `.inf` and `.nan` passed as targets and contributions, a NaN track delta
moved a track, huge values overflowed progress to infinity (which counted as "secured"), and
a 5,000-digit integer raised Python's ValueError with a traceback.
"""

import pytest

from tests.content.test_bad_input import at, edited, only_problem, write

LIMIT = "1,000,000,000"


@pytest.mark.parametrize("old, new, needle, message", [
    ("    target: 4\n", "    target: .inf\n", ".inf",
     "priorities[0].target: must be a finite number, not infinity or 'not a number' (got .inf)"),
    ("    target: 4\n", "    target: .nan\n", ".nan",
     "priorities[0].target: must be a finite number, not infinity or 'not a number' (got .nan)"),
    ("    target: 4\n", "    target: 1e10\n", "1e10", f"priorities[0].target: must be at most {LIMIT} (got 10,000,000,000)"),
    ("    target: 4\n", "    target: true\n", "true", "priorities[0].target: expected a number, not true"),
    ("contributes: {peace: 1}", "contributes: {peace: .nan}", ".nan",
     "commitment_kinds[0].contributes.peace: must be a finite number, not infinity or 'not a number' (got .nan)"),
    ("contributes: {peace: 1}", "contributes: {peace: -1e300}", "-1e300",
     f"commitment_kinds[0].contributes.peace: must be at least -{LIMIT} (got -1e+300)"),
    ("contributes: {peace: 1}", "contributes: {peace: " + "1" * 400 + ".5}", "1111",
     "commitment_kinds[0].contributes.peace: must be a finite number, not infinity or 'not a number' (got .inf)"),
    ("capacities: {money: 2}", "capacities: {money: 100000000000000000000}", "1000",
     "delegates[0].capacities.money: must be at most 10,000 (got 100,000,000,000,000,000,000)"),
    ("capacities: {money: 2}", "capacities: {money: false}", "false",
     "delegates[0].capacities.money: expected a number, not false"),
    ("{id: calm, name: Calm, start: 5}", "{id: calm, name: Calm, start: .nan}", ".nan",
     "tracks[0].start: must be a finite number, not infinity or 'not a number' (got .nan)"),
    ("{id: calm, name: Calm, start: 5}", "{id: calm, name: Calm, start: 5, max: .inf}", ".inf",
     "tracks[0].max: must be a finite number, not infinity or 'not a number' (got .inf)"),
    ("{id: calm, name: Calm, start: 5}", "{id: calm, name: Calm, start: 5, min: -1e12}", "-1e12",
     f"tracks[0].min: must be at least -{LIMIT} (got -1,000,000,000,000)"),
    ("{op: adjust_track, track: calm, by: -1}", "{op: adjust_track, track: calm, by: .nan}", ".nan",
     "events[0].effects[0].by: must be a finite number, not infinity or 'not a number' (got .nan)"),
    ("        by: -1\n", "        by: -1000000000000\n", "-1000000000000",
     f"events[0].effects[1].by: must be at least -{LIMIT} (got -1,000,000,000,000)"),
    ("kind: money, min: 1}", "kind: money, min: -.inf}", "-.inf",
     "delegates[1].objectives[0].when[1].of.min: must be a finite number, not infinity or 'not a number' (got -.inf)"),
    ("    title: Storm at sea\n", "    title: Storm at sea\n    weight: .inf\n", ".inf",
     "events[0].weight: must be a finite number, not infinity or 'not a number' (got .inf)"),
    ("  rounds: 2\n", "  rounds: true\n", "true", "rules.rounds: expected a number, not true"),
    ("  rounds: 2\n", "  rounds: 2\n  approval_chance_bounds: [.nan, 1]\n", ".nan",
     "rules.approval_chance_bounds[0]: must be a finite number, not infinity or 'not a number' (got .nan)"),
    ("  rounds: 2\n", "  rounds: 2\n  withdraw_capital_cost: 1000000\n", "1000000",
     "rules.withdraw_capital_cost: must be at most 100 (got 1,000,000)"),
    ("      - {op: adjust_track", "      - {op: adjust_approval, delegate: no, kind: money, by: 2}\n"
     "      - {op: adjust_track", "2}\n      - {op: adjust_track", "events[0].effects[0].by: must be at most 1 (got 2)"),
])
def test_numbers_are_finite_and_bounded(tmp_path, old, new, needle, message):
    text = edited((old, new))
    assert only_problem(write(tmp_path, text)) == (*at(text, needle), message)


@pytest.mark.parametrize("written", ["7" * 5000, "-" + "7" * 5000, "0x" + "f" * 5000, "0o" + "7" * 4301])
def test_an_integer_of_any_length_is_refused_at_its_position(tmp_path, written):
    text = edited(("  rounds: 2\n", f"  rounds: {written}\n"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, written)
    digits = len(written.lstrip("-")) - (2 if written[1:2] in ("x", "o") else 0)
    assert message == (f"rules.rounds: a whole number of {digits:,} digits is far outside every field's range "
                       "(numbers longer than 4,300 digits are not read)")


def test_a_long_integer_deep_in_a_list_names_its_path(tmp_path):
    text = edited(("required_leads: [no]", "required_leads: [no, " + "1" * 4301 + "]"))
    line, column, message = only_problem(write(tmp_path, text))
    assert (line, column) == at(text, "1111")
    assert message.startswith("priorities[0].required_leads[1]: a whole number of 4,301 digits")


def test_a_number_just_inside_the_limits_is_accepted(tmp_path):
    from game.content.scenarios import load_scenario_file

    text = edited(("    target: 4\n", "    target: 1000000000\n"), ("contributes: {peace: 1}", "contributes: {peace: -1e9}"))
    scenario = load_scenario_file(write(tmp_path, text)).scenario
    assert scenario.priorities[0].target == 1e9 and scenario.commitment_kinds[0].contributes["peace"] == -1e9
