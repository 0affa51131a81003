"""Legibility: WCAG contrast of overlay text against the real pixels of the clip behind it.

How it is measured (see :func:`halo_contrast`): the layer is composited over the clip's
pixels, and every pixel in a thin ring around the glyphs (the "halo", the area the eye
uses to tell a letter from its surroundings) is compared with the text colour by the
WCAG 2 contrast ratio. The 5th percentile of those ratios is the layer's score on that
frame, so a few specular pixels do not force a plate, but a bright stripe behind the
words does. The worst frame counts; 4.5:1 is the WCAG AA threshold for normal text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from pipeline.errors import StageError
from pipeline.media.colors import color_contrast
from pipeline.typography.luma import contrast, luminance

WCAG_AA = 4.5


def best_on(background: str, preferred: str) -> str:
    """``preferred`` if it reaches 4.5:1 on ``background``, else black or white, the better."""
    if color_contrast(preferred, background) >= WCAG_AA:
        return preferred
    dark, light = color_contrast("#000000", background), color_contrast("#FFFFFF", background)
    return "#000000" if dark >= light else "#FFFFFF"


def dilate(mask: np.ndarray, r: int) -> np.ndarray:
    """Boolean mask grown by ``r`` px (a square structuring element, separable max)."""
    out = mask.copy()
    for axis in (0, 1):
        grown = out.copy()
        for step in range(1, r + 1):
            grown[tuple(_sl(axis, step, None))] |= out[tuple(_sl(axis, None, -step))]
            grown[tuple(_sl(axis, None, -step))] |= out[tuple(_sl(axis, step, None))]
        out = grown
    return out


def _sl(axis: int, start: int | None, stop: int | None) -> list[slice]:
    s = [slice(None), slice(None)]
    s[axis] = slice(start, stop)
    return s


def halo(glyphs: np.ndarray, radius: int) -> np.ndarray:
    """The ring from 2 to ``radius`` px outside the glyphs (anti-aliased edges excluded)."""
    inked = glyphs > 0
    return dilate(inked, radius) & ~dilate(inked, 2)


def composite(layer: np.ndarray, background: np.ndarray) -> np.ndarray:
    """RGBA ``layer`` (uint8) over RGB ``background`` of the same size -> RGB float."""
    a = layer[..., 3:4].astype(np.float64) / 255.0
    return layer[..., :3] * a + background.astype(np.float64) * (1.0 - a)


def halo_contrast(
    layer: np.ndarray, ring: np.ndarray, text_rgb: tuple[int, int, int], background: np.ndarray
) -> float:
    """5th-percentile WCAG contrast between the text colour and the composited halo pixels."""
    seen = composite(layer, background)[ring]
    if seen.size == 0:
        return 21.0
    ratios = contrast(luminance(np.array(text_rgb)), luminance(seen))
    return float(np.percentile(ratios, 5))


@dataclass(frozen=True)
class Probe:
    """Where to look: the layer's box on the final frame at one moment of the clip."""

    time_s: float
    x: int
    y: int
    width: int
    height: int


def source_box(
    box: tuple[int, int, int, int], src: tuple[int, int], frame: tuple[int, int]
) -> tuple[float, float, float, float]:
    """Map a box on the final ``frame`` to the source picture of size ``src``.

    Export conforms clips by scaling to *cover* the frame and centre-cropping the overflow
    (:mod:`pipeline.media.conform`); this is the inverse of that mapping.
    """
    (x, y, w, h), (sw, sh), (fw, fh) = box, src, frame
    scale = max(fw / sw, fh / sh)
    ox, oy = (sw * scale - fw) / 2, (sh * scale - fh) / 2
    return (x + ox) / scale, (y + oy) / scale, w / scale, h / scale


def sample_backgrounds(
    path: str | Path, probes: Sequence[Probe], frame: tuple[int, int]
) -> list[np.ndarray]:
    """The clip's pixels behind each probe box, as the viewer will see them (RGB uint8).

    Decodes ``path`` once, front to back, keeping the first decoded frame at or after each
    probe's time (the last frame when the clip is shorter), crops the mapped box from the source
    picture and scales it to the box's size on the final frame.
    """
    import av

    wanted = sorted(range(len(probes)), key=lambda i: probes[i].time_s)
    found: dict[int, np.ndarray] = {}
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            # Only a few frames are looked at, so frames nothing refers to (B-frames) and
            # the deblocking filter are skipped: decoding runs ~2x faster for the same use.
            stream.codec_context.skip_frame = "NONREF"
            stream.codec_context.options = {"skip_loop_filter": "all"}
            last = None
            k = 0
            for picture in container.decode(stream):
                t = float(picture.time or 0.0)
                last = picture
                while k < len(wanted) and t + 1e-3 >= probes[wanted[k]].time_s:
                    found[wanted[k]] = _crop(_rgb(picture), probes[wanted[k]], frame)
                    k += 1
                if k == len(wanted):
                    break
            if last is None:
                raise StageError("overlays", f"{Path(path).name} has no video frames.")
            if k < len(wanted):
                image = _rgb(last)
                for i in wanted[k:]:
                    found[i] = _crop(image, probes[i], frame)
    except StageError:
        raise
    except Exception as exc:  # av raises many kinds for unreadable input
        raise StageError(
            "overlays",
            f"Could not read the clip {Path(path).name} to check text contrast ({exc}). "
            "Regenerate the video.",
        ) from exc
    return [found[i] for i in range(len(probes))]


def _rgb(picture: object) -> np.ndarray:
    return picture.to_ndarray(format="rgb24")  # type: ignore[attr-defined,no-any-return]


def _crop(picture: np.ndarray, probe: Probe, frame: tuple[int, int]) -> np.ndarray:
    src_h, src_w = picture.shape[:2]
    sx, sy, sw, sh = source_box(
        (probe.x, probe.y, probe.width, probe.height), (src_w, src_h), frame
    )
    # Only the box (plus a pixel for the filter) is handed to Pillow, not the whole frame.
    x0, y0 = max(0, int(sx) - 1), max(0, int(sy) - 1)
    x1, y1 = min(src_w, int(np.ceil(sx + sw)) + 1), min(src_h, int(np.ceil(sy + sh)) + 1)
    region = Image.fromarray(np.ascontiguousarray(picture[y0:y1, x0:x1]))
    box = (sx - x0, sy - y0, sx - x0 + sw, sy - y0 + sh)
    scaled = region.resize((probe.width, probe.height), Image.Resampling.BILINEAR, box=box)
    return np.asarray(scaled)
