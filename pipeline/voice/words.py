"""How a line is cut into words: one rule shared by the engines, the aligner and captions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.voice.models import Word

_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w%$€£]+|[^\w%$€£]+$")


def split(text: str) -> list[str]:
    """The words of ``text`` as a caption shows them (punctuation kept on the word)."""
    return _WORD.findall(text.strip())


def bare(word: str) -> str:
    """``word`` without the punctuation around it, lower case (what an aligner looks up)."""
    return _EDGE.sub("", word).lower()


def share(words: list[str], start: float, end: float) -> list[Word]:
    """``words`` spread over [start, end] in proportion to their length."""
    from pipeline.voice.models import Word

    weights = [max(1, len(bare(w))) for w in words]
    total, t, out = sum(weights) or 1, start, []
    for w, weight in zip(words, weights, strict=True):
        nxt = t + (end - start) * weight / total
        out.append(Word(text=w, start_s=round(t, 3), end_s=round(nxt, 3)))
        t = nxt
    return out
