"""Child processes: this package's modules as children, and children that die with us.

``command``/``environment`` run ``python -m pipeline.<module>`` with the same interpreter
(the virtual environment's), whatever the caller's working folder is. :func:`tied` gives
the ``Popen`` arguments that make a child (ffmpeg, the drawing process) end with its parent:
its own process group, and on Linux a parent-death signal, so a ``kill -9`` of the worker
does not leave an encoder writing into the temp folder.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
PR_SET_PDEATHSIG = 1  # from linux/prctl.h


def command(module: str, *args: str) -> list[str]:
    """The command line that runs ``module`` with ``args`` in a fresh interpreter."""
    return [sys.executable, "-m", module, *args]


def environment() -> dict[str, str]:
    """This process's environment with the package's folder first on ``PYTHONPATH``."""
    path = [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}


@cache
def _prctl() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _die_with(parent: int, prctl: Any) -> Callable[[], None]:
    def before_exec() -> None:  # runs in the child between fork and exec: keep it tiny
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(1)

    return before_exec


def tied() -> dict[str, Any]:
    """``Popen`` keyword arguments for a child that must not outlive this process.

    Linux sends the signal when the thread that started the child ends, so start children
    from a thread that waits for them (as every caller here does).
    """
    prctl = _prctl()
    extra: dict[str, Any] = {"start_new_session": True}
    if prctl is not None:
        extra["preexec_fn"] = _die_with(os.getpid(), prctl)
    return extra
