"""The offline voice engine's own cost: CPU seconds, wall time and peak RSS of its process.

    python -m benchmarks.voice_cost [--repeats 3] [--cache data/voices] [--stage]

Starts the Piper child, speaks a 4-scene script (the luxury-watch ad's lines) and reads the
child's CPU time and peak RSS (``VmHWM``) from /proc before it exits. The timed model is
prepared into ``--cache`` first (once, outside the measurement), as a server does ahead.
``--stage`` times the whole voice stage instead (the offline director's luxury-watch ad:
script fitting, speech, caption PNGs), CPU of this process plus its children.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import psutil

from pipeline.voice.piper import PiperSpeech

VOICE = "en_US-joe-medium"
LINES = (
    "Timeless precision.",
    "Sapphire crystal. Built to last a lifetime.",
    "Swiss movement, hand finished.",
    "20% off this week only. Shop the collection.",
)


def _peak_mb(pid: int) -> float:
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024
    return 0.0


def once(cache: Path, out: Path) -> dict[str, float]:
    """One engine start plus the whole script; the child's numbers, read before it exits."""
    started = time.perf_counter()
    engine = PiperSpeech(VOICE, cache_dir=cache)
    try:
        many = getattr(engine, "synthesize_many", None)
        jobs = [(text, out / f"line_{i}.wav") for i, text in enumerate(LINES)]
        if many is not None:
            speeches = many(jobs)
        else:
            speeches = [engine.synthesize(text, path) for text, path in jobs]
        wall = time.perf_counter() - started
        assert engine.pid is not None
        proc = psutil.Process(engine.pid)
        cpu = proc.cpu_times()
        peak = _peak_mb(engine.pid)
    finally:
        engine.close()
    return {
        "cpu_s": round(cpu.user + cpu.system, 2),
        "wall_s": round(wall, 2),
        "peak_mb": round(peak, 1),
        "speech_s": round(sum(s.duration_s for s in speeches), 2),
    }


def stage_once(cache: Path, work: Path) -> dict[str, float]:
    """The voice stage of one offline ad: wall time and CPU seconds (with the engine's)."""
    import resource

    from pipeline import llm_enhancement, scene_planning
    from pipeline.context import StageContext
    from pipeline.providers import get_llm_provider
    from pipeline.settings import Settings
    from pipeline.voice import stage

    # the engine's timed model is read from <data_dir>/voices
    settings = Settings(data_dir=cache.parent, llm_provider="offline", tts_provider="piper")
    ctx = StageContext(settings=settings, workdir=work, seed=7)
    prompt = "Create a luxury watch ad for Instagram"
    spec = llm_enhancement.run(prompt, ctx, get_llm_provider(settings)).specification
    plan = scene_planning.run(spec, ctx)
    before = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    started = time.perf_counter()
    out = stage.run(spec, plan, ctx)
    wall = time.perf_counter() - started
    after = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    pairs = zip(after, before, strict=True)
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in pairs)
    return {
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "peak_mb": 0.0,
        "speech_s": float(out.summary()["seconds"]),  # type: ignore[arg-type]
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.voice_cost")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path("data/voices"))
    parser.add_argument("--stage", action="store_true", help="time the whole voice stage")
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        with PiperSpeech(VOICE, cache_dir=args.cache) as warm:
            warm._start()  # prepare the timed model once, unmeasured
        for n in range(args.repeats):
            if args.stage:
                runs.append(stage_once(args.cache, Path(tmp) / str(n)))
            else:
                runs.append(once(args.cache, Path(tmp)))
    keys = ("cpu_s", "wall_s", "peak_mb", "speech_s")
    report = {k: statistics.median(r[k] for r in runs) for k in keys}
    print(json.dumps({"runs": runs, "median": report}))


if __name__ == "__main__":
    main()
