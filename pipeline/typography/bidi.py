"""Bidirectional text: embedding levels of one line and its display order (Unicode UAX #9).

Pillow's raqm engine shapes and orders glyphs *within* one font, but a line of overlay text
is drawn with several fonts (the brand face for Latin, a Noto face for Arabic, ...). So
the line is cut into runs of one font and one level, the runs are put in display order
here, and each run is shaped by raqm in its own direction.

This implements the implicit part of the algorithm, which is all ad copy needs: paragraph
level (P2-P3), weak types (W1-W7), neutrals (N1-N2), implicit levels (I1-I2) and
reordering (L2). Explicit embeddings and isolates are format characters, which
:func:`pipeline.typography.text.clean` removes before layout.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
_NUMBERS = ("EN", "AN")


def base_is_rtl(text: str) -> bool:
    """The paragraph direction: that of the first strong character (rules P2-P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _strong(kind: str) -> str | None:
    """Direction a type counts as for the neutral rules (numbers act as R), else None."""
    if kind == "L":
        return "L"
    if kind in ("R", *_NUMBERS):
        return "R"
    return None


def _spans(kinds: list[str], wanted: set[str]) -> list[tuple[int, int]]:
    """Maximal [start, end) stretches whose type is in ``wanted``."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(kinds):
        if kinds[i] in wanted:
            j = i
            while j < len(kinds) and kinds[j] in wanted:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def levels(text: str, rtl_base: bool) -> list[int]:
    """The resolved embedding level of every character of one line of ``text``."""
    base = 1 if rtl_base else 0
    edge = "R" if rtl_base else "L"  # sos and eos: no embeddings, so both are the base
    kinds = [unicodedata.bidirectional(ch) or "L" for ch in text]
    n = len(kinds)
    prev = edge
    for i, kind in enumerate(kinds):  # W1: marks take the type of what they sit on
        if kind == "NSM":
            kinds[i] = prev
        prev = kinds[i]
    last = edge
    for i, kind in enumerate(kinds):  # W2: digits after Arabic letters are Arabic numbers
        if kind in ("L", "R", "AL"):
            last = kind
        elif kind == "EN" and last == "AL":
            kinds[i] = "AN"
    kinds = ["R" if k == "AL" else k for k in kinds]  # W3
    for i in range(1, n - 1):  # W4: 1,000 and 1.5 and 1+2 stay numbers
        left, mid, right = kinds[i - 1], kinds[i], kinds[i + 1]
        if left == right == "EN" and mid in ("ES", "CS"):
            kinds[i] = "EN"
        elif left == right == "AN" and mid == "CS":
            kinds[i] = "AN"
    for i, j in _spans(kinds, {"ET"}):  # W5: 50% and $20 are numbers
        if (i > 0 and kinds[i - 1] == "EN") or (j < n and kinds[j] == "EN"):
            kinds[i:j] = ["EN"] * (j - i)
    kinds = ["ON" if k in ("ES", "ET", "CS") else k for k in kinds]  # W6
    last = edge
    for i, kind in enumerate(kinds):  # W7: numbers in left-to-right context are L
        if kind in ("L", "R"):
            last = kind
        elif kind == "EN" and last == "L":
            kinds[i] = "L"
    neutral = {k for k in set(kinds) if _strong(k) is None}
    for i, j in _spans(kinds, neutral):  # N1-N2
        before = _strong(kinds[i - 1]) if i > 0 else edge
        after = _strong(kinds[j]) if j < n else edge
        kinds[i:j] = [before if before is not None and before == after else edge] * (j - i)
    if base == 0:  # I1
        return [0 if k == "L" else 1 if k == "R" else 2 for k in kinds]
    return [1 if k == "R" else 2 for k in kinds]  # I2


def reorder(items: Sequence[T], item_levels: Sequence[int]) -> list[T]:
    """``items`` in display order (rule L2): reverse every stretch at each level, highest first."""
    order = list(range(len(items)))
    top = max(item_levels, default=0)
    lowest_odd = min((lv for lv in item_levels if lv % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        for i, j in _spans([("y" if item_levels[k] >= level else "n") for k in order], {"y"}):
            order[i:j] = reversed(order[i:j])
    return [items[k] for k in order]
