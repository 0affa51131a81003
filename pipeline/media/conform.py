"""Conform a clip to the ad's frame: exact size by crop and scale, the scene's length, fixed fps.

Generated clips arrive in whatever shape the model makes (often 16:9 landscape, 5 or 6 s).
The ad needs 9:16 at the scene's duration, so every clip passes through one ffmpeg call:

- scale so the frame *covers* the target, then centre-crop the overflow: never stretched,
  never letterboxed;
- at the source's own resolution (:func:`conform_size`): a 1280x720 output becomes 396x704,
  not an upscaled 1080x1920. The export scales every clip to the final size once, after the
  grade, so upscaling here would only cost CPU twice (encode here, grade there) for no detail;
- trim a longer clip; hold the last frame of a shorter one;
- constant frame rate, square pixels, yuv420p, no audio (the audio stage mixes its own).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from pipeline.media import ffmpeg


def conform_size(src_w: int, src_h: int, max_w: int, max_h: int) -> tuple[int, int]:
    """The largest frame of ``max_w``:``max_h``'s exact shape that ``src_w``x``src_h`` covers.

    Never larger than ``max_w``x``max_h`` and never (beyond a few pixels of rounding) larger
    than the source, so conforming only crops and scales down; both sides even for yuv420p.
    """
    g = math.gcd(max_w, max_h)
    a, b = max_w // g, max_h // g  # 9:16 for 1080x1920
    k = math.floor(min(src_w / a, src_h / b, g))
    if (a % 2 or b % 2) and k % 2:
        k -= 1
    if k < 2 or a * k < 16:  # a tiny or odd-shaped target: fall back to the full size
        return max_w, max_h
    return a * k, b * k


def conform_filter(width: int, height: int, fps: int, duration_s: float) -> str:
    """The ffmpeg filter chain for :func:`conform_clip` (exposed for tests and plans)."""
    return ",".join(
        [
            # Non-square source pixels are made square first so "cover" uses the real shape.
            "scale=trunc(iw*sar/2)*2:ih",
            "setsar=1",
            f"scale={width}:{height}:force_original_aspect_ratio=increase:flags=lanczos",
            f"crop={width}:{height}",
            "setsar=1",
            f"fps={fps}",
            f"tpad=stop_mode=clone:stop_duration={duration_s:.3f}",
            "format=yuv420p",
        ]
    )


def conform_clip(
    exe: str,
    src: Path,
    dest: Path,
    *,
    width: int,
    height: int,
    fps: int,
    duration_s: float,
    on_progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write ``src`` to ``dest`` at ``width``x``height``, ``fps``, lasting ``duration_s``.

    Raises RenderError if ffmpeg fails and CancelledError if ``is_cancelled`` turns True.
    """
    args = [
        "-i",
        str(src),
        "-an",
        "-sn",
        "-dn",
        "-vf",
        conform_filter(width, height, fps, duration_s),
        "-t",
        f"{duration_s:.3f}",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "18",
        "-movflags",
        "+faststart",
        str(dest),
    ]
    ffmpeg.run(
        exe,
        args,
        duration_s=duration_s,
        on_progress=on_progress,
        is_cancelled=is_cancelled,
        what=f"Conforming {src.name}",
    )
