"""Composes a frame of the table from cached layers, so an unchanged table costs a few blits.

Layers: the static board (per window size), the live board (per game change, viewer or
selection; seat cards re-rendered only for seats whose view changed), the seat panel,
the log, then the top bar, the message strip and the overlays, drawn every frame.
"""

from dataclasses import dataclass

import pygame

from game.ui.board import draw_gauges, draw_links, draw_static
from game.ui.drawing import draw_tag, tag_width
from game.ui.layout import Layout
from game.ui.logview import LogPanel
from game.ui.palette import Identity, Palette
from game.ui.panels import (
    card_button_rect,
    draw_curtain,
    draw_event_card,
    draw_help,
    draw_notice,
    draw_paused,
    draw_top_bar,
    event_card_rect,
    render_my_panel,
    render_seat_panel,
)
from game.ui.priority_blocks import draw_priorities
from game.ui.priority_card import PREFIX, render_priority_panel
from game.ui.seat_card import render_seat_card
from game.ui.session import Session
from game.ui.text import Text


@dataclass
class Overlay:
    """What covers the table this frame."""

    curtain: bool = False
    card: bool = False
    help: bool = False


class TableRenderer:
    def __init__(self, session: Session, text: Text, palette: Palette, ids: dict[str, Identity]):
        self.session, self.text, self.palette, self.ids = session, text, palette, ids
        self.layout: Layout | None = None
        self.static: pygame.Surface | None = None
        self.board: pygame.Surface | None = None
        self.board_key: tuple | None = None
        self.panel: pygame.Surface | None = None
        self.panel_key: tuple | None = None
        self.cards: dict[str, tuple] = {}
        self.log = LogPanel(text, palette, ids)
        self.panel_scroll = 0
        self.lines = "all"
        """Commitment lines: "all", "focus" (the selected seat's, or the turn's), or "off"."""

    def set_layout(self, layout: Layout) -> None:
        s = self.session
        self.layout = layout
        self.static = pygame.Surface(layout.size).convert()
        tracks = tuple(t.id for t in s.scenario.tracks)
        draw_static(self.static, layout, s.names, tracks, self.text, self.palette)
        self.board_key = self.panel_key = None
        self.cards.clear()
        self.log.seen = ()

    # -- layers ---------------------------------------------------------------------------------
    def _board(self, selected: str | None) -> pygame.Surface:
        s = self.session
        key = (s.revision, s.viewer, selected, self.lines)
        if self.board is not None and self.board_key == key:
            return self.board
        screen = s.screen()
        layout = self.layout
        if self.board is None or self.board.get_size() != layout.size:
            self.board = pygame.Surface(layout.size).convert()
        board = self.board
        board.blit(self.static, (0, 0))
        bounds = {tid: (t.min, t.max) for tid, t in s.game.catalog.tracks.items()}
        draw_gauges(board, layout, screen, bounds, self.text, self.palette)
        if self.lines != "off":
            focus = frozenset({selected or s.viewer or screen.turn_seat} - {None}) if self.lines == "focus" else None
            draw_links(board, layout, screen, self.ids, self.text, self.palette, focus)
        draw_priorities(board, layout, screen, self.text, self.palette)
        for seat, rect in layout.seats.items():
            board.blit(self._card(seat, rect.size, selected), rect)
        self.board_key = key
        return board

    def _card(self, seat: str, size: tuple[int, int], selected: str | None) -> pygame.Surface:
        s = self.session
        screen = s.screen()
        d = screen.delegates[seat]
        bot = s.bots.personality(seat) if s.is_bot(seat) else ""
        flags = (screen.turn_seat == seat, s.viewer == seat, selected == seat, size, bot)
        cached = self.cards.get(seat)
        if cached is not None and cached[0] is d and cached[1] == flags:
            return cached[2]
        surface = render_seat_card(d, self.ids[seat], size, turn=flags[0], you=flags[1], selected=flags[2],
                                   full=self.layout.full_cards, priorities=tuple(screen.priorities),
                                   kinds=screen.kinds, short_kinds=s.names.kind_short, bot=bot, text=self.text, palette=self.palette,
                                   scale=self.layout.scale)
        self.cards[seat] = (d, flags, surface)
        return surface

    def _panel(self, selected: str | None) -> pygame.Surface:
        s = self.session
        width = self.layout.right.width
        key = (s.revision, s.viewer, selected, width)
        if self.panel is not None and self.panel_key == key:
            return self.panel
        screen = s.screen()
        scale = self.layout.scale
        if selected and selected.startswith(PREFIX):
            pid = selected[len(PREFIX):]
            self.panel = render_priority_panel(screen, screen.priorities[pid], s.game.catalog.priorities[pid].description,
                                               width, s.names, self.text, self.palette, scale)
            self.panel_key = key
            return self.panel
        seat = selected or (None if s.viewer else screen.turn_seat)
        if s.viewer and seat in (None, s.viewer):
            self.panel = render_my_panel(screen, width, s.names, self.ids, self.text, self.palette, scale)
        elif seat is not None:
            static = s.game.catalog.delegates[seat]
            self.panel = render_seat_panel(screen, seat, static.public_brief, s.game.controller(seat), width, s.names,
                                           self.ids, self.text, self.palette, scale, back_hint=s.viewer is not None)
        else:
            self.panel = pygame.Surface((width, 10), pygame.SRCALPHA)
        self.panel_key = key
        return self.panel

    def cycle_lines(self) -> str:
        """Switches the commitment lines: all, one delegation's, none; returns the new setting."""
        order = ("all", "focus", "off")
        self.lines = order[(order.index(self.lines) + 1) % len(order)]
        return self.lines

    def card_rect(self) -> pygame.Rect | None:
        """Returns where the first queued event card is drawn (None without one)."""
        card = self.session.card()
        return event_card_rect(self.layout, card, self.text) if card else None

    def card_button(self) -> pygame.Rect | None:
        rect = self.card_rect()
        return card_button_rect(self.layout, rect) if rect else None

    def scroll_panel(self, pixels: int) -> None:
        if self.panel is None:
            return
        limit = max(0, self.panel.get_height() - self.layout.right.height + 20)
        self.panel_scroll = max(0, min(limit, self.panel_scroll + pixels))

    # -- the frame --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, selected: str | None, overlay: Overlay, hint: str) -> None:
        s = self.session
        layout = self.layout
        screen = s.screen()
        surface.blit(self._board(selected), (0, 0))
        right = layout.right
        panel = self._panel(selected)
        more = panel.get_height() - self.panel_scroll > right.height
        label = "more below: scroll"
        strip = self.text.height("tiny", True) + layout.px(8) if more else 0
        clip = surface.get_clip()
        surface.set_clip(right.inflate(0, -strip).move(0, -strip // 2))
        surface.blit(panel, (right.left, right.top - self.panel_scroll))
        surface.set_clip(clip)
        if more:
            width = tag_width(self.text, label)
            draw_tag(surface, self.text, label, (right.right - width - layout.px(8), right.bottom - strip + layout.px(3)),
                     self.palette.colours.accent)
        self.log.sync(screen.log, layout.log.width - 16, s.viewer)
        log_rect = layout.log.inflate(-layout.px(12), 0)
        log_rect.top += layout.px(28)
        log_rect.height -= layout.px(34)
        self.log.draw(surface, log_rect)
        turn = screen.turn_seat
        draw_top_bar(surface, layout, screen, s.clock, s.scenario.meta.title, s.names, self.ids,
                     bool(turn and s.is_bot(turn)), s.pace, self.text, self.palette)
        draw_notice(surface, layout, s.notice, hint, self.text, self.palette)
        card = s.card() if overlay.card else None
        if card is not None:
            draw_event_card(surface, layout, card, self.card_rect(), len(s.cards) - 1, self.text, self.palette)
        elif overlay.curtain:
            draw_curtain(surface, layout, s.names(s.curtain_for), self.ids[s.curtain_for], self.text, self.palette)
        elif screen.paused:
            draw_paused(surface, layout, self.text, self.palette)
        if overlay.help:
            draw_help(surface, layout, self.text, self.palette)
