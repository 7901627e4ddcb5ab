"""``python -m wirewatch.cli``."""

from wirewatch.cli import main

main()
