"""Scene templates, continued: before/after split, offer badge, quote card, end card."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.compose import (
    burst,
    cross,
    from_image,
    icon_image,
    paste,
    paste_centered,
    rounded,
    scaled,
    star,
    tick,
    words,
)
from pipeline.providers.motion.factplan import lead_figure
from pipeline.providers.motion.look import tone
from pipeline.providers.motion.scenes import SceneDesign
from pipeline.providers.motion.templates import Template, best_ink, legible_icon


def _grey(image: Image.Image) -> Image.Image:
    alpha = image.getchannel("A")
    out = image.convert("L").point(lambda v: int(v * 0.75)).convert("RGBA")
    out.putalpha(alpha)
    return out


class Split(Template):
    """Before/after: a dim, grey 'before' half gives way to the brand's 'after' half."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        self.before = tone(design.look.field, 0.16, max_sat=0.12)
        super().__init__(design, width, height)
        px = int(min(0.36 * width, 0.6 * self.zone_h))
        hero = icon_image(design.objects[0].name, px)
        self.after_img = from_image(hero)
        self.before_img = from_image(_grey(hero))
        badge = int(px * 0.34)
        self.no = from_image(
            cross(badge, np.array([0.85, 0.2, 0.2], np.float32), np.ones(3, np.float32))
        )
        self.yes = from_image(tick(badge, self.look.accent, self.look.on_accent))
        self.line = best_ink(self.look.field)

    def _divider(self, t: float) -> float:
        return self.w * (1.0 - 0.5 * easing.ease_in_out_cubic(self.u(t, 0.35, 0.8)))

    def draw(self, canvas: Canvas, t: float) -> None:
        x = int(self._divider(t))
        y0, y1 = int(self.zone[0] - 0.02 * self.h), int(self.zone[1] + 0.02 * self.h)
        y0, y1 = max(0, y0), min(self.h, y1)
        for c in range(3):
            canvas.buf[c, y0:y1, :x] = float(self.before[c])
        cy = self.zone_mid
        left = min(x / 2, self.w / 4) if x < self.w else self.w / 2
        paste_centered(canvas, self.before_img, left, cy)
        bw = self.no.size[0]
        paste_centered(canvas, self.no, left + bw * 1.1, cy + bw * 1.1)
        if x < self.w:
            for c in range(3):
                canvas.buf[c, y0:y1, max(0, x - 2) : x + 2] = float(self.line[c])
            right = x + (self.w - x) / 2
            q = self.u(t, 0.9, 0.5)
            if q > 0:
                s = easing.ease_out_back(q) * (1 + 0.03 * math.sin(2 * t))
                paste_centered(canvas, scaled_sprite(self.after_img, s), right, cy)
                paste_centered(canvas, self.yes, right + bw * 1.1, cy + bw * 1.1, q)


def scaled_sprite(sprite, s: float):
    """A sprite resized by ``s`` (through Pillow)."""
    if abs(s - 1.0) < 0.005:
        return sprite
    rgb = np.clip(sprite.rgb / np.maximum(sprite.alpha, 1e-6), 0, 1)
    arr = np.concatenate([rgb.transpose(1, 2, 0), sprite.alpha[..., None]], axis=-1)
    return scaled(Image.fromarray((arr * 255).astype(np.uint8), "RGBA"), s)


class Offer(Template):
    """Offer badge: a starburst with the offer drops in and bounces; confetti falls."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        self.dia = int(min(0.74 * width, 0.92 * self.zone_h))
        badge = burst(self.dia, self.look.accent)
        text = (design.offer or design.number[0] or "NEW").upper()
        figure, rest = lead_figure(text)
        # the deal's figure leads, big ("3X2", "20%"); the words around it sit under it
        lines = [(figure, 0.3)] if figure else []
        lines += [(line, 0.14 if figure else 0.2) for line in (two_lines(rest) if rest else [])]
        imgs = [
            words(line, design.font_style, int(self.dia * k), self.look.on_accent,
                  int(self.dia * (0.62 if k > 0.2 else 0.7)))
            for line, k in lines
        ]  # fmt: skip
        gap = self.dia * 0.03
        y = (self.dia - sum(i.size[1] for i in imgs) - gap * (len(imgs) - 1)) / 2
        for img in imgs:
            badge.alpha_composite(img, ((self.dia - img.size[0]) // 2, int(y)))
            y += img.size[1] + gap
        self.badge_img = badge
        self.tag = icon_image("label", int(self.dia * 0.3))
        self.hero = legible_icon(design.objects[0].name, int(self.dia * 0.34), self.look.field)
        rng = design.rng(9)
        n = 36
        self.confetti = np.stack(
            [
                rng.uniform(0, width, n),
                rng.uniform(-height * 0.5, 0, n),
                rng.uniform(0.5, 1.2, n),
                rng.integers(0, 3, n).astype(float),
            ],
            axis=1,
        )
        self.colors = [self.look.accent, self.look.field2, best_ink(self.look.field)]

    def draw(self, canvas: Canvas, t: float) -> None:
        cx, cy = self.w / 2, self.zone_mid
        band = self.d.band
        size = max(3, int(0.012 * self.w))
        for x0, y0, speed, col in self.confetti:
            y = y0 + speed * self.h * 0.35 * t * self.d.energy
            x = x0 + 0.02 * self.w * math.sin(3 * t + x0)
            if band is not None and band[0] * self.h - size <= y <= band[1] * self.h + size:
                continue
            yi, xi = int(y), int(x)
            if 0 <= yi < self.h - size and 0 <= xi < self.w - size:
                color = self.colors[int(col)]
                for c in range(3):
                    canvas.buf[c, yi : yi + size, xi : xi + size * 2] = float(color[c])
        u = self.u(t, 0.05, 0.7)
        y = cy - (1 - easing.ease_out_back(u, 2.2)) * (cy + self.dia) if u < 1 else cy
        y = min(y, self.zone[1] - self.badge_img.size[1] / 2)  # the bounce stays out of the band
        pulse = 1.0 + 0.025 * math.sin(2 * math.pi * t / 1.4) if u >= 1 else 1.0
        paste_centered(canvas, scaled(self.badge_img, pulse), cx, y)
        for k, (img, sx) in enumerate(((self.tag, -0.36), (self.hero, 0.36))):
            q = self.u(t, 0.6 + 0.15 * k, 0.45)
            if q > 0:
                paste_centered(
                    canvas,
                    scaled(img, easing.ease_out_back(q)),
                    cx + sx * self.dia,
                    cy + 0.38 * self.dia,
                )


def two_lines(text: str) -> list[str]:
    """``text`` split into two lines of about equal length (one if it is short)."""
    parts = text.split()
    if len(text) <= 10 or len(parts) < 2:
        return [text]
    best = min(range(1, len(parts)), key=lambda k: abs(len(" ".join(parts[:k])) - len(text) / 2))
    return [" ".join(parts[:best]), " ".join(parts[best:])]


class Quote(Template):
    """Quote card: a calm card holds the copy; a quote mark and five stars pop in."""

    def panel(self, canvas: Canvas) -> None:
        band = self.d.band or (0.36, 0.64)
        y0, y1 = int((band[0] - 0.01) * self.h), int((band[1] + 0.01) * self.h)
        x0 = int(0.05 * self.w)
        card = rounded(self.w - 2 * x0, y1 - y0, 0.06 * self.w, self.look.panel)
        paste(canvas, from_image(card), x0, y0)

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        band = design.band or (0.36, 0.64)
        self.mark = words("\u201c", "serif", int(0.34 * width), self.look.accent, width)
        self.mark_at = (0.16 * width, band[0] * height)
        self.star = star(int(0.12 * width), self.look.accent)
        self.face = legible_icon(
            design.objects[0].name, int(min(0.3 * width, 0.45 * self.zone_h)), self.look.field
        )

    def draw(self, canvas: Canvas, t: float) -> None:
        u = self.u(t, 0.05, 0.5)
        if u > 0:
            paste_centered(canvas, scaled(self.mark, easing.ease_out_back(u, 2.5)), *self.mark_at)
        sw = self.star.size[0]
        cy = self.zone[0] + self.zone_h * 0.72
        for k in range(5):
            q = self.u(t, 0.3 + 0.12 * k, 0.35)
            if q > 0:
                x = self.w / 2 + (k - 2) * sw * 1.2
                paste_centered(canvas, scaled(self.star, easing.ease_out_back(q, 2.5)), x, cy)
        p = self.u(t, 0.15, 0.5)
        if p > 0:
            s = easing.ease_out_back(p) * (1 + 0.02 * math.sin(1.5 * t))
            paste_centered(
                canvas, scaled(self.face, s), self.w / 2, self.zone[0] + self.zone_h * 0.32
            )


class EndCard(Template):
    """End card: the brand's name wipes on over a growing accent bar, its object above."""

    def decorate(self, canvas: Canvas) -> None:
        # a confident diagonal band of the second field, kept out of the text band
        ys, xs = np.mgrid[0 : self.h, 0 : self.w].astype(np.float32)
        k = 0.45
        d = ((ys - 0.9 * self.h) + k * (xs - self.w / 2)) / math.sqrt(1 + k * k)
        mask = np.clip(0.08 * self.h - np.abs(d) + 0.5, 0, 1)
        if self.d.band is not None:
            lo, hi = self.d.band
            mask[int((lo - 0.03) * self.h) : int((hi + 0.03) * self.h)] = 0.0
        for c in range(3):
            canvas.buf[c] += (float(self.look.field2[c]) - canvas.buf[c]) * mask

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        self.name = words(
            design.brand, design.font_style, int(0.16 * width), self.look.ink, int(0.84 * width)
        )
        self.icon_img = legible_icon(
            design.objects[0].name, int(min(0.34 * width, 0.42 * self.zone_h)), self.look.field
        )

    def draw(self, canvas: Canvas, t: float) -> None:
        cx = self.w / 2
        nw, nh = self.name.size
        iw = self.icon_img.size[1]
        total = iw + nh + 0.05 * self.h
        top = self.zone_mid - total / 2
        p = self.u(t, -0.15, 0.55)  # under way at the cut: no empty plate
        if p > 0:
            s = easing.ease_out_back(p) * (1 + 0.02 * math.sin(1.4 * t))
            paste_centered(canvas, scaled(self.icon_img, s), cx, top + iw / 2)
        y = top + iw + 0.02 * self.h
        u = easing.ease_in_out_cubic(self.u(t, 0.25, 0.7))
        if u > 0:
            shown = self.name.crop((0, 0, max(1, int(nw * u)), nh))
            paste(canvas, from_image(shown), cx - nw / 2, y)
        b = easing.ease_out_cubic(self.u(t, 0.6, 0.6))
        if b > 0:
            bw, bh = int(0.5 * nw * b), max(2, int(0.012 * self.h))
            by = int(y + nh + 0.018 * self.h)
            for c in range(3):
                canvas.buf[c, by : by + bh, int(cx - bw) : int(cx + bw)] = float(
                    self.look.accent[c]
                )
