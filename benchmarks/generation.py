"""Benchmarks 2 and 3: whole offline generations (prompt -> MP4), alone and N at once.

    python -m benchmarks.generation [--repeats 3] [--concurrency 1,2,4]

2. One generation through ``jobs.start`` with the offline providers, exactly as the app runs
   it (a worker thread, the orchestrator, the SQLite row), alternated with the floor (the
   bare encode of benchmark 1) so both see the same machine load.
3. N generations started together in one process (N = 1, 2, 4), like N users clicking
   Generate at once: total time until all finish, peak memory, failures.

Each measurement is a child process (``python -m benchmarks.generation worker``) so the
peak RSS covers the Python process and every ffmpeg it starts. The worker polls each row's
status like the progress panel does and reports the progress values it saw, which shows
whether ffmpeg's progress drives the export stage from 95 to 99 %.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from benchmarks import fixtures
from benchmarks.measure import MB, Measurement, median, run_measured, tree_rss
from benchmarks.report import LoadMonitor, mb, table, verdict

PROMPTS = (
    fixtures.PROMPT,
    "Create a luxury watch ad for Instagram, warm and refined",
    "Cozy neighbourhood coffee shop, calm mornings, first cup free",
    "Budget fitness app, energetic, 30-day free trial for students",
)
TARGET_FLOOR_RATIO = 2.0
TARGET_DEFAULT_FLOOR_RATIO = 2.0  # issue 16: against x264 at its default threading
TARGET_PEAK_MB = 400
TARGET_CONCURRENT_RATIO = 4.5
TARGET_CONCURRENT_PEAK_MB = 1536


def worker(n: int, folder: Path, poll_s: float = 0.1) -> dict[str, Any]:
    """Run ``n`` offline generations at once in this process; return what happened."""
    from pipeline.runtime import jobs
    from pipeline.runtime.services import bootstrap
    from pipeline.settings import Settings
    from pipeline.store import repository
    from pipeline.store.users import service_user

    t0 = time.perf_counter()
    settings = Settings(
        data_dir=folder / "data",
        output_dir=folder / "output",
        llm_provider="offline",
        video_provider="local",
        rate_limit_per_hour=1000,
    )
    runtime = bootstrap(settings)
    with runtime.sessions.begin() as session:
        user_id = int(service_user(session, "bench").id)
    bootstrap_s = time.perf_counter() - t0

    me = psutil.Process()
    idle_rss = me.memory_info().rss  # the worker before any generation: the app's fixed cost
    peak_by_step: dict[str, int] = {}
    python_peak = me.memory_info().rss
    started = time.perf_counter()
    ids = [jobs.start(runtime, user_id, PROMPTS[i % len(PROMPTS)], seed=100 + i) for i in range(n)]
    seen: dict[int, list[int]] = {i: [] for i in ids}
    done: dict[int, float] = {}
    while len(done) < n:
        for gid in ids:
            if gid in done:
                continue
            with runtime.sessions() as session:
                status = repository.read_status(session, gid, user_id)
            step = str(status["current_step"])
            peak_by_step[step] = max(peak_by_step.get(step, 0), tree_rss(me))
            python_peak = max(python_peak, me.memory_info().rss)
            if not seen[gid] or seen[gid][-1] != status["progress"]:
                seen[gid].append(int(status["progress"]))
            if status["status"] in ("completed", "failed"):
                done[gid] = time.perf_counter() - started
        time.sleep(poll_s)
    for gid in ids:
        jobs.wait(gid)
    total = time.perf_counter() - started

    generations: list[dict[str, Any]] = []
    with runtime.sessions() as session:
        for gid in ids:
            row = repository.get_generation(session, gid, user_id)
            video = Path(row.video_path) if row.video_path else None
            generations.append(
                {
                    "id": gid,
                    "status": row.status,
                    "error": row.error,
                    "error_stage": row.error_stage,
                    "seconds": round(done[gid], 3),
                    "stage_timings": row.stage_timings,
                    "progress_seen": seen[gid],
                    "output_bytes": video.stat().st_size if video and video.exists() else 0,
                }
            )
    runtime.engine.dispose()
    return {
        "work_s": round(total, 3),
        "bootstrap_s": round(bootstrap_s, 3),
        "n": n,
        "peak_mb_by_step": {k: round(v / MB) for k, v in peak_by_step.items()},
        "python_peak_mb": round(python_peak / MB),
        "idle_mb": round(idle_rss / MB),
        "failures": sum(g["status"] != "completed" for g in generations),
        "generations": generations,
        "output_bytes": max((g["output_bytes"] for g in generations), default=0),
    }


def measure_generations(n: int, runs_dir: Path, label: str) -> Measurement:
    """One child process running ``n`` generations at once, measured as a tree."""
    folder = Path(tempfile.mkdtemp(prefix=f"gen{n}-", dir=runs_dir))
    try:
        cmd = [
            sys.executable,
            "-m",
            "benchmarks.generation",
            "worker",
            "--n",
            str(n),
            "--folder",
            str(folder),
        ]
        return run_measured(label, cmd, json_result=True, cwd=str(fixtures.REPO))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class GenerationResult:
    single: list[Measurement] = field(default_factory=list)
    floor: list[Measurement] = field(default_factory=list)
    floor_default: list[Measurement] = field(default_factory=list)  # x264's own threading
    concurrent: dict[int, Measurement] = field(default_factory=dict)
    load: str = ""


def run(
    runs_dir: Path,
    floor: Any,
    *,
    repeats: int = 3,
    concurrency: tuple[int, ...] = (1, 2, 4),
    verbose: bool = True,
) -> GenerationResult:
    """Benchmark 2 (alternating with ``floor()``, a callable measuring one floor run, or a
    tuple of the export-settings floor and the default-threading floor) and 3."""
    runs_dir.mkdir(parents=True, exist_ok=True)
    result = GenerationResult()

    def say(m: Measurement) -> None:
        if verbose:
            extra = f", {m.detail.get('failures', 0)} failed" if m.detail else ""
            print(
                f"  {m.variant}: {m.wall_s:.2f} s wall, {m.cpu_s:.1f} CPU s, "
                f"{m.peak_rss_mb:.0f} MB peak{extra}",
                flush=True,
            )

    with LoadMonitor() as load:
        for _ in range(repeats):
            m = measure_generations(1, runs_dir, "one offline generation")
            result.single.append(m)
            say(m)
            if floor is not None:
                got = floor()
                floors = got if isinstance(got, tuple) else (got,)
                result.floor.append(floors[0])
                result.floor_default.extend(floors[1:2])
                for f in floors:
                    say(f)
        for n in concurrency:
            m = measure_generations(n, runs_dir, f"{n} generations at once")
            result.concurrent[n] = m
            say(m)
    result.load = load.summary()
    return result


def markdown(result: GenerationResult) -> str:
    """Tables and verdicts for benchmarks 2 and 3."""
    parts = []
    if result.single:
        single = median([m.wall_s for m in result.single])
        peak = max(m.peak_rss_bytes for m in result.single)
        failures = sum(m.detail.get("failures", 0) for m in result.single)
        rows = [
            [
                "one offline generation",
                f"{single:.2f} s",
                " / ".join(f"{m.wall_s:.1f}" for m in result.single),
                f"{median([m.cpu_s for m in result.single]):.1f} s",
                mb(peak),
            ]
        ]
        lines = [
            f"- peak memory of one generation: **{peak / 1024**2:.0f} MB** (target < "
            f"{TARGET_PEAK_MB} MB: {verdict(peak / 1024**2 < TARGET_PEAK_MB)})"
        ]
        if result.floor:
            fl = median([m.wall_s for m in result.floor])
            rows.append(
                [
                    "floor (bare encode)",
                    f"{fl:.2f} s",
                    " / ".join(f"{m.wall_s:.1f}" for m in result.floor),
                    f"{median([m.cpu_s for m in result.floor]):.1f} s",
                    mb(max(m.peak_rss_bytes for m in result.floor)),
                ]
            )
            lines.insert(
                0,
                f"- generation / floor = **{single / fl:.2f}x** wall (target <= "
                f"{TARGET_FLOOR_RATIO}x: {verdict(single / fl <= TARGET_FLOOR_RATIO)}); "
                f"{_cpu(result.single) / _cpu(result.floor):.2f}x in CPU seconds",
            )
        if result.floor_default:
            fd = median([m.wall_s for m in result.floor_default])
            rows.append(
                [
                    "floor, x264 default threads",
                    f"{fd:.2f} s",
                    " / ".join(f"{m.wall_s:.1f}" for m in result.floor_default),
                    f"{median([m.cpu_s for m in result.floor_default]):.1f} s",
                    mb(max(m.peak_rss_bytes for m in result.floor_default)),
                ]
            )
            lines.insert(
                1 if result.floor else 0,
                f"- generation / default-threading floor = **{single / fd:.2f}x** wall (target "
                f"<= {TARGET_DEFAULT_FLOOR_RATIO}x: "
                f"{verdict(single / fd <= TARGET_DEFAULT_FLOOR_RATIO)})",
            )
        if failures:
            lines.append(
                f"- **{failures} single generation(s) failed**: "
                + "; ".join(_errors(result.single))
            )
        steps = result.single[0].detail.get("peak_mb_by_step", {})
        if steps:
            top = sorted(steps.items(), key=lambda kv: -kv[1])[:4]
            lines.append(
                "- peak RSS while the panel showed (first run, sampled every 0.1 s): "
                + ", ".join(f"{k!r} {v} MB" for k, v in top)
                + f"; of which the Python process itself peaked at "
                f"{result.single[0].detail.get('python_peak_mb', '?')} MB"
            )
        idle = max(m.detail.get("idle_mb", 0) for m in result.single)
        if idle:
            floor_peak = (
                f"; the bare encode alone (no Python) peaks at "
                f"{max(m.peak_rss_mb for m in result.floor):.0f} MB"
                if result.floor
                else ""
            )
            lines.append(
                f"- of the peak, {idle} MB is the idle worker (Python with the pipeline's "
                f"libraries, measured before the generation starts); the generation itself "
                f"adds {peak / MB - idle:.0f} MB{floor_peak}"
            )
        stages = _stage_medians(result.single)
        lines.append("- by stage (median): " + ", ".join(f"{k} {v:.2f} s" for k, v in stages))
        parts += [
            table(["run", "median wall", "each run (s)", "median CPU", "peak RSS (tree)"], rows),
            "\n".join(lines),
        ]
    if result.concurrent:
        one = result.concurrent.get(1)
        crows: list[list[object]] = []
        for n, m in sorted(result.concurrent.items()):
            vs_one = f"{m.wall_s / one.wall_s:.2f}x" if one else "n/a"
            crows.append(
                [
                    n,
                    f"{m.wall_s:.2f} s",
                    vs_one,
                    f"{m.cpu_s:.1f} s",
                    mb(m.peak_rss_bytes),
                    m.detail.get("failures", "?"),
                ]
            )
        headers = ["N at once", "total wall", "vs N=1", "CPU", "peak RSS (tree)", "failures"]
        parts.append(table(headers, crows))
        four = result.concurrent.get(4)
        if four and one:
            ratio = four.wall_s / one.wall_s
            peak4 = four.peak_rss_bytes / 1024**2
            fails = four.detail.get("failures", 0)
            parts.append(
                "\n".join(
                    [
                        f"- 4 at once / one: **{ratio:.2f}x** (target <= "
                        f"{TARGET_CONCURRENT_RATIO}x: {verdict(ratio <= TARGET_CONCURRENT_RATIO)})",
                        f"- peak memory with 4 at once: **{peak4:.0f} MB** (target < "
                        f"{TARGET_CONCURRENT_PEAK_MB} MB: "
                        f"{verdict(peak4 < TARGET_CONCURRENT_PEAK_MB)})",
                        f"- failures with 4 at once: {fails} ({verdict(fails == 0)})"
                        + ("; " + "; ".join(_errors([four])) if fails else ""),
                    ]
                )
            )
    return "\n\n".join(parts)


def _cpu(ms: list[Measurement]) -> float:
    return median([m.cpu_s for m in ms])


def _errors(ms: list[Measurement]) -> list[str]:
    return [
        f"{g['error_stage']}: {g['error']}"
        for m in ms
        for g in m.detail.get("generations", [])
        if g["status"] != "completed"
    ]


def _stage_medians(ms: list[Measurement]) -> list[tuple[str, float]]:
    timings = [g["stage_timings"] or {} for m in ms for g in m.detail.get("generations", [])]
    names = [k for k in (timings[0] if timings else {})]
    return [(k, median([t[k] for t in timings if k in t])) for k in names]


def export_progress_report(ms: list[Measurement]) -> str:
    """Whether the progress panel saw the export stage move between 95 and 99 %."""
    seen = [
        g["progress_seen"]
        for m in ms
        for g in m.detail.get("generations", [])
        if g["status"] == "completed"
    ]
    if not seen:
        return "no completed generation to check export progress on"
    inside = sorted({p for s in seen for p in s if 95 < p < 100})
    return (
        f"progress values the panel saw (first run): {seen[0]}; values strictly between "
        f"95 and 100 across runs: {inside or 'none'}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Offline generation benchmarks.")
    sub = parser.add_subparsers(dest="command")
    w = sub.add_parser("worker", help="(internal) run N generations in this process")
    w.add_argument("--n", type=int, default=1)
    w.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--concurrency", default="1,2,4")
    parser.add_argument("--no-floor", action="store_true", help="skip the interleaved floor")
    args = parser.parse_args(argv)
    if args.command == "worker":
        sys.stdout.write(json.dumps(worker(args.n, args.folder)) + "\n")
        return 0
    from benchmarks import postproduction

    floor = None
    runs = postproduction.RUNS / f"generation-{time.strftime('%Y%m%d-%H%M%S')}"
    if not args.no_floor:
        setup = postproduction.prepare(variants="AC", allow_missing=True)

        def floor() -> tuple[Measurement, Measurement]:
            return (
                postproduction.measure("C", setup, setup.runs / "floor"),
                postproduction.measure("D", setup, setup.runs / "floor-default"),
            )

    concurrency = tuple(int(x) for x in args.concurrency.split(",") if x.strip())
    result = run(runs, floor, repeats=args.repeats, concurrency=concurrency)
    print(markdown(result))
    print("\n" + export_progress_report(result.single or list(result.concurrent.values())))
    print(f"\nload during the run: {result.load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
