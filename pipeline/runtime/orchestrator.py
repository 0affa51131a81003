"""The orchestrator: runs one generation's stages in order and records everything on its row.

``run(generation_id, runtime)`` is the single entry point (on a thread of the app, or of an
RQ worker's horse: :mod:`pipeline.runtime.rq_runner`). Before each stage it checks the cancel flag;
after each it stores the stage's artifact (specification, scene plan, clips, audio mix),
progress and timing (the stage machinery is :mod:`pipeline.runtime.stages`). It is the one error
boundary of a worker: any failure becomes ``status=failed`` with a short message and the
failing stage; the traceback goes to the log. The temp folder is removed in every outcome.

The drawing starts with the voice stage (the script spoken by an engine in a process of its
own, and the captions drawn), before the clips so the engine never runs beside the clip
renderer; the export burns the captions in and ``.srt``/``.vtt`` sidecars are published
next to the MP4.

The drawing stages (clips, overlays, stitching, audio: :mod:`pipeline.runtime.drawing`) run in a
child process started with the generation, which has exited before the final encode; with
``draws_apart`` off they run on this thread. Ads take turns drawing on the machine's cores
and take turns encoding, the oldest ad first; before all that they wait for one of
``max_running`` places (the row shows its place in line). A failure frees the temp folder
before it is written, so a full disk has room for it; if the database takes nothing the row
is left to recovery (its lease lapses) and the outcome kept in :data:`unrecorded`.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from pipeline import formats, variants
from pipeline.errors import DOING, AdstudioError, CancelledError, disk_full, unexpected
from pipeline.logs import log_event
from pipeline.media import ffmpeg
from pipeline.runtime import drawing, leases, memory
from pipeline.runtime.cancellation import CancelFlag
from pipeline.runtime.gate import shared as shared_gate
from pipeline.runtime.gate import usable_cores
from pipeline.runtime.services import Runtime
from pipeline.runtime.stages import STEPS, Progress, StageRunner
from pipeline.spec import FORMAT_SIZES, AdSpecification, ScenePlan
from pipeline.stages import export, format_exports, llm_enhancement, scene_planning
from pipeline.stages.context import StageContext
from pipeline.store import brand_kit, repository, versions
from pipeline.store.db import Generation, utcnow

WAITING_STEP = "Waiting for the encoder (another ad is encoding)"
DRAW_WAITING_STEP = "Waiting for the renderer (another ad is drawing)"
EXPORT_GATE = "final-render"
DRAW_GATE = "drawing-process"
RUN_GATE = "running"
#: Waits before each attempt to write a failure (a full disk may free up meanwhile).
FINAL_WRITE_PAUSES_S = (0.0, 0.5, 2.0)
#: generation id -> (message, stage) of failures the database could not take.
unrecorded: dict[int, tuple[str, str | None]] = {}


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
        #: What the user asked of the voice-over: {"enabled": bool, "voice": name or None}
        #: (kept as "asked" beside what was said, so a run taken over asks the same).
        said = row.voice or {}
        self.voice_request: dict[str, Any] = dict(said.get("asked") or said)
        self.formats: list[str] | None = row.formats  # None: the prompt's platform's
        self.duration_s: float | None = row.target_duration_s
        #: A storyboard's specification and plan, stored on the row before it started.
        self.planned: tuple[AdSpecification, ScenePlan] | None = None
        if row.planned and row.llm_specification and row.scene_plan:
            self.planned = (
                AdSpecification.model_validate(row.llm_specification),
                ScenePlan.model_validate(row.scene_plan),
            )

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


def _specify_and_plan(run: _Run) -> tuple[AdSpecification, ScenePlan]:
    """The first two stages, or the storyboard's spec and plan already on the row."""
    if run.planned is not None:
        run.kept("llm_enhancement")
        run.kept("scene_planning")
        return run.planned
    rt = run.runtime
    direction = variants.direction_of(rt.sessions, run.id)  # one of a group of variants?
    llm = variants.steered(rt.llm, direction)
    spec_result = run.stage_run(
        "llm_enhancement", lambda ctx: llm_enhancement.run(run.prompt, ctx, llm)
    )
    spec = spec_result.specification
    with rt.sessions() as session:  # the user's logo and photos, if the ad has a brand kit
        spec = brand_kit.apply(
            spec, brand_kit.for_generation(session, rt.settings.data_dir, run.id)
        )
    if run.duration_s is not None:  # the length asked for with this ad
        spec = spec.model_copy(
            update={"ad": spec.ad.model_copy(update={"duration_s": run.duration_s})}
        )
    spec = variants.apply(spec, direction, rt.sessions, run.id)
    run.ledger.add("llm_enhancement", rt.llm.name, spec_result.cost, spec_result.detail)
    run.save(llm_specification=spec.model_dump(mode="json"))

    shapes = tuple(run.formats or formats.for_platform(spec.ad.platform))
    plan = run.stage_run(
        "scene_planning", lambda ctx: scene_planning.run(spec, ctx, formats=shapes)
    )
    run.save(scene_plan=plan.model_dump(mode="json"))
    return spec, plan


def _pipeline(run: _Run, painter: drawing.DrawingProcess | None) -> None:
    rt = run.runtime
    spec, plan = _specify_and_plan(run)
    asked = run.voice_request
    with rt.sessions() as session:  # earlier versions' clips, for scenes that did not change
        reuse = versions.earlier_clips(session, run.id)
        heard = {**asked, "earlier": versions.earlier_voice(session, run.id)}
    if painter is None:
        drawn = drawing.draw(run, spec, plan, rt.video, heard, reuse)
    else:
        with _draw_turn(run):
            drawn = painter.draw(run, rt.settings, spec, plan, heard, reuse)
    clips, render_plan = drawn.clips, drawn.render
    run.save(
        voice={**(drawn.voice or {}), "asked": asked},
        temp_clip_paths=[c.path for c in clips],
        audio_mix=render_plan.audio.record() if render_plan.audio else None,
        reused_clips=sum(1 for c in clips if c.reused),
    )
    settings = rt.settings
    renders = {plan.formats[0]: render_plan, **drawn.formats}
    with _export_turn(run):
        memory.release()  # the encode is the peak: give back what the drawing stages freed
        probe = ffmpeg.probe_apart if painter is not None else ffmpeg.probe
        results = run.stage_run(
            "export",
            lambda ctx: format_exports.export_all(renders, ctx, settings, run.id, probe),
        )
    result = results[plan.formats[0]]
    try:
        clips_dir = (settings.output_dir / "clips" / str(run.id)).resolve()
        clip_records = _publish_clips(clips, clips_dir)
        sidecars = {}
        for made in drawn.sidecars:  # <video>.srt and <video>.vtt beside the MP4
            dest = result.video_path.with_suffix(Path(made).suffix)
            export.publish(Path(made), dest)
            sidecars[dest.suffix.lstrip(".")] = str(dest)
        with rt.sessions.begin() as session:
            row = session.get(Generation, run.id)
            assert row is not None
            row.clips, row.captions = clip_records, sidecars or None
            row.videos = {
                name: {"video": str(r.video_path), "thumbnail": str(r.thumbnail_path)}
                for name, r in results.items()
            }
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
    """Delete a generation's published files (videos, captions, thumbnails, clips)."""
    for name in FORMAT_SIZES:  # the other formats' files: <id>-1x1.mp4, <id>-1x1.jpg
        video, thumb = format_exports.output_paths(settings, generation_id, name, first=False)
        video.unlink(missing_ok=True)
        thumb.unlink(missing_ok=True)
    (settings.videos_dir / f"{generation_id}.mp4").unlink(missing_ok=True)
    for suffix in (".srt", ".vtt"):
        (settings.videos_dir / f"{generation_id}{suffix}").unlink(missing_ok=True)
    (settings.thumbnails_dir / f"{generation_id}.jpg").unlink(missing_ok=True)
    shutil.rmtree(settings.output_dir / "clips" / str(generation_id), ignore_errors=True)
    shutil.rmtree(settings.output_dir / "voice" / str(generation_id), ignore_errors=True)


def _run_turn(generation_id: int, runtime: Runtime) -> AbstractContextManager[None]:
    """A place to run, oldest ad first, at most ``max_running`` at once in this process;
    while waiting the row shows its place in line, and a cancel ends the wait."""
    flag = CancelFlag(runtime.sessions, generation_id)

    def check() -> None:
        if flag():
            raise CancelledError()

    def show(position: int) -> None:
        with runtime.sessions.begin() as session:
            repository.set_queue_position(session, generation_id, position)
        if runtime.on_progress is not None:
            runtime.on_progress(generation_id, 0, f"Queued - position {position}")

    gate = shared_gate(RUN_GATE, runtime.settings.max_running)
    return gate.place(generation_id, check=check, on_position=show)


def run(generation_id: int, runtime: Runtime, *, raise_errors: bool = False) -> None:
    """Run one generation end to end; never raises unless ``raise_errors`` (tests)."""
    try:
        with _run_turn(generation_id, runtime):
            _run(generation_id, runtime, raise_errors)
    except CancelledError as exc:  # while waiting in line: nothing ran, nothing to clean
        _record_failure(runtime, generation_id, exc.message, None, event="generation_cancelled")
    except Exception as exc:  # the row could not be read or marked running
        if raise_errors:
            raise
        _record_failure(runtime, generation_id, _message(exc, "startup"), "startup",
                        exc_info=True)  # fmt: skip


def _run(generation_id: int, runtime: Runtime, raise_errors: bool) -> None:
    with runtime.sessions.begin() as session:
        row = repository.get_generation(session, generation_id, None)
        if row.cancellation_requested:
            raise CancelledError()
        row.status = "processing"
        row.started_at = utcnow()
        row.queue_position = None
        row.llm_provider = runtime.llm.name
        row.video_provider = runtime.video.name
        leases.stamp(row, runtime.settings.lease_seconds)  # a queue's worker takes it over
        current = _Run(runtime, row)
    log_event("generation_started", current.prompt[:80], generation_id=generation_id)
    painter: drawing.DrawingProcess | None = None
    failure: tuple[str, str | None, str, bool] | None = None
    error: BaseException | None = None
    try:
        current.workdir.mkdir(parents=True, exist_ok=True)
        if runtime.draws_apart:  # started now: its imports overlap the specification
            painter = drawing.DrawingProcess(generation_id)
        _pipeline(current, painter)
    except CancelledError as exc:
        failure = (exc.message, current.stage, "generation_cancelled", False)
    except AdstudioError as exc:
        stage = getattr(exc, "stage", None) or current.stage
        failure, error = (_message(exc, stage or "startup"), stage, "generation_failed", False), exc
    except Exception as exc:
        stage = current.stage or "startup"
        failure, error = (_message(exc, stage), stage, "generation_failed", True), exc
    finally:
        # Free the disk before writing the outcome: on a full disk that write needs room.
        if painter is not None:
            painter.close()
        shutil.rmtree(current.workdir, ignore_errors=True)
        if failure is not None:
            _fail(current, *failure)
    if error is not None and raise_errors:
        raise error


def _disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says the disk or the database is full."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(seen).lower()
        if "no space left on device" in text or "database or disk is full" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _message(exc: BaseException, stage: str) -> str:
    """The row's message for a failure: a full disk says so; a bug names its kind."""
    if _disk_full(exc):  # also SQLite's "database or disk is full", which has no errno
        return disk_full(DOING.get(stage, stage.replace("_", " ")))
    if isinstance(exc, AdstudioError):
        return exc.message
    return unexpected(stage, exc)


def _fail(run: _Run, message: str, stage: str | None, event: str = "generation_failed",
          exc_info: bool = False) -> None:  # fmt: skip
    _record_failure(
        run.runtime, run.id, message, stage, event=event, exc_info=exc_info,
        cost_breakdown=run.ledger.as_json(), stage_timings=run.timings,
    )  # fmt: skip


def _record_failure(
    runtime: Runtime,
    generation_id: int,
    message: str,
    stage: str | None,
    *,
    event: str = "generation_failed",
    exc_info: bool = False,
    cost_breakdown: list[dict[str, Any]] | None = None,
    stage_timings: dict[str, float] | None = None,
) -> None:
    """Remove the outputs and mark the row failed, retrying the write; never raises.

    If the database cannot be written at all, the outcome is kept in :data:`unrecorded`
    (the CLI prints it) and the row is left to recovery: its lease is no longer renewed.
    """
    with contextlib.suppress(OSError):  # files it could not remove do not change the outcome
        remove_outputs(runtime.settings, generation_id)
    level = logging.WARNING if event.endswith("cancelled") else logging.ERROR
    log_event(event, message, level=level, stage=stage, generation_id=generation_id,
              exc_info=exc_info)  # fmt: skip
    problem: Exception | None = None
    for pause in FINAL_WRITE_PAUSES_S:
        time.sleep(pause)
        try:
            with runtime.sessions.begin() as session:
                repository.fail_generation(
                    session, generation_id, error=message, stage=stage,
                    cost_breakdown=cost_breakdown, stage_timings=stage_timings,
                )  # fmt: skip
            return
        except Exception as exc:
            problem = exc
    unrecorded[generation_id] = (message, stage)
    log_event(
        "status_write_failed",
        f"Could not record the end of generation {generation_id} in the database "
        f"({type(problem).__name__}: {problem}). Its row stays active until its lease "
        "expires; recovery then marks it interrupted. Free disk space for the database.",
        level=logging.CRITICAL, stage=stage, generation_id=generation_id,
    )  # fmt: skip
