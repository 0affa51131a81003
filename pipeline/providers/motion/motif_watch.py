"""Watch / jewellery: a dial of rotating rings, ticks and a sweeping second hand.

Concentric rings turn at different speeds and directions (minute ticks, a bezel of hour
marks, segmented arcs), a minute hand creeps, a second hand sweeps with a soft conic trail
of accent light, glints travel the outer ring, and a huge faint ring in the background
turns the other way for depth.
"""

from __future__ import annotations

import math

from pipeline.providers.motion.canvas import Canvas, SpriteBank, sparkle
from pipeline.providers.motion.design import Camera, camera_at
from pipeline.providers.motion.layers import SoftLayer, VectorLayer
from pipeline.providers.motion.motif_base import Motif


class WatchMotif(Motif):
    """Rotating rings, clock-hand sweeps, travelling glints."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        w, h, calm = self.w, self.h, self.calm
        self.lines = VectorLayer(w, h, ss=2, calm=calm)
        self.accent = VectorLayer(w, h, ss=2, calm=calm)
        self.glow = SoftLayer(w, h, factor=4, calm=calm)
        self.glint = SpriteBank(sparkle(9 * self.k), 9 * self.k)
        rng = self.rng
        self.spin = 1.0 if rng.random() < 0.5 else -1.0
        self.start = float(rng.uniform(0, 360))
        self.hand_start = float(rng.uniform(0, 360))
        self.arcs = [(float(rng.uniform(0, 360)), float(rng.uniform(35, 85))) for _ in range(3)]
        self.glints = [float(rng.uniform(0, 360)) for _ in range(3)]
        self.back_offset = (float(rng.uniform(-0.3, 0.3)), float(rng.choice([-0.25, 0.3])))
        self.shift_x = self._fit_shift()

    def dial_radius(self, cam: Camera) -> float:
        """The dial's outer ring radius in px for ``cam``."""
        return 205 * self.k * cam.size() * self.d.beat.scale

    def _fit_shift(self) -> float:
        """A constant sideways shift that keeps the whole dial (bezel dots and glow ring
        included) in frame for the clip's whole camera move; a dial cut by the frame edge
        reads as a mistake. Constant, so the motion stays as smooth as the camera's."""
        lo, hi = math.inf, -math.inf
        for i in range(17):
            cam = camera_at(self.d, self.d.duration_s * i / 16, self.w, self.h)
            cx, _ = self.anchor(cam)
            half = self.dial_radius(cam) * 1.12
            lo, hi = min(lo, cx - half), max(hi, cx + half)
        margin = 10 * self.k
        if hi - lo > self.w - 2 * margin:  # too big to fit (a punch-in): keep it centred
            return self.w / 2 - (lo + hi) / 2
        return max(0.0, margin - lo) - max(0.0, hi - (self.w - margin))

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Draw the dial at ``t``."""
        k, e, pal = self.k, self.d.energy, self.pal
        cx, cy = self.anchor(cam)
        cx += self.shift_x
        scale = cam.size() * self.d.beat.scale
        R = self.dial_radius(cam)
        L, A, G = self.lines, self.accent, self.glow
        spin = self.spin
        dim = 0.75 if self.d.variant == 2 else 1.0

        # Background ring, far away and turning the other way: parallax depth.
        bx, by = cam.at(
            self.w * (0.5 + self.back_offset[0]), self.h * (0.5 + self.back_offset[1]), 0.6
        )
        BR = 420 * k * cam.size(0.6)
        rot_b = self.start - spin * 4 * e * t
        L.circle(bx, by, BR, 1.0 * k, 0.22)
        for i in range(0, 360, 6):
            a = math.radians(rot_b + i)
            r0 = BR * (0.95 if i % 30 else 0.91)
            L.line(
                [
                    (bx + math.cos(a) * r0, by + math.sin(a) * r0),
                    (bx + math.cos(a) * BR, by + math.sin(a) * BR),
                ],
                1.0 * k,
                0.18,
            )

        # Outer ring with minute and hour ticks, turning slowly.
        rot = self.start + spin * 7 * e * t
        L.circle(cx, cy, R, 1.6 * k, 0.95 * dim)
        L.circle(cx, cy, R * 0.86, 0.8 * k, 0.45 * dim)
        for i in range(60):
            a = math.radians(rot + i * 6)
            hour = i % 5 == 0
            r0 = R * (0.87 if hour else 0.91)
            r1 = R * 0.965
            ca, sa = math.cos(a), math.sin(a)
            L.line(
                [(cx + ca * r0, cy + sa * r0), (cx + ca * r1, cy + sa * r1)],
                (2.4 if hour else 1.0) * k,
                (0.95 if hour else 0.55) * dim,
            )
        # Bezel dots of accent outside the ring, turning the other way.
        for i in range(12):
            a = math.radians(-rot * 0.6 + i * 30 + 15)
            A.circle(
                cx + math.cos(a) * R * 1.07, cy + math.sin(a) * R * 1.07, 2.4 * k * scale, 0, 0.9
            )

        # Segmented arcs on a middle ring, counter-rotating faster.
        for j, (a0, span) in enumerate(self.arcs):
            start = a0 - spin * (22 + 9 * j) * e * t
            L.arc(cx, cy, R * 0.70, start, start + span, 3.0 * k, 0.55)
        L.circle(cx, cy, R * 0.56, 0.9 * k, 0.4)
        for i in range(48):
            a = math.radians(rot * 1.5 + i * 7.5)
            L.circle(cx + math.cos(a) * R * 0.50, cy + math.sin(a) * R * 0.50, 1.1 * k, 0, 0.5)

        # Minute hand creeps, second hand sweeps with a trail of light.
        m_ang = math.radians(self.hand_start + 10 * e * t)
        L.line(
            [
                (cx - math.cos(m_ang) * R * 0.08, cy - math.sin(m_ang) * R * 0.08),
                (cx + math.cos(m_ang) * R * 0.62, cy + math.sin(m_ang) * R * 0.62),
            ],
            4.0 * k,
            0.9,
        )
        s_deg = self.hand_start * 2 + 48 * e * t
        s_ang = math.radians(s_deg)
        tip = (cx + math.cos(s_ang) * R * 0.93, cy + math.sin(s_ang) * R * 0.93)
        A.line(
            [(cx - math.cos(s_ang) * R * 0.2, cy - math.sin(s_ang) * R * 0.2), tip], 1.4 * k, 1.0
        )
        A.circle(cx, cy, 6.5 * k * scale, 0, 1.0)
        L.circle(cx, cy, 2.5 * k * scale, 0, 0.0)
        for j in range(10):
            start = s_deg - 4 * (j + 1)
            G.polygon(self._wedge(cx, cy, R * 0.92, start, start + 4.5), 0.55 * (1 - j / 10) ** 2)
        G.ring(cx, cy, R, 10 * k, 0.35)

        self.emit(canvas, G.render(9 * k), pal.accent, 0.55)
        self.emit(canvas, L.render(), pal.line, 0.9)
        self.emit(canvas, A.render(), pal.accent, 1.0)

        # Glints running round the outer ring.
        for j, g0 in enumerate(self.glints):
            a = math.radians(g0 + spin * 20 * e * t + j * 7)
            twinkle = max(0.0, math.sin(t * 2.2 + j * 2.1))
            if twinkle > 0.05:
                gx, gy = cx + math.cos(a) * R, cy + math.sin(a) * R
                row = int(min(self.h - 1, max(0, gy)))
                self.glint.stamp(
                    canvas,
                    gx,
                    gy,
                    pal.particle,
                    twinkle * float(self.calm[row]),
                    paint=not pal.emissive,
                )

    @staticmethod
    def _wedge(cx: float, cy: float, r: float, a0: float, a1: float) -> list[tuple[float, float]]:
        pts = [(cx, cy)]
        for i in range(4):
            a = math.radians(a0 + (a1 - a0) * i / 3)
            pts.append((cx + math.cos(a) * r, cy + math.sin(a) * r))
        return pts
