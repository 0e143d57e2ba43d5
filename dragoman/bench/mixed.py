"""A mixed batch for reliability runs: good articles plus every class of bad input, with what to expect.

Used by tests/reliability (small) and scripts/reliability.py (2,000 articles).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from dragoman.records import RawArticle

FRENCH = (
    "Le ministre des affaires étrangères a convoqué vendredi l'ambassadeur après l'interdiction d'un "
    "rassemblement, a indiqué le ministère dans un communiqué publié dans la capitale. Les deux pays "
    "ont promis de poursuivre le dialogue malgré les tensions apparues au cours des dernières semaines."
)


@dataclass
class MixedBatch:
    folder: Path
    good: int  # distinct good articles: each must be stored exactly once
    bad: dict[str, str] = field(default_factory=dict)  # file name -> words its skip reason contains
    copies: int = 0  # exact copies of good articles: reported as already present, never stored twice


def write_mixed_batch(folder: Path, articles: list[RawArticle], bad_share: float = 0.05, seed: int = 3) -> MixedBatch:
    """Write ``articles`` (one .txt/.jsonl/.html each) and about ``bad_share`` bad inputs into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    batch = MixedBatch(folder, good=len(articles))
    jsonl = []
    for k, raw in enumerate(articles):
        text = raw.text or ""
        if k % 3 == 0:
            jsonl.append(json.dumps({"id": f"g{k}", "title": raw.title, "text": text}))
        elif k % 3 == 1:
            (folder / f"good-{k:05d}.txt").write_text(f"{raw.title}\n\n{text}", encoding="utf-8")
        else:
            body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            (folder / f"good-{k:05d}.html").write_text(
                f"<html><head><title>{raw.title}</title></head><body><article><h1>{raw.title}</h1>{body}"
                "</article></body></html>",
                encoding="utf-8",
            )
    (folder / "good-wire.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    kinds = ["binary", "truncated", "empty", "huge", "encoding", "language", "copy"]
    count = max(len(kinds), round(len(articles) * bad_share))
    for n in range(count):
        kind = kinds[n % len(kinds)]
        name = f"bad-{n:04d}-{kind}"
        source = articles[rng.randrange(len(articles))]
        if kind == "binary":
            (folder / f"{name}.txt").write_bytes(bytes(rng.randrange(256) for _ in range(2048)) + b"\x00")
            batch.bad[f"{name}.txt"] = "binary"
        elif kind == "truncated":
            (folder / f"{name}.html").write_text("<html><head><title>Cut off</title><meta charset=", encoding="utf-8")
            batch.bad[f"{name}.html"] = "no article body"
        elif kind == "empty":
            (folder / f"{name}.txt").write_bytes(b"")
            batch.bad[f"{name}.txt"] = "empty"
        elif kind == "huge":
            with open(folder / f"{name}.txt", "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
                fh.seek(50 * 1024 * 1024)
                fh.write(b".")
            batch.bad[f"{name}.txt"] = "over the"
        elif kind == "encoding":
            (folder / f"{name}.txt").write_bytes(
                ((source.text or "") + " Caf\u00e9 na\u00efve.").encode("latin-1", "replace")
            )
            batch.bad[f"{name}.txt"] = "not valid UTF-8"
        elif kind == "language":
            (folder / f"{name}.txt").write_text(f"Titre {n}\n\n{FRENCH} ({n})", encoding="utf-8")
            batch.bad[f"{name}.txt"] = "not English"
        else:
            (folder / f"{name}.txt").write_text(f"{source.title}\n\n{source.text}", encoding="utf-8")
            batch.copies += 1
    return batch
