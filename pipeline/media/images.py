"""Safe loading of images people upload: logos (PNG/SVG) and product photos (JPEG/PNG/WebP).

Every check runs before anything is stored: the name's type, the size in bytes, the magic
bytes against the name, Pillow's own reading of the header (a decompression bomb is an error,
never a warning), the pixel size, and a full decode. An SVG is parsed by defusedxml (no DTDs,
no entities), refused if it holds scripts, event handlers or references outside itself, and
rasterised by resvg. What comes out is a re-encoded Pillow image without the file's metadata.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from xml.etree.ElementTree import Element

from PIL import Image, ImageOps, UnidentifiedImageError

from pipeline.errors import InputError

MAX_BYTES = 15 * 1024 * 1024
MAX_SIDE = 8000
MAX_PIXELS = MAX_SIDE * MAX_SIDE  # more is a decompression bomb: refused, never a warning
LOGO_PX = 1024  # the longest side a stored logo keeps
PHOTO_PX = 2048  # the longest side a stored photo keeps
PHOTO_TYPES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
LOGO_TYPES = {".png": "PNG", ".svg": "SVG"}
_MAGIC = {
    "JPEG": (b"\xff\xd8\xff",),
    "PNG": (b"\x89PNG\r\n\x1a\n",),
}
_LABELS = {"WEBP": "WebP"}
_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_EMBEDDED = tuple(f"data:image/{t};" for t in ("png", "jpeg", "jpg", "webp", "gif"))
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Loaded:
    """An image that passed every check, ready to store."""

    image: Image.Image
    kind: str  # JPEG, PNG, WEBP or SVG (what the file was)
    name: str  # the file's name as given


def _kind(name: str, allowed: dict[str, str], what: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in allowed:
        names = "/".join(sorted({_LABELS.get(v, v) for v in allowed.values()}))
        raise InputError(f"{name}: a {what} must be a {names} file. Choose a file of that type.")
    return allowed[suffix]


def _check_bytes(name: str, data: bytes) -> None:
    if len(data) > MAX_BYTES:
        mb = len(data) / (1024 * 1024)
        raise InputError(
            f"{name} is {mb:.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB. "
            "Export a smaller file."
        )
    if not data:
        raise InputError(f"{name} is empty. Choose the file again.")


def _magic_ok(kind: str, data: bytes) -> bool:
    if kind == "WEBP":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return any(data.startswith(m) for m in _MAGIC[kind])


def _not_what_it_says(name: str, kind: str) -> InputError:
    return InputError(
        f"{name} is not {'an' if kind == 'SVG' else 'a'} {_LABELS.get(kind, kind)} image "
        "(its contents do not match its name). "
        "Export it again as a real image file."
    )


def open_raster(name: str, data: bytes, kind: str) -> Image.Image:
    """Open and fully decode a JPEG/PNG/WebP ``data`` named ``name``, or raise InputError."""
    if not _magic_ok(kind, data):
        raise _not_what_it_says(name, kind)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind])
            w, h = image.size
            if w * h > MAX_PIXELS:
                raise Image.DecompressionBombError(f"{w * h} pixels")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputError(
            f"{name} claims {_size(data, name)} pixels, more than this app opens "
            f"(at most {MAX_SIDE} px a side). Resize it and try again."
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _not_what_it_says(name, kind) from exc
    if max(w, h) > MAX_SIDE:
        raise InputError(
            f"{name} is {w}x{h} pixels; at most {MAX_SIDE} px a side is accepted. "
            "Resize it and try again."
        )
    try:
        image.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(
            f"{name} is damaged or cut short and cannot be read. Export it again."
        ) from exc
    return ImageOps.exif_transpose(image)


def _size(data: bytes, name: str) -> str:
    """The size a header claims, read without Pillow's limit (for the message only)."""
    old = Image.MAX_IMAGE_PIXELS
    try:
        Image.MAX_IMAGE_PIXELS = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            w, h = Image.open(io.BytesIO(data)).size
        return f"{w}x{h}"
    except Exception:
        return "too many"
    finally:
        Image.MAX_IMAGE_PIXELS = old


def _svg_problems(root: Element) -> Iterator[str]:
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
        if tag == "script":
            yield "a script"
        if tag == "foreignobject":
            yield "embedded HTML (foreignObject)"
        for key, value in el.attrib.items():
            local = key.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                yield f"an event handler ({local})"
            if (local == "href" or key == _XLINK_HREF) and not _inside(value):
                yield f"an external reference ({value[:60]})"
            if local == "style":
                yield from _css_problems(value)
        if tag == "style" and el.text:
            yield from _css_problems(el.text)


def _inside(ref: str) -> bool:
    """A reference to something in the file itself, or an embedded raster image."""
    ref = ref.strip().lower()
    return ref.startswith("#") or ref.startswith(_EMBEDDED)


def _css_problems(css: str) -> Iterator[str]:
    if "@import" in css.lower():
        yield "an external reference (@import)"
    for ref in _CSS_URL.findall(css):
        if not _inside(ref):
            yield f"an external reference ({ref[:60]})"


def open_svg(name: str, data: bytes, px: int = LOGO_PX) -> Image.Image:
    """Check an SVG logo and rasterise it (longest side ``px``), or raise InputError."""
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    try:
        root = safe_xml.fromstring(data, forbid_dtd=True, forbid_entities=True)
    except DefusedXmlException as exc:
        raise InputError(
            f"{name} declares a DTD or entities, which this app does not accept in a logo. "
            "Export it again as plain SVG."
        ) from exc
    except Exception as exc:  # ParseError and friends
        raise _not_what_it_says(name, "SVG") from exc
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        raise _not_what_it_says(name, "SVG")
    problems = list(dict.fromkeys(_svg_problems(root)))
    if problems:
        raise InputError(
            f"{name} contains {', '.join(problems[:3])}. A logo must be a plain drawing: "
            "export it again without scripts or links to other files."
        )
    import resvg_py

    text = data.decode("utf-8", "replace")
    try:
        png = bytes(resvg_py.svg_to_bytes(svg_string=text, width=px, skip_system_fonts=False))
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(png), formats=["PNG"])
            image.load()
    except Exception as exc:
        raise InputError(
            f"{name} could not be drawn ({str(exc)[:80]}). Export it again as plain SVG or PNG."
        ) from exc
    return image


def load_photo(name: str, data: bytes) -> Loaded:
    """A product photo (JPEG/PNG/WebP) that passed every check, as RGB at most PHOTO_PX."""
    kind = _kind(name, PHOTO_TYPES, "product photo")
    _check_bytes(name, data)
    image = open_raster(name, data, kind).convert("RGB")
    image.thumbnail((PHOTO_PX, PHOTO_PX), Image.Resampling.LANCZOS)
    return Loaded(image, kind, name)


def load_logo(name: str, data: bytes) -> Loaded:
    """A logo (PNG or SVG) that passed every check, as RGBA at most LOGO_PX."""
    kind = _kind(name, LOGO_TYPES, "logo")
    _check_bytes(name, data)
    image = open_svg(name, data) if kind == "SVG" else open_raster(name, data, kind)
    image = image.convert("RGBA")
    image.thumbnail((LOGO_PX, LOGO_PX), Image.Resampling.LANCZOS)
    return Loaded(image, kind, name)
