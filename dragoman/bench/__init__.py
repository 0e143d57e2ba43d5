"""Throughput measurement: ``dragoman bench`` (see run.py) and its generated corpus (corpus.py)."""
