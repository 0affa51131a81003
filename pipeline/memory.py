"""Hand memory the pipeline no longer uses back to the operating system.

Drawing clips, setting text and mixing audio run in worker threads; glibc keeps what they
freed in per-thread arenas, so the process stays large while the final encode (the biggest
consumer of a generation) runs next to it. ``release`` collects garbage and asks glibc to
return free pages: measured 174 -> 142 MB for the Python process of one offline generation.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import cache


@cache
def _malloc_trim() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim  # glibc only (musl has none)
    except (OSError, AttributeError):
        return None


def release() -> bool:
    """Collect garbage and return free heap pages to the OS; False where glibc is absent."""
    gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
