"""Several formats from one plan, rendered for real: probed files, safe text, contrast."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline import ffmpeg, format_renders, formats, scene_planning
from pipeline.context import StageContext
from pipeline.settings import Settings
from pipeline.spec import FORMAT_SIZES, Clip, TextOverlay
from pipeline.typography.roles import safe_area
from tests.fakes import sample_specification
from tests.media import frame_at, probe
from tests.overlay_support import meta
from tests.test_cli import _cli
from tests.test_overlays import measured_contrast

ALL = ("9:16", "1:1", "16:9")
POSITIONS = ("top", "center", "bottom", "center")


def test_cli_makes_one_probed_video_and_thumbnail_per_format(tmp_path: Path) -> None:
    result = _cli(
        tmp_path, "generate", "Brewly cold brew coffee for busy teams, 20% off this week",
        "--formats", "9:16,1:1,16:9", "--no-voice", "--seed", "5", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert list(data["videos"]) == list(ALL)
    assert data["video_path"] == data["videos"]["9:16"]  # the first format stays video_path
    thumbs = {"9:16": (540, 960), "1:1": (540, 540), "16:9": (960, 540)}
    for name, path in data["videos"].items():
        info = probe(path)
        assert (info.width, info.height) == FORMAT_SIZES[name]
        assert info.fps == 24.0 and info.duration_s == pytest.approx(15.0, abs=0.05)
        assert (info.audio_codec, info.audio_channels) == ("aac", 2)
        assert info.pix_fmt == "yuv420p"
        with Image.open(data["thumbnails"][name]) as thumb:
            assert thumb.size == thumbs[name]
        # no letterbox or pillarbox: the picture reaches every edge of the frame
        frame = frame_at(path, 7.0).astype(float)
        for edge in (frame[:4], frame[-4:], frame[:, :4], frame[:, -4:]):
            assert edge.max() > 24, f"{name}: a black bar along an edge"


def test_cli_rejects_unknown_format_and_length_before_starting(tmp_path: Path) -> None:
    bad = _cli(tmp_path, "generate", "Brewly cold brew coffee ad", "--formats", "9:16,2:3")
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines()[-1] == (
        "error: Unknown format '2:3'. Choose from 9:16, 4:5, 1:1, 16:9 (for example "
        "--formats 9:16,1:1)."
    )
    long = _cli(tmp_path, "generate", "Brewly cold brew coffee ad", "--duration", "45")
    assert long.stderr.strip().splitlines()[-1] == "error: An ad lasts 15 or 30 seconds, not 45."
    assert not (tmp_path / "output" / "videos").exists() or not any(
        (tmp_path / "output" / "videos").iterdir()
    )


@pytest.fixture(scope="module")
def canvas_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Square clips: the canvas of 9:16 + 1:1 + 16:9 (busy, bright and dark pictures)."""
    root = tmp_path_factory.mktemp("canvas-clips")
    exe = ffmpeg.find_ffmpeg()
    sources = {
        "busy": "testsrc2=s=480x480:r=24:d=5",
        "bright": "color=c=0xF4F1EA:s=480x480:r=24:d=5",
        "dark": "color=c=0x101018:s=480x480:r=24:d=5",
    }
    out = {}
    for name, source in sources.items():
        out[name] = root / f"{name}.mp4"
        ffmpeg.run(exe, ["-f", "lavfi", "-i", source, "-c:v", "libx264", "-preset",
                         "ultrafast", "-pix_fmt", "yuv420p", str(out[name])])  # fmt: skip
    return out


def _as_shown(path: Path, t: float, name: str) -> np.ndarray:
    """The clip's frame as format ``name``'s video shows it (centre crop at the format's
    zoom, scaled to the frame), decoded independently of the code under test."""
    picture = Image.fromarray(frame_at(path, t))
    w, h = FORMAT_SIZES[name]
    side = picture.size[0]
    k = min(side / w, side / h) * formats.zoom(name, ALL)
    cw, ch = w * k, h * k
    box = ((side - cw) / 2, (side - ch) / 2, (side + cw) / 2, (side + ch) / 2)
    return np.asarray(picture.resize((w, h), Image.Resampling.BILINEAR, box=box))


def test_text_of_every_format_sits_in_its_safe_area_and_reads(
    tmp_path: Path, canvas_clips: dict[str, Path]
) -> None:
    spec = sample_specification()
    ctx = StageContext(settings=Settings(data_dir=tmp_path / "data"), workdir=tmp_path)
    plan = scene_planning.run(spec, ctx, formats=ALL)
    texts = ["Crafted for the bold", "Swiss movement inside", "Every detail, considered"]
    scenes = [
        s.model_copy(update={"overlay": TextOverlay(text=texts[i % 3], position=pos)})
        for i, (s, pos) in enumerate(zip(plan.scenes, POSITIONS, strict=True))
    ]
    plan = plan.model_copy(update={"scenes": scenes})
    backgrounds = ["bright", "busy", "dark", "busy"]
    clips = [
        Clip(scene_index=s.index, path=str(canvas_clips[backgrounds[s.index]]),
             duration_s=s.duration_s, provider="test", width=480, height=480)
        for s in plan.scenes
    ]  # fmt: skip
    layers = format_renders.text_layers(plan, spec, clips, ctx)
    assert list(layers) == list(ALL)
    for name, made in layers.items():
        w, h = FORMAT_SIZES[name]
        area = safe_area(w, h)
        assert len(made) == len(plan.scenes)
        for layer in made:
            assert area.left <= layer.x and layer.x + layer.width <= area.right, name
            assert area.top <= layer.y and layer.y + layer.height <= area.bottom, name
            assert Image.open(layer.png_path).size == (layer.width, layer.height)
            scene = plan.scenes[layer.scene_index]
            path = canvas_clips[backgrounds[layer.scene_index]]
            color = meta(layer)["text_color"]
            for t in (layer.start_s + layer.anim_s, min(scene.duration_s, layer.end_s) - 0.2):
                ratio = measured_contrast(layer, _as_shown(path, round(t, 2), name), color)
                assert ratio >= 4.5, f"{name} scene {layer.scene_index}: {ratio:.2f}"
    # the same line is laid out per format, not scaled: one px size, its own place
    sizes = {name: meta(made[0])["font_px"] for name, made in layers.items()}
    assert len(set(sizes.values())) == 1
    assert len({made[0].y for made in layers.values()}) == 3
