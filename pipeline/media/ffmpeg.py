"""The one door to ffmpeg: find the binary, run it with a progress pipe, probe files.

The binary is the static build that ``imageio-ffmpeg`` ships (or ``ADSTUDIO_FFMPEG_PATH``).
It has no ffprobe, so :func:`probe` reads container facts with PyAV; :func:`probe_apart` does
the same in a short-lived child (``python -m pipeline.media.ffmpeg probe FILE``) for a process
that should not hold PyAV's libraries (about 20 MB) in memory.
stderr goes to a temporary file, never to an unread pipe (a full pipe deadlocks ffmpeg); a
failure becomes one readable sentence (:func:`explain`) and the stderr goes to the log.
"""

from __future__ import annotations

import json
import logging
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.errors import CancelledError, RenderError
from pipeline.logs import log_event
from pipeline.runtime import child


def concat_entry(path: str | Path) -> str:
    """An ffconcat ``file`` line. The path is made absolute: ffmpeg reads a relative one
    against the list's own folder, not the working directory (a relative data folder, the
    default, named every picture twice)."""
    quoted = str(Path(path).resolve()).replace("'", "'\\''")
    return f"file '{quoted}'"


def concat_file(line: str) -> str | None:
    """The path of an ffconcat ``file`` line (what :func:`concat_entry` wrote), else None."""
    line = line.strip()
    if not line.startswith("file "):
        return None
    body = line[5:].strip()
    if len(body) >= 2 and body[0] == body[-1] == "'":
        body = body[1:-1]
    return body.replace("'\\''", "'")


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


def _doing(what: str) -> str:
    """'The final render' -> 'making the final render'; 'Conforming x' -> 'conforming x'."""
    phrase = what[:1].lower() + what[1:]
    return f"making {phrase}" if phrase.startswith(("the ", "a ")) else phrase


#: (a phrase ffmpeg writes to stderr, the sentence after "{what} ...") for common causes.
_CAUSES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("Permission denied", "Read-only file system"),
        "could not write its file (permission denied); check that the data and output "
        "folders are writable by the server.",
    ),
    (
        ("Unknown encoder", "Encoder not found", "Unknown decoder", "Decoder not found"),
        "needs a codec this ffmpeg build lacks; reinstall imageio-ffmpeg or set "
        "ADSTUDIO_FFMPEG_PATH to a full ffmpeg build.",
    ),
    (
        ("No such file or directory",),
        "could not find one of its input files (it was removed while the ad was being made). "
        "Please try again.",
    ),
    (
        ("Invalid data found", "moov atom not found", "Error opening input", "End of file"),
        "could not read one of its input files (it is damaged or not a media file). "
        "Please try again.",
    ),
)


def explain(what: str, code: int, stderr: str) -> str:
    """One or two sentences for a user on why ffmpeg failed and what to do.

    ``what`` names the job ("The final render"). ffmpeg's own text (paths, banners) never
    reaches the sentence: it belongs in the log.
    """
    if "No space left on device" in stderr or code == 228:  # 228: AVERROR(ENOSPC) & 0xFF
        return f"The server ran out of disk space while {_doing(what)}; free space and try again."
    if "Cannot allocate memory" in stderr:
        return f"The server ran out of memory while {_doing(what)}; try again when it is less busy."
    if code < 0:
        try:
            name = f"signal {-code}, {signal.Signals(-code).name}"
        except ValueError:
            name = f"signal {-code}"
        return (
            f"{what} was stopped ({name}) before it finished, usually because the server ran "
            "low on memory or was shutting down. Please try again."
        )
    for needles, sentence in _CAUSES:
        if any(n in stderr for n in needles):
            return f"{what} {sentence}"
    return (
        f"{what} failed (ffmpeg exit code {code}). Please try again; if it keeps failing, "
        "the server log has ffmpeg's message."
    )


#: No progress line for this long means ffmpeg is stuck (it prints one every 0.5 s while
#: working). Seen on a loaded 2-core machine: ffmpeg 9's threaded scheduler parked in a
#: futex with many looped-image inputs, CPU idle, forever.
STALL_S = 60.0


class StalledError(RenderError):
    """ffmpeg stopped making progress and was killed (safe to retry)."""


def _pump(stream: object, lines: queue.Queue[bytes | None]) -> None:
    for raw in stream:  # type: ignore[attr-defined]
        lines.put(raw)
    lines.put(None)


def _watch(
    proc: subprocess.Popen[bytes],
    *,
    duration_s: float | None,
    on_progress: Callable[[float], None] | None,
    is_cancelled: Callable[[], bool] | None,
    stall_s: float,
    what: str,
) -> int:
    """Follow ffmpeg until it exits: progress, cancel, and a stall watchdog."""
    lines: queue.Queue[bytes | None] = queue.Queue()
    if proc.stdout is None:
        raise RenderError(f"{what}: ffmpeg's progress pipe did not open.")
    threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True).start()
    last = time.monotonic()
    eof = False
    while True:
        if is_cancelled is not None and is_cancelled():
            raise CancelledError()
        if eof:  # progress pipe closed: ffmpeg is exiting
            try:
                return proc.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                pass
        else:
            try:
                raw = lines.get(timeout=0.2)
            except queue.Empty:
                raw = b""
            if raw is None:
                eof = True
                continue
            if raw:
                last = time.monotonic()
                key, _, value = raw.decode("ascii", "replace").strip().partition("=")
                if key == "out_time_us" and duration_s and on_progress and value.isdigit():
                    on_progress(min(1.0, int(value) / 1e6 / duration_s))
                continue
        if time.monotonic() - last > stall_s:
            raise StalledError(f"{what} made no progress for {stall_s:.0f} s and was stopped.")


def run(
    exe: str,
    args: Sequence[str],
    *,
    duration_s: float | None = None,
    on_progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    what: str = "ffmpeg",
    stall_s: float = STALL_S,
) -> None:
    """Run ``ffmpeg args``; raise RenderError with the stderr tail if it fails.

    ffmpeg's ``-progress`` output is always read: it turns into fractions 0..1 of
    ``duration_s`` for ``on_progress``, and its silence for ``stall_s`` kills a stuck
    process (:class:`StalledError`). ``is_cancelled`` is polled; on True the process is
    killed and CancelledError raised.
    """
    cmd = [exe, "-hide_banner", "-nostdin", "-y", "-loglevel", "error"]
    cmd += ["-progress", "pipe:1", "-nostats", *args]
    with tempfile.TemporaryFile(mode="w+b") as err:
        # Its own process group, killed with this process: no encoder outlives a dead worker.
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, **child.tied())
        try:
            code = _watch(
                proc, duration_s=duration_s, on_progress=on_progress,
                is_cancelled=is_cancelled, stall_s=stall_s, what=what,
            )  # fmt: skip
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if code != 0:
        raise failure(what, code, stderr)


def failure(what: str, code: int, stderr: str) -> RenderError:
    """The error for a failed ffmpeg run: :func:`explain`'s sentence; stderr goes to the log."""
    detail = _tail(stderr)
    log_event("ffmpeg_failed", detail or "(no message)", level=logging.WARNING,
              what=what, exit_code=code)  # fmt: skip
    return RenderError(explain(what, code, stderr), detail=detail)


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
    except Exception as exc:  # av raises many kinds for non-media input (their text has paths)
        raise RenderError(
            f"{path.name} is not a readable video file.", detail=f"{type(exc).__name__}: {exc}"
        ) from exc


def probe_apart(path: str | Path) -> MediaInfo:
    """:func:`probe` in a child process: the same answer and errors, PyAV loaded only there."""
    try:
        done = subprocess.run(
            child.command("pipeline.media.ffmpeg", "probe", str(path)),
            capture_output=True, text=True, env=child.environment(), timeout=120,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"Could not check {Path(path).name} ({exc}).") from exc
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise RenderError(lines[-1] if lines else f"Could not check {Path(path).name}.")
    return MediaInfo(**json.loads(done.stdout))


def _main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "probe":
        print("usage: python -m pipeline.media.ffmpeg probe FILE", file=sys.stderr)
        return 2
    try:
        print(json.dumps(asdict(probe(argv[1]))))
    except RenderError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
