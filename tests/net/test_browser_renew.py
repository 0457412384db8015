"""Renewing from the browser seat, against a real host: the seat's desk says when each of its
commitments lapses, the renew form offers exactly the renewals the host lists, and submitting it
journals `renew`. The tutorial with a term on funding; bots play the other seats."""

from game.engine import renewal_words, term_words
from tests.net.browsing import TIMEOUT_MS, browser_host, open_page, seq, wait_seq
from tests.termed import termed_scenario

BOTS = {"uk": "cautious", "de": "cautious", "us": "cautious"}


def _submit(page, form: str) -> None:
    before = seq(page)
    page.click(f'form[data-form="{form}"] button[type="submit"]')
    wait_seq(page, before + 1)
    refusal = page.query_selector(f'form[data-form="{form}"] .refusal')
    assert refusal is None or not refusal.inner_text(), refusal.inner_text()


def _term(page) -> str:
    return page.inner_text('#desk .commitments li[data-commitment="1"] .term')


def test_a_seat_sees_its_term_end_and_renews_in_the_terms_last_round(browser, tmp_path):
    with browser_host(tmp_path, scenario=str(termed_scenario(tmp_path)), seed=5, bots=BOTS) as hosted:
        france = open_page(browser, hosted.seat_url("fr"), height=2400)  # no scrolling under the sticky header
        france.wait_for_selector('form[data-form="pledge"]', timeout=TIMEOUT_MS)
        assert not france.query_selector('form[data-form="renew"]')
        france.select_option("#pledge-what", "funding|monitoring")
        france.fill("#pledge-amount", "2")
        _submit(france, "pledge")
        france.wait_for_selector("#desk .commitments li[data-commitment='1'] .term", timeout=TIMEOUT_MS)
        assert _term(france) == term_words(2, 1, 3) == "lapses at the end of round 2 unless renewed"
        assert not france.query_selector('form[data-form="renew"]')  # not in the term's last round yet

        # France passes its turns of round 1; in round 2 the host lists the renewal.
        for _ in range(2):
            france.wait_for_selector('form[data-form="pass"]', timeout=TIMEOUT_MS)
            if france.query_selector('form[data-form="renew"]'):
                break
            _submit(france, "pass")
        france.wait_for_selector('form[data-form="renew"]', timeout=TIMEOUT_MS)
        view = hosted.call(lambda: hosted.host.game.view("fr"))
        legal = hosted.call(lambda: hosted.host.game.legal_actions("fr"))
        assert view.round == 2 and [a.commitment for a in legal if a.kind == "renew"] == [1]
        options = france.eval_on_selector_all("#renew-what option", "os => os.map(o => [o.value, o.textContent])")
        assert options == [["1", "#1: 2 Funding → Monitor · " + term_words(2, 2, 3)]], options
        assert term_words(2, 2, 3) in _term(france) and france.query_selector("#desk .term.soon")
        form_text = france.inner_text('form[data-form="renew"]')
        assert renewal_words(1, 2) in form_text, form_text
        france.locator('form[data-form="renew"]').screenshot(path=str(tmp_path / "renew-form.png"))
        france.locator("#desk .commitments").screenshot(path=str(tmp_path / "renew-desk.png"))

        _submit(france, "renew")
        france.wait_for_function("!document.querySelector('#desk .term.soon')", timeout=TIMEOUT_MS)
        assert _term(france) == term_words(4, 2, 3) == "counts to the end of the game"
        renewed = [a for a in hosted.journal_actions() if a["kind"] == "renew"]
        assert renewed == [{"kind": "renew", "seat": "fr", "commitment": 1}], renewed
        assert hosted.call(lambda: hosted.host.game.view("fr").delegates["fr"].capital) == view.delegates["fr"].capital - 1
        assert not france.errors, france.errors
