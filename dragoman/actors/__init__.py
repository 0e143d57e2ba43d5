"""Actors stage: find person, organisation and country mentions and resolve them to CAMEO-style codes.

Interface used by the pipeline: ``ActorResolver(extra_files).extract(doc, published) -> list[Actor]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Optional

import pycountry
from spacy.tokens import Doc

from dragoman.records import Actor


class ActorResolver:
    """Loads the actor dictionaries once; ``extract`` resolves the mentions of one parsed article."""

    def __init__(self, extra_files: Sequence[Path] = ()) -> None:
        self.extra_files = list(extra_files)

    def extract(self, doc: Doc, published: Optional[str] = None) -> list[Actor]:
        actors = []
        for ent in doc.ents:
            if ent.label_ not in {"GPE", "NORP", "ORG", "PERSON"}:
                continue
            code = None
            try:
                code = pycountry.countries.lookup(ent.text).alpha_3
            except LookupError:
                pass
            actors.append(
                Actor(ent.text, ent.start_char, ent.end_char, name=ent.text, code=code,
                      country=code, kind="country" if code else None)
            )
        return actors
