"""Type-led templates: kinetic words and the big-number callout."""

from __future__ import annotations

import math
import re

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.compose import (
    Sprite,
    from_image,
    paste,
    paste_centered,
    scaled,
    words,
)
from pipeline.providers.motion.scenes import SceneDesign
from pipeline.providers.motion.templates import Template, legible_icon


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
        self.icon_img = legible_icon(design.objects[0].name, icon_px, self.look.field)

    def draw(self, canvas: Canvas, t: float) -> None:
        y = self.top
        for i, line in enumerate(self.lines):
            lw, lh = line.size
            if i == self.bar_line:
                b = easing.ease_in_out_cubic(self.u(t, 0.16 * i - 0.1, 0.45))
                if b > 0:
                    pad = 0.025 * self.w
                    bw = int((lw + 2 * pad) * b)
                    y0, y1 = int(y - pad * 0.6), int(y + lh + pad * 0.6)
                    x0 = int(self.x - pad)
                    for c in range(3):
                        canvas.buf[c, max(0, y0) : y1, max(0, x0) : x0 + bw] = float(
                            self.look.accent[c]
                        )
            u = self.u(t, 0.16 * i - 0.05, 0.55)  # under way at the cut: no empty plate
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
    if m is None or m.group(2) or re.search(r"\d", m.group(3)):
        return value  # a decimal, or a deal ("3 por 2") that must not count as "0 por 2"
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
        self.icon_img = legible_icon(design.objects[0].name, int(self.dia * 0.26), self.look.field)

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
