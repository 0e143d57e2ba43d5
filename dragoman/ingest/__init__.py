"""Ingest: read inputs (text, HTML, JSON/JSONL, feeds, WARC, gzip; streamed), clean them and hash them."""

from dragoman.ingest.metadata import dateline_span
from dragoman.ingest.prepare import prepare
from dragoman.ingest.readers import read_inputs, read_path

__all__ = ["dateline_span", "prepare", "read_inputs", "read_path"]
