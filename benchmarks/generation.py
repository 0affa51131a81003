"""Benchmarks 2 and 3: whole offline generations (prompt -> MP4), alone and N at once.

    python -m benchmarks.generation [--repeats 3] [--concurrency 1,2,4]

2. One generation through ``jobs.start`` with the offline providers, exactly as the app runs
   it (a worker thread, the orchestrator, the SQLite row), with its voice-over and without
   (``voice`` off: music and headlines), each followed by its floor: a bare re-encode of
   *that generation's own finished MP4* at the export's preset and CRF, once with the
   export's threading and once with x264's default threading (issue 16's floor: the fastest
   the encoder itself goes on this content). The run's data folder is prepared before the
   measurement as an installation's first start leaves it (the database migrated, the
   voice's timed model written), so the measured worker starts as every later start does.
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
from pathlib import Path
from typing import Any

import psutil

from benchmarks import fixtures
from benchmarks.generation_report import (
    GenerationResult,
    export_progress_report,
    markdown,
)
from benchmarks.measure import MB, Measurement, run_measured, tree_rss
from benchmarks.report import LoadMonitor

PROMPTS = (
    fixtures.PROMPT,
    "Create a luxury watch ad for Instagram, warm and refined",
    "Cozy neighbourhood coffee shop, calm mornings, first cup free",
    "Budget fitness app, energetic, 30-day free trial for students",
)


def worker(n: int, folder: Path, poll_s: float = 0.1, voice: bool = True) -> dict[str, Any]:
    """Run ``n`` offline generations at once in this process; return what happened."""
    from pipeline.runtime import jobs
    from pipeline.runtime.services import bootstrap
    from pipeline.store import repository
    from pipeline.store.users import service_user

    t0 = time.perf_counter()
    settings = settings_for(folder)
    runtime = bootstrap(settings)
    with runtime.sessions.begin() as session:
        user_id = int(service_user(session, "bench").id)
    bootstrap_s = time.perf_counter() - t0

    me = psutil.Process()
    idle_rss = me.memory_info().rss  # the worker before any generation: the app's fixed cost
    peak_by_step: dict[str, int] = {}
    python_peak = me.memory_info().rss
    started = time.perf_counter()
    spoken = {"enabled": voice}
    ids = [
        jobs.start(runtime, user_id, PROMPTS[i % len(PROMPTS)], seed=100 + i, voice=spoken)
        for i in range(n)
    ]
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
                    "video": str(video) if video else None,
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


def settings_for(folder: Path) -> Any:
    from pipeline.settings import Settings

    return Settings(
        data_dir=folder / "data",
        output_dir=folder / "output",
        llm_provider="offline",
        video_provider="local",
        rate_limit_per_hour=1000,
    )


def prepare_installation(folder: Path, *, voice: bool) -> None:
    """What a served installation did once, at its first start: its database migrated and
    (with ``voice``) its voice's timed model written. A later start opens the database
    without Alembic, as the measured worker then does."""
    from pipeline.store.connection import init_db
    from pipeline.voice import tts

    settings = settings_for(folder)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    init_db(settings.resolved_database_url).dispose()
    if voice:
        tts.prepare(settings)


def floors_of(video: Path, folder: Path) -> tuple[Measurement, Measurement]:
    """The two bare re-encodes of a finished ad: the export's threading, x264's default."""
    from benchmarks.postproduction import floor_cmd
    from pipeline.media import ffmpeg

    exe = ffmpeg.find_ffmpeg()
    return (
        run_measured("floor (bare encode)", floor_cmd(exe, video, folder / "c.mp4", audio=True)),
        run_measured(
            "floor, x264 default threads",
            floor_cmd(exe, video, folder / "d.mp4", audio=True, default_threads=True),
        ),
    )


def measure_generations(
    n: int, runs_dir: Path, label: str, *, voice: bool = True, floors: bool = False
) -> tuple[Measurement, tuple[Measurement, ...]]:
    """One child process running ``n`` generations at once, measured as a tree; with
    ``floors``, the two floors of its (first) finished ad, measured after it."""
    folder = Path(tempfile.mkdtemp(prefix=f"gen{n}-", dir=runs_dir))
    try:
        prepare_installation(folder, voice=voice)
        cmd = [sys.executable, "-m", "benchmarks.generation", "worker", "--n", str(n),
               "--folder", str(folder), *([] if voice else ["--no-voice"])]  # fmt: skip
        m = run_measured(label, cmd, json_result=True, cwd=str(fixtures.REPO))
        videos = [g.get("video") for g in m.detail.get("generations", [])]
        if not floors or not videos or not videos[0] or not Path(videos[0]).exists():
            return m, ()
        return m, floors_of(Path(videos[0]), folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(
    runs_dir: Path,
    *,
    repeats: int = 3,
    concurrency: tuple[int, ...] = (1, 2, 4),
    floors: bool = True,
    silent: bool = True,
    verbose: bool = True,
) -> GenerationResult:
    """Benchmark 2 (each generation followed by its own ad's floors; with ``silent`` the same
    without the voice-over, alternated) and 3."""
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

    kinds = [(True, result.voiced, "one offline generation")]
    if silent:
        kinds.append((False, result.silent, "one offline generation, no voice"))
    with LoadMonitor() as load:
        for _ in range(repeats):
            for voice, runs, label in kinds:
                m, own = measure_generations(1, runs_dir, label, voice=voice, floors=floors)
                runs.add(m, own)
                for each in (m, *own):
                    say(each)
        for n in concurrency:
            m, _ = measure_generations(n, runs_dir, f"{n} generations at once")
            result.concurrent[n] = m
            say(m)
    result.load = load.summary()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Offline generation benchmarks.")
    sub = parser.add_subparsers(dest="command")
    w = sub.add_parser("worker", help="(internal) run N generations in this process")
    w.add_argument("--n", type=int, default=1)
    w.add_argument("--folder", type=Path, required=True)
    w.add_argument("--no-voice", action="store_true", help="no voice-over (music, headlines)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--concurrency", default="1,2,4")
    parser.add_argument("--no-floor", action="store_true", help="skip the floors of each ad")
    args = parser.parse_args(argv)
    if args.command == "worker":
        sys.stdout.write(json.dumps(worker(args.n, args.folder, voice=not args.no_voice)) + "\n")
        return 0
    runs = fixtures.ROOT / "runs" / f"generation-{time.strftime('%Y%m%d-%H%M%S')}"
    concurrency = tuple(int(x) for x in args.concurrency.split(",") if x.strip())
    result = run(runs, repeats=args.repeats, concurrency=concurrency, floors=not args.no_floor)
    print(markdown(result))
    print("\n" + export_progress_report(result.single or list(result.concurrent.values())))
    print(f"\nload during the run: {result.load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
