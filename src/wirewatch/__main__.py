"""``python -m wirewatch``: the same command line as the ``wirewatch`` script."""

from wirewatch.cli import main

if __name__ == "__main__":
    main()
