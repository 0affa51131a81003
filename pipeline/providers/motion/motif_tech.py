"""Tech / apps / software: a phone whose interface builds itself over a drifting network.

Behind, a constellation of nodes linked by thin lines drifts slowly, with pulses of accent
light running along the links. In front, a phone outline floats; inside it interface cards
slide in one after another, then a chart draws itself (a line with a glowing head, or bars
that grow, by variant) and a progress ring fills. Notification cards pop out beside the
phone at a nearer depth, so the camera move gives parallax.
"""

from __future__ import annotations

import math

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas, SpriteBank, gaussian_dot
from pipeline.providers.motion.design import Camera
from pipeline.providers.motion.layers import SoftLayer, VectorLayer
from pipeline.providers.motion.motif_base import Motif


class TechMotif(Motif):
    """Network constellation, phone with a self-building UI, popping notifications."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        w, h, calm = self.w, self.h, self.calm
        self.lines = VectorLayer(w, h, ss=2, calm=calm)
        self.accent = VectorLayer(w, h, ss=2, calm=calm)
        self.net = SoftLayer(w, h, factor=2, calm=calm)
        self.fill = SoftLayer(w, h, factor=4, calm=calm)
        self.dot = SpriteBank(gaussian_dot(2.2 * self.k), 7 * self.k)
        rng = self.rng
        n = int(18 * self.d.beat.density) + 6
        self.nodes = [
            (float(rng.uniform(-0.1, 1.1)), float(rng.uniform(-0.05, 1.05)),
             float(rng.uniform(0, 6.3)))
            for _ in range(n)
        ]  # fmt: skip
        edges = []
        for i, (x, y, _) in enumerate(self.nodes):
            dist = sorted(
                (((x - x2) ** 2 + ((y - y2) * 1.78) ** 2), j)
                for j, (x2, y2, _) in enumerate(self.nodes)
                if j != i
            )
            edges += [(i, j) for _, j in dist[:2] if (j, i) not in edges]
        self.edges = edges
        self.pulses = [(int(rng.integers(len(edges))), float(rng.uniform(0, 1))) for _ in range(5)]
        self.bars = [float(rng.uniform(0.3, 1.0)) for _ in range(5)]
        self.curve = [float(v) for v in rng.uniform(0.1, 0.9, 8)]
        self.notes = [float(rng.uniform(-1, 1)) for _ in range(2)]

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Draw the network, the phone and its interface at ``t``."""
        k, e, pal, d = self.k, self.d.energy, self.pal, self.d
        L, A, N, F = self.lines, self.accent, self.net, self.fill
        u = t / d.duration_s

        # The network sits far back (depth 0.6) and drifts.
        pos = []
        for x, y, ph in self.nodes:
            px = self.w * x + math.sin(t * 0.3 * e + ph) * 10 * k
            py = self.h * y + math.cos(t * 0.25 * e + ph) * 10 * k
            pos.append(cam.at(px, py, 0.6))
        for i, j in self.edges:
            N.line([pos[i], pos[j]], 1.6 * k, 0.35)
        for x, y in pos:
            N.disc(x, y, 2.5 * k, 0.7)
        for edge, phase in self.pulses:
            v = (phase + t * 0.45 * e) % 1.0
            (x0, y0), (x1, y1) = pos[self.edges[edge][0]], pos[self.edges[edge][1]]
            row = int(min(self.h - 1, max(0, y0 + (y1 - y0) * v)))
            self.dot.stamp(
                canvas,
                x0 + (x1 - x0) * v,
                y0 + (y1 - y0) * v,
                pal.accent,
                float(self.calm[row]),
                paint=not pal.emissive,
            )

        # The phone floats; its screen content builds in sequence.
        cx, cy = self.anchor(cam)
        size = 560 * k * cam.size() * d.beat.scale
        cy += math.sin(t * 1.1) * 5 * k + (1.0 - easing.ease_out_cubic(t / 0.8)) * 50 * k
        pw, ph = 0.5 * size, size
        cx = min(max(cx, pw / 2 + 24 * k), self.w - pw / 2 - 24 * k)
        cy = min(max(cy, ph / 2 + 30 * k), self.h - ph / 2 - 30 * k)
        x0, y0, x1, y1 = cx - pw / 2, cy - ph / 2, cx + pw / 2, cy + ph / 2
        F.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], 0.35)
        L.rounded_rect(x0, y0, x1, y1, 0.07 * size, outline=1.0, width=2.6 * k)
        L.rounded_rect(
            cx - 0.06 * size,
            y0 + 0.025 * size,
            cx + 0.06 * size,
            y0 + 0.045 * size,
            0.01 * size,
            fill=0.8,
        )
        m = 0.035 * size
        sx0, sx1 = x0 + m, x1 - m
        top = y0 + 0.08 * size
        for i in range(3):
            v = easing.ease_out_back(easing.window(t, 0.25 + i * 0.3, 0.85 + i * 0.3))
            if v <= 0.0:
                continue
            cy0 = top + i * 0.11 * size + (1.0 - v) * 30 * k
            A.rounded_rect(
                sx0, cy0, sx0 + 0.07 * size, cy0 + 0.07 * size, 0.035 * size, fill=0.8 * min(1.0, v)
            )
            L.rounded_rect(
                sx0 + 0.09 * size,
                cy0 + 0.01 * size,
                sx0 + (0.09 + 0.2 * v) * size,
                cy0 + 0.025 * size,
                0.007 * size,
                fill=0.75 * min(1.0, v),
            )
            L.rounded_rect(
                sx0 + 0.09 * size,
                cy0 + 0.045 * size,
                sx0 + (0.09 + 0.13 * v) * size,
                cy0 + 0.057 * size,
                0.006 * size,
                fill=0.4 * min(1.0, v),
            )
        chart_top, chart_bottom = top + 0.37 * size, top + 0.62 * size
        grow = easing.ease_in_out_cubic(easing.window(t, 1.0, 1.0 + 1.8 / e))
        if d.variant == 1:
            bw = (sx1 - sx0) / (len(self.bars) * 1.6)
            for i, b in enumerate(self.bars):
                g = easing.ease_out_back(easing.window(grow, i * 0.12, 0.5 + i * 0.12))
                bx = sx0 + bw * 0.3 + i * bw * 1.6
                btop = chart_bottom - (chart_bottom - chart_top) * b * g
                if g > 0.01:
                    A.rounded_rect(bx, btop, bx + bw, chart_bottom, bw * 0.25, fill=0.85)
        else:
            pts = [
                (
                    sx0 + (sx1 - sx0) * i / (len(self.curve) - 1),
                    chart_bottom - (chart_bottom - chart_top) * (0.2 + 0.75 * v * (i + 2) / 9),
                )
                for i, v in enumerate(self.curve)
            ]
            upto = grow * (len(pts) - 1)
            n = int(upto)
            if n >= 1 or upto > 0.01:
                part = pts[: n + 1]
                if n < len(pts) - 1:
                    f = upto - n
                    (ax_, ay_), (bx_, by_) = pts[n], pts[n + 1]
                    part.append((ax_ + (bx_ - ax_) * f, ay_ + (by_ - ay_) * f))
                if len(part) >= 2:
                    A.line(part, 3.0 * k, 1.0)
                    F.polygon([*part, (part[-1][0], chart_bottom), (part[0][0], chart_bottom)], 0.6)
                    hx, hy = part[-1]
                    A.circle(hx, hy, 5 * k, 0, 1.0)
                    F.disc(hx, hy, 18 * k, 1.0)
        L.line([(sx0, chart_bottom), (sx1, chart_bottom)], 1.2 * k, 0.5)
        ring_y = top + 0.76 * size
        L.circle(cx, ring_y, 0.07 * size, 2.0 * k, 0.35)
        fill_to = 360 * easing.ease_in_out_cubic(easing.window(u, 0.3, 0.9))
        if fill_to > 1:
            A.arc(cx, ring_y, 0.07 * size, -90, -90 + fill_to, 4.0 * k, 1.0)

        # Notifications pop out beside the phone, nearer the camera.
        for i, side in enumerate(self.notes):
            v = easing.ease_out_back(easing.window(t, 0.9 + i * 1.1, 1.5 + i * 1.1))
            if v <= 0.0:
                continue
            ax, ay = cam.at(d.anchor[0] * self.w, d.anchor[1] * self.h, 1.25)
            nx = ax + (1 if side > 0 else -1) * (0.28 + 0.02 * i) * size
            ny = ay + (-0.22 + 0.3 * i) * size
            nw, nh = 0.36 * size * v, 0.09 * size * v
            nx = min(max(nx, nw / 2 + 10 * k), self.w - nw / 2 - 10 * k)
            F.polygon(
                [
                    (nx - nw / 2, ny - nh / 2),
                    (nx + nw / 2, ny - nh / 2),
                    (nx + nw / 2, ny + nh / 2),
                    (nx - nw / 2, ny + nh / 2),
                ],
                0.9,
            )
            L.rounded_rect(
                nx - nw / 2,
                ny - nh / 2,
                nx + nw / 2,
                ny + nh / 2,
                nh * 0.3,
                outline=0.9,
                width=1.6 * k,
            )
            A.circle(nx - nw / 2 + nh * 0.5, ny, nh * 0.28, 0, 0.9)
            L.rounded_rect(
                nx - nw / 2 + nh, ny - nh * 0.18, nx + nw * 0.3, ny - nh * 0.02, nh * 0.08, fill=0.7
            )

        self.emit(canvas, N.render(1.5 * k), pal.line, 0.45)
        self.emit(canvas, F.render(10 * k), pal.fill, 0.5)
        self.emit(canvas, L.render(), pal.line, 0.9)
        self.emit(canvas, A.render(), pal.accent, 1.0)
