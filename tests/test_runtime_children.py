"""Child processes die with their parent: a kill -9 of the worker leaves no encoder behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil

from pipeline.child import ROOT

ENCODE = textwrap.dedent(
    """
    import sys
    from pipeline import ffmpeg

    # An export-like encode: 1080x1920 x264 for ten minutes of output (far longer than a test).
    ffmpeg.run(
        ffmpeg.find_ffmpeg(),
        ["-f", "lavfi", "-i", "testsrc2=size=1080x1920:rate=24", "-t", "600",
         "-c:v", "libx264", "-preset", "veryfast", sys.argv[1]],
        what="The final render",
    )
    """
)


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _wait_for(condition, timeout_s: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s  # a safety net, not a measurement
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_ffmpeg_dies_with_a_worker_killed_by_sigkill(tmp_path: Path) -> None:
    out = tmp_path / "final.mp4"
    worker = subprocess.Popen([sys.executable, "-c", ENCODE, str(out)], cwd=ROOT)
    encoder: psutil.Process | None = None
    try:
        parent = psutil.Process(worker.pid)
        assert _wait_for(lambda: any("ffmpeg" in p.name() for p in parent.children()))
        (encoder,) = [p for p in parent.children() if "ffmpeg" in p.name()]
        assert _wait_for(out.exists)  # it is writing
        assert encoder.status() != psutil.STATUS_ZOMBIE
        assert os.getpgid(encoder.pid) == encoder.pid  # its own process group
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        assert _wait_for(lambda: _gone(encoder.pid), timeout_s=10.0)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        if encoder is not None and not _gone(encoder.pid):
            encoder.kill()  # what the code under test failed to do
