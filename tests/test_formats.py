"""Formats and lengths without rendering: geometry, choices, safe areas, 30 s timing."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline import audio_library, formats, scene_planning
from pipeline.audio_edit import plan_edit
from pipeline.context import StageContext
from pipeline.errors import InputError
from pipeline.providers.copywriting.brief import find_platform
from pipeline.providers.video_local import internal_size
from pipeline.settings import Settings
from pipeline.spec import CROSSFADE_S, FORMAT_SIZES, MAX_SCENE_S, MIN_SCENE_S, ScenePlan
from pipeline.typography.roles import safe_area, text_area
from tests.fakes import sample_specification

ALL = ["9:16", "1:1", "16:9"]


def test_canvas_covers_every_format_and_each_format_shows_the_core() -> None:
    assert formats.canvas_size(["9:16"]) == (1080, 1920)
    assert formats.canvas_size(ALL) == (1920, 1920)
    core = formats.core_box(ALL, (1920, 1920))
    assert (core.x, core.y, core.w, core.h) == (420, 420, 1080, 1080)
    # 9:16 and 16:9 need the whole height / width; 1:1 shows just the core (fills its frame)
    assert formats.zoom("9:16", ALL) == 1.0 and formats.zoom("16:9", ALL) == 1.0
    assert formats.zoom("1:1", ALL) == pytest.approx(1080 / 1920)
    for name in ALL:
        box = formats.text_box(name, ALL)  # the core in this format's pixels: inside the frame
        w, h = FORMAT_SIZES[name]
        assert box.x >= 0 and box.y >= 0
        assert box.x + box.w <= w + 1e-6 and box.y + box.h <= h + 1e-6
    one = formats.text_box("9:16", ["9:16"])
    assert (one.x, one.y, one.w, one.h) == (0, 0, 1080, 1920)  # one format: nothing changes


def test_platform_preselects_formats() -> None:
    assert formats.for_prompt("Cloud backup ad for LinkedIn") == ("1:1", "16:9")
    assert formats.for_prompt("Pizza promo for the Facebook feed") == ("4:5", "1:1")
    assert formats.for_prompt("A YouTube pre-roll for our bikes") == ("16:9",)
    assert formats.for_prompt("A YouTube Shorts teaser for our bikes") == ("9:16",)
    assert formats.for_prompt("Sneaker drop on TikTok") == ("9:16",)
    assert formats.for_prompt("Candles, cosy and warm") == ("9:16",)
    assert find_platform("post it on LinkedIn and YouTube") == "linkedin"


def test_format_and_length_input_is_checked_with_advice() -> None:
    assert formats.parse("9:16, 1x1,16:9,1:1") == ("9:16", "1:1", "16:9")
    with pytest.raises(InputError) as bad:
        formats.parse("9:16,9:19")
    assert bad.value.message == (
        "Unknown format '9:19'. Choose from 9:16, 4:5, 1:1, 16:9 (for example --formats 9:16,1:1)."
    )
    with pytest.raises(InputError) as long:
        formats.check_duration(20)
    assert long.value.message == "An ad lasts 15 or 30 seconds, not 20."
    with pytest.raises(ValueError, match="repeat a format"):
        ScenePlan.model_validate(
            {**_plan(30.0).model_dump(), "formats": ["1:1", "1:1"]},
        )


def test_safe_areas_differ_per_format() -> None:
    assert safe_area(1080, 1920) == safe_area(1080, 1920)  # 9:16 as before
    a916, a11, a169 = safe_area(1080, 1920), safe_area(1080, 1080), safe_area(1920, 1080)
    assert (a916.left, a916.top, a916.right, a916.bottom) == (76, 269, 1004, 1536)
    assert (a11.left, a11.top, a11.right, a11.bottom) == (65, 65, 1015, 972)
    assert (a169.left, a169.top, a169.right, a169.bottom) == (96, 86, 1824, 929)
    plan = _plan(15.0, ALL)
    for name in ALL:
        fplan = plan.for_format(name)
        area, text = safe_area(fplan.width, fplan.height), text_area(fplan)
        assert area.top <= text.top < text.bottom <= area.bottom
        assert (text.left, text.right) == (area.left, area.right)


def _plan(seconds: float, shapes: list[str] | None = None) -> ScenePlan:
    spec = sample_specification()
    spec = spec.model_copy(update={"ad": spec.ad.model_copy(update={"duration_s": seconds})})
    ctx = StageContext(settings=Settings(), workdir=__import__("pathlib").Path("."))
    return scene_planning.run(spec, ctx, formats=shapes or ["9:16"])


@pytest.mark.parametrize("seconds", [15.0, 30.0])
def test_length_lands_exactly_after_crossfades(seconds: float) -> None:
    plan = _plan(seconds)
    durations = [s.duration_s for s in plan.scenes]
    assert 3 <= len(durations) <= 5
    assert all(MIN_SCENE_S <= d <= MAX_SCENE_S for d in durations)
    assert all(abs(d * 24 - round(d * 24)) < 1e-9 for d in durations)  # whole frames
    assert sum(durations) - CROSSFADE_S * (len(durations) - 1) == pytest.approx(seconds, abs=1e-9)
    beats = [s.scene_type for s in plan.scenes]
    assert beats[-1] in ("action", "cta")  # the framework still ends on its call to action
    if seconds == 30.0:
        assert len(plan.scenes) == 5 and plan.total_duration_s == pytest.approx(30.0)


def test_plan_carries_formats_and_framing() -> None:
    plan = _plan(15.0, ["1:1", "16:9"])
    assert (plan.width, plan.height, plan.formats) == (1080, 1080, ["1:1", "16:9"])
    assert plan.canvas_size == (1920, 1080)
    assert "Horizontal framing" in plan.scenes[0].visual_prompt
    assert "Vertical 9:16 framing" in _plan(15.0).scenes[0].visual_prompt


@pytest.mark.parametrize("track", audio_library.load_library().tracks, ids=lambda t: t.title)
def test_music_for_30_s_ends_on_its_own_ending(track: audio_library.MusicTrack) -> None:
    edit = plan_edit(track, 30.0)
    assert edit.ending_at_s is not None  # cut on a bar and closed by the track's real ending
    assert edit.ending_at_s > 30.0 / 2
    tail = track.duration_s - track.ending_start_s
    assert 30.0 - edit.ending_at_s <= tail + 1.0  # the final chord rings to the end


def test_local_canvas_keeps_half_scale_and_the_core_is_drawn_once() -> None:
    assert internal_size(1080, 1920, 540) == (540, 960)
    assert internal_size(1920, 1920, 540, short=1080) == (960, 960)
    assert internal_size(1920, 1080, 540) == (960, 540)
    from pipeline.providers import ClipRequest
    from pipeline.providers.motion.renderer import ClipRenderer
    from pipeline.providers.motion.scenes import design_scene

    plan = _plan(15.0, ALL)
    spec = sample_specification()
    request = ClipRequest(
        scene=plan.scenes[0], brand=spec.brand, ad=spec.ad, width=1920, height=1920,
        formats=tuple(ALL), beats=tuple(s.scene_type for s in plan.scenes),
    )  # fmt: skip
    from pipeline.providers.video_local import _core

    core = _core(request, 960)
    assert core == (210, 210, 540, 540)
    renderer = ClipRenderer(design_scene(request), 960, 960, 24, core=core)
    frame = ClipRenderer.to_rgb(renderer.frame(24)).astype(int)
    assert frame.shape == (960, 960, 3)
    # outside the core only the extended plate shows: every frame there is the first one's
    later = ClipRenderer.to_rgb(renderer.frame(48)).astype(int)
    outside = np.ones((960, 960), bool)
    outside[210:750, 210:750] = False
    assert np.abs(frame[outside] - later[outside]).max() <= 3  # grain only
    assert np.abs(frame[~outside] - later[~outside]).max() > 30  # the scene moves in the core
