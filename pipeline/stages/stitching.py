"""Stitching stage: clips -> a Timeline with 0.5 s crossfades, 0.3 s fades, constant 24 fps.

Pure arithmetic; the frames are joined by export's single ffmpeg pass. n clips joined by
(n-1) crossfades last ``sum(d) - 0.5 * (n - 1)``; crossfade k starts (on the output
timeline) when clip k would end minus the overlap of every fade so far.
"""

from __future__ import annotations

from pipeline.errors import StageError
from pipeline.runtime.render_plan import ClipInput, Timeline
from pipeline.spec import Clip, ScenePlan, final_duration
from pipeline.stages.context import StageContext

STAGE = "stitching"


def crossfade_offsets(durations: list[float], crossfade_s: float) -> list[float]:
    """Start times of each crossfade on the output timeline."""
    offsets, elapsed = [], 0.0
    for k, duration in enumerate(durations[:-1]):
        elapsed += duration
        offsets.append(round(elapsed - crossfade_s * (k + 1), 6))
    return offsets


def timing(plan: ScenePlan) -> tuple[list[float], float]:
    """The crossfades' start times and the video's length, from the plan alone: each clip
    lasts exactly its scene (the audio is cut from this before any clip exists)."""
    durations = [scene.duration_s for scene in plan.scenes]
    offsets = crossfade_offsets(durations, plan.crossfade_s)
    return offsets, round(final_duration(durations, plan.crossfade_s), 6)


def run(plan: ScenePlan, clips: list[Clip], ctx: StageContext) -> Timeline:
    """Lay the clips out in scene order; each lasts exactly its scene's duration."""
    if len(clips) != len(plan.scenes):
        raise StageError(STAGE, f"Expected {len(plan.scenes)} clips, got {len(clips)}.")
    by_index = {c.scene_index: c for c in clips}
    inputs = []
    for scene in plan.scenes:
        clip = by_index.get(scene.index)
        if clip is None:
            raise StageError(STAGE, f"The clip for scene {scene.index + 1} is missing.")
        if scene.duration_s <= plan.crossfade_s * 2:
            raise StageError(STAGE, f"Scene {scene.index + 1} is too short for the crossfades.")
        inputs.append(
            ClipInput(
                scene_index=scene.index,
                path=clip.path,
                duration_s=scene.duration_s,
                width=clip.width,
                height=clip.height,
            )
        )
    offsets, duration = timing(plan)
    return Timeline(
        clips=inputs,
        offsets_s=offsets,
        crossfade_s=plan.crossfade_s,
        fade_in_s=plan.fade_s,
        fade_out_s=plan.fade_s,
        fps=plan.fps,
        width=plan.width,
        height=plan.height,
        duration_s=duration,
    )
