"""Export stage: the render plan -> one ffmpeg pass -> MP4 + JPEG thumbnail.

One filter graph (:mod:`.export_graph`) does everything: per clip conform (fps, settb, 9:16
crop to 1080x1920, exact trim), color grade, animated text overlays, 0.5 s crossfades
(xfade), 0.3 s fade in and out, and the finished audio mix encoded as AAC. Encoding once is
what makes this fast; a new version of an ad encodes only the spans that changed
(:mod:`.export_spans`).
The MP4 is written inside the generation's temp folder and moved into ``output/videos``
only when complete, so no partial file ever appears under its final name.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import RenderError, StageError
from pipeline.logs import log_event
from pipeline.media import ffmpeg
from pipeline.runtime.render_plan import RenderPlan
from pipeline.stages import export_spans
from pipeline.stages.context import StageContext
from pipeline.stages.export_graph import (
    ENCODER,
    audio_chain,
    build_graph,
    even,
    plan_work_size,
)

STAGE = "export"
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    video_path: Path
    thumbnail_path: Path
    info: ffmpeg.MediaInfo
    spans: list[export_spans.Span] = field(default_factory=list)
    reused_frames: int = 0  # frames copied from an earlier version's MP4


def command(
    plan: RenderPlan,
    out_path: Path | None,
    graph_file: Path,
    *,
    edit_graph: Callable[[str], str] | None = None,
    work: tuple[int, int] | None = None,
) -> list[str]:
    """ffmpeg's arguments for the render (writes the graph to ``graph_file``); a keyframe
    starts every span (:mod:`export_spans`) so a later version can copy spans from it.

    ``out_path=None`` sends the filtered picture and sound to the null muxer instead of the
    encoders (what the filters alone cost); ``edit_graph`` lets the benchmarks take the
    graph apart. Both the export and ``benchmarks.profile_export`` run exactly this.
    """
    inputs, graph, audio = build_graph(plan, work or plan_work_size(plan))
    graph_file.write_text(edit_graph(graph) if edit_graph else graph, encoding="utf-8")
    # The graph runs on one thread: x264 keeps every core busy, and the graph's slice
    # threads only added frame buffers (measured -10 MB peak, same wall time on 2 cores).
    args = ["-filter_complex_threads", "1", *inputs]
    args += ["-/filter_complex", str(graph_file), "-map", "[vout]"]
    if audio:
        args += ["-map", audio]
    if out_path is None:
        return [*args, "-f", "null", "-"]
    if audio:
        args += ENCODER.audio_args()
    args += ENCODER.video_args(export_spans.keyframe_expr(export_spans.cut_frames(plan.timeline)))
    args += ["-r", str(plan.timeline.fps), "-t", f"{plan.timeline.duration_s:.6f}"]
    return [*args, "-movflags", "+faststart", "-f", "mp4", str(out_path)]


def render(
    plan: RenderPlan,
    out_path: Path,
    exe: str,
    *,
    on_progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    work: tuple[int, int] | None = None,
) -> None:
    """Run the single ffmpeg pass that writes ``out_path``."""
    ffmpeg.run(
        exe,
        command(plan, out_path, out_path.with_suffix(".filtergraph.txt"), work=work),
        duration_s=plan.timeline.duration_s,
        on_progress=on_progress,
        is_cancelled=is_cancelled,
        what="The final render",
    )


def poster_time(plan: RenderPlan) -> float:
    """A moment that shows content and text: after the fade-in and the first overlay's entry."""
    first = [o for o in plan.overlays if o.scene_index == plan.timeline.clips[0].scene_index]
    t = plan.timeline.fade_in_s + 0.7
    if first:
        t = max(t, first[0].start_s + first[0].anim_s + 0.1)
    return min(t, plan.timeline.duration_s / 2)


def thumbnail(
    video: Path, out_path: Path, at_s: float, exe: str, size: tuple[int, int] = (540, 960)
) -> None:
    """A JPEG poster frame at ``size`` (half the format's frame; a separate cheap call keeps
    the MP4's color range)."""
    ffmpeg.run(
        exe,
        ["-ss", f"{at_s:.3f}", "-i", str(video), "-frames:v", "1",
         "-vf", f"scale={size[0]}:{size[1]}:flags=bicubic", "-q:v", "3", str(out_path)],
        what="The thumbnail",
    )  # fmt: skip


def publish(src: Path, dest: Path) -> None:
    """Move ``src`` to ``dest`` atomically (a temp name in the same folder, then rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.part")
    try:
        shutil.copyfile(src, staging)
        os.replace(staging, dest)
    finally:
        staging.unlink(missing_ok=True)


def render_reusing(
    plan: RenderPlan,
    new: list[export_spans.Span],
    reuse: export_spans.Reuse,
    out_path: Path,
    exe: str,
    ctx: StageContext,
    work: tuple[int, int],
) -> int:
    """Write ``out_path`` from an earlier version's spans and newly encoded runs of the
    changed ones (:mod:`export_spans`); the frames copied."""
    tl = plan.timeline
    folder = out_path.with_name(f"{out_path.stem}-spans")
    pieces = export_spans.split_earlier(exe, reuse, folder, tl.fps)
    todo = export_spans.runs(new, reuse.same)
    made: list[Path] = []
    if todo:
        inputs, graph, _audio = build_graph(plan.model_copy(update={"audio": None}), work)

        def video_args(keyframes: str | None) -> list[str]:
            return [*ENCODER.video_args(keyframes), "-r", str(tl.fps)]

        args, made = export_spans.encode_runs(inputs, graph, new, todo, video_args, folder)
        ffmpeg.run(
            exe, args, duration_s=new[todo[-1][1] - 1].end / tl.fps,
            on_progress=lambda f: ctx.report(0.9 * f, "Encoding the changed scenes"),
            is_cancelled=ctx.is_cancelled, what="The final render",
        )  # fmt: skip
    join = export_spans.join_list(new, reuse, pieces, made, folder)
    args = ["-f", "concat", "-safe", "0", "-i", str(join)]
    if plan.audio is not None:
        args += ["-i", plan.audio.path, "-filter_complex", audio_chain(1, tl.duration_s),
                 "-map", "[aout]", *ENCODER.audio_args()]  # fmt: skip
    args += ["-map", "0:v", "-c:v", "copy"]
    args += ["-t", f"{tl.duration_s:.6f}", "-movflags", "+faststart", "-f", "mp4", str(out_path)]
    ffmpeg.run(exe, args, is_cancelled=ctx.is_cancelled, what="Joining the final video")
    return reuse.frames


def _encode(
    plan: RenderPlan,
    ctx: StageContext,
    out: Path,
    exe: str,
    spans: list[export_spans.Span],
    earlier: Sequence[dict[str, Any]],
    work: tuple[int, int],
) -> int:
    """Write the MP4: from an earlier version where spans match, else in one full pass.
    Returns the frames copied from the earlier version."""
    reuse = export_spans.best_earlier(spans, earlier) if earlier else None
    if reuse is not None:
        try:
            return render_reusing(plan, spans, reuse, out, exe, ctx, work)
        except RenderError as exc:  # a broken or foreign earlier file: render it all
            log_event("span_reuse_failed", str(exc), level=logging.WARNING, stage=STAGE,
                      generation_id=ctx.generation_id)  # fmt: skip
            out.unlink(missing_ok=True)
    for attempt in (1, 2):
        try:
            render(
                plan, out, exe,
                on_progress=lambda f: ctx.report(f, "Encoding the final video"),
                is_cancelled=ctx.is_cancelled, work=work,
            )  # fmt: skip
            break
        except ffmpeg.StalledError as exc:  # a stuck ffmpeg is rare and not repeatable
            log_event("render_stalled", str(exc), level=logging.WARNING, stage=STAGE,
                      generation_id=ctx.generation_id, attempt=attempt)  # fmt: skip
            if attempt == 2:
                raise
    return 0


def run(
    plan: RenderPlan,
    ctx: StageContext,
    video_dest: Path,
    thumb_dest: Path,
    *,
    probe: Callable[[Path], ffmpeg.MediaInfo] = ffmpeg.probe,
    stem: str = "final",
    earlier: Sequence[dict[str, Any]] = (),
) -> ExportResult:
    """Render the MP4 and its thumbnail into the temp folder, check them, then publish.

    ``probe`` checks the finished file (``ffmpeg.probe_apart`` keeps PyAV out of a worker
    that draws in a child process); ``stem`` names the temp files (one per format);
    ``earlier``: this format's MP4s of the ad's earlier versions with their spans, newest
    first (``{"video", "spans"}``), whose unchanged spans are copied, not encoded again.
    """
    exe = ctx.ffmpeg_exe or ffmpeg.find_ffmpeg(ctx.settings.ffmpeg_path)
    work_video = ctx.workdir / f"{stem}.mp4"
    work_thumb = ctx.workdir / ("thumbnail.jpg" if stem == "final" else f"{stem}-thumbnail.jpg")
    thumb_size = (even(plan.timeline.width / 2), even(plan.timeline.height / 2))
    try:
        work = plan_work_size(plan)
        try:
            spans = export_spans.spans(plan, work, ENCODER.identity())
        except OSError:  # an input is missing: the render below says which, in words
            spans = []
        reused = _encode(plan, ctx, work_video, exe, spans, earlier, work)
        # The poster frame and the check of the file are two processes: side by side.
        with ThreadPoolExecutor(1, thread_name_prefix="thumbnail") as pool:
            poster = pool.submit(
                thumbnail, work_video, work_thumb, poster_time(plan), exe, thumb_size
            )
            info = probe(work_video)
            poster.result()
        if info.size_bytes > MAX_BYTES:
            raise StageError(STAGE, f"The video is {info.size_bytes / 1e6:.1f} MB, over 50 MB.")
    except RenderError as exc:
        raise StageError(STAGE, str(exc)) from exc
    publish(work_video, video_dest)
    try:
        publish(work_thumb, thumb_dest)
    except OSError:
        video_dest.unlink(missing_ok=True)
        raise
    return ExportResult(video_path=video_dest, thumbnail_path=thumb_dest, info=info,
                        spans=spans, reused_frames=reused)  # fmt: skip
