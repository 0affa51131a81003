"""The offline voice engine's own cost: CPU seconds, wall time and peak RSS of its process.

    python -m benchmarks.voice_cost [--repeats 3] [--cache data/voices]

Starts the Piper child, speaks a 4-scene script (the luxury-watch ad's lines) and reads the
child's CPU time and peak RSS (``VmHWM``) from /proc before it exits. The timed model is
prepared into ``--cache`` first (once, outside the measurement), as a server does ahead.
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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.voice_cost")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path("data/voices"))
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        with PiperSpeech(VOICE, cache_dir=args.cache) as warm:
            warm._start()  # prepare the timed model once, unmeasured
        for _ in range(args.repeats):
            runs.append(once(args.cache, Path(tmp)))
    keys = ("cpu_s", "wall_s", "peak_mb", "speech_s")
    report = {k: statistics.median(r[k] for r in runs) for k in keys}
    print(json.dumps({"runs": runs, "median": report}))


if __name__ == "__main__":
    main()
