"""memory.release: what worker threads freed goes back to the OS before the final encode."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline.runtime import memory

PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * PAGE


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_release_returns_what_a_worker_thread_freed() -> None:
    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    libc.memset.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]

    def draw() -> None:  # like a clip renderer: many small buffers in the thread's arena
        blocks = [libc.malloc(4096) for _ in range(40_000)]  # ~160 MB
        for b in blocks:
            libc.memset(b, 1, 4096)
        keep = blocks.pop()  # one live block at the end pins the arena's top
        for b in blocks:
            libc.free(b)
        held.append(keep)

    held: list[int] = []
    worker = threading.Thread(target=draw)
    worker.start()
    worker.join()
    before = _rss_bytes()
    assert memory.release() is True
    after = _rss_bytes()
    libc.free(held[0])
    assert before - after > 100 * 1024 * 1024, (before >> 20, after >> 20)


_THREAD_TOP = """
import ctypes, os, sys, threading
sys.path.insert(0, {root!r})
from pipeline.runtime import memory
if {tuned}:
    assert memory.tune()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.memset.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]
MB = 1024 * 1024

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

def mix():  # like the audio mix: one 11 MB buffer, then many 1 MB ones, all freed
    big = libc.malloc(11 * MB); libc.memset(big, 1, 11 * MB); libc.free(big)
    blocks = [libc.malloc(MB) for _ in range(20)]
    for b in blocks:
        libc.memset(b, 1, MB)
    for b in blocks:
        libc.free(b)

before = rss()
t = threading.Thread(target=mix); t.start(); t.join()
memory.release()
print((rss() - before) // MB)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
@pytest.mark.parametrize(("tuned", "at_most_mb"), [(False, None), (True, 4)])
def test_tune_lets_a_thread_arena_give_back_its_free_top(
    tuned: bool, at_most_mb: int | None
) -> None:
    # A fresh interpreter each, since the thresholds are process-wide and glibc moves them.
    root = str(Path(__file__).resolve().parents[1])
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    out = subprocess.run(
        [sys.executable, "-c", _THREAD_TOP.format(root=root, tuned=tuned)],
        capture_output=True, text=True, check=True, env=env, timeout=60,
    )  # fmt: skip
    kept_mb = int(out.stdout.strip())
    if at_most_mb is None:
        assert kept_mb >= 15  # glibc's moving thresholds keep the freed 20 MB resident
    else:
        assert kept_mb <= at_most_mb
