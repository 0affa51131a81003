"""The export's one ffmpeg filter graph and its encoder settings (used by :mod:`.export`).

Per clip: conform (fps, settb, crop to the frame's shape, exact trim) and grade at the
clip's own size; 0.5 s crossfades (xfade on each clip's tail and the next one's head, joined
by concat), 0.3 s fade in and out, one scale to the output;
animated text layers on output time (so the grade never touches them); the captions, blended
only in the bands that hold words; the mix padded or cut to the video's length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.errors import RenderError
from pipeline.media import ffmpeg
from pipeline.media.grading import grade_filter
from pipeline.runtime.gate import usable_cores
from pipeline.runtime.render_plan import OverlayLayer, RenderPlan, Timeline


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
    # lookahead and entropy coding overlap.
    sliced_threads: bool = False
    # The lookahead on a thread of its own, one frame ahead of the encoders: with
    # ``sync_lookahead = 0`` it ran on the encoding threads (measured on the benchmark ad's
    # export, interleaved: 5.07-5.23 -> 4.62-4.73 s). A deeper queue holds more full frames.
    sync_lookahead: int = 1
    # The rate control's lookahead holds this many frames of 1080x1920 (about 7 MB each with
    # their quarter-size copies): 3 instead of the preset's 10 (with the threaded lookahead
    # above: 345 -> 291 MB for that export). Against a lossless render: SSIM 0.99613 ->
    # 0.99550, PSNR 37.62 -> 37.51 dB, at a 9 % smaller file (docs/performance.md).
    rc_lookahead: int = 3

    def x264_params(self) -> str:
        """The ``-x264-params`` this encoder needs beyond the preset."""
        if self.sliced_threads:
            return f"sliced-threads=1:rc-lookahead={self.rc_lookahead}"
        return f"sync-lookahead={self.sync_lookahead}:rc-lookahead={self.rc_lookahead}"

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


def _overlay_y(layer: OverlayLayer, start: float) -> str:
    if layer.animation != "slide_up":
        return str(layer.y)
    # ease-out cubic from y + slide_px up to y over anim_s (t is output time)
    p = f"clip((t-{start:.3f})/{layer.anim_s:.3f},0,1)"
    return f"'{layer.y}+{layer.slide_px}*pow(1-{p},3)'"


def even(value: float) -> int:
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
    wide = min(width, even(best)) if best else width
    return wide, even(wide * height / width)


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
    chains += crossfaded(tl, "joined")
    total = tl.duration_s
    chains.append(
        f"[joined]fade=t=in:st=0:d={tl.fade_in_s:.3f},"
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
        source = 0  # where the band starts in the pictures: stacked ones hold only bands
        for k, (top, bottom) in enumerate(bands):
            if not cap.stacked:
                source = top
            crop = f"crop=iw:{bottom - top}:0:{source}:exact=1," if bottom > top else ""
            source += bottom - top
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
        chains.append(audio_chain(n_inputs, total))
        n_inputs += 1
        audio_label = "[aout]"
    return args, ";".join(chains), audio_label


def crossfaded(tl: Timeline, out: str) -> list[str]:
    """Clips ``[c0]``.. joined end to end with a crossfade between each two, as ``[out]``.

    Each clip is cut into its head, body and tail by frame; only a tail and the next head
    (``crossfade_s`` each) go through xfade, and concat joins bodies and fades in order. An
    xfade over whole clips passed every frame of the first through it and its second input
    queued the next clip's frames: measured -0.3 to -0.5 CPU-s and -0.4 s for the export of
    the benchmark ad, the same frames outside the fades (within 48 dB PSNR inside them).
    """
    fps, n = tl.fps, len(tl.clips)
    x = round(tl.crossfade_s * fps) if n > 1 else 0
    chains: list[str] = []
    order: list[str] = []
    for i, clip in enumerate(tl.clips):
        frames = round(clip.duration_s * fps)
        parts = {"b": (x if i else 0, frames - x if i < n - 1 else frames)}
        if x and i:
            parts["h"] = (0, x)
        if x and i < n - 1:
            parts["t"] = (frames - x, frames)
        chains.append(f"[c{i}]split={len(parts)}" + "".join(f"[s{p}{i}]" for p in parts))
        chains += [
            f"[s{p}{i}]trim=start_frame={a}:end_frame={b},setpts=PTS-STARTPTS[{p}{i}]"
            for p, (a, b) in parts.items()
        ]
        if x and i:
            chains.append(
                f"[t{i - 1}][h{i}]xfade=transition=fade:duration={x / fps:.6f}:offset=0[m{i}]"
            )
            order.append(f"[m{i}]")
        order.append(f"[b{i}]")
    chains.append("".join(order) + f"concat=n={len(order)}:v=1:a=0[{out}]")
    return chains


def audio_chain(index: int, total: float) -> str:
    """The mix, as the encoder wants it, padded or cut to exactly the video's length."""
    return (
        f"[{index}:a]aformat=sample_rates={ENCODER.audio_rate}:channel_layouts=stereo,"
        f"apad,atrim=duration={total:.6f}[aout]"
    )


def plan_work_size(plan: RenderPlan) -> tuple[int, int]:
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
