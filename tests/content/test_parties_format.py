"""The parties fields in files: `signers` and `contributors` checked as references and by the
design warnings, optional `country` and `principal`, `badge` bounds, and content hashes that do
not move for a scenario that uses none of them."""

from click.testing import CliRunner

from game.cli import main
from game.content.scenarios import load_scenario
from game.engine import scenario_hash
from tests.content.test_design_checks import BASE, edit, line_of, validate


def test_a_required_signatory_outside_the_signers_warns_at_its_line(tmp_path):
    text = edit("required_signatories: [se]", "required_signatories:\n      - se  # MARK\n    signers: [no]")
    result, found = validate(tmp_path, text)
    assert result.exit_code == 0, result.stderr
    hits = [w for w in found if "required signatory 'se' never signs 'peace' (it is not among its `signers`)"
            in w["message"]]
    assert hits and int(hits[0]["line"]) == line_of(text, "# MARK"), result.stderr


def test_a_required_lead_outside_the_contributors_warns_at_its_line(tmp_path):
    text = edit("required_leads: [no]", "required_leads:\n      - no  # MARK\n    contributors: [se]")
    result, found = validate(tmp_path, text)
    hits = [w for w in found if "required lead 'no' can never contribute to 'peace': it is not among its "
            "`contributors`" in w["message"]]
    assert hits and int(hits[0]["line"]) == line_of(text, "# MARK"), result.stderr


def test_too_few_signers_for_min_signatories_warns(tmp_path):
    text = edit("min_signatories: 2", "min_signatories: 2  # MARK\n    signers: [no, se]")
    assert validate(tmp_path, text)[1] == []  # both may sign: clean
    text = edit("min_signatories: 2", "min_signatories: 2  # MARK\n    signers: [se]")
    result, found = validate(tmp_path, text)
    hits = [w for w in found if "needs 2 signatures but only 1 delegations may sign it" in w["message"]]
    assert hits and int(hits[0]["line"]) == line_of(text, "# MARK"), result.stderr


def test_contributors_shrink_what_a_target_can_reach(tmp_path):
    # Norway alone adds 2 + 2 = 4 of the target 6: with Sweden left out, it is out of reach.
    text = edit("target: 6", "target: 6  # MARK\n    contributors: [no]")
    result, found = validate(tmp_path, text)
    hits = [w for w in found if "adds at most 4 (target 6)" in w["message"]]
    assert hits and int(hits[0]["line"]) == line_of(text, "# MARK"), result.stderr


def test_signers_and_contributors_name_known_delegations(tmp_path):
    text = edit("min_signatories: 2", "min_signatories: 2\n    signers: [no, dk]\n    contributors: [fi]")
    path = tmp_path / "design.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code != 0
    assert "priorities[0].signers[1]: unknown delegate 'dk'" in result.stderr
    assert "priorities[0].contributors[0]: unknown delegate 'fi'" in result.stderr


def test_a_non_state_party_needs_no_country_or_principal_and_may_have_a_badge(tmp_path):
    text = edit("    country: Sweden\n    principal: {name: Ulf Kristersson, title: Prime Minister}\n"
                "    role: head_of_government\n", "    role: bloc\n    badge: NORD\n", BASE)
    result, found = validate(tmp_path, text)
    assert result.exit_code == 0 and found == [], result.stderr
    for bad in ("NORDIC", "N D", "''"):
        path = tmp_path / "bad.yaml"
        path.write_text(text.replace("badge: NORD", f"badge: {bad}"), encoding="utf-8")
        result = CliRunner().invoke(main, ["validate", str(path)])
        assert result.exit_code != 0 and "badge" in result.stderr, bad


def test_unused_new_fields_leave_the_content_hash_alone():
    loaded = load_scenario("paris-2026")
    dumped = loaded.scenario.model_dump_json()
    assert '"signers"' not in dumped and '"contributors"' not in dumped and '"badge"' not in dumped
    priority = loaded.scenario.priorities[0].model_copy(update={"signers": ["france"]})
    assert '"signers":["france"]' in priority.model_dump_json()
    assert scenario_hash(loaded.scenario) == loaded.content_hash
