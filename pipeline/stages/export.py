"""Export stage: the render plan -> one ffmpeg pass -> MP4 + JPEG thumbnail.

One filter graph does everything: per clip conform (fps, settb, 9:16 crop to 1080x1920,
exact trim), color grade, animated text overlays, 0.5 s crossfades (xfade), 0.3 s fade in
and out, and the finished audio mix encoded as AAC. Encoding once is what makes this fast.
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
from pipeline.media.grading import grade_filter
from pipeline.runtime.gate import usable_cores
from pipeline.runtime.render_plan import OverlayLayer, RenderPlan
from pipeline.stages import export_spans
from pipeline.stages.context import StageContext

STAGE = "export"
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class EncoderSettings:
    """The one place the output's encoding is defined (quality is not traded for speed)."""

    preset: str = "veryfast"
    crf: int = 20
    maxrate: str = "20M"  # caps the file: 20 Mbit/s * 15 s = 37.5 MB < 50 MB
    bufsize: str = "40M"
    audio_bitrate: str = "192k"
    audio_rate: int = 48000
    gop: int = 48
    # x264's own default is 1.5 threads per core, each holding frames of 1080x1920: one per
    # core holds fewer frames at the same speed on 2 cores (the output differs by bytes).
    threads: int = field(default_factory=usable_cores)
    # Frame threads (x264's own kind), not slices of one frame: on the bare encode x264's
    # frame threading took 4.3 s where slices took 5.0 s (idle 2-core machine), as the
    # lookahead and entropy coding overlap. Their extra memory was the threaded lookahead's
    # queue of full frames, which ``sync_lookahead = 0`` drops. The preset's own 10-frame
    # rc-lookahead stays, so the quality is the preset's: SSIM 0.99535 / PSNR 37.42 dB
    # against a lossless render, as with slices (measured in docs/performance.md).
    sliced_threads: bool = False
    sync_lookahead: int = 0

    def x264_params(self) -> str:
        """The ``-x264-params`` this encoder needs beyond the preset."""
        if self.sliced_threads:
            return "sliced-threads=1"
        return f"sync-lookahead={self.sync_lookahead}"

    def video_args(self, keyframes: str | None = None) -> list[str]:
        """x264's arguments; ``keyframes``: a ``-force_key_frames`` value (span starts)."""
        forced = ["-force_key_frames", keyframes] if keyframes else []
        return [
            "-c:v", "libx264", "-preset", self.preset, "-crf", str(self.crf),
            "-maxrate", self.maxrate, "-bufsize", self.bufsize,
            "-pix_fmt", "yuv420p", "-profile:v", "high", "-g", str(self.gop),
            "-threads", str(self.threads), "-x264-params", self.x264_params(), *forced,
        ]  # fmt: skip

    def identity(self) -> list[str]:
        """What decides the encoded picture (the thread count only moves bytes about)."""
        args = self.video_args()
        at = args.index("-threads")
        return args[:at] + args[at + 2 :]

    def audio_args(self) -> list[str]:
        return ["-c:a", "aac", "-b:a", self.audio_bitrate, "-ar", str(self.audio_rate)]


ENCODER = EncoderSettings()


@dataclass(frozen=True)
class ExportResult:
    video_path: Path
    thumbnail_path: Path
    info: ffmpeg.MediaInfo
    spans: list[export_spans.Span] = field(default_factory=list)
    reused_frames: int = 0  # frames copied from an earlier version's MP4


def _overlay_y(layer: OverlayLayer, start: float) -> str:
    if layer.animation != "slide_up":
        return str(layer.y)
    # ease-out cubic from y + slide_px up to y over anim_s (t is output time)
    p = f"clip((t-{start:.3f})/{layer.anim_s:.3f},0,1)"
    return f"'{layer.y}+{layer.slide_px}*pow(1-{p},3)'"


def _even(value: float) -> int:
    return max(2, int(value) // 2 * 2)


def work_size(sizes: list[tuple[int, int]], width: int, height: int) -> tuple[int, int]:
    """The size clips are crossfaded at: the largest 9:16 crop among them, at most the output.

    Joining at the clips' own size and scaling once afterwards (instead of scaling every clip
    to 1080x1920 first) keeps full-size frames out of the crossfade queues: measured 3.0 ->
    1.1 CPU-s and 180 -> 84 MB for the filter graph of a 3-clip local ad.
    """
    best = 0
    for w, h in sizes:
        best = max(best, min(w, h * width // height))
    wide = min(width, _even(best)) if best else width
    return wide, _even(wide * height / width)


def build_graph(
    plan: RenderPlan, work: tuple[int, int] | None = None
) -> tuple[list[str], str, str | None]:
    """The ffmpeg input arguments, the filter graph, and the audio output label.

    Clips are cropped to 9:16, graded and crossfaded at ``work`` size (default: the output
    size), then scaled once to the output; text layers are drawn last, on output time, so
    the grade never touches them and they stay sharp.
    """
    tl = plan.timeline
    w, h, fps = tl.width, tl.height, tl.fps
    ww, wh = work or (w, h)
    zoom = f"*{tl.zoom:.6f}" if tl.zoom != 1.0 else ""  # a format cut from a wider canvas
    args: list[str] = []
    chains: list[str] = []
    grade = grade_filter(plan.grade)
    for i, clip in enumerate(tl.clips):
        # A single decoding thread per clip: clips are small next to the output, the encoder
        # keeps every core busy anyway, and each extra thread holds frames (measured -10 MB).
        args += ["-threads", "1", "-i", clip.path]
        d = clip.duration_s
        chains.append(
            f"[{i}:v]fps={fps},settb=AVTB,"
            f"crop='trunc(min(iw,ih*{w}/{h}){zoom}/2)*2':'trunc(min(ih,iw*{h}/{w}){zoom}/2)*2',"
            f"scale={ww}:{wh}:flags=bicubic,{grade},setsar=1,format=yuv420p,"
            f"tpad=stop_mode=clone:stop_duration={d:.3f},trim=duration={d:.6f},"
            f"setpts=PTS-STARTPTS[c{i}]"
        )
    n_inputs = len(tl.clips)
    current = "c0"
    for k, offset in enumerate(tl.offsets_s, start=1):
        chains.append(
            f"[{current}][c{k}]xfade=transition=fade:duration={tl.crossfade_s:.3f}"
            f":offset={offset:.6f}[x{k}]"
        )
        current = f"x{k}"
    total = tl.duration_s
    chains.append(
        f"[{current}]fade=t=in:st=0:d={tl.fade_in_s:.3f},"
        f"fade=t=out:st={total - tl.fade_out_s:.6f}:d={tl.fade_out_s:.3f},"
        f"scale={w}:{h}:flags=bicubic,setsar=1[base]"
    )
    label = "base"
    starts = [0.0, *tl.offsets_s]
    for i, clip in enumerate(tl.clips):
        layers = [o for o in plan.overlays if o.scene_index == clip.scene_index]
        last = i == len(tl.clips) - 1
        for j, layer in enumerate(layers):
            d = clip.duration_s
            if last:  # the closing line stays to the end and fades out with the picture
                layer = layer.model_copy(update={"end_s": d, "fade_out_s": tl.fade_out_s})
            # One decoded picture held for the scene by tpad (frames are shared references),
            # not a looped input that decodes the PNG 24 times a second: measured -40 MB
            # peak and -1.1 CPU-s for a 4-scene ad.
            args += ["-framerate", str(fps), "-i", layer.png_path]
            fade_out_start = max(layer.start_s, layer.end_s - layer.fade_out_s)
            on = starts[i] + layer.start_s
            off = min(starts[i] + layer.end_s, total)
            # Converted to the frame's YUV once, before it is held: converting after the
            # alpha fades meant one RGBA -> YUVA conversion per frame of the scene.
            chains.append(
                f"[{n_inputs}:v]format=yuva420p,tpad=stop_mode=clone:stop_duration={d:.3f},"
                f"fade=t=in:st={layer.start_s:.3f}:d={layer.anim_s:.3f}:alpha=1,"
                f"fade=t=out:st={fade_out_start:.3f}:d={max(layer.fade_out_s, 0.01):.3f}:alpha=1,"
                f"setpts=PTS+{starts[i]:.6f}/TB[t{i}_{j}]"
            )
            n_inputs += 1
            chains.append(
                f"[{label}][t{i}_{j}]overlay=x={layer.x}:y={_overlay_y(layer, on)}"
                f":eof_action=pass:enable='between(t,{on:.3f},{off:.3f})'[v{i}_{j}]"
            )
            label = f"v{i}_{j}"
    if plan.captions is not None:  # over the headlines' layers, never under them
        cap = plan.captions
        args += ["-f", "concat", "-safe", "0", "-i", cap.concat_path]
        # Converted once per picture, then only the bands that hold words are blended: an
        # overlay costs its whole area on every frame.
        bands = cap.bands or [(0, 0)]
        chains.append(f"[{n_inputs}:v]format=yuva420p,split={len(bands)}" +
                      "".join(f"[cs{k}]" for k in range(len(bands))))  # fmt: skip
        for k, (top, bottom) in enumerate(bands):
            crop = f"crop=iw:{bottom - top}:0:{top}:exact=1," if bottom > top else ""
            chains.append(
                f"[cs{k}]{crop}null[cb{k}];[{label}][cb{k}]overlay=x={cap.x}:y={cap.y + top}"
                f":eof_action=pass[vcap{k}]"
            )
            label = f"vcap{k}"
        n_inputs += 1
    chains.append(f"[{label}]format=yuv420p[vout]")
    audio_label = None
    if plan.audio is not None:
        args += ["-i", plan.audio.path]
        chains.append(_audio_chain(n_inputs, total))
        n_inputs += 1
        audio_label = "[aout]"
    return args, ";".join(chains), audio_label


def _audio_chain(index: int, total: float) -> str:
    """The mix, as the encoder wants it, padded or cut to exactly the video's length."""
    return (
        f"[{index}:a]aformat=sample_rates={ENCODER.audio_rate}:channel_layouts=stereo,"
        f"apad,atrim=duration={total:.6f}[aout]"
    )


def _work_size(plan: RenderPlan) -> tuple[int, int]:
    tl = plan.timeline
    sizes = []
    for clip in tl.clips:
        if clip.width and clip.height:  # probed when the clip arrived
            sizes.append((round(clip.width * tl.zoom), round(clip.height * tl.zoom)))
            continue
        try:
            info = ffmpeg.probe(clip.path)
        except (RenderError, OSError, ValueError):
            return tl.width, tl.height  # let the render itself report the broken input
        sizes.append((round(info.width * tl.zoom), round(info.height * tl.zoom)))
    return work_size(sizes, tl.width, tl.height)


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
    inputs, graph, audio = build_graph(plan, work or _work_size(plan))
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
        args += ["-i", plan.audio.path, "-filter_complex", _audio_chain(1, tl.duration_s),
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
    thumb_size = (_even(plan.timeline.width / 2), _even(plan.timeline.height / 2))
    try:
        work = _work_size(plan)
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
