"""``python -m dragoman.batch INPUT... --out DIR`` or, on a cluster, ``spark-submit .../dragoman/batch/__main__.py``:
the ``dragoman batch`` command with the Spark engine as default, in the session spark-submit made."""

from __future__ import annotations

import sys


def main() -> None:
    from dragoman.cli import main as cli_main

    sys.argv = [sys.argv[0], "batch", *sys.argv[1:]]
    cli_main()


if __name__ == "__main__":
    main()
