"""`python -m giaoban` is the CLI (see giaoban.cli)."""

from giaoban.cli import main

if __name__ == "__main__":
    main()
