"""The browser seat against a real host: two delegations trade, pledge, sign and pass from
their pages; both pages show the new state and the journal holds every action."""

from tests.net.browsing import TIMEOUT_MS, browser_host, open_page, seq, wait_seq


def _send(page, form: str) -> dict:
    """Submits a form on the page and returns the host's reply as the page saw it (via the next view)."""
    before = seq(page)
    page.click(f'form[data-form="{form}"] button[type="submit"]')
    wait_seq(page, before + 1)
    return {"refusal": page.inner_text(f'form[data-form="{form}"] .refusal') if page.query_selector(
        f'form[data-form="{form}"] .refusal') else ""}


def _offer(hosted, n: int = 0, wait_page=None) -> str:
    """The number of the game's n-th offer (numbers are drawn, not counted), once the host has it."""
    if wait_page is not None:
        wait_page.wait_for_selector("#inbox .offer", timeout=TIMEOUT_MS)
    return str(hosted.call(lambda: hosted.host.game.view("facilitator").offers[n].id))


def _offer_when_made(hosted, n: int) -> str:
    """Waits (bounded) until the host holds an n-th offer, and returns its number."""
    import time

    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        offers = hosted.call(lambda: hosted.host.game.view("facilitator").offers)
        if len(offers) > n:
            return str(offers[n].id)
        time.sleep(0.05)
    raise AssertionError(f"the host never held offer {n + 1}")


def test_two_seats_trade_pledge_sign_and_pass(browser, tmp_path):
    with browser_host(tmp_path, bots={"de": "cautious", "us": "cautious"}) as hosted:
        france = open_page(browser, hosted.seat_url("fr"))
        britain = open_page(browser, hosted.seat_url("uk"))
        assert "Your move" in france.inner_text("#turn")
        assert "United Kingdom" in britain.inner_text("#desk") and "Confidential brief" in britain.inner_text("#desk")

        # France offers: 1 of its troops and 1 of the UK's, both to the reassurance force.
        france.select_option("#offer-giver-0", "fr")
        france.select_option("#offer-kind-0", "troops")
        france.select_option("#offer-to-0", "force")
        france.select_option("#offer-giver-1", "uk")
        france.select_option("#offer-kind-1", "troops")
        france.select_option("#offer-to-1", "force")
        france.fill("#offer-note", "Shoulder to shoulder")
        france.wait_for_selector("#forms .checked.good", timeout=TIMEOUT_MS)
        france.click('form[data-form="offer"] button[type="submit"]')
        first = _offer(hosted, 0, britain)
        britain.wait_for_selector(f'#inbox button[data-act="accept"][data-offer="{first}"]', timeout=TIMEOUT_MS)
        assert "Shoulder to shoulder" in britain.inner_text("#inbox")

        # France pledges funding to monitoring; that ends its turn.
        france.select_option("#pledge-what", "funding|monitoring")
        france.fill("#pledge-amount", "1")
        _send(france, "pledge")
        britain.wait_for_selector(f'#inbox button[data-act="accept"][data-offer="{first}"]:not([disabled])',
                                  timeout=TIMEOUT_MS)

        # The UK accepts and signs the force clause.
        britain.click(f'#inbox button[data-act="accept"][data-offer="{first}"]')
        britain.wait_for_selector("#inbox .offer.closed", timeout=TIMEOUT_MS)
        britain.wait_for_selector('form[data-form="sign"]', timeout=TIMEOUT_MS)
        britain.select_option("#sign-what", "force")
        britain.click('form[data-form="sign"] button[type="submit"]')

        # The bots play Germany and the US; France's second turn: it passes.
        france.wait_for_selector('form[data-form="pass"]', timeout=TIMEOUT_MS)
        france.click('form[data-form="pass"] button[type="submit"]')
        france.wait_for_function("!document.querySelector('form[data-form=\"pass\"]')", timeout=TIMEOUT_MS)

        actions = hosted.journal_actions()
        mine = [(a["kind"], a["seat"]) for a in actions if a["seat"] in ("fr", "uk")]
        assert mine[:5] == [("propose", "fr"), ("pledge", "fr"), ("accept", "uk"), ("sign", "uk"), ("pass", "fr")]
        assert actions[0]["items"][1] == {"giver": "uk", "kind_id": "troops", "amount": 1, "priority": "force"}

        # Both pages show the new state: the deal, the signature, the UK's troops committed.
        last = hosted.call(lambda: hosted.host.seq)
        for page in (france, britain):
            wait_seq(page, last)
            force = page.inner_text('[data-priority="force"]')
            assert "signed by 1" in force
        assert "deal made" in france.inner_text("#inbox") and "deal made" in britain.inner_text("#inbox")
        assert "1 Ground troops" in france.inner_text('#delegations [data-seat="uk"]')
        assert britain.inner_text('#desk tr[data-kind="troops"] td.free') == "2"
        assert france.inner_text('#desk tr[data-kind="funding"] td.free') == "1"
        assert not france.errors and not britain.errors


def test_refusal_shows_the_engines_message_beside_the_form(browser, tmp_path):
    with browser_host(tmp_path) as hosted:
        france = open_page(browser, hosted.seat_url("fr"))
        france.fill("#pledge-amount", "99")
        france.click('form[data-form="pledge"] button[type="submit"]')
        refusal = france.wait_for_selector('form[data-form="pledge"] .refusal:not(:empty)', timeout=TIMEOUT_MS)
        assert "only" in refusal.inner_text() or "free" in refusal.inner_text()
        assert hosted.journal_actions() == []
        # what was typed is still there after the next view
        france.fill("#offer-note", "kept")
        hosted.call(lambda: hosted.host.changed())
        france.reload()
        france.wait_for_selector("#priorities article", timeout=TIMEOUT_MS)
        assert france.input_value("#offer-note") == "kept"


def test_counter_offer_from_the_inbox(browser, tmp_path):
    with browser_host(tmp_path, bots={"de": "cautious", "us": "cautious"}) as hosted:
        france = open_page(browser, hosted.seat_url("fr"))
        britain = open_page(browser, hosted.seat_url("uk"))
        france.select_option("#offer-giver-1", "uk")
        france.select_option("#offer-to-0", "force")
        france.select_option("#offer-to-1", "force")
        france.wait_for_selector("#forms .checked.good", timeout=TIMEOUT_MS)
        france.click('form[data-form="offer"] button[type="submit"]')
        france.wait_for_selector("#inbox .offer.mine", timeout=TIMEOUT_MS)
        france.click('form[data-form="pass"] button[type="submit"]')
        first = _offer(hosted, 0)
        britain.wait_for_selector(f'#inbox button[data-act="counter"][data-offer="{first}"]:not([disabled])',
                                  timeout=TIMEOUT_MS)
        britain.click(f'#inbox button[data-act="counter"][data-offer="{first}"]')
        britain.wait_for_selector(f'form[data-form="offer"] h3:has-text("Counter offer #{first}")', timeout=TIMEOUT_MS)
        assert britain.input_value("#offer-giver-1") == "uk"  # filled with the offer's lines
        britain.fill("#offer-amount-0", "2")
        britain.wait_for_selector("#forms .checked.good", timeout=TIMEOUT_MS)
        britain.click('form[data-form="offer"] button[type="submit"]')
        second = _offer_when_made(hosted, 1)
        france.wait_for_selector(f'#inbox [data-offer="{second}"]', timeout=TIMEOUT_MS)
        assert "France gives 2" in france.inner_text(f'#inbox [data-offer="{second}"]')
        counter = [a for a in hosted.journal_actions() if a["kind"] == "counter"]
        assert counter and counter[0]["offer"] == int(first) and counter[0]["items"][0]["amount"] == 2


def test_pledge_seek_approval_and_withdraw_send_todays_field_names(browser, tmp_path):
    """The page's forms build the action dicts themselves: a kind is `kind_id`, a withdrawal
    names its commitment by number under `commitment`."""
    with browser_host(tmp_path, bots={"fr": "cautious", "de": "cautious", "us": "cautious"}) as hosted:
        britain = open_page(browser, hosted.seat_url("uk"))
        britain.wait_for_selector('form[data-form="pledge"]', timeout=TIMEOUT_MS)
        britain.select_option("#pledge-what", "troops|force")
        britain.fill("#pledge-amount", "1")
        assert _send(britain, "pledge")["refusal"] == ""
        britain.wait_for_selector('form[data-form="seek_approval"]', timeout=TIMEOUT_MS)
        britain.select_option("#approval-what", "troops")
        assert _send(britain, "seek_approval")["refusal"] == ""
        number = hosted.call(lambda: next(c.id for c in hosted.host.game.view("uk").commitments
                                          if c.delegate == "uk"))
        britain.wait_for_selector(f'#withdraw-what option[value="{number}"]', state="attached", timeout=TIMEOUT_MS)
        britain.select_option("#withdraw-what", str(number))
        assert _send(britain, "withdraw")["refusal"] == ""
        mine = [a for a in hosted.journal_actions() if a["seat"] == "uk"]
        assert mine == [
            {"kind": "pledge", "seat": "uk", "kind_id": "troops", "amount": 1, "priority": "force"},
            {"kind": "seek_approval", "seat": "uk", "kind_id": "troops"},
            {"kind": "withdraw", "seat": "uk", "commitment": number},
        ]
        assert not britain.errors
