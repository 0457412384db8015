"""The rules engine: a deterministic, event-sourced negotiation game behind one facade.

It imports no pygame, does no IO and never reads the clock; all chance comes from
the game's own seeded RNG. Outsiders import only what `__all__` lists, never a submodule,
and never reach into a game's state or compiled tables.
"""

from game.engine.effect_words import describe_effect, describe_effects, effect_parts
from game.engine.explanations import explain_condition, explain_conditions
from game.engine.facilitation import CONTROLLERS
from game.engine.game import MAX_SEED, Applied, Game, ReplayError, SetupError, scenario_hash
from game.engine.legal import LegalActions, StaleLegalActions
from game.engine.log import CARD_ENTRIES, ENTRY_KINDS, EntryKind, LogEntry
from game.engine.rng import Rng, derive_seed
from game.engine.rule import Rejection
from game.engine.tables import Catalog
from game.engine.views import (
    CommitmentView,
    DelegateView,
    KindView,
    ObjectiveView,
    OfferView,
    PriorityView,
    PrivateView,
    PublicView,
    SeatView,
)
from game.engine.words import (
    ROLE_WORDS,
    Names,
    badge_letters,
    controller_label,
    describe_condition,
    describe_item,
    number,
    percent,
    plural,
    possessive,
    quantity,
    renewal_words,
    role_label,
    signed,
    spokesperson,
    term_words,
)

__all__ = [
    "CARD_ENTRIES", "CONTROLLERS", "ENTRY_KINDS", "MAX_SEED", "SetupError", "Applied", "Catalog", "CommitmentView", "DelegateView", "EntryKind", "Game",
    "KindView", "LegalActions", "LogEntry", "Names", "ObjectiveView", "OfferView", "PriorityView", "PrivateView",
    "PublicView", "Rejection", "ReplayError", "StaleLegalActions", "Rng", "SeatView", "controller_label", "derive_seed",
    "describe_condition", "describe_effect", "describe_effects", "describe_item", "effect_parts",
    "explain_condition", "explain_conditions", "number", "percent", "plural", "possessive", "quantity",
    "scenario_hash", "signed", "ROLE_WORDS", "badge_letters", "role_label", "spokesperson",
    "renewal_words", "term_words",
]
