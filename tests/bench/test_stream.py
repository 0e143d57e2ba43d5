"""``bench stream``: the generated file has the asked size and bad lines, and each pass counts them."""

from __future__ import annotations

from dragoman.bench.stream import BAD_EVERY, read_pass, write_corpus
from dragoman.records import RawArticle

ARTICLES = [
    RawArticle(
        origin=f"bench#{k}",
        title=f"Envoys meet in Geneva ({k})",
        text=f"GENEVA, May {k + 1} (Meridian News) - Envoys from both governments met on Tuesday to discuss "
        "a ceasefire along the border, a spokesperson for the mediators said after the talks.",
    )
    for k in range(5)
]


def test_the_file_reaches_the_size_and_every_thousandth_line_is_bad(tmp_path):
    corpus = write_corpus(tmp_path / "a.jsonl", 600_000, 100_000, ARTICLES)
    assert corpus.bytes >= 600_000 and corpus.bytes == (tmp_path / "a.jsonl").stat().st_size
    assert corpus.bad_lines == corpus.lines // BAD_EVERY >= 2
    assert 100_000 <= corpus.prefix_bytes < 100_400 and corpus.prefix_lines < corpus.lines


def test_a_pass_counts_records_and_skips_and_samples_memory(tmp_path):
    corpus = write_corpus(tmp_path / "a.jsonl", 600_000, 100_000, ARTICLES)
    read = read_pass(corpus.path, corpus.lines, corpus.bytes, with_prepare=False)
    assert (read["records"], read["skipped"]) == (corpus.lines, corpus.bad_lines)
    assert set(read["rss_mb"]) == {"10%", "50%", "100%", "max"}
    prepared = read_pass(corpus.path, corpus.prefix_lines, corpus.prefix_bytes, with_prepare=True)
    assert prepared["records"] == corpus.prefix_lines and prepared["skipped_by_prepare"] == 0
