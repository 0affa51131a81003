"""The offline motion-graphics provider: real renders, real ffmpeg, probed and decoded."""

from __future__ import annotations

import colorsys
import hashlib
from pathlib import Path

import av
import numpy as np
import pytest

from pipeline.errors import CancelledError, RenderError
from pipeline.media import ffmpeg
from pipeline.providers import ClipRequest, get_video_provider
from pipeline.providers.motion.renderer import ClipRenderer
from pipeline.providers.motion.scenes import design_scene
from pipeline.providers.video_local import DEFAULT_MAX_WIDTH, LocalMotionGraphics, internal_size
from pipeline.settings import Settings
from pipeline.spec import Scene, TextOverlay
from pipeline.stages.context import StageContext
from tests.fakes import sample_specification

SMALL = (270, 480)


def request(
    scene_type: str = "attention",
    index: int = 0,
    *,
    seed: int = 7,
    duration_s: float = 3.0,
    colors: tuple[str, str, str] | None = None,
    category: str | None = None,
    size: tuple[int, int] = SMALL,
) -> ClipRequest:
    spec = sample_specification()
    brand, ad = spec.brand, spec.ad
    if colors is not None:
        brand = brand.model_copy(
            update=dict(primary_color=colors[0], secondary_color=colors[1], accent_color=colors[2])
        )
    if category is not None:
        ad = ad.model_copy(update=dict(product_category=category, product=category))
    scene = Scene(
        index=index,
        scene_type=scene_type,  # type: ignore[arg-type]
        duration_s=duration_s,
        visual_prompt="macro of the product in soft light",
        overlay=TextOverlay(text="Time, perfected.", position="top"),
    )
    return ClipRequest(
        scene=scene, brand=brand, ad=ad, width=size[0], height=size[1], fps=24, seed=seed
    )


@pytest.fixture
def provider(settings: Settings) -> LocalMotionGraphics:
    return LocalMotionGraphics(settings)


@pytest.fixture
def ctx(settings: Settings, tmp_path: Path) -> StageContext:
    return StageContext(settings=settings, workdir=tmp_path, ffmpeg_exe=ffmpeg.find_ffmpeg())


def frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]


def luma(rgb: np.ndarray) -> np.ndarray:
    return rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114


def test_registry_builds_the_local_provider(settings: Settings) -> None:
    assert isinstance(get_video_provider(settings), LocalMotionGraphics)


def test_clip_is_h264_at_the_scene_length_and_24_fps(provider, ctx, tmp_path: Path) -> None:
    dest = tmp_path / "clips" / "scene_00.mp4"
    result = provider.generate(request(duration_s=3.5), dest, ctx)
    info = ffmpeg.probe(dest)
    assert result.path == dest and result.cost == 0.0
    assert result.duration_s == pytest.approx(3.5)
    assert (info.video_codec, info.pix_fmt, info.audio_codec) == ("h264", "yuv420p", None)
    assert (info.width, info.height) == SMALL
    assert info.fps == pytest.approx(24.0)
    assert info.duration_s == pytest.approx(3.5, abs=0.01)
    assert len(frames(dest)) == 84
    assert not list(dest.parent.glob(".*part*"))


def test_full_size_request_renders_at_internal_size_in_9_16(provider, ctx, tmp_path) -> None:
    assert internal_size(1080, 1920, 432) == (432, 768)
    assert internal_size(1080, 1920, DEFAULT_MAX_WIDTH) == (540, 960)  # a 2x upscale, not 2.5x
    dest = tmp_path / "full.mp4"
    result = provider.generate(request(size=(1080, 1920), duration_s=3.0), dest, ctx)
    info = ffmpeg.probe(dest)
    assert (info.width, info.height) == (540, 960)
    assert result.model == "motion-graphics:hero@540x960"
    assert result.details["template"] == "hero"
    assert result.details["objects"][0] == {
        "name": "watch", "set": "Fluent Emoji Flat", "licence": "MIT (Microsoft)",
        "matched": ["watch"],
    }  # fmt: skip
    assert info.duration_s == pytest.approx(3.0, abs=0.01)


def test_frames_move_are_not_flat_and_scenes_differ(provider, ctx, tmp_path: Path) -> None:
    a = frames(provider.generate(request("attention", 0), tmp_path / "a.mp4", ctx).path)
    b = frames(provider.generate(request("interest", 1), tmp_path / "b.mp4", ctx).path)
    early, late = a[6].astype(np.float32), a[60].astype(np.float32)
    assert np.abs(early - late).mean() > 3.0  # the picture changes over time
    # ... and from frame to frame (no frozen stretches), though smoothly.
    steps = [np.abs(a[i + 1].astype(np.float32) - a[i]).mean() for i in range(0, 70, 5)]
    assert max(steps) < 25.0
    seconds = [np.abs(a[i + 24].astype(np.float32) - a[i]).mean() for i in range(0, 48, 6)]
    assert min(seconds) > 0.1  # something always moves
    for clip in (a, b):
        for index in (0, 36, 71):
            assert luma(clip[index].astype(np.float32)).std() > 6.0
    assert np.abs(a[36].astype(np.float32) - b[36]).mean() > 6.0


@pytest.mark.parametrize(
    "colors",
    [("#B3122B", "#5A0A18", "#F4B6C2"), ("#0F766E", "#134E4A", "#99F6E4")],
    ids=["red", "teal"],
)
def test_brand_hue_dominates(colors: tuple[str, str, str]) -> None:
    req = request("desire", 0, colors=colors)
    renderer = ClipRenderer(design_scene(req), *SMALL, fps=24)
    rgb = ClipRenderer.to_rgb(renderer.frame(36)).reshape(-1, 3) / 255.0
    mx, mn = rgb.max(axis=1), rgb.min(axis=1)
    chromatic = rgb[(mx - mn) > 0.06]
    assert len(chromatic) > 0.3 * len(rgb)
    hues = np.array([colorsys.rgb_to_hsv(*p)[0] for p in chromatic[::7]])
    target = colorsys.rgb_to_hsv(*(int(colors[0][i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]
    distance = np.minimum(np.abs(hues - target), 1.0 - np.abs(hues - target))
    assert np.mean(distance < 25 / 360) > 0.5


def test_same_seed_same_frames_other_seed_other_frames(provider, ctx, tmp_path: Path) -> None:
    def digest(path: Path) -> str:
        return hashlib.sha256(b"".join(f.tobytes() for f in frames(path))).hexdigest()

    one = provider.generate(request(seed=3), tmp_path / "one.mp4", ctx).path
    two = provider.generate(request(seed=3), tmp_path / "two.mp4", ctx).path
    other = provider.generate(request(seed=4), tmp_path / "other.mp4", ctx).path
    assert digest(one) == digest(two)
    assert digest(one) != digest(other)


def test_cancel_raises_and_leaves_no_file(provider, settings, tmp_path: Path) -> None:
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3  # after a few frames are already encoded

    ctx = StageContext(
        settings=settings, workdir=tmp_path, ffmpeg_exe=ffmpeg.find_ffmpeg(), is_cancelled=cancelled
    )
    dest = tmp_path / "clips" / "scene_00.mp4"
    with pytest.raises(CancelledError):
        provider.generate(request(duration_s=5.0), dest, ctx)
    assert calls["n"] == 4
    assert list((tmp_path / "clips").iterdir()) == []


def test_a_full_disk_is_a_render_error_and_leaves_nothing(provider, settings, tmp_path):
    """The clip's part file leads to /dev/full, a real device whose every write fails with
    'No space left on device'."""
    ctx = StageContext(settings=settings, workdir=tmp_path, ffmpeg_exe=ffmpeg.find_ffmpeg())
    clips = tmp_path / "clips"
    clips.mkdir()
    (clips / ".clip.part.mp4").symlink_to("/dev/full")
    with pytest.raises(RenderError, match="No space left on device") as failed:
        provider.generate(request(), clips / "clip.mp4", ctx)
    assert "Check the output folder's free space and permissions" in str(failed.value)
    assert list(clips.iterdir()) == []


def test_clips_drawn_at_once_share_one_read_only_grain() -> None:
    """Each renderer held its own 6 frames of float32 grain (12 MB at 540x960) beside the
    other clip drawn at the same time; now one set per size, which nothing can change."""
    a = ClipRenderer(design_scene(request(seed=1)), *SMALL, fps=24)
    b = ClipRenderer(design_scene(request("desire", 1, seed=2)), *SMALL, fps=24)
    assert a.grain is b.grain and not a.grain[0].flags.writeable
    first = a.frame(0).copy()
    a.frame(1)
    assert np.array_equal(ClipRenderer(design_scene(request(seed=1)), *SMALL, fps=24).frame(0),
                          first)  # fmt: skip
