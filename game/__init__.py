"""Coalition Table: a negotiation tabletop game engine driven by YAML scenarios.

Layers (each may import only those to its left):
model → content → engine → bots, sim, report → ui → cli
"""

__version__ = "0.1.0"
