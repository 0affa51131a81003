"""The orchestrator: runs one generation's stages in order and records everything on its row.

``run(generation_id, runtime)`` is the single entry point (a thread today, a queue job
later). Before each stage it checks the cancel flag; after each it stores the stage's
artifact (specification, scene plan, clip paths), progress and timing. Progress milestones:
10 LLM, 20 planning, 30-70 clips, 70 overlays, 80 stitching, 90 audio, 95-99 export, 100.
It is the one error boundary of a worker: any failure becomes ``status=failed`` with a short
message and the failing stage; the traceback goes to the log. The temp folder is removed in
every outcome.

The audio mix needs only the plan and the clips' timing, so it starts on its own thread as
soon as the clips exist and runs beside the overlays (``_Early``); the audio stage collects
it in its turn. Each stage's recorded time is its own work, so the timings can add up to
more than the wall time.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pipeline import (
    audio,
    export,
    llm_enhancement,
    memory,
    overlays,
    repository,
    scene_planning,
    stitching,
    video_generation,
)
from pipeline.cancellation import CancelFlag
from pipeline.context import StageContext
from pipeline.cost_tracking import CostLedger
from pipeline.db import Generation, utcnow
from pipeline.errors import AdstudioError, CancelledError
from pipeline.gate import shared as shared_gate
from pipeline.logs import log_event
from pipeline.render_plan import RenderPlan
from pipeline.runtime import Runtime

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    start: int
    end: int


WAITING_STEP = "Waiting for the encoder (another ad is encoding)"
EXPORT_GATE = "final-render"


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


STEPS = {
    s.name: s
    for s in (
        Step("llm_enhancement", "Writing the ad specification", 0, 10),
        Step("scene_planning", "Planning the scenes", 10, 20),
        Step("video_generation", "Generating video clips", 30, 70),
        Step("overlays", "Rendering text overlays", 70, 80),
        Step("stitching", "Stitching clips with crossfades", 80, 90),
        Step("audio", "Mixing music and sound effects", 90, 95),
        Step("export", "Encoding the final video", 95, 99),
    )
}


class _Progress:
    """Writes progress to the row, from any thread, only when it visibly changes."""

    def __init__(self, runtime: Runtime, generation_id: int) -> None:
        self._runtime = runtime
        self._id = generation_id
        self._lock = threading.Lock()
        self._last: tuple[int, str] = (-1, "")

    def set(self, percent: float, step: str) -> None:
        value = (int(percent), step)
        with self._lock:
            if value == self._last:
                return
            self._last = value
            with self._runtime.sessions.begin() as session:
                repository.set_progress(session, self._id, value[0], step)
            if self._runtime.on_progress is not None:
                self._runtime.on_progress(self._id, value[0], step)

    def reporter(self, step: Step) -> Callable[[float, str], None]:
        def report(fraction: float, message: str) -> None:
            fraction = min(1.0, max(0.0, fraction))
            self.set(step.start + (step.end - step.start) * fraction, message or step.label)

        return report


class _Run:
    """State of one generation while it runs."""

    def __init__(self, runtime: Runtime, row: Generation) -> None:
        self.runtime = runtime
        self.id = row.id
        self.seed = row.seed
        self.prompt = row.prompt
        self.workdir = runtime.settings.resolved_temp_dir / f"gen-{row.id}"
        self.ledger = CostLedger(row.id)
        self.timings: dict[str, float] = {}
        self.progress = _Progress(runtime, row.id)
        self.stage: str | None = None
        self.ctx = StageContext(
            settings=runtime.settings,
            workdir=self.workdir,
            seed=row.seed,
            generation_id=row.id,
            ffmpeg_exe=runtime.ffmpeg_exe,
            is_cancelled=CancelFlag(runtime.sessions, row.id),
        )

    def stage_run(
        self, name: str, fn: Callable[[StageContext], T], early: _Early[Any] | None = None
    ) -> T:
        """Check cancel, mark the stage started, run it, record timing and progress.

        ``early``: the stage's work was started ahead on that thread and ``fn`` collects it;
        the work's own time is recorded, not the wait for it.
        """
        step = STEPS[name]
        self.stage = name
        self.ctx.check_cancelled()
        self.progress.set(step.start, step.label)
        log_event("stage_started", step.label, stage=name, generation_id=self.id)
        started = time.perf_counter()
        result = fn(self.ctx.with_report(self.progress.reporter(step)))
        waited = round(time.perf_counter() - started, 3)
        self.timings[name] = early.seconds if early is not None else waited
        self.progress.set(step.end, step.label)
        log_event(
            "stage_completed", step.label, stage=name, generation_id=self.id,
            seconds=self.timings[name],
        )  # fmt: skip
        return result

    def save(self, **values: Any) -> None:
        with self.runtime.sessions.begin() as session:
            row = session.get(Generation, self.id)
            if row is not None:
                for key, value in values.items():
                    setattr(row, key, value)


class _Early(Generic[T]):
    """A stage's work started before its turn, on its own thread; its stage collects it.

    Its progress is not shown (the row shows the stage in front), cancelling stops it like
    any stage, its error surfaces when its stage collects it (and is reported against that
    stage), and leaving the ``with`` block waits for it, so nothing writes into the temp
    folder after the generation ends.
    """

    def __init__(self, run: _Run, name: str, fn: Callable[[StageContext], T]) -> None:
        self._ctx, self._fn = run.ctx, fn
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=f"gen-{run.id}-{name}")
        self._future: Future[T] | None = None
        self.seconds = 0.0  # the work's own time, not the wait

    def _work(self) -> T:
        started = time.perf_counter()
        try:
            return self._fn(self._ctx)
        finally:
            self.seconds = round(time.perf_counter() - started, 3)

    def __enter__(self) -> _Early[T]:
        self._future = self._pool.submit(self._work)
        return self

    def result(self) -> T:
        assert self._future is not None, "use _Early in a with block"
        return self._future.result()

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True)


def _publish_clips(clips: list[Any], dest_dir: Path) -> list[dict[str, Any]]:
    """Keep each scene's clip for the inspector (output/clips/<id>/), return their records."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    records = []
    for clip in clips:
        target = dest_dir / f"scene_{clip.scene_index + 1:02d}.mp4"
        shutil.copyfile(clip.path, target)
        records.append({**clip.model_dump(), "path": str(target)})
    return records


def _pipeline(run: _Run) -> None:
    rt = run.runtime
    spec_result = run.stage_run(
        "llm_enhancement", lambda ctx: llm_enhancement.run(run.prompt, ctx, rt.llm)
    )
    spec = spec_result.specification
    run.ledger.add("llm_enhancement", rt.llm.name, spec_result.cost, spec_result.detail)
    run.save(llm_specification=spec.model_dump(mode="json"))

    plan = run.stage_run("scene_planning", lambda ctx: scene_planning.run(spec, ctx))
    run.save(scene_plan=plan.model_dump(mode="json"))

    clips = run.stage_run(
        "video_generation",
        lambda ctx: video_generation.run(plan, spec, rt.video, ctx, run.ledger),
    )
    run.save(temp_clip_paths=[c.path for c in clips])

    def mix(ctx: StageContext) -> audio.AudioTrack:
        timeline = stitching.run(plan, clips, ctx)  # pure: the same as the stitching stage's
        return audio.run(audio.AudioRequest.for_ad(spec.ad.mood, timeline, run.seed, plan), ctx)

    # The mix needs only the plan and the clips' timing, and the overlays are one thread
    # of Python and Pillow: run side by side they leave no core idle (-0.3 to -0.5 s).
    with _Early(run, "audio", mix) as early_mix:
        layers = run.stage_run("overlays", lambda ctx: overlays.run(plan, spec, clips, ctx))
        timeline = run.stage_run("stitching", lambda ctx: stitching.run(plan, clips, ctx))
        track = run.stage_run("audio", lambda ctx: early_mix.result(), early=early_mix)
    run.save(audio_mix=track.record())
    render_plan = RenderPlan(
        timeline=timeline, overlays=layers, audio=track, grade=spec.ad.visual_style
    )
    settings = rt.settings
    video_dest = (settings.videos_dir / f"{run.id}.mp4").resolve()
    thumb_dest = (settings.thumbnails_dir / f"{run.id}.jpg").resolve()
    with _export_turn(run):
        memory.release()  # the encode is the peak: give back what the drawing stages freed
        result = run.stage_run(
            "export", lambda ctx: export.run(render_plan, ctx, video_dest, thumb_dest)
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
    try:
        _pipeline(current)
    except CancelledError as exc:
        _fail(current, exc.message, current.stage, event="generation_cancelled")
    except AdstudioError as exc:
        stage = getattr(exc, "stage", None) or current.stage
        _fail(current, exc.message, stage)
        if raise_errors:
            raise
    except Exception as exc:
        stage = current.stage or "startup"
        message = f"Unexpected error during {stage.replace('_', ' ')} ({type(exc).__name__})."
        _fail(current, message, stage, exc_info=True)
        if raise_errors:
            raise
    finally:
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
