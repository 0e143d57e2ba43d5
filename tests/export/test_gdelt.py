"""`dragoman export --format gdelt`: GDELT 2.0 Events and Mentions files that GDELT tools read as is."""

from __future__ import annotations

import collections
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.export import export_events
from dragoman.export.columns import stable_int
from dragoman.store import EventFilter, Store

pytestmark = pytest.mark.model
runner = CliRunner()

# The GDELT 2.0 Event codebook's 61 columns, in order (written here from the codebook, not from
# dragoman's data file, so the two are checked against each other).
GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"{a}{f}" for a in ("Actor1", "Actor2") for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{f}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
]
GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
CODE_COLUMNS = {"EventCode": str, "EventBaseCode": str, "EventRootCode": str}


@pytest.fixture(scope="module")
def gdelt_dir(demo_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("gdelt")
    result = runner.invoke(app, ["export", "--db", str(demo_db), "--format", "gdelt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _read_events(path, header=None):
    return pd.read_csv(path, sep="\t", header=header, names=None if header == 0 else GDELT_EVENT_COLUMNS,
                       dtype=CODE_COLUMNS, keep_default_na=False, na_values=[""], quoting=3)


def test_the_codebook_has_61_columns():
    assert len(GDELT_EVENT_COLUMNS) == 61 and len(set(GDELT_EVENT_COLUMNS)) == 61


def test_every_line_has_exactly_61_fields_and_no_header(gdelt_dir, demo_events):
    lines = (gdelt_dir / "gdelt_events.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(demo_events) > 100
    assert all(line.count("\t") == 60 for line in lines[:-1])
    assert not lines[0].startswith("GLOBALEVENTID")
    mentions = (gdelt_dir / "gdelt_mentions.tsv").read_text(encoding="utf-8").splitlines()
    assert len(mentions) == len(demo_events) and all(line.count("\t") == 15 for line in mentions)


def test_pandas_reads_it_with_the_gdelt_names_codes_keep_zeros_dates_are_yyyymmdd(gdelt_dir, demo_events):
    frame = _read_events(gdelt_dir / "gdelt_events.tsv")
    assert list(frame.columns) == GDELT_EVENT_COLUMNS and len(frame) == len(demo_events)
    assert frame["SQLDATE"].dtype.kind == "i" and frame["GLOBALEVENTID"].dtype.kind == "i"
    assert pd.to_datetime(frame["SQLDATE"].astype(str), format="%Y%m%d").notna().all()  # real YYYYMMDD dates
    by_id = {stable_int(e["id"]): e for e in demo_events}
    assert len(by_id) == len(demo_events) == frame["GLOBALEVENTID"].nunique()  # ids unique and stable
    for row in frame.itertuples():
        event = by_id[row.GLOBALEVENTID]
        assert row.EventCode == event["cameo"] and row.EventRootCode == event["cameo_root"]
        assert row.EventBaseCode == event["cameo"][:3]
        assert row.SQLDATE == int(event["date"].strftime("%Y%m%d"))
        assert row.MonthYear == row.SQLDATE // 100 and row.Year == row.SQLDATE // 10000
        assert row.QuadClass == event["quad_class"] and row.GoldsteinScale == event["goldstein"]
    assert frame["EventCode"].str.startswith("0").any()  # 010, 036 ...: the zero is kept
    assert frame["EventRootCode"].str.fullmatch(r"\d\d").all()


def test_what_dragoman_does_not_compute_is_empty(gdelt_dir):
    frame = _read_events(gdelt_dir / "gdelt_events.tsv")
    empty = ["AvgTone", "Actor1EthnicCode", "Actor1Religion1Code", "Actor2Religion2Code", "Actor1Geo_FullName",
             "Actor2Geo_Lat", "ActionGeo_ADM2Code"]
    assert frame[empty].isna().all().all()
    assert frame["ActionGeo_Lat"].notna().any() and frame["Actor1Code"].notna().any()


def test_round_trip_counts_by_root_code_equal_dragoman_events(gdelt_dir, demo_db):
    frame = _read_events(gdelt_dir / "gdelt_events.tsv")
    result = runner.invoke(app, ["events", "--db", str(demo_db), "--format", "jsonl"])
    assert result.exit_code == 0
    listed = collections.Counter(json.loads(line)["cameo_root"] for line in result.stdout.splitlines())
    assert frame.groupby("EventRootCode").size().to_dict() == dict(listed)


def test_mentions_point_at_the_trigger_and_actors_in_the_article(gdelt_dir, demo_db, demo_events):
    store = Store(demo_db, read_only=True)
    mentions = pd.read_csv(gdelt_dir / "gdelt_mentions.tsv", sep="\t", header=None, names=GDELT_MENTION_COLUMNS,
                           keep_default_na=False, na_values=[""], quoting=3)
    by_id = {stable_int(e["id"]): e for e in demo_events}
    texts = {}
    for row in mentions.itertuples():
        event = by_id[row.GLOBALEVENTID]
        text = texts.setdefault(event["article_id"], store.article(event["article_id"]).text)
        assert text[row.ActionCharOffset:].startswith(event["trigger_text"])
        if event["source_start"] is not None:
            assert text[row.Actor1CharOffset:].startswith(event["source_text"])
        else:
            assert row.Actor1CharOffset == -1
        assert row.SentenceID == event["sentence"] + 1 and row.MentionDocLen == len(text)
        assert row.MentionIdentifier == (event["article_url"] or row.MentionIdentifier)
        assert 10 <= row.Confidence <= 100
    assert mentions[["MentionDocTone", "MentionDocTranslationInfo", "Extras"]].isna().all().all()


def test_header_option_and_where_filter(demo_db, demo_events, tmp_path):
    result = runner.invoke(app, ["export", "--db", str(demo_db), "--format", "gdelt", "--header",
                                 "--where", "actor=RUS", "--where", "since=2020-01-01", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    frame = _read_events(tmp_path / "gdelt_events.tsv", header=0)
    assert list(frame.columns) == GDELT_EVENT_COLUMNS
    expected = {stable_int(e["id"]) for e in demo_events
                if (e["source_code"] or "").startswith("RUS") and e["date"].isoformat() >= "2020-01-01"}
    assert expected and set(frame["GLOBALEVENTID"]) == expected


def test_a_bad_where_is_a_clear_error(demo_db, tmp_path):
    result = runner.invoke(app, ["export", "--db", str(demo_db), "--format", "gdelt", "--where", "actr=RUS",
                                 "--out", str(tmp_path)])
    assert result.exit_code != 0 and "actr=RUS" in str(result.exception)


def test_pages_of_any_size_give_the_same_files(demo_db, tmp_path):
    """The export reads a page at a time; pages far smaller than the store change nothing."""
    store = Store(demo_db, read_only=True)
    export_events(store, "gdelt", tmp_path / "whole", EventFilter())
    export_events(store, "gdelt", tmp_path / "small", EventFilter(), page=7)
    for name in ("gdelt_events.tsv", "gdelt_mentions.tsv"):
        assert (tmp_path / "whole" / name).read_bytes() == (tmp_path / "small" / name).read_bytes()


def test_merged_counts_are_each_events_group(demo_db, tmp_path):
    """NumMentions/NumSources/NumArticles of every row are its group's in the event_groups view."""
    store = Store(demo_db, read_only=True)
    export_events(store, "gdelt", tmp_path, EventFilter(), page=5)
    frame = _read_events(tmp_path / "gdelt_events.tsv")
    groups = {(g["date"], g["source_code"], g["target_code"], g["cameo"]): g for g in store.event_groups()}
    events = {stable_int(row["id"]): row for row in store.sql("SELECT id, date, source_code, target_code, cameo "
                                                              "FROM events")}
    for row in frame.itertuples():
        e = events[row.GLOBALEVENTID]
        group = groups[(e["date"], e["source_code"], e["target_code"], e["cameo"])]
        assert (row.NumMentions, row.NumSources, row.NumArticles) == (
            group["num_mentions"], group["num_sources"], group["num_articles"])


def _accusation(n: int, publisher: str, mentions: int = 1):
    from dragoman.records import Actor, ArticleMeta, ArticleRecord, Event, Trigger

    text = f"Russia accused Turkey on Tuesday of shelling border village number {n}."
    russia = Actor("Russia", 0, 6, "Russia", "RUS", "RUS", None, "country")
    turkey = Actor("Turkey", 15, 21, "Turkey", "TUR", "TUR", None, "country")
    event = Event(id=f"art{n:02d}-7-14-112", sentence=0, start=0, end=len(text), trigger=Trigger("accused", 7, 14),
                  cameo="112", cameo_root="11", goldstein=-2.0, quad_class=3, source=russia, target=turkey,
                  date="2019-03-12", date_precision="day", rule="accuse", mentions=mentions)
    meta = ArticleMeta(id=f"art{n:02d}", title=f"Story {n}", source=publisher, published="2019-03-14",
                       url=f"https://{publisher.lower().replace(' ', '')}.example.com/{n}")
    return ArticleRecord(meta, text, [russia, turkey], [], [event])


def test_one_event_reported_by_three_articles_of_two_publishers(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.add([_accusation(1, "Meridian News", mentions=2), _accusation(2, "Harbor Wire"),
               _accusation(3, "Meridian News")], coded_with="test")
    export_events(store, "gdelt", tmp_path / "out", page=2)
    frame = _read_events(tmp_path / "out" / "gdelt_events.tsv")
    assert len(frame) == 3  # one row per stored event, each with the merged counts
    assert set(zip(frame.NumMentions, frame.NumSources, frame.NumArticles, strict=True)) == {(4, 2, 3)}
    mentions = pd.read_csv(tmp_path / "out" / "gdelt_mentions.tsv", sep="\t", header=None,
                           names=GDELT_MENTION_COLUMNS)
    assert sorted(mentions.MentionSourceName) == ["harborwire.example.com", "meridiannews.example.com",
                                                  "meridiannews.example.com"]
    assert set(mentions.Actor1CharOffset) == {0} and set(mentions.Actor2CharOffset) == {15}
