"""Screenshots of the browser pages (a seat on a laptop and on a phone, and the facilitator's
dashboard), taken mid-game in Paris with an offer waiting in the seat's inbox. They go to the
test's own folder; with COALITION_DOC_IMAGES=1 they refresh docs/img/ instead."""

import os
from itertools import product
from pathlib import Path

from game.engine import Game
from game.model.actions import OfferItem, Pass, Pledge, Propose, action_to_dict
from game.net.host import Connection
from tests.net.browsing import TIMEOUT_MS, browser_host, open_page

DOC_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img"


def _opening(game) -> tuple[str, list]:
    """Returns the seat that acts second, and a first turn that offers it a trade and pledges."""
    first = game.turn_seat
    rehearsal = Game.from_record(game.scenario, game.record(), content_hash=game.content_hash)
    rehearsal.apply(Pass(seat=first))
    second = rehearsal.turn_seat
    view = game.view("facilitator")
    useful = [(k, p) for (k, p), v in view.contribution.items() if v > 0]
    free = {s: [k for k, n in view.delegates[s].free.items() if n > 0] for s in (first, second)}
    for (k1, p1), (k2, p2) in product(useful, useful):
        if k1 in free[first] and k2 in free[second] and p1 == p2:
            items = (OfferItem(giver=first, kind_id=k1, amount=1, priority=p1),
                     OfferItem(giver=second, kind_id=k2, amount=1, priority=p2))
            offer = Propose(seat=first, to=(second,), items=items, note="Together, or not at all.")
            if game.check(offer) is None:
                pledge = Pledge(seat=first, kind_id=k1, amount=1, priority=p1)
                return second, [offer, pledge]
    raise AssertionError("no trade to stage")


def _play(host, actions) -> None:
    conn = Connection("seat", actions[0].seat, "test", lambda code, reason: None)
    for action in actions:
        host.act(conn, action_to_dict(action), None)


def test_screenshots_of_both_pages(browser, tmp_path):
    IMAGES = DOC_IMAGES if os.environ.get("COALITION_DOC_IMAGES") == "1" else tmp_path / "img"
    IMAGES.mkdir(parents=True, exist_ok=True)
    with browser_host(tmp_path, scenario="paris-2026", seed=7) as hosted:
        host = hosted.host
        seat, opening = hosted.call(_opening, host.game)
        hosted.call(_play, host, opening)
        assert hosted.call(lambda: host.game.turn_seat) == seat

        laptop = open_page(browser, hosted.seat_url(seat), 1280, 800)
        laptop.wait_for_selector('#inbox button[data-act="accept"]:not([disabled])', timeout=TIMEOUT_MS)
        laptop.wait_for_selector("#forms .checked:not(:empty)", timeout=TIMEOUT_MS)
        laptop.screenshot(path=str(IMAGES / "browser-seat-1280.png"))

        phone = open_page(browser, hosted.seat_url(seat), 390, 844)
        phone.wait_for_selector('#inbox button[data-act="accept"]:not([disabled])', timeout=TIMEOUT_MS)
        phone.screenshot(path=str(IMAGES / "browser-seat-phone.png"))

        desk = open_page(browser, hosted.facilitator_url(), 1280, 800)
        desk.wait_for_selector("#roster .code", timeout=TIMEOUT_MS)
        desk.screenshot(path=str(IMAGES / "browser-dashboard.png"))

    for name in ("browser-seat-1280.png", "browser-seat-phone.png", "browser-dashboard.png"):
        data = (IMAGES / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, name
