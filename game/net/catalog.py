"""What a browser page needs besides the view: the scenario's public catalog, and words.

A page computes no rules and holds no wording of its own: the host sends, once after the
welcome, a `table` message (names, public briefs, priorities' terms, tracks, entry kinds;
the event deck and bot personalities only to the facilitator), and with each view the
plain words of the event cards and offers that connection may already see.
"""

import json
from functools import lru_cache
from typing import Any

from game.content.data_dirs import assets_dir
from game.engine import (
    CONTROLLERS,
    ENTRY_KINDS,
    Game,
    Names,
    badge_letters,
    describe_effect,
    describe_item,
    renewal_words,
    spokesperson,
)
from game.model.actions import FACILITATOR


def table_message(game: Game, role: str) -> dict[str, Any]:
    """Returns the `table` message for a role: public scenario data (plus the deck for the facilitator)."""
    s = game.scenario
    message: dict[str, Any] = {
        "type": "table",
        "scenario": {"id": s.meta.id, "title": s.meta.title, "summary": " ".join(s.meta.summary.split()),
                     "rounds": s.rules.rounds, "phases": list(s.rules.phases)},
        "seats": list(game.seats),
        "delegates": {d.id: {"name": d.name, "country": d.country, "principal": spokesperson(d)[0],
                             "title": spokesperson(d)[1], "badge": badge_letters(d.id, d.badge),
                             "public_brief": " ".join(d.public_brief.split()),
                             "capacities": dict(d.capacities)} for d in s.delegates},
        "priorities": {p.id: {"name": p.name, "short": p.short or p.name,
                              "description": " ".join(p.description.split()),
                              "required_leads": list(p.required_leads), "min_signatories": p.min_signatories,
                              "required_signatories": list(p.required_signatories)} for p in s.priorities},
        "kinds": {k.id: {"name": k.name, "unit": k.unit, "description": " ".join(k.description.split()),
                         "needs_approval": k.needs_approval, "term": k.term,
                         "renewal": renewal_words(s.rules.renew_capital_cost, k.term) if k.term else ""}
                  for k in s.commitment_kinds},
        "tracks": {t.id: {"name": t.name, "description": " ".join(t.description.split()), "min": t.min,
                          "max": t.max} for t in s.tracks},
        "flags": {f.id: {"name": f.name, "description": " ".join(f.description.split())} for f in s.flags},
        "entry_kinds": {kind: {"tone": k.tone, "label": k.label} for kind, k in ENTRY_KINDS.items()},
        "palette": palette(),
        "vocabulary": {**s.vocabulary.model_dump(), "sign_title": game.names.sign_title()},
    }
    if role == "facilitator":
        message["events"] = [{"id": e.id, "title": e.title, "visibility": e.visibility} for e in s.events]
        message["controllers"] = list(CONTROLLERS)
    return message


@lru_cache(maxsize=1)
def palette() -> dict[str, Any]:
    """Returns the table's theme (`assets/table.json`): the same Okabe-Ito seat colours and shapes as pygame."""
    data = json.loads((assets_dir() / "table.json").read_text(encoding="utf-8"))
    return {"colours": data["colours"], "seat_colours": data["seat_colours"], "seat_shapes": data["seat_shapes"]}


class Words:
    """Plain words for what a connection sees: event cards in its new log entries, offers in its view."""

    def __init__(self, game: Game):
        self.game = game
        self.names = Names(game.scenario)
        self._items: dict[Any, str] = {}

    def cards(self, entries: tuple, viewer: str) -> list[dict[str, Any]]:
        """Returns one card per event-card entry among `entries` (already filtered for the viewer)."""
        events = self.game.catalog.events
        out = []
        for entry in entries:
            if not ENTRY_KINDS.get(entry.kind) or not ENTRY_KINDS[entry.kind].plays_card:
                continue
            event = events.get(entry.data.get("event"))
            if event is None:
                continue
            effects = [describe_effect(e, self.names) for e in event.effects
                       if viewer == FACILITATOR or not (e.op == "message" and e.to and viewer not in e.to)]
            out.append({"seq": entry.seq, "round": entry.round, "event": event.id, "title": event.title,
                        "text": " ".join(event.text.split()), "effects": effects,
                        "private": entry.visible_to is not None, "injected": entry.kind == "EventInjected"})
        return out

    def outcome(self) -> str:
        """Returns the coalition's outcome once the game is over ("" before)."""
        return self.game.result()["outcome"] if self.game.over else ""

    def offers(self, offers: tuple) -> dict[str, list[str]]:
        """Returns offer id -> one sentence per item ("France gives 1 brigade (troops) to Force, if ...")."""
        return {str(o.id): [self.item(i) for i in o.items] for o in offers}

    def item(self, item: Any) -> str:
        try:
            hit = self._items.get(item)
        except TypeError:  # a condition that cannot be hashed
            return describe_item(item, self.names)
        if hit is None:
            if len(self._items) > 20_000:
                self._items.clear()
            hit = self._items[item] = describe_item(item, self.names)
        return hit
