"""Draws a frame of the table on the window, redrawing only what changed.

Each region (the top bar, the tracks, the log, the seat panel, the message strip, the table in
the middle) is drawn again only when what it shows changed, and `draw` returns the rects it
drew. Overlays (an event card, the curtain, the pause banner, the keys) lie over the regions:
one coming or going redraws what it covers or uncovers.
"""

from dataclasses import dataclass

import pygame

from game.ui.board import draw_gauges, draw_static
from game.ui.board_layer import BoardLayer
from game.ui.damage import merge_rects
from game.ui.drawing import copy_source, draw_tag, tag_width
from game.ui.layout import Layout
from game.ui.logview import LogPanel
from game.ui.palette import Identity, Palette
from game.ui.panel_parts import PanelParts, Part, draw_parts
from game.ui.panels import (
    PANEL_MOST,
    card_button_rect,
    draw_curtain,
    draw_event_card,
    draw_help,
    draw_my_panel,
    draw_notice,
    draw_paused,
    draw_top_bar,
    event_card_rect,
    help_rect,
    paused_rect,
    seat_panel_parts,
)
from game.ui.priority_card import PREFIX, draw_priority_panel
from game.ui.session import Session
from game.ui.text import Text

PANEL_SPILL = 64
"""Rows below a panel's measured height that its last line's descenders may reach."""


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
        self.board = BoardLayer(session, text, palette, ids)
        self.parts = PanelParts()
        """The seat panel's parts, kept rendered by what each shows."""
        self.panel_height: int | None = None
        """How tall the panel drawn last is (it scrolls when taller than the room it has)."""
        self.sheet: pygame.Surface | None = None
        self.sheet_used = 0
        self.log = LogPanel(text, palette, ids)
        self.panel_scroll = 0
        self.lines = "all"
        """Commitment lines: "all", "focus" (the selected seat's, or the turn's), or "off"."""
        self.keys: dict[str, tuple] = {}
        """What each region showed when last drawn; a missing key draws the region again."""
        self.whole = True
        """True when the next frame must compose everything (after a resize, or tools dropping caches)."""
        self.covered: list[pygame.Rect] = []
        """Where the overlays drawn last lie."""
        self.canvas: tuple | None = None
        """The surface drawn on, and its `lost` count, when everything was last drawn."""

    def set_layout(self, layout: Layout) -> None:
        s = self.session
        self.layout = layout
        self.static = copy_source(layout.size)
        tracks = tuple(t.id for t in s.scenario.tracks)
        draw_static(self.static, layout, s.names, tracks, self.text, self.palette)
        self.board.set_layout(layout, self.static)
        self.parts.forget()
        self.sheet = None
        self.log.seen = ()
        self.whole = True

    def forget(self) -> None:
        """Drops every rendered card, block and panel part: the next frame draws everything again."""
        self.board.forget()
        self.parts.forget()
        self.whole = True

    # Tests and tools force a fresh render by clearing these (as before the table was composed by regions).
    @property
    def board_key(self) -> tuple | None:
        return self.board.seen

    @board_key.setter
    def board_key(self, value: None) -> None:
        self.board.forget()
        self.whole = True

    @property
    def panel_key(self) -> tuple | None:
        return self.keys.get("panel")

    @panel_key.setter
    def panel_key(self, value: None) -> None:
        self.keys.pop("panel", None)
        self.parts.forget()

    @property
    def cards(self) -> dict[str, tuple]:
        return self.board.cards

    def _card(self, seat: str, size: tuple[int, int], selected: str | None) -> pygame.Surface:
        return self.board.card(seat, size, selected)

    # -- the seat panel ---------------------------------------------------------------------------
    def _panel_source(self, selected: str | None) -> list[Part]:
        """Returns the right panel's parts: (everything a part shows, a function drawing it on a surface
        and returning its height). The panel is drawn again only when a key changes, and a part is
        rendered again only when no part kept has its key."""
        s = self.session
        screen = s.screen()
        scale = self.layout.scale
        args = (self.text, self.palette, scale)
        if selected and selected.startswith(PREFIX):
            pid = selected[len(PREFIX):]
            p = screen.priorities[pid]
            reserved = tuple(screen.delegates[seat].signed.get(pid) for seat in p.signatories)
            description = s.game.catalog.priorities[pid].description
            return [(("priority", pid, p, screen.over, reserved),
                     lambda out: draw_priority_panel(out, screen, p, description, s.names, *args))]
        seat = selected or (None if s.viewer else screen.turn_seat)
        if s.viewer and seat in (None, s.viewer):
            viewer = s.viewer
            turn = screen.turn_seat == viewer and not screen.over
            terms = tuple((c.id, c.term_ends, c.status) for c in screen.view.mine if c.term_ends is not None)
            key = ("me", viewer, screen.me, screen.delegates[viewer], turn, screen.actions_left if turn else None,
                   screen.offers, terms, screen.round if terms else None)
            return [(key, lambda out: draw_my_panel(out, screen, s.names, self.ids, *args))]
        if seat is not None:
            brief, controller = s.game.catalog.delegates[seat].public_brief, s.game.controller(seat)
            return seat_panel_parts(screen, seat, brief, controller, s.names, self.ids, *args,
                                    back_hint=s.viewer is not None)
        return [(("none",), lambda out: 10)]

    def _draw_panel(self, canvas: pygame.Surface, parts: list[Part]) -> None:
        """Draws the panel on the canvas (its parts as kept; on a sheet of its own, drawn afresh, when
        scrolled), then the scroll hint."""
        right, layout = self.layout.right, self.layout
        if self.panel_scroll == 0:
            height = self.parts.draw(canvas, right, parts)
        else:
            sheet = self._sheet()
            height = self.sheet_used = min(sheet.get_height(), draw_parts(sheet, parts))
            canvas.blit(sheet, right.topleft, pygame.Rect(0, self.panel_scroll, right.width, right.height))
        self.panel_height = height
        if height - self.panel_scroll > right.height:
            strip = pygame.Rect(right.left, right.bottom - self.text.height("tiny", True) - layout.px(8), right.width, 0)
            strip.height = right.bottom - strip.top
            canvas.blit(self.static, strip, strip)
            label = "more below: scroll"
            width = tag_width(self.text, label)
            draw_tag(canvas, self.text, label, (right.right - width - layout.px(8), strip.top + layout.px(3)),
                     self.palette.colours.accent)

    def _panel_damage(self, key: tuple) -> pygame.Rect:
        """Returns what changed in the panel: from the first part that changed down (with the scroll hint's
        strip), or all of it."""
        right, before = self.layout.right, self.keys.get("panel")
        if before is None or before[1] or key[1]:  # a scrolled panel is drawn afresh, on a sheet
            return right
        top = self.parts.changed_from(before[0], key[0])
        if top is None:
            return right
        top = min(right.top + top, right.bottom - self.text.height("tiny", True) - self.layout.px(8))
        return pygame.Rect(right.left, top, right.width, right.bottom - top)

    def _sheet(self) -> pygame.Surface:
        """Returns a transparent surface as tall as the tallest panel (the rows used last time are
        cleared), to draw a scrolled panel on before it is laid over the canvas."""
        size = (self.layout.right.width, self.layout.px(PANEL_MOST))
        if self.sheet is None or self.sheet.get_size() != size:
            self.sheet, self.sheet_used = pygame.Surface(size, pygame.SRCALPHA), 0
        self.sheet.fill((0, 0, 0, 0), pygame.Rect(0, 0, size[0], self.sheet_used + PANEL_SPILL))
        return self.sheet

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
        if self.panel_height is None:
            return
        limit = max(0, self.panel_height - self.layout.right.height + 20)
        self.panel_scroll = max(0, min(limit, self.panel_scroll + pixels))

    # -- the frame --------------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, selected: str | None, overlay: Overlay, hint: str,
             lost: int = 0) -> list[pygame.Rect]:
        """Brings the frame on `canvas` up to date; returns the rects drawn again. `lost` counts the
        times the canvas lost what was drawn on it: when it moves, everything is drawn again.

        Each rect drawn again is drawn whole, clipped to it and from the bottom up (the static frame,
        the regions, the table, the overlays), so an overlay's text is never blended twice."""
        s = self.session
        screen = s.screen()
        covering = self._overlay_key(overlay, screen)
        covered = self._overlay_rects(overlay, screen)
        regions = self._regions(screen, selected, hint)
        damage = self.board.changes(selected, self.lines)
        if self.whole or (canvas, lost) != self.canvas:
            self.canvas, self.whole = (canvas, lost), False
            damage = [canvas.get_rect()]
        else:
            for name, rect, key, _draw in regions:
                if self.keys.get(name, self) != key:
                    damage.append(self._panel_damage(key) if name == "panel" else rect)
            if covering != self.keys.get("overlay"):  # what the old overlay hid, and what the new one hides
                damage += self.covered + covered
        self.keys = {name: key for name, _rect, key, _draw in regions}
        self.keys["overlay"], self.covered = covering, covered
        rects = merge_rects(damage, canvas.get_rect())
        for rect in rects:
            self._compose(canvas, rect, regions, overlay if covering != (None, False) else None, screen)
        return rects

    def _compose(self, canvas: pygame.Surface, rect: pygame.Rect, regions: list, overlay: Overlay | None,
                 screen) -> None:
        canvas.set_clip(rect)
        canvas.blit(self.static, rect, rect)
        for _name, area, _key, draw in regions:
            if area.colliderect(rect):
                canvas.set_clip(area.clip(rect))
                draw(canvas)
        centre = rect.clip(self.layout.centre)
        if centre.width and centre.height:  # no region reaches into the centre: the static table is there
            self.board.compose(canvas, centre, ground=False)
        if overlay is not None:
            canvas.set_clip(rect)
            self._draw_overlays(canvas, overlay, screen)
        canvas.set_clip(None)

    def _regions(self, screen, selected: str | None, hint: str) -> list[tuple]:
        """Returns each region around the table: (name, rect, everything it shows, a function drawing it)."""
        s, layout = self.session, self.layout
        bounds = {tid: (t.min, t.max) for tid, t in s.game.catalog.tracks.items()}
        self.log.sync(screen.log, layout.log.width - 16, s.viewer)
        log_rect = layout.log.inflate(-layout.px(12), 0)
        log_rect.top += layout.px(28)
        log_rect.height -= layout.px(34)
        panel = self._panel_source(selected)
        shown = tuple(key for key, _draw in panel)
        turn = screen.turn_seat
        bot_seat = bool(turn and s.is_bot(turn))
        clock = s.clock
        top = (screen.round, screen.rounds, screen.phase, screen.over, screen.paused, turn, screen.actions_left,
               bot_seat, s.pace, clock.text(), clock.overtime, clock.limit is not None)
        notice = (s.notice.text, s.notice.bad) if s.notice is not None else None
        text, palette = self.text, self.palette
        return [
            ("gauges", layout.gauges, tuple(screen.tracks.items()),
             lambda canvas: draw_gauges(canvas, layout, screen, bounds, text, palette)),
            ("log", log_rect, (self.log.version, self.log.scroll), lambda canvas: self.log.draw(canvas, log_rect)),
            ("panel", layout.right, (shown, self.panel_scroll), lambda canvas: self._draw_panel(canvas, panel)),
            ("top", layout.top, top,
             lambda canvas: draw_top_bar(canvas, layout, screen, clock, s.scenario.meta.title, s.names, self.ids,
                                         bot_seat, s.pace, text, palette)),
            ("message", layout.message, (notice, hint),
             lambda canvas: draw_notice(canvas, layout, s.notice, hint, text, palette)),
        ]

    def _overlay_rects(self, overlay: Overlay, screen) -> list[pygame.Rect]:
        """Returns where the overlays up now draw (the card with its shadow, the curtain, the banner, the keys)."""
        s, layout = self.session, self.layout
        rects = []
        card = s.card() if overlay.card else None
        if card is not None:
            rect = self.card_rect()
            rects.append(rect.union(rect.move(layout.px(6), layout.px(6))))
        elif overlay.curtain:
            rects.append(pygame.Rect(0, layout.top.bottom, layout.size[0], layout.size[1] - layout.top.bottom))
        elif screen.paused:
            rects.append(paused_rect(layout))
        if overlay.help:
            rects.append(help_rect(layout))
        return rects

    def _overlay_key(self, overlay: Overlay, screen) -> tuple:
        """Returns what covers the table: (the card, curtain or pause banner, or None; the keys help)."""
        s = self.session
        card = s.card() if overlay.card else None
        if card is not None:
            cover = ("card", card.seq, len(s.cards))
        elif overlay.curtain:
            cover = ("curtain", s.curtain_for)
        elif screen.paused:
            cover = ("paused",)
        else:
            cover = None
        return cover, overlay.help

    def _draw_overlays(self, canvas: pygame.Surface, overlay: Overlay, screen) -> None:
        s, layout = self.session, self.layout
        card = s.card() if overlay.card else None
        if card is not None:
            draw_event_card(canvas, layout, card, self.card_rect(), len(s.cards) - 1, self.text, self.palette)
        elif overlay.curtain:
            draw_curtain(canvas, layout, s.names(s.curtain_for), self.ids[s.curtain_for], self.text, self.palette)
        elif screen.paused:
            draw_paused(canvas, layout, self.text, self.palette)
        if overlay.help:
            draw_help(canvas, layout, self.text, self.palette)
