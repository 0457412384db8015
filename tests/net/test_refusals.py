"""Impostors and junk are refused and leave the game untouched: another seat's action, unknown
codes (rate-limited), garbage, unknown types, binary frames and a 2 MB frame."""

import json

from game.net.protocol import JoinLimiter
from tests.net.hosting import Raw, hosted, of_type, run, ws_url


def _fingerprint(game):
    return len(game.actions), game.record().log_digest


async def _joined(running, seat):
    raw = await Raw.open(ws_url(running), {"type": "join", "code": running.host.codes.by_seat[seat]})
    await raw.until(of_type("view"))
    return raw


def test_an_action_for_another_seat_is_refused(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            game = running.host.game
            turn = game.turn_seat
            other = next(s for s in game.seats if s != turn)
            before = _fingerprint(game)
            impostor = await _joined(running, other)
            await impostor.send({"type": "act", "action": {"kind": "pass", "seat": turn}, "id": 1})
            refused = await impostor.until(lambda m: m.get("id") == 1)
            await impostor.send({"type": "act", "action": {"kind": "pause"}, "id": 2})
            facilitator_only = await impostor.until(lambda m: m.get("id") == 2)
            await impostor.send({"type": "undo", "id": 3})
            no_undo = await impostor.until(lambda m: m.get("id") == 3)
            spectator = await Raw.open(ws_url(running), {"type": "join", "spectator": True})
            await spectator.until(of_type("view"))
            await spectator.send({"type": "act", "action": {"kind": "pass", "seat": turn}, "id": 4})
            watcher = await spectator.until(lambda m: m.get("id") == 4)
            return refused, facilitator_only, no_undo, watcher, before, _fingerprint(game)
    refused, facilitator_only, no_undo, watcher, before, after = run(scenario())
    assert refused["type"] == "rejected" and refused["rule"] == "not_your_seat"
    assert facilitator_only["rule"] == "facilitator_only"
    assert no_undo["rule"] == "facilitator_only"
    assert watcher["rule"] == "spectator"
    assert before == after


def test_engine_rejections_carry_rule_and_message(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            game = running.host.game
            waiting = next(s for s in game.seats if s != game.turn_seat)
            raw = await _joined(running, waiting)
            await raw.send({"type": "act", "action": {"kind": "pass"}, "id": 1})
            not_turn = await raw.until(lambda m: m.get("id") == 1)
            await raw.send({"type": "act", "action": {"kind": "pledge", "kind_id": 5}, "id": 2})
            malformed = await raw.until(lambda m: m.get("id") == 2)
            return not_turn, malformed
    not_turn, malformed = run(scenario())
    assert not_turn["rule"] == "not_your_turn" and "turn" in not_turn["message"]
    assert malformed["rule"] == "malformed"


def test_unknown_codes_are_refused_and_rate_limited(tmp_path):
    async def scenario():
        async with hosted(tmp_path, limiter=JoinLimiter(limit=3, window=60)) as running:
            answers = []
            for code in ("AAAA-AAAA", "not a code", "ZZZZ-ZZZZ", running.host.codes.by_seat["fr"]):
                raw = await Raw.open(ws_url(running), {"type": "join", "code": code})
                answers.append((await raw.recv(), await raw.closed()))
            return answers, running.host.connections
    answers, connections = run(scenario())
    assert [a[0]["rule"] for a in answers] == ["unknown_code"] * 3 + ["too_many_attempts"]
    assert all(code == 1008 for _, code in answers)
    assert not connections


def test_garbage_gets_an_error_and_changes_nothing(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            game = running.host.game
            before = _fingerprint(game)
            early = await Raw.open(ws_url(running), {"type": "act", "action": {"kind": "pass"}})
            first = await early.recv()
            raw = await _joined(running, game.turn_seat)
            replies = []
            for junk in ("{not json", "[1, 2]", json.dumps({"type": "fly"}), json.dumps({"kind": "pass"}),
                         json.dumps({"type": "act", "action": "pass"}), "9" * 5000, b"\x00\x01binary"):
                await raw.send(junk)
                replies.append(await raw.until(of_type("error")))
            await raw.send({"type": "ping", "id": 9})
            alive = await raw.until(of_type("pong"))
            return first, replies, alive, before, _fingerprint(game)
    first, replies, alive, before, after = run(scenario())
    assert first["type"] == "error" and "join first" in first["message"]
    assert "not JSON" in replies[0]["message"]
    assert "unknown message type 'fly'" in replies[2]["message"]
    assert all(r["type"] == "error" for r in replies) and alive["id"] == 9
    assert before == after


def test_a_two_megabyte_frame_closes_the_connection_and_the_game_goes_on(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            game = running.host.game
            before = _fingerprint(game)
            raw = await _joined(running, game.turn_seat)
            note = "x" * (2 * 1024 * 1024)
            await raw.send({"type": "act", "action": {"kind": "propose", "to": ["uk"], "items": [], "note": note}})
            code = await raw.closed()
            again = await _joined(running, game.turn_seat)
            await again.send({"type": "ping", "id": 1})
            pong = await again.until(of_type("pong"))
            return code, before, _fingerprint(game), pong
    code, before, after, pong = run(scenario())
    assert code == 1009  # message too big
    assert before == after and pong["type"] == "pong"


def test_too_many_unreadable_messages_close_the_connection(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            raw = await _joined(running, "fr")
            for _ in range(12):
                await raw.send("junk")
            return await raw.closed()
    assert run(scenario()) == 1008
