"""Machine facts, the load while we measured, and markdown tables for the results."""

from __future__ import annotations

import os
import platform
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psutil


def machine_facts(ffmpeg_exe: str) -> dict[str, str]:
    """CPU, cores, memory, OS, Python and ffmpeg versions, and when."""
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        version = subprocess.run(
            [ffmpeg_exe, "-hide_banner", "-version"], capture_output=True, text=True, check=False
        ).stdout.splitlines()[0]
    except (OSError, IndexError):
        version = "unknown"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": f"{psutil.virtual_memory().total / 1024**3:.1f} GiB",
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "ffmpeg": version,
    }


@dataclass
class LoadMonitor:
    """Samples the 1-minute load average every ``interval_s`` while a benchmark runs.

    The machine may be shared: a load far above the core count means the wall times are
    stretched by other work (CPU seconds are the steadier figure then).
    """

    interval_s: float = 5.0
    samples: list[float] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> LoadMonitor:
        self.samples.append(os.getloadavg()[0])
        self._thread = threading.Thread(target=self._loop, name="load-monitor", daemon=True)
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.samples.append(os.getloadavg()[0])

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        if not self.samples:
            return "n/a"
        mean = sum(self.samples) / len(self.samples)
        return (
            f"mean {mean:.2f}, min {min(self.samples):.2f}, max {max(self.samples):.2f} "
            f"(1-min load average, {os.cpu_count()} cores)"
        )


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def mb(value_bytes: float) -> str:
    return f"{value_bytes / 1024**2:.0f} MB"
