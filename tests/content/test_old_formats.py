"""Records and journals saved before the issue 9 renames (format 1) still load and replay to the
same game; today's names are the only ones written, and log payloads name things one way.

The fixtures in tests/fixtures/records/ were written by the program before the renames: the
golden paris-2026 game (every renamed field: pledges, offer items, approvals, a withdrawal)
as a record and as a journal. They replay against the bundled scenario, so a change to
paris-2026 makes them fail with a scenario-hash message: then save them again from the last
commit before the renames run against the changed scenario file."""

import json
from pathlib import Path

import pytest

from game.content.journal import load_journal, read_journal
from game.content.records import load_game
from game.errors import RecordError
from game.model.actions import OfferItem, Pledge, SeekApproval, Withdraw
from game.model.formats import migrate_action
from game.model.record import RECORD_FORMAT

FIXTURES = Path(__file__).parents[1] / "fixtures" / "records"
GOLDEN = Path(__file__).parents[1] / "golden"
OLD_RECORD = FIXTURES / "paris-2026.format1.json"
OLD_JOURNAL = FIXTURES / "paris-2026.format1.journal.jsonl"


def _golden_record() -> dict:
    return json.loads((GOLDEN / "paris-2026.actions.json").read_text(encoding="utf-8"))


def _golden_log() -> list[str]:
    return (GOLDEN / "paris-2026.log.jsonl").read_text(encoding="utf-8").splitlines()


def test_the_fixtures_are_format_1_and_use_the_old_names():
    old = json.loads(OLD_RECORD.read_text(encoding="utf-8"))
    assert old["format"] == 1 and RECORD_FORMAT == 2
    kinds = {a["kind"] for a in old["actions"]}
    assert {"pledge", "propose", "seek_approval", "withdraw"} <= kinds
    assert all("commitment" in a for a in old["actions"] if a["kind"] in ("pledge", "seek_approval"))
    assert all("pledge" in a for a in old["actions"] if a["kind"] == "withdraw")
    header = json.loads(OLD_JOURNAL.read_text(encoding="utf-8").splitlines()[0])
    assert header["journal"] == 1


def test_a_format_1_record_replays_to_the_golden_game():
    game = load_game(OLD_RECORD)  # replay checks the saved log digest, decisions and RNG state
    actual = [json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False) for e in game.log]
    assert actual == _golden_log()
    assert game.record().model_dump(mode="json") == _golden_record()  # saved again: format 2, new names


def test_a_format_1_record_is_still_verified(tmp_path):
    old = json.loads(OLD_RECORD.read_text(encoding="utf-8"))
    tampered = dict(old, log_digest=_golden_record()["log_digest"])  # the new-names digest is not format 1's
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(tampered), encoding="utf-8")
    with pytest.raises(RecordError, match="different log digest"):
        load_game(path)
    posing = dict(old, format=2)  # old names under the new format number are not renamed
    path.write_text(json.dumps(posing), encoding="utf-8")
    with pytest.raises(RecordError, match=r"action 1: a 'propose' needs 'items\[0\]\.kind_id'"):
        load_game(path)


def test_a_format_1_journal_loads_to_the_golden_record():
    assert load_journal(OLD_JOURNAL).model_dump(mode="json") == _golden_record()


def test_a_resumed_format_1_journal_with_newer_lines_loads(tmp_path):
    """A host resuming an old journal appends lines with today's names under the old header."""
    lines = OLD_JOURNAL.read_text(encoding="utf-8").splitlines()
    half = len(lines) // 2
    newer = [json.dumps({"action": migrate_action(json.loads(line)["action"], 1)}) for line in lines[half:]]
    assert newer != lines[half:]
    path = tmp_path / "resumed.jsonl"
    path.write_text("\n".join(lines[:half] + newer) + "\n", encoding="utf-8")
    journal = read_journal(path)
    assert journal.record.model_dump(mode="json") == _golden_record() and not journal.notes


def test_migration_renames_only_the_old_keys():
    assert migrate_action({"kind": "pledge", "seat": "fr", "commitment": "troops", "amount": 1,
                           "priority": "force"}, 1) == {"kind": "pledge", "seat": "fr", "kind_id": "troops",
                                                        "amount": 1, "priority": "force"}
    assert migrate_action({"kind": "withdraw", "seat": "fr", "pledge": 3}, 1) == {
        "kind": "withdraw", "seat": "fr", "commitment": 3}
    old_offer = {"kind": "counter", "seat": "fr", "offer": 2,
                 "items": [{"giver": "fr", "commitment": "troops", "amount": 1, "priority": "force"}, "junk"]}
    assert migrate_action(old_offer, 1)["items"] == [
        {"giver": "fr", "kind_id": "troops", "amount": 1, "priority": "force"}, "junk"]
    new = {"kind": "withdraw", "seat": "fr", "commitment": 3}
    assert migrate_action(new, 1) == new  # a format-2 line under a format-1 header
    assert migrate_action(new, 2) is new and migrate_action("pass", 1) == "pass"
    both = {"kind": "pledge", "commitment": "troops", "kind_id": "money"}
    assert migrate_action(both, 1) == both  # left for the checks to refuse ('commitment' is no field)


def test_the_renamed_fields():
    assert [f for f in Pledge.__dataclass_fields__][:2] == ["seat", "kind_id"]
    assert "kind_id" in OfferItem.__dataclass_fields__ and "commitment" not in OfferItem.__dataclass_fields__
    assert "kind_id" in SeekApproval.__dataclass_fields__
    assert "commitment" in Withdraw.__dataclass_fields__ and "pledge" not in Withdraw.__dataclass_fields__


def test_log_payloads_name_a_commitment_by_number_and_a_kind_by_kind_id():
    game = load_game(GOLDEN / "paris-2026.actions.json")
    kinds = set(game.catalog.kinds)
    numbers = {c.id for c in game.view("facilitator").commitments}
    seen = set()
    for entry in game.log:
        if "commitment" in entry.data:
            assert type(entry.data["commitment"]) is int and entry.data["commitment"] in numbers, entry
            seen.add("commitment")
        if "kind_id" in entry.data:
            assert entry.data["kind_id"] in kinds, entry
            seen.add(entry.kind)
    assert {"commitment", "ApprovalSought", "VoteAnnounced", "Pledged"} <= seen
