"""Errors a user reads on a failed row: one or two sentences, the cause and what to do.

Real ffmpeg writing to ``/dev/full`` (a full disk), a real process killed by a signal, real
damaged files, and a generation whose output folder is a full tmpfs. ffmpeg's own text
(banner, paths) goes to the log, never into the sentence.
"""

from __future__ import annotations

import errno
import json
import shutil
import stat
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.errors import RenderError, unexpected
from pipeline.media import ffmpeg
from pipeline.media.audio_library import DEFAULT_ASSETS_DIR
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.stages import audio
from pipeline.stages.context import StageContext
from pipeline.store import repository
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo

FFMPEG = ffmpeg.find_ffmpeg()
RED = ["-f", "lavfi", "-i", "color=c=red:s=64x64:r=24:d=1", "-c:v", "libx264",
       "-preset", "ultrafast"]  # fmt: skip


def readable(message: str) -> None:
    """What every row message must be: short, no path, no banner, no bare exception type."""
    assert len(message) < 300, message
    assert "/" not in message.replace("`python -m assets.synth`", ""), message
    assert "ffmpeg version" not in message and "Traceback" not in message
    assert "(OSError)" not in message and "Error)" not in message


def test_a_full_disk_under_ffmpeg_says_so_and_what_to_do(log_lines: list[str]) -> None:
    with pytest.raises(RenderError) as caught:
        ffmpeg.run(FFMPEG, [*RED, "-f", "mp4", "/dev/full"], what="The final render")
    assert caught.value.message == (
        "The server ran out of disk space while making the final render; free space and try again."
    )
    readable(caught.value.message)
    logged = [json.loads(line) for line in log_lines if '"ffmpeg_failed"' in line]
    assert logged and "No space left on device" in logged[-1]["message"]


def test_an_encoder_killed_by_a_signal_is_named_as_stopped(tmp_path: Path) -> None:
    killed = tmp_path / "ffmpeg"  # an "ffmpeg" that the kernel kills, as the OOM killer would
    killed.write_text("#!/bin/sh\nkill -KILL $$\n")
    killed.chmod(killed.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(RenderError) as caught:
        ffmpeg.run(str(killed), [*RED, str(tmp_path / "out.mp4")], what="The final render")
    assert caught.value.message == (
        "The final render was stopped (signal 9, SIGKILL) before it finished, usually because "
        "the server ran low on memory or was shutting down. Please try again."
    )


def test_a_damaged_input_is_named_without_its_path(tmp_path: Path) -> None:
    damaged = tmp_path / "scene_01.mp4"
    damaged.write_bytes(b"not a video at all" * 64)
    with pytest.raises(RenderError) as caught:
        ffmpeg.run(FFMPEG, ["-i", str(damaged), str(tmp_path / "o.mp4")], what="The thumbnail")
    assert caught.value.message == (
        "The thumbnail could not read one of its input files (it is damaged or not a media "
        "file). Please try again."
    )
    assert str(tmp_path) in caught.value.detail  # the log gets the details
    with pytest.raises(RenderError) as probed:
        ffmpeg.probe(damaged)
    assert probed.value.message == "scene_01.mp4 is not a readable video file."


@pytest.mark.parametrize(
    ("error", "detail", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "",
         "The server ran out of disk space while exporting the video; free space and try again."),
        ("OSError", "[Errno 28] No space left on device: '/srv/data/tmp/gen-4/x.png'",
         "The server ran out of disk space while exporting the video; free space and try again."),
        (PermissionError(errno.EACCES, "Permission denied"), "",
         "The server could not write a file while exporting the video (permission denied); ask "
         "the administrator to check that the data and output folders are writable."),
        (MemoryError(), "",
         "The server ran out of memory while exporting the video; try again when it is less "
         "busy."),
        (KeyError("x"), "", "Unexpected error during export (KeyError). Please try again."),
    ],
)  # fmt: skip
def test_unexpected_errors_become_sentences(
    error: BaseException | str, detail: str, expected: str
) -> None:
    assert unexpected("export", error, detail) == expected


def test_a_damaged_music_track_reads_as_one_sentence(tmp_path: Path, log_lines: list[str]) -> None:
    library = tmp_path / "assets"
    shutil.copytree(DEFAULT_ASSETS_DIR / "music", library / "music")
    shutil.copytree(DEFAULT_ASSETS_DIR / "sfx", library / "sfx")
    for track in (library / "music").glob("*.opus"):
        track.write_bytes(b"\x00garbage" * 4000)
    ctx = StageContext(settings=Settings(data_dir=tmp_path / "d"), workdir=tmp_path / "w",
                       ffmpeg_exe=FFMPEG)  # fmt: skip
    request = audio.AudioRequest(mood="calm", duration_s=5.0)
    with pytest.raises(RenderError) as caught:
        audio.run(request, ctx, library_dir=library)
    track = audio.load_library(library).pick_track("calm", 0)
    assert caught.value.message == (
        f"The music track {Path(track.file).stem!r} could not be decoded (the file is damaged). "
        "Please try again; the administrator can restore it with `python -m assets.synth`."
    )
    readable(caught.value.message)
    assert any('"audio_decode_failed"' in line and track.file in line for line in log_lines)


@pytest.fixture
def full_output(tmp_path: Path) -> Iterator[Path]:
    """An output folder on a 256 KB tmpfs: the finished MP4 cannot be published there."""
    mount = tmp_path / f"full-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_disk_full_during_export_reads_as_one_sentence(tmp_path: Path, full_output: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=full_output)
    runtime: Runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    try:
        with runtime.sessions.begin() as session:
            user_id = add_user(session, "alice", "correct horse battery").id
        gid = jobs.start(runtime, user_id, "Create a luxury watch ad for Instagram", seed=3)
        assert jobs.wait(gid, timeout_s=300)
        with runtime.sessions() as session:
            row = repository.get_generation(session, gid, user_id)
        assert (row.status, row.error_stage) == ("failed", "export")
        assert row.error == (
            "The server ran out of disk space while exporting the video; free space and try again."
        )
        assert not any(p.is_file() for p in full_output.rglob("*"))
    finally:
        runtime.engine.dispose()


@pytest.mark.parametrize(
    ("stderr", "expected"),
    [
        ("[out#0] /srv/output/x.mp4: Permission denied",
         "The final render could not write its file (permission denied); check that the data "
         "and output folders are writable by the server."),
        ("[vost#0:0] Unknown encoder 'libx264'",
         "The final render needs a codec this ffmpeg build lacks; reinstall imageio-ffmpeg or "
         "set ADSTUDIO_FFMPEG_PATH to a full ffmpeg build."),
        ("Error opening input file /srv/data/tmp/gen-3/scene_02.mp4.\n"
         "Error opening input files: No such file or directory",
         "The final render could not find one of its input files (it was removed while the ad "
         "was being made). Please try again."),
        ("ffmpeg version n9.0.2 Copyright (c) 2000-2026 the FFmpeg developers\n  built with gcc",
         "The final render failed (ffmpeg exit code 1). Please try again; if it keeps failing, "
         "the server log has ffmpeg's message."),
    ],
)  # fmt: skip
def test_ffmpeg_causes_become_sentences_without_its_text(stderr: str, expected: str) -> None:
    message = ffmpeg.explain("The final render", 1, stderr)
    assert message == expected
    readable(message)
