"""Scene templates for the user's own product photos and logo (the brand kit).

- ``kenburns``  the photo fills the frame; a slow push-in and pan (sine in-out)
- ``parallax``  a blurred copy drifts behind a photo card that glides the other way
- ``framed``    the photo in a white frame with a soft shadow pops in (back-out) and floats
- ``backdrop``  the photo as a rounded card on a field matched to the photo's own colour
- ``end_logo``  the end card with the user's logo on a light card instead of an icon

Photos take the first scenes of the ad, one each, never the end card. The overlay's text
band is repainted with the look's panel every frame, so the copy keeps its contrast.
"""

from __future__ import annotations

import colorsys
import math

import numpy as np
from PIL import Image, ImageFilter

from pipeline.providers.motion import easing
from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.compose import (
    from_image,
    paste,
    paste_centered,
    rounded,
    scaled,
    with_shadow,
    words,
)
from pipeline.providers.motion.scenes import SceneDesign
from pipeline.providers.motion.templates import Template
from pipeline.providers.motion.templates_more import EndCard

PHOTO_TEMPLATES = ("kenburns", "parallax", "framed", "backdrop")


def assign(
    template: str, index: int, n_scenes: int, photos: list[str], salt: int
) -> tuple[str, str]:
    """(template, photo path) for scene ``index``: the first scenes show a photo each."""
    if index >= min(len(photos), n_scenes - 1):
        return template, ""
    return PHOTO_TEMPLATES[(index + salt) % len(PHOTO_TEMPLATES)], photos[index]


def _open(path: str) -> Image.Image:
    with Image.open(path) as img:
        return img.convert("RGB")


def _cover(img: Image.Image, w: int, h: int) -> Image.Image:
    """``img`` scaled and centre-cropped to fill ``w`` x ``h``."""
    scale = max(w / img.width, h / img.height)
    size = (max(w, round(img.width * scale)), max(h, round(img.height * scale)))
    big = img.resize(size, Image.Resampling.LANCZOS)
    x0, y0 = (size[0] - w) // 2, (size[1] - h) // 2
    return big.crop((x0, y0, x0 + w, y0 + h))


def _fit(img: Image.Image, w: int, h: int) -> Image.Image:
    scale = min(w / img.width, h / img.height)
    size = (max(2, round(img.width * scale)), max(2, round(img.height * scale)))
    return img.resize(size, Image.Resampling.LANCZOS)


def _card(img: Image.Image, radius: float, border: int = 0) -> Image.Image:
    """``img`` with rounded corners, optionally inside a white border."""
    w, h = img.width + 2 * border, img.height + 2 * border
    out = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    if border:
        out = rounded(w, h, radius, np.ones(3, np.float32))
    mask = rounded(img.width, img.height, max(0.0, radius - border), np.ones(3, np.float32))
    out.paste(img, (border, border), mask.getchannel("A"))
    return out


def _planes(img: Image.Image) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(img, dtype=np.float32).transpose(2, 0, 1) / 255.0)


class PhotoTemplate(Template):
    """Base: the photo, and the text band repainted with the panel after every frame."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        self.photo = _open(design.photo)
        super().__init__(design, width, height)

    def panel(self, canvas: Canvas) -> None:
        band = self.d.band
        if band is None:
            return
        y0, y1 = int(band[0] * self.h), int(band[1] * self.h)
        for c in range(3):
            canvas.buf[c, y0:y1, :] = float(self.look.panel[c])

    def draw(self, canvas: Canvas, t: float) -> None:
        self.move(canvas, t)
        self.panel(canvas)

    def move(self, canvas: Canvas, t: float) -> None:
        raise NotImplementedError


class KenBurns(PhotoTemplate):
    """The photo fills the frame: a slow push-in and a pan, direction by variant."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        self.zoom = 1.18
        self.big = _cover(self.photo, round(width * self.zoom), round(height * self.zoom))

    def move(self, canvas: Canvas, t: float) -> None:
        u = easing.ease_in_out_sine(easing.clamp01(t / max(0.5, self.d.duration_s + 0.5)))
        z = self.zoom / (1.0 + (self.zoom - 1.0) * (0.15 + 0.85 * u))  # crop shrinks: push-in
        bw, bh = self.big.size
        cw, ch = bw / self.zoom * z, bh / self.zoom * z
        pan = (u - 0.5) * (1 if self.d.variant % 2 else -1)
        cx = bw / 2 + pan * (bw - cw) * 0.8
        cy = bh / 2 - pan * (bh - ch) * 0.4
        box = (cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2)
        frame = self.big.resize((self.w, self.h), Image.Resampling.BILINEAR, box=box)
        for c, band in enumerate(frame.split()):  # planar copies: no strided transpose
            np.multiply(np.asarray(band), np.float32(1 / 255), out=canvas.buf[c])


class Parallax(PhotoTemplate):
    """A blurred copy drifts one way behind a photo card that glides the other way."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        self.drift = int(0.12 * width)
        back = _cover(self.photo, width + 2 * self.drift, height)
        back = back.filter(ImageFilter.GaussianBlur(width * 0.03))
        dim = 0.55 if self.look.kind == "dark" else 0.8
        self.back = _planes(back) * np.float32(dim)
        box_w, box_h = int(0.78 * width), int(0.9 * self.zone_h)
        card = _card(_fit(self.photo, box_w, box_h), 0.05 * width)
        self.card = from_image(with_shadow(card, np.zeros(3, np.float32)))

    def move(self, canvas: Canvas, t: float) -> None:
        u = easing.ease_in_out_sine(easing.clamp01(t / max(0.5, self.d.duration_s + 0.5)))
        x = round(u * 2 * self.drift)
        canvas.buf[:] = self.back[:, :, x : x + self.w]
        p = easing.ease_out_cubic(self.u(t, 0.0, 0.7))
        cx = self.w / 2 + (1 - p) * 0.6 * self.w - (u - 0.5) * 0.08 * self.w
        paste_centered(canvas, self.card, cx, self.zone_mid, min(1.0, p * 2))


class Framed(PhotoTemplate):
    """The photo in a white frame with a soft shadow: pops in, then floats gently."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        border = int(0.025 * width)
        box_w, box_h = int(0.8 * width) - 2 * border, int(0.86 * self.zone_h) - 2 * border
        card = _card(_fit(self.photo, box_w, box_h), 0.02 * width, border)
        self.image = with_shadow(card, np.zeros(3, np.float32), offset=0.04)
        self.sprite = from_image(self.image)

    def move(self, canvas: Canvas, t: float) -> None:
        p = self.u(t, 0.05, 0.6)
        if p <= 0:
            return
        bob = 0.008 * self.h * math.sin(1.2 * t)
        if p < 1.0:
            paste_centered(canvas, scaled(self.image, easing.ease_out_back(p)), self.w / 2,
                           self.zone_mid + bob)  # fmt: skip
        else:
            paste_centered(canvas, self.sprite, self.w / 2, self.zone_mid + bob)


def matched_field(photo: Image.Image, kind: str) -> np.ndarray:
    """A field colour taken from the photo: its mean hue, light or deep by the look."""
    small = np.asarray(photo.resize((32, 32)), dtype=np.float32) / 255.0
    r, g, b = (float(v) for v in small.reshape(-1, 3).mean(axis=0))
    h, _, s = colorsys.rgb_to_hls(r, g, b)
    light = 0.14 if kind == "dark" else 0.9
    return np.array(colorsys.hls_to_rgb(h, light, min(0.6, max(0.25, s))), dtype=np.float32)


class Backdrop(PhotoTemplate):
    """A rounded photo card on a field matched to the photo's colour; it rises into place."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        self.field = matched_field(_open(design.photo), design.look.kind)
        super().__init__(design, width, height)
        box_w, box_h = int(0.84 * width), int(0.9 * self.zone_h)
        self.card = from_image(_card(_fit(self.photo, box_w, box_h), 0.06 * width))

    def _plate(self) -> np.ndarray:
        plate = np.empty((3, self.h, self.w), dtype=np.float32)
        for c in range(3):
            plate[c].fill(float(self.field[c]))
        return plate

    def move(self, canvas: Canvas, t: float) -> None:
        p = easing.ease_out_cubic(self.u(t, 0.0, 0.8))
        y = self.zone_mid - self.card.size[1] / 2 + (1 - p) * 0.25 * self.zone_h
        paste(canvas, self.card, (self.w - self.card.size[0]) / 2, y, min(1.0, p * 1.5))


def logo_card(path: str, width: int, height: int) -> Image.Image:
    """The logo fitted into ``width`` x ``height`` on a near-white rounded card."""
    with Image.open(path) as img:
        logo = img.convert("RGBA")
    pad = int(0.12 * min(width, height))
    logo = _fit(logo, width - 2 * pad, height - 2 * pad)
    w, h = logo.width + 2 * pad, logo.height + 2 * pad
    card = rounded(w, h, 0.18 * min(w, h), np.full(3, 0.98, np.float32))
    card.alpha_composite(logo, (pad, pad))
    return card


class LogoEnd(EndCard):
    """The end card with the user's logo where the icon would be."""

    def __init__(self, design: SceneDesign, width: int, height: int) -> None:
        super().__init__(design, width, height)
        # the logo is the brand: it gets most of the zone, the name under it gets smaller
        box = int(min(0.7 * width, 0.6 * self.zone_h))
        self.icon_img = logo_card(design.logo, int(0.75 * width), box)
        self.name = words(
            design.brand, design.font_style, int(0.09 * width), self.look.ink, int(0.84 * width)
        )


CLASSES: dict[str, type[Template]] = {
    "kenburns": KenBurns,
    "parallax": Parallax,
    "framed": Framed,
    "backdrop": Backdrop,
    "end_logo": LogoEnd,
}
