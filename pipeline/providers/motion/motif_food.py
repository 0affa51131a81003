"""Coffee / food / drinks: a cup with rising steam and drifting beans, or a cold glass.

Three treatments, chosen by the design: a cup in profile on its saucer with wisps of steam
curling up; the same cup seen from above with a slowly turning latte swirl; and, for cold
drinks, a tall glass with ice and bubbles rising through it. Beans (or droplets for cold
drinks) drift around at several depths for parallax.
"""

from __future__ import annotations

import math

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas, SpriteBank, ring
from pipeline.providers.motion.design import Camera
from pipeline.providers.motion.layers import SoftLayer, VectorLayer
from pipeline.providers.motion.motif_base import Motif, ellipse, place


class FoodMotif(Motif):
    """Cup and steam, top-down latte swirl, or a cold glass with bubbles."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        w, h, calm = self.w, self.h, self.calm
        self.lines = VectorLayer(w, h, ss=2, calm=calm)
        self.accent = VectorLayer(w, h, ss=2, calm=calm)
        self.fill = SoftLayer(w, h, factor=4, calm=calm)
        self.steam = SoftLayer(w, h, factor=4, calm=calm)
        rng = self.rng
        d = self.d
        self.mode = "cold" if d.cold else ("top" if d.variant == 1 else "side")
        self.bubble = SpriteBank(ring(5 * self.k, 1.1 * self.k, highlight=0.8), 7 * self.k)
        self.wisps = [
            (float(rng.uniform(-0.12, 0.12)), float(rng.uniform(0, 6.3))) for _ in range(3)
        ]
        n = int(7 * d.beat.density) + 2
        self.beans = [
            (
                float(rng.uniform(-0.45, 0.45)),  # x (fraction of width from the anchor)
                float(rng.uniform(-0.42, 0.42)),  # y (fraction of height)
                float(rng.uniform(0.55, 1.4)),  # depth
                float(rng.uniform(0, 6.3)),  # spin phase
                float(rng.uniform(-0.6, 0.6)),  # spin speed
            )
            for _ in range(n)
        ]
        self.bubbles = [
            (float(rng.uniform(-0.8, 0.8)), float(rng.uniform(0, 1)), float(rng.uniform(0.5, 1.3)))
            for _ in range(int(22 * d.beat.density))
        ]

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Draw the drifting beans, the vessel and its steam or bubbles at ``t``."""
        k, pal, d = self.k, self.pal, self.d
        cx, cy = self.anchor(cam)
        size = 300 * k * cam.size() * d.beat.scale
        rise = easing.ease_out_cubic(t / 1.2)
        cy += (1.0 - rise) * 40 * k
        self._beans(t, cam, size)
        if self.mode == "side":
            self._side(t, cx, cy, size)
        elif self.mode == "top":
            self._top(t, cx, cy, size)
        else:
            self._cold(canvas, t, cx, cy, size)
        self.emit(canvas, self.fill.render(14 * k), pal.fill, 0.5)
        self.emit(canvas, self.steam.render(7 * k), pal.key * 0.5 + 0.5, 0.55)
        self.emit(canvas, self.lines.render(), pal.line, 0.9)
        self.emit(canvas, self.accent.render(), pal.accent, 0.95)

    def _beans(self, t: float, cam: Camera, size: float) -> None:
        k, e = self.k, self.d.energy
        ax, ay = self.d.anchor
        for bx, by, depth, phase, spin in self.beans:
            x = self.w * (ax + bx) + math.sin(t * 0.5 * e + phase) * 12 * k
            y = self.h * (ay + by) - t * 10 * k * e * depth
            sx, sy = cam.at(x, y, depth)
            r = 24 * k * cam.size(depth) * (0.6 + 0.5 * depth)
            ang = phase + spin * t * e
            if self.d.cold:
                self.steam.disc(sx, sy, r * 0.5, 0.4 * min(1.0, depth))
                self.lines.circle(sx, sy, r * 0.5, 1.0 * k, 0.5)
                continue
            self.fill.polygon(place(_BEAN, sx, sy, r, ang), 0.8 * min(1.0, depth))
            self.lines.line(place(_BEAN + _BEAN[:1], sx, sy, r, ang), 1.2 * k, 0.6)
            self.lines.line(place(_CREASE, sx, sy, r, ang), 1.2 * k, 0.55)

    def _side(self, t: float, cx: float, cy: float, size: float) -> None:
        k, e = self.k, self.d.energy
        L, A, F, S = self.lines, self.accent, self.fill, self.steam
        rim_y = cy - 0.2 * size
        saucer = ellipse(cx, cy + 0.27 * size, 0.55 * size, 0.08 * size, 40)
        F.polygon(saucer, 0.5)
        L.line(saucer + saucer[:1], 1.6 * k, 0.7)
        body = [(cx - 0.33 * size, rim_y)]
        for i in range(21):
            a = math.pi * i / 20
            body.append(
                (
                    cx - 0.33 * size * math.cos(a) * (1.0 - 0.12 * math.sin(a)),
                    rim_y + 0.42 * size * math.sin(a) ** 0.55,
                )
            )
        body.append((cx + 0.33 * size, rim_y))
        F.polygon(body, 0.75)
        L.line(body, 2.4 * k, 0.95)
        rim = ellipse(cx, rim_y, 0.33 * size, 0.06 * size, 36)
        A.polygon(ellipse(cx, rim_y + 0.005 * size, 0.3 * size, 0.045 * size, 30), 0.45)
        L.line(rim + rim[:1], 2.0 * k, 1.0)
        L.arc(cx + 0.36 * size, cy - 0.03 * size, 0.11 * size, -80, 95, 4.0 * k, 0.9)
        # Steam: curling wisps that grow wider and fainter as they rise.
        for x0, phase in self.wisps:
            pts = []
            for j in range(14):
                v = j / 13
                y = rim_y - 0.05 * size - v * 0.85 * size
                amp = (0.03 + 0.12 * v) * size
                x = cx + x0 * size + amp * math.sin(v * 5.0 - t * 1.6 * e + phase)
                pts.append((x, y))
            S.line(pts, 10 * k, 0.75)
            S.line(pts[:7], 16 * k, 0.35)

    def _top(self, t: float, cx: float, cy: float, size: float) -> None:
        k, e = self.k, self.d.energy
        L, A, F, S = self.lines, self.accent, self.fill, self.steam
        turn = t * 0.35 * e
        F.disc(cx, cy, 0.62 * size, 0.45)
        L.circle(cx, cy, 0.62 * size, 1.6 * k, 0.6)
        L.circle(cx, cy, 0.42 * size, 3.0 * k, 1.0)
        A.circle(cx, cy, 0.38 * size, 0, 0.3)
        L.arc(cx, cy, 0.5 * size, math.degrees(turn) + 10, math.degrees(turn) + 55, 7 * k, 0.8)
        # Latte art: a heart-like spiral of foam that slowly turns.
        for arm in range(2):
            pts = []
            for j in range(26):
                v = j / 25
                a = turn + arm * math.pi + v * 3.6
                r = 0.33 * size * (1 - v) ** 0.9
                pts.append((cx + math.cos(a) * r, cy + math.sin(a) * r * 0.92))
            L.line(pts, 3.0 * k * (1.0 - 0.3 * arm), 0.85)
        S.ring(cx, cy, 0.45 * size, 14 * k, 0.5 + 0.2 * math.sin(t * 2))

    def _cold(self, canvas: Canvas, t: float, cx: float, cy: float, size: float) -> None:
        k, e, pal = self.k, self.d.energy, self.pal
        L, A, F, S = self.lines, self.accent, self.fill, self.steam
        top, bottom = cy - 0.55 * size, cy + 0.45 * size
        glass = [
            (cx - 0.3 * size, top),
            (cx - 0.24 * size, bottom),
            (cx + 0.24 * size, bottom),
            (cx + 0.3 * size, top),
        ]
        level = top + 0.22 * size + 0.02 * size * math.sin(t * 1.3)
        liquid = [
            (cx - 0.287 * size, level),
            (cx - 0.24 * size, bottom - 2 * k),
            (cx + 0.24 * size, bottom - 2 * k),
            (cx + 0.287 * size, level),
        ]
        A.polygon(liquid, 0.35)
        F.polygon(liquid, 0.6)
        L.line(glass, 2.4 * k, 0.95)
        L.line([(cx - 0.287 * size, level), (cx + 0.287 * size, level)], 1.6 * k, 0.8)
        S.line(
            [(cx - 0.22 * size, top + 0.1 * size), (cx - 0.18 * size, bottom - 0.08 * size)],
            8 * k,
            0.6,
        )
        for i in range(3):
            a = t * 0.5 * e + i * 2.1
            ix = cx + (i - 1) * 0.13 * size + math.sin(a) * 0.02 * size
            iy = level + 0.12 * size + i * 0.09 * size
            cube = [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5)]
            L.line(place(cube, ix, iy, 0.14 * size, a * 0.4), 1.6 * k, 0.7)
        straw = place(
            [(0.0, -0.5), (0.0, 0.5)], cx + 0.08 * size, cy - 0.25 * size, 0.9 * size, 0.25
        )
        A.line(straw, 6 * k, 0.85)
        for bx, phase, speed in self.bubbles:
            v = (phase + t * 0.25 * speed * e) % 1.0
            x = cx + bx * 0.22 * size + math.sin(v * 9 + phase * 6) * 4 * k
            y = bottom - 0.05 * size - v * (bottom - level - 0.06 * size)
            row = int(min(self.h - 1, max(0, y)))
            self.bubble.stamp(
                canvas, x, y, pal.particle, 0.7 * float(self.calm[row]), paint=not pal.emissive
            )


_BEAN = [(math.cos(a) * 0.5, math.sin(a) * 0.34) for a in (i * math.pi / 9 for i in range(18))]
_CREASE = [(-0.42, 0.0), (-0.2, -0.07), (0.0, 0.0), (0.2, 0.07), (0.42, 0.0)]
