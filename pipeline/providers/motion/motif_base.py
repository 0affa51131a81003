"""The motif contract: built once per clip, asked to draw itself at time ``t``."""

from __future__ import annotations

import math

import numpy as np

from pipeline.providers.motion.canvas import Canvas, Color
from pipeline.providers.motion.design import Camera, ClipDesign
from pipeline.providers.motion.layers import Rendered


class Motif:
    """Base class: keeps the design, the frame size, the text-band calm rows and a rng.

    Subclasses pre-compute their layout in ``__init__`` (random choices happen there, never
    per frame) and implement :meth:`draw`.
    """

    def __init__(self, design: ClipDesign, width: int, height: int, calm: np.ndarray) -> None:
        self.d = design
        self.pal = design.palette
        self.w, self.h = width, height
        self.k = width / 540.0  # lengths below are designed at 540 px wide
        self.calm = calm
        self.rng = design.rng(1)

    def anchor(self, cam: Camera, depth: float = 1.0) -> tuple[float, float]:
        """The motif centre on screen for ``cam`` at ``depth``."""
        ax, ay = self.d.anchor
        return cam.at(ax * self.w, ay * self.h, depth)

    def keep_inside(self, cx: float, half_width: float, margin: float = 16.0) -> float:
        """``cx`` moved just enough that a shape ``half_width`` wide stays in the frame."""
        lo = half_width + margin * self.k
        return min(max(cx, lo), self.w - lo) if lo < self.w / 2 else self.w / 2

    def emit(self, canvas: Canvas, out: Rendered | None, color: Color, gain: float = 1.0) -> None:
        """Composite a rendered layer: as light on a deep background, as paint on a pale one."""
        if out is None:
            return
        field, y0, x0 = out
        if self.pal.emissive:
            canvas.add(field, color, y0, x0, gain)
        else:
            canvas.over(field, color, y0, x0, min(1.0, gain))

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:  # pragma: no cover
        """Draw the motif for time ``t`` (seconds from the clip's start)."""
        raise NotImplementedError


def place(
    pts: list[tuple[float, float]],
    cx: float,
    cy: float,
    size: float,
    angle: float = 0.0,
    mirror: bool = False,
) -> list[tuple[float, float]]:
    """Model points (unit box, centred on 0) scaled by ``size``, rotated, moved to (cx, cy)."""
    c, s = math.cos(angle), math.sin(angle)
    flip = -1.0 if mirror else 1.0
    out = []
    for x, y in pts:
        x *= flip * size
        y *= size
        out.append((cx + x * c - y * s, cy + x * s + y * c))
    return out


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 24) -> list[tuple[float, float]]:
    """Points of an ellipse (for polygons that Pillow cannot draw rotated or squashed)."""
    return [
        (cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]
