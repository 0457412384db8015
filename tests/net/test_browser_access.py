"""The seat page on a 360 px phone with the keyboard alone; reconnecting by itself when the
host comes back, with what the student typed still there; the spectator's public page."""

from game.net.launch import HostSettings, HostThread
from tests.net.browsing import TIMEOUT_MS, browser_host, open_page


def test_a_phone_and_the_keyboard_alone(browser, tmp_path):
    with browser_host(tmp_path) as hosted:
        page = open_page(browser, hosted.seat_url("fr"), 360, 740)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways at 360 px"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        for _ in range(150):  # Tab through the page until the pass button has focus
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.closest('form[data-form=\"pass\"]') !== null"):
                break
        else:
            raise AssertionError("the pass button cannot be reached with Tab")
        page.keyboard.press("Enter")
        page.wait_for_function("!document.querySelector('form[data-form=\"pass\"]')", timeout=TIMEOUT_MS)
        assert [a["kind"] for a in hosted.journal_actions()] == ["pass"]
        assert not page.errors


def test_reconnects_after_the_host_restarts_and_keeps_typed_input(browser, tmp_path):
    hosted = HostThread(HostSettings(scenario="tutorial", bind="127.0.0.1", port=0, seed=3,
                                     journal=tmp_path / "game.jsonl"), say=lambda _: None)
    port = hosted.running.runner.addresses[0][1]
    url = f"{hosted.host.base_url}/seat/{hosted.host.codes.by_seat['fr']}"
    page = open_page(browser, url)
    page.fill("#offer-note", "half-typed offer")
    hosted.stop()
    page.wait_for_selector('body[data-link="waiting"] #link:has-text("Waiting for the host")', timeout=TIMEOUT_MS)
    assert page.is_visible("#link")
    resumed = HostThread(HostSettings(resume=tmp_path / "game.jsonl", bind="127.0.0.1", port=port),
                         say=lambda _: None)
    try:
        page.wait_for_selector('body[data-link="live"]', timeout=TIMEOUT_MS)
        page.wait_for_selector('form[data-form="pass"]', timeout=TIMEOUT_MS)
        assert page.input_value("#offer-note") == "half-typed offer"
        page.click('form[data-form="pass"] button[type="submit"]')
        page.wait_for_function("!document.querySelector('form[data-form=\"pass\"]')", timeout=TIMEOUT_MS)
        assert resumed.call(lambda: [a.kind for a in resumed.host.game.actions]) == ["pass"]
        assert not page.errors
    finally:
        resumed.stop()


def test_the_spectator_page_shows_only_the_public_table(browser, tmp_path):
    with browser_host(tmp_path) as hosted:
        page = open_page(browser, f"{hosted.url}/spectator")
        assert page.inner_text("#who") == "The public table"
        assert not page.is_visible("#desk") and not page.is_visible("#act") and not page.is_visible("#controls")
        briefs = hosted.call(lambda: [p.confidential_brief for p in hosted.host.game.view("facilitator").private.values()])
        content = page.content()
        assert not any(brief in content for brief in briefs)
        assert "Reassurance force" in page.inner_text("#priorities")
