"""``python -m pipeline serve``: start-up work before the web app takes its first page.

It upgrades the database and recovers generations of stopped processes now (not on the
first page load), prepares the offline voice's timed model beside the app's start (once per
installation, so the first ad does not pay ~1.6 s for it), keeps sweeping for such rows
while the app is idle, and runs ``streamlit run app.py`` with the given arguments as its
child, which ends with it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from types import FrameType

from pipeline.runtime import jobs
from pipeline.runtime.child import ROOT, environment, tied
from pipeline.runtime.services import bootstrap
from pipeline.settings import Settings
from pipeline.voice import tts


def streamlit_command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), *args]


def serve(settings: Settings, args: list[str]) -> int:
    """Bootstrap (migrations, recovery, idle sweep), then run the app until it exits."""
    runtime = bootstrap(settings)
    jobs.serve(runtime)
    threading.Thread(target=tts.prepare, args=(settings,), daemon=True).start()
    app = subprocess.Popen(streamlit_command(args), env=environment(), **tied())

    def forward(signum: int, _frame: FrameType | None) -> None:
        app.send_signal(signum)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, forward)
    try:
        return app.wait()
    finally:
        if runtime.keeper is not None:
            runtime.keeper.stop()
        runtime.engine.dispose()
