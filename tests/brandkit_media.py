"""Small real images for the brand-kit tests: a striped photo, a two-colour logo, crafted bombs."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageDraw

ORANGE, CYAN = (255, 120, 0), (0, 200, 220)  # the photo's stripes
YELLOW, BLUE = (255, 214, 0), (41, 98, 255)  # the logo's halves


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def photo(fmt: str = "JPEG", size: tuple[int, int] = (800, 600)) -> bytes:
    """Orange and cyan stripes: easy to find again in a decoded frame."""
    img = Image.new("RGB", size, ORANGE)
    draw = ImageDraw.Draw(img)
    for x in range(0, size[0], 100):
        draw.rectangle((x, 0, x + 49, size[1]), fill=CYAN)
    return encode(img, fmt, **({"quality": 95} if fmt == "JPEG" else {}))


def logo_png() -> bytes:
    """A yellow half and a blue half on a transparent canvas."""
    img = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 199, 199), fill=(*YELLOW, 255))
    draw.rectangle((200, 0, 399, 199), fill=(*BLUE, 255))
    return encode(img, "PNG")


def svg(body: str = '<rect width="100" height="50" fill="#FFD600"/>', head: str = "") -> bytes:
    return (
        f'{head}<svg xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" '
        f'viewBox="0 0 200 100">{body}'
        '<rect x="100" width="100" height="100" fill="#2962FF"/></svg>'
    ).encode()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` (a decompression bomb's shape)."""
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    ihdr = bytearray(data[12:29])  # b"IHDR" + 13 bytes
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    return bytes(data)
