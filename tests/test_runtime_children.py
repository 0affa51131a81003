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

from pipeline.runtime.child import ROOT

ENCODE = textwrap.dedent(
    """
    import sys
    from pipeline.media import ffmpeg

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


def _encoders(parent: psutil.Process) -> list[psutil.Process]:
    """The parent's export-like ffmpeg (not a short-lived version check)."""
    found = []
    for proc in parent.children():
        try:
            if "testsrc2=size=1080x1920:rate=24" in proc.cmdline():
                found.append(proc)
        except psutil.Error:
            continue
    return found


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
        assert _wait_for(lambda: _encoders(parent) != [])
        (encoder,) = _encoders(parent)
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


WORKER = textwrap.dedent(
    """
    import sys, threading, time
    from pathlib import Path
    from pipeline.runtime import jobs
    from pipeline.runtime.services import bootstrap
    from pipeline.settings import Settings
    from pipeline.store.users import add_user

    folder = Path(sys.argv[1])
    runtime = bootstrap(Settings(data_dir=folder / "data", output_dir=folder / "output"))
    drawing = threading.Event()
    runtime.on_progress = lambda gid, percent, step: (
        drawing.set() if step.startswith("Drawing scene") else None
    )
    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    jobs.start(runtime, user_id, "Create a luxury watch ad for Instagram", seed=1)
    assert drawing.wait(300)
    print("drawing", flush=True)
    time.sleep(600)
    """
)


def test_the_drawing_process_and_what_it_started_die_with_a_killed_worker(
    tmp_path: Path,
) -> None:
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    family: list[psutil.Process] = []
    try:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "drawing"
        (painter,) = [
            p
            for p in psutil.Process(worker.pid).children()
            if "pipeline.runtime.drawing" in p.cmdline()
        ]
        family = [painter, *painter.children(recursive=True)]
        # the drawing process (clips are encoded inside it) and any process it runs
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        assert _wait_for(lambda: all(_gone(p.pid) for p in family), timeout_s=10.0)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        for proc in family:
            if not _gone(proc.pid):
                proc.kill()  # what the code under test failed to do
