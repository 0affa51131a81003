"""Running one of this package's modules as a child process (``python -m pipeline.<module>``).

The child uses the same interpreter (the virtual environment's) and finds the package
whatever the caller's working folder is.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def command(module: str, *args: str) -> list[str]:
    """The command line that runs ``module`` with ``args`` in a fresh interpreter."""
    return [sys.executable, "-m", module, *args]


def environment() -> dict[str, str]:
    """This process's environment with the package's folder first on ``PYTHONPATH``."""
    path = [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
