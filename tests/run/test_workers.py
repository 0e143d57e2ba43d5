"""``--workers``: forked workers give exactly the records of one process, in input order."""

from __future__ import annotations

import pytest

from dragoman.bench.corpus import generate
from dragoman.ingest.dedup import Deduper
from dragoman.records import RawArticle, Skipped
from dragoman.run import Linker, code_stream

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


def _run(coder, workers):
    original = coder.options
    coder.options = original.model_copy(update={"batch_size": 2})
    try:
        linker = Linker(lambda _: set(), Deduper())
        return [r if isinstance(r, Skipped) else r.to_dict() for r in code_stream(coder, _inputs(), workers, linker)]
    finally:
        coder.options = original


@pytest.mark.model
@pytest.mark.slow
def test_two_workers_give_the_records_of_one_process(coder):
    serial = _run(coder, 1)
    assert _run(coder, 2) == serial
    assert isinstance(serial[1], Skipped)
    assert serial[-2] == Skipped("copy.txt", "already stored", duplicate_of=serial[0]["article"]["id"])
    assert serial[-1]["article"]["duplicate_of"] == serial[2]["article"]["id"]
    assert serial[-1]["events"] == [] and serial[2]["events"]


@pytest.mark.model
@pytest.mark.slow
def test_workers_are_replaced_without_changing_a_record(coder, monkeypatch):
    from dragoman.run import workers

    pools = []
    make_pool = workers.new_pool

    def counted(count, *args):
        pools.append(count)
        return make_pool(count, *args)

    serial = _run(coder, 1)
    monkeypatch.setattr(workers, "ARTICLES_PER_POOL", 4)
    monkeypatch.setattr(workers, "new_pool", counted)
    assert _run(coder, 2) == serial
    assert pools == [2, 2, 2]  # 12 inputs, 4 per pool
