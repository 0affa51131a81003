"""Conform: any clip -> the ad's 9:16 frame at the scene's duration (real ffmpeg, probed)."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from pipeline.errors import CancelledError
from pipeline.media import ffmpeg
from pipeline.media.conform import conform_clip, conform_size

pytest_plugins = ["tests.cloud_servers"]  # ffmpeg_exe


@pytest.fixture(scope="module")
def banded_landscape(tmp_path_factory: pytest.TempPathFactory, ffmpeg_exe: str) -> Path:
    """4 s of 640x360: a red band on the left, green centre, blue band on the right."""
    path = tmp_path_factory.mktemp("conform") / "bands.mp4"
    ffmpeg.run(
        ffmpeg_exe,
        [
            "-f", "lavfi", "-i", "color=c=0x00C000:size=640x360:rate=30:duration=4",
            "-vf", "drawbox=x=0:y=0:w=200:h=360:color=0xFF0000:t=fill,"
                   "drawbox=x=440:y=0:w=200:h=360:color=0x0000FF:t=fill",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path),
        ],
    )  # fmt: skip
    return path


def frame_at(path: Path, index: int) -> np.ndarray:
    with av.open(str(path)) as container:
        for i, frame in enumerate(container.decode(video=0)):
            if i == index:
                return frame.to_ndarray(format="rgb24")
    raise AssertionError(f"{path} has no frame {index}")


def test_landscape_is_cropped_to_9x16_never_stretched_or_letterboxed(
    banded_landscape: Path, tmp_path: Path, ffmpeg_exe: str
) -> None:
    out = tmp_path / "out.mp4"

    conform_clip(ffmpeg_exe, banded_landscape, out, width=1080, height=1920, fps=24, duration_s=3.0)

    info = ffmpeg.probe(out)
    assert (info.width, info.height, info.fps, info.pix_fmt) == (1080, 1920, 24.0, "yuv420p")
    assert info.duration_s == pytest.approx(3.0, abs=1 / 24)  # 4 s trimmed to 3 s
    assert info.audio_codec is None
    frame = frame_at(out, 10).astype(int)
    # The centre crop of a 640-wide frame to 9:16 keeps x = 219..421: green edge to edge.
    # A stretch would show the red and blue bands; a letterbox would show black bars.
    for y in (5, 960, 1914):
        for x in (5, 540, 1074):
            r, g, b = frame[y, x]
            assert g > 150 and r < 60 and b < 60, (x, y, frame[y, x])


def test_a_short_clip_holds_its_last_frame_to_the_scene_duration(
    banded_landscape: Path, tmp_path: Path, ffmpeg_exe: str
) -> None:
    out = tmp_path / "held.mp4"

    conform_clip(ffmpeg_exe, banded_landscape, out, width=360, height=640, fps=24, duration_s=6.5)

    info = ffmpeg.probe(out)
    assert (info.width, info.height) == (360, 640)
    assert info.duration_s == pytest.approx(6.5, abs=1 / 24)
    with av.open(str(out)) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == round(6.5 * 24)


def test_a_portrait_source_narrower_than_9x16_is_cropped_top_and_bottom(
    tmp_path: Path, ffmpeg_exe: str
) -> None:
    src = tmp_path / "tall.mp4"
    ffmpeg.run(
        ffmpeg_exe,
        [
            "-f", "lavfi", "-i", "color=c=0x00C000:size=300x800:rate=24:duration=1",
            "-vf", "drawbox=x=0:y=0:w=300:h=100:color=0xFF0000:t=fill",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(src),
        ],
    )  # fmt: skip
    out = tmp_path / "out.mp4"

    conform_clip(ffmpeg_exe, src, out, width=360, height=640, fps=24, duration_s=3.0)

    frame = frame_at(out, 0).astype(int)
    # 300x800 is taller than 9:16: scaled to 360 wide (960 tall), 160 px cut from each end,
    # which removes the whole 100 px red band at the top.
    r, g, _ = frame[3, 180]
    assert g > 150 and r < 60, frame[3, 180]


def test_conform_stops_when_cancelled(
    banded_landscape: Path, tmp_path: Path, ffmpeg_exe: str
) -> None:
    with pytest.raises(CancelledError):
        conform_clip(
            ffmpeg_exe,
            banded_landscape,
            tmp_path / "x.mp4",
            width=360,
            height=640,
            fps=24,
            duration_s=3.0,
            on_progress=lambda f: None,
            is_cancelled=lambda: True,
        )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ((1280, 720), (396, 704)),  # minimax's 16:9 720p: the 9:16 slice it holds
        ((720, 1280), (720, 1280)),  # already 9:16: untouched
        ((3840, 2160), (1080, 1920)),  # more than the ad needs: scaled down to the target
        ((300, 800), (288, 512)),  # narrower than 9:16: cropped top and bottom
    ],
)
def test_conform_size_crops_and_scales_down_but_never_up(
    source: tuple[int, int], expected: tuple[int, int]
) -> None:
    width, height = conform_size(*source, 1080, 1920)

    assert (width, height) == expected
    assert width * 16 == height * 9 and width % 2 == 0 and height % 2 == 0
    assert width <= max(source[0], 16) and height <= source[1]
