"""Batch throughput for the README: Spark local[N] against the local engine on the same generated articles.

    PYTHONPATH=. python scripts/bench_batch.py --articles 2000 --cores 2 --partitions 2 4 8
"""

from __future__ import annotations

import argparse
import json

from dragoman.bench.batch import bench_batch
from dragoman.bench.corpus import DEMO, generate, seed_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--partitions", type=int, nargs="+", default=[2, 4, 8])
    args = parser.parse_args()
    articles = generate(seed_articles([str(DEMO)]), n=args.articles, words=args.words)
    print(json.dumps(bench_batch(articles, args.cores, tuple(args.partitions)), indent=2))


if __name__ == "__main__":
    main()
