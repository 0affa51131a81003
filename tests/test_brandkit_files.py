"""Bad brand-kit files: each gets its exact message, and nothing is stored (no row, no file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pipeline.errors import InputError
from pipeline.runtime.services import Runtime
from pipeline.store import brand_kit
from pipeline.store.db import BrandKit
from tests import brandkit_media as media

SVG_ADVICE = (
    "A logo must be a plain drawing: export it again without scripts or links to other files."
)


def stored(runtime: Runtime) -> tuple[int, list[Path]]:
    """(kit rows, files under data_dir/brand_kits) after an attempt."""
    with runtime.sessions() as session:
        rows = session.query(BrandKit).count()
    root = brand_kit.kits_root(runtime.settings.data_dir)
    return rows, sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def refused(runtime: Runtime, user_id: int, **files: object) -> str:
    with pytest.raises(InputError) as info, runtime.sessions.begin() as session:
        brand_kit.save_kit(session, runtime.settings.data_dir, user_id, "Acme", **files)  # type: ignore[arg-type]
    assert stored(runtime) == (0, [])
    return str(info.value)


BAD_PHOTOS = [
    ("specs.pdf", b"%PDF-1.7 ...",
     "specs.pdf: a product photo must be a JPEG/PNG/WebP file. Choose a file of that type."),
    ("photo.jpg", media.photo("PNG"),
     "photo.jpg is not a JPEG image (its contents do not match its name). "
     "Export it again as a real image file."),
    ("notes.png", b"just some text, not a picture at all",
     "notes.png is not a PNG image (its contents do not match its name). "
     "Export it again as a real image file."),
    ("fake.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 garbage-garbage",
     "fake.webp is not a WebP image (its contents do not match its name). "
     "Export it again as a real image file."),
    ("big.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (16 * 1024 * 1024),
     "big.png is 16.0 MB; the limit is 15 MB. Export a smaller file."),
    ("wide.png", media.encode(Image.new("RGB", (8001, 4)), "PNG"),
     "wide.png is 8001x4 pixels; at most 8000 px a side is accepted. Resize it and try again."),
    ("bomb.png", media.png_claiming(30000, 30000),
     "bomb.png claims 30000x30000 pixels, more than this app opens (at most 8000 px a side). "
     "Resize it and try again."),
    ("warned.png", media.png_claiming(10000, 10000),  # Pillow only warns here by default
     "warned.png claims 10000x10000 pixels, more than this app opens (at most 8000 px a side). "
     "Resize it and try again."),
    ("cut.jpg", media.photo("JPEG")[:3000],
     "cut.jpg is damaged or cut short and cannot be read. Export it again."),
    ("empty.jpg", b"", "empty.jpg is empty. Choose the file again."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "message"), BAD_PHOTOS, ids=[b[0] for b in BAD_PHOTOS])
def test_bad_photo_is_refused_with_its_message_and_nothing_is_stored(
    runtime: Runtime, user_id: int, name: str, data: bytes, message: str
) -> None:
    good = ("ok.jpg", media.photo())
    text = refused(
        runtime, user_id, logo=("logo.png", media.logo_png()), photos=[good, (name, data)]
    )
    assert text == message


BAD_LOGOS = [
    ("logo.gif", b"GIF89a...",
     "logo.gif: a logo must be a PNG/SVG file. Choose a file of that type."),
    ("logo.png", media.photo("JPEG"),
     "logo.png is not a PNG image (its contents do not match its name). "
     "Export it again as a real image file."),
    ("logo.svg", b"hello, I am not XML",
     "logo.svg is not an SVG image (its contents do not match its name). "
     "Export it again as a real image file."),
    ("logo.svg", b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
     "logo.svg is not an SVG image (its contents do not match its name). "
     "Export it again as a real image file."),
    ("logo.svg", media.svg("<script>alert(document.cookie)</script>"),
     f"logo.svg contains a script. {SVG_ADVICE}"),
    ("logo.svg", media.svg('<rect width="10" height="10" onclick="steal()"/>'),
     f"logo.svg contains an event handler (onclick). {SVG_ADVICE}"),
    ("logo.svg", media.svg('<image href="http://evil.example/pixel.png" width="5" height="5"/>'),
     f"logo.svg contains an external reference (http://evil.example/pixel.png). {SVG_ADVICE}"),
    ("logo.svg", media.svg('<image xlink:href="file:///etc/passwd" width="5" height="5"/>'),
     f"logo.svg contains an external reference (file:///etc/passwd). {SVG_ADVICE}"),
    ("logo.svg", media.svg('<rect width="9" height="9" style="fill:url(https://x.example/a)"/>'),
     f"logo.svg contains an external reference (https://x.example/a). {SVG_ADVICE}"),
    ("logo.svg", media.svg('<style>@import "https://x.example/a.css";</style>'),
     f"logo.svg contains an external reference (@import). {SVG_ADVICE}"),
    ("logo.svg", media.svg('<foreignObject width="9" height="9"><p>hi</p></foreignObject>'),
     f"logo.svg contains embedded HTML (foreignObject). {SVG_ADVICE}"),
    ("logo.svg", media.svg("<text>&boom;</text>", '<!DOCTYPE svg [<!ENTITY boom "lol">]>'),
     "logo.svg declares a DTD or entities, which this app does not accept in a logo. "
     "Export it again as plain SVG."),
    ("logo.svg", media.svg("<text>&x;</text>", '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
     "logo.svg declares a DTD or entities, which this app does not accept in a logo. "
     "Export it again as plain SVG."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "message"), BAD_LOGOS)
def test_bad_logo_is_refused_with_its_message_and_nothing_is_stored(
    runtime: Runtime, user_id: int, name: str, data: bytes, message: str
) -> None:
    text = refused(runtime, user_id, logo=(name, data), photos=[("ok.jpg", media.photo())])
    assert text == message


def test_kit_level_mistakes_are_refused_before_anything_is_stored(
    runtime: Runtime, user_id: int
) -> None:
    six = [(f"p{i}.jpg", media.photo()) for i in range(6)]
    assert refused(runtime, user_id, photos=six) == (
        "A brand kit holds at most 5 product photos; you gave 6. Remove some."
    )
    assert refused(runtime, user_id) == (
        "Add a logo or at least one product photo to save a brand kit."
    )
    assert refused(runtime, user_id, logo=("l.png", media.logo_png()), font_style="gothic") == (
        "Font style must be one of: sans, serif, condensed, rounded."
    )
    logo = ("l.png", media.logo_png())
    with pytest.raises(InputError) as info, runtime.sessions.begin() as session:
        brand_kit.save_kit(session, runtime.settings.data_dir, user_id, "   ", logo=logo)
    assert str(info.value) == "Give the brand kit a name of 1 to 60 characters."
    assert stored(runtime) == (0, [])


def test_an_embedded_raster_image_and_internal_references_are_fine(
    runtime: Runtime, user_id: int
) -> None:
    body = (
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#FFD600"/></linearGradient>'
        '</defs><rect width="100" height="100" fill="url(#g)"/><use href="#g"/>'
    )
    with runtime.sessions.begin() as session:
        kit = brand_kit.save_kit(
            session, runtime.settings.data_dir, user_id, "Acme", logo=("logo.svg", media.svg(body))
        )
        folder = brand_kit.kit_dir(runtime.settings.data_dir, user_id, kit.id)
    with Image.open(folder / "logo.png") as logo:
        assert logo.size == (1024, 512)  # rasterised by resvg at the stored logo size
        assert logo.convert("RGB").getpixel((800, 256)) == media.BLUE
