"""Rich consoles shared by the CLI modules: results on stdout, progress and messages on stderr."""

import sys

from rich.console import Console

# Piped or redirected output gets wide tables rather than Rich's 80-column default.
console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, soft_wrap=True)
