"""Layers every clip shares: background plate and lights, bokeh, light sweep, bursts, finish.

Depth comes from three planes that move differently under the camera: a background plate
(gradient plus soft pools of brand-coloured light) that barely moves, the motif, and
out-of-focus particles in front that move most. Static work (gradient, vignette, the text
band's scrim, grain) is computed once per clip; per frame the plate is a sliced copy.
"""

from __future__ import annotations

import math

import numpy as np

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas, SpriteBank, gaussian_dot, soft_disc
from pipeline.providers.motion.design import Camera, ClipDesign
from pipeline.providers.motion.layers import SoftLayer, VectorLayer

CALM_LEVEL = 0.38  # how much of the motif survives inside the text band
GRAIN_FRAMES = 8


def calm_rows(design: ClipDesign, height: int) -> np.ndarray:
    """Per-row multiplier for graphics: 1 outside the text band, CALM_LEVEL inside it."""
    rows = np.ones(height, dtype=np.float32)
    if design.text_band is None:
        return rows
    y = (np.arange(height, dtype=np.float32) + 0.5) / height
    lo, hi = design.text_band
    edge = 0.09
    inside = np.clip((y - lo + edge) / edge, 0, 1) * np.clip((hi + edge - y) / edge, 0, 1)
    inside = inside * inside * (3 - 2 * inside)
    return (1.0 - (1.0 - CALM_LEVEL) * inside).astype(np.float32)


def finish_plane(design: ClipDesign, width: int, height: int) -> np.ndarray:
    """Vignette times the text-band scrim, times 255 (folds quantization into one multiply)."""
    x = (np.arange(width, dtype=np.float32) + 0.5) / width - 0.5
    y = (np.arange(height, dtype=np.float32) + 0.5) / height - 0.5
    d2 = (x[None, :] * 1.15) ** 2 + (y[:, None] * 0.9) ** 2
    strength = 0.55 if design.palette.emissive else 0.22
    vignette = 1.0 - strength * np.clip(d2 / 0.45, 0, 1) ** 1.5
    if design.text_band is not None and design.palette.emissive:
        scrim = 1.0 - 0.10 * (1.0 - calm_rows(design, height)) / (1.0 - CALM_LEVEL)
        vignette = vignette * scrim[:, None]
    return (vignette * 255.0).astype(np.float32)


def grain_pool(design: ClipDesign, width: int, height: int) -> list[np.ndarray]:
    """Triangular noise planes (+0.5 for rounding): film grain that also dithers gradients."""
    rng = design.rng(11)
    amp = np.float32(design.palette.grain)
    pool = []
    for _ in range(GRAIN_FRAMES):
        noise = rng.random((height, width), dtype=np.float32)
        noise -= rng.random((height, width), dtype=np.float32)
        noise *= amp
        noise += np.float32(0.5)
        pool.append(noise)
    return pool


class Background:
    """A gradient plate with pools of light, larger than the frame, panned by slicing."""

    def __init__(self, design: ClipDesign, width: int, height: int) -> None:
        self.design = design
        self.w, self.h = width, height
        self.m = m = int(0.06 * width) + 2
        pw, ph = width + 2 * m, height + 2 * m
        pal = design.palette
        x = np.arange(pw, dtype=np.float32) - pw / 2
        y = np.arange(ph, dtype=np.float32) - ph / 2
        a = design.gradient_angle
        g = (x[None, :] * math.sin(a) - y[:, None] * math.cos(a)) / (ph / 2)
        g = np.clip(0.5 + 0.5 * g, 0, 1)
        g = g * g * (3 - 2 * g)
        plate = np.empty((3, ph, pw), dtype=np.float32)
        for c in range(3):
            plate[c] = pal.bg_bottom[c] + (pal.bg_top[c] - pal.bg_bottom[c]) * g
        self.plate = plate
        canvas = Canvas(pw, ph)
        canvas.buf = plate
        ax, ay = design.anchor
        rng = design.rng(3)
        # A static pool of key light behind the motif and a rim light in a far corner.
        canvas.blob(
            ax * pw,
            ay * ph - 0.05 * ph,
            0.42 * pw,
            0.22 * ph,
            pal.key,
            0.35,
            paint=not pal.emissive,
        )
        corner_x = pw * (0.1 if ax > 0.5 else 0.9)
        corner_y = ph * float(rng.choice([0.1, 0.9]))
        canvas.blob(corner_x, corner_y, 0.35 * pw, 0.2 * ph, pal.rim, 0.22, paint=not pal.emissive)
        self.breath_phase = float(rng.uniform(0, 1))

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Copy the plate window for this camera and breathe the key light."""
        m = self.m
        ox = round(m - cam.pan_x * 0.25)
        oy = round(m - cam.pan_y * 0.25)
        ox, oy = min(2 * m, max(0, ox)), min(2 * m, max(0, oy))
        np.copyto(canvas.buf, self.plate[:, oy : oy + self.h, ox : ox + self.w])
        pal = self.design.palette
        ax, ay = self.design.anchor
        cx, cy = cam.at(ax * self.w, ay * self.h, 0.5)
        breath = 0.5 + 0.5 * easing.wave(t, 4.0, self.breath_phase)
        gain = (0.10 + 0.08 * breath) * (1.0 if pal.emissive else 0.6)
        canvas.blob(cx, cy, 0.26 * self.w, 0.15 * self.h, pal.glow, gain, paint=not pal.emissive)


class Particles:
    """Out-of-focus bokeh and fine motes drifting in front of the motif (parallax > 1)."""

    RADII = (1.2, 2.2, 4.0, 7.0, 12.0)

    def __init__(self, design: ClipDesign, width: int, height: int, calm: np.ndarray) -> None:
        self.design, self.w, self.h, self.calm = design, width, height, calm
        k = width / 540.0
        self.banks = [
            SpriteBank(gaussian_dot(r * k * 0.6), r * k * 2.2)
            if r < 3
            else SpriteBank(soft_disc(r * k, edge=1.2 + r * 0.12 * k, rim=0.35), r * k + 2)
            for r in self.RADII
        ]
        rng = design.rng(5)
        mood_count = {"calm": 0.8, "luxury": 0.9, "corporate": 0.7, "energetic": 1.2}
        n = int(26 * design.beat.density * mood_count.get(design.mood, 1.0))
        if "bokeh" in design.extras:
            n = int(n * 1.6)
        size = rng.choice(len(self.RADII), size=n, p=[0.34, 0.26, 0.2, 0.13, 0.07])
        angle = math.radians(-90 + rng.uniform(-25, 25))
        speed = 18 * k * design.energy
        self.p = np.stack(
            [
                rng.uniform(0, width, n),
                rng.uniform(0, height, n),
                np.cos(angle) * speed * rng.uniform(0.4, 1.4, n) * (0.5 + size * 0.3),
                np.sin(angle) * speed * rng.uniform(0.4, 1.4, n) * (0.5 + size * 0.3),
                rng.uniform(0, 1, n),  # twinkle phase
                rng.uniform(0.35, 1.0, n),  # brightness
            ],
            axis=1,
        )
        self.size = size
        self.depth = 1.15 + 0.12 * size
        self.colors = [design.palette.particle, design.palette.accent, design.palette.line]
        self.color_of = rng.choice(3, size=n, p=[0.55, 0.3, 0.15])

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Stamp every particle at its position for ``t``."""
        pal = self.design.palette
        pad = 30.0
        for i in range(len(self.size)):
            x0, y0, vx, vy, ph, b = self.p[i]
            x = easing.wrap(x0 + vx * t, -pad, self.w + pad)
            y = easing.wrap(y0 + vy * t, -pad, self.h + pad)
            sx, sy = cam.at(x, y, float(self.depth[i]))
            if not (-pad < sx < self.w + pad and -pad < sy < self.h + pad):
                continue
            row = int(min(self.h - 1, max(0, sy)))
            s = int(self.size[i])
            twinkle = 0.7 + 0.3 * math.sin(2 * math.pi * (t * 0.6 + ph))
            gain = b * twinkle * float(self.calm[row]) * (0.55 if s >= 3 else 0.9)
            color = self.colors[int(self.color_of[i])]
            self.banks[s].stamp(
                canvas, sx, sy, color, gain * (1.0 if pal.emissive else 0.7), paint=not pal.emissive
            )


class Effects:
    """Beat accents: a light sweep across the frame, an opening burst, a call-to-action pulse."""

    def __init__(self, design: ClipDesign, width: int, height: int, calm: np.ndarray) -> None:
        self.design, self.w, self.h = design, width, height
        self.sweep = design.beat.sweep or "sweep" in design.extras
        self.burst = design.beat.burst
        self.vec = VectorLayer(width, height, ss=2, calm=calm)
        self.soft = SoftLayer(width, height, factor=4, calm=calm)
        if self.sweep:
            a = math.radians(-28 if design.mirror else 28)
            x = np.arange(width, dtype=np.float32) * math.cos(a)
            y = np.arange(height, dtype=np.float32) * math.sin(a)
            self.proj = (x[None, :] + y[:, None]).astype(np.float32)
            self.proj_range = (float(self.proj.min()), float(self.proj.max()))
            self._tmp = np.empty((height, width), dtype=np.float32)

    def draw(self, canvas: Canvas, t: float, cam: Camera) -> None:
        """Draw whichever accents are active at ``t``."""
        pal = self.design.palette
        u = t / self.design.duration_s
        if self.sweep:
            w = easing.window(u, 0.25, 0.75)
            if 0.0 < w < 1.0:
                lo, hi = self.proj_range
                pos = lo - 80 + (hi - lo + 160) * easing.ease_in_out_cubic(w)
                band = self._tmp
                np.subtract(self.proj, np.float32(pos), out=band)
                band *= np.float32(1.0 / (40.0 * self.w / 540.0))
                np.square(band, out=band)
                np.negative(band, out=band)
                np.exp(band, out=band)
                color = pal.key * 0.4 + 0.6 if pal.emissive else pal.key
                canvas.add(band, color, gain=0.16) if pal.emissive else canvas.over(
                    band, color, gain=0.3
                )
        if not self.burst:
            return
        ax, ay = self.design.anchor
        cx, cy = cam.at(ax * self.w, ay * self.h, 1.0)
        k = self.w / 540.0 * cam.size()
        if self.design.scene_type == "attention":
            for j in range(3):
                v = easing.window(t, 0.05 + j * 0.12, 0.9 + j * 0.12)
                if 0.0 < v < 1.0:
                    r = (30 + 300 * easing.ease_out_expo(v)) * k
                    fade = (1.0 - v) ** 2
                    self.vec.circle(cx, cy, r, (3.0 - j) * k, 0.9 * fade)
                    self.soft.ring(cx, cy, r, 14 * k, 0.7 * fade)
        else:
            period = 1.6
            v = (t % period) / period
            r = (60 + 200 * easing.ease_out_cubic(v)) * k
            fade = (1.0 - v) ** 1.5
            self.vec.circle(cx, cy, r, 2.0 * k, 0.7 * fade)
            self.soft.ring(cx, cy, r, 12 * k, 0.5 * fade)
        for layer, blur, gain in ((self.soft, 10.0, 0.5), (self.vec, 0.0, 1.0)):
            out = layer.render(blur) if isinstance(layer, SoftLayer) else layer.render()
            if out is not None:
                f, y0, x0 = out
                if pal.emissive:
                    canvas.add(f, pal.accent, y0, x0, gain)
                else:
                    canvas.over(f, pal.accent, y0, x0, gain * 0.8)
