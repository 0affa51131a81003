"""How a line is cut into words: one rule shared by the engines, the aligner and captions."""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w%$€£]+|[^\w%$€£]+$")


def split(text: str) -> list[str]:
    """The words of ``text`` as a caption shows them (punctuation kept on the word)."""
    return _WORD.findall(text.strip())


def bare(word: str) -> str:
    """``word`` without the punctuation around it, lower case (what an aligner looks up)."""
    return _EDGE.sub("", word).lower()
