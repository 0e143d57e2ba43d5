"""``--workers``: forked workers give exactly the records of one process, in input order."""

from __future__ import annotations

import pytest

from dragoman.bench.corpus import generate
from dragoman.ingest.dedup import Deduper
from dragoman.records import RawArticle, Skipped

SEEDS = [
    (
        f"Ministers meet in town {k}",
        [
            f"TOWN{k}, May {k + 3} (Harbor Post) - Russia accused Turkey on Monday of "
            f"shelling villages near town {k}, and the two governments met in Geneva."
        ]
        + [
            f"Part {k}.{j}: Turkey denied the claim, and officials from district {k * 3 + j} said talks would "
            f"continue next week in the capital."
            for j in range(6)
        ],
    )
    for k in range(4)
]


def _inputs():
    raws = generate(SEEDS, n=9, words=90)
    copy = RawArticle(origin="copy.txt", text=raws[0].text)  # exact copy: already stored
    update = RawArticle(origin="update.txt", text=raws[1].text + "\n\n(Updates with a correction.)")  # near copy
    return [raws[0], Skipped("bad.bin", "binary content"), *raws[1:], copy, update]


def _run(pipeline, workers):
    original = pipeline.options
    pipeline.options = original.model_copy(update={"workers": workers, "batch_size": 2})
    pipeline.dedup = Deduper()
    try:
        return [
            r if isinstance(r, Skipped) else r.to_dict() for r in pipeline.code(_inputs(), is_stored=lambda _: set())
        ]
    finally:
        pipeline.options, pipeline.dedup = original, None


@pytest.mark.model
@pytest.mark.slow
def test_two_workers_give_the_records_of_one_process(pipeline):
    serial = _run(pipeline, 1)
    assert _run(pipeline, 2) == serial
    assert isinstance(serial[1], Skipped)
    assert serial[-2] == Skipped("copy.txt", "already stored", duplicate_of=serial[0]["article"]["id"])
    assert serial[-1]["article"]["duplicate_of"] == serial[2]["article"]["id"]
    assert serial[-1]["events"] == [] and serial[2]["events"]


@pytest.mark.model
@pytest.mark.slow
def test_workers_are_replaced_without_changing_a_record(pipeline, monkeypatch):
    from dragoman.ingest import parallel

    pools = []
    make_pool = parallel.new_pool

    def counted(workers):
        pools.append(workers)
        return make_pool(workers)

    serial = _run(pipeline, 1)
    monkeypatch.setattr(parallel, "ARTICLES_PER_POOL", 4)
    monkeypatch.setattr(parallel, "new_pool", counted)
    assert _run(pipeline, 2) == serial
    assert pools == [2, 2, 2]  # 12 inputs, 4 per pool
