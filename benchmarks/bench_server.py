"""Workshop host under load: 35 WebSocket clients on loopback play a whole Paris game.

The host runs as its own process (`coalition host`, simultaneous turns unless `--turns
ordered`); this process holds a client per seat (24 in Paris) acting as fast as they are
allowed (a random legal action as soon as their view offers any), a facilitator and
spectators for the rest of the 35 connections. Latency runs from an action being sent to the
moment every connection has received the view that includes it. `--json` prints one object.
"""

import argparse
import asyncio
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websockets

SEQ = re.compile(r'^\{"type":"view","seq":(\d+),')


class Client:
    """One connection: records when each view (by change number) arrived; a seat client also acts."""

    def __init__(self, name: str, acts: bool, rng: random.Random):
        self.name, self.acts, self.rng = name, acts, rng
        self.arrivals: list[tuple[int, float]] = []
        self.bytes = 0
        self.sent: list[tuple[float, int | None]] = []
        self.waiting_for = 0
        self.busy = False
        self.extensions = ""

    async def run(self, url: str, join: dict, compression: str | None, done: asyncio.Event) -> None:
        async with websockets.connect(url, max_size=None, compression=compression) as ws:
            self.extensions = ws.response.headers.get("Sec-WebSocket-Extensions") or ""
            await ws.send(json.dumps(join))
            async for text in ws:
                now = time.perf_counter()
                self.bytes += len(text)
                match = SEQ.match(text)
                if match:
                    seq = int(match.group(1))
                    self.arrivals.append((seq, now))
                    if text.endswith('"legal":[]}'):
                        if '"over":true' in text:
                            done.set()
                        continue
                    if self.acts and not self.busy and seq >= self.waiting_for:
                        legal = json.loads(text[text.rindex(',"legal":') + 9:-1])  # the last field
                        self.busy = True
                        self.sent.append((time.perf_counter(), None))
                        await ws.send(json.dumps({"type": "act", "action": self.rng.choice(legal), "id": len(self.sent)}))
                elif self.acts and (text.startswith('{"type":"applied"') or text.startswith('{"type":"rejected"')):
                    reply = json.loads(text)
                    if reply.get("id"):
                        sent_at, _ = self.sent[reply["id"] - 1]
                        seq = reply.get("seq")
                        self.sent[reply["id"] - 1] = (sent_at, seq)
                        self.waiting_for = seq if seq is not None else self.waiting_for
                        self.busy = False
                if done.is_set():
                    return


def first_arrival(arrivals: list[tuple[int, float]], seq: int) -> float | None:
    for s, t in arrivals:
        if s >= seq:
            return t
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_host(folder: Path, port: int, seed: int, turns: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "host", "paris-2026", "--bind", "127.0.0.1", "--port", str(port),
         "--seed", str(seed), "--journal", str(folder / "bench.jsonl"), "--codes", str(folder / "codes.json"),
         "--turns", turns],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the host did not start")


async def load(port: int, codes: dict, spectators: int, compression: str | None, limit: float) -> tuple:
    url = f"ws://127.0.0.1:{port}/ws"
    rng = random.Random(7)
    done = asyncio.Event()
    clients = [(Client(seat, True, random.Random(rng.random())), {"type": "join", "code": entry["code"]})
               for seat, entry in codes["seats"].items()]
    clients.append((Client("facilitator", False, rng), {"type": "join", "code": codes["facilitator"]["code"]}))
    clients += [(Client(f"spectator{i}", False, rng), {"type": "join", "spectator": True}) for i in range(spectators)]
    start = time.perf_counter()
    tasks = [asyncio.create_task(c.run(url, join, compression, done)) for c, join in clients]
    try:
        await asyncio.wait_for(done.wait(), limit)
    except TimeoutError:
        pass
    seconds = time.perf_counter() - start
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return [c for c, _ in clients], seconds


def _cpu_seconds(pid: int) -> float | None:
    """Returns the CPU time (user + system) a process has used so far, from /proc (Linux only)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)
    except (OSError, IndexError, ValueError):
        return None


def play_game(args: argparse.Namespace, seed: int) -> dict:
    """Starts a host, plays one whole game against it, stops it; returns each action's latency (ms)."""
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        host = start_host(Path(folder), port, seed, args.turns)
        try:
            codes = json.loads((Path(folder) / "codes.json").read_text())
            compression = None if args.no_compression else "deflate"
            spectators = max(0, args.clients - len(codes["seats"]) - 1)
            cpu_before = time.process_time()
            clients, seconds = asyncio.run(load(port, codes, spectators, compression, args.limit))
            clients_cpu = time.process_time() - cpu_before
            host_cpu = _cpu_seconds(host.pid)
        finally:
            host.terminate()
            host.wait(10)
    latencies = []
    for client in clients:
        for sent_at, seq in client.sent:
            if seq is None:
                continue
            arrivals = [first_arrival(c.arrivals, seq) for c in clients]
            if all(a is not None for a in arrivals):
                latencies.append((max(arrivals) - sent_at) * 1000)
    return {"latencies": latencies, "seconds": seconds, "clients": len(clients),
            "bytes_per_client": sum(c.bytes for c in clients) / len(clients),
            "compression": "deflate" if any("deflate" in c.extensions for c in clients) else None,
            "host_cpu_s": host_cpu, "clients_cpu_s": clients_cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=35,
                        help="Connections in all: every seat, the facilitator, and spectators for the rest.")
    parser.add_argument("--turns", choices=["simultaneous", "ordered"], default="simultaneous")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-compression", action="store_true",
                        help="Do not offer permessage-deflate (the host declines it anyway).")
    parser.add_argument("--limit", type=float, default=120.0, help="Stop after this many seconds.")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--games", type=int, default=3, help="Whole games, one after another (seed, seed+1...).")
    args = parser.parse_args()
    latencies: list[float] = []
    totals = {"seconds": 0.0, "bytes_per_client": 0.0, "host_cpu_s": 0.0, "clients_cpu_s": 0.0}
    loads, compression, connections = [], None, 0
    for game in range(args.games):
        loads.append(round(os.getloadavg()[0], 2))
        played = play_game(args, args.seed + game)
        latencies += played["latencies"]
        for key in totals:
            totals[key] += played[key] or 0
        compression, connections = compression or played["compression"], played["clients"]
    latencies.sort()
    actions = len(latencies)

    def pct(p: float) -> float:
        return round(latencies[min(actions - 1, int(p * actions))], 2) if actions else float("nan")

    seconds = totals["seconds"]
    result = {
        "scenario": "paris-2026", "turns": args.turns, "games": args.games, "clients": connections,
        "actions": actions, "p50_ms": pct(0.5), "p95_ms": pct(0.95),
        "max_ms": round(latencies[-1], 2) if latencies else None,
        "actions_per_s": round(actions / seconds, 1) if seconds else None, "seconds": round(seconds, 2),
        "kb_per_client_per_action": round(totals["bytes_per_client"] / max(actions, 1) / 1024, 1),
        "compression": compression, "host_cpu_s": round(totals["host_cpu_s"], 2),
        "clients_cpu_s": round(totals["clients_cpu_s"], 2),
        "loadavg_before_each_game": loads, "loadavg": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['clients']} clients, {args.games} games, {actions} actions in {seconds:.1f} s ({result['actions_per_s']}/s): "
              f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms "
              f"(load average {result['loadavg']})")


if __name__ == "__main__":
    main()
