"""Bad inputs inside a batch are counted and named in the manifest; the job goes on with the rest."""

from __future__ import annotations

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")

# the batch modules need the optional [spark] dependencies, so they are imported after the checks
# ruff: noqa: E402

from dragoman.batch.local_job import run_local
from dragoman.batch.spark_job import run_spark
from dragoman.config import Options

from .conftest import write_jsonl
from .tables import assert_same_outputs

pytestmark = [pytest.mark.spark, pytest.mark.model]

GOOD = ("BRUSSELS, June 3 (Harbour Wire) - European Union foreign ministers agreed on Monday to extend "
        "sanctions on Belarus for another year, and the bloc's foreign policy chief said the measures "
        "would stay until political prisoners were freed.")
OTHER = ("ATHENS, June 4 (Harbour Wire) - Greece and Turkey resumed exploratory talks on maritime borders on "
         "Tuesday after a pause of five years, and Greek Prime Minister Kyriakos Mitsotakis said he hoped the "
         "two neighbours could settle their dispute at the International Court of Justice.")
FRENCH = ("PARIS, 3 juin - Les ministres des affaires étrangères de l'Union européenne ont décidé lundi de "
          "prolonger d'un an les sanctions contre la Biélorussie, a déclaré le chef de la diplomatie européenne.")


@pytest.fixture()
def bad_batch(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "huge.txt").write_text(GOOD + " More." * 2000, encoding="utf-8")
    write_jsonl(folder / "wire.jsonl", [{"text": OTHER, "title": "Talks resume"}])
    with open(folder / "wire.jsonl", "a", encoding="utf-8") as out:
        out.write('{"text": "Ankara said on Tuesday that\n')  # a line cut short
        out.write('{"title": "no text here"}\n')
    return folder


def test_bad_inputs_are_named_and_the_rest_is_coded(spark, bad_batch, tmp_path):
    options = Options(max_article_bytes=4000, workers=1)
    spark_manifest = run_spark([str(bad_batch), str(bad_batch / "missing.jsonl")], tmp_path / "spark", options,
                               spark=spark)
    local_manifest = run_local([str(bad_batch), str(bad_batch / "missing.jsonl")], tmp_path / "local", options)

    reasons = {item["origin"].removeprefix(str(bad_batch) + "/"): item["reason"] for item in spark_manifest.skipped}
    assert set(reasons) == {"photo.txt", "empty.txt", "french.txt", "huge.txt", "wire.jsonl:2", "wire.jsonl:3",
                            "missing.jsonl"}
    assert "binary" in reasons["photo.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "'fr'" in reasons["french.txt"]
    assert "limit" in reasons["huge.txt"]
    assert "invalid JSON" in reasons["wire.jsonl:2"]
    assert '"text"' in reasons["wire.jsonl:3"]
    assert "no such file" in reasons["missing.jsonl"]
    assert spark_manifest.skipped == local_manifest.skipped  # same reasons, same (input) order
    assert spark_manifest.counts["articles"] == local_manifest.counts["articles"] == 2
    assert_same_outputs(tmp_path / "spark", tmp_path / "local")
