"""Independent media checks for tests (PyAV), so assertions do not trust the code under test."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np


@dataclass
class Probe:
    width: int
    height: int
    fps: float
    duration_s: float
    video_codec: str
    pix_fmt: str
    profile: str
    audio_codec: str | None
    audio_channels: int | None
    size_bytes: int
    frames: int


def probe(path: str | Path) -> Probe:
    with av.open(str(path)) as c:
        v = c.streams.video[0]
        a = c.streams.audio[0] if c.streams.audio else None
        frames = v.frames or 0
        return Probe(
            width=v.codec_context.width,
            height=v.codec_context.height,
            fps=float(v.average_rate),
            duration_s=c.duration / 1e6,
            video_codec=v.codec_context.name,
            pix_fmt=v.codec_context.pix_fmt,
            profile=str(v.codec_context.profile),
            audio_codec=a.codec_context.name if a else None,
            audio_channels=a.codec_context.channels if a else None,
            size_bytes=Path(path).stat().st_size,
            frames=frames,
        )


def frame_at(path: str | Path, t: float) -> np.ndarray:
    """The decoded RGB frame at (or just after) time ``t``."""
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        for frame in c.decode(stream):
            if frame.time is not None and frame.time >= t - 1e-3:
                return frame.to_ndarray(format="rgb24")
    raise AssertionError(f"no frame at {t}s in {path}")


def faststart(path: str | Path) -> bool:
    """True if the moov atom precedes mdat (web players can start before the download ends)."""
    data = Path(path).read_bytes()[:1_000_000]
    moov, mdat = data.find(b"moov"), data.find(b"mdat")
    return moov != -1 and (mdat == -1 or moov < mdat)
