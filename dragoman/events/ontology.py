"""CAMEO codes (label, Goldstein, quad class) and PLOVER types, with the CAMEO->PLOVER mapping.

Loaded once from ``dragoman/data/cameo/codes.csv``, ``dragoman/data/plover/types.yaml`` and
``dragoman/data/plover/cameo_map.yaml``; a malformed entry raises DataError naming file and entry.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dragoman import yamlio
from dragoman.errors import DataError
from dragoman.records import Plover

DATA = Path(__file__).resolve().parents[1] / "data"
CODES_FILE = DATA / "cameo" / "codes.csv"
PLOVER_TYPES_FILE = DATA / "plover" / "types.yaml"
PLOVER_MAP_FILE = DATA / "plover" / "cameo_map.yaml"

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        return self.code[:2]


class Ontology:
    """The CAMEO code table and the PLOVER types it maps to."""

    def __init__(self, codes: dict[str, CameoCode], plover_types: dict[str, dict[str, Any]],
                 plover_map: dict[str, tuple[str, str | None] | None]) -> None:
        self.codes = codes
        self.plover_types = plover_types
        self.plover_map = plover_map

    def get(self, code: str) -> CameoCode:
        """The table entry of a CAMEO code; DataError for an unknown code."""
        entry = self.codes.get(code)
        if entry is None:
            raise DataError(f"unknown CAMEO code {code!r}")
        return entry

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def plover(self, code: str) -> Plover | None:
        """PLOVER type and mode of a CAMEO code (longest matching prefix), None for statements."""
        for length in range(len(code), 1, -1):
            prefix = code[:length]
            if prefix in self.plover_map:
                value = self.plover_map[prefix]
                return Plover(value[0], value[1]) if value else None
        return None


def _load_codes(path: Path) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc}") from exc
    for line, row in enumerate(rows, start=2):
        code = (row.get("code") or "").strip()
        where = f"{path}:{line} ({code or 'no code'})"
        if not _CODE.match(code):
            raise DataError(f"{where}: malformed CAMEO code")
        if code in codes:
            raise DataError(f"{where}: duplicate code")
        try:
            goldstein = float(row["goldstein"])
            quad = int(row["quad"])
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{where}: goldstein and quad must be numbers") from exc
        if not -10.0 <= goldstein <= 10.0 or quad not in (1, 2, 3, 4):
            raise DataError(f"{where}: goldstein outside -10..10 or quad not 1-4")
        label = (row.get("label") or "").strip()
        if not label:
            raise DataError(f"{where}: missing label")
        codes[code] = CameoCode(code, label, goldstein, quad)
    for code in codes:
        if len(code) > 2 and code[:2] not in codes:
            raise DataError(f"{path}: code {code} has no root entry {code[:2]}")
    return codes


def _load_plover(types_path: Path, map_path: Path, codes: dict[str, CameoCode]):  # type: ignore[no-untyped-def]
    types_doc = yamlio.load_mapping(types_path, "PLOVER type table", yamlio.WORDS, expected="a mapping 'types'")
    if not isinstance(types_doc.get("types"), dict):
        raise DataError(f"{types_path}: expected a mapping 'types'")
    types: dict[str, dict[str, Any]] = {}
    for name, spec in types_doc["types"].items():
        if not isinstance(spec, dict) or spec.get("quad") not in (1, 2, 3, 4) \
                or not isinstance(spec.get("modes"), list):
            raise DataError(f"{types_path}: type {name}: needs quad 1-4 and a list of modes")
        types[str(name)] = spec
    map_doc = yamlio.load_mapping(map_path, "CAMEO-PLOVER map", yamlio.WORDS, expected="a mapping 'map'")
    if not isinstance(map_doc.get("map"), dict):
        raise DataError(f"{map_path}: expected a mapping 'map'")
    mapping: dict[str, tuple[str, str | None] | None] = {}
    for code, value in map_doc["map"].items():
        code = str(code)
        where = f"{map_path}: entry {code}"
        if code not in codes:
            raise DataError(f"{where}: not a CAMEO code in {CODES_FILE.name}")
        if value is None:
            mapping[code] = None
            continue
        if not isinstance(value, list) or len(value) != 2 or value[0] not in types:
            raise DataError(f"{where}: expected [PLOVER type, mode or null]")
        mode = value[1]
        if mode is not None and mode not in types[value[0]]["modes"]:
            raise DataError(f"{where}: mode {mode!r} is not a mode of {value[0]}")
        mapping[code] = (value[0], mode)
    return types, mapping


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Load and validate the built-in CAMEO and PLOVER tables (cached)."""
    codes = _load_codes(CODES_FILE)
    types, mapping = _load_plover(PLOVER_TYPES_FILE, PLOVER_MAP_FILE, codes)
    return Ontology(codes, types, mapping)
