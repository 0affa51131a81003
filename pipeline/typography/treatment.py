"""Paint a text layer (fill, outline, soft shadow, plate) and pick the lightest treatment
that keeps it legible over the clip.

Treatments are tried from none upwards; the first whose worst-frame halo contrast
(:func:`pipeline.typography.legibility.halo_contrast`) reaches 4.5:1, with headroom for
the colour grade export applies afterwards, wins. A call to
action always sits on an opaque pill in the brand accent colour instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from pipeline.media.colors import hex_rgb
from pipeline.typography.legibility import WCAG_AA
from pipeline.typography.luma import contrast, luminance


@dataclass(frozen=True)
class Treatment:
    """What is painted under the text fill. ``plate_alpha`` 0 means no plate."""

    name: str
    stroke: bool = False
    shadow: bool = False
    plate_alpha: float = 0.0
    pill: bool = False


#: In the order they are tried: the lightest touch that reaches the target wins. Outlines
#: stay thin and plates carry no outline, which is what reads as designed rather than
#: as subtitles.
LADDER: tuple[Treatment, ...] = (
    Treatment("none"),
    Treatment("shadow", shadow=True),
    Treatment("outline+shadow", stroke=True, shadow=True),
    Treatment("plate60", plate_alpha=0.60),
    Treatment("plate80", plate_alpha=0.80),
    Treatment("plate94", plate_alpha=0.94),
)
#: Used when the clip cannot be looked at (no clip for the scene).
UNSEEN = LADDER[4]
#: Export grades the footage after contrast is measured here (up to +15 % contrast for the
#: noir look), so a treatment must clear WCAG AA with this much headroom on the raw frames.
TARGET = WCAG_AA * 1.12
PILL = Treatment("pill", shadow=True, plate_alpha=1.0, pill=True)


@dataclass(frozen=True)
class Masks:
    """Everything painted, as "L" masks of the layer's size, plus colours and geometry."""

    fill: Image.Image
    stroke: Image.Image
    ink: tuple[int, int, int, int]  # glyph bounding box inside the layer
    px: int  # nominal text size, for proportional plate padding, blur and offsets
    text: str  # fill colour, hex
    backing: str  # outline / shadow colour, hex (the accent for a pill)
    plate: str = ""  # plate colour, hex; the backing colour when empty


def contrasting(color: str) -> str:
    """Black or white, whichever contrasts more with ``color``."""
    lum = luminance(np.array(hex_rgb(color)))
    return "#000000" if contrast(lum, 0.0) >= contrast(lum, 1.0) else "#FFFFFF"


def plate_box(m: Masks, t: Treatment) -> tuple[int, int, int, int]:
    """The plate's rectangle: the glyph box grown in proportion to the text size."""
    gx, gy = (0.55, 0.30) if t.pill else (0.42, 0.28)
    x0, y0, x1, y1 = m.ink
    return (
        round(x0 - gx * m.px),
        round(y0 - gy * m.px),
        round(x1 + gx * m.px),
        round(y1 + gy * m.px),
    )


def pads(px: int, pill: bool) -> tuple[int, int]:
    """Transparent margin around the glyph box: room for plate, shadow blur and offset."""
    return (round(0.72 * px), round(0.48 * px)) if pill else (round(0.52 * px), round(0.40 * px))


class _Painter:
    """Builds a treatment's paint layers from the masks; blurs and plates are made once."""

    def __init__(self, m: Masks) -> None:
        self.m = m
        self.fill = np.asarray(m.fill, dtype=np.float32) / 255.0
        self.stroke = np.asarray(m.stroke, dtype=np.float32) / 255.0
        self.text_rgb = np.array(hex_rgb(m.text), dtype=np.float32)
        self.backing = np.array(hex_rgb(m.backing), dtype=np.float32)
        self.plate = np.array(hex_rgb(m.plate or m.backing), dtype=np.float32)
        self._cache: dict[str, np.ndarray] = {}

    def _get(self, key: str) -> np.ndarray:
        if key not in self._cache:
            m = self.m
            if key == "glow":
                self._cache[key] = _shadow(m.stroke, m.px, 0.8)
            else:
                pill = key.startswith("pill")
                plate = _plate_mask(m, PILL if pill else LADDER[-1])
                if key.endswith("shadow"):
                    self._cache[key] = _shadow(plate, m.px, 0.35)
                else:
                    self._cache[key] = np.asarray(plate, dtype=np.float32) / 255.0
        return self._cache[key]

    def layers(self, t: Treatment) -> list[tuple[np.ndarray, np.ndarray]]:
        """(colour, alpha) pairs from the bottom up."""
        out: list[tuple[np.ndarray, np.ndarray]] = []
        if t.plate_alpha > 0:
            kind = "pill" if t.pill else "plate"
            if t.pill and t.shadow:
                out.append((np.zeros(3, dtype=np.float32), self._get(kind + "shadow")))
            rgb = self.backing if t.pill else self.plate
            out.append((rgb, self._get(kind) * np.float32(t.plate_alpha)))
        if t.shadow and not t.pill:
            out.append((self.backing, self._get("glow")))
        if t.stroke:
            out.append((self.backing, self.stroke))
        out.append((self.text_rgb, self.fill))
        return out

    def flatten(
        self, t: Treatment, where: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Premultiplied colour and alpha of the stack, at ``where`` (a mask) or everywhere."""
        color: np.ndarray | float = 0.0
        alpha: np.ndarray | float = 0.0
        for rgb, a in self.layers(t):
            a = a[where] if where is not None else a
            color = rgb * a[..., None] + color * (1.0 - a[..., None])
            alpha = a + alpha * (1.0 - a)
        return np.asarray(color, dtype=np.float32), np.asarray(alpha, dtype=np.float32)

    def paint(self, t: Treatment) -> np.ndarray:
        """The whole layer as straight-alpha RGBA uint8."""
        color, alpha = self.flatten(t)
        straight = color / np.maximum(alpha, 1e-6)[..., None]
        out = np.dstack([straight, alpha * 255.0])
        return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def _plate_mask(m: Masks, t: Treatment) -> Image.Image:
    mask = Image.new("L", m.fill.size, 0)
    x0, y0, x1, y1 = plate_box(m, t)
    radius = (y1 - y0) // 2 if t.pill else round(0.22 * m.px)
    ImageDraw.Draw(mask).rounded_rectangle((x0, y0, x1, y1), radius=radius, fill=255)
    return mask


def _shadow(source: Image.Image, px: int, strength: float) -> np.ndarray:
    blurred = source.filter(ImageFilter.GaussianBlur(radius=max(1.0, 0.09 * px)))
    dy = max(1, round(0.035 * px))
    shifted = Image.new("L", source.size, 0)
    shifted.paste(blurred, (0, dy))
    glow = np.asarray(shifted, dtype=np.float32) / np.float32(255.0 / 1.6)
    return np.minimum(np.float32(1.0), glow) * np.float32(strength)


def paint(m: Masks, t: Treatment) -> np.ndarray:
    """The layer as straight-alpha RGBA uint8: plate, shadow, outline, then the fill."""
    return _Painter(m).paint(t)


@dataclass(frozen=True)
class Verdict:
    """The chosen treatment, the painted layer and the worst-frame contrast before/after."""

    treatment: Treatment
    layer: np.ndarray
    before: float | None  # with no treatment; None when the clip was not seen
    after: float | None


def choose(
    m: Masks, ring: np.ndarray, backgrounds: Sequence[np.ndarray], *, pill: bool = False
) -> Verdict:
    """The lightest treatment whose worst halo contrast over ``backgrounds`` reaches TARGET.

    Candidates are scored on the halo pixels only; the winner is painted in full. With no
    backgrounds (the clip could not be looked at) a plate is used blind.
    """
    painter = _Painter(m)
    ladder = (PILL,) if pill else LADDER
    if not backgrounds:
        chosen = PILL if pill else UNSEEN
        return Verdict(chosen, painter.paint(chosen), None, None)
    text_lum = luminance(np.array(hex_rgb(m.text)))
    seen = [bg[ring].astype(np.float32) for bg in backgrounds]

    def worst(color: np.ndarray, alpha: np.ndarray) -> float:
        if not ring.any():
            return 21.0
        return min(
            float(
                np.percentile(contrast(text_lum, luminance(color + bg * (1.0 - alpha[:, None]))), 5)
            )
            for bg in seen
        )

    none = np.zeros((int(ring.sum()), 3), dtype=np.float32)
    before = worst(none, np.zeros(len(none), dtype=np.float32))
    for t in ladder:
        score = worst(*painter.flatten(t, ring))
        if score >= TARGET:
            break
    return Verdict(t, painter.paint(t), before, score)
