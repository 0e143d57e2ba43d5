"""Time and place stage: temporal expressions, toponyms, and each event's date and location.

Interface used by the pipeline:
``TimeTagger().extract(doc, published) -> list[TimeExpr]``,
``PlaceResolver().extract(doc, actors, dateline) -> list[Place]`` and
``locate_events(events, doc, times, places, meta) -> None`` (sets date and location in place).
Rule tables and the gazetteer load once per process.
"""

from __future__ import annotations

from dragoman.geotime.locate import event_date, locate_events
from dragoman.geotime.timex import TimeTagger
from dragoman.geotime.toponyms import PlaceResolver, distance_km

__all__ = ["PlaceResolver", "TimeTagger", "distance_km", "event_date", "locate_events"]
