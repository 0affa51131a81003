"""The frame buffer and its cheap, vectorized drawing primitives.

The frame is planar float32 RGB (3, H, W) in [0, 1]: per-channel operations then run on
contiguous memory (an interleaved (H, W, 3) layout is several times slower in numpy), and
ffmpeg takes planar RGB (``gbrp``) directly. Every primitive works on the bounding box of
what it draws, never on the whole frame unless it covers it. Finishing applies the static
vignette, film grain (which also dithers away banding) and quantizes into a reusable
uint8 buffer in ffmpeg's G, B, R plane order.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

Field = np.ndarray  # float32 (h, w) alpha/intensity plane
Color = np.ndarray  # float32 (3,)


class Canvas:
    """A planar float frame with additive and painted ("over") blending into regions."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.buf = np.zeros((3, height, width), dtype=np.float32)
        self._tmp = np.empty((height, width), dtype=np.float32)
        self._out = np.empty((3, height, width), dtype=np.uint8)
        self.xs = np.arange(width, dtype=np.float32) + np.float32(0.5)
        self.ys = np.arange(height, dtype=np.float32) + np.float32(0.5)

    def _clip(self, field: Field, y0: int, x0: int) -> tuple[Field, int, int] | None:
        h, w = field.shape
        cy0, cx0 = max(0, y0), max(0, x0)
        cy1, cx1 = min(self.height, y0 + h), min(self.width, x0 + w)
        if cy1 <= cy0 or cx1 <= cx0:
            return None
        return field[cy0 - y0 : cy1 - y0, cx0 - x0 : cx1 - x0], cy0, cx0

    def add(self, field: Field, color: Color, y0: int = 0, x0: int = 0, gain: float = 1.0) -> None:
        """Add light: ``frame += field * color * gain`` over the field's box."""
        clipped = self._clip(field, y0, x0)
        if clipped is None:
            return
        f, y0, x0 = clipped
        h, w = f.shape
        tmp = self._tmp[:h, :w]
        for c in range(3):
            k = float(color[c]) * gain
            if k != 0.0:
                np.multiply(f, k, out=tmp)
                self.buf[c, y0 : y0 + h, x0 : x0 + w] += tmp

    def over(self, field: Field, color: Color, y0: int = 0, x0: int = 0, gain: float = 1.0) -> None:
        """Paint ``color`` with opacity ``field * gain`` over what is there."""
        clipped = self._clip(field, y0, x0)
        if clipped is None:
            return
        f, y0, x0 = clipped
        h, w = f.shape
        tmp = self._tmp[:h, :w]
        for c in range(3):
            region = self.buf[c, y0 : y0 + h, x0 : x0 + w]
            np.subtract(float(color[c]), region, out=tmp)
            tmp *= f
            if gain != 1.0:
                tmp *= gain
            region += tmp

    def multiply(self, field: Field, y0: int = 0, x0: int = 0) -> None:
        """Scale the frame by ``field`` (shadows, dimming)."""
        clipped = self._clip(field, y0, x0)
        if clipped is None:
            return
        f, y0, x0 = clipped
        h, w = f.shape
        self.buf[:, y0 : y0 + h, x0 : x0 + w] *= f[None]

    def blob(
        self, cx: float, cy: float, sx: float, sy: float, color: Color, gain: float, *, paint=False
    ) -> None:
        """A separable Gaussian light (or paint) centred at (cx, cy) with radii (sx, sy)."""
        x0, x1 = max(0, int(cx - 3 * sx)), min(self.width, int(cx + 3 * sx) + 1)
        y0, y1 = max(0, int(cy - 3 * sy)), min(self.height, int(cy + 3 * sy) + 1)
        if x1 <= x0 or y1 <= y0 or gain <= 0.0:
            return
        gx = np.exp(-0.5 * ((self.xs[x0:x1] - cx) / sx) ** 2)
        gy = np.exp(-0.5 * ((self.ys[y0:y1] - cy) / sy) ** 2)
        field = np.multiply.outer(gy, gx)
        if paint:
            self.over(field, color, y0, x0, gain)
        else:
            self.add(field, color, y0, x0, gain)

    def finish(self, grain: Field) -> np.ndarray:
        """Scale to 8 bits, add ``grain`` (the dither), clip; return uint8 planes G, B, R."""
        buf = self.buf
        buf *= np.float32(255.0)
        buf += grain[None]
        np.clip(buf, 0.0, 255.0, out=buf)
        out = self._out
        for dst, src in enumerate((1, 2, 0)):  # ffmpeg's gbrp plane order
            np.copyto(out[dst], buf[src], casting="unsafe")
        return out


class SpriteBank:
    """A small anti-aliased shape pre-rendered at sub-pixel offsets, stamped by slicing.

    ``shape(dx, dy)`` returns intensity for offsets from the centre in pixels. Variants are
    stored at 1/``sub`` pixel steps so slowly drifting particles glide instead of stepping.
    """

    def __init__(self, shape: Callable[[Field, Field], Field], radius: float, sub: int = 4):
        self.r = math.ceil(radius) + 1
        self.sub = sub
        size = 2 * self.r + 1
        grid = np.arange(size, dtype=np.float32) + np.float32(0.5)
        self.variants: list[list[Field]] = []
        for qy in range(sub):
            row = []
            for qx in range(sub):
                dx = grid[None, :] - (self.r + qx / sub)
                dy = grid[:, None] - (self.r + qy / sub)
                row.append(np.ascontiguousarray(shape(dx, dy), dtype=np.float32))
            self.variants.append(row)

    def stamp(
        self, canvas: Canvas, x: float, y: float, color: Color, gain: float, paint: bool = False
    ) -> None:
        """Draw the sprite centred at (x, y)."""
        ix, iy = math.floor(x), math.floor(y)
        qx = min(self.sub - 1, int((x - ix) * self.sub))
        qy = min(self.sub - 1, int((y - iy) * self.sub))
        sprite = self.variants[qy][qx]
        if paint:
            canvas.over(sprite, color, iy - self.r, ix - self.r, gain)
        else:
            canvas.add(sprite, color, iy - self.r, ix - self.r, gain)


def soft_disc(
    radius: float, edge: float = 1.0, rim: float = 0.0
) -> Callable[[Field, Field], Field]:
    """A disc with a soft edge; ``rim`` > 0 brightens the edge like an out-of-focus light."""

    def shape(dx: Field, dy: Field) -> Field:
        d = np.sqrt(dx * dx + dy * dy)
        body = np.clip((radius - d) / edge + 0.5, 0.0, 1.0)
        if rim > 0.0:
            body = body * (1.0 - rim + rim * np.clip(d / radius, 0.0, 1.0) ** 3)
        return body

    return shape


def gaussian_dot(sigma: float) -> Callable[[Field, Field], Field]:
    """A round Gaussian spot (glints, motes)."""

    def shape(dx: Field, dy: Field) -> Field:
        return np.exp(-(dx * dx + dy * dy) / (2.0 * sigma * sigma))

    return shape


def sparkle(size: float) -> Callable[[Field, Field], Field]:
    """A four-pointed star glint with a bright core."""

    def shape(dx: Field, dy: Field) -> Field:
        ax, ay = np.abs(dx), np.abs(dy)
        arms = np.exp(-ay / 0.7) * np.clip(1 - ax / size, 0, 1) ** 2
        arms = arms + np.exp(-ax / 0.7) * np.clip(1 - ay / size, 0, 1) ** 2
        core = np.exp(-(dx * dx + dy * dy) / (2.0 * (size * 0.12) ** 2))
        return np.clip(arms * 0.8 + core, 0.0, 1.0)

    return shape


def ring(radius: float, width: float, highlight: float = 0.0) -> Callable[[Field, Field], Field]:
    """A thin ring (bubbles); ``highlight`` adds a specular spot on the upper left."""

    def shape(dx: Field, dy: Field) -> Field:
        d = np.sqrt(dx * dx + dy * dy)
        body = np.clip(1.0 - np.abs(d - radius) / width, 0.0, 1.0)
        inner = np.clip((radius - d) / radius, 0.0, 1.0) * 0.18
        out = body + inner
        if highlight > 0.0:
            hx, hy = dx + radius * 0.4, dy + radius * 0.4
            out = out + highlight * np.exp(-(hx * hx + hy * hy) / (2 * (radius * 0.16) ** 2))
        return np.clip(out, 0.0, 1.0)

    return shape
