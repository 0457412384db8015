"""Privacy over the wire: every message the host sends to every connection during a whole Paris
game (bots in every seat, both private cards injected) is recorded; no seat's secrets reach
another seat or the spectator, by text search and by the structure of each view."""

import asyncio
import json
import re

from tests.net.hosting import Raw, hosted, run, ws_url

PRIVATE_CARDS = ("envoys_assurance", "leak_to_paris")
JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _secrets(scenario) -> dict[str, set[str]]:
    """Returns, per seat, the texts only that seat (and the facilitator) may ever see."""
    secrets: dict[str, set[str]] = {d.id: set() for d in scenario.delegates}
    for d in scenario.delegates:
        secrets[d.id] |= {d.confidential_brief, *(o.description for o in d.objectives)}
        if d.red_lines.note:
            secrets[d.id].add(d.red_lines.note)
    for event in scenario.events:
        if event.visibility == "private":
            for seat in event.recipients:
                secrets[seat] |= {event.title, event.text}
        for effect in event.effects:
            if effect.op == "message" and (event.visibility == "private" or effect.to):
                for seat in (effect.to or event.recipients):
                    secrets[seat].add(effect.text)
    return {seat: {s for s in texts if len(s) >= 12} for seat, texts in secrets.items()}


def _strings(raw: list[str]) -> str:
    """Returns every distinct string (keys and values) in the JSON messages, one per line."""
    found = set(JSON_STRING.findall("".join(raw)))
    return "\n".join(json.loads(f'"{text}"') if "\\" in text else text for text in found)


async def _listen(raw: Raw) -> None:
    try:
        while True:
            await raw.recv(timeout=60)
    except Exception:  # the host closed the connection at the end
        return


def test_no_secret_reaches_anyone_else(tmp_path):
    async def scenario():
        async with hosted(tmp_path, scenario="paris-2026", seed=11) as running:
            host = running.host
            seats = host.game.seats
            facilitator = await Raw.open(ws_url(running), {"type": "join", "code": host.codes.by_seat["facilitator"]})
            listeners = {seat: await Raw.open(ws_url(running), {"type": "join", "code": host.codes.by_seat[seat]})
                         for seat in seats}
            listeners["public"] = await Raw.open(ws_url(running), {"type": "join", "spectator": True})
            tasks = [asyncio.create_task(_listen(raw)) for raw in (*listeners.values(), facilitator)]
            actions = [{"kind": "inject_event", "event": card} for card in PRIVATE_CARDS]
            actions += [{"kind": "set_controller", "delegate": seat, "controller": "negotiator"} for seat in seats]
            for i, action in enumerate(actions):
                await facilitator.send({"type": "act", "action": action, "id": i})
            await asyncio.wait_for(host.ended.wait(), 40)
            await asyncio.sleep(0.3)
            for raw in (*listeners.values(), facilitator):
                await raw.close()
            await asyncio.gather(*tasks)
            return host.game, {seat: raw.received for seat, raw in listeners.items()}, facilitator.received
    game, received, to_facilitator = run(scenario(), timeout=60)
    assert game.over
    fired = {e.data.get("event") for e in game.log if e.kind in ("EventInjected", "EventDrawn")}
    assert set(PRIVATE_CARDS) <= fired
    secrets = _secrets(game.scenario)
    everything = _strings(to_facilitator)
    # Only texts that were ever sent can leak; the facilitator is sent every one of them. The
    # briefs and the injected private cards' titles must be among them, or the search is broken.
    secrets = {seat: {t for t in texts if t in everything} for seat, texts in secrets.items()}
    must = [d.confidential_brief for d in game.scenario.delegates]
    must += [e.title for e in game.scenario.events if e.id in PRIVATE_CARDS]
    assert all(any(t in texts for texts in secrets.values()) for t in must)
    for seat, raw in received.items():
        messages = [json.loads(m) for m in raw]
        text = _strings(raw)
        own = secrets.get(seat, set())
        for other, texts in secrets.items():
            if other == seat:
                continue
            leaked = [t for t in texts - own if t in text]
            assert not leaked, f"{seat} was sent {other}'s secret: {leaked[0][:60]!r}"
        _check_structure(seat, messages)


def _check_structure(seat: str, messages: list[dict]) -> None:
    views = [m for m in messages if m["type"] == "view"]
    assert views, f"{seat} got no views"
    assert not any(m["type"] in ("codes", "presence") for m in messages)
    for message in views:
        view = message["view"]
        assert set(view["private"]) == (set() if seat == "public" else {seat})
        for offer in view["offers"]:
            assert seat in (offer["proposer"], *offer["parties"]), f"{seat} saw offer {offer['id']}"
        for entry in message["log"]:
            assert entry["visible_to"] is None or seat in entry["visible_to"], f"{seat} saw {entry['text']!r}"
        if seat == "public":
            assert not view["offers"] and not view["mine"]
