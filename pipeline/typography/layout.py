"""Line layout: shape lines with their fonts, wrap and shrink text to a box, draw masks.

Shaping uses Pillow's raqm engine (HarfBuzz + FriBiDi) when it is available, so Arabic
joins and right-to-left runs are ordered by the shaper. Without raqm, Arabic is reshaped
with ``arabic-reshaper`` and reordered with ``python-bidi`` before a plain left-to-right
draw: a lesser result, but legible.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from pipeline.typography import fonts
from pipeline.typography.bidi import base_is_rtl
from pipeline.typography.fonts import Face
from pipeline.typography.text import (
    Run,
    Token,
    clusters,
    font_runs,
    is_rtl,
    tokenize,
    visual_runs,
)

_log = logging.getLogger("adstudio")
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class TextStyle:
    """Which faces draw the text: the brand face first, then the script fallbacks."""

    chain: tuple[Face, ...]
    language: str = ""
    leading: float = 0.22  # space between one line's ink and the next, x nominal size
    raqm: bool = True


@dataclass
class PlacedRun:
    text: str
    face: Face
    font: Font
    rtl: bool
    width: float


@dataclass
class Line:
    """One shaped line: runs in display order, its advance width and vertical metrics."""

    text: str
    runs: list[PlacedRun]
    width: float
    ascent: int
    descent: int


@dataclass
class TextBlock:
    """Lines fitted at one nominal size; ``width``/``height`` are the layout box in px."""

    lines: list[Line]
    size: int
    gap: float
    rtl: bool
    width: float = 0.0
    height: float = 0.0
    faces: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.width = max((ln.width for ln in self.lines), default=0.0)
        self.height = sum(ln.ascent + ln.descent for ln in self.lines) + self.gap * max(
            0, len(self.lines) - 1
        )
        names = [r.face.name for ln in self.lines for r in ln.runs if r.text.strip()]
        self.faces = list(dict.fromkeys(names))


def _direction(style: TextStyle, rtl: bool) -> str | None:
    """The direction to ask raqm for; None with the basic engine, which cannot take one."""
    if not style.raqm:
        return None
    return "rtl" if rtl else "ltr"


def _language(style: TextStyle) -> str | None:
    return style.language or None if style.raqm else None


@functools.cache
def _basic_bidi() -> tuple[object, object] | None:
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError:
        _log.warning(
            "Pillow has no raqm and arabic-reshaper/python-bidi are missing: right-to-left "
            "text will not be shaped. Run `pip install -r requirements.txt`.",
            extra={"event": "bidi_missing", "stage": "overlays"},
        )
        return None
    return arabic_reshaper.reshape, get_display


class Shaper:
    """Shapes and measures lines of one text at one nominal ``size`` (results cached)."""

    def __init__(self, style: TextStyle, size: int, rtl_base: bool) -> None:
        self.style = style
        self.size = size
        self.rtl_base = rtl_base
        self._lines: dict[str, Line] = {}

    def font(self, face: Face) -> Font:
        return fonts.load(face, max(1, round(self.size * face.scale)), self.style.raqm)

    def line(self, text: str) -> Line:
        if text not in self._lines:
            self._lines[text] = self._shape(text)
        return self._lines[text]

    def width(self, text: str) -> float:
        return self.line(text).width

    def _shape(self, text: str) -> Line:
        if self.style.raqm:
            runs = visual_runs(text, self.style.chain, self.rtl_base)
        else:
            visual = text
            helpers = _basic_bidi()
            if helpers is not None and any(is_rtl(c) for c in text):
                reshape, get_display = helpers
                visual = get_display(reshape(text), base_dir="R" if self.rtl_base else "L")  # type: ignore[operator]
            runs = [Run(r.text, r.face) for r in font_runs(visual, self.style.chain)]
        placed: list[PlacedRun] = []
        ascent = descent = 0
        for run in runs:
            font = self.font(run.face)
            width = font.getlength(
                run.text, direction=_direction(self.style, run.rtl), language=_language(self.style)
            )
            placed.append(PlacedRun(run.text, run.face, font, run.rtl, width))
            if run.text.strip():
                _, top, _, bottom = font.getbbox(
                    run.text,
                    anchor="ls",
                    direction=_direction(self.style, run.rtl),
                    language=_language(self.style),
                )
                cap, desc = _extent(run.face, font)
                ascent = max(ascent, -int(top), cap)
                descent = max(descent, int(bottom), desc)
        return Line(text, placed, sum(p.width for p in placed), ascent, descent)


@functools.lru_cache(maxsize=512)
def _extent(face: Face, font: Font) -> tuple[int, int]:
    """Cap height and descender depth of a Latin face, so lines sit on an even rhythm.

    Lines are spaced by their ink, not by the fonts' line metrics, which differ wildly
    (Noto Sans Arabic reserves twice the height of Bebas Neue); for faces with Latin
    letters every line reserves room for capitals and descenders whether it has them or not.
    """
    if not (fonts.covers(face, "H") and fonts.covers(face, "g")):
        return 0, 0
    _, top, _, _ = font.getbbox("H", anchor="ls")
    _, _, _, bottom = font.getbbox("g", anchor="ls")
    return -int(top), int(bottom)


def wrap(
    tokens: Sequence[Token], shaper: Shaper, max_width: float, *, break_words: bool
) -> tuple[list[str], bool]:
    """Greedy line filling; returns the lines and whether every line fits ``max_width``.

    With ``break_words`` a token wider than the line (a long brand name, a URL) is cut
    between characters; without it the line is left too wide and the caller shrinks.
    """
    lines: list[str] = []
    current = ""
    fits = True
    for tok in tokens:
        if current and tok.glue != "\n":
            candidate = current + tok.glue + tok.text
            if shaper.width(candidate) <= max_width:
                current = candidate
                continue
        if current:
            lines.append(current)
        current = tok.text
        if shaper.width(current) > max_width:
            if not break_words:
                fits = False
                continue
            pieces = _cut(current, shaper, max_width)
            lines.extend(pieces[:-1])
            current = pieces[-1]
    if current:
        lines.append(current)
    return lines, fits


def _cut(word: str, shaper: Shaper, max_width: float) -> list[str]:
    pieces = [""]
    for cl in clusters(word):
        if pieces[-1] and shaper.width(pieces[-1] + cl) > max_width:
            pieces.append(cl)
        else:
            pieces[-1] += cl
    return pieces


def _block(lines: list[str], shaper: Shaper) -> TextBlock:
    gap = shaper.style.leading * shaper.size
    return TextBlock([shaper.line(t) for t in lines], shaper.size, gap, shaper.rtl_base)


def fit(
    text: str,
    style: TextStyle,
    *,
    max_width: float,
    max_height: float,
    size: int,
    min_size: int,
    max_lines: int,
    balance: bool = True,
) -> TextBlock:
    """Lay ``text`` out at the largest size from ``size`` down that fits the box.

    Sizes step down by ~6 %; at each, words wrap at spaces (CJK between characters). Below
    ``min_size`` long words are cut and the line limit is lifted, down to a floor of 12 px,
    so the result always stays inside ``max_width`` x ``max_height``. With ``balance`` the
    lines are then evened out (no lonely last word) without adding a line.
    """
    tokens = tokenize(text)
    rtl = base_is_rtl(text)
    candidates = []
    s = size
    while s >= 12:
        candidates.append(s)
        s = min(s - 1, int(s * 0.94))
    block: TextBlock | None = None
    for s in candidates:
        shaper = Shaper(style, s, rtl)
        last_resort = s < min_size
        lines, fits = wrap(tokens, shaper, max_width, break_words=last_resort)
        block = _block(lines, shaper)
        if fits and block.height <= max_height and (last_resort or len(lines) <= max_lines):
            if balance and len(lines) > 1:
                block = _balanced(tokens, shaper, max_width, len(lines)) or block
            return block
    if block is None:  # pragma: no cover - candidates always holds 12
        raise ValueError("no size to try")
    _log.warning(
        "text does not fit even at 12 px", extra={"event": "text_overflow", "stage": "overlays"}
    )
    return block


def _balanced(
    tokens: Sequence[Token], shaper: Shaper, max_width: float, n: int
) -> TextBlock | None:
    lo, hi = max_width * 0.4, max_width
    best: list[str] | None = None
    for _ in range(8):
        mid = (lo + hi) / 2
        lines, fits = wrap(tokens, shaper, mid, break_words=False)
        if fits and len(lines) <= n:
            best, hi = lines, mid
        else:
            lo = mid
    return _block(best, shaper) if best else None


def draw_mask(
    block: TextBlock,
    style: TextStyle,
    canvas: tuple[int, int],
    origin: tuple[int, int],
    *,
    stroke: int = 0,
) -> Image.Image:
    """An "L" mask of ``block`` (lines centred) with its layout box's top-left at ``origin``.

    With ``stroke`` > 0 the mask is the glyphs grown by that many pixels (an outline).
    """
    mask = Image.new("L", canvas, 0)
    draw = ImageDraw.Draw(mask)
    y = float(origin[1])
    for line in block.lines:
        baseline = y + line.ascent
        x = origin[0] + (block.width - line.width) / 2
        for run in line.runs:
            draw.text(
                (x, baseline),
                run.text,
                font=run.font,
                fill=255,
                anchor="ls",
                stroke_width=stroke,
                stroke_fill=255,
                direction=_direction(style, run.rtl),
                language=_language(style),
            )
            x += run.width
        y = baseline + line.descent + block.gap
    return mask
