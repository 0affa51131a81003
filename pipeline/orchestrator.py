"""The orchestrator: runs one generation's stages in order and records everything on its row.

``run(generation_id, runtime)`` is the single entry point (a thread today, a queue job
later). Before each stage it checks the cancel flag; after each it stores the stage's
artifact (specification, scene plan, clips, audio mix), progress and timing (the stage
machinery is :mod:`pipeline.stages`). It is the one error boundary of a worker: any failure
becomes ``status=failed`` with a short message and the failing stage; the traceback goes to
the log. The temp folder is removed in every outcome.

The drawing stages (clips, overlays, stitching, audio: :mod:`pipeline.drawing`) run in a
child process started with the generation, which has exited before the final encode; with
``draws_apart`` off they run on this thread. Ads take turns drawing on the machine's cores
and take turns encoding, the oldest ad first.
"""

from __future__ import annotations

import logging
import shutil
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from pipeline import drawing, export, ffmpeg, llm_enhancement, memory, repository, scene_planning
from pipeline.cancellation import CancelFlag
from pipeline.context import StageContext
from pipeline.db import Generation, utcnow
from pipeline.errors import AdstudioError, CancelledError, unexpected
from pipeline.gate import shared as shared_gate
from pipeline.gate import usable_cores
from pipeline.logs import log_event
from pipeline.runtime import Runtime
from pipeline.stages import STEPS, Progress, StageRunner

WAITING_STEP = "Waiting for the encoder (another ad is encoding)"
DRAW_WAITING_STEP = "Waiting for the renderer (another ad is drawing)"
EXPORT_GATE = "final-render"
DRAW_GATE = "drawing-process"


def _export_turn(run: _Run) -> AbstractContextManager[None]:
    """A final-render place for the ``with`` block: oldest ad first, cancellable while waiting.

    A plain semaphore let whichever waiter polled first encode next, so with several ads
    queued an older one could wait behind newer ones; the shared gate admits by generation
    id, the order the ads were started in.
    """
    gate = shared_gate(EXPORT_GATE, run.runtime.settings.max_parallel_exports)
    run.stage = "export"  # a cancel while waiting is reported against the export
    return gate.place(
        run.id,
        check=run.ctx.check_cancelled,
        on_wait=lambda: run.progress.set(STEPS["export"].start, WAITING_STEP),
    )


def _draw_turn(run: _Run) -> AbstractContextManager[None]:
    """A place to draw in a child process, oldest ad first: as many ads at once as the cores
    hold the provider's renderers (one ad on two cores). On a thread the renderer's own
    per-process gate does this; children cannot share it. A provider that waits on a
    service (places 0) does not take turns."""
    places = run.runtime.video.places()
    if places <= 0:
        return nullcontext()
    gate = shared_gate(DRAW_GATE, max(1, usable_cores() // places))
    run.stage = "video_generation"
    return gate.place(
        run.id,
        check=run.ctx.check_cancelled,
        on_wait=lambda: run.progress.set(STEPS["video_generation"].start, DRAW_WAITING_STEP),
    )


def _row_sink(runtime: Runtime, generation_id: int) -> Any:
    def sink(percent: int, step: str) -> None:
        with runtime.sessions.begin() as session:
            repository.set_progress(session, generation_id, percent, step)
        if runtime.on_progress is not None:
            runtime.on_progress(generation_id, percent, step)

    return sink


class _Run(StageRunner):
    """State of one generation while it runs in this worker; progress goes to its row."""

    def __init__(self, runtime: Runtime, row: Generation) -> None:
        self.runtime = runtime
        self.prompt = row.prompt
        self.workdir = runtime.settings.resolved_temp_dir / f"gen-{row.id}"
        ctx = StageContext(
            settings=runtime.settings,
            workdir=self.workdir,
            seed=row.seed,
            generation_id=row.id,
            ffmpeg_exe=runtime.ffmpeg_exe,
            is_cancelled=CancelFlag(runtime.sessions, row.id),
        )
        super().__init__(row.id, row.seed, ctx, Progress(_row_sink(runtime, row.id)))

    def save(self, **values: Any) -> None:
        with self.runtime.sessions.begin() as session:
            row = session.get(Generation, self.id)
            if row is not None:
                for key, value in values.items():
                    setattr(row, key, value)


def _publish_clips(clips: list[Any], dest_dir: Path) -> list[dict[str, Any]]:
    """Keep each scene's clip for the inspector (output/clips/<id>/), return their records."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    records = []
    for clip in clips:
        target = dest_dir / f"scene_{clip.scene_index + 1:02d}.mp4"
        shutil.copyfile(clip.path, target)
        records.append({**clip.model_dump(), "path": str(target)})
    return records


def _pipeline(run: _Run, painter: drawing.DrawingProcess | None) -> None:
    rt = run.runtime
    spec_result = run.stage_run(
        "llm_enhancement", lambda ctx: llm_enhancement.run(run.prompt, ctx, rt.llm)
    )
    spec = spec_result.specification
    run.ledger.add("llm_enhancement", rt.llm.name, spec_result.cost, spec_result.detail)
    run.save(llm_specification=spec.model_dump(mode="json"))

    plan = run.stage_run("scene_planning", lambda ctx: scene_planning.run(spec, ctx))
    run.save(scene_plan=plan.model_dump(mode="json"))

    if painter is None:
        drawn = drawing.draw(run, spec, plan, rt.video)
    else:
        with _draw_turn(run):
            drawn = painter.draw(run, rt.settings, spec, plan)
    clips, render_plan = drawn.clips, drawn.render
    run.save(
        temp_clip_paths=[c.path for c in clips],
        audio_mix=render_plan.audio.record() if render_plan.audio else None,
    )
    settings = rt.settings
    video_dest = (settings.videos_dir / f"{run.id}.mp4").resolve()
    thumb_dest = (settings.thumbnails_dir / f"{run.id}.jpg").resolve()
    with _export_turn(run):
        memory.release()  # the encode is the peak: give back what the drawing stages freed
        probe = ffmpeg.probe_apart if painter is not None else ffmpeg.probe
        result = run.stage_run(
            "export",
            lambda ctx: export.run(render_plan, ctx, video_dest, thumb_dest, probe=probe),
        )
    try:
        clips_dir = (settings.output_dir / "clips" / str(run.id)).resolve()
        clip_records = _publish_clips(clips, clips_dir)
        with rt.sessions.begin() as session:
            session.get(Generation, run.id).clips = clip_records  # type: ignore[union-attr]
            repository.complete_generation(
                session,
                run.id,
                video_path=str(result.video_path),
                thumbnail_path=str(result.thumbnail_path),
                duration_s=result.info.duration_s,
                cost_breakdown=run.ledger.as_json(),
                stage_timings=run.timings,
            )
    except BaseException:
        remove_outputs(settings, run.id)
        raise
    log_event(
        "generation_completed", f"{result.video_path}", generation_id=run.id,
        cost=run.ledger.total, seconds=round(sum(run.timings.values()), 3),
    )  # fmt: skip


def remove_outputs(settings: Any, generation_id: int) -> None:
    """Delete a generation's published files (video, thumbnail, clips)."""
    (settings.videos_dir / f"{generation_id}.mp4").unlink(missing_ok=True)
    (settings.thumbnails_dir / f"{generation_id}.jpg").unlink(missing_ok=True)
    shutil.rmtree(settings.output_dir / "clips" / str(generation_id), ignore_errors=True)


def run(generation_id: int, runtime: Runtime, *, raise_errors: bool = False) -> None:
    """Run one generation end to end; never raises unless ``raise_errors`` (tests)."""
    with runtime.sessions.begin() as session:
        row = repository.get_generation(session, generation_id, None)
        row.status = "processing"
        row.started_at = utcnow()
        row.llm_provider = runtime.llm.name
        row.video_provider = runtime.video.name
        current = _Run(runtime, row)
    current.workdir.mkdir(parents=True, exist_ok=True)
    log_event("generation_started", current.prompt[:80], generation_id=generation_id)
    painter: drawing.DrawingProcess | None = None
    try:
        if runtime.draws_apart:  # started now: its imports overlap the specification
            painter = drawing.DrawingProcess(generation_id)
        _pipeline(current, painter)
    except CancelledError as exc:
        _fail(current, exc.message, current.stage, event="generation_cancelled")
    except AdstudioError as exc:
        stage = getattr(exc, "stage", None) or current.stage
        _fail(current, exc.message, stage)
        if raise_errors:
            raise
    except Exception as exc:
        stage = current.stage or "startup"
        _fail(current, unexpected(stage, exc), stage, exc_info=True)
        if raise_errors:
            raise
    finally:
        if painter is not None:
            painter.close()
        shutil.rmtree(current.workdir, ignore_errors=True)


def _fail(run: _Run, message: str, stage: str | None, event: str = "generation_failed",
          exc_info: bool = False) -> None:  # fmt: skip
    remove_outputs(run.runtime.settings, run.id)
    with run.runtime.sessions.begin() as session:
        repository.fail_generation(
            session,
            run.id,
            error=message,
            stage=stage,
            cost_breakdown=run.ledger.as_json(),
            stage_timings=run.timings,
        )
    log_event(
        event, message, level=logging.WARNING if event.endswith("cancelled") else logging.ERROR,
        stage=stage, generation_id=run.id, exc_info=exc_info,
    )  # fmt: skip
