"""Sport / shoes / speed: a line-drawn sneaker in profile riding on streaks of speed.

The sneaker (an abstract outline: sole, midsole stripe, side curve, laces) hovers over a
soft ground shadow, tilts a little as it "runs" and, in an attention beat, dashes in with
ghost trails. Speed streaks at three depths rush past the other way; a variant adds
pulsing chevrons. Directions follow ``design.mirror``.
"""

from __future__ import annotations

import math

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.design import Camera
from pipeline.providers.motion.layers import SoftLayer, VectorLayer
from pipeline.providers.motion.motif_base import Motif, ellipse, place

# Profile in a unit box, heel at the left, toe at the right, y down; centred near (0, 0).
_UPPER = [
    (-0.48, 0.10), (-0.50, -0.02), (-0.47, -0.14), (-0.40, -0.18), (-0.32, -0.14),
    (-0.24, -0.11), (-0.17, -0.15), (-0.12, -0.24), (-0.06, -0.25), (-0.02, -0.18),
    (0.06, -0.10), (0.20, -0.05), (0.32, -0.02), (0.42, 0.0), (0.49, 0.03), (0.52, 0.08),
]  # fmt: skip
_SOLE = [(-0.51, 0.09), (0.52, 0.08), (0.54, 0.11), (0.49, 0.155), (-0.46, 0.16), (-0.52, 0.135)]
_STRIPE = [(-0.32, 0.06), (-0.16, 0.03), (0.0, -0.01), (0.12, -0.06), (0.18, -0.09)]


class SportMotif(Motif):
    """Sneaker outline, ground shadow, speed streaks, chevrons."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        w, h, calm = self.w, self.h, self.calm
        self.lines = VectorLayer(w, h, ss=2, calm=calm)
        self.accent = VectorLayer(w, h, ss=2, calm=calm)
        self.soft = SoftLayer(w, h, factor=4, calm=calm)
        self.streak = SoftLayer(w, h, factor=2, calm=calm)
        self.body = SoftLayer(w, h, factor=4, calm=calm)
        rng = self.rng
        n = int(16 * self.d.beat.density) + 4
        self.streaks = [
            (
                float(rng.uniform(-0.45, 0.45)),  # y offset (fraction of height)
                float(rng.uniform(0.12, 0.45)),  # length (fraction of width)
                float(rng.uniform(0.5, 1.5)),  # speed factor
                float(rng.uniform(0, 1)),  # phase
                int(rng.choice(3, p=[0.5, 0.35, 0.15])),  # depth layer: far, mid, near
            )
            for _ in range(n)
        ]
        self.dash = self.d.scene_type in ("attention", "solution", "after") or self.d.variant == 0
        self.chevrons = self.d.variant == 2 or self.d.scene_type in ("action", "cta")
        self.tilt0 = math.radians(float(rng.uniform(-9, -4)))

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Draw streaks, then the sneaker, then the accents, at ``t``."""
        k, e, pal, d = self.k, self.d.energy, self.pal, self.d
        mirror = d.mirror
        way = -1.0 if mirror else 1.0  # the direction the toe points
        L, A, S, B, T = self.lines, self.accent, self.soft, self.body, self.streak
        u = t / d.duration_s

        # Speed streaks rush against the toe; near ones are longer, faster and blurred.
        for y_off, length, speed, phase, depth in self.streaks:
            z = (0.7, 1.0, 1.35)[depth]
            span = self.w * (1.0 + length) + 80 * k
            travel = (phase + speed * e * 0.55 * z * t) % 1.0
            x_head = self.w + 40 * k - travel * span
            if mirror:
                x_head = self.w - x_head
            y = self.h * (d.anchor[1] + y_off * 0.8)
            x_tail = x_head + way * length * self.w * z
            p0, p1 = cam.at(x_head, y, z), cam.at(x_tail, y, z)
            mid = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
            value = (0.3, 0.5, 0.65)[depth]
            if depth == 2:
                S.line([p0, p1], 7 * k, 0.5)
            T.line([p0, mid], (1.5 + 1.0 * depth) * k, value)
            T.line([mid, p1], (1.2 + 0.6 * depth) * k, value * 0.45)

        # The sneaker: dash in (with ghosts) or glide in gently, then hover and tilt.
        cx, cy = self.anchor(cam)
        size = 370 * k * cam.size() * d.beat.scale
        cx = min(max(cx, size * 0.58), self.w - size * 0.58)
        enter = easing.ease_out_expo(u / 0.4) if self.dash else easing.ease_out_cubic(u / 0.6)
        offset = (1.0 - enter) * (0.9 if self.dash else 0.18) * self.w
        bob = math.sin(2 * math.pi * t * 0.9 * e) * 6 * k
        tilt = (self.tilt0 + math.radians(2.5) * math.sin(2 * math.pi * t * 0.9 * e + 0.8)) * way
        sx, sy = cx - way * offset, cy + bob
        lift = 0.5 + 0.5 * math.sin(2 * math.pi * t * 0.9 * e)
        shadow = ellipse(
            cx - way * offset * 0.5, cy + size * 0.3, size * (0.42 - 0.04 * lift), size * 0.035
        )
        B.polygon(shadow, 0.8)
        ghosts = 3 if self.dash and enter < 0.97 else 0
        for g in range(ghosts, -1, -1):
            gx = sx - way * g * 0.1 * size * (1.0 - enter) * 3
            fade = 1.0 if g == 0 else 0.35 / g
            upper = place(_UPPER, gx, sy, size, tilt, mirror)
            sole = place(_SOLE, gx, sy, size, tilt, mirror)
            if g == 0:
                B.polygon(upper + sole[1:3], 0.55)
                A.polygon(sole, 0.45)
                A.line(sole + sole[:1], 1.8 * k, 0.95)
                L.line(place(_STRIPE, gx, sy, size, tilt, mirror), 3.2 * k, 1.0)
                for i in range(5):
                    a = -0.13 + i * 0.045
                    lace = [(a, -0.20 + i * 0.028), (a + 0.06, -0.13 + i * 0.028)]
                    L.line(place(lace, gx, sy, size, tilt, mirror), 1.6 * k, 0.8)
                midsole = [(-0.50, 0.125), (0.51, 0.115)]
                L.line(place(midsole, gx, sy, size, tilt, mirror), 1.0 * k, 0.5)
            L.line(upper, 2.2 * k, 0.95 * fade)
            S.line(upper, 10 * k, 0.35 * fade)

        if self.chevrons:
            for i in range(3):
                pulse = easing.bell((t * 1.2 * e - i * 0.18) % 1.0, 0.0, 0.7)
                if pulse <= 0.02:
                    continue
                hx, hy = cx + way * (i - 1) * 30 * k, cy + size * 0.48
                c = [
                    (hx - way * 10 * k, hy - 16 * k),
                    (hx + way * 6 * k, hy),
                    (hx - way * 10 * k, hy + 16 * k),
                ]
                A.line(c, 3.0 * k, 0.9 * pulse)

        self.emit(canvas, B.render(18 * k), pal.fill, 0.55)
        self.emit(canvas, T.render(1.2 * k), pal.line, 0.8)
        self.emit(canvas, S.render(8 * k), pal.glow, 0.6)
        self.emit(canvas, L.render(), pal.line, 0.9)
        self.emit(canvas, A.render(), pal.accent, 0.95)
