"""Reports: transcripts of a game, the after-action review, sweep reports and charts."""
