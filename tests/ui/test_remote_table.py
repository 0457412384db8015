"""The pygame table over a real host on 127.0.0.1: the facilitator's console pauses, injects, adjusts,
hands a seat to a bot and undoes through the host (its journal shows each); the projector's screen
holds no secret; both are saved as screenshots under the test's tmp dir."""

import asyncio
import dataclasses
import inspect
import json
import threading
import time

import pygame
import pytest

from game.net.remote_game import HostedGameError, RemoteGame, load_codes
from game.net.views import to_data
from game.ui.remote_scene import RemoteTableScene, open_hosted
from game.ui.session import Session
from game.ui.table_game import HostedGame, TableGame
from tests.net.hosting import hosted
from tests.ui.driver import Driver, pixel_spread


class HostThread:
    """A real host in its own thread and asyncio loop, so the table can run in the test's thread."""

    def __init__(self, tmp_path, **settings):
        self.tmp_path, self.settings = tmp_path, settings
        self.ready = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    async def _main(self):
        self.loop = asyncio.get_running_loop()
        self.stop = asyncio.Event()
        async with hosted(self.tmp_path, **self.settings) as running:
            self.running = running
            self.ready.set()
            await self.stop.wait()

    def __enter__(self):
        self.thread.start()
        assert self.ready.wait(20), "the host did not start"
        return self

    def __exit__(self, *exc):
        self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(10)

    def read(self, fn):
        """Returns fn(host) computed in the host's own thread (the game is not shared across threads)."""
        async def call():
            return fn(self.running.host)
        return asyncio.run_coroutine_threadsafe(call(), self.loop).result(5)

    @property
    def url(self) -> str:
        return self.running.url

    def code(self, seat: str) -> str:
        return self.read(lambda host: host.codes.by_seat[seat])

    def journal(self) -> list[dict]:
        return [json.loads(line) for line in (self.tmp_path / "game.jsonl").read_text().splitlines()[1:]]


def until(driver: Driver, predicate, frames: int = 300) -> None:
    """Runs frames (sleeping a little for the network) until predicate holds."""
    for _ in range(frames):
        if predicate():
            return
        driver.frames(1)
        time.sleep(0.01)
    assert predicate(), "the host's answer did not arrive"


@pytest.fixture
def host(tmp_path):
    with HostThread(tmp_path, scenario="tutorial", seed=3) as running:
        yield running


def open_table(host, code=None, spectator=False, codes=None, lobby=False):
    d = Driver()
    game = RemoteGame.join(host.url, code, spectator=spectator)
    if codes is not None:
        game.codes = codes
    session = Session(game, d.app.palette)
    open_hosted(d.app, session, lobby=lobby)
    d.frames(3)
    return d, session, game


def test_local_and_hosted_games_satisfy_one_interface(host):
    from game.content.scenarios import load_scenario
    from game.engine import Game

    loaded = load_scenario("tutorial")
    local = Game.new(loaded.scenario, 1, content_hash=loaded.content_hash)
    remote = RemoteGame.join(host.url, spectator=True)
    try:
        assert isinstance(local, TableGame) and not isinstance(local, HostedGame)
        assert isinstance(remote, TableGame) and isinstance(remote, HostedGame)
        for name, member in vars(TableGame).items():  # the same methods, with the same parameters
            if callable(member) and not name.startswith("_"):
                wanted = list(inspect.signature(member).parameters)
                assert list(inspect.signature(getattr(Game, name)).parameters) == wanted, name
                assert list(inspect.signature(getattr(RemoteGame, name)).parameters) == wanted, name
        # the public part a facilitator's connection derives is the engine's own public view
        console = RemoteGame.join(host.url, host.code("facilitator"))
        public = host.read(lambda h: to_data(dataclasses.replace(h.game.view("public"), log=())))
        assert to_data(dataclasses.replace(console.view("public"), log=())) == public
        assert [e.seq for e in console.view("public").log] == [e.seq for e in remote.view("public").log]
        with pytest.raises(ValueError):
            remote.view("fr")
        console.close()
    finally:
        remote.close()


def test_facilitator_console_runs_the_room_through_the_host(host, tmp_path):
    d, s, game = open_table(host, host.code("facilitator"))
    try:
        scene = d.scene
        assert isinstance(scene, RemoteTableScene) and scene.form_name == "facilitator", "the panel opens"
        panel = scene.form
        until(d, lambda: game.presence)  # the host tells the facilitator who is connected
        assert any("human delegations connected" in line for line in panel.model.info(panel.values))
        d.click(panel.button_rect("pause"))
        until(d, lambda: s.screen().paused)
        assert s.notice is not None and not s.notice.bad
        d.click(panel.spinner_rect("event", +1))
        event = panel.values["event"]
        d.click(panel.button_rect("inject"))
        until(d, lambda: event in game.view("facilitator").events_fired)
        d.click(panel.chip_rect("track", host.read(lambda h: h.game.scenario.tracks[0].id)))
        d.click(panel.entry("reason").rect)
        d.type("walkout threat")
        d.click(panel.button_rect("adjust"))
        until(d, lambda: any(e.kind == "TrackAdjusted" or "walkout" in e.text for e in game.log))
        d.click(panel.chip_rect("seat", "fr"))
        d.click(panel.chip_rect("controller", "cautious"))
        d.click(panel.button_rect("hand"))
        until(d, lambda: game.controller("fr") == "cautious")
        d.click(panel.button_rect("undo"))  # takes back the hand-over
        until(d, lambda: game.controller("fr") == "human" and not game.waiting())
        assert s.notice.text.startswith("Undone: set controller")
        journal = host.journal()
        kinds = [line["action"]["kind"] if "action" in line else "undo" for line in journal]
        assert kinds[:5] == ["pause", "inject_event", "adjust_track", "set_controller", "undo"]
        assert journal[1]["action"]["event"] == event and journal[2]["action"]["reason"] == "walkout threat"
        # a refused action shows the host's teaching message
        d.click(panel.button_rect("undo"))
        d.click(panel.button_rect("undo"))
        d.click(panel.button_rect("undo"))
        d.click(panel.button_rect("undo"))
        until(d, lambda: not game.waiting())
        d.click(panel.button_rect("undo"))
        until(d, lambda: not game.waiting() and s.notice.bad)
        assert "no action to take back" in s.notice.text
        d.click(panel.button_rect("pause"))  # the game is back at its start: pause it again for the picture
        until(d, lambda: s.screen().paused)
        d.frames(20)  # the open panel takes in the host's news once the clicks have settled
        assert "PAUSED" in scene.form.model.info(scene.form.values)[0]
        shot = d.shot(tmp_path / "facilitator_console.png")
        assert pixel_spread(shot, panel.rect) > 8
        d.key(pygame.K_ESCAPE)
        d.key(pygame.K_l)  # the lobby: every delegation's code and QR code
        assert type(d.scene).__name__ == "LobbyScene"
        d.shot(tmp_path / "facilitator_lobby.png")
        codes = game.codes
        assert set(codes["seats"]) == set(s.seats)
        d.key(pygame.K_RETURN)
        assert isinstance(d.scene, RemoteTableScene)
    finally:
        d.close()
        game.close()


def _secrets(scenario) -> set[str]:
    found = set()
    for delegate in scenario.delegates:
        found |= {delegate.confidential_brief, *(o.description for o in delegate.objectives)}
        if delegate.red_lines.note:
            found.add(delegate.red_lines.note)
    for event in scenario.events:
        if event.visibility == "private":
            found |= {event.title, event.text}
    return {text for text in found if len(text) >= 12}


def test_projector_shows_the_public_table_and_never_a_secret(tmp_path):
    with HostThread(tmp_path, scenario="paris-2026", seed=11, codes_file=tmp_path / "slips.json") as host:
        private = host.read(lambda h: next(e.id for e in h.game.scenario.events if e.visibility == "private"))
        public = host.read(lambda h: next(e.id for e in h.game.scenario.events if e.visibility == "public"
                                          and e.id not in h.game.view("public").events_fired))
        codes = load_codes(tmp_path / "slips.json")
        d, s, game = open_table(host, spectator=True, codes=codes, lobby=True)
        console = RemoteGame.join(host.url, host.code("facilitator"))
        try:
            assert type(d.scene).__name__ == "LobbyScene"
            d.shot(tmp_path / "projector_lobby.png")
            d.key(pygame.K_RETURN)
            scene = d.scene
            assert isinstance(scene, RemoteTableScene) and s.viewer is None and s.curtain_for is None
            for event in (private, public):
                console.apply(_inject(event))
            until(d, lambda: any(c.event == public for c in s.cards))
            assert all(c.event != private and not c.private for c in s.cards), "a private card on the projector"
            d.frames(2)
            shot_path = tmp_path / "projector_card.png"
            d.shot(shot_path)
            d.key(pygame.K_f)  # the facilitator panel does not open on the projector
            assert scene.form is None
            # what the projector holds and renders: no brief, objective, red line or private card
            secrets = _secrets(game.scenario)
            view = game.view("public")
            held = json.dumps(to_data(dataclasses.replace(view, log=())), ensure_ascii=False)
            held += "\n".join(e.text for e in view.log) + "\n".join(c.text + c.title for c in s.cards)
            rendered = "\n".join(str(key[0]) for key in d.app.text._renders)
            leaked = [t for t in secrets if t in held or t in rendered]
            assert not leaked, f"the projector holds a secret: {leaked[0][:60]!r}"
            assert not view.private and not view.offers and game.codes is codes
            for _ in range((len(s.cards) + 1) * int(d.app.palette.event_card_seconds * 30 + 10)):
                d.frames(1)  # nobody at the projector: the cards go by themselves
            assert not s.cards
            # the bots play the game out: whatever the projector draws on the way holds no secret
            drawn = _record_drawn_text(d)
            for seat in s.seats:
                console.apply(_hand_over(seat))
            until(d, lambda: game.over, frames=3000)
            d.frames(60)
            assert isinstance(d.scene, RemoteTableScene), "the projector stays on the public table at the end"
            leaked = [t for t in secrets if any(t in line for line in drawn)]
            assert not leaked, f"the projector drew a secret: {leaked[0][:60]!r}"
            assert any("The game ends" in line for line in drawn)
            for _ in range(500):  # the console here is a bare RemoteGame: nobody polls it but us
                console.poll()
                if console.over:
                    break
                time.sleep(0.01)
            ours, theirs = console.result(), host.read(lambda h: h.game.result())
            for key in ("priorities", "delegates", "outcome", "end_reason", "tracks"):
                assert ours[key] == theirs[key], key
            assert game.result()["delegates"] == {}, "a spectator's result has no scores"
        finally:
            console.close()
            d.close()
            game.close()


def _record_drawn_text(driver: Driver) -> list[str]:
    """Returns a list that collects every text the table renders from now on."""
    drawn: list[str] = []
    text = driver.app.text
    render = text.render

    def recording(line, *args, **kwargs):
        drawn.append(line)
        return render(line, *args, **kwargs)

    text.render = recording
    text._renders.clear()  # cached renders would skip the recorder
    return drawn


def _hand_over(seat: str):
    from game.model.actions import SetController

    return SetController(seat, "negotiator")


def _inject(event: str):
    from game.model.actions import InjectEvent

    return InjectEvent(event)


def test_a_wrong_code_or_no_host_is_one_clear_error(host):
    with pytest.raises(HostedGameError, match="refused the join"):
        RemoteGame.join(host.url, "AAAA-AAAA")
    with pytest.raises(HostedGameError, match="no host answered"):
        RemoteGame.join("http://127.0.0.1:9", spectator=True, timeout=0.5)


def test_a_seat_plays_from_its_own_laptop(host, tmp_path):
    d, s, game = open_table(host, host.code("fr"))
    try:
        assert s.viewer == "fr" and s.curtain_for is None and s.screen().me is not None
        while s.card() is not None:  # this round's event cards
            d.key(pygame.K_RETURN)
        assert s.my_turn()
        d.key(pygame.K_p)
        d.key(pygame.K_RETURN)  # troops toward the first priority: the host refuses, with its reason
        until(d, lambda: not game.waiting())
        assert s.notice.bad and s.notice.text != "Sending to the host…"
        d.key(pygame.K_e)  # pass
        until(d, lambda: game.turn_seat == "uk")
        assert not s.my_turn() and s.viewer == "fr", "the seat keeps its own screen: no curtain"
        assert host.journal() == [{"action": {"kind": "pass", "seat": "fr"}}]
        d.key(pygame.K_e)
        assert "Wait for your turn" in s.notice.text
        d.key(pygame.K_l)  # no lobby on a delegation's laptop
        assert isinstance(d.scene, RemoteTableScene)
        d.shot(tmp_path / "seat_laptop.png")
    finally:
        d.close()
        game.close()


def test_play_join_on_the_command_line(host, tmp_path):
    from click.testing import CliRunner

    from game.cli import main

    shot = tmp_path / "projector.png"
    result = CliRunner().invoke(main, ["play", "--join", host.url, "--spectator", "--frames", "5", "--screenshot",
                                       str(shot)])
    assert result.exit_code == 0, result.output
    assert shot.exists() and shot.stat().st_size > 10_000
    for args, message in [(["--code", "X"], "go with --join"), (["--join", host.url], "give --code CODE"),
                          (["--join", host.url, "--spectator", "--code", "X"], "one or the other"),
                          (["--join", host.url, "--code", "X", "--codes", "f.json"], "--codes goes with --spectator")]:
        result = CliRunner().invoke(main, ["play", *args, "--frames", "1"])
        assert result.exit_code == 2 and message in result.output, result.output
    result = CliRunner().invoke(main, ["play", "--join", host.url, "--code", "AAAA-AAAA", "--frames", "1"])
    assert result.exit_code == 1 and "refused the join" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["play", "--join", host.url, "--spectator", "--codes", str(tmp_path / "no.json"),
                                       "--frames", "1"])
    assert result.exit_code == 1 and "cannot read the codes file" in result.output


def test_a_host_back_with_another_scenario_closes_the_table_instead_of_drawing_it_wrong(host):
    remote = RemoteGame.join(host.url, spectator=True)
    try:
        same = {"type": "welcome", "protocol": 1, "role": "spectator", "seat": "public", "name": "spectator",
                "scenario": "tutorial", "scenario_hash": remote._blank.content_hash}
        remote._message(same)  # a reconnection to the same game: nothing to say
        assert remote.status == "connected"
        remote._message({**same, "scenario_hash": "0" * 64})  # the host came back with an edited copy
        assert remote.status == "closed"
        assert any("another scenario" in note for note in remote.notes())
    finally:
        remote.close()
