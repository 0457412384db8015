"""Helpers for the browser tests: a real host on 127.0.0.1 in a thread of its own (Playwright's
sync API owns the test's thread), its pages' addresses, and its journal."""

import contextlib
import json
from pathlib import Path
from typing import Any

from game.net.launch import HostSettings, HostThread

TIMEOUT_MS = 10_000


class BrowserHost(HostThread):
    def __init__(self, tmp_path: Path, scenario: str = "tutorial", seed: int = 3, **settings: Any):
        self.journal = tmp_path / "game.jsonl"
        self.notes: list[str] = []
        super().__init__(HostSettings(scenario=scenario, bind="127.0.0.1", port=0, seed=seed, journal=self.journal,
                                      **settings), say=self.notes.append)
        self.url = self.host.base_url

    def code(self, seat: str) -> str:
        return self.host.codes.by_seat[seat]

    def seat_url(self, seat: str) -> str:
        return f"{self.url}/seat/{self.code(seat)}"

    def facilitator_url(self) -> str:
        return f"{self.url}/facilitator/{self.code('facilitator')}"

    def journal_actions(self) -> list[dict]:
        lines = [json.loads(line) for line in self.journal.read_text(encoding="utf-8").splitlines()[1:]]
        return [line["action"] for line in lines if "action" in line]


@contextlib.contextmanager
def browser_host(tmp_path: Path, **settings: Any):
    host = BrowserHost(tmp_path, **settings)
    try:
        yield host
    finally:
        host.stop()


def open_page(browser, url: str, width: int = 1280, height: int = 800):
    """Opens a page at url and waits for its first complete view; page errors fail the test."""
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.errors = errors
    page.goto(url)
    page.wait_for_selector("#priorities article", timeout=TIMEOUT_MS)
    return page


def seq(page) -> int:
    return int(page.evaluate("Number(document.body.dataset.seq || -1)"))


def wait_seq(page, at_least: int) -> None:
    """Waits until the page has drawn a view with seq >= at_least."""
    page.wait_for_function(f"Number(document.body.dataset.seq || -1) >= {at_least}", timeout=TIMEOUT_MS)
