"""Export: one ffmpeg pass makes a publishable MP4 (probed) and a poster thumbnail."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from pipeline.errors import StageError
from pipeline.media import ffmpeg
from pipeline.media.grading import PRESETS
from pipeline.runtime.render_plan import AudioTrack, ClipInput, OverlayLayer, RenderPlan, Timeline
from pipeline.settings import Settings
from pipeline.stages.context import StageContext
from pipeline.stages.export import run
from pipeline.stages.export_graph import build_graph
from pipeline.stages.stitching import crossfade_offsets
from tests.media import faststart, frame_at, probe

DURATIONS = [4.0, 4.0, 4.5, 4.0]


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("export-assets")
    exe = ffmpeg.find_ffmpeg()
    paths: dict[str, Path] = {}
    for i, d in enumerate(DURATIONS):
        paths[f"clip{i}"] = root / f"clip{i}.mp4"
        colours = ("0xE07A5F:c1=0x3D405B", "0x81B29A:c1=0x1D3557", "0xF2CC8F:c1=0x6D597A")[i % 3]
        source = f"gradients=s=270x480:r=30:d={d + 0.4}:seed={i}:n=2:c0={colours}"  # not random
        ffmpeg.run(exe, ["-f", "lavfi", "-i", source, "-c:v", "libx264", "-preset", "ultrafast",
                         str(paths[f"clip{i}"])])  # fmt: skip
    paths["audio"] = root / "mix.wav"
    ffmpeg.run(exe, ["-f", "lavfi", "-i", "sine=f=220:d=15", "-ac", "2", "-ar", "48000",
                     str(paths["audio"])])  # fmt: skip
    paths["text"] = root / "text.png"
    img = Image.new("RGBA", (800, 220), (0, 0, 0, 0))
    ImageDraw.Draw(img).rounded_rectangle((0, 0, 799, 219), 40, fill=(255, 255, 255, 255))
    img.save(paths["text"])
    return paths


def _plan(assets: dict[str, Path], *, audio: bool = True, grade: str = "warm") -> RenderPlan:
    clips = [ClipInput(scene_index=i, path=str(assets[f"clip{i}"]), duration_s=d)
             for i, d in enumerate(DURATIONS)]  # fmt: skip
    overlays = [
        OverlayLayer(scene_index=i, png_path=str(assets["text"]), x=140, y=850, width=800,
                     height=220, start_s=0.3, end_s=d - 0.3,
                     animation="slide_up" if i % 2 else "fade_in")
        for i, d in enumerate(DURATIONS)
    ]  # fmt: skip
    timeline = Timeline(clips=clips, offsets_s=crossfade_offsets(DURATIONS, 0.5), duration_s=15.0)
    track = AudioTrack(path=str(assets["audio"]), duration_s=15.0, music_track="sine")
    return RenderPlan(timeline=timeline, overlays=overlays, audio=track if audio else None,
                      grade=grade)  # type: ignore[arg-type]  # fmt: skip


def test_full_render_probes_as_a_publishable_vertical_ad(
    assets: dict[str, Path], tmp_path: Path
) -> None:
    ctx = StageContext(settings=Settings(), workdir=tmp_path / "work")
    ctx.workdir.mkdir()
    seen: list[float] = []
    ctx.report = lambda f, _m: seen.append(f)
    out = tmp_path / "out" / "videos" / "1.mp4"
    thumb = tmp_path / "out" / "thumbnails" / "1.jpg"
    result = run(_plan(assets), ctx, out, thumb)

    info = probe(out)
    assert (info.width, info.height) == (1080, 1920)
    assert info.fps == pytest.approx(24.0)
    assert info.duration_s == pytest.approx(15.0, abs=0.1)
    assert (info.video_codec, info.pix_fmt) == ("h264", "yuv420p")
    assert info.audio_codec == "aac" and info.audio_channels == 2
    assert 0 < info.size_bytes < 50 * 1024 * 1024
    assert faststart(out)
    assert result.info.duration_s == pytest.approx(15.0, abs=0.1)
    assert seen and seen[-1] == pytest.approx(1.0, abs=0.05)  # ffmpeg progress drove the bar

    first = frame_at(out, 0.0)
    poster = np.asarray(Image.open(thumb).convert("L"))
    assert first.mean() < 40  # the video fades in from black...
    assert poster.mean() > 60  # ...but the thumbnail shows content
    mid = frame_at(out, 2.0)  # overlay of scene 1 is on screen, white plate in the center
    assert mid[850:1070, 140:940].mean() > 240
    closing = frame_at(out, 14.6)  # the last scene's text stays until the final fade-out
    assert closing[850:1070, 140:940].mean() > 240
    leftovers = [p.name for p in out.parent.iterdir() if p.name != "1.mp4"]
    assert leftovers == []


def test_render_without_audio_and_every_grade_builds(assets: dict[str, Path]) -> None:
    for style in PRESETS:
        _inputs, graph, audio_label = build_graph(_plan(assets, audio=False, grade=style))
        assert audio_label is None
        assert graph.count("xfade=") == 3 and "fade=t=out:st=14.700000" in graph


def test_failed_render_leaves_nothing_in_output(assets: dict[str, Path], tmp_path: Path) -> None:
    plan = _plan(assets)
    broken = plan.model_copy(update={"timeline": plan.timeline.model_copy(update={
        "clips": [*plan.timeline.clips[:3], ClipInput(scene_index=3, path=str(tmp_path / "no.mp4"),
                                                     duration_s=4.0)]})})  # fmt: skip
    ctx = StageContext(settings=Settings(), workdir=tmp_path / "work")
    ctx.workdir.mkdir()
    out_dir = tmp_path / "out"
    with pytest.raises(StageError, match="The final render could not find one of its input"):
        run(broken, ctx, out_dir / "videos" / "2.mp4", out_dir / "thumbnails" / "2.jpg")
    assert not out_dir.exists() or not any(out_dir.rglob("*.*"))


def test_a_new_version_copies_the_spans_an_edit_left_alone_and_survives_a_broken_one(
    assets: dict[str, Path], tmp_path: Path
) -> None:
    ctx = StageContext(settings=Settings(), workdir=tmp_path / "work")
    ctx.workdir.mkdir()
    out = tmp_path / "out"
    plan = _plan(assets)
    first = run(plan, ctx, out / "1.mp4", out / "1.jpg")
    dark = tmp_path / "dark.png"  # scene 2's line edited: a dark plate instead of a white one
    Image.new("RGBA", (800, 220), (20, 20, 20, 255)).save(dark)
    layers = [o.model_copy(update={"png_path": str(dark)}) if o.scene_index == 1 else o
              for o in plan.overlays]  # fmt: skip
    edited = plan.model_copy(update={"overlays": layers})
    earlier = [{"video": str(out / "1.mp4"), "spans": [s.record() for s in first.spans]}]
    second = run(edited, ctx, out / "2.mp4", out / "2.jpg", earlier=earlier)
    kept = [s for s in second.spans if s in first.spans]
    assert second.reused_frames == sum(s.end - s.start for s in kept) > 180
    info = probe(out / "2.mp4")
    assert (info.width, info.height, info.audio_codec) == (1080, 1920, "aac")
    assert info.duration_s == pytest.approx(15.0, abs=0.1)
    assert frame_at(out / "2.mp4", 5.0)[850:1070, 140:940].mean() < 40  # the new line
    for t in (1.0, 9.0, 14.0):  # untouched scenes: the very same decoded pixels
        assert np.array_equal(frame_at(out / "1.mp4", t), frame_at(out / "2.mp4", t))
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all")
    third = run(edited, ctx, out / "3.mp4", out / "3.jpg",
                earlier=[{**earlier[0], "video": str(broken)}])  # fmt: skip
    assert third.reused_frames == 0  # rendered whole instead, and still right
    assert probe(out / "3.mp4").duration_s == pytest.approx(15.0, abs=0.1)
    assert frame_at(out / "3.mp4", 5.0)[850:1070, 140:940].mean() < 40


def test_a_crossfade_mixes_the_two_scenes_and_keeps_every_frame(tmp_path: Path) -> None:
    """Scene A (red), then B (blue), 4 s each: 7.5 s; the 0.5 s fade from 3.5 s goes from
    one colour to the other through their mix, and no frame is lost or doubled."""
    import av

    exe = ffmpeg.find_ffmpeg()
    paths = []
    for name, colour in (("a", "0xC03030"), ("b", "0x3050C0")):
        paths.append(tmp_path / f"{name}.mp4")
        ffmpeg.run(exe, ["-f", "lavfi", "-i", f"color=c={colour}:s=270x480:r=24:d=4",
                         "-c:v", "libx264", "-preset", "ultrafast", str(paths[-1])])  # fmt: skip
    clips = [ClipInput(scene_index=i, path=str(p), duration_s=4.0) for i, p in enumerate(paths)]
    timeline = Timeline(clips=clips, offsets_s=crossfade_offsets([4.0, 4.0], 0.5), duration_s=7.5)
    ctx = StageContext(settings=Settings(), workdir=tmp_path / "work")
    ctx.workdir.mkdir()
    out = tmp_path / "ad.mp4"
    run(RenderPlan(timeline=timeline), ctx, out, tmp_path / "thumb.jpg")

    with av.open(str(out)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 180  # 7.5 s at 24 fps
    a, b = frame_at(out, 2.0).mean(axis=(0, 1)), frame_at(out, 6.0).mean(axis=(0, 1))
    assert a[0] > a[2] + 80 and b[2] > b[0] + 80  # red, then blue
    assert np.abs(frame_at(out, 3.40).mean(axis=(0, 1)) - a).max() < 4  # before: all A
    assert np.abs(frame_at(out, 4.05).mean(axis=(0, 1)) - b).max() < 4  # after: all B
    middle = frame_at(out, 3.75).mean(axis=(0, 1))  # frame 90 of the 12-frame fade's 6th/7th
    assert np.abs(middle - (a + b) / 2).max() < 12
