"""The end screen: each priority's outcome (beside the real Paris outcome when the scenario has
one), each delegation's score and objectives, and buttons to save the record and open the
after-action review. Secrets are revealed here, as in a debrief: the game is over.
"""

import webbrowser
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton

from game.ui.badges import draw_badge
from game.ui.confirm import ask_first
from game.ui.controller import Controller
from game.ui.layout import compute_layout, ui_scale
from game.ui.palette import identities
from game.ui.panels import draw_notice
from game.ui.priority_blocks import (
    draw_bar,
    facts,
    fitting_name,
    missing_words,
    needs_words,
    reserved_count,
)
from game.ui.session import Session


class EndScene:
    def __init__(self, app, session: Session):
        self.app, self.session = app, session
        self.controller = Controller(session)
        self.ids = identities(session.seats, app.palette, session.names.badges)
        self.result = session.game.result()
        self.buttons: dict[str, UIButton] = {}
        self.dirty = True
        self.review_path: Path | None = None
        self.resize(app.size)

    def px(self, v: float) -> int:
        return max(1, round(v * ui_scale(*self.app.size)))

    def resize(self, size: tuple[int, int]) -> None:
        self.layout = compute_layout(size[0], size[1], (), (), ())
        for button in self.buttons.values():
            button.kill()
        px = self.px
        labels = [("save", "Save record (Ctrl+S)"), ("review", "After-action review (R)"),
                  ("new", "New game (N)"), ("quit", "Quit (Q)")]
        x = px(40)
        y = compute_layout(size[0], size[1], (), (), ()).bar.top + px(5)
        self.buttons = {}
        for key, label in labels:
            w = self.app.text.width(label, 20, True) + px(40)
            style = "#primary" if key in ("save", "review") else "#action"
            self.buttons[key] = UIButton(pygame.Rect(x, y, w, px(50)), label, self.app.manager,
                                         object_id=ObjectID(object_id=style))
            x += w + px(12)
        self.dirty = True

    def button_rect(self, key: str) -> pygame.Rect:
        return self.buttons[key].rect

    def handle(self, event: pygame.event.Event) -> None:
        self.dirty = True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if button is event.ui_element:
                    self.run(key)
        elif event.type == pygame.KEYDOWN:
            ctrl = event.mod & pygame.KMOD_CTRL
            key = {pygame.K_s: "save" if ctrl else None, pygame.K_r: "review", pygame.K_n: "new",
                   pygame.K_q: "quit", pygame.K_ESCAPE: "quit"}.get(event.key)
            if key:
                self.run(key)

    def run(self, key: str) -> None:
        if key == "save":
            self.controller.save()
        elif key == "review":
            self.open_review()
        elif key == "new":  # the bundled list; the next game gets a new journal
            ask_first(self.session, "Start a new game", "New game (Enter)",
                      lambda: self.app.show_setup(self.session.scenario.meta.id, self.session.game.seed + 1))
        elif key == "quit":
            self.app.quit()

    def open_review(self) -> Path | None:
        """Writes the after-action review and opens it in a browser."""
        # imported here, not at the top: the review's charts load matplotlib, a second or so
        from game.report.review import write_review

        s = self.session
        path = s.records_dir / f"{s.scenario.meta.id}-seed{s.game.seed}-review.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            written = Path(write_review(s.game, path))
        except Exception as err:  # a review that fails must not take the class's table down
            s.say(f"The after-action review failed: {err}", bad=True)
            return None
        self.review_path = written
        s.say(f"After-action review written to {written}")
        if not self.app.headless:
            webbrowser.open(written.resolve().as_uri())
        return written

    def update(self, dt: float) -> None:
        if self.session.notice is not None:
            self.session.notice.age += dt

    def needs_draw(self) -> bool:
        return self.dirty

    def draw(self, surface: pygame.Surface) -> None:
        c, text, px = self.app.palette.colours, self.app.text, self.px
        w, h = self.app.size
        surface.fill(c.background)
        r = self.result
        text.blit(surface, f"Outcome: {r['outcome']}", (px(40), px(20)), 36, c.highlight, True, width=w - px(80))
        text.blit(surface, f"{self.session.scenario.meta.title} · seed {r['seed']} · {r['end_reason']}",
                  (px(40), px(70)), "small", c.muted, width=w - px(80))
        self._priorities(surface, pygame.Rect(px(40), px(110), w // 2 - px(60), h - px(230)))
        self._scores(surface, pygame.Rect(w // 2 + px(10), px(110), w // 2 - px(50), h - px(230)))
        layout = compute_layout(w, h, (), (), ())
        draw_notice(surface, layout, self.session.notice, "Save the record for the debrief, then open the "
                    "after-action review.", text, self.app.palette)
        self.dirty = False

    def _priorities(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Each priority: status, progress, who signed, what was missing (naming the delegations
        it needed), and the real outcome; the real story below if there is room."""
        c, text, px = self.app.palette.colours, self.app.text, self.px
        palette = self.app.palette
        reference = self.session.scenario.reference_outcome
        screen = self.session.screen()
        text.blit(surface, "Priorities", area.topleft, "heading", c.text, True)
        y = area.top + px(36)
        room = (area.bottom - y) // max(1, len(screen.priorities))
        line_h = text.height("tiny")
        for pid, p in screen.priorities.items():
            size, name = fitting_name(text, p, area.width - px(110))
            text.blit(surface, name, (area.left, y), size, c.text, True, width=area.width - px(110))
            text.blit(surface, p.status.upper(), (area.right, y), "small", palette.status_colour(p.status), True,
                      anchor="topright")
            bar = pygame.Rect(area.left, y + px(24), area.width, px(10))
            draw_bar(surface, bar, p, palette.status_colour(p.status), self.layout, palette)
            parts = [facts(p, reserved_count(screen, p)) + "."]
            needs = needs_words(p, self.session.names)
            if p.missing:
                parts += [missing_words(p)] + (["It needs: " + "; ".join(n[0].lower() + n[1:] for n in needs) + "."]
                                               if needs else [])
            if reference is not None and pid in reference.priorities:
                parts.append(f"In reality: {reference.priorities[pid].status}.")
            words = " ".join(parts)
            body = pygame.Rect(area.left, bar.bottom + px(4), area.width, y + room - bar.bottom - px(8))
            text.blit_wrapped(surface, words, body, "tiny", c.text if p.missing else c.muted,
                              max_lines=max(1, body.height // line_h))
            used = bar.bottom + px(6) + len(text.wrap(words, "tiny", area.width)) * line_h
            y = min(y + room, used + px(8))
        if reference is not None and y < area.bottom - px(60):
            text.blit(surface, "What happened in reality", (area.left, y + px(4)), "small", c.accent, True)
            rest = pygame.Rect(area.left, y + px(28), area.width, area.bottom - y - px(28))
            text.blit_wrapped(surface, reference.summary.strip(), rest, "small", c.muted,
                              max_lines=max(1, rest.height // text.height("small")))

    def _scores(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        c, text, px = self.app.palette.colours, self.app.text, self.px
        text.blit(surface, "Delegations (objectives revealed)", area.topleft, "heading", c.text, True)
        rows = sorted(self.result["delegates"].items(), key=lambda kv: -kv[1]["score"])
        step = max(px(22), min(px(44), (area.height - px(40)) // max(1, len(rows))))
        y = area.top + px(40)
        for seat, data in rows:
            draw_badge(surface, self.ids[seat], (area.left + px(12), y + step // 2), min(px(12), step // 2 - 1), text)
            met = sum(1 for ok in data["objectives"].values() if ok)
            played = self.session.game.controller(seat)
            name = self.session.names(seat)
            text.blit(surface, name, (area.left + px(32), y + step // 2), text.shrink(name, "small", px(210), True),
                      c.text, True, anchor="midleft", width=px(210))
            text.blit(surface, f"{data['score']:+d} pts", (area.left + px(250), y + step // 2), "small", c.highlight,
                      True, anchor="midleft")
            text.blit(surface, f"{met}/{len(data['objectives'])} objectives · {played}", (area.left + px(340),
                      y + step // 2), "tiny", c.muted, anchor="midleft", width=area.width - px(340))
            y += step
