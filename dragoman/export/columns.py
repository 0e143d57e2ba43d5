"""The column lists of the tabular exports, read from ``dragoman/data/export/*.csv``.

Each file names the columns in the published order, says whether dragoman fills the column and
describes from what: the README's mapping tables are these files. A writer computes exactly the
columns marked filled; the loader fails loudly when the two disagree.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from dragoman.errors import DataError

DATA = Path(__file__).resolve().parent.parent / "data" / "export"


@dataclass(frozen=True)
class Column:
    name: str
    filled: bool
    dragoman: str  # what dragoman writes there, or why it is empty


@lru_cache(maxsize=None)
def load_columns(table: str) -> tuple[Column, ...]:
    """The columns of ``data/export/<table>.csv`` in order."""
    path = DATA / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = []
    for number, row in enumerate(rows, 2):
        if set(row) != {"name", "filled", "dragoman"} or row["filled"] not in ("yes", "no") or not row["name"]:
            raise DataError(f"{path}:{number}: expected name, filled (yes|no), dragoman; got {row}")
        columns.append(Column(row["name"], row["filled"] == "yes", row["dragoman"]))
    names = [c.name for c in columns]
    if len(set(names)) != len(names):
        raise DataError(f"{path}: a column is listed twice")
    return tuple(columns)


def check_writers(table: str, computed: set[str]) -> tuple[Column, ...]:
    """The columns of ``table``, after checking a writer computes exactly those marked filled."""
    columns = load_columns(table)
    filled = {c.name for c in columns if c.filled}
    if filled != computed:
        raise DataError(f"data/export/{table}.csv and its writer disagree on the filled columns: "
                          f"listed only {sorted(filled - computed)}, computed only {sorted(computed - filled)}")
    return columns


@lru_cache(maxsize=1)
def sector_names() -> dict[str, str]:
    """Sector code -> readable name (GOV -> Government), from ``data/export/sector_names.csv``."""
    path = DATA / "sector_names.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


def stable_int(text: str, bits: int = 63) -> int:
    """A stable non-negative integer of ``bits`` bits from a string id (sha256, leading bits)."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) >> (256 - bits)


def timestamp14(value: Optional[datetime]) -> Optional[int]:
    """YYYYMMDDHHMMSS as an integer, as GDELT writes its timestamps."""
    return int(value.strftime("%Y%m%d%H%M%S")) if value is not None else None


def tsv_line(values: list[Any]) -> str:
    """One tab-separated line: None is empty; tabs and line breaks inside a value become spaces."""
    return "\t".join(_cell(v) for v in values) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.replace("\t", " ").splitlines())
    return text
