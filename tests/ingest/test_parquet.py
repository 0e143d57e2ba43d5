"""Parquet files of articles: a row per article, read like a JSON object; a file without text is named."""

from __future__ import annotations

import duckdb

from dragoman.ingest import read_inputs
from dragoman.records import RawArticle, Skipped


def _write(path, select: str) -> None:
    with duckdb.connect() as conn:
        conn.execute(f"COPY ({select}) TO '{path}' (FORMAT PARQUET)")


def test_rows_become_articles_with_their_metadata(tmp_path):
    path = tmp_path / "articles.parquet"
    _write(path, "SELECT * FROM (VALUES "
                 "('Kyiv said on Monday it had struck a depot.', 'Strike on depot', DATE '2023-05-01', 'wire'), "
                 "(NULL, 'Headline only', DATE '2023-05-02', 'wire'), "
                 "('Ankara and Athens resumed talks on Tuesday.', 'Talks resume', DATE '2023-05-02', NULL)"
                 ") AS t(text, title, published, source)")
    results = list(read_inputs([str(tmp_path)]))
    assert [r.origin for r in results] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, second, third = results
    assert isinstance(first, RawArticle) and first.title == "Strike on depot" and first.published == "2023-05-01"
    assert isinstance(second, Skipped) and '"text"' in second.reason
    assert isinstance(third, RawArticle) and third.source is None and third.text.startswith("Ankara")


def test_html_column_and_a_file_without_text(tmp_path):
    _write(tmp_path / "pages.parquet", "SELECT '<html><body><p>Page</p></body></html>' AS html")
    _write(tmp_path / "numbers.parquet", "SELECT 1 AS a, 2 AS b")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    results = {r.origin.rsplit("/", 1)[-1]: r for r in read_inputs([str(tmp_path)])}
    assert results["pages.parquet#1"].html.startswith("<html>")
    assert "no text or html column" in results["numbers.parquet"].reason
    assert "not a readable Parquet file" in results["broken.parquet"].reason
