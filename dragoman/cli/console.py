"""Rich consoles shared by the CLI modules: results on stdout, progress and messages on stderr."""

from rich.console import Console

console = Console(soft_wrap=False)
err_console = Console(stderr=True)
