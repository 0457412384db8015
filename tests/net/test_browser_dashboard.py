"""The facilitator's dashboard drives the room through the host: pause and resume (the seats'
clock stops), inject an event card, hand a seat to a bot, undo, a new code, the review; each
control lands in the journal and on the seats' pages."""

from game.model.actions import InjectEvent
from tests.net.browsing import TIMEOUT_MS, browser_host, open_page, seq, wait_seq


def test_pause_inject_and_hand_a_seat_to_a_bot(browser, tmp_path):
    with browser_host(tmp_path, class_length=45) as hosted:
        france = open_page(browser, hosted.seat_url("fr"))
        france.wait_for_selector('#clock:has-text("left")', timeout=TIMEOUT_MS)
        desk = open_page(browser, hosted.facilitator_url())
        desk.wait_for_selector('#roster [data-seat="fr"] .tag.good', timeout=TIMEOUT_MS)
        assert "online" in desk.inner_text('#roster [data-seat="fr"]')
        assert "offline" in desk.inner_text('#roster [data-seat="de"]')
        # the facilitator sees every delegation's secrets
        secret = hosted.call(lambda: hosted.host.game.view("de").me.confidential_brief)
        assert secret in desk.content()

        desk.click('#controls button[data-act="pause"]')
        france.wait_for_selector('#turn:has-text("Paused")', timeout=TIMEOUT_MS)
        assert hosted.call(lambda: hosted.host.game.view("public").paused)
        assert not france.query_selector("#forms form")  # nothing to do while paused
        france.wait_for_selector('#clock:has-text("stopped")', timeout=TIMEOUT_MS)
        desk.click('#controls button[data-act="resume"]')
        france.wait_for_selector('#forms form[data-form="pass"]', timeout=TIMEOUT_MS)

        game = hosted.host.game
        event = next(e for e in game.scenario.events
                     if hosted.call(lambda e=e: game.check(InjectEvent(event=e.id))) is None)
        desk.select_option("#inject-what", event.id)
        before = seq(france)
        desk.click('form[data-form="inject_event"] button[type="submit"]')
        wait_seq(france, before + 1)
        france.wait_for_selector(f'#cards .card:has-text("{event.title}")', timeout=TIMEOUT_MS)
        assert "Event injected" in france.inner_text("#cards")

        desk.select_option("#controller-de", "cautious")
        desk.click('#roster button[data-act="set_controller"][data-seat="de"]')
        france.wait_for_selector('#delegations [data-seat="de"] .tag.bot', timeout=TIMEOUT_MS)
        assert hosted.call(lambda: hosted.host.game.controller("de")) == "cautious"

        desk.fill("#track-reason", "")
        desk.click('form[data-form="adjust_track"] button[type="submit"]')  # a reason is required
        assert desk.input_value("#track-reason") == ""
        desk.select_option("#track-what", "cohesion")
        desk.fill("#track-by", "-1")
        desk.fill("#track-reason", "the room booed the walkout")
        before = seq(france)
        desk.click('form[data-form="adjust_track"] button[type="submit"]')
        wait_seq(france, before + 1)

        kinds = [a["kind"] for a in hosted.journal_actions()]
        assert kinds[:5] == ["pause", "resume", "inject_event", "set_controller", "adjust_track"]
        assert hosted.journal_actions()[4] == {"kind": "adjust_track", "track": "cohesion", "by": -1.0,
                                               "reason": "the room booed the walkout"}
        assert hosted.journal_actions()[3] == {"kind": "set_controller", "delegate": "de",
                                               "controller": "cautious"}

        # a free-text inject: Moscow speaks to the UK alone; France never hears it
        desk.fill("#announce-speaker", "Moscow")
        desk.fill("#announce-text", "Any British troops in Ukraine would be legitimate targets.")
        desk.select_option("#announce-to", "uk")
        desk.click('form[data-form="announce"] button[type="submit"]')
        deadline = 50
        while deadline and "announce" not in [a["kind"] for a in hosted.journal_actions()]:
            desk.wait_for_timeout(100)
            deadline -= 1
        assert hosted.journal_actions()[5] == {"kind": "announce", "speaker": "Moscow", "to": ["uk"],
                                               "text": "Any British troops in Ukraine would be legitimate targets."}
        assert "legitimate targets" not in france.content()
        assert not desk.errors and not france.errors


def test_undo_reissue_and_the_review_link(browser, tmp_path):
    with browser_host(tmp_path, scenario="tutorial", bots={"uk": "cautious", "de": "cautious", "us": "cautious"}) as hosted:
        desk = open_page(browser, hosted.facilitator_url())
        france = open_page(browser, hosted.seat_url("fr"))
        france.click('form[data-form="pass"] button[type="submit"]')
        desk.wait_for_function("document.querySelectorAll('#log li').length > 4", timeout=TIMEOUT_MS)
        desk.click('#controls button[data-act="undo"]')
        desk.wait_for_selector('#note:has-text("Done: undo")', timeout=TIMEOUT_MS)
        assert '{"undo":true}' in hosted.journal.read_text(encoding="utf-8")

        old = hosted.code("uk")
        desk.on("dialog", lambda dialog: dialog.accept())
        desk.click('#roster button[data-act="reissue"][data-seat="uk"]')
        desk.wait_for_function(f"!document.querySelector('#roster [data-seat=\"uk\"] .code').textContent.includes('{old}')",
                               timeout=TIMEOUT_MS)
        assert hosted.code("uk") != old

        desk.select_option("#controller-fr", "cautious")  # now bots hold every seat and finish the game
        desk.click('#roster button[data-act="set_controller"][data-seat="fr"]')
        desk.wait_for_selector("#controls .review a", timeout=TIMEOUT_MS)
        review = desk.request.get(hosted.url + desk.get_attribute("#controls .review a", "href"))
        assert review.status == 200 and "After-action review" in review.text()
