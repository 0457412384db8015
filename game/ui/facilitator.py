"""The facilitator panel: the phase clock, pause, time, injects, track overrides, undo, save/load, seats.

It never shows a delegation's secrets: events are listed by title (the deck is the
facilitator's), tracks and seats by name. Every change to the game is an engine action
applied by the controller, so it goes in the record.
"""

from pathlib import Path

import pygame

from game.bots import BOTS
from game.ui.confirm import ask_first
from game.ui.controller import PACES, Controller
from game.ui.session import Session
from game.ui.widgets import Choice, Entry, FormButton

STEPS = [(-2.0, "-2"), (-1.0, "-1"), (-0.5, "-0.5"), (0.5, "+0.5"), (1.0, "+1"), (2.0, "+2")]


class FacilitatorPanel:
    title = "Facilitator"

    def __init__(self, session: Session, controller: Controller):
        self.session, self.controller = session, controller

    def choices(self, values):
        s = self.session
        scenario = s.scenario
        fired = s.game.view("facilitator").events_fired
        events = [(e.id, e.title + ("" if e.repeatable or not fired.get(e.id) else " (played)"))
                  for e in scenario.events]
        played = frozenset(e.id for e in scenario.events if not e.repeatable and fired.get(e.id))
        controllers = [("human", "human"), *[(b, f"{b} bot") for b in BOTS]]
        seat = values.get("seat") or s.seats[0]
        return [
            Choice("pace", "Bots' pace", [(p, p) for p in PACES], s.pace),
            Choice("event", "Event card", events, next((e for e, _ in events if e not in played), None),
                   disabled=played, spinner=True),
            Choice("track", "Track", [(t.id, f"{t.name} ({s.screen().tracks[t.id]:g})") for t in scenario.tracks]),
            Choice("by", "Move by", STEPS, 1.0),
            Choice("seat", "Seat", [(x, s.names(x)) for x in s.seats], spinner=len(s.seats) > 6),
            Choice("controller", "Played by", controllers, s.game.controller(seat)),
            Choice("audience", "Announce to", [("", "everyone"), *[(x, s.names(x)) for x in s.seats]], "",
                   spinner=True),
        ]

    def buttons(self, values):
        paused = self.session.screen().paused
        return [
            FormButton("pause", "Resume (Space)" if paused else "Pause (Space)", pygame.K_SPACE, style="primary"),
            FormButton("extend", "+1 minute (T)", pygame.K_t),
            FormButton("end_phase", "End phase (X)", pygame.K_x),
            FormButton("inject", "Inject event (J)", pygame.K_j),
            FormButton("adjust", "Adjust track (K)", pygame.K_k),
            FormButton("hand", "Hand over seat (G)", pygame.K_g),
            FormButton("announce", "Announce (N)", pygame.K_n),
            FormButton("undo", "Undo (Ctrl+Z)", pygame.K_z, ctrl=True, style="danger"),
            FormButton("save", "Save (Ctrl+S)", pygame.K_s, ctrl=True),
            FormButton("load", "Load (Ctrl+O)", pygame.K_o, ctrl=True),
            FormButton("close", "Close (Esc)", pygame.K_ESCAPE),
        ]

    def entries(self):
        last = self.session.last_record
        return [Entry("reason", "Reason", ""), Entry("announcement", "Announce", ""),
                Entry("path", "Record file", str(last) if last else "")]

    def info(self, values):
        s = self.session
        screen = s.screen()
        clock = s.clock
        limit = clock.limit
        phase = screen.phase.capitalize()
        if limit is None:
            timing = f"{phase}: {clock.text()} elapsed (no time limit for this phase)"
        elif clock.overtime:
            timing = f"{phase}: time is up ({clock.text()} over the {limit / 60:g} minutes)"
        else:
            timing = f"{phase}: {clock.text()} left of {limit / 60:g} minutes"
        state = "PAUSED" if screen.paused else "running"
        lines = [f"Round {screen.round} of {screen.rounds} · {timing} · {state}"]
        if s.journal is not None:
            lines.append(f"Journal (every move kept): {s.journal}")
        elif s.journals is not None and s.journals.problem:
            lines.append(s.journals.problem)
        event = next((e for e in s.scenario.events if e.id == values.get("event")), None)
        if event is not None:
            lines.append(f"Card: {event.text[:180]}{'…' if len(event.text) > 180 else ''}")
        return lines

    def submit(self, button, values, texts):
        c = self.controller
        if button == "close":
            return True
        action = {
            "pause": c.toggle_pause,
            "extend": lambda: c.extend_time(60),
            "end_phase": c.end_phase,
            "inject": lambda: values.get("event") and c.inject(values["event"]),
            "adjust": lambda: c.adjust_track(values["track"], values["by"], texts.get("reason", "")),
            "hand": lambda: c.hand_over(values["seat"], values["controller"]),
            "announce": lambda: c.announce(texts.get("announcement", ""), values.get("audience") or ""),
            "undo": c.undo,
            "save": c.save,
            "load": lambda: self._load(texts.get("path", "")),
        }.get(button)
        if action is not None:
            action()
        return False

    def changed(self, values) -> None:
        """Applies a new pace as soon as it is chosen."""
        if values.get("pace") and values["pace"] != self.session.pace:
            self.controller.set_pace(values["pace"])

    def _load(self, path: str) -> bool:
        if not path.strip():
            self.session.say("Type the path of a record file to load (saved records go to "
                             f"{self.session.records_dir}).", bad=True)
            return False
        target = Path(path.strip()).expanduser()
        return ask_first(self.session, "Load another game", "Load (Enter)", lambda: self.controller.load(target))
