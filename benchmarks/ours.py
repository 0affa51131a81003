"""Variant A, ours: post-production of the fixed ad with the real pipeline stages.

overlays -> stitching -> audio -> export (one ffmpeg pass + thumbnail), exactly as the
orchestrator chains them, each stage timed. Run as a child process by the harness so its
whole process tree (Python + ffmpeg) is measured:

    python -m benchmarks.ours --out DIR [--clips auto|local|lavfi] [--allow-missing]

It prints one JSON line: ``work_s`` (all stages, imports excluded), per-stage seconds,
the export's progress reports and the output's probed facts.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import fixtures
from pipeline.media import ffmpeg
from pipeline.runtime.render_plan import AudioTrack, OverlayLayer, RenderPlan
from pipeline.settings import Settings
from pipeline.stages import export, stitching
from pipeline.stages.context import StageContext

STAGE_MODULES = ("overlays", "audio")


def _stage_module(name: str, allow_missing: bool, missing: list[str]) -> Any:
    """The stage module, or None (recorded in ``missing``) when allowed and not written yet."""
    try:
        return importlib.import_module(f"pipeline.stages.{name}")
    except ImportError as exc:
        if not allow_missing:
            raise SystemExit(
                f"pipeline.stages.{name} cannot be imported ({exc}). It is the {name} stage; "
                "pass --allow-missing to measure the rest and mark the result incomplete."
            ) from exc
        missing.append(name)
        return None


def postproduce(
    prepared: fixtures.Prepared, workdir: Path, out_dir: Path, exe: str, *, allow_missing: bool
) -> dict[str, Any]:
    """Run the post-production stages on the prepared clips; return timings and facts."""
    missing: list[str] = []
    mods = {name: _stage_module(name, allow_missing, missing) for name in STAGE_MODULES}
    plan, spec = fixtures.scene_plan(), fixtures.specification()
    settings = Settings(data_dir=workdir / "data", output_dir=out_dir)
    ctx = StageContext(
        settings=settings, workdir=workdir, seed=plan.seed, ffmpeg_exe=exe, generation_id=1
    )
    stages: dict[str, float] = {}
    started = time.perf_counter()

    def timed(name: str, fn: Any) -> Any:
        t0 = time.perf_counter()
        value = fn()
        stages[name] = round(time.perf_counter() - t0, 3)
        return value

    layers: list[OverlayLayer] = []
    if mods["overlays"] is not None:
        layers = timed("overlays", lambda: mods["overlays"].run(plan, spec, prepared.clips, ctx))
    timeline = timed("stitching", lambda: stitching.run(plan, prepared.clips, ctx))
    track: AudioTrack | None = None
    if mods["audio"] is not None:
        audio = mods["audio"]
        request = audio.AudioRequest.for_ad(spec.ad.mood, timeline, plan.seed, plan)
        track = timed("audio", lambda: audio.run(request, ctx))
    render_plan = RenderPlan(
        timeline=timeline, overlays=layers, audio=track, grade=spec.ad.visual_style
    )
    progress: list[float] = []
    export_ctx = ctx.with_report(lambda fraction, _message: progress.append(round(fraction, 4)))
    video, thumb = out_dir / "ours.mp4", out_dir / "ours.jpg"
    result = timed("export", lambda: export.run(render_plan, export_ctx, video, thumb))
    work = time.perf_counter() - started
    plan_json = render_plan.model_dump(mode="json")
    (out_dir / "render_plan.json").write_text(json.dumps(plan_json, indent=1), encoding="utf-8")
    return {
        "work_s": round(work, 3),
        "stages": stages,
        "missing_stages": missing,
        "export_progress": progress,
        "output": str(result.video_path),
        "thumbnail": str(result.thumbnail_path),
        "output_bytes": result.info.size_bytes,
        "duration_s": result.info.duration_s,
        "size": f"{result.info.width}x{result.info.height}",
        "fps": result.info.fps,
        "audio_codec": result.info.audio_codec,
        "render_plan": plan_json,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the MP4 and work")
    parser.add_argument("--clips", default="auto", choices=("auto", "local", "lavfi"))
    parser.add_argument("--cache", type=Path, default=fixtures.DEFAULT_CACHE)
    parser.add_argument("--allow-missing", action="store_true")
    args = parser.parse_args(argv)
    exe = ffmpeg.find_ffmpeg()
    prepared = fixtures.prepare(args.cache, args.clips, exe)
    workdir = args.out / "work"
    workdir.mkdir(parents=True, exist_ok=True)
    facts = postproduce(prepared, workdir, args.out, exe, allow_missing=args.allow_missing)
    sys.stdout.write(json.dumps(facts) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
