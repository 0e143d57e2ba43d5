"""Toponym resolution against GeoVirus and GeoWebNews gold (Gritta et al.).

Formats, detected from the files: GeoVirus XML (``<article><text>`` + ``<locations>`` with
``name, start, end, lat, lon``) and GeoWebNews XML (``GWN.xml``: ``<article><text>`` +
``<toponyms>`` with ``start, end, latitude, longitude``; toponyms without coordinates are not
gold places). A folder is searched for ``GeoVirus.xml`` / ``GWN.xml``.

End to end: the raw text is parsed, toponyms found and resolved; a gold toponym counts as found
when a system place overlaps it (gold spans are first aligned to their names: GeoVirus counts
offsets from 1). ``accuracy_161`` is the share of found gold toponyms resolved
within 161 km (the usual geoparsing measure), ``recall_161`` the share of all gold toponyms;
``ceiling`` is the share of gold toponyms whose right place (within 161 km) the gazetteer holds
under the gold name, and ``ceiling_ratio`` = accuracy_161 / ceiling.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from dragoman.errors import EvalError
from dragoman.eval import EvalReport, default_path, prf

KM = 161.0
SHIFTS = (0, 1, -1, 2, -2)  # offsets tried when gold spans do not read as their names


@dataclass
class GoldPlace:
    name: str
    start: int
    end: int
    lat: float
    lon: float


@dataclass
class GeoArticle:
    text: str
    places: list[GoldPlace]


def _float(node: Optional[ET.Element]) -> Optional[float]:
    if node is None or node.text is None or not node.text.strip():
        return None
    return float(node.text)


def read_gold(path: Path) -> tuple[str, list[GeoArticle]]:
    """(dataset name, articles) from a GeoVirus or GeoWebNews XML file."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvalError(f"{path}: cannot read geoparsing gold XML: {exc}") from exc
    articles: list[GeoArticle] = []
    dataset = ""
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        places: list[GoldPlace] = []
        if article.find("locations") is not None:
            dataset = "geovirus"
            for loc in article.find("locations").iter("location"):  # type: ignore[union-attr]
                lat, lon = _float(loc.find("lat")), _float(loc.find("lon"))
                if lat is not None and lon is not None:
                    places.append(
                        GoldPlace(
                            loc.findtext("name") or "", int(loc.findtext("start")), int(loc.findtext("end")), lat, lon
                        )
                    )
        elif article.find("toponyms") is not None:
            dataset = "geowebnews"
            for top in article.find("toponyms").iter("toponym"):  # type: ignore[union-attr]
                lat, lon = _float(top.find("latitude")), _float(top.find("longitude"))
                if lat is not None and lon is not None:
                    places.append(
                        GoldPlace(
                            top.findtext("extractedName") or "",
                            int(top.findtext("start")),
                            int(top.findtext("end")),
                            lat,
                            lon,
                        )
                    )
        else:
            raise EvalError(f"{path}: article without <locations> or <toponyms>: not GeoVirus/GeoWebNews")
        articles.append(GeoArticle(text, _aligned(text, places)))
    if not articles:
        raise EvalError(f"{path}: no <article> elements: not GeoVirus/GeoWebNews XML")
    return dataset, articles


def _aligned(text: str, places: list[GoldPlace]) -> list[GoldPlace]:
    """The gold spans moved by the one offset under which their names read in the text.

    GeoVirus counts offsets from 1 (``text[start:end]`` of "NSW" reads "SW "); GeoWebNews from 0.
    """
    named = [p for p in places if p.name]

    def fits(shift: int) -> int:
        return sum(text[p.start - shift : p.end - shift] == p.name for p in named)

    shift = max(SHIFTS, key=fits)
    if not named or fits(shift) <= fits(0):
        return places
    return [GoldPlace(p.name, p.start - shift, p.end - shift, p.lat, p.lon) for p in places]


def _gold_files(data: Path) -> list[Path]:
    if data.is_file():
        return [data]
    found = sorted(p for name in ("GeoVirus.xml", "GWN.xml") for p in data.rglob(name))
    if not found:
        raise EvalError(f"{data}: no GeoVirus.xml or GWN.xml found")
    return found


def evaluate(data: Optional[Path], limit: Optional[int]) -> list[EvalReport]:
    """Accuracy within 161 km, mean error and the gazetteer ceiling per dataset."""
    from dragoman.geotime.toponyms import PlaceResolver, distance_km
    from dragoman.nlp import load_nlp

    files = _gold_files(data if data is not None else default_path("geo"))
    resolver = PlaceResolver()
    nlp = load_nlp()
    reports = []
    for path in files:
        dataset, articles = read_gold(path)
        articles = articles[: limit or None]
        counts = {"gold": 0, "system": 0, "found": 0, "within_161": 0, "in_gazetteer": 0, "matched_system": 0}
        errors: list[float] = []
        for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=16), strict=False):
            places = resolver.extract(doc, [], None)
            counts["gold"] += len(article.places)
            counts["system"] += len(places)
            counts["matched_system"] += sum(
                any(p.start < g.end and g.start < p.end for g in article.places) for p in places
            )
            for gold in article.places:
                options = resolver.gazetteer.lookup(gold.name)
                counts["in_gazetteer"] += any(distance_km(e.lat, e.lon, gold.lat, gold.lon) <= KM for e in options)
                hit = next((p for p in places if p.start < gold.end and gold.start < p.end and p.lat is not None), None)
                if hit is None:
                    continue
                counts["found"] += 1
                error = distance_km(hit.lat, hit.lon, gold.lat, gold.lon)  # type: ignore[arg-type]
                errors.append(error)
                counts["within_161"] += error <= KM
        gold_n = counts["gold"] or 1
        accuracy = counts["within_161"] / (counts["found"] or 1)
        ceiling = counts["in_gazetteer"] / gold_n
        metrics = {
            "accuracy_161": round(accuracy, 4),
            "recall_161": round(counts["within_161"] / gold_n, 4),
            "mean_error_km": round(sum(errors) / len(errors), 1) if errors else 0.0,
            "ceiling": round(ceiling, 4),
            "ceiling_ratio": round(accuracy / ceiling, 4) if ceiling else 0.0,
            "recall_161_ceiling_ratio": round(counts["within_161"] / gold_n / ceiling, 4) if ceiling else 0.0,
        }
        metrics.update(
            prf(counts["matched_system"], counts["system"] - counts["matched_system"], gold_n - counts["found"], "ner")
        )
        reports.append(
            EvalReport(
                evaluator="places",
                dataset=dataset,
                path=str(path),
                size=len(articles),
                metrics=metrics,
                counts=counts,
                notes=[
                    "accuracy_161 over gold toponyms the system found (overlap); recall_161 over all gold",
                    "ner.* counts a system place as correct when it overlaps a gold toponym with coordinates",
                ],
            )
        )
    return reports
