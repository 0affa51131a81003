"""Beauty / cosmetics / fragrance: a glass bottle on silk, with light gliding over it.

Two satin ribbons undulate behind a bottle (a dropper serum, a perfume flask or a cream jar
by variant). The glass has a liquid that sways, a vertical highlight that travels across
it, and a soft reflection beneath; sparkles twinkle around it and tiny motes rise.
"""

from __future__ import annotations

import math

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas, SpriteBank, sparkle
from pipeline.providers.motion.design import Camera
from pipeline.providers.motion.layers import SoftLayer, VectorLayer
from pipeline.providers.motion.motif_base import Motif

# Bottle shapes: body (w, h, radius) and cap (w, h, radius) in units of ``size``; neck width.
_SHAPES = {
    0: ((0.34, 0.52, 0.07), (0.12, 0.2, 0.05), 0.1),  # dropper serum
    1: ((0.5, 0.46, 0.12), (0.2, 0.14, 0.02), 0.14),  # perfume flask
    2: ((0.62, 0.3, 0.06), (0.66, 0.1, 0.03), 0.0),  # cream jar
}


class BeautyMotif(Motif):
    """Silk ribbons, a glass bottle with moving highlight, twinkling sparkles."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        w, h, calm = self.w, self.h, self.calm
        self.lines = VectorLayer(w, h, ss=2, calm=calm)
        self.accent = VectorLayer(w, h, ss=2, calm=calm)
        self.silk = SoftLayer(w, h, factor=4, calm=calm)
        self.glass = SoftLayer(w, h, factor=4, calm=calm)
        self.spark = SpriteBank(sparkle(10 * self.k), 10 * self.k)
        rng = self.rng
        self.shape = _SHAPES[self.d.product_shape]
        self.ribbons = [
            (
                float(rng.uniform(-0.2, 0.2)),
                float(rng.uniform(0, 6.3)),
                float(rng.uniform(0.7, 1.2)),
            )
            for _ in range(2)
        ]
        self.sparks = [
            (
                float(rng.uniform(-0.55, 0.55)),
                float(rng.uniform(-0.6, 0.5)),
                float(rng.uniform(0, 6.3)),
            )
            for _ in range(int(6 * self.d.beat.density) + 2)
        ]

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Draw the silk, the bottle and the sparkles at ``t``."""
        k, e, pal, d = self.k, self.d.energy, self.pal, self.d
        L, A, S, G = self.lines, self.accent, self.silk, self.glass
        cx, cy = self.anchor(cam)
        size = 520 * k * cam.size() * d.beat.scale

        # Satin ribbons behind (depth 0.8): a band between two waves, with bright edges.
        for offset, phase, speed in self.ribbons:
            upper, lower = [], []
            base = cy + offset * self.h * 0.5
            for i in range(17):
                v = i / 16
                x = -0.1 * self.w + v * 1.2 * self.w
                wv = math.sin(v * 4.2 + phase + t * 0.55 * e * speed)
                y = base + wv * 60 * k + (v - 0.5) * 120 * k * (1 if offset > 0 else -1)
                thick = (26 + 22 * math.sin(v * 3.1 + phase * 2 + t * 0.4 * e)) * k
                p = cam.at(x, y, 0.8)
                upper.append((p[0], p[1] - thick))
                lower.append((p[0], p[1] + thick))
            S.polygon(upper + lower[::-1], 0.55)
            S.line(upper, 5 * k, 0.9)

        (bw, bh, br), (cw, ch, cr), neck = self.shape
        bob = math.sin(t * 1.2 * e) * 5 * k
        enter = easing.ease_out_cubic(t / 0.9)
        cy += bob + (1.0 - enter) * 60 * k
        cx = self.keep_inside(cx, max(bw, cw) * size / 2)
        bx0, bx1 = cx - bw * size / 2, cx + bw * size / 2
        by0, by1 = cy - bh * size * 0.35, cy + bh * size * 0.65
        inset = br * size * 0.6 + 4 * k
        G.polygon(
            [
                (bx0 + inset, by0 + inset),
                (bx1 - inset, by0 + inset),
                (bx1 - inset, by1 - inset),
                (bx0 + inset, by1 - inset),
            ],
            0.6,
        )
        sway = math.sin(t * 1.7 * e) * 0.035 * size
        level = by0 + (by1 - by0) * 0.32
        A.polygon(
            [
                (bx0 + 3 * k, level + sway),
                (bx1 - 3 * k, level - sway),
                (bx1 - 3 * k, by1 - 3 * k),
                (bx0 + 3 * k, by1 - 3 * k),
            ],
            0.3,
        )
        L.rounded_rect(bx0, by0, bx1, by1, br * size, outline=1.0, width=2.4 * k)
        top = by0
        if neck > 0.0:
            L.rounded_rect(
                cx - neck * size / 2,
                by0 - 0.05 * size,
                cx + neck * size / 2,
                by0,
                0.01 * size,
                outline=0.8,
                width=1.8 * k,
            )
            top = by0 - 0.05 * size
        A.rounded_rect(
            cx - cw * size / 2, top - ch * size, cx + cw * size / 2, top, cr * size, fill=0.75
        )
        L.rounded_rect(
            cx - cw * size / 2,
            top - ch * size,
            cx + cw * size / 2,
            top,
            cr * size,
            outline=0.9,
            width=1.6 * k,
        )
        # A highlight travels across the glass; a faint mirror image lies below it.
        hl = bx0 + (bx1 - bx0) * (0.2 + 0.6 * easing.ease_in_out_sine((t * 0.25 * e) % 1.0))
        G.line([(hl, by0 + 0.04 * size), (hl, by1 - 0.06 * size)], 7 * k, 1.0)
        L.line(
            [(bx0 + 0.05 * size, by0 + 0.05 * size), (bx0 + 0.05 * size, by1 - 0.1 * size)],
            2.0 * k,
            0.7,
        )
        G.polygon(
            [
                (bx0, by1 + 4 * k),
                (bx1, by1 + 4 * k),
                (bx1 - 0.04 * size, by1 + 0.12 * size),
                (bx0 + 0.04 * size, by1 + 0.12 * size),
            ],
            0.12,
        )
        L.line([(cx - 0.55 * size, by1 + 2 * k), (cx + 0.55 * size, by1 + 2 * k)], 1.0 * k, 0.35)

        self.emit(canvas, S.render(12 * k), pal.fill, 0.5)
        self.emit(canvas, G.render(6 * k), pal.key * 0.5 + 0.5, 0.5)
        self.emit(canvas, L.render(), pal.line, 0.9)
        self.emit(canvas, A.render(), pal.accent, 0.95)

        for sx, sy, ph in self.sparks:
            twinkle = max(0.0, math.sin(t * 1.8 * e + ph)) ** 3
            if twinkle < 0.05:
                continue
            x, y = cam.at(cx + sx * size, cy + sy * size, 1.15)
            row = int(min(self.h - 1, max(0, y)))
            self.spark.stamp(
                canvas, x, y, pal.particle, twinkle * float(self.calm[row]), paint=not pal.emissive
            )
