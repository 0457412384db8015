"""The setup screen: scenario, seed, and who plays each seat (a human or a bot personality).

The scenario's core classroom delegations start as human seats, the others as their
scenario's default bot. Keys: Up/Down a seat, Left/Right who plays it, PageUp/PageDown
the scenario, Enter to start.
"""

import random

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UITextEntryLine

from game.bots import BOTS
from game.content.scenario_text import is_bundled
from game.content.scenarios import LoadedScenario, bundled_scenarios, load_scenario
from game.engine import Game
from game.errors import CoalitionError
from game.ui.badges import draw_badge
from game.ui.layout import ui_scale
from game.ui.palette import identities
from game.ui.session import Session

CONTROLLERS = ("human", *BOTS)
FILE_CHOICE = "file:"
"""The choice of a scenario file given to the table (no bundled id has a colon)."""


def start_session(app, scenario: "str | LoadedScenario", seed: int, *, controllers: dict[str, str] | None = None,
                  all_bots: bool = False, pace: str = "normal", pin: str = "") -> Session:
    """Starts a game of a loaded scenario (or a bundled id) and returns its session (bots in every
    seat with `all_bots`; `pin` guards the facilitator's panel and undo)."""
    loaded = scenario if isinstance(scenario, LoadedScenario) else load_scenario(scenario)
    s = loaded.scenario
    if controllers is None:
        controllers = {d.id: (d.bot if all_bots or not d.core else "human") for d in s.delegates}
    game = Game.new(s, seed, content_hash=loaded.content_hash, controllers=controllers)
    return Session(game, app.palette, pace=pace, pin=pin, journals=getattr(app, "journals", None))


class SetupScene:
    def __init__(self, app, scenario: "LoadedScenario | str | None", seed: int):
        self.app = app
        self.bundled = bundled_scenarios()
        given = scenario if isinstance(scenario, LoadedScenario) else None
        self.file = given if given and not is_bundled(given.scenario.meta.id, given.content_hash) else None
        """A scenario file given on the command line (not a bundled scenario): a choice of its own."""
        self.choices = {b.id: b.title for b in self.bundled}
        if self.file is not None:
            self.choices[FILE_CHOICE] = f"{self.file.scenario.meta.title} · {self.file.path.name}"
        name = FILE_CHOICE if self.file else (given.scenario.meta.id if given else scenario)
        self.scenario = name if name in self.choices else next(iter(self.choices), name)
        self.seed = seed
        self.pin_entry: UITextEntryLine | None = None
        self.pin = ""
        self.focus = 0
        self.elements: list = []
        self.chips: dict[tuple[str, str], UIButton] = {}
        self.spinners: dict[UIButton, tuple[str, int]] = {}
        self.scenario_chips: dict[str, UIButton] = {}
        self.buttons: dict[str, UIButton] = {}
        self.seed_entry: UITextEntryLine | None = None
        self.error = ""
        self.dirty = True
        self._load(self.scenario, given)

    def _load(self, scenario: str, loaded: LoadedScenario | None = None) -> None:
        """Shows a scenario: the one passed in, already loaded, the file given, or a bundled one by id."""
        self.scenario = scenario
        self.loaded = loaded or (self.file if scenario == FILE_CHOICE else load_scenario(scenario))
        delegates = self.loaded.scenario.delegates
        self.controllers = {d.id: ("human" if d.core else d.bot) for d in delegates}
        self.ids = identities([d.id for d in delegates], self.app.palette, {d.id: d.badge for d in delegates if d.badge})
        self.focus = 0
        self.resize(self.app.size)

    # -- building ---------------------------------------------------------------------------------
    def px(self, v: float) -> int:
        return max(1, round(v * ui_scale(*self.app.size)))

    def resize(self, size: tuple[int, int]) -> None:
        if self.seed_entry is not None:
            self.seed = self._seed()
        for element in self.elements:
            element.kill()
        self.elements, self.chips, self.scenario_chips, self.buttons = [], {}, {}, {}
        self.spinners = {}
        manager, px = self.app.manager, self.px
        w, _ = size
        x, y = px(40), px(96)
        for key, title in self.choices.items():
            width = min(self.app.text.width(title, 18) + px(34), w - px(80))
            if x > px(40) and x + width > w - px(40):  # another row when the titles do not fit in one
                x, y = px(40), y + px(48)
            chip = self._add(UIButton(pygame.Rect(x, y, width, px(40)), title, manager,
                                      object_id=ObjectID(class_id="@chip", object_id="#chip")))
            if key == self.scenario:
                chip.select()
            self.scenario_chips[key] = chip
            x += width + px(10)
        y += px(54)
        self._add(UILabel(pygame.Rect(px(40), y, px(80), px(40)), "Seed", manager,
                          object_id=ObjectID(class_id="@row_label")))
        self.seed_entry = self._add(UITextEntryLine(pygame.Rect(px(120), y, px(140), px(40)), manager,
                                                    initial_text=str(self.seed)))
        self.buttons["reseed"] = self._add(UIButton(pygame.Rect(px(270), y, px(150), px(40)), "New seed", manager))
        presets = [("classroom", "Classroom set"), ("all_human", "All human"), ("all_bots", "All bots")]
        x = px(450)
        for key, label in presets:
            width = self.app.text.width(label, 18) + px(34)
            self.buttons[key] = self._add(UIButton(pygame.Rect(x, y, width, px(40)), label, manager))
            x += width + px(10)
        if self.pin_entry is not None:
            self.pin = self.pin_entry.get_text().strip()
        self._add(UILabel(pygame.Rect(x, y, px(150), px(40)), "Facilitator PIN", manager,
                          object_id=ObjectID(class_id="@row_label")))
        self.pin_entry = self._add(UITextEntryLine(pygame.Rect(x + px(150), y, px(110), px(40)), manager,
                                                   initial_text=self.pin, placeholder_text="optional"))
        self.pin_entry.set_text_hidden(True)
        self.seats_top = y + px(92)
        self._seat_rows(w)
        start = pygame.Rect(0, 0, px(320), px(56))
        start.bottomright = (w - px(40), size[1] - px(24))
        self.buttons["start"] = self._add(UIButton(start, "Start the table (Enter)", manager,
                                                   object_id=ObjectID(object_id="#primary")))
        self.dirty = True

    def _seat_rows(self, width: int) -> None:
        """One row per seat: choice chips when they fit, else a spinner (< Cooperative bot >)."""
        px = self.px
        delegates = self.loaded.scenario.delegates
        room = self.app.size[1] - self.seats_top - px(110)
        for row_h in (px(40), px(36), px(32)):  # tighter rows before a third column squeezes the choices
            max_rows = max(4, room // row_h)
            columns = 1 if len(delegates) <= min(8, max_rows) else -(-len(delegates) // max_rows)
            if columns <= 2:
                break
        per_column = -(-len(delegates) // columns)
        col_w = (width - px(80)) // columns
        names_w = px(230)
        chip_w = (col_w - names_w - px(20)) // len(CONTROLLERS)
        chips_fit = chip_w >= self.app.text.width("Cooperative", 17) + px(26)
        if not chips_fit:  # a spinner needs less room: long names get what is spare
            names_w = max(names_w, min(int(col_w * 0.5), col_w - px(300)))
        self.row_rects, self.spinners = {}, {}
        for index, d in enumerate(delegates):
            col, row = divmod(index, per_column)
            x0 = px(40) + col * col_w
            y = self.seats_top + row * row_h
            self.row_rects[d.id] = pygame.Rect(x0, y, col_w - px(10), row_h - px(4))
            focused = index == self.focus
            if chips_fit:
                self._chips(d.id, pygame.Rect(x0 + names_w, y, chip_w, row_h - px(6)), focused)
            else:
                self._spinner(d.id, pygame.Rect(x0 + names_w, y, col_w - names_w - px(20), row_h - px(6)), focused)

    def _chips(self, seat: str, first: pygame.Rect, focused: bool) -> None:
        for n, controller in enumerate(CONTROLLERS):
            rect = first.move(n * first.width, 0)
            rect.width -= self.px(4)
            hot = focused and self.controllers[seat] == controller
            chip = self._add(UIButton(rect, controller.capitalize(), self.app.manager,
                                      object_id=ObjectID(class_id="@chip", object_id="#focused_chip" if hot else "#chip")))
            if self.controllers[seat] == controller:
                chip.select()
            self.chips[(seat, controller)] = chip

    def _spinner(self, seat: str, rect: pygame.Rect, focused: bool) -> None:
        px, manager = self.px, self.app.manager
        style = ObjectID(class_id="@chip", object_id="#chip")
        back = self._add(UIButton(pygame.Rect(rect.left, rect.top, px(40), rect.height), "<", manager, object_id=style))
        current = self.controllers[seat]
        label = "Human" if current == "human" else f"{current.capitalize()} bot"
        if self.app.text.width(label, 17) + px(16) > rect.width - px(88):
            label = current.capitalize()  # a narrow spinner: the personality alone
        middle = self._add(UIButton(pygame.Rect(rect.left + px(44), rect.top, rect.width - px(88), rect.height), label,
                                    manager, object_id=ObjectID(class_id="@chip",
                                                                object_id="#focused_chip" if focused else "#chip")))
        if current == "human":
            middle.select()
        forward = self._add(UIButton(pygame.Rect(rect.right - px(40), rect.top, px(40), rect.height), ">", manager,
                                     object_id=style))
        self.spinners[back], self.spinners[middle], self.spinners[forward] = (seat, -1), (seat, 1), (seat, 1)

    def _add(self, element):
        self.elements.append(element)
        return element

    def chip_rect(self, seat: str, controller: str) -> pygame.Rect:
        return self.chips[(seat, controller)].rect

    def button_rect(self, key: str) -> pygame.Rect:
        return self.buttons[key].rect

    # -- input ------------------------------------------------------------------------------------
    def _seed(self) -> int:
        try:
            return int(self.seed_entry.get_text().strip())
        except ValueError:
            return self.seed

    def handle(self, event: pygame.event.Event) -> None:
        self.dirty = True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self._pressed(event.ui_element)
        elif event.type == pygame.KEYDOWN and not self.seed_entry.is_focused and not self.pin_entry.is_focused:
            self._key(event.key)

    def _pressed(self, element) -> None:
        if element in self.spinners:
            seat, step = self.spinners[element]
            self.focus = list(self.controllers).index(seat)
            return self._cycle(seat, step)
        for (seat, controller), chip in self.chips.items():
            if chip is element:
                self.controllers[seat] = controller
                self.focus = list(self.controllers).index(seat)
                return self.resize(self.app.size)
        for sid, chip in self.scenario_chips.items():
            if chip is element and sid != self.scenario:
                self.seed = self._seed()
                return self._load(sid)
        for key, button in self.buttons.items():
            if button is element:
                return self._button(key)

    def _button(self, key: str) -> None:
        delegates = self.loaded.scenario.delegates
        if key == "start":
            return self.start()
        if key == "reseed":
            self.seed = random.randint(1, 9999)
            self.seed_entry.set_text(str(self.seed))
            return
        for d in delegates:
            human = key == "all_human" or (key == "classroom" and d.core)
            self.controllers[d.id] = "human" if human else d.bot
        self.resize(self.app.size)

    def _key(self, key: int) -> None:
        seats = list(self.controllers)
        if key == pygame.K_RETURN:
            return self.start()
        if key in (pygame.K_UP, pygame.K_DOWN):
            self.focus = (self.focus + (1 if key == pygame.K_DOWN else -1)) % len(seats)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            return self._cycle(seats[self.focus], 1 if key == pygame.K_RIGHT else -1)
        elif key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) and self.scenario in self.choices:
            ids = list(self.choices)
            step = 1 if key == pygame.K_PAGEDOWN else -1
            self.seed = self._seed()
            return self._load(ids[(ids.index(self.scenario) + step) % len(ids)])
        else:
            return
        self.resize(self.app.size)

    def _cycle(self, seat: str, step: int) -> None:
        index = CONTROLLERS.index(self.controllers[seat]) + step
        self.controllers[seat] = CONTROLLERS[index % len(CONTROLLERS)]
        self.resize(self.app.size)

    def spinner_rect(self, seat: str, step: int) -> pygame.Rect:
        return next(b.rect for b, (s, k) in self.spinners.items() if s == seat and k == step and b.text in "<>")

    def start(self) -> None:
        try:
            session = start_session(self.app, self.loaded, self._seed(), controllers=dict(self.controllers),
                                    pin=self.pin_entry.get_text().strip())
        except CoalitionError as err:
            self.error = str(err)
            return
        self.app.show_table(session)

    # -- frames -----------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        pass

    def needs_draw(self) -> bool:
        return self.dirty or self.seed_entry.is_focused or self.pin_entry.is_focused

    def draw(self, surface: pygame.Surface) -> None:
        c, text, px = self.app.palette.colours, self.app.text, self.px
        surface.fill(c.background)
        text.blit(surface, "Coalition Table", (px(40), px(22)), 40, c.highlight, True)
        s = self.loaded.scenario
        text.blit(surface, "Choose the scenario, the seed, and who plays each delegation.", (px(400), px(40)),
                  "body", c.muted)
        text.blit(surface, s.meta.summary.strip(), (px(40), self.seats_top - px(38)), "small", c.muted,
                  width=self.app.size[0] - px(80))
        for index, d in enumerate(s.delegates):
            rect = self.row_rects[d.id]
            if index == self.focus:
                pygame.draw.rect(surface, c.card_active, rect, border_radius=6)
            draw_badge(surface, self.ids[d.id], (rect.left + px(18), rect.centery), px(15), text)
            label = d.name + (" *" if d.core else "")
            text.blit(surface, label, (rect.left + px(40), rect.centery), "small", c.text, True, anchor="midleft",
                      width=px(184))
        humans = sum(1 for v in self.controllers.values() if v == "human")
        summary = (f"{humans} human, {len(self.controllers) - humans} bot seats · * core classroom delegation"
                   + (" · a curtain passes the screen between humans" if humans > 1 else ""))
        text.blit(surface, summary, (px(40), self.app.size[1] - px(52)), "small", c.muted,
                  width=self.app.size[0] - px(420), anchor="midleft")
        if self.error:
            text.blit(surface, self.error, (px(40), self.app.size[1] - px(22)), "small", c.danger, anchor="midleft",
                      width=self.app.size[0] - px(420))
        self.dirty = False
