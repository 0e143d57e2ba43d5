"""YAML knowledge files, parsed by libyaml's C parser when PyYAML has it (several times faster to start).

``load`` reads like ``yaml.safe_load``. ``WORDS`` is the loader for word lists, where YAML 1.1 would
turn on/off/yes/no into booleans: there only true/false are. ``read_file`` and ``load_mapping`` are
how every loader of a knowledge or config file opens it: a file that cannot be read or parsed is an
error naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Union

import yaml

from dragoman.errors import DataError, DragomanError

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class WordLoader(SafeLoader):  # type: ignore[misc,valid-type]
    """Safe loading where "on", "off", "yes" and "no" stay words."""


WordLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
WORDS = WordLoader


def load(text: str, loader: type = SafeLoader) -> Any:
    """Parse YAML text safely (raises ``yaml.YAMLError`` like ``yaml.safe_load``)."""
    return yaml.load(text, Loader=loader)


def read_file(path: Union[str, Path], what: str, loader: type = SafeLoader,
              error: type[DragomanError] = DataError) -> Any:
    """Parse the YAML file at ``path``; ``error`` "PATH: cannot read WHAT: ..." when it cannot be read or
    parsed (``what`` says what the file is: "cue file", "config")."""
    try:
        return load(Path(path).read_text(encoding="utf-8"), loader)
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: cannot read {what}: {exc}") from exc


def load_mapping(path: Union[str, Path], what: str, loader: type = SafeLoader,
                 error: type[DragomanError] = DataError, expected: str = "a mapping",
                 empty_ok: bool = False) -> dict[Any, Any]:
    """``read_file`` for a file whose top level is a mapping; ``error`` "PATH: expected EXPECTED" when it
    is not. An empty file is an empty mapping when ``empty_ok``."""
    data = read_file(path, what, loader, error)
    if data is None and empty_ok:
        return {}
    if not isinstance(data, dict):
        raise error(f"{path}: expected {expected}")
    return data
