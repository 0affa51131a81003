"""Any product: a floating hero object over a podium, wrapped in flowing lines of light.

The designed fallback when the category names no specific motif. A bundle of parallel
wave lines flows across the frame behind a podium; above it floats a generic product
(an orb, a package or a can, by variant) that turns slowly, circled by an orbit ring,
with a soft pool of light on the podium that breathes with the hover.
"""

from __future__ import annotations

import math

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.design import Camera
from pipeline.providers.motion.layers import SoftLayer, VectorLayer
from pipeline.providers.motion.motif_base import Motif, ellipse


class FlowMotif(Motif):
    """Wave-line bundle, podium, floating generic product with an orbit ring."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        w, h, calm = self.w, self.h, self.calm
        self.lines = VectorLayer(w, h, ss=2, calm=calm)
        self.accent = VectorLayer(w, h, ss=2, calm=calm)
        self.waves = SoftLayer(w, h, factor=2, calm=calm)
        self.soft = SoftLayer(w, h, factor=4, calm=calm)
        rng = self.rng
        self.phase = float(rng.uniform(0, 6.3))
        self.tilt = float(rng.uniform(-0.35, 0.35))
        self.band = float(rng.choice([-0.28, 0.3]))
        self.count = int(9 + 5 * self.d.beat.density)

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Draw the waves, the podium and the floating product at ``t``."""
        k, e, pal, d = self.k, self.d.energy, self.pal, self.d
        L, A, W, S = self.lines, self.accent, self.waves, self.soft
        cx, cy = self.anchor(cam)

        # Flowing wave bundle (depth 0.7): lines share a wave but spread and phase apart.
        base_y = cy + self.band * self.h
        for i in range(self.count):
            f = i / (self.count - 1)
            pts = []
            for j in range(15):
                v = j / 14
                x = -0.1 * self.w + v * 1.2 * self.w
                y = (
                    base_y
                    + (v - 0.5) * self.tilt * self.h
                    + math.sin(v * 3.4 + self.phase + t * 0.7 * e + f * 1.3) * (50 + 40 * f) * k
                    + (f - 0.5) * 90 * k * (1.0 + 0.5 * math.sin(v * 2.0 + t * 0.4))
                )
                pts.append(cam.at(x, y, 0.7))
            W.line(pts, (1.4 + 1.2 * (i % 3 == 0)) * k, 0.35 + 0.45 * math.sin(math.pi * f))

        size = 300 * k * cam.size() * d.beat.scale
        cx = self.keep_inside(cx, size * 0.62)
        enter = easing.ease_out_cubic(t / 1.0)
        hover = math.sin(t * 1.3 * e) * 8 * k
        # Podium: a top ellipse, sides and a rim of accent light.
        py = cy + 0.45 * size
        top = ellipse(cx, py, 0.6 * size, 0.11 * size, 40)
        S.polygon(top, 0.6)
        L.line(top + top[:1], 2.0 * k, 0.9)
        L.line([(cx - 0.6 * size, py), (cx - 0.6 * size, py + 0.22 * size)], 1.6 * k, 0.6)
        L.line([(cx + 0.6 * size, py), (cx + 0.6 * size, py + 0.22 * size)], 1.6 * k, 0.6)
        front = [
            p
            for p in ellipse(cx, py + 0.22 * size, 0.6 * size, 0.11 * size, 40)
            if p[1] >= py + 0.22 * size - 1e-6
        ]
        L.line(sorted(front), 1.6 * k, 0.6)
        A.line(sorted(p for p in top if p[1] >= py), 3.0 * k, 0.6)
        S.disc(cx, py, (0.32 + 0.04 * math.sin(t * 1.3 * e)) * size, 0.5)

        oy = cy - 0.12 * size + hover + (1.0 - enter) * 60 * k
        turn = t * 0.6 * e
        if d.product_shape == 0:  # an orb with a rim light and a turning meridian
            r = 0.3 * size
            S.disc(cx, oy, r * 1.05, 0.7)
            L.circle(cx, oy, r, 2.4 * k, 1.0)
            rx = abs(math.cos(turn)) * r
            meridian = ellipse(cx, oy, max(rx, 1.0), r, 40)
            L.line(meridian + meridian[:1], 1.2 * k, 0.5)
            A.arc(cx, oy, r * 0.82, 200, 250, 5 * k, 0.9)
        elif d.product_shape == 1:  # a package with a label band
            bw, bh = 0.42 * size, 0.52 * size
            L.rounded_rect(
                cx - bw / 2,
                oy - bh / 2,
                cx + bw / 2,
                oy + bh / 2,
                0.04 * size,
                outline=1.0,
                width=2.4 * k,
            )
            S.polygon(
                [
                    (cx - bw / 2, oy - bh / 2),
                    (cx + bw / 2, oy - bh / 2),
                    (cx + bw / 2, oy + bh / 2),
                    (cx - bw / 2, oy + bh / 2),
                ],
                0.5,
            )
            A.rounded_rect(
                cx - bw / 2, oy - 0.06 * size, cx + bw / 2, oy + 0.06 * size, 0.01 * size, fill=0.7
            )
            shine = cx - bw / 2 + bw * ((t * 0.3 * e) % 1.0)
            L.line([(shine, oy - bh / 2 + 4 * k), (shine, oy + bh / 2 - 4 * k)], 1.2 * k, 0.4)
        else:  # a can: cylinder with elliptic ends
            cw, ch = 0.36 * size, 0.6 * size
            topc = ellipse(cx, oy - ch / 2, cw / 2, 0.05 * size, 32)
            L.line(topc + topc[:1], 2.0 * k, 1.0)
            L.line([(cx - cw / 2, oy - ch / 2), (cx - cw / 2, oy + ch / 2)], 2.4 * k, 1.0)
            L.line([(cx + cw / 2, oy - ch / 2), (cx + cw / 2, oy + ch / 2)], 2.4 * k, 1.0)
            bottom = [
                p
                for p in ellipse(cx, oy + ch / 2, cw / 2, 0.05 * size, 32)
                if p[1] >= oy + ch / 2 - 1e-6
            ]
            L.line(sorted(bottom), 2.4 * k, 1.0)
            S.polygon(
                [
                    (cx - cw / 2, oy - ch / 2),
                    (cx + cw / 2, oy - ch / 2),
                    (cx + cw / 2, oy + ch / 2),
                    (cx - cw / 2, oy + ch / 2),
                ],
                0.5,
            )
            stripe = oy + math.sin(turn) * 0.05 * size
            A.line([(cx - cw / 2, stripe), (cx + cw / 2, stripe + 0.03 * size)], 8 * k, 0.8)
        # An orbit ring around the product, tilted, with a bright bead running on it.
        ring = ellipse(cx, oy, 0.55 * size, 0.12 * size, 48)
        L.line(ring + ring[:1], 1.2 * k, 0.45)
        a = turn * 1.5
        A.circle(cx + math.cos(a) * 0.55 * size, oy + math.sin(a) * 0.12 * size, 4 * k, 0, 1.0)

        self.emit(canvas, W.render(1.5 * k), pal.line, 0.8)
        self.emit(canvas, S.render(14 * k), pal.fill, 0.55)
        self.emit(canvas, L.render(), pal.line, 0.9)
        self.emit(canvas, A.render(), pal.accent, 1.0)
