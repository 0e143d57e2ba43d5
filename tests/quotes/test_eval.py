"""The quotes evaluator on a tiny PolNeAR-style fixture, and on PolNeAR dev when ../shared is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import EvalError
from dragoman.eval import quotes as quotes_eval
from dragoman.records import Quote

FIXTURE = Path(__file__).parent / "fixtures" / "polnear"


def test_reads_the_first_annotator_only() -> None:
    [(name, _text, gold)] = quotes_eval.read_split(FIXTURE, None)
    assert name == "harbour-strike"
    assert len(gold) == 3  # annotator aa01; zz99 sorts later and is ignored
    assert [g.direct for g in gold] == [True, False, False]
    assert gold[0].source_text == "union leader Marta Olsen"


@pytest.mark.parametrize(
    ("content", "direct"),
    [("“We will stay,”", True), ("that “we will stay.”", True), ("the port “pays” well", False),
     ("it had offered a raise", False),
     # Every word inside the marks: quotation and paraphrase mixed is not direct.
     ("“We will stay,” and “we will win.”", False), ("Of course, “we will stay.”", False),
     ("“We will stay,” “We will win.”", True),
     ("“He called it ‘a “final” offer’ today,”", True),
     # Archive and headline conventions.
     ("''We will stay,''", True), ("‘Dockers Will Stay Out’", True), ("“We will stay,“", True)],
)
def test_direct_gold_opens_and_closes_with_marks(content: str, direct: bool) -> None:
    assert quotes_eval.is_quotation(content) is direct


def test_an_archive_mark_cut_in_half_by_the_gold_span_still_closes_it() -> None:
    text = "''We will stay,'' she said. ''We will win.''"
    start = text.index("''We will win")
    end = text.index(".''") + 2  # the span ends between the two apostrophes
    assert quotes_eval.is_quotation(quotes_eval._with_marks(text, [(start, end)]))


def test_a_split_quote_is_scored_on_its_parts_not_on_the_attribution() -> None:
    text = "“We will not,” the minister of state for economic affairs said on Monday, “accept these terms.”"
    quote = Quote("We will not, accept these terms.", 1, len(text) - 1, "direct")
    starts = [m.start() for m in quotes_eval._WORD.finditer(text)]
    words = [w.lower() for w in quotes_eval._WORD.findall(text)]
    ids = quotes_eval._content_ids(starts, words, quote, quotes_eval._words(quote.text))
    assert [words[i] for i in sorted(ids)] == ["we", "will", "not", "accept", "these", "terms"]
    # Gold that leaves the attribution out of its two parts matches the quote.
    first = (1, text.index(",”") + 1)
    second = (text.index("accept"), len(text) - 1)
    gold = quotes_eval.GoldAttribution([first, second], None, "", True, True)
    assert len(quotes_eval._match([quote], [gold], starts, text, exact=False)) == 1


@pytest.mark.model
def test_marks_left_out_of_a_gold_span_still_make_it_a_quotation() -> None:
    text = "She said: “We will stay until the end.” Then she left."
    start = text.index("We")
    end = text.index(".”") + 1
    assert quotes_eval.is_quotation(quotes_eval._with_marks(text, [(start, end)]))
    assert not quotes_eval.is_quotation(text[start:end])


def test_evaluates_the_fixture() -> None:
    [report] = quotes_eval.evaluate(FIXTURE, None)
    assert report.size == 1
    assert report.metrics["content.f1"] == 1.0
    assert report.metrics["source.accuracy"] == 1.0
    assert report.metrics["direct.f1"] == 1.0
    for key in ("content_exact.f1", "quoted.f1", "direct_exact.f1", "direct_source.accuracy"):
        assert key in report.metrics


def test_wrong_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="not PolNeAR-style"):
        quotes_eval.evaluate(tmp_path, None)
