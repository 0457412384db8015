"""Who is connected: reconnection, a second device taking over, presence for the facilitator,
revoked codes, undo, the health check and the join pages."""

import json
import urllib.request

import pytest

from tests.net.hosting import Raw, hosted, of_type, run, ws_url


def _join(code):
    return {"type": "join", "code": code}


def test_reconnect_and_take_over(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            codes = running.host.codes.by_seat
            facilitator = await Raw.open(ws_url(running), _join(codes["facilitator"]))
            welcome = await facilitator.recv()
            sheet = await facilitator.recv()
            await facilitator.until(of_type("view"))
            first = await Raw.open(ws_url(running), _join(codes["de"].lower().replace("-", " ")))
            await first.until(of_type("view"))
            joined = await facilitator.until(lambda m: m.get("type") == "presence" and "Germany joined" in m["note"])
            await first.close()
            left = await facilitator.until(lambda m: m.get("type") == "presence" and "Germany left" in m["note"])
            again = await Raw.open(ws_url(running), _join(codes["de"]))
            back = await again.until(of_type("view"))
            second = await Raw.open(ws_url(running), _join(codes["de"]))
            await second.until(of_type("view"))
            told = await again.until(of_type("taken_over"))
            code = await again.closed()
            taken = await facilitator.until(lambda m: m.get("type") == "presence" and "took over" in m["note"])
            return welcome, sheet, joined, left, back, told, code, taken
    welcome, sheet, joined, left, back, told, code, taken = run(scenario())
    assert welcome["role"] == "facilitator" and sheet["type"] == "codes"
    assert set(sheet["seats"]) == {"fr", "uk", "de", "us"} and sheet["spectator"]["url"].endswith("/spectator")
    assert joined["connected"]["de"] == 1 and left["connected"]["de"] == 0
    assert back["log_from"] == 0 and back["view"]["seat"] == "de" and back["view"]["private"].keys() == {"de"}
    assert told["type"] == "taken_over" and code == 4001
    assert taken["connected"]["de"] == 1


def test_reissue_revokes_the_old_code(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            host = running.host
            old = host.codes.by_seat["uk"]
            holder = await Raw.open(ws_url(running), _join(old))
            await holder.until(of_type("view"))
            facilitator = await Raw.open(ws_url(running), _join(host.codes.by_seat["facilitator"]))
            await facilitator.until(of_type("view"))
            await facilitator.send({"type": "reissue", "seat": "uk", "id": 1})
            sheet = await facilitator.until(of_type("codes"))
            kicked = await holder.until(of_type("rejected"))
            stale = await Raw.open(ws_url(running), _join(old))
            refused = await stale.recv()
            fresh = await Raw.open(ws_url(running), _join(sheet["seats"]["uk"]["code"]))
            welcome = await fresh.recv()
            saved = json.loads(host.codes_path.read_text())["codes"]["uk"]
            return old, sheet, kicked, refused, welcome, saved
    old, sheet, kicked, refused, welcome, saved = run(scenario())
    new = sheet["seats"]["uk"]["code"]
    assert new != old and saved == new
    assert kicked["rule"] == "code_revoked" and refused["rule"] == "unknown_code"
    assert welcome["seat"] == "uk"


def test_facilitator_actions_and_undo_are_journaled(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            host = running.host
            facilitator = await Raw.open(ws_url(running), _join(host.codes.by_seat["facilitator"]))
            await facilitator.until(of_type("view"))
            for i, action in enumerate(({"kind": "pause"}, {"kind": "resume"},
                                        {"kind": "adjust_track", "track": host.game.scenario.tracks[0].id,
                                         "by": 1, "reason": "a test"})):
                await facilitator.send({"type": "act", "action": action, "id": i})
                assert (await facilitator.until(lambda m, i=i: m.get("id") == i))["type"] == "applied"
            await facilitator.send({"type": "undo", "id": 10})
            undone = await facilitator.until(lambda m: m.get("id") == 10)
            view = await facilitator.until(of_type("view"))
            return undone, view, [a.kind for a in host.game.actions]
    undone, view, kinds = run(scenario())
    assert undone["action"]["took_back"]["kind"] == "adjust_track"
    assert view["log_from"] == 0  # after an undo everyone gets the log whole again
    assert kinds == ["pause", "resume"]
    lines = (tmp_path / "game.jsonl").read_text().splitlines()
    assert [json.loads(line).get("undo") for line in lines[-2:]] == [None, True]


def test_health_and_pages(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            host = running.host
            seat = await Raw.open(ws_url(running), _join(host.codes.by_seat["us"]))
            await seat.until(of_type("view"))

            def get(path):
                try:
                    with urllib.request.urlopen(running.url + path, timeout=5) as response:
                        return response.status, response.read().decode()
                except urllib.error.HTTPError as err:
                    return err.code, err.read().decode()

            import asyncio
            pages = {path: await asyncio.to_thread(get, path) for path in (
                "/health", "/", "/spectator", f"/seat/{host.codes.by_seat['us']}", "/seat/AAAA-AAAA",
                f"/facilitator/{host.codes.by_seat['us']}", f"/facilitator/{host.codes.by_seat['facilitator']}")}
            return pages
    pages = run(scenario())
    status, body = pages["/health"]
    health = json.loads(body)
    assert status == 200 and health["scenario"] == "tutorial" and health["round"] == 1
    assert health["phase"] and health["over"] is False
    assert health["connected"] == {"fr": False, "uk": False, "de": False, "us": True}
    seat_status, seat_page = pages["/seat/" + next(p.split("/")[-1] for p in pages if p.startswith("/seat/") and "AAAA" not in p)]
    assert seat_status == 200 and "/static/main.js" in seat_page  # the browser page; it learns its seat on joining
    assert pages["/seat/AAAA-AAAA"][0] == 404
    assert [v[0] for k, v in pages.items() if k.startswith("/facilitator/")] == [404, 200]
    assert pages["/spectator"][0] == 200 and "/static/main.js" in pages["/spectator"][1]
    assert "code" in pages["/"][1] and "/spectator" in pages["/"][1]


@pytest.mark.parametrize("minutes", [90])
def test_class_length_times_the_negotiation_with_a_journaled_end_phase(tmp_path, minutes):
    async def scenario():
        async with hosted(tmp_path, class_length=minutes) as running:
            host = running.host
            host.clock.seconds = 0.3  # a very short class, so the test does not wait minutes
            host.clock.round = None
            host.changed()
            spectator = await Raw.open(ws_url(running), {"type": "join", "spectator": True})
            clock = await spectator.until(of_type("clock"))
            second = await spectator.until(lambda m: m.get("type") == "clock" and m["round"] == 2)
            return clock, second, [a.kind for a in host.game.actions], running.plan
    clock, second, kinds, plan = run(scenario())
    assert clock["running"] and 0 < clock["seconds_left"] <= 0.3 and second["running"]
    assert kinds and set(kinds) == {"end_phase"}  # nobody acted: only the clock ended rounds
    assert plan.round_minutes * plan.rounds + plan.briefing + plan.debrief == minutes
