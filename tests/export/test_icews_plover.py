"""`dragoman export --format icews` reads with the ICEWS header; `--format plover` validates against
the shipped PLOVER schema."""

from __future__ import annotations

import json

import jsonschema
import pandas as pd
import pytest

from dragoman.export import export_events
from dragoman.export.columns import stable_int
from dragoman.export.plover import load_schema
from dragoman.store import EventFilter, Store

pytestmark = pytest.mark.model

# the columns of the ICEWS Coded Event Data files (Harvard Dataverse, doi:10.7910/DVN/28075), in order
ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]


def test_icews_reads_with_its_header_and_keeps_codes(demo_db, demo_events, tmp_path):
    done = export_events(Store(demo_db, read_only=True), "icews", tmp_path)
    frame = pd.read_csv(done.paths[0], sep="\t", dtype={"CAMEO Code": str}, keep_default_na=False,
                        na_values=[""], quoting=3)
    assert list(frame.columns) == ICEWS_COLUMNS and len(frame) == len(demo_events) == done.events
    by_id = {stable_int(e["id"]): e for e in demo_events}
    for row in frame.to_dict("records"):
        event = by_id[row["Event ID"]]
        assert row["CAMEO Code"] == event["cameo"] and row["Event Date"] == event["date"].isoformat()
        assert row["Intensity"] == event["goldstein"] and row["Sentence Number"] == event["sentence"] + 1
        assert row["Story ID"] == stable_int(event["article_id"])
    russia = frame[frame["Source Country"] == "Russia"]
    assert len(russia) and russia["Source Sectors"].dropna().str.contains("Government").any()
    assert frame["District"].isna().all()
    cities = frame.dropna(subset=["City"])
    assert len(cities) and cities["Country"].notna().all()


def test_every_plover_record_validates_against_the_shipped_schema(demo_db, demo_events, tmp_path):
    done = export_events(Store(demo_db, read_only=True), "plover", tmp_path)
    validator = jsonschema.Draft202012Validator(load_schema())
    records = [json.loads(line) for line in done.paths[0].read_text(encoding="utf-8").splitlines()]
    for record in records:
        validator.validate(record)
    untyped = [e for e in demo_events if not e["plover_type"]]
    assert len(records) == len(demo_events) - len(untyped) and done.left_out == len(untyped)
    by_id = {e["id"]: e for e in demo_events}
    for record in records:
        event = by_id[record["id"]]
        assert record["event"] == [event["plover_type"]] and record["story_id"] == event["article_id"]
        assert record["sentence_number"] == event["sentence"] + 1
        if event["source_code"]:
            assert record["actor"][0]["actor_code"] == event["source_code"]
    un = [r for r in records if any(a["actor_code"] and a["actor_code"].startswith("IGOUNO") for a in r["actor"])]
    assert un and all(a["code"] == "UNO" for r in un for a in r["actor"])  # PLOVER's own code for the UN


@pytest.mark.parametrize("broken", [
    {"event": []},  # an event needs a category
    {"event": ["INVADE"]},  # not a PLOVER category
    {"date": "2022-05"},  # PLOVER dates are YYYY-MM-DD
    {"actor": [{"code": "RUS"}]},  # an entity carries its text
])
def test_the_schema_refuses_what_the_manual_does_not_allow(broken):
    valid = {"id": "e1", "date": "2022-05-24", "actor": [{"entity_text": "Latvia", "code": "LVA"}],
             "event": ["SANCTION"]}
    jsonschema.validate(valid, load_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**valid, **broken}, load_schema())


def test_a_filter_exports_only_its_events(demo_db, demo_events, tmp_path):
    done = export_events(Store(demo_db, read_only=True), "icews", tmp_path, EventFilter(quad_class=4))
    frame = pd.read_csv(done.paths[0], sep="\t", dtype={"CAMEO Code": str})
    assert len(frame) == sum(1 for e in demo_events if e["quad_class"] == 4) > 0
