"""The table fits any scenario: 2 delegations and 1 priority, 30 delegations with long names and 8
priorities, at 1024x768 and 1920x1080, with no text cut or drawn over other text, and every
delegation's full name a click away."""

import itertools

import pygame
import pytest

from game.content.scenarios import load_scenario
from game.engine import Game
from game.ui.seat_card import pips_top
from game.ui.session import Session
from tests.ui.driver import Driver, pixel_spread

LONG_NAMES = ("Bosnia and Herzegovina", "Democratic Republic of the Congo", "Saint Vincent and the Grenadines",
              "Organisation for Security and Co-operation in Europe", "Liechtenstein (for the Alpine states)",
              "United Nations Secretariat")
SIZES = [(1024, 768), (1920, 1080)]


def tiny_scenario():
    """The tutorial cut to its first two delegations and first priority."""
    s = load_scenario("tutorial").scenario
    keep = s.priorities[0]
    seats = s.delegates[:2]
    kinds = [k.model_copy(update={"contributes": {keep.id: k.contributes.get(keep.id, 1)}})
             for k in s.commitment_kinds]
    delegates = [d.model_copy(update={"objectives": [], "red_lines": type(d.red_lines)()}) for d in seats]
    priority = keep.model_copy(update={"required_leads": [], "required_signatories": [], "min_signatories": 0,
                                       "excluded_contributors": []})
    rules = s.rules.model_copy(update={"end_conditions": []})
    return s.model_copy(update={"delegates": delegates, "priorities": [priority], "commitment_kinds": kinds,
                                "events": [], "reference_outcome": None, "rules": rules})


def crowded_scenario():
    """Paris with six more delegations (long names) and three more priorities (long names): 30 and 8."""
    s = load_scenario("paris-2026").scenario
    extra = [s.delegates[i % len(s.delegates)].model_copy(update={"id": f"x{i}", "name": name, "core": False})
             for i, name in enumerate(LONG_NAMES)]
    more = [s.priorities[-1].model_copy(update={"id": f"p{i}", "name": f"Long-term reconstruction financing and reform track {i}",
                                                 "short": f"Reconstruction {i}", "required_leads": [], "required_signatories": []})
            for i in range(8 - len(s.priorities))]
    return s.model_copy(update={"delegates": [*s.delegates, *extra], "priorities": [*s.priorities, *more]})


SCENARIOS = {"tiny": tiny_scenario, "crowded": crowded_scenario, "paris": lambda: load_scenario("paris-2026").scenario}
CASES = [(name, size) for name in ("tiny", "crowded") for size in SIZES] + [("paris", (1280, 800))]


def _table(scenario, size) -> Driver:
    d = Driver(size)
    game = Game.new(scenario, 5, controllers={x.id: x.bot for x in scenario.delegates})
    session = Session(game, d.app.palette, pace="fast")
    d.app.show_table(session)
    for _ in range(60):
        d.frames(1)
        session.cards.clear()  # event cards would cover the table
    session.bots_halted = True
    d.app.text._renders.clear()
    d.scene.renderer.board_key = None
    d.scene.renderer.cards.clear()
    return d


def _drawn_on(d: Driver, area: pygame.Rect) -> list[tuple[str, pygame.Rect]]:
    """Returns each line of text blitted inside `area` while the board is drawn afresh, with its rect."""
    text, seen = d.app.text, []
    blit = text.blit

    def spy(surface, words, pos, size, colour, bold=False, anchor="topleft", width=None):
        rect = blit(surface, words, pos, size, colour, bold, anchor, width)
        seen.append((text.fit(words, size, width, bold) if width else words, rect, surface))
        return rect

    text.blit = spy
    d.scene.renderer.board_key = None
    d.scene.renderer.cards.clear()
    d.shot()
    text.blit = blit
    return [(words, rect) for words, rect, surface in seen if surface.get_size() != d.app.size or area.contains(rect)]


@pytest.mark.parametrize(("name", "size"), CASES)
def test_extreme_tables_fit_without_cut_or_overlapping_text(name, size, tmp_path):
    scenario = SCENARIOS[name]()
    d = _table(scenario, size)
    layout = d.scene.layout
    shot = d.shot(tmp_path / f"{name}-{size[0]}x{size[1]}.png")
    assert len(layout.seats) == len(scenario.delegates) and len(layout.priorities) == len(scenario.priorities)
    for a, b in itertools.combinations([*layout.seats.values(), *layout.priorities.values()], 2):
        assert not a.colliderect(b), f"{a} overlaps {b}"
    for rect in layout.seats.values():
        assert layout.centre.contains(rect)
    for rect in layout.priorities.values():
        assert layout.table.contains(rect)
    cards = {seat: [] for seat in layout.seats}
    for words, _rect in _drawn_on(d, layout.centre):
        assert not words.endswith("…"), f"cut: {words!r}"
    # each card's lines, measured on a card of its own: none leaves the card, none covers another
    renderer = d.scene.renderer
    for seat, rect in layout.seats.items():
        lines = _card_lines(d, renderer, seat, rect.size)
        cards[seat] = lines
        squares = pips_top(rect.height, layout.full_cards, layout.scale)[0]
        for words, box in lines:
            assert pygame.Rect((0, 0), rect.size).contains(box), f"{seat}: {words!r} leaves its card"
            assert box.bottom <= squares, f"{seat}: {words!r} is drawn over the signature squares"
        for (w1, b1), (w2, b2) in itertools.combinations(lines, 2):
            assert not b1.inflate(0, -4).colliderect(b2.inflate(0, -4)), f"{seat}: {w1!r} is drawn over {w2!r}"
    assert pixel_spread(shot, layout.table) > 8
    d.close()


def _card_lines(d: Driver, renderer, seat: str, size) -> list[tuple[str, pygame.Rect]]:
    text, seen = d.app.text, []
    blit = text.blit

    def spy(surface, words, pos, size_, colour, bold=False, anchor="topleft", width=None):
        rect = blit(surface, words, pos, size_, colour, bold, anchor, width)
        shown = text.fit(words, size_, width, bold) if width else words
        box = text.render(shown, size_, colour, bold).get_bounding_rect().move(rect.topleft)
        seen.append((shown, box))
        return rect

    text.blit = spy
    renderer.cards.pop(seat, None)
    renderer._card(seat, size, None)
    text.blit = blit
    return seen


@pytest.mark.parametrize("size", SIZES)
def test_a_click_on_a_delegation_shows_its_full_name(size):
    scenario = crowded_scenario()
    d = _table(scenario, size)
    layout, name = d.scene.layout, LONG_NAMES[3]
    card = _card_lines(d, d.scene.renderer, "x3", layout.seats["x3"].size)
    assert name not in " ".join(words for words, _ in card)  # too long for its card: abbreviated
    d.click(layout.seats["x3"].move(0, -2).center)
    assert d.scene.selected == "x3"
    d.app.text._renders.clear()
    d.scene.renderer.panel_key = None
    d.shot()
    shown = " ".join(key[0] for key in d.app.text._renders)
    assert set(name.split()) <= set(shown.split()), "the public card names the delegation in full"
    assert not [key[0] for key in d.app.text._renders if key[0].endswith("…") and "Organis" in key[0]]
    d.close()
