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
``max_running`` places (the row shows its place in line: :mod:`pipeline.runtime.turns`). A
failure frees the temp folder before it is written, so a full disk has room for it; if the
database takes nothing the row is left to recovery (its lease lapses) and the outcome kept in
:data:`pipeline.runtime.failures.unrecorded`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pipeline import formats, variants
from pipeline.errors import AdstudioError, CancelledError
from pipeline.logs import log_event
from pipeline.media import ffmpeg
from pipeline.providers import RestingProvider
from pipeline.runtime import drawing, drawing_process, leases, memory, turns
from pipeline.runtime.cancellation import CancelFlag
from pipeline.runtime.failures import failure_message, record_failure, remove_outputs
from pipeline.runtime.services import Runtime
from pipeline.runtime.stages import Progress, StageRunner
from pipeline.spec import AdSpecification, ScenePlan
from pipeline.stages import export, format_exports, llm_enhancement, scene_planning
from pipeline.stages.context import StageContext
from pipeline.store import brand_kit, repository, versions
from pipeline.store.db import Generation, utcnow


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


def _pipeline(run: _Run, painter: drawing_process.DrawingProcess | None) -> None:
    rt = run.runtime
    spec, plan = _specify_and_plan(run)
    if isinstance(rt.llm, RestingProvider):  # its models wait for the next prompt, not here
        rt.llm.rest()  # (the drawing and the encode that follow are the generation's peak)
        memory.release()
    asked = run.voice_request
    with rt.sessions() as session:  # earlier versions' clips, for scenes that did not change
        reuse = versions.earlier_clips(session, run.id)
        earlier_videos = versions.earlier_videos(session, run.id)
        heard = {**asked, "earlier": versions.earlier_voice(session, run.id)}
    if painter is None:
        drawn = drawing.draw(run, spec, plan, rt.video, heard, reuse)
    else:
        with turns.draw_turn(run, rt):
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
    with turns.export_turn(run, rt):
        memory.release()  # the encode is the peak: give back what the drawing stages freed
        probe = ffmpeg.probe_apart if painter is not None else ffmpeg.probe
        results = run.stage_run(
            "export",
            lambda ctx: format_exports.export_all(
                renders, ctx, settings, run.id, probe, earlier_videos
            ),
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
                name: {
                    "video": str(r.video_path),
                    "thumbnail": str(r.thumbnail_path),
                    "spans": [s.record() for s in r.spans],
                    "reused_frames": r.reused_frames,
                }
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


def run(generation_id: int, runtime: Runtime, *, raise_errors: bool = False) -> None:
    """Run one generation end to end; never raises unless ``raise_errors`` (tests)."""
    try:
        with turns.run_turn(generation_id, runtime):
            _run(generation_id, runtime, raise_errors)
    except CancelledError as exc:  # while waiting in line: nothing ran, nothing to clean
        record_failure(runtime, generation_id, exc.message, None, event="generation_cancelled")
    except Exception as exc:  # the row could not be read or marked running
        if raise_errors:
            raise
        record_failure(runtime, generation_id, failure_message(exc, "startup"), "startup",
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
    painter: drawing_process.DrawingProcess | None = None
    failure: tuple[str, str | None, str, bool] | None = None
    error: BaseException | None = None
    try:
        current.workdir.mkdir(parents=True, exist_ok=True)
        if runtime.draws_apart:  # started now: its imports overlap the specification
            painter = drawing_process.DrawingProcess(generation_id)
        _pipeline(current, painter)
    except CancelledError as exc:
        failure = (exc.message, current.stage, "generation_cancelled", False)
    except AdstudioError as exc:
        stage = getattr(exc, "stage", None) or current.stage
        message = failure_message(exc, stage or "startup")
        failure, error = (message, stage, "generation_failed", False), exc
    except Exception as exc:
        stage = current.stage or "startup"
        failure, error = (failure_message(exc, stage), stage, "generation_failed", True), exc
    finally:
        # Free the disk before writing the outcome: on a full disk that write needs room.
        if painter is not None:
            painter.close()
        shutil.rmtree(current.workdir, ignore_errors=True)
        if failure is not None:
            _fail(current, *failure)
    if error is not None and raise_errors:
        raise error


def _fail(run: _Run, message: str, stage: str | None, event: str = "generation_failed",
          exc_info: bool = False) -> None:  # fmt: skip
    record_failure(
        run.runtime, run.id, message, stage, event=event, exc_info=exc_info,
        cost_breakdown=run.ledger.as_json(), stage_timings=run.timings,
    )  # fmt: skip
