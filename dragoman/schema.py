"""The JSON Schema of the article record, derived from records.py and shipped as a data file.

``python -m dragoman.schema`` rewrites ``dragoman/data/schema/article.schema.json``; a test checks the
shipped file matches the records, so the contract and the code cannot drift apart.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from dragoman.records import ArticleRecord

SCHEMA_PATH = Path(__file__).parent / "data" / "schema" / "article.schema.json"


def build_schema() -> dict[str, Any]:
    schema = TypeAdapter(ArticleRecord).json_schema()
    # to_dict() always writes every field, so every field is required and nothing else is allowed
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if "properties" in definition:
            definition["required"] = list(definition["properties"])
            definition["additionalProperties"] = False
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/dragoman/dragoman/article.schema.json"
    schema["description"] = "One coded article: every start/end is a character offset into `text`."
    return schema


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(record: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when a record breaks the contract."""
    import jsonschema

    jsonschema.validate(record, load_schema())


if __name__ == "__main__":
    SCHEMA_PATH.write_text(json.dumps(build_schema(), indent=2) + "\n", encoding="utf-8")
