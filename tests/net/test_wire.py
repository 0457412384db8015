"""What goes on the wire: views round-trip exactly, codes carry 40 bits and forgive typos,
messages are parsed strictly, failed joins are rate-limited, the phase clock stops when paused."""

import json
import stat

import pytest

from game.bots import BotTable
from game.content.scenarios import load_scenario
from game.engine import Game
from game.model.wire import MAX_MESSAGE_BYTES, SERVER_MESSAGES, Act, Join
from game.net.clock import PhaseClock, class_plan
from game.net.codes import ALPHABET, BITS, CodesError, JoinCodes, new_code, normalise
from game.net.protocol import BadMessage, JoinLimiter, parse_message
from game.net.views import ViewDecoder, ViewEncoder, log_entry, to_data
from game.sim.playthrough import default_controllers


def test_views_round_trip_for_every_role_through_a_game():
    loaded = load_scenario("paris-2026")
    controllers = default_controllers(loaded.scenario)
    game = Game.new(loaded.scenario, 2, content_hash=loaded.content_hash, controllers=controllers)
    bots = BotTable(game, controllers)
    encoder, decoder = ViewEncoder(), ViewDecoder()
    checked = 0
    while not game.over:
        if len(game.actions) % 60 == 0:
            for seat in ("fr", "us", "facilitator", "public"):
                view = game.view(seat)
                data = json.loads(encoder.view_json(view))
                log = tuple(log_entry(e) for e in json.loads(encoder.log_json(view.log)))
                assert to_data(decoder.view(data, log)) == to_data(view)
                checked += 1
        bots.step(game.turn_seat)
    assert checked >= 20


def test_sets_become_sorted_lists_and_tuple_keys_become_rows():
    assert to_data(frozenset({"b", "a"})) == ["a", "b"]
    assert to_data({("troops", "force"): 1.5}) == [["troops", "force", 1.5]]
    assert to_data((1, (2, 3))) == [1, [2, 3]]
    with pytest.raises(TypeError):
        to_data(object())


def test_codes_have_40_bits_and_forgive_typing():
    assert len(ALPHABET) == 32 and BITS >= 40 and not set("ILOU") & set(ALPHABET)
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 9 and c[4] == "-" for c in codes)
    assert normalise("k7qf 2m9c") == "K7QF-2M9C"
    assert normalise("O1IL-oooo") == "0111-0000"
    assert normalise("K7QF-2M9") == "" and normalise("K7QF-2M9U") == ""
    table = JoinCodes.fresh(("fr", "de"))
    assert table.seat_for(table.by_seat["de"].lower()) == "de" and table.seat_for("") is None


def test_codes_file_is_owner_only_and_checked(tmp_path):
    table = JoinCodes.fresh(("fr", "de"))
    path = tmp_path / "codes.json"
    table.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert JoinCodes.load(path, ("fr", "de")).by_seat == table.by_seat
    with pytest.raises(CodesError, match="no valid code for 'uk'"):
        JoinCodes.load(path, ("fr", "de", "uk"))
    path.write_text("{")
    with pytest.raises(CodesError, match="bad JSON"):
        JoinCodes.load(path, ("fr",))


@pytest.mark.parametrize("text, expected", [
    ("nope", "not JSON"), ("[]", "JSON object"), ('{"type": 3}', "JSON object"),
    ('{"type": "dance"}', "unknown message type 'dance'"),
    ('{"type": "join", "code": "A", "extra": 1}', "extra"),
    ('{"type": "act", "action": []}', "action"),
    ('{"type": "join", "spectator": "yes"}', "spectator"),
    ("x" * (MAX_MESSAGE_BYTES + 1), "too large"),
    ('{"type": "act", "action": {}, "id": ' + "9" * 5000 + "}", "not JSON"),
])
def test_bad_messages_are_explained(text, expected):
    with pytest.raises(BadMessage, match=expected):
        parse_message(text)


def test_good_messages_parse():
    assert isinstance(parse_message('{"type": "join", "code": "K7QF-2M9C"}'), Join)
    assert isinstance(parse_message('{"type": "act", "action": {"kind": "pass"}, "id": 4}'), Act)
    assert SERVER_MESSAGES.validate_python({"type": "applied", "action": {"kind": "pass"}, "seq": 3}).seq == 3


def test_failed_joins_are_limited_per_address_and_forgotten():
    now = [0.0]
    limiter = JoinLimiter(limit=2, window=10, clock=lambda: now[0])
    limiter.failed("a")
    limiter.failed("a")
    assert limiter.blocked("a") and not limiter.blocked("b")
    now[0] = 11
    assert not limiter.blocked("a")


def test_the_phase_clock_stands_still_while_paused():
    now = [0.0]
    clock = PhaseClock(60, clock=lambda: now[0])
    assert clock.update(1, "negotiation", False) and clock.remaining() == 60
    now[0] = 20
    clock.update(1, "negotiation", True)
    now[0] = 50
    assert clock.remaining() == 40 and not clock.expired()
    clock.update(1, "negotiation", False)
    now[0] = 100
    assert clock.expired()
    clock.update(1, "approvals", False)
    assert clock.remaining() is None and not clock.update(1, "negotiation", False)
    assert clock.update(2, "negotiation", False)


def test_a_90_minute_class_fits_the_flagship_with_a_15_minute_debrief():
    plan = class_plan(90, load_scenario("paris-2026").scenario.rules.rounds)
    assert plan.debrief == 15 and plan.rounds >= 4 and plan.round_minutes >= 8


def test_a_str_subclass_goes_on_the_wire_as_a_string_not_its_letters():
    from enum import StrEnum

    from game.net.views import to_data

    class Tone(StrEnum):
        GOOD = "good"

    assert to_data(Tone.GOOD) == "good"
    assert to_data((Tone.GOOD, 1)) == ["good", 1]
