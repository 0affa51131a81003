"""Object-led templates: the hero spotlight and the claim checklist."""

from __future__ import annotations

import math

from PIL import Image

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.compose import (
    Sprite,
    disc,
    from_image,
    icon_image,
    paste,
    paste_centered,
    rounded,
    scaled,
    tick,
    words,
)
from pipeline.providers.motion.scenes import SceneDesign
from pipeline.providers.motion.templates import Color, Template, best_ink, legible_icon


class Hero(Template):
    """Hero spotlight: the product's object pops onto a colour disc, satellites orbit."""

    uses_spare = True

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        self.dia = int(min(0.84 * width, 0.96 * self.zone_h))
        self.cx = width * (0.5 + (0.06 if design.variant % 2 else -0.06) * (design.variant > 1))
        ring = self.look.accent if self.look.kind == "dark" else self.look.field2
        self.disc_img = disc(self.dia, ring)
        self.disc_full = from_image(self.disc_img)
        self.hero_img = icon_image(design.objects[0].name, int(self.dia * 0.66))
        zones = design.zones()
        self.row = (zones[1][0] * height, zones[1][1] * height) if len(zones) > 1 else None
        sat = int(self.dia * 0.24) if self.row is None else int(0.7 * (self.row[1] - self.row[0]))
        self.sats = [
            legible_icon(o.name, min(sat, int(0.34 * width)), self.look.field)
            for o in design.objects[1:3]
        ]

    def draw(self, canvas: Canvas, t: float) -> None:
        cy = self.zone_mid
        u = self.u(t, 0.0, 0.9)  # a slow, confident scale-in
        disc_sprite = (
            self.disc_full if u >= 1.0 else scaled(self.disc_img, easing.ease_out_cubic(u))
        )
        paste_centered(canvas, disc_sprite, self.cx, cy)
        p = self.u(t, -0.05, 0.8)  # under way at the cut: no empty plate
        if p > 0:
            s = easing.ease_out_back(p, 2.0) * (1.0 + 0.025 * math.sin(1.6 * t))
            bob = 0.012 * self.h * math.sin(1.3 * t)
            paste_centered(canvas, scaled(self.hero_img, s), self.cx, cy + bob)
        r = self.dia * 0.5
        for k, img in enumerate(self.sats):
            q = self.u(t, 0.45 + 0.15 * k, 0.5)
            if q <= 0:
                continue
            if self.row is not None:  # side by side in the zone below the text band
                x = self.w * (0.3 + 0.4 * k) if len(self.sats) > 1 else self.w / 2
                y = (self.row[0] + self.row[1]) / 2 + 0.008 * self.h * math.sin(1.5 * t + 2 * k)
            else:  # orbiting the disc
                a = (-0.7 if k == 0 else 2.3) + 0.18 * t * self.d.energy
                x, y = self.cx + r * math.cos(a), cy + r * 0.95 * math.sin(a)
            paste_centered(canvas, scaled(img, easing.ease_out_back(q)), x, y)


class Checklist(Template):
    """Claim checklist: up to three claims slide in as cards and get ticked."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        claims = design.claims or (design.brand,)
        n = len(claims)
        self.row_h = int(min(0.115 * height, self.zone_h / n * 0.84))
        card_w = int(0.86 * width)
        card_color = self.look.field2
        ink = best_ink(card_color)
        self.card = from_image(rounded(card_w, self.row_h, self.row_h * 0.28, card_color))
        badge = int(self.row_h * 0.62)
        self.tick_img = tick(badge, self.look.accent, self.look.on_accent)
        text_w = card_w - badge - int(self.row_h * 1.25) - int(0.05 * width)
        self.texts = [self._claim(c, design.font_style, ink, text_w) for c in claims]
        objs = [o.name for o in design.objects] or ["sparkles"]
        self.icons = [
            from_image(icon_image(objs[i % len(objs)], int(self.row_h * 0.7))) for i in range(n)
        ]
        self.gap = int(self.row_h * 0.22)
        total = n * self.row_h + (n - 1) * self.gap
        # few claims in a tall zone: the product's object stands above the cards
        room = self.zone_h - total - 3 * self.gap
        self.hero_img = (
            legible_icon(objs[0], int(min(0.42 * width, 0.9 * room)), self.look.field)
            if room > 0.3 * self.zone_h
            else None
        )
        hero_h = self.hero_img.size[1] + 2 * self.gap if self.hero_img is not None else 0
        self.top = self.zone_mid - (total + hero_h) / 2 + hero_h
        self.x = (width - card_w) / 2

    def _claim(self, claim: str, style: str, ink: Color, text_w: int) -> Sprite:
        """A claim on one line, or two balanced lines when one would shrink it too far."""
        one = words(claim, style, int(self.row_h * 0.36), ink, text_w)
        if one.size[1] >= self.row_h * 0.26 or " " not in claim:
            return from_image(one)
        from pipeline.providers.motion.templates_more import two_lines

        lines = [words(x, style, int(self.row_h * 0.3), ink, text_w) for x in two_lines(claim)]
        gap = int(self.row_h * 0.06)
        both = Image.new(
            "RGBA", (max(i.size[0] for i in lines), sum(i.size[1] for i in lines) + gap)
        )
        both.alpha_composite(lines[0], (0, 0))
        both.alpha_composite(lines[1], (0, lines[0].size[1] + gap))
        return from_image(both)

    def draw(self, canvas: Canvas, t: float) -> None:
        if self.hero_img is not None:
            p = self.u(t, 0.0, 0.55)
            if p > 0:
                s = easing.ease_out_back(p) * (1 + 0.02 * math.sin(1.5 * t))
                hy = self.top - self.gap * 2 - self.hero_img.size[1] / 2
                paste_centered(canvas, scaled(self.hero_img, s), self.w / 2, hy)
        for i, text in enumerate(self.texts):
            y = self.top + i * (self.row_h + self.gap)
            u = self.u(t, 0.1 + 0.22 * i, 0.5)
            if u <= 0:
                continue
            x = self.x + (1 - easing.ease_out_cubic(u)) * self.w
            paste(canvas, self.card, x, y)
            pad = self.row_h * 0.19
            q = self.u(t, 0.35 + 0.22 * i, 0.4)
            if q > 0:
                paste_centered(
                    canvas,
                    scaled(self.tick_img, easing.ease_out_back(q, 2.2)),
                    x + pad + self.row_h * 0.31,
                    y + self.row_h / 2,
                )
            th = text.size[1]
            paste(canvas, text, x + pad * 2 + self.row_h * 0.62, y + (self.row_h - th) / 2)
            iw = self.icons[i].size[0]
            paste(
                canvas, self.icons[i], x + self.card.size[0] - iw - pad, y + (self.row_h - iw) / 2
            )
