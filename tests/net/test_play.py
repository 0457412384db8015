"""Remote bots play whole games against a real host; host bots and the facilitator's hand-over play too."""

import asyncio

import pytest

from game.content.journal import load_journal
from game.content.scenarios import load_scenario
from game.engine import Game
from game.net.remote_bot import GAME_OVER, play_seat
from tests.net.hosting import Raw, hosted, run, ws_url


@pytest.mark.parametrize("turns", ["ordered", "simultaneous"])
def test_remote_bots_play_a_whole_tutorial_game(tmp_path, turns):
    async def scenario():
        async with hosted(tmp_path, turns=turns) as running:
            host = running.host
            bots = [play_seat(running.url, host.codes.by_seat[seat], "negotiator", seed=i, say=lambda _: None)
                    for i, seat in enumerate(host.game.seats)]
            statuses = await asyncio.gather(*bots)
            return statuses, host.game.result(), running.notes
    statuses, result, notes = run(scenario())
    assert statuses == [GAME_OVER] * 4
    assert result["over"] and result["rounds_played"] == 3
    assert any("the game is over" in note for note in notes)
    record = load_journal(tmp_path / "game.jsonl")
    loaded = load_scenario("tutorial")
    replayed = Game.from_record(loaded.scenario, record, content_hash=loaded.content_hash)
    assert replayed.result() == result
    assert record.turns == turns


def test_host_bots_and_a_facilitator_hand_over(tmp_path):
    """Two seats are host bots from the start; the facilitator hands a third to a bot and
    the last one plays remotely, so the game ends without any human."""
    async def scenario():
        async with hosted(tmp_path, bots={"fr": "cautious", "uk": "random"}) as running:
            host = running.host
            facilitator = await Raw.open(ws_url(running), {"type": "join", "code": host.codes.by_seat["facilitator"]})
            assert (await facilitator.recv())["role"] == "facilitator"
            await facilitator.send({"type": "act", "action": {"kind": "set_controller", "delegate": "de",
                                                              "controller": "cooperative"}, "id": 7})
            reply = await facilitator.until(lambda m: m.get("id") == 7)
            assert reply["type"] == "applied"
            await facilitator.close()
            status = await play_seat(running.url, host.codes.by_seat["us"], "cautious", say=lambda _: None)
            return status, host.game
    status, game = run(scenario())
    assert status == GAME_OVER and game.over
    assert game.controller("de") == "cooperative"
    kinds_by_seat = {a.seat for a in game.actions}
    assert {"fr", "uk", "de", "us", "facilitator"} <= kinds_by_seat
