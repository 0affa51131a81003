"""Captions never cover the scene's own text: the headline the overlays stage draws (its
pixels, measured) and the words the motion template writes (the zone its design gives)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.media import ffmpeg
from pipeline.settings import Settings
from pipeline.stages import overlays
from pipeline.stages.context import StageContext
from pipeline.typography.roles import safe_area
from pipeline.voice import captions, layout
from pipeline.voice.models import Word
from tests.fakes import sample_specification
from tests.voice_support import plan


def _words_in_every_scene() -> list[Word]:
    """Two words a second into each 4.5 s scene (scene starts 0, 4, 8, 12 s)."""
    out = []
    for start in (1.0, 5.0, 9.0, 13.0):
        out += [
            Word(text="Fresh", start_s=start, end_s=start + 0.4),
            Word(text="coffee.", start_s=start + 0.45, end_s=start + 0.9),
        ]
    return out


def _rows(png: str, y: int) -> tuple[int, int]:
    """First and last+1 frame rows where the PNG placed at row ``y`` has visible pixels."""
    alpha = np.asarray(Image.open(png).convert("RGBA"))[:, :, 3]
    rows = np.flatnonzero(alpha.max(axis=1) > 8)
    return y + int(rows[0]), y + int(rows[-1]) + 1


def _headlines(tmp_path: Path, p: object) -> dict[int, tuple[int, int]]:
    """The rows each scene's headline really covers (rest position and its slide)."""
    ctx = StageContext(
        settings=Settings(data_dir=tmp_path / "data"), workdir=tmp_path,
        ffmpeg_exe=ffmpeg.find_ffmpeg(),
    )  # fmt: skip
    out: dict[int, tuple[int, int]] = {}
    for layer in overlays.run(p, sample_specification(), [], ctx):  # type: ignore[arg-type]
        top, bottom = _rows(layer.png_path, layer.y)
        out[layer.scene_index] = (top, bottom + layer.slide_px)
    return out


def _caption_rows(track: captions.CaptionTrack) -> dict[int, list[tuple[int, int]]]:
    """Measured rows of every caption state's plate, by scene."""
    starts = (0.0, 4.0, 8.0, 12.0)
    out: dict[int, list[tuple[int, int]]] = {}
    for frame in track.frames:
        scene = max(i for i, s in enumerate(starts) if frame.start_s >= s)
        out.setdefault(scene, []).append(_rows(frame.png_path, track.area.top))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_over_footage_captions_take_the_rows_the_headline_leaves(tmp_path: Path) -> None:
    """AI footage has no text of its own: only the measured headline is avoided."""
    p, spec = plan(), sample_specification()
    room = layout.rooms(spec, p, Settings(video_provider="replicate"))
    track = captions.render(_words_in_every_scene(), spec, p, tmp_path / "c", room)
    assert track.hidden == []
    heads, rows = _headlines(tmp_path, p), _caption_rows(track)
    assert sorted(rows) == [0, 1, 2, 3]
    area = safe_area(1080, 1920)
    for scene, spans in rows.items():
        for span in spans:
            assert area.top <= span[0] < span[1] <= area.bottom
            assert not _overlap(span, heads[scene]), (scene, span, heads[scene])
    # a bottom headline (scene 3 of the plan) pushes the captions above it
    assert max(b for _, b in rows[2]) <= heads[2][0]
    assert min(t for t, _ in rows[1]) >= heads[1][1]  # a top one: below it


def test_captions_never_cover_a_motion_templates_words_or_the_headline(tmp_path: Path) -> None:
    """The bug seen: captions at the foot of a frame whose kinetic words filled it. Where the
    template's words and the headline leave no room the frame gets no caption (the sidecar
    files keep the words); elsewhere they sit clear of both."""
    p, spec = plan(), sample_specification()
    room = layout.rooms(spec, p, Settings(video_provider="local"))
    track = captions.render(_words_in_every_scene(), spec, p, tmp_path / "c", room)
    heads, rows = _headlines(tmp_path, p), _caption_rows(track)
    # the templates keep the captions' band clear (SceneDesign.captions), so every scene
    # has room: top and bottom headlines no longer lose their captions
    assert track.hidden == []
    assert sorted(rows) == [0, 1, 2, 3]
    for scene, spans in rows.items():
        zones = layout.template_span(spec, p, p.scenes[scene])
        for span in spans:
            assert not _overlap(span, heads[scene])
            assert not any(_overlap(span, z) for z in zones), (scene, span, zones)


def test_a_scene_without_room_is_reported_not_drawn_over(tmp_path: Path) -> None:
    room = [layout.SceneRoom(i, (), None) for i in range(4)]
    track = captions.render(_words_in_every_scene(), sample_specification(), plan(), tmp_path, room)
    assert track.frames == [] and track.hidden == [0, 1, 2, 3]


@pytest.mark.parametrize("provider", ["local", "stock"])
def test_template_providers_reserve_the_templates_zone(provider: str) -> None:
    p, spec = plan(), sample_specification()
    rooms = layout.rooms(spec, p, Settings(video_provider=provider))
    for r in rooms:
        assert set(layout.template_span(spec, p, p.scenes[r.scene_index])) <= set(r.taken)
