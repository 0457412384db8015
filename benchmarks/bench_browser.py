"""Browser pages on loopback, in Debian's headless Chromium: how long a seat page takes to show
its first complete view, and how long an action made in one page takes to show in another.

A host serves the tutorial on 127.0.0.1 (Germany and the US are bots). `first_view_ms` runs from
opening the seat's URL to the page having drawn its first view (the page's own clock, from
navigation start). `update_ms` is the p95 over actions clicked in France's or the UK's page
(a pledge, or a pass when no pledge is left) until the other page has drawn the view holding
it; both times come from the browser's clock. `--json` prints one object.
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.net.launch import HostSettings, HostThread  # noqa: E402

WATCH = """
window.__drawn = [];
new MutationObserver(() => {
  const seq = Number(document.body.dataset.seq);
  window.__drawn.push([seq, performance.timeOrigin + performance.now(), performance.now()]);
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-seq"]});
"""
CLICK = """() => {
  const button = document.querySelector('form[data-form="pledge"] button[type="submit"]')
    || document.querySelector('form[data-form="pass"] button');
  const at = performance.timeOrigin + performance.now();
  button.click();
  return at;
}"""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def open_seat(browser, url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(WATCH)
    page.goto(url)
    page.wait_for_function("window.__drawn.length > 0", timeout=10_000)
    return page, page.evaluate("window.__drawn[0][2]")


def drawn_after(page, seq: int, since: float) -> float | None:
    """Returns when the page drew a view with a later seq than `seq`, after `since` (ms since epoch)."""
    page.wait_for_function(f"window.__drawn.some(([s, t]) => s > {seq} && t >= {since})", timeout=5_000)
    return page.evaluate(f"window.__drawn.find(([s, t]) => s > {seq} && t >= {since})[1]")


def play_one_game(browser, seed: int, first_views: list[float], updates: list[float], loads: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = HostSettings(scenario="tutorial", bind="127.0.0.1", port=0, seed=seed,
                                journal=Path(folder) / "bench.jsonl", bots={"de": "cautious", "us": "cautious"})
        hosted = HostThread(settings, say=lambda _: None)
        try:
            host = hosted.host
            url = {seat: f"{host.base_url}/seat/{host.codes.by_seat[seat]}" for seat in ("fr", "uk")}
            for _ in range(loads):
                page, ms = open_seat(browser, url["fr"])
                first_views.append(ms)
                page.close()
            pages = {seat: open_seat(browser, url[seat])[0] for seat in url}
            for _ in range(200):
                if hosted.call(lambda: host.game.over):
                    break
                now = hosted.call(lambda: host.seq)
                for page in pages.values():
                    page.wait_for_function(f"Number(document.body.dataset.seq) >= {now}", timeout=5_000)
                actor = next((s for s, p in pages.items() if p.query_selector("#forms form")), None)
                if actor is None:
                    time.sleep(0.02)  # the bots are playing
                    continue
                other = pages["uk" if actor == "fr" else "fr"]
                clicked = pages[actor].evaluate(CLICK)
                try:
                    updates.append(drawn_after(other, now, clicked) - clicked)
                except Exception:  # a refused click changes nothing: no sample
                    continue
            for page in pages.values():
                page.close()
        finally:
            hosted.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--loads", type=int, default=8, help="first-view loads per game")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or "/usr/bin/chromium-headless-shell"
    first_views: list[float] = []
    updates: list[float] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium)
        version = browser.version
        for game in range(args.games):
            play_one_game(browser, 100 + game, first_views, updates, args.loads)
        browser.close()
    result = {
        "first_view_ms": round(statistics.median(first_views), 1),
        "first_view_p95_ms": round(p95(first_views), 1),
        "first_view_max_ms": round(max(first_views), 1),
        "loads": len(first_views),
        "update_ms": round(p95(updates), 1),
        "update_p50_ms": round(statistics.median(updates), 1),
        "update_max_ms": round(max(updates), 1),
        "updates": len(updates),
        "browser": f"chromium {version} (headless)",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
