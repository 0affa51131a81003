"""Text before layout: cleaning, line-break tokens, font runs and their visual (bidi) order.

- :func:`clean` drops emoji (we ship no colour emoji font) and any character no shipped
  font can draw, so nothing renders as a tofu box.
- :func:`tokenize` finds line-break opportunities: spaces between words, and between
  characters of Chinese/Japanese text (with the common kinsoku rules for punctuation).
- :func:`font_runs` splits a line into pieces that each one font can draw.
- :func:`visual_runs` cuts a line by font and bidi level and puts the runs in display order.
- :func:`split_offer` separates an offer from the call to action it rides on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.typography import bidi
from pipeline.typography.fonts import Face, covers

# Pictographic blocks: emoji, pictographs, dingbats, symbols and arrows with emoji forms.
_EMOJI = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x231A, 0x231B),
    (0x23E9, 0x23FA),
    (0xE0020, 0xE007F),  # tag characters (flag sequences)
)
# Joiners and modifiers that only mean something next to an emoji.
_EMOJI_GLUE = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}
_JOINERS = {0x200C, 0x200D}

_CJK = (
    (0x2E80, 0x2FFF),
    (0x3000, 0x303F),
    (0x3040, 0x30FF),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x20000, 0x2FFFF),
)
# Kinsoku: never start a line with these, never end one with the openers.
_NO_START = set("、。，．,.・：:；;？?！!ー～…‥)）]］}｝」』】〕〉》〙〗゛゜ゝゞヽヾ々")
_NO_START |= set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
_NO_END = set("(（[［{｛「『【〔〈《〘〖")


def _in(cp: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def is_emoji(ch: str) -> bool:
    """True for pictographic characters that would need a colour emoji font."""
    return _in(ord(ch), _EMOJI)


def is_cjk(ch: str) -> bool:
    """True for Han, kana, CJK punctuation and full-width forms (break anywhere between)."""
    return _in(ord(ch), _CJK)


def is_rtl(ch: str) -> bool:
    """True for strong right-to-left characters (Arabic, Hebrew, ...)."""
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def clean(text: str, chain: Sequence[Face], *, keep_joiners: bool = True) -> tuple[str, list[str]]:
    """``text`` made drawable with ``chain``: NFC, emoji and uncovered characters dropped.

    Whitespace runs become one space; explicit line breaks are kept. Returns the cleaned
    text and the characters dropped (for the log).
    """
    text = unicodedata.normalize("NFC", text)
    dropped: list[str] = []
    out: list[str] = []
    chars = list(text)
    for i, ch in enumerate(chars):
        cp = ord(ch)
        near_emoji = (i > 0 and is_emoji(chars[i - 1])) or (
            i + 1 < len(chars) and is_emoji(chars[i + 1])
        )
        if is_emoji(ch) or (cp in _EMOJI_GLUE and (near_emoji or cp != 0x200D)):
            dropped.append(ch)
        elif ch == "\n":
            out.append("\n")
        elif ch.isspace():
            out.append(" ")
        elif cp in _JOINERS and keep_joiners:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") or not any(
            covers(f, ch) for f in chain
        ):
            dropped.append(ch)
        else:
            out.append(ch)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line), dropped


@dataclass(frozen=True)
class Token:
    """A piece of text that is never broken across lines; ``glue`` is what precedes it."""

    text: str
    glue: str  # "" (CJK break), " " (word space) or "\n" (forced break)


def tokenize(text: str) -> list[Token]:
    """Line-break opportunities of ``text``: between words, and between CJK characters."""
    tokens: list[Token] = []
    for li, line in enumerate(text.split("\n")):
        for wi, word in enumerate(line.split(" ")):
            if not word:
                continue
            glue = ("\n" if li and not wi else " ") if tokens else ""
            for piece in _split_cjk(word):
                tokens.append(Token(piece, glue))
                glue = ""
    return tokens


def _split_cjk(word: str) -> list[str]:
    pieces: list[str] = []
    for ch in word:
        if pieces:
            prev = pieces[-1][-1]
            breakable = (is_cjk(ch) or is_cjk(prev)) and not _is_mark(ch)
            if breakable and ch not in _NO_START and prev not in _NO_END:
                pieces.append(ch)
                continue
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def clusters(text: str) -> list[str]:
    """``text`` split into user-perceived characters (a base plus its combining marks)."""
    out: list[str] = []
    for ch in text:
        if out and (_is_mark(ch) or ord(ch) in _JOINERS or ord(out[-1][-1]) in _JOINERS):
            out[-1] += ch
        else:
            out.append(ch)
    return out


@dataclass(frozen=True)
class Run:
    """A stretch of one line drawn with one face, in one direction."""

    text: str
    face: Face
    rtl: bool = False


def _face_for(cl: str, chain: Sequence[Face]) -> Face:
    """The first face of ``chain`` that draws the whole cluster (else at least its base)."""
    chosen = next((f for f in chain if all(covers(f, c) for c in cl)), None)
    if chosen is None:  # a base its marks cannot follow: draw the base alone
        chosen = next((f for f in chain if covers(f, cl[0])), chain[-1])
    return chosen


def font_runs(text: str, chain: Sequence[Face]) -> list[Run]:
    """Split ``text`` into runs each drawable by one face of ``chain`` (first = brand face).

    Spaces, punctuation, digits and combining marks stay in the current run when its face
    has them, so a fallback word is not chopped at every space.
    """
    runs: list[tuple[str, Face]] = []
    for cl in clusters(text):
        current = runs[-1][1] if runs else None
        sticky = not any(unicodedata.bidirectional(c) in ("L", "R", "AL") for c in cl)
        if current is not None and sticky and all(covers(current, c) for c in cl):
            runs[-1] = (runs[-1][0] + cl, current)
            continue
        chosen = _face_for(cl, chain)
        if current is not None and chosen.key == current.key:
            runs[-1] = (runs[-1][0] + cl, current)
        else:
            runs.append((cl, chosen))
    return [Run(t, f) for t, f in runs]


def visual_runs(text: str, chain: Sequence[Face], rtl_base: bool) -> list[Run]:
    """One line of ``text`` as runs of one face and one direction, in display order.

    Every character gets its bidi level (:func:`pipeline.typography.bidi.levels`); the line
    is cut where the level or the face changes; the runs are reordered by rule L2 and each
    is marked with the direction raqm must shape it in. "50%" in Arabic text stays "50%"
    even when the percent sign comes from another font than the digits.
    """
    char_levels = bidi.levels(text, rtl_base)
    pieces: list[tuple[str, Face, int]] = []
    pos = 0
    for cl in clusters(text):
        level = char_levels[pos]
        pos += len(cl)
        current = pieces[-1] if pieces else None
        if current is not None and current[2] == level:
            sticky = not any(unicodedata.bidirectional(c) in ("L", "R", "AL") for c in cl)
            if sticky and all(covers(current[1], c) for c in cl):
                pieces[-1] = (current[0] + cl, current[1], level)
                continue
        face = _face_for(cl, chain)
        if current is not None and current[2] == level and face.key == current[1].key:
            pieces[-1] = (current[0] + cl, face, level)
        else:
            pieces.append((cl, face, level))
    ordered = bidi.reorder(pieces, [p[2] for p in pieces])
    return [Run(t, f, level % 2 == 1) for t, f, level in ordered]


# Where a call to action carries an offer ("30-day free trial. Start training today"): the
# last sentence break, or a spaced dash.
_ABBREVIATIONS = {"dr.", "mr.", "mrs.", "ms.", "st.", "no.", "vs.", "inc.", "ltd.", "co."}
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\s+[-–—]\s+")


def _abbreviation(before: str) -> bool:
    """Whether the text before a break ends in an abbreviation ("6 a.m.", "Dr.", "e.g.")."""
    words = before.split()
    last = words[-1] if words else ""
    return "." in last[:-1] or last.lower() in _ABBREVIATIONS


def split_offer(text: str, offer: str | None = None) -> tuple[str | None, str]:
    """(caption, button) for a call to action that carries an offer, else (None, text).

    A button reads as one tap target: the offer goes on a caption line above it instead of
    wrapping a pill onto three lines. The offer usually comes first ("20% off. Shop now");
    when ``offer`` (the spec's) is found only after the break ("Shop now - 20% off"), the
    two parts swap so the offer is still the caption.
    """
    whole = text.strip()
    breaks = [
        m
        for m in _SENTENCE_BREAK.finditer(whole)
        if m.end() < len(whole) and not _abbreviation(whole[: m.start()])
    ]
    if not breaks:
        return None, text
    cut = breaks[-1]
    caption, button = whole[: cut.start()].strip(), whole[cut.end() :].strip()
    if not caption or not any(ch.isalnum() for ch in button):
        return None, text
    key = (offer or "").strip().lower()
    if key and key in button.lower() and key not in caption.lower():
        return button, caption
    return caption, button
