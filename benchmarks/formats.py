"""What each extra format costs: its text and its encode, against its bare encode floor.

    python -m benchmarks.formats [--formats 9:16,1:1,16:9,4:5] [--repeats 1]

One offline ad (the benchmark brief, 15 s, voice off) is planned for every format and drawn
once (the clips cover all formats). Then, per format, what a format adds is timed: its text
layers (the overlays stage for its frame) and its export (one ffmpeg pass); the floor
re-encodes that format's finished MP4 with the same encoder settings and no filters. Wall
time and CPU (user + system of this process and its ffmpeg children) are both given: on a
shared machine wall time stretches with the load, CPU time much less.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import fixtures
from benchmarks.measure import median
from benchmarks.postproduction import floor_cmd
from pipeline import export, ffmpeg, overlays, scene_planning
from pipeline.context import StageContext
from pipeline.drawing import draw
from pipeline.providers import get_video_provider
from pipeline.settings import Settings
from pipeline.stages import Progress, StageRunner

TARGET = 1.2  # issue 19: each extra format at most 1.2x its bare encode floor


@dataclass
class Row:
    name: str
    text_s: float
    export_s: float
    floor_s: float
    text_cpu: float
    export_cpu: float
    floor_cpu: float

    @property
    def added_s(self) -> float:
        return self.text_s + self.export_s

    @property
    def added_cpu(self) -> float:
        return self.text_cpu + self.export_cpu


def _cpu() -> float:
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - wall, _cpu() - cpu


def run(shapes: list[str], folder: Path, repeats: int = 1) -> list[Row]:
    """Draw once, then time each format's text, export and floor ``repeats`` times."""
    settings = Settings(data_dir=folder / "data", output_dir=folder / "out")
    exe = ffmpeg.find_ffmpeg()
    ctx = StageContext(settings=settings, workdir=folder / "work", seed=7, ffmpeg_exe=exe)
    ctx.workdir.mkdir(parents=True, exist_ok=True)
    spec = fixtures.specification()
    plan = scene_planning.run(spec, ctx, formats=shapes)
    runner = StageRunner(0, 7, ctx, Progress(lambda _p, _s: None))
    drawn = draw(runner, spec, plan, get_video_provider(settings), {"enabled": False})
    renders = {plan.formats[0]: drawn.render, **drawn.formats}
    rows = []
    for name, render in renders.items():
        samples: list[tuple[float, ...]] = []
        for k in range(repeats):
            sub = StageContext(
                settings=settings, workdir=folder / f"fmt-{k}-{name.replace(':', 'x')}",
                seed=7, ffmpeg_exe=exe,
            )  # fmt: skip
            sub.workdir.mkdir(parents=True, exist_ok=True)
            text = _timed(lambda sub=sub, name=name: overlays.run(
                plan.for_format(name), spec, drawn.clips, sub))  # fmt: skip
            video, thumb = sub.workdir / "out.mp4", sub.workdir / "out.jpg"
            enc = _timed(lambda sub=sub, video=video, thumb=thumb, render=render: export.run(
                render, sub, video, thumb, stem="bench"))  # fmt: skip
            cmd = floor_cmd(exe, video, sub.workdir / "floor.mp4", audio=True)
            floor = _timed(lambda cmd=cmd: ffmpeg.run(cmd[0], cmd[1:], what="floor"))
            samples.append((*text, *enc, *floor))
        cols = list(zip(*samples, strict=True))
        rows.append(
            Row(name, median(cols[0]), median(cols[2]), median(cols[4]),
                median(cols[1]), median(cols[3]), median(cols[5]))
        )  # fmt: skip
    return rows


def markdown(rows: list[Row]) -> str:
    """The table: per format, what it adds vs its floor (the first format carries the clips)."""
    lines = [
        "| format | text s | export s | added s | floor s | added / floor (wall) | "
        "added / floor (CPU) |",
        "|---|---|---|---|---|---|---|",
    ]
    for i, r in enumerate(rows):
        role = " (first)" if i == 0 else ""
        lines.append(
            f"| {r.name}{role} | {r.text_s:.2f} | {r.export_s:.2f} | {r.added_s:.2f} | "
            f"{r.floor_s:.2f} | {r.added_s / r.floor_s:.2f}x | "
            f"{r.added_cpu / max(r.floor_cpu, 1e-6):.2f}x |"
        )
    extra = rows[1:]
    if extra:
        worst = max(r.added_s / r.floor_s for r in extra)
        verdict = "met" if worst <= TARGET else "missed"
        lines += ["", f"- worst extra format: **{worst:.2f}x** its floor (target <= {TARGET}x: "
                  f"{verdict}); no clip is drawn for an extra format"]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="9:16,1:1,16:9,4:5")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    shapes = [s.strip() for s in args.formats.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-formats-") as tmp:
        rows = run(shapes, Path(tmp), args.repeats)
    print(f"load average: {os.getloadavg()}")
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
