"""Where one offline generation's time and memory go, process by process.

    python -m benchmarks.profile_generation [--runs 1] [--no-voice]

Runs benchmark 2's worker (one generation through ``jobs.start``) and samples every process
of its tree every 20 ms: the worker, the drawing child, the voice engine, each ffmpeg. For
each it prints when it lived, its peak RSS and its CPU seconds (user + system, its own and
its waited-for children's, read at the last sample), then the tree's peak and when it came,
and the tree's peak in each phase (while the voice engine, the clip encoders or the export
ran). The data folder is prepared first as an installation's first start leaves it (the
database migrated, the voice's timed model written).
CPU seconds barely move when other work shares the machine; wall times do.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from benchmarks import fixtures
from benchmarks.measure import MB, not_started
from benchmarks.report import table


@dataclass
class Seen:
    """One process of the tree as sampled."""

    label: str
    start_s: float
    end_s: float = 0.0
    peak_bytes: int = 0
    cpu_s: float = 0.0


def label(cmd: list[str]) -> str:
    """A short name: the module a Python child runs, or what an ffmpeg does."""
    if len(cmd) > 2 and cmd[1] == "-m":
        return cmd[2]
    name = Path(cmd[0]).name if cmd else "?"
    if "ffmpeg" not in name:
        return name
    if "rawvideo" in cmd:
        return "ffmpeg: a clip's encoder"
    if "-filter_complex_threads" in cmd:
        return "ffmpeg: the export"
    if "ebur128" in " ".join(cmd):
        return "ffmpeg: loudness"
    return "ffmpeg: other"


def sample(
    folder: Path, interval_s: float = 0.02, voice: bool = True
) -> tuple[dict[int, Seen], list, dict]:
    """Run one generation in a child; return its processes, (t, tree MB) samples, result."""
    from benchmarks.generation import prepare_installation

    prepare_installation(folder, voice=voice)
    cmd = [sys.executable, "-m", "benchmarks.generation", "worker", "--n", "1",
           "--folder", str(folder), *([] if voice else ["--no-voice"])]  # fmt: skip
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=str(fixtures.REPO))  # fmt: skip
    root = psutil.Process(proc.pid)
    seen: dict[int, Seen] = {}
    tree: list[tuple[float, int]] = []
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        now, total = time.perf_counter() - t0, 0
        for p in procs:
            try:
                if p is not root and not_started(p):
                    continue  # its parent's memory, not yet its own program
                with p.oneshot():
                    rss, cpu, cmdline = p.memory_info().rss, p.cpu_times(), p.cmdline()
            except psutil.Error:
                continue
            total += rss
            entry = seen.setdefault(p.pid, Seen(label(cmdline), now))
            entry.end_s, entry.peak_bytes = now, max(entry.peak_bytes, rss)
            entry.cpu_s = cpu.user + cpu.system + cpu.children_user + cpu.children_system
        tree.append((round(now, 2), total // MB))
        time.sleep(interval_s)
    out, err = proc.communicate()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"the generation worker failed:\n{err[-2000:]}")
    return seen, tree, json.loads(lines[-1])


def markdown(seen: dict[int, Seen], tree: list, result: dict) -> str:
    """A table of the processes and a line on the tree's peak and the stages."""
    rows = [
        [s.label, f"{s.start_s:.1f}-{s.end_s:.1f} s", f"{s.peak_bytes / MB:.0f} MB",
         f"{s.cpu_s:.2f} s"]
        for s in sorted(seen.values(), key=lambda s: s.start_s)
    ]  # fmt: skip
    at, peak = max(tree, key=lambda x: x[1]) if tree else (0.0, 0)
    gen = result["generations"][0]
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in (gen["stage_timings"] or {}).items())
    phases = []
    for name in ("pipeline.voice.piper_child", "ffmpeg: a clip's encoder", "ffmpeg: the export"):
        alive = [s for s in seen.values() if s.label == name]
        if alive:
            first, last = min(s.start_s for s in alive), max(s.end_s for s in alive)
            top = max((mb for t, mb in tree if first <= t <= last), default=0)
            phases.append(f"{name} {top} MB")
    return "\n\n".join([
        table(["process", "alive", "peak RSS", "CPU (incl. waited-for children)"], rows),
        f"- tree peak {peak} MB at {at:.1f} s; generation {result['work_s']:.2f} s wall "
        f"({gen['status']}); by stage: {stages}",
        "- tree peak while each ran: " + ", ".join(phases),
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-voice", action="store_true", help="the ad without its voice-over")
    args = parser.parse_args(argv)
    for _ in range(args.runs):
        folder = Path(tempfile.mkdtemp(prefix="profile-generation-"))
        try:
            print(markdown(*sample(folder, voice=not args.no_voice)), flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
