"""An event's actor in the pieces the tabular formats want: country, known group, type codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from dragoman.export.columns import sector_names

# country parts of an actor code that are not states: CAMEO's international and transnational actors
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM", "NGM", "INT"})


@dataclass(frozen=True)
class ActorParts:
    code: Optional[str]
    name: Optional[str]
    country: Optional[str]  # a state's ISO alpha-3; None for non-state actors
    known_group: Optional[str]  # UNO, EEC, NAT ... for non-state actors
    types: tuple[str, ...]  # sector codes that are CAMEO types (GOV, MIL ...), in code order
    sector_names: tuple[str, ...]  # their readable names


def actor_parts(row: dict[str, Any], role: str) -> ActorParts:
    """The pieces of the ``role`` ("source" or "target") actor of an exported event row."""
    code, country = row.get(f"{role}_code"), row.get(f"{role}_country")
    name = row.get(f"{role}_name") or row.get(f"{role}_text")
    tokens = (row.get(f"{role}_sector") or "").split()
    names = sector_names()
    types = tuple(t for t in tokens if t in names)
    groups = [t for t in tokens if t not in names]
    non_state = country in NON_STATE
    return ActorParts(
        code=code,
        name=name,
        country=None if non_state else country,
        # the most specific group part names the organisation: IGO EUR EEC -> EEC, IMG MUS ISI -> ISI
        known_group=(groups[-1] if groups else country) if non_state else None,
        types=types,
        sector_names=tuple(names[t] for t in types),
    )
