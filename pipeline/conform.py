"""Conform a clip to the ad's frame: exact size by crop and scale, the scene's length, fixed fps.

Generated clips arrive in whatever shape the model makes (often 16:9 landscape, 5 or 6 s).
The ad needs 9:16 at the scene's duration, so every clip passes through one ffmpeg call:

- scale so the frame *covers* the target, then centre-crop the overflow: never stretched,
  never letterboxed;
- trim a longer clip; hold the last frame of a shorter one;
- constant frame rate, square pixels, yuv420p, no audio (the audio stage mixes its own).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline import ffmpeg


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
