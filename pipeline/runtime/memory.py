"""Hand memory the pipeline no longer uses back to the operating system.

Drawing clips, setting text and mixing audio run in worker threads; glibc keeps what they
freed in per-thread arenas, so the process stays large while the final encode (the biggest
consumer of a generation) runs next to it. Two measures, both glibc-only and harmless
elsewhere:

- ``tune`` (once per process, at bootstrap) fixes glibc's two thresholds. By default glibc
  raises them as the program frees big blocks: after one 11 MB audio buffer it keeps up to
  23 MB free at the top of every thread's arena, and ``malloc_trim`` cannot return a
  thread arena's top. Fixed at 32 MB (blocks below it reuse arena memory: no page faults per
  drawn frame) and 4 MB (a thread arena's free top beyond that goes back at once): measured
  -20 MB for the worker during the encode, and the same wall time.
- ``release`` (before the final encode) collects garbage and asks glibc to return the free
  pages inside every arena: measured 174 -> 142 MB for the Python process of one generation.
- ``page_out`` asks the kernel to reclaim the resident pages of a library's read-only
  mappings (``MADV_PAGEOUT``): lingua reads its language models out of its own 100 MB
  library, and those 9-12 MB of file pages stayed in the worker after the models were put
  down. Nothing is lost: a page used again is read back from the file.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sys
from functools import cache
from pathlib import Path

M_TRIM_THRESHOLD = -1  # mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
MADV_PAGEOUT = 21  # linux/mman.h, Linux 5.4+
TRIM_THRESHOLD = 4 * 1024 * 1024
MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's own ceiling for the moving threshold


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim, libc.mallopt  # noqa: B018 - glibc only (musl has neither)
    except (OSError, AttributeError):
        return None
    return libc


@cache
def tune() -> bool:
    """Fix glibc's mmap and trim thresholds for this process; False where not applied.

    Left alone when the operator set ``MALLOC_MMAP_THRESHOLD_`` or ``MALLOC_TRIM_THRESHOLD_``.
    """
    libc = _libc()
    if libc is None or {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"} & set(os.environ):
        return False
    return bool(
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
        and libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
    )


def trim() -> bool:
    """Return free heap pages to the OS, no garbage collection (another thread may be
    drawing); False where glibc is absent."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True


def release() -> bool:
    """Collect garbage and return free heap pages to the OS; False where glibc is absent."""
    gc.collect()
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True


def page_out(library: Path) -> int:
    """Reclaim this process's resident pages of ``library``'s read-only mappings; the bytes
    asked for (0 where Linux's ``MADV_PAGEOUT`` or ``/proc/self/maps`` is missing).

    Only mappings that cannot hold this process's own writes (no ``w`` in their permissions)
    are touched, so the advice can never discard data.
    """
    libc = _libc()
    if libc is None:
        return 0
    target = str(library.resolve())
    asked = 0
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            spans = [line.rstrip("\n").split(maxsplit=5) for line in maps]
    except OSError:
        return 0
    madvise = libc.madvise
    madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    for parts in spans:
        if len(parts) < 6 or parts[5] != target or "w" in parts[1]:
            continue
        start, end = (int(x, 16) for x in parts[0].split("-"))
        if madvise(start, end - start, MADV_PAGEOUT) == 0:
            asked += end - start
    return asked
