"""`python -m game` is the `coalition` command."""

from game.cli import main

main()
