"""Text cleaning and the article hash. The cleaned text is what every offset refers to."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def clean_text(text: str) -> str:
    """NFC-normalize, drop control characters, collapse runs of spaces, keep paragraph breaks.

    Paragraphs are separated by one blank line; single line breaks inside a paragraph are kept,
    because datelines and bylines are often on their own line.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def article_hash(text: str) -> str:
    """sha256 hex of the text with case and whitespace folded: reformatting is not a new article."""
    folded = " ".join(clean_text(text).lower().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
