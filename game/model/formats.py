"""Older save formats, read by renaming keys: what each format called things, kept in one table.

Format 1 (records and journals) named the commitment kind of a pledge, an offer item and an
approval request `commitment`, and a withdrawal's commitment number `pledge`; its approval log
entries held the kind under `commitment` too. Format 2 says `kind_id` for a kind, and
`commitment` always means a commitment's number. Loading renames; saving writes the newest.
"""

from typing import Any

ACTION_KEYS: dict[int, dict[str, dict[str, str]]] = {
    1: {"pledge": {"commitment": "kind_id"}, "seek_approval": {"commitment": "kind_id"},
        "withdraw": {"pledge": "commitment"}},
}
"""format -> action kind -> {old key: the next format's key}."""
ITEM_KEYS: dict[int, dict[str, str]] = {1: {"commitment": "kind_id"}}
"""format -> {old key: the next format's key} in the items of a `propose` or `counter`."""
LOG_KEYS: dict[int, dict[str, dict[str, str]]] = {
    1: {kind: {"kind_id": "commitment"}
        for kind in ("ApprovalSought", "VoteAnnounced", "ApprovalWon", "ApprovalLost")},
}
"""format -> log-entry kind -> {the next format's key: the old key}: how that format's
`log_digest` saw a payload."""
NEWEST = 2
"""The newest format of both actions and log payloads (`RECORD_FORMAT` and `JOURNAL_FORMAT`)."""


def _renamed(data: dict[str, Any], keys: dict[str, str]) -> dict[str, Any]:
    """Renames keys in place of order; an old key whose new name is already there is left for
    the checks to refuse (a record holding both is not one this program wrote)."""
    return {keys[k] if k in keys and keys[k] not in data else k: v for k, v in data.items()}


def migrate_action(data: Any, version: int) -> Any:
    """Returns an action dict saved in format `version` with the newest format's keys; anything
    that is not an action dict comes back unchanged, for the usual checks to explain."""
    if type(data) is not dict:
        return data
    for old in range(version, NEWEST):
        keys = ACTION_KEYS.get(old, {}).get(data.get("kind"))  # type: ignore[arg-type]
        if keys:
            data = _renamed(data, keys)
        items, item_keys = data.get("items"), ITEM_KEYS.get(old)
        if item_keys and type(items) is list:
            data = {**data, "items": [_renamed(i, item_keys) if type(i) is dict else i for i in items]}
    return data


def entry_as_saved(entry: dict[str, Any], version: int) -> dict[str, Any]:
    """Returns a log entry's dict as format `version` wrote it (to check that format's digest)."""
    for old in range(NEWEST - 1, version - 1, -1):
        keys = LOG_KEYS.get(old, {}).get(entry.get("kind"))  # type: ignore[arg-type]
        if keys and type(entry.get("data")) is dict:
            entry = {**entry, "data": _renamed(entry["data"], keys)}
    return entry
