"""memory.release: what worker threads freed goes back to the OS before the final encode."""

from __future__ import annotations

import ctypes
import os
import sys
import threading

import pytest

from pipeline import memory

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
