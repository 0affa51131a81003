"""Re-encoding only what changed: an ad's video is a row of spans that a new version reuses.

Every export cuts its frames into spans: each scene's own part and each crossfade. A span's
*key* hashes everything its frames are made of - the clips, text layers and caption pictures
seen in it (their bytes and timings; caption pictures as the voice drew them, before the
crop) and the whole ad's look (size, grade, fades, length, encoder). The first render forces
a keyframe where each span starts, so its MP4 can be cut there by stream copy. When a new
version of the ad is exported, spans whose key and frames match a span of an earlier version
are copied from that version's MP4 and only the others go through the filter graph and x264
(one ffmpeg run, one output per run of changed spans); the pieces are joined by the concat
demuxer and muxed with the new sound. A text change in one scene re-encodes that scene and
its two crossfades, not the whole ad.

Pixels do not change: a copied span is the earlier encode of the very same frames. Any
failure on this path is logged and the export falls back to the full render.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import RenderError
from pipeline.media import ffmpeg
from pipeline.runtime.render_plan import CaptionLayer, RenderPlan, Timeline

#: Bump when build_graph changes what a frame looks like: spans made before never match.
GRAPH_VERSION = 2


@dataclass(frozen=True)
class Span:
    """Frames ``start`` (inclusive) to ``end`` (exclusive) of the output, and what they show."""

    start: int
    end: int
    key: str

    def record(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "key": self.key}

    @staticmethod
    def parse(record: Any) -> Span | None:
        try:
            return Span(int(record["start"]), int(record["end"]), str(record["key"]))
        except (KeyError, TypeError, ValueError):
            return None


def frame_count(tl: Timeline) -> int:
    return round(tl.duration_s * tl.fps)


def cut_frames(tl: Timeline) -> list[int]:
    """The frames where a span starts (0 excluded): each crossfade's first frame, and the
    frame after its last. The frames on a crossfade's two edges show one clip in theory, but
    the blend's rounding may still touch them: they belong to the crossfade's span, so a
    scene's own span never shows its neighbour's clip."""
    n = frame_count(tl)
    cuts: set[int] = set()
    for offset in tl.offsets_s:
        cuts.add(math.floor(offset * tl.fps + 1e-6))
        cuts.add(math.ceil((offset + tl.crossfade_s) * tl.fps - 1e-6) + 1)
    return sorted(c for c in cuts if 0 < c < n)


def keyframe_expr(cuts: Sequence[int]) -> str | None:
    """``-force_key_frames`` for a keyframe at each cut (frame numbers, not times)."""
    return "expr:" + "+".join(f"eq(n,{c})" for c in cuts) if cuts else None


class _Hashes:
    """File contents' hashes, each file read once."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        if path not in self._seen:
            digest = hashlib.blake2b(digest_size=16)
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
            self._seen[path] = digest.hexdigest()
        return self._seen[path]


def caption_entries(concat_path: str) -> list[tuple[str, float, float]]:
    """(picture, start, end) of an ffconcat list written by :mod:`pipeline.voice.captions`."""
    entries: list[tuple[str, float, float]] = []
    t = 0.0
    pending: str | None = None
    for line in Path(concat_path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        name = ffmpeg.concat_file(line)
        if name is not None:
            pending = name
        elif line.startswith("duration ") and pending is not None:
            seconds = float(line.split()[1])
            entries.append((pending, t, t + seconds))
            t += seconds
            pending = None
    if pending is not None:  # the repeated last picture: shown until the end
        entries.append((pending, t, math.inf))
    return entries


def _captions(layer: CaptionLayer) -> tuple[str, int, int]:
    """The caption pictures as drawn and where (cropped copies show the same pixels)."""
    if layer.drawn_path:
        return layer.drawn_path, layer.drawn_x, layer.drawn_y
    return layer.concat_path, layer.x, layer.y


def _look(plan: RenderPlan, work: tuple[int, int], encoder: Sequence[str]) -> dict[str, Any]:
    tl = plan.timeline
    return {
        "graph": GRAPH_VERSION, "size": [tl.width, tl.height], "fps": tl.fps, "zoom": tl.zoom,
        "work": list(work), "grade": plan.grade, "crossfade": tl.crossfade_s,
        "fades": [tl.fade_in_s, tl.fade_out_s], "duration": tl.duration_s,
        "encoder": list(encoder),
        "captions_at": list(_captions(plan.captions)[1:]) if plan.captions else None,
    }  # fmt: skip


def spans(plan: RenderPlan, work: tuple[int, int], encoder: Sequence[str]) -> list[Span]:
    """The ad's spans and their keys (see the module docstring)."""
    tl = plan.timeline
    fps = tl.fps
    n = frame_count(tl)
    hashed = _Hashes()
    starts = [0.0, *tl.offsets_s]
    items: list[tuple[float, float, Any]] = []  # (from, to, what) on the output timeline
    for i, clip in enumerate(tl.clips):
        items.append((starts[i], starts[i] + clip.duration_s,
                      ["clip", starts[i], clip.duration_s, hashed(clip.path)]))  # fmt: skip
        last = i == len(tl.clips) - 1
        for layer in (o for o in plan.overlays if o.scene_index == clip.scene_index):
            if last:  # as build_graph: the closing line stays to the end
                layer = layer.model_copy(update={"end_s": clip.duration_s,
                                                 "fade_out_s": tl.fade_out_s})  # fmt: skip
            what = layer.model_dump(mode="json", exclude={"png_path", "scene_index"})
            items.append((starts[i] + layer.start_s, starts[i] + layer.end_s,
                          ["text", starts[i], what, hashed(layer.png_path)]))  # fmt: skip
    if plan.captions is not None:
        for picture, t0, t1 in caption_entries(_captions(plan.captions)[0]):
            items.append((t0, t1, ["caption", t0, t1, hashed(picture)]))
    look = json.dumps(_look(plan, work, encoder), sort_keys=True)
    bounds = [0, *cut_frames(tl), n]
    out = []
    for a, b in itertools.pairwise(bounds):
        # frames a .. b-1, each standing for half a frame either side of its time
        lo, hi = (a - 0.5) / fps, (b - 0.5) / fps
        seen = [_within(what, lo, hi) for t0, t1, what in items if t0 < hi and t1 > lo]
        digest = hashlib.blake2b(digest_size=16)
        digest.update(json.dumps([look, a, b, seen], sort_keys=True).encode())
        out.append(Span(a, b, digest.hexdigest()))
    return out


def _within(what: list[Any], lo: float, hi: float) -> list[Any]:
    """A caption picture counts only for the part of its time inside the span (a still
    picture; its times to the millisecond the list is written in, as sums of its durations
    drift). Clips and text move with their own start: their times count whole."""
    if what[0] != "caption":
        return what
    return ["caption", round(max(what[1], lo), 3), round(min(what[2], hi), 3), what[3]]


@dataclass(frozen=True)
class Reuse:
    """An earlier version's MP4 and which of the new spans it already holds."""

    video: Path
    spans: list[Span]  # the earlier video's own spans, in order
    same: dict[int, int]  # new span index -> index of the same span in the earlier video

    @property
    def frames(self) -> int:
        return sum(self.spans[j].end - self.spans[j].start for j in self.same.values())


def best_earlier(new: list[Span], earlier: Sequence[dict[str, Any]]) -> Reuse | None:
    """The earlier MP4 (``{"video", "spans"}`` records, newest first) holding most frames."""
    best: Reuse | None = None
    for record in earlier:
        video = Path(str(record.get("video") or ""))
        old = [Span.parse(r) for r in record.get("spans") or []]
        if not video.is_file() or not old or any(s is None for s in old):
            continue
        have = [s for s in old if s is not None]
        index = {s: j for j, s in enumerate(have)}
        same = {i: index[s] for i, s in enumerate(new) if s in index}
        candidate = Reuse(video, have, same)
        if same and (best is None or candidate.frames > best.frames):
            best = candidate
    return best


def runs(new: list[Span], same: dict[int, int]) -> list[tuple[int, int]]:
    """Runs of consecutive new spans to encode, as (first, last + 1) span indexes."""
    out: list[tuple[int, int]] = []
    for i in range(len(new)):
        if i in same:
            continue
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def split_earlier(exe: str, reuse: Reuse, folder: Path, fps: int) -> list[Path]:
    """Cut the earlier MP4 at its spans' keyframes by stream copy; one file per span."""
    folder.mkdir(parents=True, exist_ok=True)
    listing = folder / "pieces.csv"
    cuts = ",".join(str(s.start) for s in reuse.spans[1:])
    args = ["-i", str(reuse.video), "-map", "0:v:0", "-c", "copy", "-f", "segment",
            "-reset_timestamps", "1", "-segment_list", str(listing),
            "-segment_list_type", "csv"]  # fmt: skip
    if cuts:
        args += ["-segment_frames", cuts]
    ffmpeg.run(exe, [*args, str(folder / "piece_%03d.mp4")], what="Cutting the earlier video")
    with listing.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if len(rows) != len(reuse.spans):
        raise RenderError(f"The earlier video cut into {len(rows)} pieces, not {len(reuse.spans)}.")
    # The listed times are packet times: after the first piece they run late by x264's
    # B-frame delay (a frame or two), the same for every piece of one file.
    delay = float(rows[1][1]) * fps - reuse.spans[1].start if len(rows) > 1 else 0.0
    for row, span in zip(rows[1:], reuse.spans[1:], strict=True):
        if not 0 <= delay <= 4 or abs(float(row[1]) * fps - delay - span.start) > 0.5:
            raise RenderError("The earlier video has no keyframe where a span starts.")
    return [folder / row[0] for row in rows]


def encode_runs(
    inputs: list[str],
    graph: str,
    new: list[Span],
    todo: list[tuple[int, int]],
    video_args: Callable[[str | None], list[str]],
    folder: Path,
) -> tuple[list[str], list[Path]]:
    """ffmpeg arguments that encode each run of changed spans to its own MP4 (no sound),
    with a keyframe at every span start inside a run; and those MP4s' paths."""
    labels = "".join(f"[r{k}]" for k in range(len(todo)))
    chains = [graph, f"[vout]split={len(todo)}{labels}"]
    outputs: list[str] = []
    paths: list[Path] = []
    for k, (first, stop) in enumerate(todo):
        a, b = new[first].start, new[stop - 1].end
        chains.append(f"[r{k}]trim=start_frame={a}:end_frame={b},setpts=PTS-STARTPTS[e{k}]")
        inner = [s.start - a for s in new[first + 1 : stop]]
        path = folder / f"run_{k:02d}.mp4"
        outputs += ["-map", f"[e{k}]", *video_args(keyframe_expr(inner)), "-an", "-f", "mp4",
                    str(path)]  # fmt: skip
        paths.append(path)
    graph_file = folder / "runs.filtergraph.txt"
    graph_file.write_text(";".join(chains), encoding="utf-8")
    args = ["-filter_complex_threads", "1", *inputs, "-/filter_complex", str(graph_file)]
    return [*args, *outputs], paths


def join_list(
    new: list[Span], reuse: Reuse, pieces: list[Path], made: list[Path], folder: Path
) -> Path:
    """The ffconcat list of the new video: earlier pieces and new runs, in span order."""
    todo = runs(new, reuse.same)
    run_at = {first: k for k, (first, _stop) in enumerate(todo)}
    lines = ["ffconcat version 1.0"]
    for i in range(len(new)):
        if i in reuse.same:
            lines.append(ffmpeg.concat_entry(pieces[reuse.same[i]]))
        elif i in run_at:
            lines.append(ffmpeg.concat_entry(made[run_at[i]]))
    path = folder / "join.ffconcat"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
