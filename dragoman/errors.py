"""The errors dragoman raises. Each message names the input and the problem.

Third-party errors are translated at the boundary (``raise InputError(...) from exc``).
A rejected article inside a batch is not an error: it is a ``records.Skipped`` result.
"""


class DragomanError(Exception):
    """Base class of every error dragoman raises on purpose."""


class InputError(DragomanError):
    """An input file, record or option cannot be used."""


class ModelError(DragomanError):
    """The spaCy pipeline cannot be loaded."""


class DataError(DragomanError):
    """A knowledge file under dragoman/data (or a user's own) is malformed."""


class StoreError(DragomanError):
    """The DuckDB store cannot be opened, migrated or written."""


class EvalError(DragomanError):
    """Evaluation data is missing or in an unknown format."""
