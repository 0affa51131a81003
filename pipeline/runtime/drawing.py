"""The drawing half of a generation (clips, text overlays, timeline, audio mix) and its process.

:func:`draw` runs the four stages from the scene plan to a
:class:`~pipeline.runtime.render_plan.Drawn`
(the clips plus everything the export needs). By default the worker runs it in a short-lived
child process, ``python -m pipeline.runtime.drawing`` (this module's :func:`_child`, started by
:class:`~pipeline.runtime.drawing_process.DrawingProcess`), which exits before the final
encode starts, so the encode (the peak of a generation) runs next to a worker that never
loaded numpy, Pillow, PyAV or the clip renderer, and whatever the drawing allocated is
returned to the system. Measured on one offline generation: the worker holds 67 MB at the
encode instead of 130-135 MB. A crash while drawing (a native library, memory) ends the
child, not the app. With ``ADSTUDIO_DRAW_IN_SUBPROCESS=false``, or a video provider handed to
``bootstrap`` as an object, :func:`draw` runs on the generation's thread instead.

The child is started when the generation starts, so its imports (about 0.4 s) overlap the
specification and the plan. Protocol, one JSON object per line:

- worker -> child (stdin): ``{"job": DrawJob}`` (:mod:`pipeline.runtime.drawing_job`), later
  ``{"cancel": true}``; end of input (the worker closed the pipe or died) also cancels.
- child -> worker (the original stdout; anything else the child prints goes to stderr):
  ``{"progress": [percent, step], "stage": name}``, ``{"log": record}`` (replayed through the
  worker's logging), then ``{"done": {...}}`` or ``{"failed": {...}}``.

Stage milestones, timings, costs, log lines and errors come out exactly as on a thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import AdstudioError
from pipeline.logs import RelayHandler, get_logger, log_event
from pipeline.providers import VideoProvider
from pipeline.runtime.drawing_job import DrawJob, error_data
from pipeline.runtime.render_plan import Drawn, RenderPlan
from pipeline.runtime.stages import Early, Progress, StageRunner
from pipeline.settings import Settings
from pipeline.spec import AdSpecification, Clip, ScenePlan
from pipeline.stages.context import StageContext

if TYPE_CHECKING:
    from pipeline.voice.stage import Pending


def draw(
    runner: StageRunner,
    spec: AdSpecification,
    plan: ScenePlan,
    video: VideoProvider,
    voice_request: dict[str, Any] | None = None,
    reuse: list[Clip] | None = None,
    begun: Pending | None = None,
) -> Drawn:
    """The voice-over and captions, clips, overlays, stitching and the audio mix for ``plan``,
    in this process. ``reuse``: earlier versions' clips (:mod:`pipeline.store.clip_cache`).

    The voice comes first: its engine (~215 MB, a process of its own) has exited before the
    clip renderer starts, so the engine never adds to the clips' memory (docs/voice.md).
    ``voice_request``: ``{"enabled": bool, "voice": name or None}`` (default: on), and
    ``"earlier"``: earlier versions' spoken lines to reuse (:mod:`pipeline.voice.reuse`).
    ``begun``: the voice stage already handed to its engine (:func:`begin_voice`), which
    this call finishes or stops.
    """
    # Imported here: the worker imports this module to start the child and must not load
    # the drawing libraries itself.
    from pipeline.media import caption_crop
    from pipeline.runtime import memory
    from pipeline.stages import audio, format_renders, video_generation
    from pipeline.voice import audio_stage
    from pipeline.voice import stage as voice_stage

    asked = voice_request or {}

    def speak(ctx: StageContext) -> voice_stage.VoiceOutput:
        pending = begun or begin_voice(spec, plan, ctx, asked)
        try:
            return pending.finish(ctx)
        finally:
            pending.cancel()

    try:
        spoken = runner.stage_run("voice", speak)
    finally:
        if begun is not None:  # stopped before its stage ran (a cancel): end the engine
            begun.cancel()
    if spoken.cost is not None:  # offline speech: a $0 line, like the local clips
        c = spoken.cost
        runner.ledger.add(c.stage, c.provider, c.amount, c.detail)
    sidecars = voice_stage.draft_sidecars(spoken, Path(runner.ctx.workdir))
    memory.release()  # what the voice stage freed (its captions' drawing) before the clips

    clips = runner.stage_run(
        "video_generation",
        lambda ctx: video_generation.run(plan, spec, video, ctx, runner.ledger, reuse or ()),
    )
    memory.release()  # the renderers' frames: measured 257 -> 144 MB before the overlays

    def mix(ctx: StageContext) -> audio.AudioTrack:
        # The music's length and cuts come from the plan: each clip lasts exactly its scene.
        # (Cutting it while the voice speaks saved ~0.5 s but held its stems through the
        # clips: +20-50 MB at that step, the generation's peak; not taken.)
        request = audio.AudioRequest.for_plan(spec.ad.mood, plan, runner.seed)
        if not spoken.script.spoken:  # nothing to duck under: the plain mix, half the CPU
            return audio.run(request, ctx)
        track, report = audio_stage.run(request, spoken.script, ctx)
        log_event(
            "voice_mixed", f"voice over music {report.voice_to_music_db:.1f} dB",
            stage="audio", generation_id=runner.id,
        )  # fmt: skip
        return track

    # The mix needs only the plan and the voice, and the overlays are one thread of Python
    # and Pillow: run side by side they leave no core idle (-0.3 to -0.5 s).
    with Early(runner, "audio", mix) as early_mix:
        texts = runner.stage_run(  # every format's text, each laid out in its own frame
            "overlays", lambda ctx: format_renders.text_layers(plan, spec, clips, ctx)
        )
        captions = caption_crop.tighten_captions(spoken.layer())  # the export blends less
        timeline = runner.stage_run(
            "stitching", lambda ctx: format_renders.timeline(plan, clips, ctx)
        )
        track = runner.stage_run("audio", lambda ctx: early_mix.result(), early=early_mix)
    render = RenderPlan(
        timeline=timeline, overlays=texts[plan.formats[0]], audio=track,
        captions=captions, grade=spec.ad.visual_style,
    )  # fmt: skip
    others = format_renders.renders(plan, spec, clips, render, texts, spoken, runner.ctx)
    return Drawn(
        clips=clips, render=render, voice=spoken.summary(), sidecars=sidecars, formats=others
    )


def begin_voice(
    spec: AdSpecification, plan: ScenePlan, ctx: StageContext, asked: dict[str, Any]
) -> Pending:
    """Choose the voice and hand the script to its engine, which loads and speaks in its own
    process while the caller goes on (:func:`pipeline.voice.stage.begin`).

    A first version's engine is started before the voice stage's own modules (captions,
    Pillow, numpy: ~0.1 s) are imported, so it loads meanwhile. A later version may reuse
    every earlier line, and then its engine never starts.
    """
    from pipeline.voice import tts

    enabled = bool(asked.get("enabled", True))
    chosen = None
    if enabled and not asked.get("earlier"):
        chosen = tts.choose(ctx.settings, spec.language, asked.get("voice"), ctx.seed)
        start = getattr(chosen[0], "start", None)
        if start is not None:
            start()
    from pipeline.voice import stage as voice_stage

    try:
        return voice_stage.begin(
            spec, plan, ctx, enabled=enabled, voice=asked.get("voice"),
            texts=_voice_lines(plan), earlier=asked.get("earlier"), chosen=chosen,
        )  # fmt: skip
    except BaseException:
        if chosen is not None and chosen[0] is not None:
            chosen[0].close()
        raise


def _voice_lines(plan: ScenePlan) -> list[str] | None:
    """The spoken lines a storyboard chose, one per scene ("" keeps the written one)."""
    if all(s.voice_line is None for s in plan.scenes):
        return None
    return [s.voice_line or "" for s in plan.scenes]


# --- the child ----------------------------------------------------------------------------


def _import_drawing() -> None:
    from pipeline.providers.motion import renderer  # noqa: F401


def _watch_input(cancelled: threading.Event) -> None:
    """A cancel line or the end of input (the worker closed the pipe or died) cancels."""
    for line in sys.stdin:
        if "cancel" in line:
            break
    cancelled.set()


def _child() -> int:
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # stray prints (ffmpeg, libraries) go to stderr, not into the protocol
    lock = threading.Lock()

    def send(message: dict[str, Any]) -> None:
        with lock:
            channel.write(json.dumps(message, default=str) + "\n")
            channel.flush()

    # Load the drawing libraries while the worker writes the specification and the plan,
    # and, once the job is here, while the voice engine starts.
    loading = threading.Thread(target=_import_drawing, daemon=True)
    loading.start()
    from pipeline.providers import get_video_provider
    from pipeline.runtime import memory

    line = sys.stdin.readline()
    if not line.strip():
        return 0  # the generation ended before its drawing
    try:
        job = DrawJob.model_validate(json.loads(line)["job"])
        settings = Settings(**job.settings)
    except Exception as exc:  # not str(exc): a validation message would quote the keys
        print(
            f"The drawing process could not read its job ({type(exc).__name__}).", file=sys.stderr
        )
        return 2
    cancelled = threading.Event()
    threading.Thread(target=_watch_input, args=(cancelled,), daemon=True).start()
    logger = get_logger()
    logger.setLevel(job.log_level)
    logger.addHandler(RelayHandler(lambda record: send({"log": record}), job.log_level))
    logger.propagate = False
    memory.tune()
    ctx = StageContext(
        settings=settings, workdir=Path(job.workdir), seed=job.seed,
        generation_id=job.generation_id, ffmpeg_exe=job.ffmpeg_exe,
        is_cancelled=cancelled.is_set,
    )  # fmt: skip
    runner: StageRunner

    def progress(percent: int, step: str) -> None:
        send({"progress": [percent, step], "stage": runner.stage})

    runner = StageRunner(job.generation_id, job.seed, ctx, Progress(progress))
    begun = None
    # The engine loads beside the drawing libraries; on an error the voice stage begins
    # again and reports it as its own.
    with contextlib.suppress(Exception):
        begun = begin_voice(job.spec, job.plan, ctx, job.voice_request)
    loading.join()
    try:
        video = get_video_provider(settings)
        drawn = draw(runner, job.spec, job.plan, video, job.voice_request, job.reuse, begun)
    except AdstudioError as exc:
        send({"failed": error_data(exc, runner.stage)})
        return 0
    except Exception as exc:
        log_event(
            "drawing_failed", f"{type(exc).__name__}: {exc}", level=logging.ERROR,
            stage=runner.stage, generation_id=job.generation_id, exc_info=True,
        )  # fmt: skip
        send({"failed": error_data(exc, runner.stage)})
        return 1
    costs = [entry.model_dump(mode="json") for entry in runner.ledger.entries]
    send({"done": {"drawn": drawn.model_dump(mode="json"), "costs": costs,
                   "timings": runner.timings}})  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(_child())
