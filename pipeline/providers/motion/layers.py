"""Shape layers drawn with Pillow and read back as float intensity planes.

- :class:`VectorLayer` draws crisp shapes (lines, rings, arcs, polygons, cards) on an 8-bit
  canvas ``ss`` times larger than the frame and box-reduces it: anti-aliased edges with
  1/ss pixel precision at a cost of ~1-2 ms per frame, however many shapes.
- :class:`SoftLayer` draws at 1/``factor`` resolution, blurs there (cheap on few pixels) and
  upsamples bilinearly: steam, halos and glows.

Both track the box they drew into, so reading back, fading the text band and clearing cost
only that box. Coordinates are frame pixels (floats welcome).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

Point = tuple[float, float]
Rendered = tuple[np.ndarray, int, int]  # field, y0, x0


class _Box:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.x0, self.y0, self.x1, self.y1 = math.inf, math.inf, -math.inf, -math.inf

    def grow(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0 = min(self.x0, x0), min(self.y0, y0)
        self.x1, self.y1 = max(self.x1, x1), max(self.y1, y1)

    def clamp(self, w: int, h: int, pad: float) -> tuple[int, int, int, int] | None:
        if self.x1 < self.x0:
            return None
        x0, y0 = max(0, int(self.x0 - pad)), max(0, int(self.y0 - pad))
        x1, y1 = min(w, math.ceil(self.x1 + pad)), min(h, math.ceil(self.y1 + pad))
        if x1 <= x0 or y1 <= y0:
            return None
        return x0, y0, x1, y1


class VectorLayer:
    """Crisp anti-aliased shapes; ``value`` arguments are intensities in [0, 1]."""

    def __init__(self, width: int, height: int, ss: int = 4, calm: np.ndarray | None = None):
        self.w, self.h, self.ss = width, height, ss
        self.img = Image.new("L", (width * ss, height * ss), 0)
        self.draw = ImageDraw.Draw(self.img)
        self.calm = calm
        self._box = _Box()

    def _v(self, value: float) -> int:
        return max(0, min(255, int(value * 255 + 0.5)))

    def _pts(self, pts: Sequence[Point]) -> list[tuple[float, float]]:
        s = self.ss
        return [(x * s, y * s) for x, y in pts]

    def line(self, pts: Sequence[Point], width: float, value: float = 1.0) -> None:
        """A polyline of ``width`` frame pixels."""
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._box.grow(min(xs) - width, min(ys) - width, max(xs) + width, max(ys) + width)
        self.draw.line(
            self._pts(pts), fill=self._v(value), width=max(1, round(width * self.ss)), joint="curve"
        )

    def circle(self, cx: float, cy: float, r: float, width: float, value: float = 1.0) -> None:
        """A ring outline (``width`` <= 0 fills the disc)."""
        s = self.ss
        self._box.grow(cx - r - 1, cy - r - 1, cx + r + 1, cy + r + 1)
        box = ((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s)
        if width <= 0:
            self.draw.ellipse(box, fill=self._v(value))
        else:
            self.draw.ellipse(box, outline=self._v(value), width=max(1, round(width * s)))

    def arc(
        self, cx: float, cy: float, r: float, start: float, end: float, width: float, value: float
    ) -> None:
        """An arc from ``start`` to ``end`` degrees (clockwise from 3 o'clock)."""
        s = self.ss
        self._box.grow(cx - r - 1, cy - r - 1, cx + r + 1, cy + r + 1)
        box = ((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s)
        self.draw.arc(box, start, end, fill=self._v(value), width=max(1, round(width * s)))

    def polygon(self, pts: Sequence[Point], value: float = 1.0) -> None:
        """A filled polygon."""
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._box.grow(min(xs) - 1, min(ys) - 1, max(xs) + 1, max(ys) + 1)
        self.draw.polygon(self._pts(pts), fill=self._v(value))

    def rounded_rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        radius: float,
        *,
        fill: float | None = None,
        outline: float | None = None,
        width: float = 1.0,
    ) -> None:
        """A rounded rectangle, filled and/or outlined."""
        s = self.ss
        self._box.grow(x0 - 1, y0 - 1, x1 + 1, y1 + 1)
        self.draw.rounded_rectangle(
            (x0 * s, y0 * s, x1 * s, y1 * s),
            radius=radius * s,
            fill=None if fill is None else self._v(fill),
            outline=None if outline is None else self._v(outline),
            width=max(1, round(width * s)),
        )

    def render(self) -> Rendered | None:
        """The drawn box as a float plane in [0, 1], calmed in the text band; then clear."""
        box = self._box.clamp(self.w, self.h, 1.0)
        self._box.reset()
        if box is None:
            return None
        x0, y0, x1, y1 = box
        s = self.ss
        small = self.img.reduce(s, box=(x0 * s, y0 * s, x1 * s, y1 * s))
        self.img.paste(0, (x0 * s, y0 * s, x1 * s, y1 * s))
        field = np.asarray(small, dtype=np.float32) * np.float32(1 / 255)
        if self.calm is not None:
            field *= self.calm[y0:y1, None]
        return field, y0, x0


class SoftLayer:
    """Blurred shapes drawn at low resolution and upsampled: steam, glows, halos."""

    def __init__(self, width: int, height: int, factor: int = 4, calm: np.ndarray | None = None):
        self.w, self.h, self.f = width, height, factor
        self.sw, self.sh = -(-width // factor), -(-height // factor)
        self.img = Image.new("L", (self.sw, self.sh), 0)
        self.draw = ImageDraw.Draw(self.img)
        self.calm = calm
        self._box = _Box()

    def _v(self, value: float) -> int:
        return max(0, min(255, int(value * 255 + 0.5)))

    def line(self, pts: Sequence[Point], width: float, value: float = 1.0) -> None:
        """A soft polyline (``width`` in frame pixels)."""
        f = self.f
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._box.grow(min(xs) - width, min(ys) - width, max(xs) + width, max(ys) + width)
        self.draw.line(
            [(x / f, y / f) for x, y in pts],
            fill=self._v(value),
            width=max(1, round(width / f)),
            joint="curve",
        )

    def disc(self, cx: float, cy: float, r: float, value: float = 1.0) -> None:
        """A filled disc (blurred later)."""
        f = self.f
        self._box.grow(cx - r, cy - r, cx + r, cy + r)
        self.draw.ellipse(
            ((cx - r) / f, (cy - r) / f, (cx + r) / f, (cy + r) / f), fill=self._v(value)
        )

    def ring(self, cx: float, cy: float, r: float, width: float, value: float = 1.0) -> None:
        """A ring outline (blurred later)."""
        f = self.f
        self._box.grow(cx - r - width, cy - r - width, cx + r + width, cy + r + width)
        self.draw.ellipse(
            ((cx - r) / f, (cy - r) / f, (cx + r) / f, (cy + r) / f),
            outline=self._v(value),
            width=max(1, round(width / f)),
        )

    def polygon(self, pts: Sequence[Point], value: float = 1.0) -> None:
        """A filled polygon (blurred later)."""
        f = self.f
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        self._box.grow(min(xs), min(ys), max(xs), max(ys))
        self.draw.polygon([(x / f, y / f) for x, y in pts], fill=self._v(value))

    def render(self, blur_px: float) -> Rendered | None:
        """Blur by ``blur_px`` frame pixels, upsample the drawn box, calm it, clear."""
        f = self.f
        box = self._box.clamp(self.w, self.h, blur_px * 2.5 + f)
        self._box.reset()
        if box is None:
            return None
        sx0, sy0 = box[0] // f, box[1] // f
        sx1, sy1 = min(self.sw, -(-box[2] // f)), min(self.sh, -(-box[3] // f))
        region = self.img.crop((sx0, sy0, sx1, sy1))
        self.img.paste(0, (sx0, sy0, sx1, sy1))
        if blur_px > 0:
            region = region.filter(ImageFilter.GaussianBlur(blur_px / f))
        w, h = (sx1 - sx0) * f, (sy1 - sy0) * f
        big = region.convert("F").resize((w, h), Image.Resampling.BILINEAR)
        field = np.asarray(big, dtype=np.float32) * np.float32(1 / 255)
        x0, y0 = sx0 * f, sy0 * f
        field = field[: self.h - y0, : self.w - x0]
        if self.calm is not None:
            field = field * self.calm[y0 : y0 + field.shape[0], None]
        return field, y0, x0
