"""Scene templates, each with its own layout, motion and easing (the first four here).

A template builds its static plate (colour fields, the panel behind the overlay's text
band) and its sprites once in the constructor; :meth:`Template.draw` then only pastes and
moves them. Nothing that moves enters the text band: the overlays stage draws the copy
there, on a field chosen to contrast with it.
"""

from __future__ import annotations

import math
import re

import numpy as np
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
from pipeline.providers.motion.look import contrast
from pipeline.providers.motion.scenes import SceneDesign

Color = np.ndarray


def best_ink(background: Color) -> Color:
    """White or near-black, whichever reads better on ``background``."""
    white, black = np.ones(3, np.float32), np.full(3, 0.07, np.float32)
    return white if contrast(white, background) >= contrast(black, background) else black


class Template:
    """Base: the static plate (field, soft light, text panel) and layout helpers."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        self.d, self.w, self.h = design, width, height
        self.look = design.look
        zones = design.zones()
        self.zone = (zones[0][0] * height, zones[0][1] * height)
        # the other free zone (above or below the text band) gets a row of the ad's objects
        # unless the template lays out both zones itself: no empty half of a frame
        self.spare: tuple[float, float] | None = None
        if len(zones) > 1 and (zones[1][1] - zones[1][0]) >= 0.12:
            self.spare = (zones[1][0] * height, zones[1][1] * height)
        self._spare_imgs: list[Image.Image] | None = None
        self.plate = self._plate()

    # -- layout ----------------------------------------------------------------------
    @property
    def zone_h(self) -> float:
        return self.zone[1] - self.zone[0]

    @property
    def zone_mid(self) -> float:
        return (self.zone[0] + self.zone[1]) / 2

    def u(self, t: float, start: float, dur: float) -> float:
        """Progress through an animation starting at ``start`` s, faster with energy."""
        e = self.d.energy
        return easing.clamp01((t - start / e) / (dur / e))

    # -- plate -----------------------------------------------------------------------
    def _plate(self) -> np.ndarray:
        w, h, look = self.w, self.h, self.look
        plate = np.empty((3, h, w), dtype=np.float32)
        for c in range(3):
            plate[c].fill(float(look.field[c]))
        canvas = Canvas(w, h)
        canvas.buf = plate
        lift = 0.10 if look.kind == "dark" else 0.07
        glow = np.clip(look.field + lift, 0, 1)
        canvas.blob(w * 0.5, self.zone_mid, 0.55 * w, 0.3 * h, glow, 0.8, paint=True)
        self.decorate(canvas)
        self.panel(canvas)
        return plate

    def decorate(self, canvas: Canvas) -> None:
        """Static shapes of the template under the panel (override)."""

    def panel(self, canvas: Canvas) -> None:
        """A full-width block behind the text band unless the field already carries text."""
        band = self.d.band
        if band is None or self.look.field_is_calm_for_text:
            return
        y0, y1 = int(band[0] * self.h), int(band[1] * self.h)
        for c in range(3):
            canvas.buf[c, y0:y1, :] = float(self.look.panel[c])

    def draw(self, canvas: Canvas, t: float) -> None:
        """Draw the moving parts for ``t`` seconds onto the plate already copied in."""
        raise NotImplementedError

    uses_spare = False  # True when the template fills the second zone itself

    def draw_spare(self, canvas: Canvas, t: float) -> None:
        """The ad's companion objects pop in side by side in the second free zone."""
        if self.spare is None or self.uses_spare:
            return
        if self._spare_imgs is None:
            names = [o.name for o in self.d.objects[1:3]] or [o.name for o in self.d.objects[:1]]
            px = int(min(0.62 * (self.spare[1] - self.spare[0]), 0.26 * self.w))
            self._spare_imgs = [icon_image(n, px) for n in names]
        n = len(self._spare_imgs)
        mid = (self.spare[0] + self.spare[1]) / 2
        for k, img in enumerate(self._spare_imgs):
            q = self.u(t, 0.35 + 0.15 * k, 0.5)
            if q <= 0:
                continue
            x = self.w * ((0.32 + 0.36 * k) if n > 1 else 0.5)
            y = mid + 0.006 * self.h * math.sin(1.4 * t + 2 * k)
            paste_centered(canvas, scaled(img, easing.ease_out_back(q)), x, y)


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
        self.sats = [icon_image(o.name, min(sat, int(0.34 * width))) for o in design.objects[1:3]]

    def draw(self, canvas: Canvas, t: float) -> None:
        cy = self.zone_mid
        u = self.u(t, 0.0, 0.5)
        disc_sprite = (
            self.disc_full if u >= 1.0 else scaled(self.disc_img, easing.ease_out_cubic(u))
        )
        paste_centered(canvas, disc_sprite, self.cx, cy)
        p = self.u(t, 0.12, 0.6)
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


class Kinetic(Template):
    """Bold kinetic type: the product's words slam in line by line over a wiping bar."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        lines = [w.upper() for w in design.words][:3]
        n = len(lines)
        zones = design.zones()
        # a centred text band leaves a second zone: the object gets it to itself; otherwise
        # it sits under the words, and the words leave it room
        self.icon_zone = (zones[1][0] * height, zones[1][1] * height) if len(zones) > 1 else None
        if self.icon_zone is not None:
            icon_px = int(min(0.5 * width, 0.8 * (self.icon_zone[1] - self.icon_zone[0])))
            text_room = 0.9 * self.zone_h
        else:
            icon_px = int(min(0.3 * width, 0.3 * self.zone_h))
            text_room = 0.9 * self.zone_h - icon_px
        px = int(min(0.22 * width, text_room / max(1, n) / 1.25))
        self.bar_line = 1 if n > 1 else 0
        self.lines = [
            from_image(
                words(text, design.font_style, px,
                      self.look.on_accent if i == self.bar_line else self.look.ink,
                      int(0.84 * width))
            )
            for i, text in enumerate(lines)
        ]  # fmt: skip
        self.gap = int(px * 0.18)
        total = sum(s.size[1] for s in self.lines) + self.gap * (n - 1)
        if self.icon_zone is None:
            total += icon_px + self.gap
        self.top = self.zone_mid - total / 2
        self.x = 0.08 * width
        self.icon_img = icon_image(design.objects[0].name, icon_px)

    def draw(self, canvas: Canvas, t: float) -> None:
        y = self.top
        for i, line in enumerate(self.lines):
            lw, lh = line.size
            if i == self.bar_line:
                b = easing.ease_in_out_cubic(self.u(t, 0.05 + 0.16 * i, 0.45))
                if b > 0:
                    pad = 0.025 * self.w
                    bw = int((lw + 2 * pad) * b)
                    y0, y1 = int(y - pad * 0.6), int(y + lh + pad * 0.6)
                    x0 = int(self.x - pad)
                    for c in range(3):
                        canvas.buf[c, max(0, y0) : y1, max(0, x0) : x0 + bw] = float(
                            self.look.accent[c]
                        )
            u = self.u(t, 0.1 + 0.16 * i, 0.55)
            if u > 0:
                e = easing.ease_out_expo(u)
                paste(canvas, line, self.x - (1 - e) * 0.5 * self.w, y, min(1.0, u * 2.5))
            y += lh + self.gap
        q = self.u(t, 0.75, 0.5)
        if q > 0:
            s = easing.ease_out_back(q) * (1 + 0.03 * math.sin(2.0 * t))
            iw = self.icon_img.size[0]
            if self.icon_zone is not None:
                cx, cy = self.w / 2, (self.icon_zone[0] + self.icon_zone[1]) / 2
                cy += 0.01 * self.h * math.sin(1.7 * t)
            else:
                cx = self.w - 0.08 * self.w - iw / 2
                cy = y + iw * 0.5
            paste_centered(canvas, scaled(self.icon_img, s), cx, cy)


def _count_text(value: str, frac: float) -> str:
    m = re.match(r"^(\d+)([.,]\d+)?(.*)$", value)
    if m is None or m.group(2):
        return value
    return f"{round(int(m.group(1)) * frac)}{m.group(3)}"


class Number(Template):
    """Big number callout: the figure counts up inside a ring that sweeps closed."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        self.value, unit = design.number
        self.dia = int(min(0.82 * width, 0.9 * self.zone_h))
        self.px = int(self.dia * (0.36 if len(self.value) <= 3 else 0.26))
        self.unit = (
            from_image(
                words(
                    unit.upper(),
                    design.font_style,
                    int(self.dia * 0.11),
                    self.look.ink,
                    int(self.dia * 0.7),
                )
            )
            if unit
            else None
        )
        self.cache: dict[str, Sprite] = {}
        self.icon_img = icon_image(design.objects[0].name, int(self.dia * 0.26))

    def _ring(self, frac: float) -> Sprite:
        from pipeline.providers.motion.compose import _rgba, shape

        def draw(dr, s: int) -> None:
            n = self.dia * s
            wdt = int(0.06 * n)
            dr.ellipse((wdt, wdt, n - wdt, n - wdt), outline=_rgba(self.look.field2), width=wdt)
            if frac > 0:
                dr.arc(
                    (wdt, wdt, n - wdt, n - wdt),
                    -90,
                    -90 + 360 * frac,
                    fill=_rgba(self.look.accent),
                    width=wdt,
                )

        return from_image(shape(self.dia, self.dia, draw, ss=1))

    def _text(self, text: str) -> Sprite:
        if text not in self.cache:
            img = words(text, self.d.font_style, self.px, self.look.accent, int(self.dia * 0.74))
            self.cache[text] = from_image(img)
        return self.cache[text]

    def draw(self, canvas: Canvas, t: float) -> None:
        cx, cy = self.w / 2, self.zone_mid
        u = easing.ease_out_cubic(self.u(t, 0.1, 1.1))
        key = f"ring{round(u * 40)}"
        if key not in self.cache:
            self.cache[key] = self._ring(round(u * 40) / 40)
        paste_centered(canvas, self.cache[key], cx, cy)
        text = self._text(_count_text(self.value, u))
        dy = -0.06 * self.dia if self.unit is not None else 0.0
        paste_centered(canvas, text, cx, cy + dy, min(1.0, u * 3))
        if self.unit is not None:
            q = self.u(t, 0.6, 0.4)
            paste_centered(canvas, self.unit, cx, cy + 0.2 * self.dia + (1 - q) * 20, q)
        p = self.u(t, 0.9, 0.5)
        if p > 0:
            s = easing.ease_out_back(p)
            a = 0.25 * math.pi
            x, y = cx + 0.42 * self.dia * math.cos(a), cy - 0.42 * self.dia * math.sin(a)
            paste_centered(canvas, scaled(self.icon_img, s), x, y + 0.01 * self.h * math.sin(t))


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
            icon_image(objs[0], int(min(0.42 * width, 0.9 * room)))
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


def template_class(name: str) -> type[Template]:
    """The class drawing template ``name``."""
    from pipeline.providers.motion import photos, templates_more

    classes: dict[str, type[Template]] = {
        "hero": Hero,
        "kinetic": Kinetic,
        "number": Number,
        "checklist": Checklist,
        "split": templates_more.Split,
        "offer": templates_more.Offer,
        "quote": templates_more.Quote,
        "end": templates_more.EndCard,
        **photos.CLASSES,  # the brand kit's photo scenes and logo end card
    }
    return classes[name]
