"""Asks before anything ends a game in progress (closing, Ctrl+Q, Load, New game, Quit), and says
where the journal keeps it: a small dialog drawn over the scene in the table's own colours.

Enter or Y does it, Esc or N keeps playing; the two buttons answer to the mouse.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui.layout import ui_scale


@dataclass
class Question:
    """What is about to happen, what it means for the game, and what to run if the user agrees."""

    title: str
    lines: list[str]
    yes: str
    then: Callable[[], None]
    no: str = "Keep playing (Esc)"


def ask_first(session, doing: str, yes: str, then: Callable[[], None]) -> bool:
    """Runs `then` at once when no local game is in progress; otherwise puts the question up first.
    Returns True if it ran now."""
    if session is None or not session.in_progress():
        then()
        return True
    path = session.journal
    kept = (f"Nothing is lost: every move so far is kept in the journal {path}. Continue it later with: "
            f"coalition play --resume {path}" if path else
            "This game is not journaled: save it first (Ctrl+S) or its moves are lost.")
    session.question = Question(f"{doing}? The game is not over.",
                                [f"Round {session.screen().round}, {len(session.game.actions)} moves played.", kept],
                                yes, then)
    session.revision += 1
    return False


def dialog_rects(size: tuple[int, int], question: Question, text) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
    """Returns the dialog's rect and its two buttons' (yes, no)."""
    scale = ui_scale(*size)
    px = lambda v: max(1, round(v * scale))  # noqa: E731
    width = min(px(640), size[0] - px(40))
    inner = width - px(48)
    lines = sum(len(text.wrap(line, "small", inner)) for line in question.lines)
    height = px(24) + text.height("heading", True) + px(12) + lines * text.height("small") + px(24) + px(46) + px(24)
    box = pygame.Rect(0, 0, width, height)
    box.center = (size[0] // 2, size[1] // 2)
    no_w = text.width(question.no, "small", True) + px(36)
    yes_w = text.width(question.yes, "small", True) + px(36)
    no = pygame.Rect(box.right - px(24) - no_w, box.bottom - px(24) - px(46), no_w, px(46))
    yes = pygame.Rect(no.left - px(12) - yes_w, no.top, yes_w, px(46))
    return box, yes, no


def answer(session, event: pygame.event.Event, size: tuple[int, int], text) -> bool | None:
    """Answers the session's question from an event: True (did it), False (kept playing), None (not an answer)."""
    question = session.question
    choice = None
    if event.type == pygame.KEYDOWN:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_y):
            choice = True
        elif event.key in (pygame.K_ESCAPE, pygame.K_n):
            choice = False
    elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        _, yes, no = dialog_rects(size, question, text)
        choice = True if yes.collidepoint(event.pos) else False if no.collidepoint(event.pos) else None
    if choice is None:
        return None
    session.question = None
    session.revision += 1
    if choice:
        question.then()
    return choice


def draw_question(surface: pygame.Surface, question: Question, palette, text) -> None:
    """Dims the scene and draws the dialog over it."""
    c = palette.colours
    size = surface.get_size()
    scale = ui_scale(*size)
    px = lambda v: max(1, round(v * scale))  # noqa: E731
    shade = pygame.Surface(size, pygame.SRCALPHA)
    shade.fill((0, 0, 0, 150))
    surface.blit(shade, (0, 0))
    box, yes, no = dialog_rects(size, question, text)
    pygame.draw.rect(surface, c.panel, box, border_radius=px(12))
    pygame.draw.rect(surface, c.highlight, box, 2, border_radius=px(12))
    y = box.top + px(24)
    text.blit(surface, question.title, (box.left + px(24), y), "heading", c.text, True, width=box.width - px(48))
    y += text.height("heading", True) + px(12)
    for line in question.lines:
        area = pygame.Rect(box.left + px(24), y, box.width - px(48), box.bottom - y)
        y = text.blit_wrapped(surface, line, area, "small", c.muted)
    for rect, label, colour in ((yes, question.yes, c.danger), (no, question.no, c.accent)):
        pygame.draw.rect(surface, colour, rect, border_radius=px(8))
        text.blit(surface, label, rect.center, "small", (255, 255, 255), True, anchor="center",
                  width=rect.width - px(12))
