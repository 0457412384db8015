"""A seat's page never holds another seat's secrets: not in its text, its DOM, or any
WebSocket frame it received, through a game where bots trade among themselves."""

import json

from game.model.actions import FACILITATOR
from tests.net.browsing import TIMEOUT_MS, browser_host


def _secrets(game, seat: str) -> tuple[set[str], set[int]]:
    """Returns the other seats' private texts and the ids of offers the seat is not party to."""
    view = game.view(FACILITATOR)
    texts: set[str] = set()
    for other, private in view.private.items():
        if other == seat:
            continue
        texts.add(private.confidential_brief)
        texts.update(o.description for o in private.objectives)
        if private.red_lines.note:
            texts.add(private.red_lines.note)
    outside = {o.id for o in view.offers if seat != o.proposer and seat not in o.parties}
    texts.update(o.note for o in view.offers if o.id in outside and len(o.note) > 3)
    for entry in view.log:
        if entry.visible_to is not None and seat not in entry.visible_to:
            texts.add(entry.text)
    return {t for t in texts if t.strip()}, outside


def test_a_seat_page_holds_no_other_seats_secrets(browser, tmp_path):
    bots = {"uk": "negotiator", "de": "negotiator", "us": "cooperative"}
    with browser_host(tmp_path, seed=11, bots=bots) as hosted:
        frames: list[str] = []
        page = browser.new_page()
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(str(payload))))
        page.goto(hosted.seat_url("fr"))
        page.wait_for_selector("#priorities article", timeout=TIMEOUT_MS)
        for _ in range(12):  # France passes whenever it may, so the bots play the game out
            if hosted.call(lambda: hosted.host.game.over):
                break
            page.wait_for_selector('form[data-form="pass"], #turn:has-text("Game over")', timeout=TIMEOUT_MS)
            button = page.query_selector('form[data-form="pass"] button')
            if button is None:
                break
            button.click()
            page.wait_for_function("!document.querySelector('form[data-form=\"pass\"] button:disabled')",
                                   timeout=TIMEOUT_MS)
        page.wait_for_timeout(300)
        texts, outside = _secrets(hosted.host.game, "fr")
        assert len(texts) >= 6, "the test must have secrets to look for"
        assert outside or hosted.host.game.over, "bots made no offer France is outside of"

        shown = page.inner_text("body")
        dom = page.content()
        everything = "\n".join(frames)
        for text in texts:
            assert text not in shown and text not in dom, f"shown on France's page: {text[:60]}"
            assert text not in everything and json.dumps(text)[1:-1] not in everything, f"sent to France: {text[:60]}"
        for frame in frames:
            message = json.loads(frame)
            if message.get("type") == "view":
                assert set(message["view"]["private"]) == {"fr"}
                assert not outside & {o["id"] for o in message["view"]["offers"]}
                assert not outside & {int(k) for k in message["words"]["offers"]}
            assert message.get("type") not in ("codes", "presence")
            assert "events" not in message  # the deck goes to the facilitator only
        assert any(json.loads(f).get("type") == "view" for f in frames)
