"""Contracts validate what matters; the crossfade arithmetic gives exactly 15 s."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.spec import BrandGuidelines, Scene, ScenePlan, TextOverlay, final_duration
from pipeline.stages.stitching import crossfade_offsets
from tests.fakes import sample_specification


def _scene(i: int, d: float) -> Scene:
    return Scene(index=i, scene_type="attention", duration_s=d, visual_prompt="a dial")


def test_three_five_second_clips_with_crossfades_last_14_seconds() -> None:
    assert final_duration([5.0, 5.0, 5.0]) == pytest.approx(14.0)
    assert crossfade_offsets([5.0, 5.0, 5.0], 0.5) == [4.5, 9.0]


def test_plan_must_last_the_target_after_crossfades() -> None:
    plan = ScenePlan(framework="AIDA", scenes=[_scene(i, d) for i, d in enumerate([4, 4, 4.5, 4])])
    assert plan.total_duration_s == pytest.approx(15.0)
    with pytest.raises(ValidationError, match=r"after crossfades, expected 15\.00 s"):
        ScenePlan(framework="AIDA", scenes=[_scene(i, 5.0) for i in range(3)])


@pytest.mark.parametrize("count", [2, 6])
def test_plan_needs_three_to_five_scenes(count: int) -> None:
    with pytest.raises(ValidationError, match=r"at (least 3|most 5)"):
        ScenePlan(framework="AIDA", scenes=[_scene(i, 4.0) for i in range(count)])


def test_bad_values_are_rejected_with_readable_messages() -> None:
    with pytest.raises(ValidationError, match="not a hex color"):
        BrandGuidelines(primary_color="gold", secondary_color="#000000",
                        accent_color="#FFFFFF", tone="x")  # fmt: skip
    with pytest.raises(ValidationError, match="'top', 'center' or 'bottom'"):
        TextOverlay(text="Hi", position="left")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="'fade_in' or 'slide_up'"):
        TextOverlay(text="Hi", animation="spin")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="greater than or equal to 3"):
        _scene(0, 2.0)
    spec = sample_specification().model_dump()
    spec["framework"] = "XYZ"
    with pytest.raises(ValidationError, match="'AIDA', 'PAS' or 'BAB'"):
        type(sample_specification()).model_validate(spec)


def test_beats_must_follow_the_framework() -> None:
    data = sample_specification().model_dump()
    data["framework"] = "PAS"
    with pytest.raises(ValidationError, match="do not follow the PAS order"):
        type(sample_specification()).model_validate(data)


def test_hex_colors_are_normalized_and_spec_round_trips_json() -> None:
    spec = sample_specification()
    again = type(spec).model_validate_json(spec.model_dump_json())
    assert again == spec
    brand = BrandGuidelines(primary_color="#abcdef", secondary_color="#000000",
                            accent_color="#FFFFFF", tone="calm")  # fmt: skip
    assert brand.primary_color == "#ABCDEF"


def test_the_music_is_cut_from_the_plan_exactly_where_the_clips_will_cross(tmp_path: Path) -> None:
    """The mix is asked for from the plan: its length and its cuts (where each transition's
    effect lands) are those of the clips' timeline, whatever the clips' own lengths."""
    from pipeline.settings import Settings
    from pipeline.spec import Clip
    from pipeline.stages import audio, scene_planning, stitching
    from pipeline.stages.context import StageContext

    ctx = StageContext(settings=Settings(data_dir=tmp_path), workdir=tmp_path, seed=4)
    spec = sample_specification()
    for duration in (15.0, 22.5, 30.0):
        ad = spec.ad.model_copy(update={"duration_s": duration})
        plan = scene_planning.run(spec.model_copy(update={"ad": ad}), ctx)
        clips = [
            Clip(
                scene_index=s.index,
                path=f"c{s.index}.mp4",
                duration_s=s.duration_s + 0.04,
                provider="local",
            )
            for s in plan.scenes
        ]
        timeline = stitching.run(plan, clips, ctx)
        planned = audio.AudioRequest.for_plan(spec.ad.mood, plan, 7)
        assert planned == audio.AudioRequest.for_ad(spec.ad.mood, timeline, 7, plan)
        assert planned.duration_s == pytest.approx(duration, abs=0.01)
        assert len(planned.transition_times_s) == len(plan.scenes) - 1
