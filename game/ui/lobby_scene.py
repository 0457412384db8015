"""The lobby of a hosted game: the address to give the class, and one tile per delegation with its
join code and a QR code of its page, so each student scans their own delegation off the projector.

The codes come from the facilitator's connection or a codes file the host wrote, never from a
spectator's connection; the facilitator's own code is never drawn. Enter, Esc or L goes back to the table.
"""

import io

import pygame
import segno

from game.ui.badges import draw_badge
from game.ui.layout import ui_scale
from game.ui.palette import identities
from game.ui.session import Session

BACK_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_l, pygame.K_SPACE)


def qr_surface(url: str, size: int) -> pygame.Surface:
    """Returns the QR code of `url` as an image at most `size` pixels wide (whole pixels per module)."""
    qr = segno.make(url, error="m")
    modules = qr.symbol_size(scale=1, border=2)[0]
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=max(1, size // modules), border=2)
    buf.seek(0)
    return pygame.image.load(buf, "qr.png").convert()


class LobbyScene:
    def __init__(self, app, session: Session, back):
        """`back()` shows the table again."""
        self.app, self.session, self.back = app, session, back
        self.ids = identities(session.seats, app.palette, session.names.badges)
        self.qr: dict[tuple[str, int], pygame.Surface] = {}
        self.dirty = True
        self.seen: tuple = ()

    def px(self, v: float) -> int:
        return max(1, round(v * ui_scale(*self.app.size)))

    def codes(self) -> dict | None:
        host = self.session.hosted
        return host.codes if host is not None else None

    # -- frames -----------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        self.dirty = True
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS:
            self.back()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.back()

    def update(self, dt: float) -> None:
        s = self.session
        s.tick(dt)
        host = s.hosted
        state = (s.revision, tuple(sorted(host.presence.items())) if host else (), id(self.codes()))
        if state != self.seen:
            self.seen, self.dirty = state, True

    def resize(self, size: tuple[int, int]) -> None:
        self.dirty = True

    def needs_draw(self) -> bool:
        return self.dirty

    def draw(self, surface: pygame.Surface) -> None:
        c, text, px = self.app.palette.colours, self.app.text, self.px
        w, h = self.app.size
        surface.fill(c.background)
        s = self.session
        codes = self.codes()
        text.blit(surface, f"{s.scenario.meta.title}: join the game", (px(32), px(18)), 30, c.highlight, True,
                  width=w - px(64))
        address = codes["url"] if codes else (s.hosted.client.url if s.hosted else "")
        text.blit(surface, f"On your laptop, open {address} and type the code on your delegation's slip, "
                  "or scan your delegation's QR code.", (px(32), px(62)), "body", c.text, width=w - px(64))
        grid = pygame.Rect(px(24), px(100), w - px(48), h - px(150))
        if codes:
            self._tiles(surface, grid, codes)
        else:
            text.blit_wrapped(surface, "The codes are on the slips. (This screen was not given the codes file: "
                              "start it with --codes FILE on the host's laptop, or open the lobby on the "
                              "facilitator's console.)", grid.inflate(-px(40), 0), "body", c.muted)
        text.blit(surface, "Enter, Esc or a click: back to the table · L: this lobby again · the facilitator's "
                  "code is never shown here", (px(32), h - px(30)), "small", c.muted, width=w - px(64))
        self.dirty = False

    def _tiles(self, surface: pygame.Surface, grid: pygame.Rect, codes: dict) -> None:
        """One tile per delegation: badge, name, code, QR of its page, and whether it is connected."""
        seats = [seat for seat in self.session.seats if seat in codes["seats"]]
        count = max(1, len(seats))
        # the column count that gives the largest QR codes (a tile is about twice as wide as its code)
        columns = max(range(1, count + 1), key=lambda n: min(grid.height / -(-count // n), grid.width / n / 2.1))
        tile_w, tile_h = grid.width // columns, grid.height // -(-count // columns)
        presence = self.session.hosted.presence if self.session.hosted else {}
        for index, seat in enumerate(seats):
            row, col = divmod(index, columns)
            tile = pygame.Rect(grid.left + col * tile_w, grid.top + row * tile_h, tile_w, tile_h).inflate(-6, -6)
            self._tile(surface, tile, seat, codes["seats"][seat], presence.get(seat))

    def _tile(self, surface: pygame.Surface, tile: pygame.Rect, seat: str, entry: dict, joined: int | None) -> None:
        c, text, px = self.app.palette.colours, self.app.text, self.px
        pygame.draw.rect(surface, c.card, tile, border_radius=px(8))
        pygame.draw.rect(surface, c.card_edge if not joined else c.ok, tile, px(3) if joined else 1,
                         border_radius=px(8))
        pad = px(8)
        size = max(40, min(tile.height - 2 * pad, tile.width // 2))
        key = (entry["url"], size)
        if key not in self.qr:
            self.qr[key] = qr_surface(entry["url"], size)
        image = self.qr[key]
        surface.blit(image, image.get_rect(midright=(tile.right - pad, tile.centery)))
        left = tile.left + pad
        room = tile.width - image.get_width() - 3 * pad
        draw_badge(surface, self.ids[seat], (left + px(14), tile.top + pad + px(14)), px(14), text)
        text.blit(surface, self.session.names(seat), (left + px(34), tile.top + pad + px(14)), "small", c.text, True,
                  anchor="midleft", width=room - px(34))
        text.blit(surface, entry.get("code") or "", (left, tile.centery + px(4)), "heading", c.highlight, True,
                  anchor="midleft", width=room)
        if joined is not None:
            state, colour = ("joined", c.ok) if joined else ("not joined yet", c.muted)
            text.blit(surface, state, (left, tile.bottom - pad), "tiny", colour, anchor="bottomleft", width=room)
