"""Write the records of a fixed corpus, to compare byte for byte before and after a refactor.

    .venv/bin/python scripts/snapshot_records.py OUT_DIR
    diff -r BEFORE_DIR AFTER_DIR

The corpus: demo/, 200 articles generated from demo/ by the benchmark's generator (seed 7), and the
PolNeAR dev texts from ../shared when present. Each set is coded through the command line
(`dragoman code`), the surface users see, so the comparison does not depend on internal APIs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "data" / "dev" / "text"


def _generated(folder: Path) -> Path:
    from dragoman.bench.corpus import DEMO, generate, seed_articles

    path = folder / "generated.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for raw in generate(seed_articles([str(DEMO)]), n=200, words=600):
            out.write(json.dumps({"id": raw.origin, "title": raw.title, "text": raw.text}) + "\n")
    return path


def _code(inputs: list[str], out: Path, cwd: Path) -> None:
    # inputs are named relative to ``cwd`` so that records' origins do not depend on where the tree is
    command = [str(Path(sys.executable).parent / "dragoman"), "code", *inputs]
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run(command, stdout=fh, stderr=subprocess.DEVNULL, check=False, cwd=cwd)


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        _generated(Path(tmp))
        sets = {"demo": (["demo"], ROOT), "generated": (["generated.jsonl"], Path(tmp))}
        if POLNEAR_DEV.is_dir():
            sets["polnear_dev"] = (["text"], POLNEAR_DEV.parent)
        for name, (inputs, cwd) in sets.items():
            _code(inputs, out / f"{name}.jsonl", cwd)
            lines = (out / f"{name}.jsonl").read_text(encoding="utf-8").count("\n")
            print(f"{name}: {lines} records -> {out / (name + '.jsonl')}")


if __name__ == "__main__":
    main()
