"""draw_* functions around the table: the top bar, the seat panel, notices and overlays.

The seat panel shows the revealed delegation's confidential brief, objectives and offers
(from `Screen.me`, which is None unless that seat passed the curtain), or a seat's public
card. Overlays: the hot-seat curtain, event cards, the pause banner and the key help.
"""

from collections.abc import Callable

import pygame

from game.engine import Names, controller_label, describe_item, term_words
from game.ui.badges import draw_badge
from game.ui.drawing import draw_check, draw_tag
from game.ui.layout import Layout
from game.ui.palette import Identity, Palette
from game.ui.phase_clock import PhaseClock
from game.ui.session import Card, Notice, Screen
from game.ui.text import Text

KEYS_HELP = [
    ("P", "pledge"), ("O", "compose a trade offer"), ("I", "inbox: accept, reject, counter"),
    ("W", "withdraw a commitment"), ("R", "renew a commitment in the last round of its term"),
    ("S", "sign a priority (with or without reservations)"),
    ("A", "seek domestic approval"), ("E", "pass: end your turn"), ("Enter", "pass the curtain / confirm"),
    ("Esc", "close a form"), ("Tab", "back to your own brief"), ("click a seat", "its public card"),
    ("F", "facilitator panel (Space in it: pause / resume)"), ("Pause", "pause / resume"), ("Ctrl+Z", "undo"),
    ("Ctrl+S", "save"), ("Ctrl+O", "load a record (in the facilitator panel)"),
    ("L", "commitment lines: all, one delegation's, none"), ("+ / -", "bots faster / slower"), ("F11", "full screen"), ("H or F1", "this help"),
]


def _draw_title(surface: pygame.Surface, title: str, rect: pygame.Rect, text: Text, palette: Palette) -> None:
    """Draws the scenario's title in the corner: on one line, or two smaller ones, cut only if
    even two lines of the smallest type cannot hold it."""
    colour = palette.colours.muted
    if text.width(title, "small", True) <= rect.width:
        text.blit(surface, title, (rect.left, rect.centery), "small", colour, True, anchor="midleft")
        return
    lines = text.wrap(title, "tiny", rect.width, True)[:2] if text.height("tiny", True) * 2 <= rect.height else []
    if len(lines) == 2 and len(text.wrap(title, "tiny", rect.width, True)) == 2:
        top = rect.centery - text.height("tiny", True)
        for index, line in enumerate(lines):
            text.blit(surface, line, (rect.left, top + index * text.height("tiny", True)), "tiny", colour, True)
        return
    text.blit(surface, title, (rect.left, rect.centery), "small", colour, True, anchor="midleft", width=rect.width)


def draw_top_bar(surface: pygame.Surface, layout: Layout, screen: Screen, clock: PhaseClock, title: str,
                 names: Names, ids: dict[str, Identity], bot_seat: bool, pace: str, text: Text,
                 palette: Palette) -> None:
    """Draws the title, round and phase, whose turn it is, the phase clock and the bots' pace, over the
    bar's background (`board.draw_static` paints it)."""
    c = palette.colours
    bar = layout.top
    pad = layout.px(12)
    mid = bar.centery
    _draw_title(surface, title, pygame.Rect(pad, bar.top, layout.left.width - pad, bar.height), text, palette)
    if screen.over:
        status = f"Game over after round {screen.round}"
    else:
        status = f"Round {screen.round} of {screen.rounds} · {screen.phase.capitalize()}"
    x = text.blit(surface, status, (layout.centre.left + pad, mid), "heading", c.text, True, anchor="midleft").right
    right = bar.right - pad
    if clock.limit is not None or not screen.over:
        colour = c.danger if clock.overtime else c.text
        right = text.blit(surface, clock.text(), (right, mid), "title", colour, True, anchor="midright").left - pad
    if screen.paused:
        width = text.width("PAUSED", "small", True) + 10
        draw_tag(surface, text, "PAUSED", (right - width, mid - text.height("small") // 2), c.danger, "small")
        right -= width + pad
    right = text.blit(surface, f"bots: {pace}", (right, mid), "tiny", c.muted, anchor="midright").left - pad
    seat = screen.turn_seat
    if seat is not None:
        x += layout.px(22)
        radius = layout.px(15)
        draw_badge(surface, ids[seat], (x + radius, mid), radius, text)
        x += radius * 2 + layout.px(8)
        left = screen.actions_left
        who = f"{names(seat)}'s turn · {left} action{'s' if left != 1 else ''} left" + (" · bot" if bot_seat else "")
        if text.width(who, "heading", True) > right - x:
            who = f"{names(seat)} · {left} left"
        text.blit(surface, who, (x, mid), text.shrink(who, "heading", right - x, True), c.highlight, True,
                  anchor="midleft", width=right - x)


PANEL_MOST = 2400
"""The tallest a panel may grow (at 1280x800), scrolled; anything below is not drawn."""


def draw_my_panel(out: pygame.Surface, screen: Screen, names: Names, ids: dict[str, Identity], text: Text,
                  palette: Palette, scale: float) -> int:
    """Draws the revealed seat's panel (turn, score, objectives, red lines, approvals, brief, offers)
    from the top left of `out`, over the panel's background; returns its height."""
    c = palette.colours
    me, seat = screen.me, screen.viewer
    d = screen.delegates[seat]
    px = lambda v: max(1, round(v * scale))  # noqa: E731
    width = out.get_width()
    pad = px(12)
    inner = width - 2 * pad
    y = _panel_header(out, header_of(d), ids[seat], pad, inner, text, palette, px)
    if screen.turn_seat == seat and not screen.over:
        y = _line(out, f"Your turn: {screen.actions_left} action(s) left", pad, y, inner, "small", c.highlight, text, True)
    y = _line(out, f"Your score if the game ended now: {me.score} pts", pad, y, inner, "small", c.text, text)
    y = _heading(out, "Private objectives", pad, y + px(6), text, palette)
    for objective in me.objectives:
        box = pygame.Rect(pad, y + px(3), px(16), px(16))
        draw_check(out, box, objective.met, c.muted, c.ok)
        body = pygame.Rect(pad + px(24), y, inner - px(24), px(200))
        y = text.blit_wrapped(out, f"{objective.description} ({objective.points:+d})", body, "small",
                              c.text if not objective.met else c.ok)
    y = _red_lines(out, me.red_lines, names, pad, y, inner, text, palette, px)
    if me.approval_odds:
        y = _heading(out, "Domestic approval", pad, y + px(6), text, palette)
        for kind, odds in me.approval_odds.items():
            state = ("mandate won" if kind in d.mandates else "vote this round" if kind in me.votes_scheduled
                     else f"odds {odds:.0%}")
            y = _line(out, f"{names.kind_name(kind)}: {state}", pad, y, inner, "small", c.text, text)
    y = _terms(out, screen, names, pad, y, inner, text, palette, px)
    y = _heading(out, "Confidential brief", pad, y + px(6), text, palette)
    y = text.blit_wrapped(out, me.confidential_brief.strip(), pygame.Rect(pad, y, inner, px(600)), "small", c.text)
    y = _offers(out, screen, names, pad, y, inner, text, palette, px)
    y = _capacities(out, d.free, d.committed, d.blocked, screen.kinds, names, pad, y + px(6), inner, text, palette, px)
    return y + pad


def seat_panel_parts(screen: Screen, seat: str, public_brief: str, controller: str, names: Names,
                     ids: dict[str, Identity], text: Text, palette: Palette, scale: float,
                     back_hint: bool) -> list[tuple[tuple, Callable[[pygame.Surface], int]]]:
    """Returns a seat's public card (representative, who plays it, public brief, capacities, signatures)
    as parts drawn one below the other: (everything the part shows, a function drawing it from the top
    left of a surface and returning its height). Each function reads only what its key holds, so a
    part kept rendered by key (`panel_parts.py`) is right: a pledge draws the capacities again, not the brief."""
    d = screen.delegates[seat]
    px = lambda v: max(1, round(v * scale))  # noqa: E731
    head = ("head", seat, header_of(d), controller, d.capital, back_hint, public_brief)
    give = ("give", seat, d.free, d.committed, d.blocked, screen.kinds)
    marks = ("marks", seat, d.signed, d.blocked, d.mandates)

    def draw_head(out: pygame.Surface) -> int:
        _seat, header, who, capital, back, brief = head[1:]
        pad, inner = px(12), out.get_width() - 2 * px(12)
        y = _panel_header(out, header, ids[seat], pad, inner, text, palette, px)
        y = _line(out, f"Played by {controller_label(who)} · political capital {capital}", pad, y, inner, "small",
                  palette.colours.text, text)
        if back:
            y = _line(out, "Tab: back to your own brief", pad, y, inner, "tiny", palette.colours.accent, text)
        y = _heading(out, "Public position", pad, y + px(6), text, palette)
        return text.blit_wrapped(out, brief.strip(), pygame.Rect(pad, y, inner, px(500)), "small", palette.colours.text)

    def draw_give(out: pygame.Surface) -> int:
        free, committed, blocked, kinds = give[2:]
        return _capacities(out, free, committed, blocked, kinds, names, px(12), px(6), out.get_width() - 2 * px(12),
                           text, palette, px)

    def draw_marks(out: pygame.Surface) -> int:
        signed, blocked, mandates = marks[2:]
        c, pad, inner = palette.colours, px(12), out.get_width() - 2 * px(12)
        words = [f"{names.short[p]}{' (reservations)' if r else ''}" for p, r in signed.items()]
        y = _heading(out, "Signed", pad, px(6), text, palette)
        y = text.blit_wrapped(out, ", ".join(words) or "nothing yet", pygame.Rect(pad, y, inner, px(200)), "small", c.text)
        if blocked:
            y = _heading(out, "Blocked", pad, y + px(6), text, palette)
            for kind, why in blocked.items():
                y = text.blit_wrapped(out, f"{names.kind_name(kind)}: {why}", pygame.Rect(pad, y, inner, px(200)), "small",
                                      c.danger)
        if mandates:
            y = _line(out, "Mandates won: " + ", ".join(names.kind_name(k) for k in sorted(mandates)), pad, y + px(4),
                      inner, "small", c.ok, text)
        return y + pad

    return [(head, draw_head), (give, draw_give), (marks, draw_marks)]


def header_of(d) -> tuple:
    """Returns what a panel's header shows of a delegation: name, representative, title, role, authority."""
    return d.name, d.representative, d.title, d.role, d.binding_authority


def _panel_header(out, header: tuple, identity: Identity, pad: int, inner: int, text: Text, palette: Palette,
                  px) -> int:
    c = palette.colours
    name, representative, title, role, binding_authority = header
    radius = px(22)
    draw_badge(out, identity, (pad + radius, pad + radius), radius, text)
    x = pad + radius * 2 + px(10)
    room = pygame.Rect(x, pad - px(2), inner - x + pad, 1000)
    size = text.shrink(name, "heading", room.width, True, smallest=text.px("body"))  # the full name: wrapped, never cut
    room.top = text.blit_wrapped(out, name, room, size, c.text, True)
    room.top = text.blit_wrapped(out, f"{representative}, {title}", room, "tiny", c.muted)
    y = max(room.top, pad + radius * 2) + px(8)
    if role == "envoy" or not binding_authority:
        label = "ENVOY · no binding authority" if role == "envoy" else "NO BINDING AUTHORITY"
        y = draw_tag(out, text, label, (pad, y), c.envoy).bottom + px(6)
    return y


def _line(out, value: str, x: int, y: int, width: int, size: str, colour, text: Text, bold: bool = False) -> int:
    return text.blit_wrapped(out, value, pygame.Rect(x, y, width, 400), size, colour, bold)


def _heading(out, title: str, x: int, y: int, text: Text, palette: Palette) -> int:
    rect = text.blit(out, title.upper(), (x, y), "tiny", palette.colours.accent, True)
    return rect.bottom + 2


def _terms(out, screen: Screen, names: Names, pad: int, y: int, inner: int, text: Text, palette: Palette, px) -> int:
    """Lists the seat's commitments that lapse unless renewed; those in their last round stand out."""
    running = [cm for cm in screen.view.mine if cm.term_ends is not None and cm.status in ("active", "pending", "suspended")]
    if not running:
        return y
    y = _heading(out, "Terms (R renews in the last round)", pad, y + px(6), text, palette)
    for cm in running:
        words = term_words(cm.term_ends, screen.round, screen.rounds)
        colour = palette.colours.highlight if cm.term_ends == screen.round else palette.colours.text
        line = f"#{cm.id} · {names.quantity(cm.amount, cm.kind)} to {names(cm.priority)}: {words}"
        y = text.blit_wrapped(out, line, pygame.Rect(pad, y, inner, px(200)), "small", colour)
    return y


def _red_lines(out, red, names: Names, pad: int, y: int, inner: int, text: Text, palette: Palette, px) -> int:
    if red is None or not (red.kinds or red.priorities or red.note):
        return y
    y = _heading(out, "Red lines", pad, y + px(6), text, palette)
    parts = [f"never gives {names.kind(k)}" for k in red.kinds] + [f"never commits to {names(p)}" for p in red.priorities]
    if red.note:
        parts.append(red.note)
    return text.blit_wrapped(out, "; ".join(parts), pygame.Rect(pad, y, inner, px(300)), "small", palette.colours.danger)


def _offers(out, screen: Screen, names: Names, pad: int, y: int, inner: int, text: Text, palette: Palette, px) -> int:
    c = palette.colours
    waiting = screen.open_offers_to_me()
    mine = [o for o in screen.offers if o.proposer == screen.viewer and o.status == "open"]
    if not waiting and not mine:
        return y
    y = _heading(out, "Offers", pad, y + px(6), text, palette)
    if waiting:
        y = _line(out, f"Inbox: {len(waiting)} offer(s) wait for your answer (press I)", pad, y, inner, "small",
                  c.highlight, text, True)
    for offer in mine:
        to = ", ".join(names(p) for p in offer.parties)
        accepted = f"; accepted by {', '.join(names(p) for p in sorted(offer.accepted_by))}" if offer.accepted_by else ""
        y = _line(out, f"#{offer.id} to {to}: waiting{accepted}", pad, y, inner, "small", c.text, text)
        for item in offer.items:
            y = _line(out, "  " + describe_item(item, names), pad, y, inner, "tiny", c.muted, text)
    return y


def _capacities(out, free: dict, committed: dict, blocked: dict, kinds: dict, names: Names, pad: int, y: int,
                inner: int, text: Text, palette: Palette, px) -> int:
    c = palette.colours
    y = _heading(out, "Can still give (free / total)", pad, y, text, palette)
    for kind in kinds:
        if kind not in free:
            continue
        left = free[kind]
        total = left + committed.get(kind, 0)
        colour = c.danger if kind in blocked else (c.text if left else c.faint)
        tag = " · blocked" if kind in blocked else ""
        y = _line(out, f"{names.kind_name(kind)}: {left} / {total}{tag}", pad, y, inner, "small", colour, text)
    return y


def draw_notice(surface: pygame.Surface, layout: Layout, notice: Notice | None, hint: str, text: Text,
                palette: Palette) -> None:
    """Draws the message strip: a refused action's teaching message, a confirmation, or a hint."""
    c = palette.colours
    rect = layout.message
    pad = layout.px(12)
    if notice is None:
        pygame.draw.rect(surface, c.background, rect)
        text.blit(surface, hint, (pad, rect.centery), "small", c.muted, anchor="midleft", width=rect.width - 2 * pad)
        return
    pygame.draw.rect(surface, c.message_bad_bg if notice.bad else c.message_info_bg, rect)
    x = pad
    if notice.bad:
        x = draw_tag(surface, text, "REFUSED", (pad, rect.centery - layout.px(10)), c.danger, "small").right + pad
    lines = text.wrap(notice.text, "small", rect.width - x - pad)
    if len(lines) == 1:
        text.blit(surface, lines[0], (x, rect.centery), "small", c.text, anchor="midleft")
    else:
        step = (rect.height - 4) // 2
        for index, line in enumerate(lines[:2]):
            shown = line if index == 0 or len(lines) <= 2 else text.fit(line + " …", "tiny", rect.width - x - pad)
            text.blit(surface, shown, (x, rect.top + 2 + index * step), "tiny" if len(lines) > 1 else "small", c.text)


def draw_curtain(surface: pygame.Surface, layout: Layout, seat_name: str, identity: Identity, text: Text,
                 palette: Palette) -> None:
    """Covers everything below the top bar: the next player takes the screen before secrets appear."""
    c = palette.colours
    w, h = layout.size
    pygame.draw.rect(surface, c.curtain, pygame.Rect(0, layout.top.bottom, w, h - layout.top.bottom))
    cx = w // 2
    radius = layout.px(56)
    draw_badge(surface, identity, (cx, h // 2 - layout.px(150)), radius, text)
    text.blit(surface, f"Pass the screen to {seat_name}", (cx, h // 2 - layout.px(64)), 42,
              c.text, True, anchor="center")
    hint = f"Only {seat_name} should look now: the confidential brief, objectives and offers appear next."
    text.blit(surface, hint, (cx, h // 2 - layout.px(14)), "body", c.muted, anchor="center", width=w - layout.px(80))
    button = layout.curtain_button()
    pygame.draw.rect(surface, (0, 114, 178), button, border_radius=layout.px(10))
    pygame.draw.rect(surface, c.highlight, button, 3, border_radius=layout.px(10))
    text.blit(surface, f"I am {seat_name}: show my brief (Enter)", button.center, "heading", (255, 255, 255), True,
              anchor="center", width=button.width - layout.px(20))


def event_card_rect(layout: Layout, card: Card, text: Text) -> pygame.Rect:
    """Returns where the card goes: as tall as its text needs, centred on the table."""
    width = min(layout.px(640), layout.centre.width - layout.px(20))
    inner = width - 2 * layout.px(22)
    height = layout.px(22) * 2 + layout.px(24)
    height += len(text.wrap(card.title, "title", inner, True)[:2]) * text.height("title", True)
    height += len(text.wrap(card.text, "small", inner)) * text.height("small") + layout.px(10)
    if card.effects:
        height += layout.px(28) + sum(min(2, len(text.wrap("• " + e, "small", inner))) for e in card.effects) * text.height("small")
    height += layout.px(70)
    rect = pygame.Rect(0, 0, width, min(height, layout.centre.height - layout.px(20)))
    rect.center = layout.centre.center
    return rect


def card_button_rect(layout: Layout, card_rect: pygame.Rect) -> pygame.Rect:
    rect = pygame.Rect(0, 0, layout.px(200), layout.px(46))
    rect.midbottom = (card_rect.centerx, card_rect.bottom - layout.px(16))
    return rect


def draw_event_card(surface: pygame.Surface, layout: Layout, card: Card, rect: pygame.Rect, queued: int,
                    text: Text, palette: Palette) -> None:
    """Draws an event card: the narrative, then what changes in plain words."""
    c = palette.colours
    pygame.draw.rect(surface, (0, 0, 0), rect.move(layout.px(6), layout.px(6)), border_radius=layout.px(14))
    pygame.draw.rect(surface, c.card_event, rect, border_radius=layout.px(14))
    pygame.draw.rect(surface, c.card_event_edge, rect, layout.px(5), border_radius=layout.px(14))
    pad = layout.px(22)
    inner = pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, rect.height - 2 * pad)
    kind = "INJECTED BY THE FACILITATOR" if card.injected else "EVENT"
    if card.private:
        kind += " · PRIVATE: FOR YOU ONLY"
    if queued:
        kind += f" · {queued} more after this one"
    text.blit(surface, kind, inner.topleft, "tiny", (150, 80, 0), True)
    y = text.blit_wrapped(surface, card.title, pygame.Rect(inner.left, inner.top + layout.px(22), inner.width,
                                                           layout.px(80)), "title", c.card_event_text, True, max_lines=2)
    button = card_button_rect(layout, rect)
    body_bottom = button.top - layout.px(8)
    y = text.blit_wrapped(surface, card.text, pygame.Rect(inner.left, y + layout.px(4), inner.width,
                                                          max(0, body_bottom - y)), "small", c.card_event_text)
    if card.effects:
        y = text.blit(surface, "What changes", (inner.left, y + layout.px(8)), "tiny", (150, 80, 0), True).bottom
        for line in card.effects:
            if y > body_bottom - text.height("small"):
                break
            y = text.blit_wrapped(surface, "• " + line, pygame.Rect(inner.left, y, inner.width, body_bottom - y),
                                  "small", (40, 40, 40), max_lines=2)
    pygame.draw.rect(surface, (0, 114, 178), button, border_radius=layout.px(8))
    text.blit(surface, "OK (Enter)", button.center, "body", (255, 255, 255), True, anchor="center")


def paused_rect(layout: Layout) -> pygame.Rect:
    rect = pygame.Rect(0, 0, layout.px(420), layout.px(60))
    rect.midtop = (layout.centre.centerx, layout.centre.top + layout.px(8))
    return rect


def draw_paused(surface: pygame.Surface, layout: Layout, text: Text, palette: Palette) -> None:
    rect = paused_rect(layout)
    pygame.draw.rect(surface, palette.colours.message_bad_bg, rect, border_radius=layout.px(10))
    pygame.draw.rect(surface, palette.colours.danger, rect, 3, border_radius=layout.px(10))
    text.blit(surface, "Paused by the facilitator", rect.center, "heading", palette.colours.text, True, anchor="center")


def help_rect(layout: Layout) -> pygame.Rect:
    return layout.centre.inflate(-layout.px(40), -layout.px(40))


def draw_help(surface: pygame.Surface, layout: Layout, text: Text, palette: Palette) -> None:
    """Draws the list of keys over the table."""
    c = palette.colours
    rect = help_rect(layout)
    pygame.draw.rect(surface, c.panel, rect, border_radius=layout.px(12))
    pygame.draw.rect(surface, c.accent, rect, 3, border_radius=layout.px(12))
    pad = layout.px(20)
    text.blit(surface, "Keys (H or Esc to close)", (rect.left + pad, rect.top + pad), "heading", c.highlight, True)
    y = rect.top + pad + layout.px(40)
    step = min(layout.px(28), (rect.bottom - y - pad) // max(1, len(KEYS_HELP)))
    for key, what in KEYS_HELP:
        text.blit(surface, key, (rect.left + pad, y), "small", c.text, True)
        text.blit(surface, what, (rect.left + pad + layout.px(150), y), "small", c.muted,
                  width=rect.width - layout.px(190))
        y += step
