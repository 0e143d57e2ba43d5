"""``python -m dragoman`` runs the CLI."""

from dragoman.cli import main

main()
