"""Headless playthroughs and seed sweeps."""
