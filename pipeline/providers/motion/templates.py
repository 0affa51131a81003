"""Scene templates: the base every template draws on, and the registry by name.

A template builds its static plate (colour fields, the panel behind the overlay's text
band) and its sprites once in the constructor; :meth:`Template.draw` then only pastes and
moves them. Nothing that moves enters the text band: the overlays stage draws the copy
there, on a field chosen to contrast with it.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.compose import (
    disc,
    icon_image,
    paste_centered,
    scaled,
)
from pipeline.providers.motion.look import contrast, luminance, tone
from pipeline.providers.motion.scenes import SceneDesign

Color = np.ndarray


def legible_icon(name: str, px: int, field: Color) -> Image.Image:
    """Icon ``name`` at ``px``; one whose colours melt into ``field`` (a blue stethoscope on
    a blue field) sits on a pale or deep disc of the same footprint instead."""
    img = icon_image(name, px)
    rgba = np.asarray(img, dtype=np.float32) / 255
    opaque = rgba[..., 3] > 0.5
    if not opaque.any() or contrast(rgba[..., :3][opaque].mean(axis=0), field) >= 1.6:
        return img
    backing = tone(field, 0.93 if luminance(field) < 0.35 else 0.16, max_sat=0.35)
    out = disc(px, backing, 0.92)
    inner = icon_image(name, int(px * 0.74))
    out.alpha_composite(inner, ((px - inner.width) // 2, (px - inner.height) // 2))
    return out


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
            self._spare_imgs = [legible_icon(n, px, self.look.field) for n in names]
        n = len(self._spare_imgs)
        mid = (self.spare[0] + self.spare[1]) / 2
        for k, img in enumerate(self._spare_imgs):
            q = self.u(t, 0.35 + 0.15 * k, 0.5)
            if q <= 0:
                continue
            x = self.w * ((0.32 + 0.36 * k) if n > 1 else 0.5)
            y = mid + 0.006 * self.h * math.sin(1.4 * t + 2 * k)
            paste_centered(canvas, scaled(img, easing.ease_out_back(q)), x, y)


def template_class(name: str) -> type[Template]:
    """The class drawing template ``name``."""
    from pipeline.providers.motion import photos, templates_more
    from pipeline.providers.motion.templates_objects import Checklist, Hero
    from pipeline.providers.motion.templates_type import Kinetic, Number

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
