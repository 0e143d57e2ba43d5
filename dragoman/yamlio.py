"""YAML knowledge files, parsed by libyaml's C parser when PyYAML has it (several times faster to start).

``load`` reads like ``yaml.safe_load``. ``WORDS`` is the loader for word lists, where YAML 1.1 would
turn on/off/yes/no into booleans: there only true/false are.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

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
