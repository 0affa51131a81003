"""Delivery formats (9:16, 4:5, 1:1, 16:9) and lengths: choosing them and their geometry.

Every format of an ad is cut from one picture, the *canvas*: as wide as the widest format
and as tall as the tallest (1920x1920 for 9:16 + 16:9). Each format shows the largest
centred box of its shape (its *crop*); the box every crop shows is the *core*, where the
local renderer draws the scene's objects and where the text is laid out, so nothing that
matters is cut in any format and no format is letterboxed or stretched. A format shows the
smallest box of its shape around the core (:func:`frame_box`): the subject fills a 1:1
frame even when 9:16 and 16:9 make the canvas square. One format alone
is its own canvas, crop and core: nothing changes for a single 9:16 ad.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.errors import InputError
from pipeline.spec import DURATIONS, FORMAT_SIZES, PLATFORM_FORMATS

DEFAULT_FORMATS: tuple[str, ...] = ("9:16",)


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float

    def scaled(self, k: float) -> Box:
        return Box(self.x * k, self.y * k, self.w * k, self.h * k)

    def even(self) -> tuple[int, int, int, int]:
        """Rounded to even pixels (yuv420p and the renderer's planes like even sizes)."""

        def ev(v: float) -> int:
            return int(round(v / 2) * 2)

        return ev(self.x), ev(self.y), max(2, ev(self.w)), max(2, ev(self.h))


def canvas_size(formats: Sequence[str]) -> tuple[int, int]:
    """The widest and the tallest of ``formats``' output sizes."""
    sizes = [FORMAT_SIZES[f] for f in formats]
    return max(w for w, _ in sizes), max(h for _, h in sizes)


def crop_box(name: str, canvas: tuple[int, int]) -> Box:
    """The largest centred box of format ``name``'s shape inside ``canvas``."""
    fw, fh = FORMAT_SIZES[name]
    cw, ch = canvas
    k = min(cw / fw, ch / fh)
    w, h = fw * k, fh * k
    return Box((cw - w) / 2, (ch - h) / 2, w, h)


def core_box(formats: Sequence[str], canvas: tuple[int, int]) -> Box:
    """The centred box every format's crop shows."""
    crops = [crop_box(f, canvas) for f in formats]
    w, h = min(c.w for c in crops), min(c.h for c in crops)
    return Box((canvas[0] - w) / 2, (canvas[1] - h) / 2, w, h)


def frame_box(name: str, formats: Sequence[str]) -> Box:
    """What format ``name`` shows of the canvas: the smallest centred box of its shape that
    holds the core (a 1:1 beside 9:16 and 16:9 shows the core, not the whole canvas)."""
    canvas = canvas_size(formats)
    core = core_box(formats, canvas)
    fw, fh = FORMAT_SIZES[name]
    k = max(core.w / fw, core.h / fh)
    w, h = fw * k, fh * k
    return Box((canvas[0] - w) / 2, (canvas[1] - h) / 2, w, h)


def zoom(name: str, formats: Sequence[str]) -> float:
    """The share of the largest centred box of its shape that format ``name`` shows."""
    canvas = canvas_size(formats)
    return round(frame_box(name, formats).w / crop_box(name, canvas).w, 6)


def text_box(name: str, formats: Sequence[str]) -> Box:
    """The core in format ``name``'s output pixels: where its text is laid out."""
    canvas = canvas_size(formats)
    frame, core = frame_box(name, formats), core_box(formats, canvas)
    k = FORMAT_SIZES[name][0] / frame.w
    return Box((core.x - frame.x) * k, (core.y - frame.y) * k, core.w * k, core.h * k)


def for_platform(platform: str) -> tuple[str, ...]:
    """The formats a platform's placements take (LinkedIn: 1:1 and 16:9)."""
    return PLATFORM_FORMATS.get(platform, DEFAULT_FORMATS)


def for_prompt(prompt: str) -> tuple[str, ...]:
    """The formats the platform a prompt names would take (the Create page preselects them)."""
    from pipeline.providers.copywriting.brief import find_platform

    return for_platform(find_platform(prompt or ""))


def parse(text: str) -> tuple[str, ...]:
    """``"9:16,1:1"`` -> ``("9:16", "1:1")``; also takes ``9x16`` and spaces. InputError
    names the formats that exist."""
    names = [n for n in re.split(r"[\s,]+", text.strip()) if n]
    out: list[str] = []
    for raw in names:
        name = raw.replace("x", ":").replace("X", ":").replace("/", ":")
        if name not in FORMAT_SIZES:
            raise InputError(
                f"Unknown format {raw!r}. Choose from {', '.join(FORMAT_SIZES)} "
                "(for example --formats 9:16,1:1)."
            )
        if name not in out:
            out.append(name)
    if not out:
        raise InputError(f"Give at least one format: {', '.join(FORMAT_SIZES)}.")
    return tuple(out)


def check_duration(seconds: float) -> float:
    """``seconds`` if it is a length ads are made in, else InputError listing them."""
    if float(seconds) not in DURATIONS:
        allowed = " or ".join(f"{d:g}" for d in DURATIONS)
        raise InputError(f"An ad lasts {allowed} seconds, not {seconds:g}.")
    return float(seconds)


def slug(name: str) -> str:
    """A file-name form of a format: ``16:9`` -> ``16x9``."""
    return name.replace(":", "x")
