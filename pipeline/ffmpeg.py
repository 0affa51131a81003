"""The one door to ffmpeg: find the binary, run it with a progress pipe, probe files.

The binary is the static build that ``imageio-ffmpeg`` ships (or ``ADSTUDIO_FFMPEG_PATH``).
It has no ffprobe, so :func:`probe` reads container facts with PyAV.
stderr goes to a temporary file, never to an unread pipe (a full pipe deadlocks ffmpeg).
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import CancelledError, RenderError


def find_ffmpeg(configured: str | None = None) -> str:
    """Path of the ffmpeg binary: the configured one, else imageio-ffmpeg's."""
    if configured:
        if not Path(configured).exists():
            raise RenderError(f"ffmpeg not found at {configured}. Fix ADSTUDIO_FFMPEG_PATH.")
        return configured
    try:
        import imageio_ffmpeg
    except ImportError as exc:  # pragma: no cover - a broken install
        raise RenderError("imageio-ffmpeg is not installed. Run `make install`.") from exc
    return str(imageio_ffmpeg.get_ffmpeg_exe())


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run(
    exe: str,
    args: Sequence[str],
    *,
    duration_s: float | None = None,
    on_progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    what: str = "ffmpeg",
) -> None:
    """Run ``ffmpeg args``; raise RenderError with the stderr tail if it fails.

    With ``duration_s`` and ``on_progress``, ffmpeg's ``-progress`` output is turned into
    fractions 0..1 of the output duration. ``is_cancelled`` is polled; on True the process
    is killed and CancelledError raised.
    """
    cmd = [exe, "-hide_banner", "-nostdin", "-y", "-loglevel", "error"]
    if on_progress is not None:
        cmd += ["-progress", "pipe:1", "-nostats"]
    cmd += list(args)
    with tempfile.TemporaryFile(mode="w+b") as err:
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE if on_progress is not None else subprocess.DEVNULL,
            stderr=err,
        )
        try:
            if on_progress is not None and proc.stdout is not None:
                for raw in proc.stdout:
                    if is_cancelled is not None and is_cancelled():
                        proc.kill()
                        raise CancelledError()
                    key, _, value = raw.decode("ascii", "replace").strip().partition("=")
                    if key == "out_time_us" and duration_s and value.isdigit():
                        on_progress(min(1.0, int(value) / 1e6 / duration_s))
            while True:
                try:
                    code = proc.wait(timeout=0.2)
                    break
                except subprocess.TimeoutExpired:
                    if is_cancelled is not None and is_cancelled():
                        proc.kill()
                        proc.wait()
                        raise CancelledError() from None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if code != 0:
        raise RenderError(f"{what} failed (exit {code}): {_tail(stderr, 3)}", detail=_tail(stderr))


@dataclass(frozen=True)
class MediaInfo:
    """Facts about a media file, as a player would see them."""

    duration_s: float
    width: int
    height: int
    fps: float
    video_codec: str
    pix_fmt: str
    audio_codec: str | None
    audio_rate: int | None
    size_bytes: int


def probe(path: str | Path) -> MediaInfo:
    """Probe ``path`` with PyAV; RenderError if it is not a readable video."""
    import av

    path = Path(path)
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise RenderError(f"{path.name} has no video stream.")
            v = container.streams.video[0]
            a = container.streams.audio[0] if container.streams.audio else None
            if container.duration is not None:
                duration = container.duration / 1_000_000
            elif v.duration is not None and v.time_base is not None:
                duration = float(v.duration * v.time_base)
            else:
                duration = 0.0
            rate = v.average_rate or v.guessed_rate or 0
            return MediaInfo(
                duration_s=float(duration),
                width=int(v.codec_context.width),
                height=int(v.codec_context.height),
                fps=float(rate),
                video_codec=str(v.codec_context.name),
                pix_fmt=str(v.codec_context.pix_fmt or ""),
                audio_codec=str(a.codec_context.name) if a is not None else None,
                audio_rate=int(a.codec_context.sample_rate) if a is not None else None,
                size_bytes=path.stat().st_size,
            )
    except RenderError:
        raise
    except Exception as exc:  # av raises many kinds for non-media input
        raise RenderError(f"{path.name} is not a readable video file ({exc}).") from exc

