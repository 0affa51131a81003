"""Sprites for the templates: icons (resvg), words and shapes (Pillow), pasted onto a canvas.

A :class:`Sprite` is a premultiplied float RGBA image. Icons are rasterised once per size
from their SVG by resvg (crisp at any size); shapes are drawn 2x and reduced for clean
edges. :func:`paste` blends a sprite into a :class:`~.canvas.Canvas` at a position with an
opacity, touching only the sprite's box.
"""

from __future__ import annotations

import io
import math
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.vocabulary import svg
from pipeline.typography import fonts

Color = np.ndarray


@dataclass(frozen=True)
class Sprite:
    """Premultiplied RGB (3, h, w) and alpha (h, w), float32 in [0, 1]."""

    rgb: np.ndarray
    alpha: np.ndarray

    @property
    def size(self) -> tuple[int, int]:
        return self.alpha.shape[1], self.alpha.shape[0]


def from_image(image: Image.Image) -> Sprite:
    """A sprite from a Pillow RGBA image."""
    arr = np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0
    alpha = np.ascontiguousarray(arr[..., 3])
    rgb = np.ascontiguousarray((arr[..., :3] * alpha[..., None]).transpose(2, 0, 1))
    return Sprite(rgb, alpha)


def paste(canvas: Canvas, sprite: Sprite, x: float, y: float, opacity: float = 1.0) -> None:
    """Blend ``sprite`` with its top-left corner at (x, y)."""
    if opacity <= 0.0:
        return
    x0, y0 = round(x), round(y)
    h, w = sprite.alpha.shape
    cx0, cy0 = max(0, x0), max(0, y0)
    cx1, cy1 = min(canvas.width, x0 + w), min(canvas.height, y0 + h)
    if cx1 <= cx0 or cy1 <= cy0:
        return
    sy, sx = slice(cy0 - y0, cy1 - y0), slice(cx0 - x0, cx1 - x0)
    a = sprite.alpha[sy, sx]
    if opacity < 1.0:
        a = a * np.float32(opacity)
    keep = 1.0 - a
    for c in range(3):
        region = canvas.buf[c, cy0:cy1, cx0:cx1]
        region *= keep
        src = sprite.rgb[c, sy, sx]
        region += src * np.float32(opacity) if opacity < 1.0 else src


def paste_centered(canvas: Canvas, sprite: Sprite, cx: float, cy: float, opacity: float = 1.0):
    """Blend ``sprite`` centred on (cx, cy)."""
    w, h = sprite.size
    paste(canvas, sprite, cx - w / 2, cy - h / 2, opacity)


@lru_cache(maxsize=64)
def icon_image(name: str, px: int) -> Image.Image:
    """Icon ``name`` rasterised square at ``px`` pixels (cached)."""
    import resvg_py

    data = resvg_py.svg_to_bytes(svg_string=svg(name), width=px, height=px)
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def icon(name: str, px: int, *, shadow: Color | None = None) -> Sprite:
    """Icon ``name`` at ``px`` pixels, optionally on a soft drop shadow of ``shadow``."""
    image = icon_image(name, max(4, px))
    if shadow is None:
        return from_image(image)
    return from_image(with_shadow(image, shadow))


def with_shadow(image: Image.Image, color: Color, offset: float = 0.05) -> Image.Image:
    """``image`` over a blurred, offset copy of its alpha in ``color``."""
    from PIL import ImageFilter

    w, h = image.size
    pad = max(4, int(0.12 * w))
    out = Image.new("RGBA", (w + 2 * pad, h + 2 * pad), (0, 0, 0, 0))
    alpha = image.getchannel("A").point(lambda v: int(v * 0.45))
    tint = Image.new("RGBA", image.size, _rgba(color))
    tint.putalpha(alpha)
    d = round(offset * w)
    out.alpha_composite(tint, (pad + d // 2, pad + d))
    out = out.filter(ImageFilter.GaussianBlur(max(2, w * 0.04)))
    out.alpha_composite(image, (pad, pad))
    return out


SCALED_BUDGET = 12 * 1024 * 1024  # bytes of sprites :func:`scaled` keeps for reuse
_scaled: OrderedDict[tuple[int, int, int], tuple[Image.Image, Sprite]] = OrderedDict()
_scaled_bytes = 0


def scaled(image: Image.Image, scale: float) -> Sprite:
    """``image`` resized by ``scale`` (per-frame pops and breaths).

    A breath of a few percent returns to the same pixel sizes every cycle, and a settled
    object is drawn at scale 1 on every frame: the sprites of recent sizes are kept (up to
    :data:`SCALED_BUDGET` bytes, oldest dropped first) instead of resized again.
    """
    global _scaled_bytes
    w, h = image.size
    size = (max(2, round(w * scale)), max(2, round(h * scale)))
    key = (id(image), *size)
    hit = _scaled.get(key)
    if hit is not None and hit[0] is image:
        _scaled.move_to_end(key)
        return hit[1]
    sprite = from_image(image if size == (w, h) else image.resize(size, Image.Resampling.BILINEAR))
    _scaled[key] = (image, sprite)  # the image is held, so its id cannot be reused
    _scaled_bytes += sprite.rgb.nbytes + sprite.alpha.nbytes
    while _scaled_bytes > SCALED_BUDGET and len(_scaled) > 1:
        _, (_, old) = _scaled.popitem(last=False)
        _scaled_bytes -= old.rgb.nbytes + old.alpha.nbytes
    return sprite


def _rgba(color: Color, alpha: float = 1.0) -> tuple[int, int, int, int]:
    r, g, b = (round(float(c) * 255) for c in np.clip(color, 0, 1))
    return r, g, b, round(alpha * 255)


def shape(w: int, h: int, draw_fn, ss: int = 2) -> Image.Image:
    """An RGBA image drawn by ``draw_fn(draw, ss)`` at ``ss``x size, then reduced."""
    big = Image.new("RGBA", (w * ss, h * ss), (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(big), ss)
    return big.resize((w, h), Image.Resampling.LANCZOS)


def rounded(w: int, h: int, radius: float, color: Color, alpha: float = 1.0) -> Image.Image:
    """A rounded rectangle filling a ``w`` x ``h`` image."""
    return shape(
        w,
        h,
        lambda d, s: d.rounded_rectangle(
            (0, 0, w * s - 1, h * s - 1), radius * s, fill=_rgba(color, alpha)
        ),
    )


def disc(d: int, color: Color, alpha: float = 1.0) -> Image.Image:
    """A filled circle of diameter ``d``."""
    return shape(
        d, d, lambda dr, s: dr.ellipse((0, 0, d * s - 1, d * s - 1), fill=_rgba(color, alpha))
    )


def burst(
    d: int, color: Color, points: int = 14, depth: float = 0.13, turn: float = 0.0
) -> Image.Image:
    """A starburst badge of diameter ``d``, rotated by ``turn`` radians."""

    def draw(dr: ImageDraw.ImageDraw, s: int) -> None:
        r, c = d * s / 2, d * s / 2
        pts = []
        for k in range(points * 2):
            rr = r * (1.0 if k % 2 == 0 else 1.0 - depth)
            a = turn + math.pi * k / points
            pts.append((c + rr * math.cos(a), c + rr * math.sin(a)))
        dr.polygon(pts, fill=_rgba(color))

    return shape(d, d, draw)


def tick(d: int, disc_color: Color, mark: Color) -> Image.Image:
    """A round check badge."""

    def draw(dr: ImageDraw.ImageDraw, s: int) -> None:
        n = d * s
        dr.ellipse((0, 0, n - 1, n - 1), fill=_rgba(disc_color))
        pts = [(0.27 * n, 0.52 * n), (0.44 * n, 0.69 * n), (0.74 * n, 0.34 * n)]
        dr.line(pts, fill=_rgba(mark), width=max(2, round(0.12 * n)), joint="curve")

    return shape(d, d, draw)


def cross(d: int, disc_color: Color, mark: Color) -> Image.Image:
    """A round 'no' badge."""

    def draw(dr: ImageDraw.ImageDraw, s: int) -> None:
        n = d * s
        dr.ellipse((0, 0, n - 1, n - 1), fill=_rgba(disc_color))
        w = max(2, round(0.12 * n))
        dr.line([(0.32 * n, 0.32 * n), (0.68 * n, 0.68 * n)], fill=_rgba(mark), width=w)
        dr.line([(0.68 * n, 0.32 * n), (0.32 * n, 0.68 * n)], fill=_rgba(mark), width=w)

    return shape(d, d, draw)


def star(d: int, color: Color) -> Image.Image:
    """A five-pointed star."""

    def draw(dr: ImageDraw.ImageDraw, s: int) -> None:
        r, c = d * s / 2, d * s / 2
        pts = [
            (
                c + (r if k % 2 == 0 else r * 0.45) * math.cos(-math.pi / 2 + math.pi * k / 5),
                c + (r if k % 2 == 0 else r * 0.45) * math.sin(-math.pi / 2 + math.pi * k / 5),
            )
            for k in range(10)
        ]
        dr.polygon(pts, fill=_rgba(color))

    return shape(d, d, draw)


_FACE_KEYS = {
    "sans": "inter_bold",
    "serif": "vollkorn_bold",
    "condensed": "bebas_bold",
    "rounded": "comfortaa_bold",
}


# a sign a script's face may lack, and its own form in that script
_SUBSTITUTES = {"%": "\u066a", ",": "\u060c"}


def face_for(style: str, text: str) -> tuple[fonts.Face, str]:
    """The face to draw ``text`` with, and the text as that face draws it.

    The brand family's bold face when it has every character; else the face of the
    typography's chain (Japanese, Chinese, Arabic ...) that has the most of them (a
    kana-less Han text is read as Chinese), with signs it lacks in their script's form
    ("%" -> Arabic percent).
    """
    face = fonts.face(_FACE_KEYS.get(style, "inter_bold"))
    chars = [ch for ch in text if ch.strip()]
    if fonts.available(face) and all(fonts.covers(face, ch) for ch in chars):
        return face, text
    kana = any("\u3040" <= ch <= "\u30ff" for ch in chars)
    han = any("\u4e00" <= ch <= "\u9fff" for ch in chars)
    chain = [
        f
        for f in fonts.fallback_chain(bold=True, language="zh" if han and not kana else "")
        if fonts.available(f)
    ]
    if not chain:
        return face, text

    def drawn(f: fonts.Face) -> int:
        return sum(fonts.covers(f, _SUBSTITUTES.get(ch, ch)) or fonts.covers(f, ch) for ch in chars)

    best = max(chain, key=lambda f: (drawn(f), -chain.index(f)))
    for sign, own in _SUBSTITUTES.items():
        if sign in text and not fonts.covers(best, sign) and fonts.covers(best, own):
            text = text.replace(sign, own)
    return best, text


def font_for(style: str, text: str, px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The font :func:`face_for` chooses for ``text``, at ``px`` pixels."""
    face, _ = face_for(style, text)
    if not fonts.available(face):
        return ImageFont.load_default(px)
    return fonts.load(face, round(px * face.scale), fonts.raqm_available())


def words(text: str, style: str, px: int, color: Color, max_w: int) -> Image.Image:
    """``text`` on one line in the brand's bold face, shrunk to fit ``max_w``."""
    size = px
    _, text = face_for(style, text)
    while True:
        font = font_for(style, text, size)
        box = font.getbbox(text)
        if box[2] - box[0] <= max_w or size <= 10:
            break
        size = int(size * 0.9)
    w, h = int(box[2] - box[0]) + 4, int(box[3] - box[1]) + 4
    image = Image.new("RGBA", (max(1, w), max(1, h)), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((2 - box[0], 2 - box[1]), text, font=font, fill=_rgba(color))
    return image
