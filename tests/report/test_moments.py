"""Key moments found in a crafted game: a withdrawal, a lost vote, a conditional chain that
unlocked, a conditional that lapsed, facilitator interventions, and the events' effects."""

from html import escape

from game.report.history import conditional_flips, round_points
from game.report.moments import find_moments
from game.report.review import review_html, review_markdown
from tests.report.crafted import REASON


def moments_of(game):
    return find_moments(game, round_points(game))


def test_withdrawal_and_lapse_are_found_with_what_was_lost(crafted):
    m = moments_of(crafted)
    assert len(m.withdrawals) == 1
    assert "withdraws commitment #1" in m.withdrawals[0].text
    assert "It was France's 1 billion euros (funding) to Monitor, made in round 1." in m.withdrawals[0].text
    assert m.withdrawals[0].label == "Round 1"
    assert len(m.lapses) == 1
    assert "#2" in m.lapses[0].text and "if United States commits guarantee" in m.lapses[0].text


def test_lost_vote_and_the_commitment_it_undid(crafted):
    m = moments_of(crafted)
    assert len(m.votes_lost) == 1
    assert "Bundestag rejects Germany's ground troops" in m.votes_lost[0].text
    assert "upset" not in m.votes_lost[0].text  # 40% odds: losing was the likelier result
    statuses = {c.id: c.status for c in crafted.view("public").commitments}
    assert statuses[3] == "rejected"


def test_conditional_chain_unlocks_on_the_pledge_that_met_it(crafted):
    flips = conditional_flips(crafted)
    unlocked = {f.commitment: f for f in flips if f.effective}
    assert set(unlocked) == {4, 5}  # the US funding rested on Germany's, which waited for French assets
    assert unlocked[5].round == unlocked[4].round == 2
    assert "France: 1 drone and sensor package" in unlocked[5].cause
    chains = {c.commitment: c for c in moments_of(crafted).chains}
    assert set(chains) == {2, 4, 5}
    assert chains[4].rests_on == (5,) and chains[4].unlocked and chains[4].effective
    assert not chains[2].unlocked and chains[2].status == "lapsed"


def test_facilitator_interventions_and_event_effects(crafted):
    m = moments_of(crafted)
    texts = [e.text for e in m.interventions]
    assert any(REASON in t for t in texts)
    assert any(t.startswith("Bundestag vote delayed") or t.startswith("Washington turns") for t in texts)
    assert [i.round for i in m.events] == sorted(i.round for i in m.events)
    injected = [i for i in m.events if i.injected]
    assert len(injected) == 1 and injected[0].effects
    signal = next(i for i in m.events if i.event == "moscow_signal")
    assert signal.tracks == (("Ceasefire talks", 3, 5),) and signal.track_change == 20


def test_turning_points_follow_status_changes(crafted):
    m = moments_of(crafted)
    points = round_points(crafted)
    changes = sum(before.status[p] != after.status[p] for before, after in zip(points, points[1:], strict=False)
                  for p in after.status)
    assert len(m.turning_points) == changes


def test_the_page_and_the_write_up_show_the_moments(crafted):
    html = review_html(crafted)
    moments = html[html.index('id="moments"'):html.index('id="contributions"')]
    for text in ("withdraws commitment #1", "lapsed", "Bundestag rejects", "Unlocked in round 2",
                 "(itself conditional)", escape(REASON), "injected by the facilitator"):
        assert text in moments, text
    assert "<record>" not in html  # the facilitator's reason is escaped everywhere
    markdown = review_markdown(crafted)
    assert "Unlocked in round 2" in markdown and "\\<record\\>" in markdown
