"""The window and the frame loop: scenes (setup, table, end, a hosted game's lobby), resizing, full screen, screenshots.

One frame: pygame events go through pygame_gui first, then to the scene; then time
passes (with a fixed step in tests and headless runs); the frame is redrawn only when
something changed, so an idle table costs almost no CPU. A scene draws on the window and says
which rects it drew again (or None: all of it); only those, and the widgets' places, are
shown. pygame_gui's widgets are drawn over the scene: what lies under them is kept aside
(`under`), so they can be drawn again without drawing the scene again.
"""

import json
import os
import time
import warnings
from pathlib import Path

import pygame
import pygame_gui

from game.ui.confirm import answer, ask_first, draw_question
from game.ui.damage import merge_rects, outermost
from game.ui.drawing import copy_source
from game.ui.layout import ui_scale
from game.ui.palette import load_palette, theme_path
from game.ui.scene import Scene
from game.ui.text import Text

FPS = 60
WINDOW_SHOWN = frozenset({pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED,
                          pygame.VIDEOEXPOSE})
FONT_SIZES = (13, 14, 15, 16, 17, 18, 20, 22, 24)


def load_theme(scale: float) -> dict:
    """Returns the pygame_gui theme from assets/theme.json with its font sizes scaled."""
    theme = json.loads(theme_path().read_text(encoding="utf-8"))
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "size" in font:
            font["size"] = str(max(10, round(int(font["size"]) * scale)))
    return theme


class App:
    def __init__(self, size: tuple[int, int] = (1280, 800), *, fixed_dt: float | None = None):
        pygame.init()
        self.size = size
        self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.under = copy_source(size)
        """The scene's pixels under pygame_gui's widgets (valid inside `widget_rects`)."""
        self.widget_rects: list[pygame.Rect] = []
        self.whole = True
        """True when the scene must draw the whole window next (its pixels were lost or covered)."""
        self.shown_question = None
        """The question dialog drawn by the last frame drawn (None: none)."""
        self.lost = 0
        """Counts the times the window lost the scene's pixels: a scene that draws only what
        changed draws everything when this moves."""
        pygame.display.set_caption("Coalition Table")
        self.palette = load_palette()
        self.text = Text(self.palette, ui_scale(*size))
        self.fixed_dt = fixed_dt
        self.headless = os.environ.get("SDL_VIDEODRIVER") == "dummy"
        self.manager = self._manager(size)
        self.clock = pygame.time.Clock()
        self.scene: Scene | None = None
        self.running = True
        self.frames = 0
        self.fullscreen = False
        self.asked = False
        self.journals = None
        """The table's `TableJournals` (None: games here are not journaled)."""

    def _manager(self, size: tuple[int, int]) -> pygame_gui.UIManager:
        scale = ui_scale(*size)
        manager = pygame_gui.UIManager(size, load_theme(scale), enable_live_theme_updates=False)
        fonts = [{"name": "noto_sans", "point_size": max(10, round(px * scale)), "style": style}
                 for px in FONT_SIZES for style in ("regular", "bold")]
        with warnings.catch_warnings():  # pygame_gui warns about fonts the theme already loaded
            warnings.simplefilter("ignore")
            manager.preload_fonts(fonts)
        return manager

    # -- scenes -----------------------------------------------------------------------------------
    def show(self, make_scene, *args) -> None:
        """Switches scenes: the old scene's widgets go, then the new scene builds its own."""
        self.manager.clear_and_reset()
        self.scene = make_scene(self, *args)
        self.whole = True

    def show_setup(self, scenario=None, seed: int = 1) -> None:
        """`scenario`: a loaded scenario (`load_scenario`'s result), a bundled id, or None."""
        from game.ui.setup_scene import SetupScene

        self.show(SetupScene, scenario, seed)

    def show_table(self, session) -> None:
        from game.ui.table_scene import TableScene

        self.show(TableScene, session)

    def show_end(self, session) -> None:
        from game.ui.end_scene import EndScene

        self.show(EndScene, session)

    # -- the loop -----------------------------------------------------------------------------------
    def frame(self, dt: float | None = None) -> bool:
        """Runs one frame; returns True if it drew."""
        if dt is None:
            dt = self.fixed_dt if self.fixed_dt is not None else self.clock.tick(FPS) / 1000
        events = pygame.event.get()
        for event in events:
            self._event(event)
        self.manager.update(dt)
        question = self.question()
        if question is None:  # a question up holds the game (bots, clock) until it is answered
            self.scene.update(dt)
        scene = self.scene  # update may switch scenes
        self.frames += 1
        if question is None and self.asked:
            self.asked, scene.dirty, self.whole = False, True, True  # the dialog went: redraw what it covered
        if not scene.needs_draw() and (question is None or (question is self.shown_question and not events)):
            return False  # a question already on screen stays as drawn until something happens
        self._draw(question)
        self.shown_question = question
        return True

    def _draw(self, question) -> None:
        """Lets the scene draw what changed on the window, draws pygame_gui's widgets over it again
        (putting back first what lay under them), and shows the rects that changed."""
        whole = self.whole or question is not None  # the dialog's shade must fall on a clean frame
        if whole:
            self.lost += 1
        drawn = self.scene.draw(self.window)
        widgets = self._widgets()
        window, under = self.window, self.under
        if drawn is None or whole:
            shown = None
        else:
            for kept in self.widget_rects:  # the scene drew part of a widget's place: keep its new pixels
                for rect in drawn:
                    overlap = kept.clip(rect)
                    if overlap.width and overlap.height:
                        under.blit(window, overlap, overlap)
            for kept in self.widget_rects:
                window.blit(under, kept, kept)
            places = self.widget_rects if widgets == self.widget_rects else [*self.widget_rects, *widgets]
            shown = merge_rects([*drawn, *places], window.get_rect(), most=64)
        for rect in widgets:
            under.blit(window, rect, rect)
        self.widget_rects = widgets
        self.manager.draw_ui(window)
        if question is not None:
            draw_question(window, question, self.palette, self.text)
            self.asked = True
        self.whole = False
        if shown is None:
            pygame.display.flip()
        elif shown:
            pygame.display.update(shown)

    def _widgets(self) -> list[pygame.Rect]:
        """Returns where pygame_gui draws: the scene's pixels there are put back before the widgets
        are drawn again on every frame drawn (their edges are translucent, and pygame_gui redraws
        some images in place, a button's new label a frame or two after `set_text`)."""
        return outermost([sprite.rect for sprite in self.manager.get_sprite_group().sprites()
                          if sprite.visible and sprite.image is not None and sprite.image.get_width()
                          and sprite.image.get_height()])

    def session(self):
        """The scene's session, if it has one (the setup screen has none)."""
        return getattr(self.scene, "session", None)

    def question(self):
        session = self.session()
        return session.question if session is not None else None

    def quit(self) -> None:
        """Closes the table, asking first if a game is in progress (its journal keeps it either way)."""
        ask_first(self.session(), "Quit", "Quit (Enter)", self.stop)

    def stop(self) -> None:
        self.running = False

    def _event(self, event: pygame.event.Event) -> None:
        if self.question() is not None:
            if event.type == pygame.QUIT:  # closing again while asked: the journal has the game
                self.stop()
            elif event.type == pygame.VIDEORESIZE:
                self.resize((max(960, event.w), max(600, event.h)))
            else:
                answer(self.session(), event, self.size, self.text)
            return
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((max(960, event.w), max(600, event.h)))
            return
        if event.type in WINDOW_SHOWN:
            self.whole = True  # the window system may have lost what was shown
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_q and event.mod & pygame.KMOD_CTRL:
                self.quit()
                return
        self.manager.process_events(event)
        self.scene.handle(event)

    def resize(self, size: tuple[int, int]) -> None:
        if size == self.size:
            return
        self.size = size
        if not self.fullscreen:
            self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.under = copy_source(size)
        self.whole = True
        self.text.set_scale(ui_scale(*size))
        self.manager = self._manager(size)
        self.widget_rects = []
        self.scene.resize(size)

    def toggle_fullscreen(self) -> None:
        """F11: full screen at the desktop size, and back to the window."""
        self.whole = True
        try:
            if self.fullscreen:
                self.fullscreen = False
                self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
                self.resize(self.windowed_size)
            else:
                self.windowed_size = self.size
                desktop = pygame.display.get_desktop_sizes()[0]
                self.window = pygame.display.set_mode(desktop, pygame.FULLSCREEN)
                self.fullscreen = True
                self.resize(desktop)
        except pygame.error as err:
            self.fullscreen = False
            print(f"full screen is not available here: {err}")

    def run(self, frames: int | None = None, screenshot: str | Path | None = None) -> None:
        """Runs until the window closes, or for `frames` frames; then saves the screenshot."""
        while self.running and (frames is None or self.frames < frames):
            self.frame()
        if screenshot:
            self.save_screenshot(screenshot)
        pygame.quit()

    def save_screenshot(self, path: str | Path) -> Path:
        """Brings the frame up to date and saves the window as an image (PNG by extension)."""
        self.scene.dirty = True
        self.whole = True
        self._draw(self.question())
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.window, str(path))
        return path


def run_table(scenario, seed: int = 1, *, autoplay: bool = False, setup: bool = True,
              frames: int | None = None, screenshot: str | None = None, pace: str | None = None,
              size: tuple[int, int] = (1280, 800), game=None, journal: Path | None = None,
              resumed=None) -> None:
    """Opens the table for a loaded scenario: the setup screen, straight to a game (bots everywhere
    for autoplay), or a game already under way (`game`, e.g. a loaded fork, or the `resumed` journal's)
    to play on. Every game is kept in a journal: `journal` for the first, then new ones beside it."""
    from game.ui.journals import TableJournals

    headless_steps = frames is not None
    app = App(size, fixed_dt=1 / 30 if headless_steps else None)
    kept = journal or (resumed.path if resumed is not None else None)  # later games' journals go beside it
    app.journals = TableJournals(journal, resumed, kept.parent if kept else None, say=print)
    if resumed is not None:
        game = resumed.game
    if game is not None:
        from game.ui.session import Session

        app.show_table(Session(game, app.palette, pace=pace or ("fast" if autoplay else "normal"),
                               journals=app.journals))
    elif autoplay or not setup:
        from game.ui.setup_scene import start_session

        session = start_session(app, scenario, seed, all_bots=autoplay, pace=pace or ("fast" if autoplay else "normal"))
        app.show_table(session)
    else:
        app.show_setup(scenario, seed)
    started = time.perf_counter()
    try:
        app.run(frames, screenshot)
    finally:
        app.journals.close()
    print(app.journals.farewell())
    if headless_steps:
        print(f"{app.frames} frames in {time.perf_counter() - started:.1f} s" + (f"; screenshot {screenshot}" if screenshot else ""))


def run_hosted_table(game, *, lobby: bool = False, frames: int | None = None, screenshot: str | None = None,
                     size: tuple[int, int] = (1280, 800)) -> None:
    """Opens the table over a hosted game (a `table_game.HostedGame`): the facilitator's console, the
    projector (with the lobby of codes first when `lobby`), or one seat's screen."""
    from game.ui.remote_scene import open_hosted
    from game.ui.session import Session

    headless_steps = frames is not None
    app = App(size, fixed_dt=1 / 30 if headless_steps else None)
    open_hosted(app, Session(game, app.palette), lobby=lobby)
    try:
        app.run(frames, screenshot)
    finally:
        game.close()
