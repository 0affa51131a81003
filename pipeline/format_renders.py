"""One render plan per format from the same clips: text, captions and timeline per format.

The clips, the grade and the audio mix are shared; what differs per format is where text
sits and how large the frame is, so each format gets its own overlay PNGs (laid out in its
safe area, contrast measured on its own crop of the clips), its own caption PNGs and its
own timeline size. Export then encodes each plan once: an extra format costs its encode and
its text, never a clip.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import overlays, stitching
from pipeline.context import StageContext
from pipeline.formats import slug, zoom
from pipeline.render_plan import CaptionLayer, OverlayLayer, RenderPlan, Timeline
from pipeline.spec import FORMAT_SIZES, AdSpecification, Clip, ScenePlan

if TYPE_CHECKING:
    from pipeline.voice.stage import VoiceOutput


def format_dir(workdir: Path, name: str) -> Path:
    """The temp folder of an extra format's text and captions."""
    return Path(workdir) / "formats" / slug(name)


def text_layers(
    plan: ScenePlan, spec: AdSpecification, clips: list[Clip], ctx: StageContext
) -> dict[str, list[OverlayLayer]]:
    """Every format's overlay layers (the first format's in ``workdir/overlays`` as before)."""
    out: dict[str, list[OverlayLayer]] = {}
    n = len(plan.formats)
    for k, name in enumerate(plan.formats):

        def report(fraction: float, message: str, k: int = k, name: str = name) -> None:
            ctx.report((k + fraction) / n, f"{message} ({name})" if n > 1 else message)

        sub = dataclasses.replace(ctx, report=report)
        if k:
            sub = dataclasses.replace(sub, workdir=format_dir(ctx.workdir, name))
        out[name] = overlays.run(plan.for_format(name), spec, clips, sub)
    return out


def timeline(plan: ScenePlan, clips: list[Clip], ctx: StageContext) -> Timeline:
    """The stitching stage's timeline for ``plan``'s format, cut from the shared canvas."""
    made = stitching.run(plan, clips, ctx)
    if len(plan.formats) == 1:
        return made
    name = next(f for f in plan.formats if FORMAT_SIZES[f] == (plan.width, plan.height))
    return made.model_copy(update={"zoom": zoom(name, plan.formats)})


def captions_for(
    spoken: VoiceOutput, spec: AdSpecification, plan: ScenePlan, workdir: Path
) -> CaptionLayer | None:
    """``spoken``'s captions redrawn for ``plan``'s frame (a format after the first)."""
    if not spoken.track.frames:
        return None
    from pipeline.voice import captions

    track = captions.render(spoken.script.timeline_words(), spec, plan, workdir / "captions")
    concat = captions.write_concat(track, plan.total_duration_s, workdir / "captions.ffconcat")
    if not track.frames:
        return None
    return CaptionLayer(concat_path=str(concat), x=track.area.left, y=track.area.top)


def renders(
    plan: ScenePlan,
    spec: AdSpecification,
    clips: list[Clip],
    first: RenderPlan,
    layers: dict[str, list[OverlayLayer]],
    spoken: VoiceOutput | None,
    ctx: StageContext,
) -> dict[str, RenderPlan]:
    """The render plan of every format after the first (``first`` is the first format's)."""
    out: dict[str, RenderPlan] = {}
    for name in plan.formats[1:]:
        fplan = plan.for_format(name)
        caption = (
            captions_for(spoken, spec, fplan, format_dir(ctx.workdir, name))
            if spoken is not None and first.captions is not None
            else None
        )
        out[name] = first.model_copy(
            update={
                "timeline": timeline(fplan, clips, ctx),
                "overlays": layers.get(name, []),
                "captions": caption,
            }
        )
    return out
