"""The table journals every local game: each move and undo as it happens, a new journal for a loaded
game; and it asks before closing, Ctrl+Q or Load end a game in progress, saying where it is kept.
Driven with real pygame events."""

import json

import pygame
import pytest

from game.content.journal import read_journal
from game.content.records import save_record
from game.ui.confirm import dialog_rects
from game.ui.journals import TableJournals
from game.ui.setup_scene import start_session
from tests.ui.driver import Driver, region_changed


@pytest.fixture
def table(tmp_path):
    d = Driver()
    d.app.journals = TableJournals(tmp_path / "first.jsonl", folder=tmp_path)
    session = start_session(d.app, "tutorial", 3, all_bots=True, pace="fast")
    d.app.show_table(session)
    for _ in range(400):
        d.frames(1)
        if len(session.game.actions) >= 4:
            break
    yield d, session, tmp_path
    d.app.journals.close()
    d.close()


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_move_is_in_the_journal_as_the_table_shows_it(table):
    d, s, tmp_path = table
    journal = tmp_path / "first.jsonl"
    assert s.journal == journal
    lines = _lines(journal)
    assert lines[0]["journal"] == 2 and lines[0]["scenario_id"] == "tutorial"
    assert len(lines) - 1 == len(s.game.actions) >= 4
    assert read_journal(journal).record == s.game.record()
    d.key(pygame.K_f)
    info = d.scene.form.model.info(d.scene.form.values)
    assert f"Journal (every move kept): {journal}" in info


def test_undo_is_journaled_and_the_journal_replays_to_the_table(table):
    d, s, tmp_path = table
    journal = tmp_path / "first.jsonl"
    d.key(pygame.K_PAUSE)  # pause: the bots stop
    assert s.screen().paused
    moves = len([a for a in s.game.actions if a.kind not in ("pause", "resume")])
    d.key(pygame.K_z, pygame.KMOD_CTRL)
    assert s.screen().paused and len([a for a in s.game.actions if a.kind not in ("pause", "resume")]) == moves - 1
    lines = _lines(journal)
    assert {"undo": True} in lines
    kept = read_journal(journal)
    assert kept.undos >= 2 and kept.record == s.game.record()


def test_ctrl_q_and_closing_ask_first_and_say_where_the_game_is_kept(table):
    d, s, tmp_path = table
    before = d.shot()
    d.key(pygame.K_q, pygame.KMOD_CTRL)
    assert d.app.running and s.question is not None
    words = " ".join(s.question.lines)
    assert str(tmp_path / "first.jsonl") in words and "--resume" in words
    w, h = d.app.size
    assert region_changed(before, d.shot(), pygame.Rect(w // 2 - 200, h // 2 - 40, 400, 80)) > 5, "the dialog shows"
    moves = len(s.game.actions)
    d.frames(60)
    assert len(s.game.actions) == moves, "the game waits for the answer"
    d.key(pygame.K_ESCAPE)
    assert d.app.running and s.question is None
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.frames(2)
    assert d.app.running and s.question is not None
    d.key(pygame.K_RETURN)
    assert not d.app.running


def test_closing_the_window_twice_closes_it(table):
    d, s, _ = table
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.frames(2)
    assert d.app.running and s.question is not None
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.frames(2)
    assert not d.app.running


def test_load_asks_first_then_starts_a_new_journal(table):
    d, s, tmp_path = table
    saved = save_record(s.game, tmp_path / "saved.yaml")
    first = s.journal
    d.key(pygame.K_f)
    panel = d.scene.form
    panel.entry("path").set_text(str(saved))
    d.click(panel.button_rect("load"))
    assert s.question is not None and s.question.title.startswith("Load another game")
    d.click(dialog_rects(d.app.size, s.question, d.app.text)[1])  # the "Load" button
    assert s.question is None
    assert s.journal is not None and s.journal != first and s.journal.parent == tmp_path
    assert f"kept in a new journal, {s.journal}" in s.notice.text
    assert read_journal(s.journal).record.actions == read_journal(first).record.actions[:len(s.game.actions)]


def test_a_game_not_started_or_over_closes_without_asking(tmp_path):
    d = Driver()
    d.app.journals = TableJournals(tmp_path / "j.jsonl")
    s = start_session(d.app, "tutorial", 3, all_bots=True, pace="instant")
    s.bots_halted = True
    d.app.show_table(s)
    d.frames(2)
    assert not s.game.actions
    d.key(pygame.K_q, pygame.KMOD_CTRL)
    assert not d.app.running and s.question is None
    d.app.journals.close()
    d.close()


def test_a_loaded_fork_is_journaled_from_its_start_record(table):
    d, s, tmp_path = table
    fork = s.game.fork(2, seed=99, name="first.yaml")
    saved = save_record(fork, tmp_path / "fork.yaml")
    assert d.scene.controller.load(saved)
    for _ in range(60):
        d.frames(1)
    assert len(s.game.actions) > 2 and s.journal.parent == tmp_path
    kept = read_journal(s.journal)
    assert kept.record == s.game.record(), "the fork's RNG restarts where it branched, in the journal too"
