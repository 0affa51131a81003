"""The ffmpeg door: a stuck ffmpeg is killed by the watchdog, cancel kills a running one."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pipeline.errors import CancelledError
from pipeline.media import ffmpeg


def _blocked_input(tmp_path: Path) -> list[str]:
    """An input ffmpeg waits on forever: a FIFO nobody writes to (no progress, no CPU)."""
    fifo = tmp_path / "never.yuv"
    os.mkfifo(fifo)
    return ["-f", "rawvideo", "-pix_fmt", "gray", "-s", "16x16", "-i", str(fifo),
            "-f", "null", "-"]  # fmt: skip


def test_a_stuck_ffmpeg_is_stopped_with_a_clear_error(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ffmpeg.StalledError, match="made no progress for 1 s"):
        ffmpeg.run(ffmpeg.find_ffmpeg(), _blocked_input(tmp_path), stall_s=1.0, what="The test")
    assert time.monotonic() - started < 30  # killed, not waited for


def test_cancel_stops_a_waiting_ffmpeg(tmp_path: Path) -> None:
    with pytest.raises(CancelledError):
        ffmpeg.run(ffmpeg.find_ffmpeg(), _blocked_input(tmp_path), is_cancelled=lambda: True)


def test_progress_reaches_the_end_of_the_output(tmp_path: Path) -> None:
    seen: list[float] = []
    ffmpeg.run(
        ffmpeg.find_ffmpeg(),
        ["-f", "lavfi", "-i", "color=c=red:s=64x64:r=24:d=2", "-c:v", "libx264",
         "-preset", "ultrafast", str(tmp_path / "red.mp4")],
        duration_s=2.0, on_progress=seen.append,
    )  # fmt: skip
    assert seen and seen[-1] == pytest.approx(1.0, abs=0.05)
    assert ffmpeg.probe(tmp_path / "red.mp4").duration_s == pytest.approx(2.0, abs=0.1)


def test_an_ffconcat_list_of_relative_paths_opens_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default data folder is relative ("data"): a caption list written there must name
    pictures ffmpeg finds (it reads relative names against the list's own folder)."""
    from PIL import Image

    from pipeline.media import ffmpeg

    monkeypatch.chdir(tmp_path)
    folder = Path("data/tmp/gen-1/voice")
    folder.mkdir(parents=True)
    for name in ("a.png", "b.png"):
        Image.new("RGBA", (64, 32), (255, 0, 0, 255)).save(folder / name)
    listing = folder / "captions.ffconcat"
    lines = ["ffconcat version 1.0"]
    for name in ("a.png", "b.png"):
        lines += [ffmpeg.concat_entry(folder / name), "duration 0.5"]
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "first.png"
    ffmpeg.run(ffmpeg.find_ffmpeg(), ["-f", "concat", "-safe", "0", "-i", str(listing),
               "-frames:v", "1", str(out)], what="The caption test")  # fmt: skip
    assert Image.open(out).size == (64, 32)
    for line in lines[1::2]:  # read back exactly as written (the caption crop and spans do)
        assert ffmpeg.concat_file(line) == str((folder / Path(line).name.strip("'")).resolve())
    assert ffmpeg.concat_file(ffmpeg.concat_entry("/x/it's'")) == "/x/it's'"
    assert ffmpeg.concat_file("duration 0.5") is None
