"""What the host serves for browsers: the code form's redirect, static files (no way out of the
folder), the review's door, and the `table` and `words` parts of the protocol."""

import asyncio
import urllib.error
import urllib.request

from tests.net.hosting import Raw, hosted, of_type, run, ws_url


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode(), response.geturl()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), url


def test_pages_static_files_and_the_review_door(tmp_path):
    async def scenario():
        async with hosted(tmp_path) as running:
            codes = running.host.codes.by_seat
            typed = codes["de"].lower().replace("-", " ")
            paths = {"join": f"/join?code={typed.replace(' ', '+')}", "bad": "/join?code=AAAA-AAAA",
                     "css": "/static/style.css", "js": "/static/main.js", "escape": "/static/../host.py",
                     "escape2": "/static/%2e%2e/host.py", "missing": "/static/nothing.js",
                     "review": f"/facilitator/{codes['facilitator']}/review", "seat_review": f"/facilitator/{codes['de']}/review"}
            return {k: await asyncio.to_thread(_get, running.url + p) for k, p in paths.items()}, codes
    pages, codes = run(scenario())
    assert pages["join"][0] == 200 and pages["join"][2].endswith(f"/seat/{codes['de']}")
    assert pages["bad"][0] == 404 and "does not open" in pages["bad"][1]
    assert pages["css"][0] == 200 and "--secured" in pages["css"][1]
    assert pages["js"][0] == 200 and "import" in pages["js"][1]
    assert pages["escape"][0] in (403, 404) and pages["escape2"][0] in (403, 404) and pages["missing"][0] == 404
    assert "Host" not in pages["escape"][1]
    assert pages["review"][0] == 409 and pages["seat_review"][0] == 404


def test_table_and_words_messages(tmp_path):
    async def scenario():
        async with hosted(tmp_path, seed=3) as running:
            codes = running.host.codes.by_seat
            seat = await Raw.open(ws_url(running), {"type": "join", "code": codes["fr"]})
            table = await seat.until(of_type("table"))
            view = await seat.until(of_type("view"))
            desk = await Raw.open(ws_url(running), {"type": "join", "code": codes["facilitator"]})
            deck = await desk.until(of_type("table"))
            return table, view, deck
    table, view, deck = run(scenario())
    assert table["seats"] == ["fr", "uk", "de", "us"] and "public_brief" in table["delegates"]["uk"]
    assert "confidential_brief" not in str(table) and "events" not in table and "controllers" not in table
    assert table["palette"]["seat_colours"][0] == "#e69f00"
    assert {e["id"] for e in deck["events"]} and deck["controllers"][0] == "human"
    cards = view["words"]["cards"]
    assert cards and cards[0]["title"] and cards[0]["effects"]  # round 1's event card, in words
    assert view["words"]["offers"] == {} and view["words"]["outcome"] == ""
