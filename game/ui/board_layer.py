"""The table in the middle of the screen, redrawn only where it changed.

Seat cards and priority blocks are rendered once per content (their views compare by value)
and kept as surfaces; the commitment lines are listed as strokes with boxes. A change marks
the rects of the cards, blocks and strokes that differ, and each such rect is composed again,
clipped to it, from the bottom up: the static table, the strokes crossing it, the blocks, the cards.
"""

import pygame

from game.ui.board import draw_strokes, link_strokes
from game.ui.layout import Layout
from game.ui.palette import Identity, Palette
from game.ui.priority_blocks import block_key, render_priority_block
from game.ui.seat_card import render_seat_card
from game.ui.text import Text


class BoardLayer:
    def __init__(self, session, text: Text, palette: Palette, ids: dict[str, Identity]):
        self.session, self.text, self.palette, self.ids = session, text, palette, ids
        self.layout: Layout | None = None
        self.static: pygame.Surface | None = None
        self.cards: dict[str, tuple] = {}
        """seat -> (what the card shows, its surface); clear it to render every card again."""
        self.earlier: dict[str, tuple] = {}
        """seat -> the card it showed before (a seat whose turn ends without a change shows it again)."""
        self.blocks: dict[str, tuple] = {}
        self.heads: dict[tuple, pygame.Surface] = {}
        """Priority blocks with only their ground, status and name drawn (see `render_priority_block`)."""
        self.card_heads: dict[tuple, tuple] = {}
        """Seat cards with only their ground, frame and header drawn (see `render_seat_card`)."""
        self.strokes: tuple = ()
        self.stroke_source: tuple | None = None
        """What the strokes were listed from: (commitments, offers, the seats in focus)."""
        self.bounds: list[pygame.Rect] = []
        self.owners: list[int] = []
        """The stroke each box in `bounds` belongs to."""
        self.placed: dict[tuple, object] = {}
        """Strokes already placed on this layout (see `board.link_strokes`)."""
        self.seen: tuple | None = None
        """What the cards, blocks and strokes were last checked against (None: check them all)."""
        self.renders = 0
        """Seat cards and priority blocks rendered so far (tests count re-renders with it)."""

    def set_layout(self, layout: Layout, static: pygame.Surface) -> None:
        self.layout, self.static = layout, static
        self.placed.clear()
        self.strokes, self.bounds, self.owners = (), [], []
        self.forget()

    def forget(self) -> None:
        """Drops every rendered card and block: the next frame renders the whole table afresh."""
        self.cards.clear()
        self.earlier.clear()
        self.blocks.clear()
        self.heads.clear()
        self.card_heads.clear()
        self.seen = None
        self.stroke_source = None

    # -- what changed ---------------------------------------------------------------------------
    def changes(self, selected: str | None, lines: str) -> list[pygame.Rect]:
        """Brings the cards, blocks and strokes up to date; returns the rects where they changed
        (the caller composes them again with `compose`)."""
        s = self.session
        seen = (s.revision, s.viewer, selected, lines)
        if seen == self.seen:
            return []
        self.seen = seen
        screen = s.screen()
        damage = self._strokes(screen, selected, lines)
        damage += self._blocks(screen)
        delegates, turn, viewer, controller = screen.delegates, screen.turn_seat, s.viewer, s.game.controller
        for seat, rect in self.layout.seats.items():
            before = self.cards.get(seat)
            key = (delegates[seat], turn == seat, viewer == seat, selected == seat, rect.size, controller(seat))
            if self._card(seat, key, screen) is not (before[1] if before else None):
                damage.append(rect)
        return damage

    def _strokes(self, screen, selected: str | None, lines: str) -> list[pygame.Rect]:
        s = self.session
        if lines == "off":
            strokes, self.stroke_source = (), None
        else:
            focus = frozenset({selected or s.viewer or screen.turn_seat} - {None}) if lines == "focus" else None
            source, seen = (screen.commitments, screen.offers, focus), self.stroke_source
            if seen is not None and seen[0] is source[0] and seen[1:] == source[1:]:
                return []  # views share unchanged parts: the same commitments are the same object
            self.stroke_source = source
            strokes = link_strokes(self.layout, screen, self.ids, self.text, self.palette, focus,
                                   self.placed)
        if strokes == self.strokes:
            return []
        changed = set(strokes).symmetric_difference(self.strokes)
        self.strokes = strokes
        self.bounds = [pygame.Rect(box) for stroke in strokes for box in stroke.boxes]
        self.owners = [index for index, stroke in enumerate(strokes) for _box in stroke.boxes]
        return [pygame.Rect(box) for stroke in changed for box in stroke.boxes]

    def _blocks(self, screen) -> list[pygame.Rect]:
        damage = []
        for pid, p in screen.priorities.items():
            rect = self.layout.priorities[pid]
            key = (block_key(p, screen), rect.size)
            cached = self.blocks.get(pid)
            if cached is not None and cached[0] == key:
                continue
            block = render_priority_block(rect.size, self.layout, p, screen, self.text, self.palette, self.heads)
            self.blocks[pid] = (key, block)
            self.renders += 1
            damage.append(rect)
        return damage

    def card(self, seat: str, size: tuple[int, int], selected: str | None, screen=None) -> pygame.Surface:
        """Returns the seat's card, rendered again only if what it shows changed."""
        s = self.session
        screen = screen or s.screen()
        key = (screen.delegates[seat], screen.turn_seat == seat, s.viewer == seat, selected == seat, size,
               s.game.controller(seat))
        return self._card(seat, key, screen)

    def _card(self, seat: str, key: tuple, screen) -> pygame.Surface:
        """`key`: (its view, whether it has the turn, is the viewer, is selected, its size, its controller)."""
        s = self.session
        cached = self.cards.get(seat)
        if cached is not None and cached[0] == key:
            return cached[1]
        earlier = self.earlier.get(seat)
        if cached is not None:
            self.earlier[seat] = cached
        if earlier is not None and earlier[0] == key:
            self.cards[seat] = earlier
            return earlier[1]
        bot = s.bots.personality(seat) if s.is_bot(seat) else ""
        surface = render_seat_card(key[0], self.ids[seat], key[4], turn=key[1], you=key[2], selected=key[3],
                                   full=self.layout.full_cards, priorities=tuple(screen.priorities),
                                   kinds=screen.kinds, short_kinds=s.names.kind_short, bot=bot, text=self.text,
                                   palette=self.palette, scale=self.layout.scale, heads=self.card_heads)
        self.cards[seat] = (key, surface)
        self.renders += 1
        return surface

    # -- drawing --------------------------------------------------------------------------------
    def compose(self, canvas: pygame.Surface, rect: pygame.Rect, ground: bool = True) -> None:
        """Draws the table inside `rect` from the bottom up (everything clipped to it); without
        `ground`, the static table is already there (the caller drew it)."""
        layout = self.layout
        canvas.set_clip(rect)
        if ground:
            canvas.blit(self.static, rect, rect)
        crossing = sorted({self.owners[i] for i in rect.collidelistall(self.bounds)})
        draw_strokes(canvas, [self.strokes[i] for i in crossing], layout, self.text, self.palette)
        for pid, (_key, block) in self.blocks.items():
            if layout.priorities[pid].colliderect(rect):
                canvas.blit(block, layout.priorities[pid])
        for seat, (_key, card) in self.cards.items():
            if layout.seats[seat].colliderect(rect):
                canvas.blit(card, layout.seats[seat])
        canvas.set_clip(None)
