"""``dragoman serve`` as a user starts it: loopback by default, a clear error for a missing store."""

from __future__ import annotations

import inspect

from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.cli.serve import serve
from dragoman.errors import StoreError

runner = CliRunner()


def test_a_missing_store_is_one_clear_error(tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "nothing.duckdb")])
    assert result.exit_code != 0
    assert isinstance(result.exception, StoreError) and "no such store" in str(result.exception)


def test_it_listens_on_loopback_unless_told_otherwise():
    assert inspect.signature(serve).parameters["host"].default.default == "127.0.0.1"
    assert "--token-file" not in runner.invoke(app, ["serve", "--help"]).output  # read-only: no write side yet
