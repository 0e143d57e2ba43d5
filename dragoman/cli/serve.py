"""``dragoman serve``: the explorer, web pages and JSON API over a store, on this machine only by default."""

from __future__ import annotations

from pathlib import Path

import typer

from dragoman.cli.console import err_console
from dragoman.errors import InputError
from dragoman.store import Store

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help="DuckDB store written by `dragoman ingest`."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback unless told otherwise)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
) -> None:
    """Browse the store in a web browser: events, articles with their coded spans, timeline, network,
    map, quotes and actors, each with a JSON twin and CSV download; the JSON API is at /api.

    Read-only; needs no network (every script, style and map outline is served from the package).
    Articles stored by an ingest running meanwhile show without a restart.

    Example: dragoman serve --db dragoman.duckdb   (then open http://127.0.0.1:8000)
    """
    try:
        import uvicorn

        from dragoman.api import create_app
    except ImportError as exc:
        raise InputError(f"dragoman serve needs the web extra ({exc.name} is missing): "
                         "pip install 'dragoman[web]'") from exc

    Store(db, read_only=True)  # a clear error now rather than on the first request
    if not db.is_file():
        raise InputError(f"{db}: not a store file")
    public = host not in LOOPBACK
    if public:
        err_console.print(f"warning: listening on {host}: anyone who can reach this address can read the store",
                          highlight=False)
    app = create_app(db, allowed_hosts=None if public else (*LOOPBACK, "[::1]"))
    url_host = f"[{host}]" if ":" in host else host
    err_console.print(f"dragoman explorer on http://{url_host}:{port} (store {db}); Ctrl-C stops it", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
