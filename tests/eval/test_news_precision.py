"""The news precision set: its reader, its detection, its metrics, and the shipped file itself."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dragoman.errors import EvalError
from dragoman.eval.events import (
    NEWS_KINDS,
    NEWS_PRECISION,
    datasets,
    default_datasets,
    read_news_precision,
    score_datasets,
)
from dragoman.events import load_ontology
from dragoman.records import Actor, Event, Trigger

EVENTS_FIXTURES = Path(__file__).parents[1] / "events" / "fixtures"

LINES = [
    {"id": "t-1", "text": "Russia expelled two British diplomats on Monday.", "published": "2018-03-19",
     "kind": "international", "events": [{"cameo": "161", "source": "RUSGOV", "target": "GBRGOV"}]},
    {"id": "t-2", "text": "The pound fell sharply on Monday.", "published": "2018-03-19", "kind": "non_agent",
     "events": []},
    {"id": "t-3", "text": "Trump called Clinton a liar and vowed to sue her.", "published": "2016-10-04",
     "kind": "domestic", "events": [{"cameo": "111", "source": "USAELI", "target": "USAELI"},
                                    {"cameo": "130", "source": "USAELI", "target": "USAELI", "note": "threat"}]},
    {"id": "t-4", "text": "Gunmen attacked a police post.", "published": "2019-01-01", "kind": "international",
     "events": [{"cameo": "190", "source": "---REB", "target": None}]},
]


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _actor(code: str | None) -> Actor | None:
    return Actor(code, 0, 1, code=code) if code else None


def _event(cameo: str, source: str | None, target: str | None) -> Event:
    return Event("e", 0, 0, 10, Trigger("x", 0, 1), cameo, cameo[:2], 0.0, 1, _actor(source), _actor(target))


def test_reader_parses_codes_dyads_dates_and_kinds(tmp_path: Path) -> None:
    golds = read_news_precision(_write(tmp_path / "news_precision.jsonl", LINES))
    assert [g.codes for g in golds] == [["161"], [], ["111", "130"], ["190"]]
    assert golds[0].dyads == [("RUS", "GBR", "16")]
    assert golds[3].dyads == [("---", "---", "19")]  # unknown country and no target alike
    assert [g.published for g in golds][:2] == ["2018-03-19", "2018-03-19"]
    assert [g.category for g in golds] == ["international", "non_agent", "domestic", "international"]


@pytest.mark.parametrize(
    ("change", "message"),
    [({"id": "t-1"}, "not unique"),
     ({"kind": "gossip"}, "kind"),
     ({"published": "04/10/2016"}, "published"),
     ({"events": [{"cameo": "999", "source": "USA", "target": "USA"}]}, "not a CAMEO code"),
     ({"events": [{"cameo": "111", "source": "USA"}]}, "needs cameo, source and target"),
     ({"text": " "}, "empty text")],
)
def test_reader_rejects_a_malformed_line(tmp_path: Path, change: dict, message: str) -> None:
    path = _write(tmp_path / "news_precision.jsonl", [LINES[0], {**LINES[1], **change}])
    with pytest.raises(EvalError, match=message):
        read_news_precision(path)


def test_detected_by_name_before_the_petr2_jsonl_rule(tmp_path: Path) -> None:
    _write(tmp_path / "news_precision_v2.jsonl", LINES)
    shutil.copy(EVENTS_FIXTURES / "petr2_mini.jsonl", tmp_path / "petr2_mini.jsonl")
    assert dict(datasets(tmp_path)) == {"news_precision": tmp_path / "news_precision_v2.jsonl",
                                        "petr2_gsr": tmp_path / "petr2_mini.jsonl"}
    assert datasets(NEWS_PRECISION) == [("news_precision", NEWS_PRECISION)]


def test_default_datasets_add_the_shipped_set_to_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = tmp_path / "eval" / "events"
    events.mkdir(parents=True)
    shutil.copy(EVENTS_FIXTURES / "petr2_mini.jsonl", events / "petr2_mini.jsonl")
    monkeypatch.setenv("DRAGOMAN_SHARED", str(tmp_path))
    assert default_datasets() == [("petr2_gsr", events / "petr2_mini.jsonl"), ("news_precision", NEWS_PRECISION)]
    monkeypatch.setenv("DRAGOMAN_SHARED", str(tmp_path / "absent"))
    assert default_datasets() == [("news_precision", NEWS_PRECISION)]


def test_metrics_on_hand_built_predictions(tmp_path: Path) -> None:
    path = _write(tmp_path / "news_precision.jsonl", LINES)
    predicted = {
        LINES[0]["text"]: [_event("161", "RUSGOV", "GBRGOV")],  # right root and dyad
        LINES[1]["text"]: [_event("112", "GBR", None), _event("138", None, None)],  # two events in an empty line
        LINES[2]["text"]: [_event("111", "USAELI", "USAELI"), _event("042", "USAELI", "RUSGOV")],  # one extra
        LINES[3]["text"]: [_event("193", "SOMREB", None)],  # right root, wrong source country
    }
    calls = []

    def code(text: str, published: str = "2015-01-01") -> list[Event]:
        calls.append(published)
        return predicted[text]

    [report] = score_datasets([("news_precision", path)], code, None)
    assert calls == [line["published"] for line in LINES]
    metrics = report.metrics
    # roots: gold {16} {} {11,13} {19}; predicted {16} {11,13} {11,04} {19} -> tp 3, fp 3, fn 1
    assert (metrics["root.precision"], metrics["root.recall"]) == (0.5, 0.75)
    # dyads: tp (RUS,GBR,16) and (USA,USA,11) only
    assert (metrics["dyad.precision"], metrics["dyad.recall"]) == (round(2 / 6, 4), 0.5)
    assert metrics["code.precision"] == round(2 / 6, 4)
    assert metrics["nonevent.rate"] == round(2 / 6, 4)
    assert metrics["empty_sentences_with_events"] == 1
    assert metrics["extra_per_sentence"] == 0.75  # 112 + 138 in the empty line, 042 in the third
    assert metrics["root.precision.international"] == 1.0 and metrics["root.recall.international"] == 1.0
    assert metrics["root.precision.non_agent"] == 0.0 and metrics["extra_per_sentence.non_agent"] == 2.0
    assert metrics["root.recall.domestic"] == 0.5
    assert report.counts["sentences.empty"] == 1 and report.counts["root.fp.non_agent"] == 2
    assert "root.precision.word_sense" not in metrics  # no sentence of that kind


def test_other_sets_are_still_coded_from_text_alone() -> None:
    seen = []

    def code(text: str) -> list[Event]:  # the old one-argument callable still works
        seen.append(text)
        return []

    [report] = score_datasets([("petr2_gsr", EVENTS_FIXTURES / "petr2_mini.jsonl")], code, None)
    assert report.dataset == "petr2_gsr" and len(seen) == 3


def test_the_shipped_set_is_valid() -> None:
    golds = read_news_precision(NEWS_PRECISION)  # every line parses, ids unique, codes in the ontology
    ontology = load_ontology()
    lines = [json.loads(line) for line in NEWS_PRECISION.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(golds) == len(lines) >= 180
    assert len({line["id"] for line in lines}) == len(lines)
    assert all(event["cameo"] in ontology for line in lines for event in line["events"])
    assert sum(not g.codes for g in golds) / len(golds) >= 0.25
    assert {g.category for g in golds} == set(NEWS_KINDS)
    assert len({g.text for g in golds}) == len(golds)
    assert (NEWS_PRECISION.parent / "README.md").is_file()
