"""Measuring a run: wall time and the peak RSS of a whole process tree.

GNU time's max RSS shows only the largest single process, which hides the ffmpeg children a
MoviePy pipeline (or our export) starts. :class:`TreeSampler` sums the RSS of a process and
all its descendants every few milliseconds in a thread and keeps the maximum.
Summed RSS counts shared library pages once per process, so it overstates a tree of many
processes (two clip encoders map the same ffmpeg binary); it never understates one. The
sampler also sums PSS (each shared page split between the processes that map it), what the
tree occupies in RAM; the targets are judged on RSS.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import psutil

MB = 1024 * 1024


def not_started(proc: psutil.Process) -> bool:
    """A child between fork and exec: it still shows its parent's command line and, for
    ``vfork``, its parent's very memory. Counting it counted the parent twice (a 200-300 MB
    drawing process starting an ffmpeg read as a 500-600 MB tree for a moment)."""
    parent = proc.parent()
    return parent is not None and proc.cmdline() == parent.cmdline()


def tree_memory(root: psutil.Process) -> tuple[int, int]:
    """Bytes of RSS and of PSS of ``root`` and every live descendant, as :func:`tree_rss`
    counts them (PSS is 0 where the system does not report it)."""
    rss = pss = 0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    for proc in procs:
        try:
            if proc is not root and not_started(proc):
                continue
            info = proc.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", 0)
        except psutil.Error:
            continue  # it exited between listing and reading
    return rss, pss


def tree_rss(root: psutil.Process) -> int:
    """Bytes of RSS of ``root`` and every live descendant (0 for processes that vanished);
    a child that has not yet started its own program is not counted."""
    return tree_memory(root)[0]


class TreeSampler:
    """Samples the tree under ``pid`` in a daemon thread until :meth:`stop`; keeps the peak."""

    def __init__(self, pid: int | None = None, interval_s: float = 0.02) -> None:
        self._root = psutil.Process(pid if pid is not None else os.getpid())
        self._interval = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)
        self.peak_bytes = 0
        self.peak_pss_bytes = 0
        self.samples = 0

    def _sample(self) -> None:
        rss, pss = tree_memory(self._root)
        self.peak_bytes = max(self.peak_bytes, rss)
        self.peak_pss_bytes = max(self.peak_pss_bytes, pss)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self.samples += 1
            self._stop.wait(self._interval)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> int:
        """Stop sampling (takes one last sample) and return the peak in bytes."""
        if not self._stop.is_set():
            self._stop.set()
            self._thread.join()
            self._sample()
        return self.peak_bytes


@dataclass
class Measurement:
    """One measured run of a variant."""

    variant: str
    wall_s: float  # the work itself (interpreter start and imports excluded where reported)
    process_wall_s: float  # the whole child process, start to exit
    peak_rss_bytes: int
    cpu_s: float = 0.0  # user + system CPU of the child and its waited-for descendants
    output_bytes: int = 0
    detail: dict[str, Any] = field(default_factory=dict)
    peak_pss_bytes: int = 0  # the same tree's peak PSS: shared pages counted once

    @property
    def peak_rss_mb(self) -> float:
        return self.peak_rss_bytes / MB


class BenchmarkError(RuntimeError):
    """A measured command failed; the message carries its stderr tail."""


def run_measured(
    variant: str,
    cmd: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    cwd: str | None = None,
    json_result: bool = False,
    timeout_s: float = 1800,
) -> Measurement:
    """Run ``cmd`` as a child, sample its tree's RSS, time it.

    With ``json_result`` the child prints one JSON object as its last stdout line; its
    ``work_s`` (time spent on the work, after imports) becomes ``wall_s`` and the object is
    kept as ``detail``. Otherwise ``wall_s`` is the process wall time.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
        text=True,
    )
    sampler = TreeSampler(proc.pid)
    with sampler:
        try:
            out, err = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            raise BenchmarkError(f"{variant} timed out after {timeout_s:.0f} s") from None
    process_wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        tail = "\n".join(err.strip().splitlines()[-15:])
        raise BenchmarkError(f"{variant} failed (exit {proc.returncode}):\n{tail}")
    detail: dict[str, Any] = {}
    wall = process_wall
    if json_result:
        lines = [line for line in out.strip().splitlines() if line.startswith("{")]
        if not lines:
            raise BenchmarkError(f"{variant} printed no JSON result. stderr:\n{err[-2000:]}")
        detail = json.loads(lines[-1])
        wall = float(detail.get("work_s", process_wall))
    return Measurement(
        variant=variant,
        wall_s=wall,
        process_wall_s=process_wall,
        peak_rss_bytes=sampler.peak_bytes,
        cpu_s=cpu,
        output_bytes=int(detail.get("output_bytes", 0)),
        detail=detail,
        peak_pss_bytes=sampler.peak_pss_bytes,
    )


def median(values: Sequence[float]) -> float:
    """The median (the middle of an odd count, the mean of the two middles otherwise)."""
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by nearest rank, the usual definition for latency."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]
