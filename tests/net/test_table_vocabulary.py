"""The browser seat says the scenario's words: the host sends them in the `table` message."""

from game.content.scenarios import load_scenario
from game.engine import Game
from game.net.catalog import table_message


def test_the_table_message_carries_the_vocabulary_and_the_sign_title():
    loaded = load_scenario("cop21-2015")
    game = Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
    words = table_message(game, "seat")["vocabulary"]
    assert words["sign_title"] == "Sign an article of the Paris Agreement"
    assert words["result"] == "Conference result" and words["clause"] == "article"
