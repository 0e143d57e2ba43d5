"""The run driver: many articles through the coder, in one process or forked workers, into the store.

``ingest(inputs, store, options) -> Summary``, ``recode(store, options) -> Summary`` and
``code_stream(coder, raw_articles)``; the CLI, the benchmark and every later surface use these.
"""

from dragoman.run.driver import Summary, code_stream, ingest, raw_articles, recode, run_workers
from dragoman.run.link import Linker

__all__ = ["Linker", "Summary", "code_stream", "ingest", "raw_articles", "recode", "run_workers"]
