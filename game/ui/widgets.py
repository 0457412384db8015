"""A keyboard-and-mouse form built on pygame_gui: rows of choice chips, text entries, buttons.

Every form of the table (pledge, offer composer, inbox, facilitator panel...) is a
`FormModel` that says which choices exist given the current values and what its buttons
do; this widget draws it, and lets the player choose with the mouse, or with the arrow
keys (Up/Down a row, Left/Right a choice, Space toggles, 1-9 pick) and hotkeys.
"""

from dataclasses import dataclass, field
from typing import Any, Protocol

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIPanel, UITextEntryLine

from game.ui.text import Text

CHIP_PX = 17


@dataclass
class Choice:
    key: str
    label: str
    options: list[tuple[Any, str]]
    value: Any = None
    multi: bool = False
    disabled: frozenset = frozenset()
    spinner: bool | None = None
    """None: chips if they fit in two lines, else a spinner (< value >)."""
    follows: str = ""
    """A row whose change puts this one back on its default (a priority follows the kind given)."""


@dataclass
class FormButton:
    key: str
    label: str
    hotkey: int | None = None
    ctrl: bool = False
    style: str = "action"


@dataclass
class Entry:
    key: str
    label: str
    text: str = ""
    hidden: bool = False
    """Shown as dots (a PIN)."""
    focus: bool = False
    """Has the keyboard when the form opens."""


class FormModel(Protocol):
    title: str

    def choices(self, values: dict[str, Any]) -> list[Choice]: ...

    def buttons(self, values: dict[str, Any]) -> list[FormButton]: ...

    def entries(self) -> list[Entry]: ...

    def info(self, values: dict[str, Any]) -> list[str]: ...

    def submit(self, button: str, values: dict[str, Any], texts: dict[str, str]) -> bool:
        """Does what the button says; returns True when the form should close."""
        ...


@dataclass
class _Built:
    panel: UIPanel
    chips: dict[tuple[str, Any], UIButton] = field(default_factory=dict)
    buttons: dict[str, UIButton] = field(default_factory=dict)
    entries: dict[str, UITextEntryLine] = field(default_factory=dict)
    spinners: dict[UIButton, tuple[str, int]] = field(default_factory=dict)
    chip_of: dict[UIButton, tuple[str, Any]] = field(default_factory=dict)
    button_of: dict[UIButton, str] = field(default_factory=dict)


class Form:
    def __init__(self, manager: pygame_gui.UIManager, model: FormModel, area: pygame.Rect, text: Text,
                 scale: float = 1.0, width: int = 940):
        self.manager, self.model, self.area, self.text, self.scale = manager, model, area, text, scale
        self.width = min(round(width * scale), area.width - 16)
        self.values: dict[str, Any] = {}
        self.texts: dict[str, str] = {e.key: e.text for e in model.entries()}
        self.focus = 0
        self.cursor: dict[str, int] = {}
        self.closed = False
        self.built: _Built | None = None
        self.rows: list[Choice] = []
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def px(self, v: float) -> int:
        return max(1, round(v * self.scale))

    def refresh(self) -> None:
        """Re-derives the rows from the model (choices depend on each other) and rebuilds."""
        for _ in range(3):  # a changed value can change the options of the rows after it
            rows = self.model.choices(self.values)
            changed = False
            for row in rows:
                value = self._normalise(row)
                if self.values.get(row.key, object()) != value:
                    self.values[row.key] = value
                    changed = True
            if not changed:
                break
        self.rows = rows
        self.focus = min(self.focus, max(0, len(rows) - 1))
        self._build()

    def _normalise(self, row: Choice) -> Any:
        allowed = [v for v, _ in row.options if v not in row.disabled]
        current = self.values.get(row.key, row.value)
        if row.multi:
            chosen = current if isinstance(current, frozenset) else frozenset(row.value or ())
            return frozenset(v for v in chosen if v in allowed)
        if current in allowed:
            return current
        return row.value if row.value in allowed else (allowed[0] if allowed else None)

    def _build(self) -> None:
        """Builds the panel; when it would not fit, builds it again more compactly."""
        if self.built is not None:
            for entry_key, element in self.built.entries.items():
                self.texts[entry_key] = element.get_text()
            self.built.panel.kill()
        for compact in range(3):
            built, height = self._build_at(compact)
            if height <= self.area.height - 8 or compact == 2:
                break
            built.panel.kill()
        self.built = built

    def _build_at(self, compact: int) -> tuple[_Built, int]:
        """compact 0: chips wrap freely; 1: long single-choice rows become spinners; 2: tighter lines."""
        self.compact = compact
        pad, line = self.px(14), self.px(38 if compact < 2 else 34)
        inset = self.px(10)  # the panel's border and shadow
        width = self.width
        inner = width - 2 * inset
        panel = UIPanel(pygame.Rect(0, 0, width, 100), starting_height=5, manager=self.manager,
                        object_id=ObjectID(class_id="@form", object_id="#form"))
        built = _Built(panel)
        y = pad // 2 if compact == 2 else pad
        UILabel(pygame.Rect(pad, y, inner - 2 * pad, self.px(34)), self.model.title, self.manager, container=panel,
                object_id=ObjectID(class_id="@title"))
        y += self.px(36)
        for info in self.model.info(self.values):
            for text_line in self.text.wrap(info, CHIP_PX, inner - 2 * pad - 10):
                UILabel(pygame.Rect(pad, y, inner - 2 * pad, self.px(24)), text_line, self.manager, container=panel,
                        object_id=ObjectID(class_id="@info"))
                y += self.px(24)
        y += self.px(6)
        label_w = self.px(140)
        for index, row in enumerate(self.rows):
            focused = index == self.focus
            UILabel(pygame.Rect(pad, y, label_w, self.px(34)), row.label, self.manager, container=panel,
                    object_id=ObjectID(class_id="@focused_row_label" if focused else "@row_label"))
            y = self._row(built, row, focused, pad + label_w, y, inner - pad - label_w - pad, line)
        for entry in self.model.entries():
            UILabel(pygame.Rect(pad, y, label_w, self.px(34)), entry.label, self.manager, container=panel,
                    object_id=ObjectID(class_id="@row_label"))
            field_ = UITextEntryLine(pygame.Rect(pad + label_w, y, inner - 2 * pad - label_w, self.px(36)),
                                     self.manager, container=panel, initial_text=self.texts.get(entry.key, ""))
            if entry.hidden:
                field_.set_text_hidden(True)
            if entry.focus:
                field_.focus()
            built.entries[entry.key] = field_
            y += line + self.px(2)
        y += self.px(4)
        y = self._buttons(built, pad, y, inner - 2 * pad)
        height = y + pad + 2 * inset
        shown = min(height, self.area.height - 8)
        panel.set_dimensions((width, shown))
        panel.set_relative_position((self.area.centerx - width // 2, self.area.centery - shown // 2))
        return built, height

    def _row(self, built: _Built, row: Choice, focused: bool, x0: int, y: int, width: int, line: int) -> int:
        chips = [(value, label, self.text.width(label, CHIP_PX) + self.px(30)) for value, label in row.options]
        lines, x = 1, 0
        for _, _, w in chips:
            if x and x + w > width:
                lines, x = lines + 1, 0
            x += w + self.px(6)
        longest = 1 if getattr(self, "compact", 0) else 2
        spinner = row.spinner if row.spinner is not None else (lines > longest and not row.multi)
        if spinner:
            return self._spinner(built, row, focused, x0, y, width, line)
        x = 0
        cursor = self.cursor.get(row.key, 0)
        for index, (value, label, w) in enumerate(chips):
            w = min(w, width)
            if x and x + w > width:
                x, y = 0, y + line
            chosen = self.values.get(row.key)
            selected = value in (chosen or frozenset()) if row.multi else value == chosen
            hot = focused and (index == cursor if row.multi else selected)
            chip = UIButton(pygame.Rect(x0 + x, y, w, self.px(34)), self.text.fit(label, CHIP_PX, w - self.px(16)),
                            self.manager, container=built.panel,
                            object_id=ObjectID(class_id="@chip", object_id="#focused_chip" if hot else "#chip"))
            if selected:
                chip.select()
            if value in row.disabled:
                chip.disable()
            built.chips[(row.key, value)] = chip
            built.chip_of[chip] = (row.key, value)
            x += w + self.px(6)
        return y + line

    def _spinner(self, built: _Built, row: Choice, focused: bool, x0: int, y: int, width: int, line: int) -> int:
        h = self.px(34)
        back = UIButton(pygame.Rect(x0, y, self.px(44), h), "<", self.manager, container=built.panel,
                        object_id=ObjectID(class_id="@chip", object_id="#chip"))
        current = dict(row.options).get(self.values.get(row.key), "")
        middle = UIButton(pygame.Rect(x0 + self.px(50), y, width - self.px(100), h),
                          self.text.fit(current, CHIP_PX, width - self.px(120)), self.manager, container=built.panel,
                          object_id=ObjectID(class_id="@chip", object_id="#focused_chip" if focused else "#chip"))
        middle.select()
        forward = UIButton(pygame.Rect(x0 + width - self.px(44), y, self.px(44), h), ">", self.manager,
                           container=built.panel, object_id=ObjectID(class_id="@chip", object_id="#chip"))
        built.spinners[back] = (row.key, -1)
        built.spinners[forward] = (row.key, +1)
        built.chips[(row.key, self.values.get(row.key))] = middle
        return y + line

    def _buttons(self, built: _Built, x0: int, y: int, width: int) -> int:
        x = 0
        h = self.px(42)
        for button in self.model.buttons(self.values):
            w = self.text.width(button.label, 20 if button.style == "primary" else 18, True) + self.px(34)
            if x and x + w > width:
                x, y = 0, y + h + self.px(6)
            element = UIButton(pygame.Rect(x0 + x, y, w, h), button.label, self.manager, container=built.panel,
                               object_id=ObjectID(class_id="@form_button", object_id=f"#{button.style}"))
            built.buttons[button.key] = element
            built.button_of[element] = button.key
            x += w + self.px(8)
        return y + h

    # -- for tests and the scene --------------------------------------------------------------
    def chip_rect(self, key: str, value: Any) -> pygame.Rect:
        return self.built.chips[(key, value)].rect

    def spinner_rect(self, key: str, step: int) -> pygame.Rect:
        return next(b.rect for b, (k, s) in self.built.spinners.items() if k == key and s == step)

    def button_rect(self, key: str) -> pygame.Rect:
        return self.built.buttons[key].rect

    def entry(self, key: str) -> UITextEntryLine:
        return self.built.entries[key]

    @property
    def rect(self) -> pygame.Rect:
        return self.built.panel.rect

    def typing(self) -> bool:
        """True while a text entry of this form has the keyboard."""
        return any(e.is_focused for e in self.built.entries.values())

    def close(self) -> None:
        if self.built is not None:
            self.built.panel.kill()
        self.closed = True

    # -- input ------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> bool:
        """Handles a button press or a key meant for the form; returns True if it used it."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self._pressed(event.ui_element)
        if event.type == pygame.KEYDOWN:
            if self.typing():
                if event.key == pygame.K_ESCAPE:
                    for element in self.built.entries.values():
                        element.unfocus()
                    return True
                if event.key == pygame.K_RETURN and (event.mod & pygame.KMOD_CTRL
                                                     or getattr(self.model, "enter_submits", False)):
                    return self._hotkey(event)
                return True  # the text entry has it
            return self._key(event)
        return False

    def _pressed(self, element) -> bool:
        built = self.built
        if element in built.chip_of:
            key, value = built.chip_of[element]
            self.focus = next(i for i, r in enumerate(self.rows) if r.key == key)
            self._choose(key, value)
            return True
        if element in built.spinners:
            key, step = built.spinners[element]
            self.focus = next(i for i, r in enumerate(self.rows) if r.key == key)
            self._step(key, step)
            return True
        if element in built.button_of:
            self._submit(built.button_of[element])
            return True
        return False

    def _choose(self, key: str, value: Any) -> None:
        row = next(r for r in self.rows if r.key == key)
        if value in row.disabled:
            return
        if row.multi:
            current = self.values.get(key, frozenset())
            self.values[key] = current - {value} if value in current else current | {value}
            self.cursor[key] = [v for v, _ in row.options].index(value)
        else:
            self.values[key] = value
        self._changed(key)
        self.refresh()

    def _step(self, key: str, step: int) -> None:
        row = next(r for r in self.rows if r.key == key)
        allowed = [v for v, _ in row.options if v not in row.disabled]
        if not allowed:
            return
        if row.multi:
            self.cursor[key] = (self.cursor.get(key, 0) + step) % len(row.options)
            self.refresh()
            return
        current = self.values.get(key)
        index = allowed.index(current) if current in allowed else -1
        self.values[key] = allowed[(index + step) % len(allowed)]
        self._changed(key)
        self.refresh()

    def _changed(self, key: str) -> None:
        reset = {key}
        for row in self.rows:  # rows come in order, so a follower's followers reset too
            if row.follows in reset:
                self.values.pop(row.key, None)
                reset.add(row.key)
        hook = getattr(self.model, "changed", None)
        if hook is not None:
            hook(dict(self.values))

    def _submit(self, button: str) -> None:
        for entry_key, element in self.built.entries.items():
            self.texts[entry_key] = element.get_text()
        if self.model.submit(button, dict(self.values), dict(self.texts)):
            self.close()
        elif not self.closed:
            self.refresh()

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        row = self.rows[self.focus] if self.rows else None
        if key in (pygame.K_UP, pygame.K_DOWN) and self.rows:
            self.focus = (self.focus + (1 if key == pygame.K_DOWN else -1)) % len(self.rows)
            self.refresh()
            return True
        if key in (pygame.K_LEFT, pygame.K_RIGHT) and row is not None:
            self._step(row.key, 1 if key == pygame.K_RIGHT else -1)
            return True
        if key == pygame.K_SPACE and row is not None and row.multi:
            options = [v for v, _ in row.options]
            self._choose(row.key, options[self.cursor.get(row.key, 0) % len(options)])
            return True
        if pygame.K_1 <= key <= pygame.K_9 and row is not None and not event.mod & pygame.KMOD_CTRL:
            index = key - pygame.K_1
            if index < len(row.options):
                self._choose(row.key, row.options[index][0])
            return True
        return self._hotkey(event)

    def _hotkey(self, event: pygame.event.Event) -> bool:
        ctrl = bool(event.mod & pygame.KMOD_CTRL)
        for button in self.model.buttons(self.values):
            if button.hotkey == event.key and button.ctrl == ctrl:
                self._submit(button.key)
                return True
        if event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return False
